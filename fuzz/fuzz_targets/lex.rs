//! The lexer on any text: no panic, and every span inside the source.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (tokens, diags) = lexer::lex(src);
    for (_, span) in &tokens {
        assert!(span.lo <= span.hi && span.hi as usize <= src.len(), "token span {span:?} outside the source");
    }
    for d in &diags {
        let _ = d.render("fuzz.mojo", src, false);
    }
});
