//! The whole front end (lexer, parser, compiler and its checks) on any text:
//! no panic; a program or an error diagnostic; every diagnostic renders.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (program, diags) = vm::compile_source("fuzz.mojo", src);
    assert!(program.is_some() || diags.iter().any(|d| d.is_error()), "no program and no error");
    for d in &diags {
        let _ = d.render("fuzz.mojo", src, false);
    }
});
