//! Tests of the C API from Rust: the header is current, and a draw made
//! through the exports verifies through the Rust API and matches the
//! conformance vectors. The C-side tests are in examples/c/.

use std::ffi::{CStr, CString, c_char};
use std::path::{Path, PathBuf};

use super::*;
use sdk::supervisor::Supervisor;
use sdk::supervisor::draw::{DrawInputs, DrawRecord, DrawRosters};

pub(super) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// cbindgen regenerates include/jianguan.h; CI fails when the committed copy
/// is stale. `JIANGUAN_BLESS=1` writes it instead.
#[test]
fn header_is_current() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut config =
        cbindgen::Config::from_file(Path::new(dir).join("cbindgen.toml")).expect("config");
    config.after_includes = Some(kind_constants());
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen")
        .write(&mut generated);
    let path = root().join("include/jianguan.h");
    if std::env::var_os("JIANGUAN_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write header");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/jianguan.h is stale: regenerate it with \
         `JIANGUAN_BLESS=1 cargo test -p jianguan-ffi header_is_current` and commit it"
    );
}

/// The `JG_KIND_` constants of the header, one per kind of the SDK's list
/// (cbindgen cannot emit string constants from Rust).
fn kind_constants() -> String {
    let mut out = String::from(
        "/*\n * The error kinds, as jg_last_error_kind() returns them; docs/errors.md\n \
         * describes each with its status. Compare with strcmp:\n \
         *   if (strcmp(jg_last_error_kind(), JG_KIND_ENTROPY_MISMATCH) == 0) ...\n \
         * Names never change; new kinds are only added.\n */\n",
    );
    for kind in sdk::ErrorKind::ALL {
        let name = kind.as_str();
        out.push_str(&format!(
            "#define JG_KIND_{} \"{name}\"\n",
            name.to_uppercase()
        ));
    }
    out.pop();
    out
}

fn take(s: *mut c_char) -> String {
    assert!(!s.is_null());
    // SAFETY: an owned string from this library.
    let text = unsafe { CStr::from_ptr(s) }
        .to_str()
        .expect("utf-8")
        .to_string();
    unsafe { jg_string_free(s) };
    text
}

pub(super) fn last_error() -> String {
    // SAFETY: never NULL, valid until the next failing call on this thread.
    unsafe { CStr::from_ptr(jg_last_error()) }
        .to_string_lossy()
        .into_owned()
}

pub(super) fn supervisor() -> *mut jg_supervisor {
    let mut sup = std::ptr::null_mut();
    // SAFETY: NULL options mean the defaults.
    assert_eq!(
        unsafe { jg_supervisor_new(std::ptr::null_mut(), &mut sup) },
        jg_status::JG_STATUS_OK
    );
    sup
}

/// Every draw vector, through `jg_supervisor_draw`: the record digest the
/// vector pins, or the refusal kind and message; each record then verifies
/// through the Rust API (`jianguan::sampling::verify`).
#[test]
fn draws_through_the_c_api_match_the_vectors_and_verify_in_rust() {
    let sup = supervisor();
    let dir = root().join("tests/vectors/draw");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "primitives.json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 17, "{names:?}");
    for path in names {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let inputs = CString::new(v["inputs"].to_string()).expect("no NUL");
        let mut record = std::ptr::null_mut();
        // SAFETY: a live supervisor, a C string and an out-pointer.
        let status = unsafe { jg_supervisor_draw(sup, inputs.as_ptr(), &mut record) };
        let name = path.display();
        if let Some(kind) = v["expected"]["error"].as_str() {
            assert_eq!(status, jg_status::JG_STATUS_DRAW_REFUSED, "{name}");
            assert!(record.is_null(), "{name}: a refused draw writes no record");
            assert_eq!(
                last_error(),
                v["expected"]["message"].as_str().expect("message"),
                "{name}"
            );
            // SAFETY: never NULL.
            let got = unsafe { CStr::from_ptr(jg_last_error_kind()) }
                .to_str()
                .expect("utf-8");
            assert_eq!(got, kind, "{name}");
            continue;
        }
        assert_eq!(status, jg_status::JG_STATUS_OK, "{name}: {}", last_error());
        let json = take(record);
        let parsed: DrawRecord = serde_json::from_str(&json).expect("record");
        assert_eq!(
            parsed.digest(),
            v["expected"]["record_digest"].as_str().expect("digest"),
            "{name}"
        );
        let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
        let rosters = DrawRosters {
            roster: inputs.roster,
            history: inputs.history,
            inspectors: inputs.inspectors,
        };
        Supervisor::builder()
            .build()
            .expect("defaults")
            .verify(&parsed, &rosters)
            .expect("verifies in Rust");
        let mut digest = [0 as c_char; 65];
        let record = CString::new(json).expect("no NUL");
        // SAFETY: a 65-byte buffer.
        let status = unsafe { jg_draw_record_digest(record.as_ptr(), digest.as_mut_ptr(), 65) };
        assert_eq!(status, jg_status::JG_STATUS_OK);
        // SAFETY: NUL-terminated by the call.
        let digest = unsafe { CStr::from_ptr(digest.as_ptr()) }
            .to_str()
            .expect("hex");
        assert_eq!(digest, parsed.digest());
    }
    // SAFETY: from jg_supervisor_new.
    unsafe { jg_supervisor_free(sup) };
}

#[test]
fn a_null_argument_is_a_status_and_a_message() {
    let mut info = std::mem::MaybeUninit::<jg_uscc_info>::uninit();
    // SAFETY: a valid out-struct.
    let status = unsafe { jg_uscc_check(std::ptr::null(), info.as_mut_ptr()) };
    assert_eq!(status, jg_status::JG_STATUS_NULL_ARGUMENT);
    assert_eq!(last_error(), "argument `code` is NULL");
    let code = c"914403001922038216";
    // SAFETY: a valid out-struct.
    let status = unsafe { jg_uscc_check(code.as_ptr(), info.as_mut_ptr()) };
    assert_eq!(status, jg_status::JG_STATUS_OK);
    assert_eq!(
        last_error(),
        "argument `code` is NULL",
        "a success leaves the last error as it was (ABI 1.2)"
    );
    // SAFETY: written by the successful call.
    let info = unsafe { info.assume_init() };
    assert_eq!(info.authority as u8, b'9');
    // SAFETY: NUL-terminated by the call.
    assert_eq!(
        unsafe { CStr::from_ptr(info.region.as_ptr()) }.to_str(),
        Ok("440300")
    );
}

#[test]
fn the_abi_version_packs_major_and_minor() {
    // ABI 1.2 (1.1 and the calls for schemas, row ids, columnar rosters,
    // status texts, kind constants, typed columns, dates, callbacks' copies
    // and code names), as the header's JG_ABI_VERSION says.
    assert_eq!(jg_abi_version(), 0x0001_0002);
    assert_eq!(JG_ABI_VERSION, 0x0001_0002);
    // SAFETY: a static string.
    let v = unsafe { CStr::from_ptr(jg_version()) }
        .to_str()
        .expect("utf-8");
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
}

/// The one panic boundary: a panic inside an export becomes a status and a
/// message, and the thread goes on (no export panics on any input we know
/// of, so the boundary is driven directly).
#[test]
fn a_panic_becomes_a_status() {
    let status = boundary::guard(|| panic!("index 7 of 3"));
    assert_eq!(status, jg_status::JG_STATUS_PANIC);
    assert_eq!(
        last_error(),
        "jianguan panicked (a bug; please report it): index 7 of 3"
    );
    let status = boundary::guard(|| std::panic::panic_any(42_u8));
    assert_eq!(status, jg_status::JG_STATUS_PANIC);
    assert!(last_error().ends_with("a panic without a message"));
    assert_eq!(boundary::guard(|| Ok(())), jg_status::JG_STATUS_OK);
    assert!(
        last_error().ends_with("a panic without a message"),
        "a success leaves the last failure's message"
    );
}

/// The rows of the kinds table in docs/errors.md: kind → (C status, Python class).
fn documented_kinds() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(root().join("docs/errors.md")).expect("docs/errors.md");
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect();
            (cells[1].clone(), cells[2].clone(), cells[3].clone())
        })
        .collect()
}

/// `CLASS_OF_KIND` and the `ErrorKind` literal of python/jianguan/errors.py.
fn python_kinds() -> (Vec<(String, String)>, Vec<String>) {
    let text =
        std::fs::read_to_string(root().join("python/jianguan/errors.py")).expect("errors.py");
    let block = |start: &str, end: &str| -> String {
        let from = text
            .find(start)
            .unwrap_or_else(|| panic!("{start} in errors.py"));
        let rest = &text[from + start.len()..];
        rest[..rest.find(end).expect("end")].to_string()
    };
    let classes = block("CLASS_OF_KIND: Final[dict[str, type[Error]]] = {", "\n}")
        .lines()
        .filter_map(|l| {
            let (k, c) = l.trim().trim_end_matches(',').split_once(": ")?;
            Some((k.trim_matches('"').to_string(), c.to_string()))
        })
        .collect();
    // `ErrorKind = Union[Literal["a"], Literal["b"], …]`: the quoted names, in order.
    let literal = block("ErrorKind = Union[", "\n]")
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    (classes, literal)
}

/// One list of kinds, three faces: every kind of the SDK has a C status,
/// a Python class and a row in docs/errors.md, in the SDK's order, and the
/// three agree.
#[test]
fn every_error_kind_has_one_status_one_class_and_one_documented_row() {
    let names: Vec<&str> = sdk::ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    let rows = documented_kinds();
    let (classes, literal) = python_kinds();
    assert_eq!(
        rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        names,
        "docs/errors.md lists the kinds of sdk::ErrorKind::ALL, in order"
    );
    assert_eq!(literal, names, "errors.py's ErrorKind literal");
    assert_eq!(
        classes.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        names,
        "errors.py's CLASS_OF_KIND, in order"
    );
    for (kind, (name, status, class)) in sdk::ErrorKind::ALL.iter().zip(&rows) {
        let mapped = boundary::mapped_status(*kind)
            .unwrap_or_else(|| panic!("{name} has no C status in boundary::mapped_status"));
        assert_eq!(
            &format!("{mapped:?}"),
            status,
            "{name}: C status in docs/errors.md"
        );
        let py = &classes.iter().find(|c| &c.0 == name).expect("class").1;
        assert_eq!(py, class, "{name}: Python class in docs/errors.md");
    }
}

/// A failure always leaves a kind: a NULL argument, a refused code and a
/// panic-free SDK error each set one, and a success clears it.
#[test]
fn the_last_error_kind_is_never_empty_after_a_failure() {
    let kind = || {
        // SAFETY: never NULL, valid until the next failing call on this thread.
        unsafe { CStr::from_ptr(jg_last_error_kind()) }
            .to_str()
            .expect("utf-8")
            .to_string()
    };
    // SAFETY: NULL code is refused by the boundary.
    let st = unsafe { jg_uscc_check(std::ptr::null(), std::ptr::null_mut()) };
    assert_eq!(st, jg_status::JG_STATUS_NULL_ARGUMENT);
    assert_eq!(kind(), "null_argument");
    let bad = CString::new("914403001922038217").expect("no NUL");
    // SAFETY: a C string; info may be NULL.
    let st = unsafe { jg_uscc_check(bad.as_ptr(), std::ptr::null_mut()) };
    assert_eq!(st, jg_status::JG_STATUS_INVALID_USCC);
    assert_eq!(kind(), "invalid_uscc");
    let sup = supervisor();
    let code = CString::new("X-99").expect("no NUL");
    let mut out = std::ptr::null_mut();
    // SAFETY: a live supervisor, a C string, an out-pointer.
    let st = unsafe { jg_supervisor_item_json(sup, code.as_ptr(), &mut out) };
    assert_eq!(st, jg_status::JG_STATUS_UNKNOWN_ITEM);
    assert_eq!(kind(), "unknown_item");
    let good = CString::new("914403001922038216").expect("no NUL");
    // SAFETY: as above.
    let st = unsafe { jg_uscc_check(good.as_ptr(), std::ptr::null_mut()) };
    assert_eq!(st, jg_status::JG_STATUS_OK);
    assert_eq!(
        kind(),
        "unknown_item",
        "a success leaves the kind as it was"
    );
    // SAFETY: from jg_supervisor_new.
    unsafe { jg_supervisor_free(sup) };
}

/// The one rule for `unsafe` exports: an export is `unsafe extern "C"`
/// exactly when it takes a pointer (Rust cannot check that a pointer from C
/// is live and of its type), and then its doc says so under `# Safety`.
#[test]
fn an_export_is_unsafe_exactly_when_it_takes_a_pointer() {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("ffi/src")).expect("ffi/src") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("source");
        let mut doc = String::new();
        let mut exported = false;
        for line in text.lines() {
            if line.starts_with("///") {
                doc.push_str(line);
                doc.push('\n');
            } else if line == "#[unsafe(no_mangle)]" {
                exported = true;
            } else if exported && line.starts_with("pub ") {
                let name = line.split("fn ").nth(1).and_then(|r| r.split('(').next());
                let name = name.expect("an exported fn");
                // The signature runs to the line with `{`.
                let from = text.find(line).expect("line");
                let sig = &text[from..from + text[from..].find('{').expect("body")];
                let args = &sig[sig.find('(').expect("(") + 1..sig.rfind(')').expect(")")];
                let takes_pointer = args.contains('*');
                let is_unsafe = line.starts_with("pub unsafe extern");
                assert_eq!(is_unsafe, takes_pointer, "{name} in {}", path.display());
                if is_unsafe {
                    assert!(doc.contains("# Safety"), "{name}: no `# Safety` section");
                }
                checked += 1;
                exported = false;
                doc.clear();
            } else if !line.starts_with("#[") {
                doc.clear();
                exported = false;
            }
        }
    }
    assert!(checked > 30, "only {checked} exports found");
}
