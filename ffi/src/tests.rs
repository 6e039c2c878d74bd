//! Tests of the C API from Rust: the header is current, and a draw made
//! through the exports verifies through the Rust API and matches the
//! conformance vectors. The C-side tests are in examples/c/.

use std::ffi::{CStr, CString, c_char};
use std::path::{Path, PathBuf};

use super::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// cbindgen regenerates include/jianguan.h; CI fails when the committed copy
/// is stale. `JIANGUAN_BLESS=1` writes it instead.
#[test]
fn header_is_current() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let config = cbindgen::Config::from_file(Path::new(dir).join("cbindgen.toml")).expect("config");
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

fn last_error() -> String {
    // SAFETY: never NULL, valid until the next call on this thread.
    unsafe { CStr::from_ptr(jg_last_error()) }
        .to_string_lossy()
        .into_owned()
}

fn supervisor() -> *mut jg_supervisor {
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
    assert_eq!(names.len(), 13, "{names:?}");
    for path in names {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let inputs = CString::new(v["inputs"].to_string()).expect("no NUL");
        let mut record = std::ptr::null_mut();
        let status = jg_supervisor_draw(sup, inputs.as_ptr(), &mut record);
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
        let parsed: sdk::sampling::DrawRecord = serde_json::from_str(&json).expect("record");
        assert_eq!(
            parsed.digest(),
            v["expected"]["record_digest"].as_str().expect("digest"),
            "{name}"
        );
        let inputs: sdk::sampling::DrawInputs =
            serde_json::from_value(v["inputs"].clone()).expect("inputs");
        let built = inputs.build_rosters().expect("rosters");
        sdk::sampling::verify(&parsed, &built.roster, &built.history, &built.inspectors)
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
    assert_eq!(last_error(), "", "a success clears the last error");
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
    // ABI 1.0, as the header's JG_ABI_VERSION says.
    assert_eq!(jg_abi_version(), 0x0001_0000);
    assert_eq!(JG_ABI_VERSION, 0x0001_0000);
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
    assert_eq!(last_error(), "");
}
