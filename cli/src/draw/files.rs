//! Writing records and results: all files or none, never over an existing
//! one (a draw record and its results are evidence; nothing is replaced).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Refused;

/// Writes every file or none. Each goes to a temporary file beside it first,
/// synced, then is hard-linked into place, which fails rather than replace
/// an existing file (a file system without hard links gets check-then-rename).
/// On any failure the files already placed are removed again. `why` ends the
/// message for a file that already exists.
pub fn write_new_files(files: &[(&Path, &[u8])], why: &str) -> Result<(), Refused> {
    let exists = |p: &Path| Refused(format!("{} already exists: {why}", p.display()));
    if let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(exists(p));
    }
    let mut temps: Vec<PathBuf> = Vec::new();
    let mut placed: Vec<&Path> = Vec::new();
    let outcome = (|| {
        for (path, bytes) in files {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let tmp = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
            let written = File::create_new(&tmp).and_then(|mut f| {
                f.write_all(bytes)?;
                f.sync_all()
            });
            temps.push(tmp.clone());
            written.map_err(|e| Refused(format!("cannot write {}: {e}", tmp.display())))?;
        }
        for ((path, _), tmp) in files.iter().zip(&temps) {
            match std::fs::hard_link(tmp, path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(exists(path));
                }
                Err(_) if path.exists() => return Err(exists(path)),
                Err(_) => std::fs::rename(tmp, path).map_err(|e| {
                    Refused(format!(
                        "cannot rename {} to {}: {e}",
                        tmp.display(),
                        path.display()
                    ))
                })?,
            }
            placed.push(path);
        }
        Ok(())
    })();
    for t in &temps {
        let _ = std::fs::remove_file(t);
    }
    if outcome.is_err() {
        for p in &placed {
            let _ = std::fs::remove_file(p);
        }
    }
    outcome
}
