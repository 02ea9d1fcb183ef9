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

/// The words of the error for a path that names no file (a folder, `..`).
const NOT_A_FILE_NAME: &str = "not a file name";

impl WriteError {
    /// The message in `lang` (the `Display` is English); the operating system's own words
    /// ("Permission denied") are quoted as it gives them.
    #[must_use]
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let error = self.source.to_string();
        let error =
            if error == NOT_A_FILE_NAME { crate::i18n::tr(lang, "write-not-a-file-name") } else { error };
        crate::tr!(lang, "write-failed", path = self.path.display().to_string(), error = error)
    }
}

/// Writes `bytes` to `path` atomically: readers see either the old file or the new one whole.
///
/// # Errors
/// When the folder is not writable, the disk is full, or the rename fails; the temporary
/// file is removed and the previous file is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, Backup::No, |f| f.write_all(bytes))
}

/// Whether to keep the file being replaced as `<name>.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// Replace without a backup.
    No,
    /// Keep the previous file as `<name>.bak` (itself replaced atomically).
    Keep,
}

/// The backup path of a file: `w.ron` → `w.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Like [`write_atomic`], with the content produced by `write` into the temporary file.
/// Whatever `write` does, including failing half-way, the file at `path` is either the old
/// one or the complete new one.
///
/// # Errors
/// As [`write_atomic`], and whatever `write` returns.
pub fn write_atomic_with(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let err = |source| WriteError { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| err(std::io::Error::other(NOT_A_FILE_NAME)))?;
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    remove_stale_temps(&dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        write(&mut f)?;
        f.sync_all()?;
        drop(f);
        if backup == Backup::Keep && path.is_file() {
            keep_backup(path)?;
        }
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

/// Removes temporary files that writers killed mid-write left behind (`.<name>.tmp-<pid>` of a
/// process that no longer runs). Where `/proc` does not exist, nothing is removed.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else { continue };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Makes `<path>.bak` a copy of `path`, replacing any older backup atomically.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let bak = backup_path(path);
    if let (Some(dir), Some(name)) = (bak.parent(), bak.file_name()) {
        remove_stale_temps(dir, &format!("{}.tmp-", name.to_string_lossy()));
    }
    let mut bak_tmp = bak.clone().into_os_string();
    bak_tmp.push(format!(".tmp-{}", std::process::id()));
    let bak_tmp = PathBuf::from(bak_tmp);
    let _ = fs::remove_file(&bak_tmp);
    if fs::hard_link(path, &bak_tmp).is_err() {
        fs::copy(path, &bak_tmp)?;
    }
    fs::rename(&bak_tmp, &bak)
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

    #[test]
    fn a_writer_failing_half_way_leaves_the_previous_file_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        write_atomic_with(&p, Backup::Keep, |f| f.write_all(b"version one")).unwrap();
        let before = fs::read(&p).unwrap();
        let err = write_atomic_with(&p, Backup::Keep, |f| {
            f.write_all(b"version two, half writ")?;
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("no space left on device"), "{err}");
        assert_eq!(fs::read(&p).unwrap(), before);
        assert!(!backup_path(&p).exists(), "a failed write touches no backup either");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }

    #[test]
    fn the_previous_version_is_kept_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        write_atomic_with(&p, Backup::Keep, |f| f.write_all(b"one")).unwrap();
        assert!(!backup_path(&p).exists());
        write_atomic_with(&p, Backup::Keep, |f| f.write_all(b"two")).unwrap();
        write_atomic_with(&p, Backup::Keep, |f| f.write_all(b"three")).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"two");
        assert_eq!(backup_path(&p).file_name().unwrap(), "w.ron.bak");
    }
}
