//! `hirekit batch`: one ad per location row, for one or more roles and
//! documents, in as many formats as asked.
//!
//! Two passes over the locations CSV, both streaming:
//!
//! 1. **Plan** (`check`): every row is parsed and checked, every output
//!    path is worked out and checked (escapes, reserved names, collisions
//!    with another row, also case-insensitively), and the rows of this
//!    shard are counted. Any problem stops the run here, before anything
//!    is written, unless `--keep-going` is given.
//! 2. **Render** (`render`): rows go through in chunks; the ads of a chunk
//!    render and write in parallel on a pool of `--jobs` threads, then are
//!    recorded in row order, each file's manifest entry streamed out as it
//!    is recorded. Memory holds the CSV, one chunk, a dozen bytes per ad
//!    (and its row's id and city) for the index, and 32 bytes per file of
//!    the previous manifest.
//!
//! Then the index, `--clean`, and the end of the manifest, which lands
//! last. A file whose content is already on disk is not written again, an
//! ad whose inputs have not changed since the previous manifest is not
//! even rendered, and a manifest the same as the previous one is not
//! written.
//!
//! Modules: `plan` (file names, path checks, shards; pure), `check` (pass
//! 1), `pipeline` (pass 2), `records` (the index, `--clean`, the end of
//! the manifest), `manifest` (its format, writing it as the run goes, and
//! reading the previous one), `write` (atomic writes), `feed` (the Indeed
//! feed and the index page's HTML).

mod check;
pub(crate) mod feed;
pub(crate) mod index;
pub(crate) mod manifest;
mod pipeline;
pub(crate) mod plan;
mod records;
pub(crate) mod write;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result, anyhow, bail};
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{Engine, Origin};
use crate::load::locations::Reader;
use crate::model::Location;
use crate::render::{self, Format, RenderOptions, RoleInput};
use crate::states;
use crate::ui::Ui;
use check::Plan;
use manifest::Previous;
use plan::{Pattern, Placeholder, Shard, Values};

/// Rows rendered per chunk: enough to keep every thread busy, few enough
/// that a chunk's output is a few megabytes.
const CHUNK_ROWS: usize = 512;

/// Row errors shown in full; the rest are counted.
const MAX_SHOWN_ERRORS: usize = 50;

/// What to do, from the command line and `hirekit.yaml`.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The locations CSV.
    pub locations: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The documents, in order.
    pub docs: Vec<String>,
    /// The formats, in order, without repeats.
    pub formats: Vec<Format>,
    /// The file-name pattern.
    pub pattern: Pattern,
    /// Threads.
    pub jobs: usize,
    /// Only this slice of the rows.
    pub shard: Option<Shard>,
    /// Render the valid rows when some are bad.
    pub keep_going: bool,
    /// Remove files the previous manifest listed and this run did not write.
    pub clean: bool,
    /// Render and compare, but write and remove nothing.
    pub dry_run: bool,
    /// Write an Indeed XML feed of the job posts.
    pub feed: bool,
    /// Where the ads are published, for the feed's job URLs.
    pub base_url: Option<String>,
    /// Render every ad even when its inputs are unchanged.
    pub force: bool,
    /// The posting date of new ads whose row gives none.
    pub date: crate::lint::Date,
    /// Show a progress bar.
    pub progress: bool,
    /// List every file written, left unchanged or removed (`-v`).
    pub list_files: bool,
}

/// What a batch did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Ads produced (rendered or found unchanged).
    pub ads: usize,
    /// Files written (ads, the index and the feed).
    pub written: usize,
    /// Files left as they were because their content is unchanged.
    pub unchanged: usize,
    /// Files removed by `--clean`.
    pub removed: usize,
    /// Files the previous manifest listed that this run did not produce,
    /// left in place (without `--clean`).
    pub stale: usize,
    /// Reports of the rows left out under `--keep-going`.
    pub rejected: Vec<String>,
    /// Job-post pages whose `JobPosting` has no `hiringOrganization` (no
    /// company file, and no `company` on the row).
    pub no_organization: usize,
    /// Wall time.
    pub seconds: f64,
    /// Nothing was written.
    pub dry_run: bool,
    /// With [`Options::list_files`]: one line per file, in the order the
    /// run met them (`wrote PATH`, `unchanged PATH`, `removed PATH`).
    pub files: Vec<String>,
    /// Whether to fill [`Outcome::files`].
    list_files: bool,
}

impl Outcome {
    /// Counts one file written or left unchanged, listing it under `-v`.
    fn count(&mut self, written: bool, path: &str) {
        if written {
            self.written += 1;
        } else {
            self.unchanged += 1;
        }
        if self.list_files {
            let verb = match (written, self.dry_run) {
                (true, true) => "would write",
                (true, false) => "wrote",
                (false, _) => "unchanged",
            };
            self.files.push(format!("{verb} {path}"));
        }
    }

    /// Lists one file removed by `--clean` under `-v`.
    fn count_removed(&mut self, path: &str) {
        if self.list_files {
            let verb = if self.dry_run {
                "would remove"
            } else {
                "removed"
            };
            self.files.push(format!("{verb} {path}"));
        }
    }

    /// The one-line summary.
    pub(crate) fn summary(&self) -> String {
        let (would, dry) = if self.dry_run {
            ("would be ", "dry run: ")
        } else {
            ("", "")
        };
        let rate = if self.seconds > 0.0 {
            self.ads as f64 / self.seconds
        } else {
            0.0
        };
        format!(
            "{dry}{} {}: {} {} {would}written, {} unchanged, {} {would}removed in {:.2} s ({:.0} ads/s)",
            self.ads,
            if self.ads == 1 { "ad" } else { "ads" },
            self.written,
            if self.written == 1 { "file" } else { "files" },
            self.unchanged,
            self.removed,
            self.seconds,
            rate
        )
    }
}

/// One (role, document) pair: every row gets one ad per job.
struct Job {
    role: usize,
    doc: String,
    role_slug: String,
    doc_slug: String,
    /// Digest of everything but the row that the ad depends on.
    digest: [u8; 32],
    /// This job's ads go into the feed.
    feed: bool,
}

/// The file-name values of one row.
struct RowNames {
    location: String,
    state: String,
    city: String,
}

impl RowNames {
    fn new(loc: &Location, pattern: &Pattern) -> Self {
        RowNames {
            location: plan::location_name(&loc.id),
            state: loc.state.to_ascii_lowercase(),
            city: if pattern.uses(Placeholder::City) {
                plan::name_slug(&loc.city)
            } else {
                String::new()
            },
        }
    }
}

/// Runs a batch. `roles` are ready to render; `engine` holds the templates.
/// `before_write` runs once every row is checked and before anything is
/// written (the pay-law check), with the locations file's text as the run
/// read it and the lines of the rows refused for a reason only the plan
/// sees; an error from it stops the run.
pub(crate) fn run(
    engine: &Engine,
    roles: &[RoleInput],
    opts: &Options,
    ui: &Ui,
    before_write: &mut dyn FnMut(&str, &std::collections::HashSet<usize>) -> Result<()>,
) -> Result<Outcome> {
    let started = Instant::now();
    let batch = Batch::new(engine, roles, opts)?;
    let bytes = crate::load::read(&opts.locations)?;
    let text = crate::load::utf8(&batch.shown, &bytes)?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build()
        .context("cannot start the worker threads")?;
    // The previous manifest is read while the rows are checked.
    let manifest = opts.out.join(&batch.manifest_name);
    let (plan, previous) = pool.join(
        || match batch.check(text, false) {
            Ok(plan) if plan.suspect => batch.check(text, true),
            other => other,
        },
        || Previous::load(&manifest),
    );
    let plan = plan?;
    if plan.rows == 0 {
        bail!(Diagnostic::file(
            batch.shown.clone(),
            "no location rows below the header"
        ));
    }
    if !plan.errors.is_empty() && !opts.keep_going {
        return Err(too_many(plan.errors, &batch.shown));
    }
    if !opts.keep_going
        && let Some(line) = plan.first
        && let Some(Ok(first)) =
            Reader::new(&batch.shown, text)?.find(|r| r.as_ref().is_ok_and(|r| r.line == line))
    {
        // Any template error shows up now, before a file is written.
        for job in &batch.jobs {
            batch.render_ad(&batch.roles[job.role], &first.location, job)?;
        }
    }

    before_write(text, &plan.refused)?;

    // Held until the run ends: a second batch into the same folder fails.
    let _lock = if opts.dry_run {
        None
    } else {
        Some(write::lock_out(&opts.out)?)
    };
    let previous = previous?;
    if previous.is_none() && !opts.force {
        batch.refuse_foreign_files()?;
    }
    let mut run = pipeline::Run::new(&batch, previous.as_ref(), &plan, pool);
    run.writer.prepare_dir(&opts.out, !opts.dry_run)?;
    let (records, stopped) = run.render(text, &plan, ui)?;
    // The CSV is no longer needed.
    drop(bytes);
    if let Some(err) = stopped {
        run.finish_stopped(&records, ui)?;
        return Err(err);
    }
    let mut outcome = run.finish(&records, ui)?;
    outcome.seconds = started.elapsed().as_secs_f64();
    Ok(outcome)
}

fn too_many(mut errors: Vec<Diagnostic>, shown: &str) -> anyhow::Error {
    let total = errors.len();
    errors.truncate(MAX_SHOWN_ERRORS);
    let more = if total > errors.len() {
        format!(" ({} more not shown)", total - errors.len())
    } else {
        String::new()
    };
    anyhow!(Diagnostics(errors)).context(format!(
        "{total} {} of `{shown}` cannot be used{more}; nothing was written \
         (--keep-going renders the other rows)",
        if total == 1 { "row" } else { "rows" }
    ))
}

/// The batch's fixed inputs.
struct Batch<'a> {
    engine: &'a Engine,
    roles: &'a [RoleInput],
    opts: &'a Options,
    jobs: Vec<Job>,
    shown: String,
    manifest_name: String,
    index_name: String,
    feed_name: String,
    /// Folded names of the files at the top of `--out`, which no ad may take.
    reserved: Vec<String>,
    state_lower: Vec<String>,
}

impl<'a> Batch<'a> {
    fn new(engine: &'a Engine, roles: &'a [RoleInput], opts: &'a Options) -> Result<Self> {
        let p = &opts.pattern;
        for (n, what, ph, name) in [
            (roles.len(), "roles", Placeholder::Role, "{role}"),
            (opts.docs.len(), "documents", Placeholder::Doc, "{doc}"),
            (opts.formats.len(), "formats", Placeholder::Ext, "{ext}"),
        ] {
            if n > 1 && !p.uses(ph) {
                bail!(
                    "the file-name pattern `{p}` has no `{name}`, so the {n} {what} would share files; add `{name}` to --pattern"
                );
            }
        }
        if opts.feed && !opts.docs.iter().any(|d| crate::builtin::is_job_ad(d)) {
            bail!(
                "--feed indeed lists job posts; add `--doc {}`",
                crate::builtin::JOB_POST
            );
        }
        let templates = templates_digest(engine)?;
        let mut jobs = Vec::new();
        for (r, input) in roles.iter().enumerate() {
            for doc in &opts.docs {
                let mut h = Sha256::new();
                h.update(b"hirekit batch ad\0");
                h.update(env!("CARGO_PKG_VERSION").as_bytes());
                h.update(templates);
                // A setting that changes what the pay section shows.
                h.update([u8::from(input.market_beside_offer)]);
                for part in [
                    doc.as_str(),
                    &serde_json::to_string(&input.role)?,
                    &serde_json::to_string(&input.company)?,
                    &serde_json::to_string(&input.table)?,
                ] {
                    h.update((part.len() as u64).to_le_bytes());
                    h.update(part.as_bytes());
                }
                jobs.push(Job {
                    role: r,
                    doc: doc.clone(),
                    role_slug: plan::name_slug(&input.role.id),
                    doc_slug: plan::name_slug(doc),
                    digest: h.finalize().into(),
                    feed: opts.feed && crate::builtin::is_job_ad(doc),
                });
            }
        }
        for (i, a) in jobs.iter().enumerate() {
            if let Some(b) = jobs[..i]
                .iter()
                .find(|b| b.role_slug == a.role_slug && b.doc_slug == a.doc_slug)
            {
                bail!(
                    "`{}` {} and `{}` {} would have the same file names",
                    roles[b.role].role.id,
                    b.doc,
                    roles[a.role].role.id,
                    a.doc
                );
            }
        }
        if jobs.len() > usize::from(u16::MAX) {
            bail!("too many roles and documents in one batch");
        }
        let named = |stem: &str, ext: &str| match opts.shard {
            Some(s) => format!("{}.{ext}", s.suffixed(stem)),
            None => format!("{stem}.{ext}"),
        };
        let manifest_name = named("manifest", "json");
        let index_name = named("index", "html");
        let feed_name = named("feed", "xml");
        let reserved = [&manifest_name, &index_name, &feed_name]
            .iter()
            .map(|n| plan::fold_case(n))
            .collect();
        Ok(Batch {
            engine,
            roles,
            opts,
            jobs,
            shown: opts.locations.display().to_string(),
            manifest_name,
            index_name,
            feed_name,
            reserved,
            state_lower: states::STATES
                .iter()
                .map(|(c, _)| c.to_ascii_lowercase())
                .collect(),
        })
    }

    /// On a first run into a folder (no manifest), files already at the
    /// names hirekit gives its index and feed are someone else's: refused
    /// (`--force` replaces them).
    fn refuse_foreign_files(&self) -> Result<()> {
        let opts = self.opts;
        let mut names = vec![&self.index_name];
        if opts.feed {
            names.push(&self.feed_name);
        }
        let found: Vec<String> = names
            .into_iter()
            .filter(|n| std::fs::symlink_metadata(opts.out.join(n)).is_ok())
            .map(|n| format!("`{}`", opts.out.join(n).display()))
            .collect();
        if !found.is_empty() {
            bail!(
                "{} already {} and no hirekit manifest lists {}, so hirekit did not write {}; move {} away, choose another --out, or pass --force to replace {}",
                found.join(" and "),
                if found.len() == 1 { "exists" } else { "exist" },
                if found.len() == 1 { "it" } else { "them" },
                if found.len() == 1 { "it" } else { "them" },
                if found.len() == 1 { "it" } else { "them" },
                if found.len() == 1 { "it" } else { "them" },
            );
        }
        Ok(())
    }

    fn in_shard(&self, loc: &Location) -> bool {
        self.opts.shard.is_none_or(|s| s.contains(&loc.id))
    }

    fn path(&self, names: &RowNames, job: &Job, format: Format) -> String {
        self.opts.pattern.expand(&Values {
            role: &job.role_slug,
            doc: &job.doc_slug,
            location: &names.location,
            state: &names.state,
            city: &names.city,
            ext: format.ext(),
        })
    }

    /// Digest of one ad's inputs: its job's and its row's.
    fn ad_input(&self, job: &Job, loc: &Location) -> Result<write::InputDigest> {
        let mut h = Sha256::new();
        h.update(job.digest);
        h.update(serde_json::to_vec(loc)?);
        let full: [u8; 32] = h.finalize().into();
        let mut out = write::InputDigest::default();
        let n = out.len();
        out.copy_from_slice(&full[..n]);
        Ok(out)
    }

    /// Renders one ad's requested formats, and the Markdown when the feed
    /// needs it. Returns the outputs (formats in order), then the Markdown.
    /// `input` is the job's role (or a copy of it).
    fn render_ad(
        &self,
        input: &RoleInput,
        loc: &Location,
        job: &Job,
    ) -> Result<(Vec<render::Output>, Option<String>)> {
        let formats = &self.opts.formats;
        let extra_md = job.feed && !formats.contains(&Format::Md);
        let mut want = formats.clone();
        if extra_md {
            want.push(Format::Md);
        }
        let mut out = render::render_formats(
            self.engine,
            input,
            Some(loc),
            &job.doc,
            &want,
            RenderOptions::default(),
        )?;
        let md = if extra_md {
            out.pop().and_then(render::Output::into_text)
        } else if job.feed {
            formats
                .iter()
                .position(|f| *f == Format::Md)
                .and_then(|i| out.get(i).cloned())
                .and_then(render::Output::into_text)
        } else {
            None
        };
        Ok((out, md))
    }
}

/// The digest of every template the engine can use, built-in and the
/// workspace's.
fn templates_digest(engine: &Engine) -> Result<[u8; 32]> {
    let mut h = Sha256::new();
    for (name, origin) in engine.templates() {
        h.update(name.as_bytes());
        h.update([0]);
        if origin != Origin::New {
            h.update(crate::builtin::template(&name).unwrap_or("").as_bytes());
        }
        h.update([0]);
        if let Some(file) = engine.user_file(&name) {
            h.update(crate::load::read(file)?);
        }
        h.update([0]);
    }
    // Word output takes its styles from the reference document.
    if let Some(reference) = engine.docx_reference().filter(|p| p.is_file()) {
        h.update(b"docx reference\0");
        h.update(crate::load::read(reference)?);
    }
    Ok(h.finalize().into())
}

#[cfg(test)]
mod tests;
