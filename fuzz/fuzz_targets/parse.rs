//! The parser on any text: no panic; a module or an error diagnostic; every
//! diagnostic renders.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (module, diags) = parser::parse_source(src);
    assert!(module.is_some() || diags.iter().any(|d| d.is_error()), "no module and no error");
    for d in &diags {
        let _ = d.render("fuzz.mojo", src, false);
    }
});
