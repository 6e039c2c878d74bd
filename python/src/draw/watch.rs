//! Long native calls that a notebook can interrupt and follow: the work
//! runs on a thread of its own while the calling thread, taking the GIL
//! only between short waits, runs Python's signal handlers (so Ctrl-C is
//! seen within one wait, not when the work returns) and reports progress.
//! On an exception the work is asked to stop through its
//! [`DrawWatch`], which it checks often, and is joined before returning.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use pyo3::prelude::*;
use sdk::supervisor::draw::DrawWatch;

use crate::errors::{Failure, Result};

/// How long the calling thread waits between looks at signals and
/// progress: well inside the 0.2 s a user notices.
const POLL: Duration = Duration::from_millis(50);

/// Runs `work` watched: `progress`, when given, is called with
/// `(tasks_done, tasks, visits_done, visits)` every [`POLL`] while it runs
/// and once at the end. `work` returns `None` only when asked to stop.
///
/// Fails with whatever `work` fails with, or with the exception a signal
/// handler (`KeyboardInterrupt`) or `progress` raised.
pub(crate) fn run_watched<T: Send>(
    py: Python<'_>,
    progress: Option<&Bound<'_, PyAny>>,
    work: impl FnOnce(&DrawWatch) -> Result<Option<T>> + Send,
) -> PyResult<T> {
    let watch = DrawWatch::new();
    let report = |w: &DrawWatch| -> PyResult<()> {
        if let Some(p) = progress {
            let s = w.progress();
            p.call1((s.tasks_done, s.tasks, s.visits_done, s.visits))?;
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        // Only this thread receives; the lock makes the receiver `Sync`
        // for `detach`.
        let rx = Mutex::new(rx);
        let wait = |timeout: Option<Duration>| {
            py.detach(|| {
                let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
                match timeout {
                    Some(t) => rx.recv_timeout(t),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                }
            })
        };
        let w = &watch;
        scope.spawn(move || {
            // The receiver is gone only once the caller has stopped waiting.
            let _ = tx.send(work(w));
        });
        loop {
            match wait(Some(POLL)) {
                Ok(done) => {
                    let value = match done? {
                        Some(v) => v,
                        None => {
                            return Err(Failure::Input("the call was stopped".into()).into());
                        }
                    };
                    report(&watch)?;
                    return Ok(value);
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(e) = py.check_signals().and_then(|()| report(&watch)) {
                        watch.cancel();
                        // Joined here (it stops at its next check), so that
                        // nothing runs on after the exception.
                        let _ = wait(None);
                        return Err(e);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    // The worker panicked; leaving the scope re-raises it.
                    return Err(Failure::Input("the call's thread failed".into()).into());
                }
            }
        }
    })
}
