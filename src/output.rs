//! Writing content: to stdout, or to a file. A regular file (or a missing
//! one) is written atomically (a temporary file in the same folder, then a
//! rename), so a reader never sees half a file. A character device or a
//! FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written in place: it
//! is never replaced by a regular file. A symbolic link is followed on
//! purpose: the file it points to is replaced, the link stays.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

/// Where `-o FILE` sends content, decided before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sink {
    /// `-o -`: standard output.
    Stdout,
    /// A regular file, or a name not yet taken in an existing folder:
    /// written to a temporary file beside it, then renamed over it.
    Replace(PathBuf),
    /// A character device or a FIFO: opened and written as it is.
    Direct(PathBuf),
}

/// Decides how `path` is written, refusing what cannot be written safely:
/// a folder, a block device, a socket, a dangling symbolic link, or a name
/// in a folder that does not exist (it is not created silently).
pub(crate) fn sink_for(path: &Path) -> Result<Sink> {
    if path.as_os_str() == "-" {
        return Ok(Sink::Stdout);
    }
    let shown = path.display();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = parent_of(path);
            return match std::fs::metadata(dir) {
                Ok(m) if m.is_dir() => Ok(Sink::Replace(path.to_path_buf())),
                Ok(_) => bail!(
                    "cannot write `{shown}`: `{}` is not a folder",
                    dir.display()
                ),
                Err(_) => bail!(
                    "cannot write `{shown}`: the folder `{}` does not exist (create it first: mkdir -p {})",
                    dir.display(),
                    dir.display()
                ),
            };
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write `{shown}`")),
    };
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        let followed = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
                "cannot write `{shown}`: it is a symbolic link to `{target}`, which does not exist (remove the link, or write to another file)"
            ),
            Err(e) => return Err(e).with_context(|| format!("cannot write `{shown}`")),
        };
        if followed.is_file() {
            // Replace the file the link points to, not the link itself.
            let real = std::fs::canonicalize(path)
                .with_context(|| format!("cannot follow the symbolic link `{shown}`"))?;
            return Ok(Sink::Replace(real));
        }
        return classify_special(path, &followed);
    }
    if meta.is_file() {
        return Ok(Sink::Replace(path.to_path_buf()));
    }
    classify_special(path, &meta)
}

/// A node that is neither a regular file nor a link: devices and FIFOs are
/// written in place; anything else is refused with what it is.
fn classify_special(path: &Path, meta: &std::fs::Metadata) -> Result<Sink> {
    let shown = path.display();
    if meta.is_dir() {
        bail!("cannot write `{shown}`: it is a folder (give a file name, e.g. `{shown}/post.md`)");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_fifo() {
            return Ok(Sink::Direct(path.to_path_buf()));
        }
        if kind.is_block_device() {
            bail!(
                "cannot write `{shown}`: it is a block device; hirekit writes files, character devices and pipes only"
            );
        }
        if kind.is_socket() {
            bail!(
                "cannot write `{shown}`: it is a socket; hirekit writes files, character devices and pipes only"
            );
        }
    }
    bail!("cannot write `{shown}`: it is not a regular file")
}

/// The folder a path names a file in (`.` for a bare file name).
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` (`.hirekit-XXXXXX.tmp`, a name no output can
/// have), created with the usual permissions (0666 less the umask), as a
/// file created directly would have, rather than tempfile's private 0600.
pub(crate) fn temp_beside(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hirekit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).map_err(without_temp_path)
}

/// tempfile's errors end in "at path \"…/.hirekit-XXXX.tmp\"", a name the
/// user never chose and that no longer exists: messages name the file
/// being written instead, so the random one is dropped.
pub(crate) fn without_temp_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(at) => std::io::Error::new(e.kind(), &text[..at]),
        None => e,
    }
}

/// Writes `content` to the regular file `path` atomically. Its folder must
/// exist; a file already there keeps its permissions.
pub(crate) fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    let tmp = temp_beside(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    if let Ok(old) = std::fs::metadata(path) {
        // Best effort: a file the user made read-only for others stays so.
        let _ = tmp.as_file().set_permissions(old.permissions());
    }
    let mut tmp = tmp;
    // Through the file, not the NamedTempFile, whose errors name the
    // temporary path.
    tmp.as_file_mut()
        .write_all(content)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.as_file()
        .sync_data()
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Writes `content` to `path` atomically, first creating the folders it
/// needs (for files hirekit lays out itself: `init`, `new`, `templates
/// eject`).
pub(crate) fn write_creating_folders(path: &Path, content: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
    write_atomic(path, content)
}

/// Writes content where `-o` says (see [`sink_for`]), or to stdout.
pub(crate) fn emit(output: Option<&Path>, content: &str) -> Result<()> {
    emit_bytes(output, content.as_bytes(), None)
}

/// Writes bytes as [`emit`] does. `binary` names a binary format (`docx`):
/// such content goes to stdout only when stdout is not a terminal (a pipe
/// or a file), since a terminal would show it as garbage.
pub(crate) fn emit_bytes(
    output: Option<&Path>,
    content: &[u8],
    binary: Option<&str>,
) -> Result<()> {
    let sink = match output {
        Some(path) => sink_for(path)?,
        None => Sink::Stdout,
    };
    match sink {
        Sink::Stdout => {
            if let Some(format) = binary
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
            {
                bail!(
                    "`--format {format}` is a binary file and stdout is a terminal; write it to a file with `-o FILE.{format}` (or redirect stdout: `> FILE.{format}`)"
                );
            }
            let mut out = std::io::stdout().lock();
            out.write_all(content)
                .and_then(|()| out.flush())
                .context("cannot write to stdout")
        }
        Sink::Replace(path) => write_atomic(&path, content),
        Sink::Direct(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .with_context(|| format!("cannot open `{}` for writing", path.display()))?;
            file.write_all(content)
                .and_then(|()| file.flush())
                .with_context(|| format!("cannot write `{}`", path.display()))
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
        write_creating_folders(&path, b"one").unwrap();
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

    #[test]
    fn dash_is_stdout_and_a_device_is_written_in_place() {
        assert_eq!(sink_for(Path::new("-")).unwrap(), Sink::Stdout);
        // Read-only look at the node: nothing is written to it here.
        #[cfg(unix)]
        assert_eq!(
            sink_for(Path::new("/dev/null")).unwrap(),
            Sink::Direct(PathBuf::from("/dev/null"))
        );
    }

    #[test]
    fn a_new_name_in_an_existing_folder_is_replaced_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        assert_eq!(sink_for(&path).unwrap(), Sink::Replace(path.clone()));
        std::fs::write(&path, b"x").unwrap();
        assert_eq!(sink_for(&path).unwrap(), Sink::Replace(path));
    }

    #[test]
    fn a_missing_folder_or_a_folder_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = sink_for(&dir.path().join("a/b.md"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist"), "{err}");
        let err = sink_for(dir.path()).unwrap_err().to_string();
        assert!(err.contains("it is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_their_file_and_dangling_links_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, b"x").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(
            sink_for(&link).unwrap(),
            Sink::Replace(real.canonicalize().unwrap())
        );
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), &dangling).unwrap();
        let err = sink_for(&dangling).unwrap_err().to_string();
        assert!(err.contains("which does not exist"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(sink_for(&fifo).unwrap(), Sink::Direct(fifo));
    }
}
