//! The inputs of a run, found and read in one place: the workspace and its
//! `hirekit.yaml`, the company file, roles and their pay tables, and the
//! templates. Each input has one rule, the same for every command: the
//! company named in `hirekit.yaml` must exist for `render`, `batch`, `lint`
//! and `check` alike.
//!
//! Direction: `commands` → `project` → {`load`, `engine`} → {`model`,
//! `diag`, `text`}. Nothing below reaches back up here.

pub(crate) mod config;
mod roles;
pub(crate) mod workspace;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::engine::{Engine, TemplateError};
use crate::lint::CompanyFile;
use crate::load;
use crate::load::role::{Loaded, Origin};
use crate::model::pay::PayTable;
use crate::render::RoleInput;
use crate::ui::Ui;
pub(crate) use workspace::{MARKER, REFERENCE_DOCX, Workspace};

/// Where the company profile of a run comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompanySource {
    /// No `--company`, no `company` setting, no `company.yaml`.
    None,
    /// This file (from `--company`, the setting, or the default name).
    File(PathBuf),
    /// `hirekit.yaml` names a file that is not there: an error wherever a
    /// company is needed.
    Missing {
        /// The value of the `company` setting.
        setting: String,
        /// Where it points.
        path: PathBuf,
    },
}

/// A run's inputs: the workspace (or the built-ins alone).
#[derive(Debug, Clone)]
pub struct Project {
    /// The workspace and its settings.
    pub ws: Workspace,
    /// Where notes about inputs passed over go.
    pub ui: Ui,
}

impl Project {
    /// The built-ins alone, with no workspace.
    pub fn builtin() -> Project {
        Project {
            ws: Workspace::builtin(),
            ui: Ui::plain(),
        }
    }

    /// Finds the workspace: `explicit` (`--workspace`), else `hirekit.yaml`
    /// in `cwd` or an ancestor, else the built-ins alone.
    pub fn discover(explicit: Option<&Path>, cwd: &Path, ui: Ui) -> Result<Project> {
        Ok(Project {
            ws: Workspace::discover(explicit, cwd)?,
            ui,
        })
    }

    /// The templates: built-ins, overridden by the workspace's `templates/`.
    /// Fails with every problem of the workspace's templates.
    pub fn engine(&self) -> Result<Engine> {
        let engine = Engine::load(self.ws.root.as_deref())?;
        self.warn_skipped(&engine);
        Ok(
            engine
                .with_docx_reference(self.docx_reference(), crate::render::docx::reference_styles),
        )
    }

    /// The templates that compile, and the problems of the others.
    pub fn engine_lenient(&self) -> Result<(Engine, Vec<TemplateError>)> {
        let (engine, problems) = Engine::load_lenient(self.ws.root.as_deref())?;
        self.warn_skipped(&engine);
        Ok((
            engine
                .with_docx_reference(self.docx_reference(), crate::render::docx::reference_styles),
            problems,
        ))
    }

    fn warn_skipped(&self, engine: &Engine) {
        for note in engine.skipped() {
            self.ui.warn(note);
        }
    }

    /// The workspace's reference Word document (`docx.reference` in
    /// `hirekit.yaml`, else `reference.docx`), with its path as shown.
    fn docx_reference(&self) -> Option<(PathBuf, String)> {
        self.ws.docx_reference().map(|path| {
            let shown = self.ws.show(&path);
            (path, shown)
        })
    }

    /// A role: a path to a YAML file, or an id looked up in the
    /// workspace's `roles/`, then among the built-ins, then in the
    /// occupation library (a SOC or O*NET code, or the slug of an O*NET
    /// title), drafted from O*NET and BLS data.
    pub fn role(&self, arg: &str) -> Result<Loaded> {
        roles::find(&self.ws, arg)
    }

    /// The text of a loaded role's file, to locate words in.
    pub fn role_source(&self, loaded: &Loaded) -> Result<String> {
        match &loaded.origin {
            Origin::Builtin => Ok(crate::builtin::role(&loaded.role.id)
                .unwrap_or_default()
                .to_string()),
            // The profile as `hirekit new --soc` would write it.
            Origin::Library(_) => Ok(crate::library::draft::emit::profile_yaml(&loaded.role)),
            Origin::File(dir) => {
                // The loader keeps the folder; the file keeps its name in `shown`.
                let name = Path::new(&loaded.shown)
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_default();
                let bytes = load::read(&dir.join(name))?;
                Ok(load::utf8(&loaded.shown, &bytes)?.to_string())
            }
        }
    }

    /// A loaded role's pay table: its inline rows, its own table file, the
    /// workspace's `pay/<soc>.csv`, else the built-in table for its code.
    pub fn pay_table(&self, loaded: &Loaded) -> Result<Option<PayTable>> {
        roles::pay_table(&self.ws, loaded)
    }

    /// A role with its company and pay table, ready to render.
    pub fn role_input(&self, loaded: Loaded, company: Option<&CompanyFile>) -> Result<RoleInput> {
        let table = self.pay_table(&loaded)?;
        let mut input = RoleInput::new(
            loaded.role,
            loaded.shown,
            company.map(|c| c.company.clone()),
            table,
        );
        input.market_beside_offer = self.ws.config.pay.market_beside_offer;
        Ok(input)
    }

    /// Where the company profile comes from: `--company FILE`, else the
    /// `company` setting of `hirekit.yaml`, else `company.yaml` in the
    /// workspace if there is one.
    pub fn company_source(&self, explicit: Option<&Path>) -> CompanySource {
        if let Some(path) = explicit {
            return CompanySource::File(path.to_path_buf());
        }
        let setting = self.ws.config.company.as_deref();
        let Some(path) = self.ws.path(setting.unwrap_or("company.yaml")) else {
            return CompanySource::None;
        };
        match setting {
            _ if path.is_file() => CompanySource::File(path),
            Some(s) => CompanySource::Missing {
                setting: s.to_string(),
                path,
            },
            None => CompanySource::None,
        }
    }

    /// The company profile with its file and text (see [`company_source`]).
    /// A file given or named in `hirekit.yaml` that is not there is an
    /// error; only the default `company.yaml` may be absent.
    ///
    /// [`company_source`]: Project::company_source
    pub fn company(&self, explicit: Option<&Path>) -> Result<Option<CompanyFile>> {
        let path = match self.company_source(explicit) {
            CompanySource::None => return Ok(None),
            CompanySource::File(path) => path,
            CompanySource::Missing { setting, path } => {
                return Err(self
                    .ws
                    .setting_error(
                        "company",
                        format!(
                            "`company`: hirekit.yaml names the company file `{setting}`, but `{}` does not exist",
                            self.ws.show(&path)
                        ),
                    )
                    .with_help("fix the `company` setting, or create the file")
                    .into());
            }
        };
        let shown = match explicit {
            Some(p) => p.display().to_string(),
            None => self.ws.show(&path),
        };
        let bytes = load::read(&path)?;
        let company = load::company::parse(&shown, &bytes)?;
        let source = load::utf8(&shown, &bytes)?.to_string();
        Ok(Some(CompanyFile {
            company,
            file: shown,
            source,
        }))
    }
}
