//! Writing content: to stdout, or to a file atomically (a temporary file in
//! the same folder, then a rename), so a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

/// A temporary file in `dir` (`.hirekit-XXXXXX.tmp`, a name no output can
/// have), created with the usual permissions (0666 less the umask), as a
/// file created directly would have, rather than tempfile's private 0600.
pub fn temp_beside(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hirekit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Writes `content` to `path` atomically, creating parent folders.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
    let mut tmp = temp_beside(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    tmp.write_all(content)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.as_file()
        .sync_data()
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Writes content to a file (atomically) or to stdout.
pub fn emit(output: Option<&Path>, content: &str) -> Result<()> {
    match output {
        Some(path) => write_atomic(path, content.as_bytes()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(content.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write to stdout")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/out.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_permissions_of_a_plainly_created_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain.html");
        std::fs::write(&plain, b"x").unwrap();
        let atomic = dir.path().join("page.html");
        write_atomic(&atomic, b"x").unwrap();
        // 0666 less the umask, not tempfile's private 0600.
        assert_eq!(mode(&atomic), mode(&plain));
    }
}
