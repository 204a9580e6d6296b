//! Pass 2: rows in chunks, each chunk's ads rendered and written in
//! parallel, then recorded in row order (so the feed and the records come
//! out the same whatever `--jobs` is).

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::sync::OnceLock;

use anyhow::{Context as _, Result, anyhow};
use rayon::prelude::*;

use super::manifest::{Entry, ManifestOut, Prev, Previous};
use super::records::{AdRec, Extra, Line, Records};
use super::write::{self, Writer};
use super::{Batch, CHUNK_ROWS, Job, Outcome, Plan, RowNames, feed, index, manifest, plan};
use crate::load::locations::{LocationRow, Reader};
use crate::model::{Location, Workplace};
use crate::render::{self, Format, RoleInput};
use crate::states;
use crate::ui::Ui;

/// The running state of a batch after planning.
pub(super) struct Run<'b, 'a> {
    pub(super) batch: &'b Batch<'a>,
    pub(super) previous: Option<&'b Previous>,
    pub(super) writer: Writer,
    pub(super) pool: rayon::ThreadPool,
    pub(super) outcome: Outcome,
    /// The new manifest (none in a dry run).
    pub(super) manifest: Option<ManifestOut<'b>>,
    /// The feed, once settled.
    pub(super) extras: Vec<Extra>,
    /// The wrapping sum of every ad's input digest: with the count, a
    /// digest of the set of ads whatever their order.
    pub(super) input_sum: u64,
    /// Each worker thread's own copy of the roles. Template rendering
    /// clones values of the role's context, which share reference counts;
    /// threads that share one copy keep bouncing those counters between
    /// their caches.
    copies: Vec<OnceLock<Vec<RoleInput>>>,
}

/// What rendering (or skipping) one ad gave.
struct AdDone {
    input: write::InputDigest,
    /// The ad's posting date (its row's, else its first run's, else the
    /// run's `--date`).
    posted: String,
    /// Each format's file.
    files: Vec<FileDone>,
    /// The feed's `<job>`, the required elements it lacks, and its URL.
    feed_xml: Option<(String, Vec<&'static str>, String)>,
}

/// One file of an ad.
struct FileDone {
    path: String,
    /// Its manifest entry.
    line: Line,
    /// It was written (rather than found as it should be).
    written: bool,
    /// What the previous manifest says of it.
    prev: Option<Prev>,
}

/// Where the feed goes.
enum FeedOut {
    /// Not asked for, or kept as it is because nothing it shows changed.
    Kept,
    /// Being written to a file with no name yet (or only hashed, in a dry
    /// run).
    Writing {
        w: Box<BufWriter<write::Hashing<write::Draft>>>,
        missing: HashMap<&'static str, usize>,
        /// Jobs by the hash of their `<url>`, and the first URL that more
        /// than one job has.
        urls: HashMap<u64, u32>,
        shared_url: Option<String>,
    },
}

impl<'b, 'a> Run<'b, 'a> {
    pub(super) fn new(
        batch: &'b Batch<'a>,
        previous: Option<&'b Previous>,
        plan: &Plan,
        pool: rayon::ThreadPool,
    ) -> Self {
        Run {
            batch,
            previous,
            writer: Writer::within(&batch.opts.out),
            pool,
            manifest: None,
            outcome: Outcome {
                dry_run: batch.opts.dry_run,
                list_files: batch.opts.list_files,
                rejected: plan.errors.iter().map(ToString::to_string).collect(),
                ..Outcome::default()
            },
            extras: Vec::new(),
            input_sum: 0,
            copies: (0..batch.opts.jobs.max(1))
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The role to render with on this thread: its own copy on a worker.
    fn role_input(&self, role: usize) -> &RoleInput {
        let b = self.batch;
        let Some(copies) = rayon::current_thread_index().and_then(|i| self.copies.get(i)) else {
            return &b.roles[role];
        };
        let copies = copies.get_or_init(|| {
            b.roles
                .iter()
                .map(|r| {
                    let company = r.company.given.then(|| r.company.profile.clone());
                    RoleInput::new(r.role.clone(), r.path.clone(), company, r.table.clone())
                })
                .collect()
        });
        &copies[role]
    }

    /// Renders and writes every ad of the shard, chunk by chunk. While the
    /// workers render one chunk, one of them also records the previous
    /// chunk and reads the next, so no thread waits on that.
    /// When an ad fails to render (without `--keep-going`), the run stops:
    /// what was already written is recorded, and the error comes back
    /// beside the records so the manifest can still be made true to the
    /// disk (see `Run::finish_stopped`).
    pub(super) fn render(
        &mut self,
        text: &str,
        plan: &Plan,
        ui: &Ui,
    ) -> Result<(Records, Option<anyhow::Error>)> {
        let b = self.batch;
        let opts = b.opts;
        let feed = self.open_feed(plan)?;
        let feed_renders = matches!(feed, FeedOut::Writing { .. });
        let manifest = if opts.dry_run {
            None
        } else {
            let out = ManifestOut::begin(&opts.out, self.previous, opts.shard);
            Some(out.with_context(|| format!("cannot write `{}`", b.manifest_name))?)
        };
        let mut acc = Acc {
            input_sum: 0,
            outcome: std::mem::take(&mut self.outcome),
            records: Records::default(),
            previous: self.previous,
            manifest,
            row: None,
            feed,
            bar: progress_bar(opts.progress, plan.ads),
        };
        acc.records.ads.reserve(plan.ads);
        let mut rows = Reader::new(&b.shown, text)?.filter_map(|item| {
            // Rows with errors were reported by the plan.
            item.ok()
                .filter(|row| !plan.refused.contains(&row.line) && b.in_shard(&row.location))
        });
        let this = &*self;
        let result = this.pool.install(|| -> Result<Option<anyhow::Error>> {
            let mut chunk: Vec<LocationRow> = rows.by_ref().take(CHUNK_ROWS).collect();
            let mut pending: Option<Rendered> = None;
            while !chunk.is_empty() {
                let work: Vec<(usize, usize)> = (0..chunk.len())
                    .flat_map(|r| (0..b.jobs.len()).map(move |j| (r, j)))
                    .collect();
                let ((next, recorded), done) = rayon::join(
                    || {
                        let recorded = pending.take().map_or(Ok(()), |p| acc.record(b, p));
                        let next: Vec<LocationRow> = rows.by_ref().take(CHUNK_ROWS).collect();
                        (next, recorded)
                    },
                    || {
                        work.par_iter()
                            .map(|&(r, j)| this.ad(&chunk[r].location, &b.jobs[j], feed_renders))
                            .collect::<Vec<_>>()
                    },
                );
                recorded?;
                if !opts.keep_going
                    && let Some((i, _)) = done.iter().enumerate().find(|(_, d)| d.is_err())
                {
                    let line = chunk[work[i].0].line;
                    let mut done = done;
                    let failed = std::mem::replace(&mut done[i], Err(anyhow!("stopped")));
                    // The other ads of this chunk may be on disk: record
                    // them (the failed ones only count as left out).
                    acc.record(
                        b,
                        Rendered {
                            rows: chunk,
                            work,
                            done,
                        },
                    )?;
                    if let Err(e) = failed {
                        return Ok(Some(
                            e.context(format!("while rendering line {line} of `{}`", b.shown)),
                        ));
                    }
                    return Ok(None);
                }
                pending = Some(Rendered {
                    rows: std::mem::replace(&mut chunk, next),
                    work,
                    done,
                });
            }
            pending.map_or(Ok(()), |p| acc.record(b, p))?;
            Ok(None)
        });
        acc.bar.finish_and_clear();
        let stopped = result?;
        self.outcome = acc.outcome;
        self.manifest = acc.manifest;
        self.input_sum = acc.input_sum;
        if stopped.is_some() {
            // The feed of a stopped run is dropped; the old one stays.
            return Ok((acc.records, stopped));
        }
        self.close_feed(acc.feed, plan, ui)?;
        Ok((acc.records, None))
    }

    /// Renders (or skips) and writes one ad. Runs on a worker thread.
    fn ad(&self, loc: &Location, job: &Job, feed_renders: bool) -> Result<AdDone> {
        let b = self.batch;
        let opts = b.opts;
        let names = RowNames::new(loc, &opts.pattern);
        let paths: Vec<String> = opts
            .formats
            .iter()
            .map(|f| b.path(&names, job, *f))
            .collect();

        let found: Vec<Option<Prev>> = match self.previous {
            Some(prev) => paths.iter().map(|p| prev.find(p)).collect(),
            None => vec![None; paths.len()],
        };
        // A row without its own date keeps the date its ad was first
        // posted on, so a rerun on a later day changes nothing.
        let dated;
        let loc = if loc.date_posted.is_empty() {
            let first = found.iter().flatten().find_map(|p| p.posted);
            let mut l = loc.clone();
            l.date_posted = first.unwrap_or(opts.date).to_string();
            dated = l;
            &dated
        } else {
            loc
        };
        let posted = loc
            .date_posted
            .get(..10)
            .unwrap_or(&loc.date_posted)
            .to_string();
        let input = b.ad_input(job, loc)?;

        // Nothing this ad is made from changed since the manifest was
        // written, and its files are as the manifest says: keep them
        // without rendering, and their entries as they are.
        if let Some(prev) = self.previous
            && !opts.force
            && !(job.feed && feed_renders)
        {
            let spans: Option<Vec<_>> = paths
                .iter()
                .zip(&found)
                .map(|(p, e)| {
                    let e = e.as_ref()?;
                    // An entry of an older manifest has no posting date to keep.
                    let kept = e.input == Some(input)
                        && e.posted.is_some()
                        && prev.on_disk(&opts.out.join(p), e);
                    kept.then_some(e.span).flatten()
                })
                .collect();
            if let Some(spans) = spans {
                // Kept files' folders are visited too, so that temporaries
                // a killed run left there are swept.
                for p in &paths {
                    let abs = opts.out.join(p);
                    self.writer
                        .prepare_dir(abs.parent().unwrap_or(&opts.out), !opts.dry_run)?;
                }
                let files = paths
                    .into_iter()
                    .zip(spans)
                    .zip(found)
                    .map(|((path, span), prev)| FileDone {
                        path,
                        line: Line::Old(span),
                        written: false,
                        prev,
                    })
                    .collect();
                return Ok(AdDone {
                    input,
                    posted,
                    files,
                    feed_xml: None,
                });
            }
        }

        let (texts, md) = b.render_ad(self.role_input(job.role), loc, job)?;
        let mut files = Vec::with_capacity(paths.len());
        for ((path, content), prev) in paths.into_iter().zip(&texts).zip(found) {
            let content = content.as_bytes();
            if u32::try_from(content.len()).is_err() {
                return Err(anyhow!("`{path}` would be larger than 4 GiB"));
            }
            let sha = write::sha256(content);
            let abs = opts.out.join(&path);
            let dir = abs.parent().unwrap_or(&opts.out);
            // A folder this run created holds nothing older.
            let fresh = self.writer.prepare_dir(dir, !opts.dry_run)?;
            let listed = self.previous.zip(prev.as_ref());
            let written = fresh || write::needs_write(listed, &abs, content, &sha);
            if written && !opts.dry_run {
                if fresh {
                    self.writer.write_new(&abs, content)?;
                } else {
                    self.writer.write(&abs, content)?;
                }
            }
            files.push(FileDone {
                path,
                line: Line::New {
                    bytes: content.len() as u64,
                    sha,
                },
                written,
                prev,
            });
        }
        let feed_xml = match md {
            Some(md) if job.feed && feed_renders => Some(self.feed_job(loc, job, &names, &md)),
            _ => None,
        };
        Ok(AdDone {
            input,
            posted,
            files,
            feed_xml,
        })
    }

    /// The feed's `<job>` for one post.
    fn feed_job(
        &self,
        loc: &Location,
        job: &Job,
        names: &RowNames,
        md: &str,
    ) -> (String, Vec<&'static str>, String) {
        let b = self.batch;
        let input = &b.roles[job.role];
        let company = &input.company.profile;
        let body = render::markdown::to_html(md);
        let url = match (&b.opts.base_url, b.opts.formats.contains(&Format::Html)) {
            (Some(base), true) => format!(
                "{}/{}?source=Indeed",
                base.trim_end_matches('/'),
                feed::url_path(&b.path(names, job, Format::Html))
            ),
            _ => [&loc.apply_url, &company.apply_url, &company.website]
                .into_iter()
                .find(|u| !u.is_empty())
                .cloned()
                .unwrap_or_default(),
        };
        let pay = crate::pay::resolve(Some(loc), input.table.as_ref());
        let salary = pay.offered.as_ref().map(feed::salary).unwrap_or_default();
        let reference = format!("{}-{}", input.role.id, loc.id);
        let either = |a: &str, b: &str| {
            if a.is_empty() {
                b.to_string()
            } else {
                a.to_string()
            }
        };
        let brand = either(&loc.company, &company.name);
        let parent = either(&company.name, &loc.company);
        let email = either(
            loc.extra.get("email").map_or("", String::as_str),
            &company.email,
        );
        let post = feed::FeedJob {
            title: &input.role.title,
            date: &loc.date_posted,
            reference: &reference,
            requisition: &input.role.id,
            url: &url,
            company: &brand,
            sourcename: &parent,
            city: &loc.city,
            state: &loc.state,
            country: &loc.country,
            postalcode: &loc.postal_code,
            streetaddress: &loc.street_address,
            email: &email,
            description: &body,
            salary: &salary,
            jobtype: feed::jobtype(&loc.employment_type).unwrap_or(""),
            expirationdate: &loc.valid_through,
            remotetype: match loc.workplace {
                Workplace::Remote => "Fully remote",
                Workplace::Hybrid => "Hybrid remote",
                Workplace::Onsite => "",
            },
        };
        (post.to_xml(), post.missing(), url)
    }

    /// Starts the feed, unless it is off or nothing it shows changed.
    fn open_feed(&mut self, plan: &Plan) -> Result<FeedOut> {
        let b = self.batch;
        if !b.opts.feed {
            return Ok(FeedOut::Kept);
        }
        let out = &b.opts.out;
        if let Some(prev) = self.previous
            && let Some(e) = prev.find(&b.feed_name)
            && let Some(span) = e.span
            && !b.opts.force
            && e.input == Some(plan.feed_input)
            && prev.on_disk(&out.join(&b.feed_name), &e)
        {
            prev.mark(&b.feed_name, Some(&e));
            self.outcome.count(false, &b.feed_name);
            self.extras.push(Extra {
                path: b.feed_name.clone(),
                format: "feed",
                line: Line::Old(span),
                input: Some(plan.feed_input),
            });
            return Ok(FeedOut::Kept);
        }
        let draft = write::Draft::new(out, b.opts.dry_run)?;
        let mut w = Box::new(BufWriter::new(write::Hashing::new(draft)));
        let company = b.roles.first().map(|r| &r.company.profile);
        let publisher = company
            .map(|c| c.name.as_str())
            .filter(|n| !n.is_empty())
            .unwrap_or("hirekit");
        let head = feed::feed_head(publisher, company.map_or("", |c| c.website.as_str()));
        w.write_all(head.as_bytes())?;
        Ok(FeedOut::Writing {
            w,
            missing: HashMap::new(),
            urls: HashMap::new(),
            shared_url: None,
        })
    }

    /// Ends the feed: renamed into place, or dropped when the same content
    /// is already there.
    fn close_feed(&mut self, feed: FeedOut, plan: &Plan, ui: &Ui) -> Result<()> {
        let FeedOut::Writing {
            mut w,
            missing,
            urls,
            shared_url,
        } = feed
        else {
            return Ok(());
        };
        let b = self.batch;
        let name = &b.feed_name;
        w.write_all(feed::FEED_TAIL.as_bytes())?;
        let hashing = w
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write `{name}`"))?;
        let (sha, bytes, draft) = hashing.finish();
        let mut missing: Vec<_> = missing.into_iter().collect();
        missing.sort_unstable();
        for (element, n) in missing {
            let hint = match element {
                "date" => "add a `date_posted` column",
                "url" => "give --base-url (with html among the formats), or an apply URL",
                "email" => "set `email` in the company profile or add an `email` column",
                _ => "set `name` in the company profile or add a `company` column",
            };
            ui.warn(&format!(
                "{name}: {n} {} no <{element}>, which Indeed requires; {hint}",
                if n == 1 { "job has" } else { "jobs have" }
            ));
        }
        if let Some(url) = shared_url {
            // Indeed reads `<url>` as the job's own page.
            let shared: u32 = urls.values().filter(|n| **n > 1).sum();
            let of = match urls.values().filter(|n| **n > 1).count() {
                1 => format!("the URL {url}"),
                k => format!("{k} URLs, such as {url},"),
            };
            ui.warn(&format!(
                "{name}: {shared} jobs share {of} but Indeed expects every job's <url> to be its own page; give --base-url (with html among the formats) so that each job links to its ad"
            ));
        }
        let written = self.put_top_file(name, draft, &sha, bytes)?;
        self.outcome.count(written, name);
        self.extras.push(Extra {
            path: name.clone(),
            format: "feed",
            line: Line::New { bytes, sha },
            input: Some(plan.feed_input),
        });
        Ok(())
    }
}

/// A rendered chunk waiting to be recorded.
struct Rendered {
    rows: Vec<LocationRow>,
    work: Vec<(usize, usize)>,
    done: Vec<Result<AdDone>>,
}

/// What pass 2 gathers, in row order.
struct Acc<'b> {
    input_sum: u64,
    outcome: Outcome,
    records: Records,
    previous: Option<&'b Previous>,
    manifest: Option<ManifestOut<'b>>,
    /// The row last recorded (its line) and its text in the arena.
    row: Option<(usize, RowText)>,
    feed: FeedOut,
    bar: indicatif::ProgressBar,
}

/// Where a row's id, city, company and offered pay lie in the arena.
#[derive(Clone, Copy)]
struct RowText {
    at: u32,
    id_len: u16,
    city_len: u16,
    company_len: u16,
    pay_len: u16,
}

impl Acc<'_> {
    /// Records a rendered chunk, ad by ad, in row order.
    fn record(&mut self, b: &Batch<'_>, chunk: Rendered) -> Result<()> {
        for (&(r, j), result) in chunk.work.iter().zip(chunk.done) {
            let row = &chunk.rows[r];
            match result {
                Ok(ad) => self.record_ad(b, row, j, ad)?,
                Err(e) => {
                    let e = e.context(format!("line {} of `{}` was left out", row.line, b.shown));
                    self.outcome.rejected.push(crate::report(&e));
                }
            }
        }
        self.bar.inc(chunk.work.len() as u64);
        Ok(())
    }

    /// The row's location name and city in the arena, added once for all
    /// its ads.
    fn row_text(&mut self, row: &LocationRow) -> Result<RowText> {
        if let Some((line, text)) = self.row
            && line == row.line
        {
            return Ok(text);
        }
        let location = plan::location_name(&row.location.id);
        let pay = crate::pay::resolve(Some(&row.location), None)
            .offered
            .as_ref()
            .map(index::pay_text)
            .unwrap_or_default();
        let company = row.location.company.trim();
        let arena = &mut self.records.arena;
        let too_long = || anyhow!("line {}: a value is too long for the manifest", row.line);
        let text = RowText {
            at: u32::try_from(arena.len()).map_err(|_| anyhow!("too many rows for one batch"))?,
            id_len: u16::try_from(location.len()).map_err(|_| too_long())?,
            city_len: u16::try_from(row.location.city.len()).map_err(|_| too_long())?,
            company_len: u16::try_from(company.len()).map_err(|_| too_long())?,
            pay_len: u16::try_from(pay.len()).map_err(|_| too_long())?,
        };
        arena.push_str(&location);
        arena.push_str(&row.location.city);
        arena.push_str(company);
        arena.push_str(&pay);
        self.row = Some((row.line, text));
        Ok(text)
    }

    fn record_ad(
        &mut self,
        b: &Batch<'_>,
        row: &LocationRow,
        job: usize,
        ad: AdDone,
    ) -> Result<()> {
        let loc = &row.location;
        let text = self.row_text(row)?;
        self.records.ads.push(AdRec {
            at: text.at,
            id_len: text.id_len,
            city_len: text.city_len,
            company_len: text.company_len,
            pay_len: text.pay_len,
            job: u16::try_from(job).map_err(|_| anyhow!("too many roles and documents"))?,
            state: states::STATES
                .iter()
                .position(|(c, _)| *c == loc.state)
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(0),
            employment: index::type_code(loc),
            workplace: index::workplace_code(loc.workplace),
            posted: crate::lint::Date::parse(&ad.posted).map_or(0, manifest::pack_date),
        });
        self.input_sum = self.input_sum.wrapping_add(u64::from_le_bytes(ad.input));
        let job = &b.jobs[job];
        if crate::builtin::is_job_ad(&job.doc)
            && b.opts.formats.contains(&Format::Html)
            && !render::jsonld::has_organization(&b.roles[job.role].company, Some(loc))
        {
            self.outcome.no_organization += 1;
        }
        let mut input = String::new();
        write::hex_into(&mut input, &ad.input);
        let mut sha = String::new();
        for (file, format) in ad.files.iter().zip(&b.opts.formats) {
            if let Some(prev) = self.previous {
                prev.mark(&file.path, file.prev.as_ref());
            }
            self.outcome.count(file.written, &file.path);
            let Some(out) = &mut self.manifest else {
                continue;
            };
            let listed = match file.line {
                Line::Old(span) => out.old_entry(span),
                Line::New { bytes, sha: digest } => {
                    sha.clear();
                    write::hex_into(&mut sha, &digest);
                    out.entry(&Entry {
                        path: file.path.as_str().into(),
                        role: b.roles[job.role].role.id.as_str().into(),
                        doc: job.doc.as_str().into(),
                        format: format.ext().into(),
                        location: self.records.text(text.at as usize, text.id_len).into(),
                        bytes,
                        sha256: sha.as_str().into(),
                        input: input.as_str().into(),
                        posted: ad.posted.as_str().into(),
                    })
                }
            };
            listed.with_context(|| format!("cannot write `{}`", b.manifest_name))?;
        }
        self.outcome.ads += 1;
        if let (
            FeedOut::Writing {
                w,
                missing,
                urls,
                shared_url,
            },
            Some((xml, absent, url)),
        ) = (&mut self.feed, ad.feed_xml)
        {
            w.write_all(xml.as_bytes())
                .with_context(|| format!("cannot write `{}`", b.feed_name))?;
            for name in absent {
                *missing.entry(name).or_default() += 1;
            }
            if !url.is_empty() {
                let n = urls.entry(plan::fnv1a64(url.as_bytes())).or_default();
                *n += 1;
                if *n == 2 && shared_url.is_none() {
                    *shared_url = Some(url);
                }
            }
        }
        Ok(())
    }
}

fn progress_bar(show: bool, len: usize) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} ads  {elapsed} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}
