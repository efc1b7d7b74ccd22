//! The `mojolite` command line.
fn main() {}
