//! The `jianguan` command.
fn main() {}
