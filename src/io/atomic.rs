//! Safe file writes: a temporary file in the same folder, fsync, then an atomic rename, so a
//! failed or interrupted write leaves the previous file as it was.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. The previous file at the path, if any, is intact.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot write the file: {source}")]
pub struct WriteError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// The OS error.
    #[source]
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` atomically: readers see either the old file or the new one whole.
///
/// # Errors
/// When the folder is not writable, the disk is full, or the rename fails; the temporary
/// file is removed and the previous file is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| err(std::io::Error::other("not a file name")))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows opening a folder.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        write_atomic(&p, b"old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        write_atomic(&p, b"old").unwrap();
        // The target is a folder: the rename must fail, and nothing else may change.
        let folder = dir.path().join("sub");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("x"), b"x").unwrap();
        assert!(write_atomic(&folder, b"new").is_err());
        assert_eq!(fs::read(&p).unwrap(), b"old");
        let err = write_atomic(&dir.path().join("missing/dir/w.ron"), b"x").unwrap_err();
        assert!(err.to_string().contains("missing/dir/w.ron: cannot write the file"), "{err}");
    }
}
