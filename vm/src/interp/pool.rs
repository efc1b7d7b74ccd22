//! Each worker thread keeps the VMs of tasks that finished on it, emptied,
//! and gives them to the next tasks it starts: a spawn-heavy program (a
//! task per request, a fan-out of a million leaves) then allocates a VM,
//! its stack and its frame list once per worker rather than once per task.
//! A pooled VM holds no values and no task. On a runtime's worker it keeps
//! its program (globals and `RtCtx`), so the next task of the same program
//! takes it without touching their shared reference counts (two workers
//! would otherwise fight over those cache lines at every task start and
//! end); the worker empties its pool as it stops (`drain`, called through
//! `runtime::scheduler::on_worker_exit`), so no program outlives its
//! runtime in a pool. Elsewhere a pooled VM keeps no program (its globals
//! are a shared empty set), so whatever happens to the pool when its
//! thread exits drops nothing but memory.

use super::{Globals, Vm, BUDGET};
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

/// VMs kept per thread.
const POOL_MAX: usize = 32;
/// A VM whose stack or frame list grew past this is not kept (a deep
/// recursion should not pin its memory in the pool).
const KEEP_STACK: usize = 512;
const KEEP_FRAMES: usize = 32;

thread_local! {
    static POOL: RefCell<Vec<Box<Vm>>> = const { RefCell::new(Vec::new()) };
}

/// The globals of a pooled VM: none.
fn no_globals() -> Arc<Globals> {
    static EMPTY: OnceLock<Arc<Globals>> = OnceLock::new();
    EMPTY.get_or_init(|| Arc::new(Globals::new(Vec::new(), &[]))).clone()
}

/// A fresh VM for `globals`: a pooled one if this thread has one.
pub(crate) fn take(globals: &Arc<Globals>) -> Box<Vm> {
    let pooled = POOL.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())).ok().flatten();
    match pooled {
        Some(mut vm) => {
            if !Arc::ptr_eq(&vm.globals, globals) {
                vm.globals = globals.clone();
            }
            vm
        }
        None => Box::new(Vm::new(globals.clone())),
    }
}

/// Empties a finished task's VM and keeps it for the next task, or frees it.
pub(crate) fn give_back(mut vm: Box<Vm>) {
    if vm.fiber.stack.capacity() > KEEP_STACK || vm.fiber.frames.capacity() > KEEP_FRAMES {
        return;
    }
    // Everything that refers to the program goes now, on a live thread.
    vm.fiber.forget_borrowed();
    vm.fiber.stack.clear();
    vm.fiber.frames.clear();
    vm.fiber.handlers.clear();
    vm.trace.clear();
    vm.caught.clear();
    vm.task = None;
    if !runtime::scheduler::on_worker_thread() {
        vm.ctx = None;
        vm.globals = no_globals();
    }
    vm.budget = BUDGET;
    vm.reraising = false;
    vm.native_depth = 0;
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if p.len() < POOL_MAX {
                p.push(vm);
            }
        }
    });
}

/// Frees this thread's pooled VMs (a worker stopping: see the module
/// comment).
pub(crate) fn drain() {
    let pooled = POOL.try_with(|p| p.try_borrow_mut().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default());
    drop(pooled);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    #[test]
    fn a_pooled_vm_comes_back_empty_with_the_new_globals() {
        let g1 = Arc::new(Globals::new(vec!["a".into()], &[false]));
        let mut vm = take(&g1);
        vm.fiber.stack.push(Value::Int(7));
        vm.budget = 3;
        let addr = &*vm as *const Vm;
        give_back(vm);
        let g2 = Arc::new(Globals::new(vec!["b".into()], &[false]));
        let vm = take(&g2);
        assert_eq!(&*vm as *const Vm, addr, "the pooled VM is reused");
        assert!(vm.fiber.stack.is_empty());
        assert_eq!(vm.budget, BUDGET);
        assert!(Arc::ptr_eq(&vm.globals, &g2));
        assert_eq!(Arc::strong_count(&g1), 1, "the old program's globals are not kept");
    }

    fn pooled() -> usize {
        POOL.with(|p| p.borrow().len())
    }

    #[test]
    fn a_grown_vm_is_not_kept_and_the_pool_is_bounded() {
        let g = Arc::new(Globals::new(Vec::new(), &[]));
        let before = pooled();
        let mut vm = take(&g);
        vm.fiber.stack.reserve(KEEP_STACK * 2);
        give_back(vm);
        assert_eq!(pooled(), before.saturating_sub(1));
        let vms: Vec<Box<Vm>> = (0..POOL_MAX + 10).map(|_| take(&g)).collect();
        for vm in vms {
            give_back(vm);
        }
        assert_eq!(pooled(), POOL_MAX);
    }

    /// A task's VM on a worker keeps its program for the next task there,
    /// and the worker frees it as it stops: after the runtime's shutdown
    /// nothing but the test holds the globals.
    #[test]
    fn a_worker_keeps_the_program_in_its_pool_until_it_stops() {
        use runtime::{Poll, Schedulable, Shared, TaskHeader};
        use std::sync::atomic::{AtomicBool, Ordering};

        struct PoolUser {
            header: TaskHeader,
            rt: Arc<Shared>,
            globals: Arc<Globals>,
            kept: Arc<AtomicBool>,
        }
        impl Schedulable for PoolUser {
            fn header(&self) -> &TaskHeader {
                &self.header
            }
            fn runtime(&self) -> Option<&Arc<Shared>> {
                Some(&self.rt)
            }
            fn poll(self: Arc<Self>) -> Poll {
                give_back(take(&self.globals));
                let vm = take(&self.globals);
                self.kept.store(Arc::ptr_eq(&vm.globals, &self.globals), Ordering::SeqCst);
                give_back(vm);
                Poll::Done
            }
        }

        runtime::scheduler::on_worker_exit(drain);
        let g = Arc::new(Globals::new(vec!["x".into()], &[false]));
        let rt = runtime::Runtime::new(1, false);
        let kept = Arc::new(AtomicBool::new(false));
        let task = Arc::new(PoolUser {
            header: TaskHeader::new(),
            rt: rt.shared.clone(),
            globals: g.clone(),
            kept: kept.clone(),
        });
        rt.shared.spawn(task.clone());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !kept.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(kept.load(Ordering::SeqCst), "the pooled VM kept its globals on the worker");
        rt.shutdown();
        drop(task);
        assert_eq!(Arc::strong_count(&g), 1, "the stopped worker freed its pool");
    }
}
