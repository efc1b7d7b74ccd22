//! Helpers shared by the I/O modules: `IOError` results, the guard that
//! counts a suspended I/O operation as external work (so the runtime neither
//! reports a deadlock nor jumps virtual time while a socket may still wake
//! a task), and argument checks.

use runtime::Shared;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use vm::error::{ErrorObj, RtResult, Thrown};
use vm::futures::FutCx;
use vm::Value;

/// `Err(IOError(msg))` as a value.
pub fn io_err(msg: impl Into<String>) -> Value {
    Value::err(ErrorObj::value("IOError", msg))
}

/// Counts one pending I/O operation while it is suspended.
#[derive(Default)]
pub struct PendingIo {
    rt: Option<Arc<Shared>>,
    /// The waker left with the reactor while suspended.
    pub waker: Option<runtime::Waker>,
}

impl PendingIo {
    /// Called when the operation is about to return Pending.
    pub fn suspend(&mut self, cx: &FutCx) {
        self.waker = Some(cx.waker().clone());
        if self.rt.is_none() {
            cx.ctx.rt.external.fetch_add(1, Ordering::AcqRel);
            self.rt = Some(cx.ctx.rt.clone());
        }
    }

    /// After `WouldBlock`: true to try the socket again (readiness arrived
    /// meanwhile); false when the waker is left with the reactor and the
    /// operation must return Pending.
    pub fn would_block(&mut self, source: &crate::reactor::IoSource, dir: crate::reactor::Dir, cx: &FutCx) -> bool {
        if source.park(dir, cx.waker()) {
            return true;
        }
        self.suspend(cx);
        false
    }

    /// Called when the operation completes (also on drop).
    pub fn done(&mut self) {
        self.waker = None;
        if let Some(rt) = self.rt.take() {
            rt.external.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

impl Drop for PendingIo {
    fn drop(&mut self) {
        self.done();
    }
}

pub fn str_arg<'a>(args: &'a [Value], i: usize, what: &str) -> RtResult<&'a str> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(Thrown::type_error(format!("{what} must be a String, not {}", other.type_name()))),
        None => Err(Thrown::type_error(format!("missing {what}"))),
    }
}

pub fn int_arg(args: &[Value], i: usize, what: &str) -> RtResult<i64> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(other) => Err(Thrown::type_error(format!("{what} must be an Int, not {}", other.type_name()))),
        None => Err(Thrown::type_error(format!("missing {what}"))),
    }
}
