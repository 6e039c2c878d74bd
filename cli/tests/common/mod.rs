//! Running the built `jianguan` binary from the command-line tests.

pub mod draw;

use std::path::PathBuf;
use std::process::Command;

/// Runs `jianguan ARGS` and returns (exit code, stdout, stderr).
pub fn jianguan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jianguan"))
        .args(args)
        .output()
        .expect("run jianguan");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// A fresh, absent scratch path unique to this test process and `name`.
#[allow(dead_code)] // not every test binary uses it
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jianguan-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}
