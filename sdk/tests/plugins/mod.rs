//! Finding the plugin libraries the workspace build produced. Cargo does not
//! build a cdylib for another crate's tests, so `scripts/test.sh` runs
//! `cargo build --workspace` first; a missing library fails with that advice.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The folder holding the workspace's dynamic libraries: the test binary
/// lives in `<target>/<profile>/deps/`, the libraries one level up.
pub fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps")
        .to_path_buf()
}

/// The path of the library built from crate `name` (e.g. `jianguan-food`).
pub fn lib(name: &str) -> PathBuf {
    let file = format!(
        "{}{}{}",
        std::env::consts::DLL_PREFIX,
        name.replace('-', "_"),
        std::env::consts::DLL_SUFFIX
    );
    let path = lib_dir().join(file);
    assert!(
        path.is_file(),
        "{} is not built; run `cargo build --workspace` before the tests",
        path.display()
    );
    path
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianguan-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Copies the libraries of `crates` into a fresh folder and returns it.
pub fn folder_with(test: &str, crates: &[&str]) -> PathBuf {
    let dir = scratch(test);
    for name in crates {
        let from = lib(name);
        std::fs::copy(&from, dir.join(from.file_name().expect("file name"))).expect("copy plugin");
    }
    dir
}
