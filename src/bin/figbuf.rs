//! The figbuf command line (work in progress).
fn main() {}
