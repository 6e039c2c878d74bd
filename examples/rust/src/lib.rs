//! Runnable examples of the jianguan SDK; see `examples/` in this crate and
//! `examples/run.sh`, which the test command runs.

#![forbid(unsafe_code)]
