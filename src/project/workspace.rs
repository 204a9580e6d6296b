//! Finding the workspace: a folder with `hirekit.yaml`, found in the current
//! folder or an ancestor (as Cargo finds `Cargo.toml`), or given with
//! `--workspace`. Without one, the built-in roles, templates and data serve
//! on their own.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// The workspace's marker file.
pub(crate) const MARKER: &str = "hirekit.yaml";

/// The reference Word document a workspace may hold at its root.
pub(crate) const REFERENCE_DOCX: &str = "reference.docx";

/// Where user files come from.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// The workspace folder, or `None` for the built-ins alone.
    pub root: Option<PathBuf>,
    /// The settings from `hirekit.yaml` (defaults when there is none).
    pub config: crate::project::config::Config,
    /// The text of `hirekit.yaml` (empty without one), to point at a
    /// setting in an error.
    pub source: String,
}

impl Workspace {
    /// The built-ins alone.
    pub fn builtin() -> Self {
        Workspace::default()
    }

    /// A workspace at `root`, reading its `hirekit.yaml` if there is one.
    pub fn at(root: &Path) -> Result<Self> {
        let marker = root.join(MARKER);
        let (config, source) = if marker.is_file() {
            let bytes = crate::load::read(&marker)?;
            let config = crate::project::config::parse(MARKER, &bytes)?;
            (config, String::from_utf8_lossy(&bytes).into_owned())
        } else {
            (crate::project::config::Config::default(), String::new())
        };
        Ok(Workspace {
            root: Some(root.to_path_buf()),
            config,
            source,
        })
    }

    /// Finds the workspace: `explicit` if given (it must hold `hirekit.yaml`
    /// or at least exist), else the nearest ancestor of `cwd` with
    /// `hirekit.yaml`, else none.
    pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<Self> {
        if let Some(dir) = explicit {
            if !dir.is_dir() {
                bail!("workspace folder `{}` does not exist", dir.display());
            }
            return Workspace::at(dir);
        }
        for dir in cwd.ancestors() {
            if dir.join(MARKER).is_file() {
                return Workspace::at(dir);
            }
        }
        Ok(Workspace::builtin())
    }

    /// A path inside the workspace, if there is one.
    /// An error about a setting of `hirekit.yaml`, located at its key
    /// (`key` is the last name of its path: `format` for `render.format`).
    pub fn setting_error(&self, key: &str, message: impl Into<String>) -> crate::diag::Diagnostic {
        let (line, column) = crate::diag::find_yaml_key(&self.source, key);
        crate::diag::Diagnostic::at(MARKER, &self.source, line, column, message)
    }

    pub fn path(&self, rel: &str) -> Option<PathBuf> {
        self.root.as_ref().map(|r| r.join(rel))
    }

    /// The reference Word document whose styles `--format docx` uses:
    /// `docx.reference` in `hirekit.yaml` (which may not exist: using it
    /// then fails, and `check` reports it), else `reference.docx` at the
    /// workspace root if there is one.
    pub fn docx_reference(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        if let Some(rel) = &self.config.docx.reference {
            return Some(root.join(rel));
        }
        let path = root.join(REFERENCE_DOCX);
        path.is_file().then_some(path)
    }

    /// How a workspace file is shown in messages: relative to the workspace.
    pub fn show(&self, path: &Path) -> String {
        match &self.root {
            Some(root) => path
                .strip_prefix(root)
                .unwrap_or(path)
                .display()
                .to_string(),
            None => path.display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_marker_in_an_ancestor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER), "").unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let ws = Workspace::discover(None, &sub).unwrap();
        assert_eq!(ws.root.as_deref(), Some(dir.path()));
    }

    #[test]
    fn the_nearest_folder_with_a_marker_wins_and_none_means_builtins() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        // Whatever lies above the temporary folder decides the answer for a
        // folder with no marker of its own: the nearest marker, or none.
        let above = dir.path().ancestors().find(|d| d.join(MARKER).is_file());
        let ws = Workspace::discover(None, &sub).unwrap();
        assert_eq!(ws.root.as_deref(), above);
        std::fs::write(dir.path().join("a").join(MARKER), "").unwrap();
        std::fs::write(dir.path().join(MARKER), "").unwrap();
        let ws = Workspace::discover(None, &sub).unwrap();
        assert_eq!(ws.root.as_deref(), Some(dir.path().join("a").as_path()));
        // --workspace wins over discovery, and must be a folder.
        let ws = Workspace::discover(Some(dir.path()), &sub).unwrap();
        assert_eq!(ws.root.as_deref(), Some(dir.path()));
        assert!(Workspace::discover(Some(&dir.path().join("nope")), &sub).is_err());
    }
}
