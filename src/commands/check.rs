//! `hirekit check [PATH...]`: validates a workspace, or the given files,
//! before anything is published: every role profile, the company file, pay
//! tables, locations CSVs and `hirekit.yaml`, and every template, by
//! compiling it and by a trial render of every document with every role
//! (with no location, with a `--location`, and with a locations row that
//! has every column). It reports every problem, each once and located,
//! then a one-line summary; the exit code is 1 if there was any.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

mod files;
mod settings;
mod trial;

use files::{files_in, is_workspace_root, normalize, same_file, table_label, walk};

use super::Ctx;
use crate::cli::CheckArgs;
use crate::engine::{self, Engine, TemplateError};
use crate::load::{self, role::Loaded, role::Origin};
use crate::model::{Company, Role};
use crate::project::MARKER;
use crate::render::{self, Format, RenderOptions, RoleInput, needs};

/// Runs `hirekit check`.
pub(crate) fn run(ctx: &Ctx, args: CheckArgs) -> Result<ExitCode> {
    let mut checker = Checker::new(ctx);
    let whole =
        args.paths.is_empty() || (args.paths.len() == 1 && is_workspace_root(ctx, &args.paths[0]));
    if whole {
        checker.workspace()?;
    } else {
        checker.paths(&args.paths)?;
    }
    Ok(checker.finish())
}

/// The most row errors shown for one locations file, as `batch` shows.
const MAX_ROW_ERRORS: usize = 50;

/// The most rows of one locations file that trial renders try: each row
/// costs every document of every role, so a file of millions of rows is
/// left to `batch --dry-run`.
const MAX_TRIAL_ROWS: usize = 10_000;

/// What was checked, for the summary.
#[derive(Default)]
struct Counts {
    roles: usize,
    companies: usize,
    pay_tables: BTreeSet<String>,
    locations: usize,
    templates: usize,
    renders: usize,
}

/// What a file given on the command line is.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Settings,
    Company,
    Role,
    Csv,
    Template,
    Other,
}

struct Checker<'a> {
    ctx: &'a Ctx,
    problems: Vec<String>,
    /// Documents a role profile cannot feed: reported, not failed.
    warnings: Vec<String>,
    seen: HashSet<String>,
    counts: Counts,
    /// Roles that loaded, for the trial renders.
    roles: Vec<Loaded>,
    company: Option<Company>,
    /// Extra columns of the locations files, with a sample value each.
    extra: BTreeMap<String, String>,
}

impl<'a> Checker<'a> {
    fn new(ctx: &'a Ctx) -> Self {
        Checker {
            ctx,
            problems: Vec::new(),
            warnings: Vec::new(),
            seen: HashSet::new(),
            counts: Counts::default(),
            roles: Vec::new(),
            company: None,
            extra: BTreeMap::new(),
        }
    }

    /// Records a problem once; `key` decides what counts as the same one.
    fn problem_keyed(&mut self, key: String, report: String) {
        if self.seen.insert(key) {
            self.problems.push(report);
        }
    }

    fn problem(&mut self, report: String) {
        self.problem_keyed(report.clone(), report);
    }

    fn error(&mut self, e: &anyhow::Error) {
        self.problem(crate::report(e));
    }

    /// The whole workspace (or the built-ins alone).
    fn workspace(&mut self) -> Result<()> {
        let ws = &self.ctx.project.ws;
        let (engine, template_problems) = self.ctx.project.engine_lenient()?;
        self.settings(&engine);
        if let Some(path) = self.company_path() {
            self.company_file(&path);
        }
        if let Some(dir) = ws.path("roles") {
            for path in self.files(&dir, false, &["yaml", "yml"])? {
                self.role_file(&path, ws.show(&path));
            }
        }
        self.duplicate_role_ids();
        self.builtin_roles();
        if let Some(dir) = ws.path("pay") {
            for path in self.files(&dir, false, &["csv"])? {
                self.pay_file(&path);
            }
        }
        self.role_pay_tables();
        let mut location_files = Vec::new();
        for path in self.locations_paths()? {
            if self.csv_file(&path) {
                location_files.push(path);
            }
        }
        for p in template_problems {
            let key = p.report().to_string();
            self.problem_keyed(key, p.to_string());
        }
        self.counts.templates = engine.templates().len();
        let docs: Vec<String> = engine
            .documents()
            .into_iter()
            .filter(|d| engine.can_render(d))
            .collect();
        self.trial_renders(&engine, &docs, &location_files);
        Ok(())
    }

    /// The files and folders given on the command line.
    fn paths(&mut self, paths: &[PathBuf]) -> Result<()> {
        let ws = &self.ctx.project.ws;
        let (engine, template_problems) = self.ctx.project.engine_lenient()?;
        let mut files = Vec::new();
        for p in paths {
            if p.is_dir() {
                let skipped = walk(p, &mut files)?;
                self.warnings.extend(skipped);
            } else if p.exists() {
                files.push((p.clone(), true));
            } else {
                self.problem(format!("error: `{}` does not exist", p.display()));
            }
        }
        let mut selected: Vec<String> = Vec::new();
        let mut location_files = Vec::new();
        for (file, explicit) in files {
            let shown = file.display().to_string();
            match self.classify(&file) {
                Kind::Settings => {
                    if ws.path(MARKER).is_some_and(|m| same_file(&m, &file)) {
                        self.settings(&engine);
                    } else {
                        match load::read(&file) {
                            Ok(bytes) => {
                                if let Err(d) = crate::project::config::parse(&shown, &bytes) {
                                    self.problem(d.to_string());
                                }
                            }
                            Err(e) => self.error(&e),
                        }
                    }
                }
                Kind::Company => self.company_file(&file),
                Kind::Role => self.role_file(&file, shown),
                Kind::Csv => {
                    if self.csv_file(&file) {
                        location_files.push(file.clone());
                    }
                }
                Kind::Template => {
                    let found = engine
                        .templates()
                        .into_iter()
                        .map(|(name, _)| name)
                        .find(|name| engine.user_file(name).is_some_and(|f| same_file(f, &file)));
                    match found {
                        Some(name) => selected.push(name),
                        None if explicit => self.problem(format!(
                            "error: `{shown}` is not in the workspace's `templates/` folder, so hirekit does not use it{}",
                            if ws.root.is_none() {
                                " (no hirekit.yaml was found here or above)"
                            } else {
                                ""
                            }
                        )),
                        None => {}
                    }
                }
                Kind::Other if explicit => self.problem(format!(
                    "error: `{shown}` is not a file hirekit checks; it checks role profiles and company files (.yaml), pay tables and locations (.csv), and templates"
                )),
                Kind::Other => {}
            }
        }
        self.duplicate_role_ids();
        self.role_pay_tables();
        let given_roles = !self.roles.is_empty();
        if self.company.is_none()
            && let Some(path) = self.company_path()
        {
            self.company = load::company::load(&path, &ws.show(&path)).ok();
        }
        for p in &template_problems {
            let in_selected = selected
                .iter()
                .any(|name| engine.user_file_shown(name) == p.file());
            if in_selected {
                self.problem_keyed(p.report().to_string(), p.to_string());
            }
        }
        self.counts.templates = selected.len();
        if selected.is_empty() && !given_roles {
            return Ok(());
        }
        if !given_roles {
            self.all_roles_quietly();
        }
        let all_docs: Vec<String> = engine
            .documents()
            .into_iter()
            .filter(|d| engine.can_render(d))
            .collect();
        let only_documents =
            !selected.is_empty() && selected.iter().all(|n| engine::document_name(n).is_some());
        let docs: Vec<String> = if only_documents {
            all_docs
                .into_iter()
                .filter(|d| selected.iter().any(|n| engine::document_name(n) == Some(d)))
                .collect()
        } else {
            all_docs
        };
        self.trial_renders(&engine, &docs, &location_files);
        Ok(())
    }

    fn classify(&self, file: &Path) -> Kind {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if name == MARKER {
            Kind::Settings
        } else if matches!(ext, "yaml" | "yml") {
            let is_company = name.starts_with("company.")
                || self.company_path().is_some_and(|c| same_file(&c, file));
            if is_company {
                Kind::Company
            } else {
                Kind::Role
            }
        } else if ext == "csv" {
            Kind::Csv
        } else if engine::TEMPLATE_EXTENSIONS.contains(&ext) && !engine::is_readme(name) {
            Kind::Template
        } else {
            Kind::Other
        }
    }

    /// `hirekit.yaml`: values that parse but name something that is not there.
    fn settings(&mut self, engine: &Engine) {
        for d in settings::check(&self.ctx.project.ws, engine) {
            self.problem(d.to_string());
        }
    }
    /// The workspace's company file, if it has one (or names one).
    fn company_path(&self) -> Option<PathBuf> {
        let ws = &self.ctx.project.ws;
        let rel = ws.config.company.as_deref().unwrap_or("company.yaml");
        ws.path(rel).filter(|p| p.is_file())
    }

    fn company_file(&mut self, path: &Path) {
        self.counts.companies += 1;
        let shown = self.shown(path);
        let parsed = load::read(path).map(|bytes| load::company::parse_all(&shown, &bytes));
        match parsed {
            Ok(Ok(c)) => self.company = Some(c),
            Ok(Err(diags)) => {
                for d in diags {
                    self.problem(d.to_string());
                }
            }
            Err(e) => self.error(&e),
        }
    }

    /// A path as messages show it: relative to the workspace when inside it.
    fn shown(&self, path: &Path) -> String {
        self.ctx.project.ws.show(&normalize(path))
    }

    fn role_file(&mut self, path: &Path, shown: String) {
        self.counts.roles += 1;
        let bytes = match load::read(path) {
            Ok(b) => b,
            Err(e) => return self.error(&e),
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        match load::role::parse_all(&shown, &bytes, &engine::filters::slug(&stem)) {
            Ok(role) => self.roles.push(Loaded {
                role,
                shown,
                origin: Origin::File(path.parent().map(Path::to_path_buf).unwrap_or_default()),
            }),
            Err(diags) => {
                for d in diags {
                    self.problem(d.to_string());
                }
            }
        }
    }

    fn duplicate_role_ids(&mut self) {
        let mut by_id: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in &self.roles {
            by_id
                .entry(r.role.id.clone())
                .or_default()
                .push(format!("`{}`", r.shown));
        }
        for (id, files) in by_id {
            if files.len() > 1 {
                self.problem(format!(
                    "error: role id `{id}` is used by {}; each role needs its own id",
                    files.join(" and ")
                ));
            }
        }
    }

    /// Built-in roles the workspace does not replace with its own file.
    fn builtin_roles(&mut self) {
        for (id, _) in crate::builtin::ROLES {
            let shadowed = ["yaml", "yml"].iter().any(|ext| {
                self.ctx
                    .project
                    .ws
                    .path(&format!("roles/{id}.{ext}"))
                    .is_some_and(|p| p.is_file())
            });
            if shadowed {
                continue;
            }
            self.counts.roles += 1;
            match crate::project::Project::builtin().role(id) {
                Ok(loaded) => self.roles.push(loaded),
                Err(e) => self.error(&e),
            }
        }
    }

    /// Every role the workspace can render, for trial renders of templates
    /// given on the command line; problems in roles are not reported here.
    fn all_roles_quietly(&mut self) {
        let ws = &self.ctx.project.ws;
        if let Some(dir) = ws.path("roles")
            && let Ok(listing) = files_in(
                ws.root.as_deref().unwrap_or(&dir),
                &dir,
                false,
                &["yaml", "yml"],
            )
            && let files = listing.files
        {
            for path in files {
                if let Ok(loaded) = self.ctx.project.role(&path.display().to_string()) {
                    self.roles.push(Loaded {
                        shown: ws.show(&path),
                        ..loaded
                    });
                }
            }
        }
        let (count, problems) = (self.counts.roles, self.problems.len());
        self.builtin_roles();
        self.problems.truncate(problems);
        self.counts.roles = count;
    }

    fn pay_file(&mut self, path: &Path) {
        let shown = self.shown(path);
        self.counts.pay_tables.insert(shown.clone());
        match load::read(path) {
            Ok(bytes) => {
                if let Err(d) = load::pay::parse(&shown, &bytes) {
                    self.problem(d.to_string());
                }
            }
            Err(e) => self.error(&e),
        }
    }

    /// The pay table of every role: a table it names, the workspace's
    /// `pay/<soc>.csv` or a built-in one.
    fn role_pay_tables(&mut self) {
        let ws = &self.ctx.project.ws;
        let mut found = Vec::new();
        for loaded in &self.roles {
            let label = table_label(ws, loaded);
            found.push((label, self.ctx.project.pay_table(loaded)));
        }
        for (label, result) in found {
            if let Some(label) = label {
                self.counts.pay_tables.insert(label);
            }
            if let Err(e) = result {
                self.error(&e);
            }
        }
    }

    /// The files of a workspace folder, noting what was passed over (pipes,
    /// links out of the workspace) as warnings.
    fn files(&mut self, dir: &Path, recursive: bool, exts: &[&str]) -> Result<Vec<PathBuf>> {
        let ws = &self.ctx.project.ws;
        let limit = ws.root.clone().unwrap_or_else(|| dir.to_path_buf());
        let listing = files_in(&limit, dir, recursive, exts)?;
        self.warnings.extend(listing.skipped);
        Ok(listing.files)
    }

    /// Locations CSVs of the workspace: `*.csv` at its top, `locations/`,
    /// and the file `batch.locations` names.
    fn locations_paths(&mut self) -> Result<Vec<PathBuf>> {
        let ws = &self.ctx.project.ws;
        let mut paths = Vec::new();
        if let Some(root) = &ws.root {
            paths.extend(self.files(root, false, &["csv"])?);
            paths.extend(self.files(&root.join("locations"), true, &["csv"])?);
            if let Some(rel) = &ws.config.batch.locations {
                let p = root.join(rel);
                if p.is_file() && !paths.iter().any(|q| same_file(q, &p)) {
                    paths.push(p);
                }
            }
        }
        Ok(paths)
    }

    /// A CSV: a pay table if its header says so, else a locations file.
    /// Returns whether it is a locations file (whose rows the trial
    /// renders then try).
    fn csv_file(&mut self, path: &Path) -> bool {
        let bytes = match load::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.error(&e);
                return false;
            }
        };
        let header: Vec<String> = String::from_utf8_lossy(&bytes)
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default()
            .split(',')
            .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
            .collect();
        if header.iter().any(|h| h == "area") && header.iter().any(|h| h == "soc") {
            self.pay_file(path);
            return false;
        }
        self.counts.locations += 1;
        let shown = self.shown(path);
        let text = match load::utf8(&shown, &bytes) {
            Ok(t) => t,
            Err(d) => {
                self.problem(d.to_string());
                return false;
            }
        };
        // Row by row, as batch reads it: a file of millions of rows is
        // checked in little memory, and its first errors are shown.
        let mut errors = 0_usize;
        let mut shown_errors = Vec::new();
        let extra = &mut self.extra;
        let usable = load::locations::for_each_row(
            &shown,
            text,
            |row| {
                for (k, v) in row.location.extra {
                    let slot = extra.entry(k).or_default();
                    if slot.is_empty() {
                        *slot = v;
                    }
                }
            },
            |d| {
                errors += 1;
                if shown_errors.len() < MAX_ROW_ERRORS {
                    shown_errors.push(d.to_string());
                }
            },
        );
        match usable {
            Ok(usable) => {
                for e in shown_errors {
                    self.problem(e);
                }
                if errors > MAX_ROW_ERRORS {
                    self.problem(format!(
                        "error: {} more rows of `{shown}` cannot be used (not shown; the first {MAX_ROW_ERRORS} are above)",
                        errors - MAX_ROW_ERRORS
                    ));
                }
                if usable == 0 && errors == 0 {
                    self.problem(
                        crate::diag::Diagnostic::file(shown, "no location rows below the header")
                            .to_string(),
                    );
                }
            }
            Err(d) => self.problem(d.to_string()),
        }
        true
    }

    /// Renders every document with every role, for the sample locations
    /// and then for every valid row of the workspace's locations files (as
    /// `batch` would, without writing), as Markdown and as an HTML page,
    /// reporting each distinct failure once with where it was first seen.
    /// A template error that only one row reaches is found here, before a
    /// batch starts.
    fn trial_renders(&mut self, engine: &Engine, docs: &[String], rows_of: &[PathBuf]) {
        let roles = std::mem::take(&mut self.roles);
        for loaded in &roles {
            self.warnings
                .extend(needs::warnings(&loaded.role, &loaded.shown, docs));
            let table = self.ctx.project.pay_table(loaded);
            self.warnings.extend(content_warnings(
                &loaded.role,
                &loaded.shown,
                docs,
                matches!(table, Ok(None)),
            ));
        }
        let inputs: Vec<(String, RoleInput)> = roles
            .iter()
            .map(|loaded| {
                let table = self.ctx.project.pay_table(loaded).ok().flatten();
                let input = RoleInput::new(
                    loaded.role.clone(),
                    loaded.shown.clone(),
                    self.company.clone(),
                    table,
                );
                (loaded.role.id.clone(), input)
            })
            .collect();
        self.roles = roles;
        if inputs.is_empty() {
            return;
        }
        for (label, location) in trial::sample_locations(&self.extra) {
            self.trial(engine, &inputs, docs, &label, location.as_ref());
        }
        for path in rows_of {
            let shown = self.shown(path);
            let Ok(bytes) = load::read(path) else {
                continue;
            };
            let Ok(text) = load::utf8(&shown, &bytes) else {
                continue;
            };
            // Row errors were reported when the file was checked.
            let Ok(mut reader) = load::locations::Reader::new(&shown, text) else {
                continue;
            };
            let parser = reader.parser();
            let mut tried = 0_usize;
            let mut rows = 0_usize;
            while let Some(raw) = reader.next_raw() {
                rows += 1;
                if tried == MAX_TRIAL_ROWS {
                    continue;
                }
                let Ok(row) = raw.and_then(|r| parser.parse(&r)) else {
                    continue;
                };
                tried += 1;
                let label = format!("for line {} of `{shown}`", row.line);
                self.trial(engine, &inputs, docs, &label, Some(&row.location));
            }
            if tried == MAX_TRIAL_ROWS && rows > tried {
                let n = |v: usize| crate::text::format::number(v as f64, 0);
                self.warnings.push(format!(
                    "trial renders covered the first {} usable rows of `{shown}` ({} rows in all); `hirekit batch --dry-run` renders every row without writing",
                    n(tried),
                    n(rows)
                ));
            }
        }
    }

    /// One trial: every document for every role at one location.
    fn trial(
        &mut self,
        engine: &Engine,
        inputs: &[(String, RoleInput)],
        docs: &[String],
        label: &str,
        location: Option<&crate::model::Location>,
    ) {
        for (id, input) in inputs {
            for doc in docs {
                // A document the profile cannot feed was warned about.
                if !needs::missing(doc, &input.role).is_empty() {
                    continue;
                }
                self.counts.renders += 1;
                let result = render::render_formats(
                    engine,
                    input,
                    location,
                    doc,
                    &[Format::Md, Format::Html],
                    RenderOptions::default(),
                );
                let Err(e) = result else { continue };
                let note = format!("found by a trial render of `{doc}` for role `{id}` {label}");
                match e.downcast_ref::<TemplateError>() {
                    Some(t) => {
                        let key = trial::same_problem_key(t.report());
                        self.problem_keyed(key, t.clone().with_note(note).to_string());
                    }
                    None => self.error(&e.context(note)),
                }
            }
        }
    }

    /// Prints the problems and the summary; returns the exit code.
    fn finish(self) -> ExitCode {
        let ui = &self.ctx.ui;
        for w in &self.warnings {
            ui.warn(w);
        }
        if !self.warnings.is_empty() && !self.problems.is_empty() {
            ui.error("");
        }
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                ui.error("");
            }
            ui.error(p);
        }
        let c = &self.counts;
        let outcome = match self.problems.len() {
            0 => "no problems".to_string(),
            n => plural(n, "problem", "problems"),
        };
        ui.verbose(&format!("trial renders: {}", c.renders));
        let summary = format!(
            "checked {}, {}, {}, {}, {}: {outcome}",
            plural(c.roles, "role", "roles"),
            plural(c.companies, "company", "companies"),
            plural(c.pay_tables.len(), "pay table", "pay tables"),
            plural(c.locations, "locations file", "locations files"),
            plural(c.templates, "template", "templates"),
        );
        if !self.problems.is_empty() {
            ui.error("");
        }
        ui.status(&summary);
        if self.problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            crate::failure()
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a profile's documents leave out or get wrong without failing to
/// render, for `check`: a job description without its pay section (no
/// pay table for the SOC code), an interview shorter than its questions.
fn content_warnings(role: &Role, path: &str, docs: &[String], no_table: bool) -> Vec<String> {
    let mut out = Vec::new();
    let listed = |doc: &str| docs.iter().any(|d| d == doc);
    if listed("job-description") && no_table && !role.soc_code.is_empty() {
        out.push(format!(
            "{path}: no pay table for SOC {}, so the job description leaves out its pay section; \
             build one with `hirekit pay import` or give the profile `pay:` rows",
            role.soc_code
        ));
    }
    let interview = &role.interview;
    let planned = interview.planned_minutes();
    if listed("interview-guide")
        && !interview.competencies.is_empty()
        && interview.duration_minutes < planned
    {
        let n = interview.question_count();
        out.push(format!(
            "{path}: `interview.duration_minutes` is {}, but {n} {} about {planned} minutes \
             with the welcome, logistics and close, so the interview guide plans {planned}; \
             raise it or ask fewer questions",
            interview.duration_minutes,
            if n == 1 {
                "question takes"
            } else {
                "questions take"
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(plural(1, "company", "companies"), "1 company");
        assert_eq!(plural(0, "company", "companies"), "0 companies");
        assert_eq!(plural(3, "role", "roles"), "3 roles");
    }
}
