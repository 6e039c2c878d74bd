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

/// The folder scripts/build-c-plugins.sh builds the C plugins into:
/// `<target>/c/plugins`.
pub fn c_plugin_dir() -> PathBuf {
    let dir = lib_dir().parent().expect("<target>").join("c/plugins");
    assert!(
        dir.is_dir(),
        "{} is missing; run `bash scripts/build-c-plugins.sh` before the tests",
        dir.display()
    );
    dir
}

/// A C test fixture built with one fault (plugins/testing/c/fixture.c).
pub fn c_fixture(name: &str) -> PathBuf {
    let path = c_plugin_dir().join(format!("fixtures/libtesting_c_{name}.so"));
    assert!(path.is_file(), "{} is not built", path.display());
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

/// Loads the plugin built from crate `lib_name` and registers `module`
/// (the same crate linked statically) in another host, runs each fixture
/// file of `fixtures` (grading.json, duties.json, referral.json) through
/// both, and asserts the results are identical. Returns the number of rows
/// compared.
pub fn same_through_dylib_and_rlib(
    lib_name: &str,
    module: jianguan_plugin::PluginModRef,
    fixtures: &Path,
) -> usize {
    use jianguan::plugin_host::{Operation, PluginConfigs, PluginHost, facts_from_json_rows};
    let mut loaded = PluginHost::new();
    let id = loaded
        .load_file(&lib(lib_name), &PluginConfigs::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut linked = PluginHost::new();
    let id2 = linked
        .register_static(module, &PluginConfigs::new())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(id, id2);
    let (a, b) = (loaded.get(&id).unwrap(), linked.get(&id).unwrap());
    assert_eq!(a.description(), b.description());
    assert_eq!(a.origin(), lib(lib_name).as_path());
    let read = |file: &str, op: Operation| {
        let text = std::fs::read_to_string(fixtures.join(file)).expect("fixture file");
        let rows: Vec<serde_json::Value> = serde_json::from_str(&text).expect("fixture JSON");
        facts_from_json_rows(&rows, a.schema(op)).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let grading = read("grading.json", Operation::Grading);
    let (ga, gb) = (a.grade(&grading).unwrap(), b.grade(&grading).unwrap());
    assert_eq!(ga.batch(), gb.batch());
    assert!(!ga.is_empty());
    let as_of = jianguan::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let duties = read("duties.json", Operation::Duties);
    assert_eq!(
        a.duties(&duties, as_of).unwrap(),
        b.duties(&duties, as_of).unwrap()
    );
    let referral = read("referral.json", Operation::Referral);
    let (ra, rb) = (
        a.assess_referral(&referral).unwrap(),
        b.assess_referral(&referral).unwrap(),
    );
    assert_eq!(ra, rb);
    grading.len() + duties.len() + referral.len()
}
