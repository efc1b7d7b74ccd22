//! placeholder, being written
#[test]
fn placeholder() {
    let _ = env!("CARGO_BIN_EXE_mojolite");
}
