//! Watching a long draw from another thread: how far it has got, and a
//! request to stop it (a notebook's Ctrl-C), checked between tasks and
//! every few visits while inspectors are drawn.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Visits staffed between two looks at the stop request: frequent enough
/// to stop within milliseconds, rare enough to cost nothing measurable.
pub(crate) const VISITS_PER_CHECK: usize = 256;

/// Shared between a thread drawing ([`Supervisor::draw_over_watched`](crate::supervisor::Supervisor::draw_over_watched))
/// and one watching it: progress counters the draw advances and a stop
/// flag it honours. Relaxed atomics: the counters are for display only.
#[derive(Debug, Default)]
pub struct DrawWatch {
    stop: AtomicBool,
    tasks_done: AtomicU64,
    tasks: AtomicU64,
    visits_done: AtomicU64,
    visits: AtomicU64,
}

/// A snapshot of a watched draw's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DrawProgress {
    /// Tasks whose entities are selected.
    pub tasks_done: u64,
    /// Tasks in the plan (0 until the draw starts).
    pub tasks: u64,
    /// Visits whose inspectors are drawn.
    pub visits_done: u64,
    /// Visits to staff (0 until every task is selected).
    pub visits: u64,
}

impl DrawWatch {
    /// A watch with nothing done and no stop requested.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the draw to stop at its next check; it then returns no record.
    pub fn cancel(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether a stop was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// How far the draw has got.
    pub fn progress(&self) -> DrawProgress {
        DrawProgress {
            tasks_done: self.tasks_done.load(Ordering::Relaxed),
            tasks: self.tasks.load(Ordering::Relaxed),
            visits_done: self.visits_done.load(Ordering::Relaxed),
            visits: self.visits.load(Ordering::Relaxed),
        }
    }

    pub(crate) fn start_tasks(&self, n: usize) {
        self.tasks.store(n as u64, Ordering::Relaxed);
    }

    pub(crate) fn task_done(&self) {
        self.tasks_done.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn start_visits(&self, n: usize) {
        self.visits.store(n as u64, Ordering::Relaxed);
    }

    pub(crate) fn visits_done(&self, n: usize) {
        self.visits_done.store(n as u64, Ordering::Relaxed);
    }
}
