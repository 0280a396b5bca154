//! Scratch directories for the tests and benches: [`tempdir`] makes an empty directory under
//! the system's temporary directory and the [`TempDir`] it returns removes it, with what is
//! in it, when dropped.
//!
//! It stands in for the `tempfile` crate, which as a dev-dependency turned on `std` in
//! `bitflags` (through `rustix`) and so gave `cargo test` and `cargo build` different builds of
//! sqlx, tower-http, pulldown-cmark and this crate: `make test` compiled them twice.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// An empty directory, removed when this is dropped.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort, as in `tempfile`: a test that left a file open must not panic here.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A new empty directory named `spotter-<pid>-<n>-<nanos>` under [`std::env::temp_dir`].
pub fn tempdir() -> io::Result<TempDir> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let root = std::env::temp_dir();
    loop {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = root.join(format!("spotter-{}-{n}-{nanos}", std::process::id()));
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(TempDir { path }),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_directory_is_new_empty_and_gone_after_drop() {
        let a = tempdir().unwrap();
        let b = tempdir().unwrap();
        assert_ne!(a.path(), b.path());
        assert!(std::fs::read_dir(a.path()).unwrap().next().is_none());
        std::fs::create_dir(a.path().join("inner")).unwrap();
        std::fs::write(a.path().join("inner/file"), b"x").unwrap();
        let path = a.path().to_path_buf();
        drop(a);
        assert!(!path.exists());
        assert!(b.path().is_dir());
    }
}
