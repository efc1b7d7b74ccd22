//! The `run` path: any text that compiles is run (its top level, on one
//! worker, with virtual time, under a 512 MiB memory limit) for at most
//! 200 ms, as `mojolite test` runs a file. Errors, timeouts and failed assertions of the program are fine;
//! a Rust panic anywhere is a bug (libFuzzer reports it as a crash).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

/// Counted, so that a program that grows without bound ends with a
/// MemoryError under the limit set below (as `mojolite --max-memory` does).
#[global_allocator]
static ALLOCATOR: vm::memory::CountingAlloc = vm::memory::CountingAlloc;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (Some(program), _) = vm::compile_source("fuzz.mojo", src) else { return };
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        stdlib::install();
        vm::memory::set_limit(512 << 20);
    });
    let opts = vm::interp::RunOptions { workers: 1, virtual_time: true, ..Default::default() };
    // There is no function of that name: the top level runs, then the
    // lookup fails, which is an ordinary outcome.
    let _ = vm::testing::run_test(&program, "__fuzz_no_such_function__", &opts, Duration::from_millis(200));
});
