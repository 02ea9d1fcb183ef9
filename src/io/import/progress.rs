//! How far a load has got, shared between the loading threads and the window, and the
//! window's request to stop it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Counters a loading thread advances and the window reads each frame (relaxed atomics: the
/// figures are for a progress bar, not for synchronisation), plus a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    total_bytes: AtomicU64,
    bytes: AtomicU64,
    rows: AtomicU64,
    cancel: AtomicBool,
}

/// The counters at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProgressSnapshot {
    /// Size of the file, in bytes (0 until known).
    pub total_bytes: u64,
    /// Bytes read so far.
    pub bytes: u64,
    /// Data rows read so far.
    pub rows: u64,
}

impl ProgressSnapshot {
    /// Share of the file read, from 0 to 1 (0 while the size is unknown).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        if self.total_bytes == 0 {
            0.0
        } else {
            #[allow(clippy::cast_precision_loss)]
            let f = self.bytes as f64 / self.total_bytes as f64;
            #[allow(clippy::cast_possible_truncation)]
            let f = f.clamp(0.0, 1.0) as f32;
            f
        }
    }
}

impl Progress {
    /// Asks the load to stop; it ends with [`super::ImportError::Cancelled`] and changes nothing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The counters now.
    #[must_use]
    pub fn snapshot(&self) -> ProgressSnapshot {
        ProgressSnapshot {
            total_bytes: self.total_bytes.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            rows: self.rows.load(Ordering::Relaxed),
        }
    }

    pub(crate) fn set_total_bytes(&self, n: u64) {
        self.total_bytes.store(n, Ordering::Relaxed);
    }

    pub(crate) fn add_bytes(&self, n: u64) {
        self.bytes.fetch_add(n, Ordering::Relaxed);
    }

    /// Back to no bytes and rows read, when a load starts over another way.
    pub(crate) fn restart(&self) {
        self.bytes.store(0, Ordering::Relaxed);
        self.rows.store(0, Ordering::Relaxed);
    }

    pub(crate) fn add_rows(&self, n: u64) {
        self.rows.fetch_add(n, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_cancels() {
        let p = Progress::default();
        assert_eq!(p.snapshot().fraction(), 0.0);
        p.set_total_bytes(200);
        p.add_bytes(50);
        p.add_rows(3);
        p.add_rows(4);
        let s = p.snapshot();
        assert_eq!((s.bytes, s.rows), (50, 7));
        assert!((s.fraction() - 0.25).abs() < 1e-6);
        assert!(!p.is_cancelled());
        p.cancel();
        assert!(p.is_cancelled());
    }
}
