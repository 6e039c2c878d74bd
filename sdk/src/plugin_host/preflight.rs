//! A structural check of a plugin file before it is handed to the dynamic
//! loader: `dlopen` maps a truncated library and then faults (SIGBUS) on
//! the missing pages, taking the host down, so such files are refused here.

use std::path::Path;

use object::{Architecture, Object, ObjectSection, ObjectSegment};

/// Which contract a library file implements, as its exports show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LibraryKind {
    /// The Rust contract (abi_stable root module), or not a plugin at all:
    /// abi_stable's loader says which.
    Rust,
    /// The C contract: it exports `jg_plugin_contract_version`.
    C,
}

/// Checks that `path` is a complete dynamic library for this platform:
/// it parses as an object file, every segment and section lies inside the
/// file, and it was built for this CPU architecture. Says which contract
/// it exports.
pub(super) fn check_library_file(path: &Path) -> Result<LibraryKind, String> {
    let data = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let len = data.len() as u64;
    let file = object::File::parse(&*data)
        .map_err(|e| format!("not an object file this platform can load: {e}"))?;
    let inside = |what: &str, (offset, size): (u64, u64)| match offset.checked_add(size) {
        Some(end) if end <= len => Ok(()),
        _ => Err(format!(
            "{what} at offset {offset} of {size} bytes ends past the end of the {len}-byte file (truncated?)"
        )),
    };
    for segment in file.segments() {
        inside("a segment", segment.file_range())?;
    }
    for section in file.sections() {
        if let Some(range) = section.file_range() {
            inside("a section", range)?;
        }
    }
    let expected = match std::env::consts::ARCH {
        "x86_64" => Some(Architecture::X86_64),
        "aarch64" => Some(Architecture::Aarch64),
        "x86" => Some(Architecture::I386),
        _ => None,
    };
    if let Some(expected) = expected
        && file.architecture() != expected
    {
        return Err(format!(
            "built for {:?}, this host runs on {expected:?}",
            file.architecture()
        ));
    }
    let exports = file
        .exports()
        .map_err(|e| format!("cannot read the export table: {e}"))?;
    let c_symbol = jianguan_plugin::c_abi::VERSION_SYMBOL.as_bytes();
    // Mach-O export names carry a leading underscore.
    let is_c_symbol = |name: &[u8]| name == c_symbol || name.strip_prefix(b"_") == Some(c_symbol);
    Ok(if exports.iter().any(|e| is_c_symbol(e.name())) {
        LibraryKind::C
    } else {
        LibraryKind::Rust
    })
}
