//! Writing content: to stdout, or to a file atomically (a temporary file in
//! the same folder, then a rename), so a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

/// Writes `content` to `path` atomically, creating parent folders.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".hirekit-")
        .suffix(".tmp")
        .tempfile_in(dir)
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
}
