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
//!    recorded in row order. Memory holds one chunk plus a small record per
//!    ad for the manifest and the index.
//!
//! Then the index, the manifest (written last) and `--clean`. A file whose
//! content is already on disk is not written again, and an ad whose inputs
//! have not changed since the previous manifest is not even rendered.

pub mod feed;
mod pipeline;
pub mod plan;
mod records;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result, anyhow, bail};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{Engine, Origin};
use crate::load::csvfile::Row;
use crate::load::locations::{Reader, RowParser};
use crate::model::Location;
use crate::render::{self, Format, RenderOptions, RoleInput};
use crate::states;
use crate::ui::Ui;
use plan::{Pattern, Placeholder, Shard, Values};
use write::Previous;

/// Rows rendered per chunk: enough to keep every thread busy, few enough
/// that a chunk's output is a few megabytes.
const CHUNK_ROWS: usize = 512;

/// Row errors shown in full; the rest are counted.
const MAX_SHOWN_ERRORS: usize = 50;

/// What to do, from the command line and `hirekit.yaml`.
#[derive(Debug, Clone)]
pub struct Options {
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
    /// Show a progress bar.
    pub progress: bool,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct Outcome {
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
    /// Wall time.
    pub seconds: f64,
    /// Nothing was written.
    pub dry_run: bool,
}

impl Outcome {
    /// The one-line summary.
    pub fn summary(&self) -> String {
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
pub fn run(engine: &Engine, roles: &[RoleInput], opts: &Options, ui: &Ui) -> Result<Outcome> {
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

    let previous = previous?;
    let mut run = pipeline::Run::new(&batch, previous.as_ref(), &plan, pool);
    run.writer.prepare_dir(&opts.out, !opts.dry_run)?;
    let records = run.render(text, &plan, ui)?;
    // The CSV is no longer needed: free it before the manifest is sorted.
    drop(bytes);
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

/// One row after the checks that need no other row.
enum Checked {
    /// The row itself is bad.
    Bad(Diagnostic),
    /// Its file names are refused: line, why.
    Refused(usize, String),
    /// Good so far; still to be compared with the rows before it.
    Good {
        line: usize,
        /// Its id (kept only for the exact pass).
        id: String,
        /// Whether it is in this shard.
        in_shard: bool,
        /// Its files (kept only for the exact pass).
        paths: Vec<String>,
        /// Hashes of its id and files (the hashed pass).
        hashes: Hashes,
        /// Its posts' input digests, for the feed.
        feed_inputs: Vec<write::InputDigest>,
    },
}

/// A checked row, and its raw cells (to be freed where they were made).
type CheckedRow = Result<(Checked, Option<Row>)>;

/// A row's name hashes, kept inline (no allocation) for up to 8.
#[derive(Default)]
struct Hashes {
    inline: [u64; 8],
    len: usize,
    more: Vec<u64>,
}

impl Hashes {
    fn push(&mut self, h: u64) {
        if self.len < self.inline.len() && self.more.is_empty() {
            self.inline[self.len] = h;
            self.len += 1;
        } else {
            if self.more.is_empty() {
                self.more.extend_from_slice(&self.inline[..self.len]);
            }
            self.more.push(h);
        }
    }

    fn as_slice(&self) -> &[u64] {
        if self.more.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.more
        }
    }
}

/// The plan: what pass 1 found.
struct Plan {
    errors: Vec<Diagnostic>,
    /// Data rows in the file, good or bad.
    rows: usize,
    /// Lines of rows refused for a reason only pass 1 sees (a repeated id,
    /// a shared or unsafe file name).
    refused: HashSet<usize>,
    ads: usize,
    /// The line of the shard's first good row.
    first: Option<usize>,
    /// Digest of everything the feed shows.
    feed_input: write::InputDigest,
    /// A hashed name matched: check again with the names themselves.
    suspect: bool,
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
        if opts.feed && !opts.docs.iter().any(|d| d == "job-post") {
            bail!("--feed indeed lists job posts; add `--doc job-post`");
        }
        let templates = templates_digest(engine)?;
        let mut jobs = Vec::new();
        for (r, input) in roles.iter().enumerate() {
            for doc in &opts.docs {
                let mut h = Sha256::new();
                h.update(b"hirekit batch ad\0");
                h.update(env!("CARGO_PKG_VERSION").as_bytes());
                h.update(templates);
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
                    feed: opts.feed && doc == "job-post",
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

    /// Pass 1: checks every row and every file name. With `exact`, names
    /// are compared as text; without, by a 64-bit hash (small and fast),
    /// and any match asks for an exact pass to confirm it. Rows are read in
    /// chunks, checked in parallel, then matched against the earlier rows
    /// in order.
    fn check(&self, text: &str, exact: bool) -> Result<Plan> {
        let mut reader = Reader::new(&self.shown, text)?;
        let parser = reader.parser();
        let mut plan = Plan {
            errors: Vec::new(),
            rows: 0,
            refused: HashSet::new(),
            ads: 0,
            first: None,
            feed_input: write::InputDigest::default(),
            suspect: false,
        };
        // About one row per 40 bytes: room for an id and a path or two each
        // (capped, for files of long rows).
        let expected =
            (text.len() / 40 * (1 + self.jobs.len() * self.opts.formats.len())).min(1 << 22);
        let hashed: HashMap<u64, usize> = HashMap::with_capacity(if exact { 0 } else { expected });
        let names: HashMap<String, (usize, String)> = HashMap::new();
        let mut feed = Sha256::new();
        feed.update(b"hirekit batch feed\0");
        feed.update(self.opts.base_url.as_deref().unwrap_or("").as_bytes());
        feed.update([0]);
        let mut claims = Claims {
            hashed,
            names,
            feed,
        };
        // While the rows of one chunk are checked in parallel, one thread
        // matches the previous chunk against the rows before it and reads
        // the next one.
        let mut raw: Vec<_> = std::iter::from_fn(|| reader.next_raw())
            .take(CHUNK_ROWS)
            .collect();
        let mut pending: Option<Vec<CheckedRow>> = None;
        while !raw.is_empty() {
            plan.rows += raw.len();
            let ((next, stop), checked) = rayon::join(
                || {
                    let stop = match pending.take() {
                        Some(chunk) => claims.claim(self, &mut plan, chunk, exact),
                        None => Ok(false),
                    };
                    let next: Vec<_> = std::iter::from_fn(|| reader.next_raw())
                        .take(CHUNK_ROWS)
                        .collect();
                    (next, stop)
                },
                || {
                    raw.into_par_iter()
                        .map(|row| self.check_row(&parser, row, exact))
                        .collect::<Vec<_>>()
                },
            );
            if stop? {
                return Ok(plan);
            }
            pending = Some(checked);
            raw = next;
        }
        if let Some(chunk) = pending
            && claims.claim(self, &mut plan, chunk, exact)?
        {
            return Ok(plan);
        }
        let feed = claims.feed;
        let digest: [u8; 32] = feed.finalize().into();
        let n = plan.feed_input.len();
        plan.feed_input.copy_from_slice(&digest[..n]);
        Ok(plan)
    }

    /// The part of pass 1 that concerns one row alone: its cells, its file
    /// names (each checked), and their hashes.
    fn check_row(
        &self,
        parser: &RowParser<'_>,
        raw: Result<Row, Diagnostic>,
        exact: bool,
    ) -> Result<(Checked, Option<Row>)> {
        // The raw row goes back to the thread that read it, to be freed
        // there (cheaper for the allocator than freeing it here).
        let raw = match raw {
            Ok(raw) => raw,
            Err(d) => return Ok((Checked::Bad(d), None)),
        };
        let checked = self.check_parsed(parser.parse(&raw), exact)?;
        Ok((checked, Some(raw)))
    }

    fn check_parsed(
        &self,
        row: Result<crate::load::locations::LocationRow, Diagnostic>,
        exact: bool,
    ) -> Result<Checked> {
        let row = match row {
            Ok(row) => row,
            Err(d) => return Ok(Checked::Bad(d)),
        };
        let line = row.line;
        let loc = row.location;
        let row_names = RowNames::new(&loc, &self.opts.pattern);
        let mut paths = Vec::with_capacity(self.jobs.len() * self.opts.formats.len());
        for job in &self.jobs {
            for format in &self.opts.formats {
                let path = self.path(&row_names, job, *format);
                if let Err(why) = plan::check_path(&path) {
                    let message = format!("cannot name a file after this row: {why}");
                    return Ok(Checked::Refused(line, message));
                }
                if let Some(own) = self.reserved.iter().find(|r| plan::same_folded(r, &path)) {
                    return Ok(Checked::Refused(
                        line,
                        format!(
                            "the row's file `{path}` would replace the batch's own `{own}`; give the row another `id` or change --pattern"
                        ),
                    ));
                }
                paths.push(path);
            }
        }
        let mut hashes = Hashes::default();
        if !exact {
            // The id as written; paths as a case-insensitive disk sees them.
            hashes.push(plan::tagged_hash(b'i', &loc.id, false));
            for p in &paths {
                hashes.push(plan::tagged_hash(b'p', p, true));
            }
            paths = Vec::new();
        }
        let in_shard = self.in_shard(&loc);
        let mut feed_inputs = Vec::new();
        if self.opts.feed && in_shard {
            for job in self.jobs.iter().filter(|j| j.feed) {
                feed_inputs.push(self.ad_input(job, &loc)?);
            }
        }
        // The location itself is dropped here, on the thread that made it.
        Ok(Checked::Good {
            line,
            id: if exact { loc.id } else { String::new() },
            in_shard,
            paths,
            hashes,
            feed_inputs,
        })
    }

    /// Renders one ad's requested formats, and the Markdown when the feed
    /// needs it. Returns the texts (formats in order), then the Markdown.
    /// `input` is the job's role (or a copy of it).
    fn render_ad(
        &self,
        input: &RoleInput,
        loc: &Location,
        job: &Job,
    ) -> Result<(Vec<String>, Option<String>)> {
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
            out.pop()
        } else if job.feed {
            formats
                .iter()
                .position(|f| *f == Format::Md)
                .and_then(|i| out.get(i).cloned())
        } else {
            None
        };
        Ok((out, md))
    }
}

/// What pass 1 remembers of the rows so far.
struct Claims {
    /// Hashes of ids and folded paths, with their line (the hashed pass).
    hashed: HashMap<u64, usize>,
    /// Ids and folded paths, with their line and path as written (the
    /// exact pass).
    names: HashMap<String, (usize, String)>,
    /// The feed's input digest, so far.
    feed: Sha256,
}

impl Claims {
    /// Matches a checked chunk against the rows before it, in order.
    /// `true` when a hashed pass must stop for an exact one.
    fn claim(
        &mut self,
        b: &Batch<'_>,
        plan: &mut Plan,
        chunk: Vec<CheckedRow>,
        exact: bool,
    ) -> Result<bool> {
        for c in chunk {
            let (checked, _raw) = c?;
            let (line, id, in_shard, paths, hashes, inputs) = match checked {
                Checked::Bad(d) => {
                    plan.errors.push(d);
                    continue;
                }
                Checked::Refused(line, message) => {
                    plan.errors
                        .push(Diagnostic::file(format!("{}:{line}", b.shown), message));
                    plan.refused.insert(line);
                    continue;
                }
                Checked::Good {
                    line,
                    id,
                    in_shard,
                    paths,
                    hashes,
                    feed_inputs,
                } => (line, id, in_shard, paths, hashes, feed_inputs),
            };
            if exact {
                if let Some(message) = clash(&id, &paths, &self.names) {
                    plan.errors
                        .push(Diagnostic::file(format!("{}:{line}", b.shown), message));
                    plan.refused.insert(line);
                    continue;
                }
                self.names.insert(format!("i\0{id}"), (line, id));
                for path in paths {
                    self.names
                        .insert(format!("p\0{}", plan::fold_case(&path)), (line, path));
                }
            } else {
                let hashes = hashes.as_slice();
                let repeated = hashes
                    .iter()
                    .enumerate()
                    .any(|(i, h)| hashes[..i].contains(h) || self.hashed.contains_key(h));
                if repeated {
                    // A match (or two hashes that meet): the exact pass decides.
                    plan.suspect = true;
                    return Ok(true);
                }
                self.hashed.extend(hashes.iter().map(|h| (*h, line)));
            }
            if !in_shard {
                continue;
            }
            plan.ads += b.jobs.len();
            for input in inputs {
                self.feed.update(input);
            }
            if plan.first.is_none() {
                plan.first = Some(line);
            }
        }
        Ok(false)
    }
}

/// The first clash of a row's id or files with each other or with an
/// earlier row's, as a message naming the other row.
fn clash(id: &str, paths: &[String], names: &HashMap<String, (usize, String)>) -> Option<String> {
    if let Some((first, _)) = names.get(&format!("i\0{id}")) {
        return Some(format!(
            "column `id`: id {id:?} is also used on line {first}; every row needs its own id (or a different city and state)"
        ));
    }
    for (i, path) in paths.iter().enumerate() {
        if paths[..i].iter().any(|p| plan::same_folded(p, path)) {
            return Some(format!(
                "two of the row's files are both named `{path}`; change --pattern"
            ));
        }
        let Some((first, first_path)) = names.get(&format!("p\0{}", plan::fold_case(path))) else {
            continue;
        };
        return Some(if first_path == path {
            format!(
                "the row's file `{path}` is also line {first}'s file; give the rows different ids (or a different city and state)"
            )
        } else {
            format!(
                "the row's file `{path}` and line {first}'s `{first_path}` differ only in case, which is one file on case-insensitive disks; give the rows different ids"
            )
        });
    }
    None
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
    Ok(h.finalize().into())
}

#[cfg(test)]
mod tests;
