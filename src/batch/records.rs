//! What a batch remembers of each ad (two dozen bytes, and its row's id,
//! city, company and offered pay), and what it makes of that at the end:
//! `index.html`, `--clean` and the end of the manifest.

use anyhow::{Context as _, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::manifest::{Entry, ManifestOut, Span};
use super::pipeline::Run;
use super::plan::{self, Values};
use super::write::{self, Removal};
use super::{Outcome, feed, index};
use crate::render::Format;
use crate::states;
use crate::ui::Ui;
use std::io::{self, Write};

/// One ad: its row's id, city, company and offered pay in the arena, its
/// job, its state, its employment type and workplace, and its posting date.
#[derive(Clone, Copy)]
pub(super) struct AdRec {
    pub(super) at: u32,
    pub(super) id_len: u16,
    pub(super) city_len: u16,
    pub(super) company_len: u16,
    pub(super) pay_len: u16,
    pub(super) job: u16,
    pub(super) state: u8,
    /// [`index::type_code`].
    pub(super) employment: u8,
    /// [`index::workplace_code`].
    pub(super) workplace: u8,
    /// `YYYYMMDD`, or 0.
    pub(super) posted: u32,
}

/// Every ad of the run, in row order.
#[derive(Default)]
pub(super) struct Records {
    /// Each row's location name and city, one after the other.
    pub(super) arena: String,
    pub(super) ads: Vec<AdRec>,
}

impl Records {
    pub(super) fn text(&self, start: usize, len: u16) -> &str {
        self.arena
            .get(start..start + usize::from(len))
            .unwrap_or("")
    }

    fn id(&self, rec: &AdRec) -> &str {
        self.text(rec.at as usize, rec.id_len)
    }

    fn city(&self, rec: &AdRec) -> &str {
        self.text(rec.at as usize + usize::from(rec.id_len), rec.city_len)
    }

    fn company(&self, rec: &AdRec) -> &str {
        let at = rec.at as usize + usize::from(rec.id_len) + usize::from(rec.city_len);
        self.text(at, rec.company_len)
    }

    fn pay(&self, rec: &AdRec) -> &str {
        let at = rec.at as usize
            + usize::from(rec.id_len)
            + usize::from(rec.city_len)
            + usize::from(rec.company_len);
        self.text(at, rec.pay_len)
    }
}

/// A file's manifest entry: made anew, or the previous manifest's.
#[derive(Clone, Copy)]
pub(super) enum Line {
    New { bytes: u64, sha: [u8; 32] },
    Old(Span),
}

/// A file at the top of the output folder: the index or the feed.
pub(super) struct Extra {
    pub(super) path: String,
    pub(super) format: &'static str,
    pub(super) line: Line,
    pub(super) input: Option<write::InputDigest>,
}

/// Ads of the index rendered at a time (in parallel), then written.
const INDEX_BLOCK: usize = 1024;

/// Files kept by `--clean` that are named one by one; the rest are counted.
const MAX_SHOWN_KEPT: usize = 20;

impl Run<'_, '_> {
    /// The index, `--clean` and the end of the manifest (written last, so
    /// that files older than it are known to be as it says).
    pub(super) fn finish(mut self, records: &Records, ui: &Ui) -> Result<Outcome> {
        let (index, written) = self.index(records)?;
        self.outcome.count(written, &index.path);
        self.extras.push(index);
        let mut clean = self.batch.opts.clean;
        if clean && !self.outcome.rejected.is_empty() {
            // A row left out is still in the CSV: its ads are not stale.
            ui.warn(&format!(
                "--clean removed nothing: {} left out (--keep-going), and the ads of rows still in the CSV stay until a run without errors",
                if self.outcome.rejected.len() == 1 {
                    "1 row was".to_string()
                } else {
                    format!("{} rows were", self.outcome.rejected.len())
                }
            ));
            clean = false;
        }
        self.end_manifest(records, ui, clean)?;
        Ok(self.outcome)
    }

    /// After a run that stopped half way: the manifest lists what this run
    /// wrote and, as they were, the files it did not get to (the index and
    /// the feed included), so it stays true to the disk. Nothing is
    /// removed, whatever `--clean` says.
    pub(super) fn finish_stopped(mut self, records: &Records, ui: &Ui) -> Result<()> {
        self.end_manifest(records, ui, false)
    }

    /// The extra files' entries, the files not produced (removed under
    /// `clean`, else kept), and the manifest put in place.
    fn end_manifest(&mut self, records: &Records, ui: &Ui, clean: bool) -> Result<()> {
        let b = self.batch;
        let opts = b.opts;
        let mut manifest = self.manifest.take();
        if let Some(out) = &mut manifest {
            let mut sha = String::new();
            let mut input = String::new();
            for extra in &self.extras {
                let listed = match extra.line {
                    Line::Old(span) => out.old_entry(span),
                    Line::New { bytes, sha: digest } => {
                        sha.clear();
                        write::hex_into(&mut sha, &digest);
                        input.clear();
                        if let Some(i) = &extra.input {
                            write::hex_into(&mut input, i);
                        }
                        out.entry(&Entry {
                            path: extra.path.as_str().into(),
                            role: "".into(),
                            doc: "".into(),
                            format: extra.format.into(),
                            location: "".into(),
                            bytes,
                            sha256: sha.as_str().into(),
                            input: input.as_str().into(),
                            posted: "".into(),
                        })
                    }
                };
                listed.with_context(|| format!("cannot write `{}`", b.manifest_name))?;
            }
        }
        self.settle_stale(records, manifest.as_mut(), ui, clean)?;
        if let Some(out) = manifest {
            // Rewritten when any file was, so that its time stays later
            // than every file it lists.
            let touch = self.outcome.written > 0 || self.outcome.removed > 0;
            out.finish(&opts.out.join(&b.manifest_name), touch)?;
        }
        Ok(())
    }

    /// Writes the index unless the same is already there; returns its
    /// manifest entry and whether it was written.
    fn index(&self, records: &Records) -> Result<(Extra, bool)> {
        let b = self.batch;
        let opts = b.opts;
        let abs = opts.out.join(&b.index_name);
        let input = self.index_input(records);
        let extra = |line: Line| Extra {
            path: b.index_name.clone(),
            format: "index",
            line,
            input: Some(input),
        };
        let previous = self.previous.map(|p| {
            let e = p.find(&b.index_name);
            p.mark(&b.index_name, e.as_ref());
            (p, e)
        });
        if let Some((p, Some(e))) = previous
            && let Some(span) = e.span
            && e.input == Some(input)
            && !opts.force
            && p.on_disk(&abs, &e)
        {
            // The same ads as when it was written: the same page.
            return Ok((extra(Line::Old(span)), false));
        }
        let order = index_order(records);
        let draft = write::Draft::new(&opts.out, opts.dry_run)?;
        let mut w = io::BufWriter::new(write::Hashing::new(draft));
        let cannot = || format!("cannot write `{}`", b.index_name);
        self.write_index(&mut w, records, &order)
            .with_context(cannot)?;
        let hashing = w
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(cannot)?;
        let (sha, bytes, draft) = hashing.finish();
        let written = self.put_top_file(&b.index_name, draft, &sha, bytes)?;
        Ok((extra(Line::New { bytes, sha }), written))
    }

    /// Puts a top-level file (the index or the feed), drafted with this
    /// hash and size, in place, unless, with a previous manifest, the same
    /// is found already there. Returns whether it was written (or in a dry
    /// run, would be).
    pub(super) fn put_top_file(
        &self,
        name: &str,
        draft: write::Draft,
        sha: &[u8; 32],
        bytes: u64,
    ) -> Result<bool> {
        let abs = self.batch.opts.out.join(name);
        if let Some(p) = self.previous {
            let e = p.find(name);
            p.mark(name, e.as_ref());
            if write::holds(e.as_ref().map(|e| (p, e)), &abs, bytes, sha) {
                return Ok(false);
            }
        }
        if let write::Draft(Some(spool)) = draft {
            spool
                .persist(&abs)
                .with_context(|| format!("cannot write `{}`", abs.display()))?;
        }
        Ok(true)
    }

    /// Files the previous manifest listed that this run did not produce:
    /// removed with `--clean`, else kept in the manifest (`out`). Two
    /// passes over the previous manifest, holding 8 bytes per such file.
    fn settle_stale(
        &mut self,
        records: &Records,
        mut out: Option<&mut ManifestOut<'_>>,
        ui: &Ui,
        clean: bool,
    ) -> Result<()> {
        let b = self.batch;
        let opts = b.opts;
        let Some(prev) = self.previous else {
            return Ok(());
        };
        // The files still on disk, by the hash of their case-folded path.
        let mut stale: Vec<u64> = Vec::new();
        prev.each_unproduced(&mut |e, _| {
            if opts.out.join(e.path.as_ref()).is_file() {
                stale.push(plan::tagged_hash(b'p', &e.path, true));
            }
        })?;
        if stale.is_empty() {
            return Ok(());
        }
        stale.sort_unstable();
        // On a case-insensitive disk `A.md` and `a.md` are one file: never
        // remove a file that this run wrote under another case.
        let mut same_file = Vec::new();
        let mut path = String::new();
        let mut note = |path: &str| {
            let key = plan::tagged_hash(b'p', path, true);
            if stale.binary_search(&key).is_ok() {
                same_file.push(key);
            }
        };
        for rec in &records.ads {
            for f in &opts.formats {
                path.clear();
                self.rec_path_into(records, rec, *f, &mut path);
                note(&path);
            }
        }
        for extra in &self.extras {
            note(&extra.path);
        }
        same_file.sort_unstable();

        let mut removed = Vec::new();
        let mut changed = Vec::new();
        let mut linked = Vec::new();
        let mut kept = 0;
        let mut failed = Ok(());
        prev.each_unproduced(&mut |e, span| {
            let key = plan::tagged_hash(b'p', &e.path, true);
            if failed.is_err()
                || stale.binary_search(&key).is_err()
                || same_file.binary_search(&key).is_ok()
                || !opts.out.join(e.path.as_ref()).is_file()
            {
                return;
            }
            if clean {
                let removal =
                    write::remove_listed(&opts.out, &e.path, e.bytes, &e.sha256, opts.dry_run);
                match removal {
                    Ok(Removal::Removed) => removed.push(e.path.to_string()),
                    Ok(Removal::Gone) => {}
                    // No longer hirekit's: kept, and no longer listed.
                    Ok(Removal::Changed) => changed.push(e.path.to_string()),
                    Ok(Removal::ThroughLink) => linked.push(e.path.to_string()),
                    Err(err) => failed = Err(err),
                }
                return;
            }
            kept += 1;
            if let Some(out) = out.as_deref_mut() {
                let listed = match span {
                    Some(span) => out.old_entry(span),
                    None => out.entry(e),
                };
                if let Err(err) = listed {
                    failed = Err(anyhow::Error::from(err)
                        .context(format!("cannot write `{}`", b.manifest_name)));
                }
            }
        })?;
        failed?;
        for (paths, why) in [
            (
                &changed,
                "changed since hirekit wrote it, so --clean kept it (delete it by hand if it should go); it is no longer listed in the manifest",
            ),
            (
                &linked,
                "behind a symbolic link inside the output folder, so --clean kept it",
            ),
        ] {
            for path in paths.iter().take(MAX_SHOWN_KEPT) {
                ui.warn(&format!("`{path}` is {why}"));
            }
            if paths.len() > MAX_SHOWN_KEPT {
                ui.warn(&format!(
                    "{} more files are {why}",
                    paths.len() - MAX_SHOWN_KEPT
                ));
            }
        }
        if clean {
            if !opts.dry_run {
                write::prune_empty_dirs(&opts.out, removed.iter().map(String::as_str));
            }
            self.outcome.removed = removed.len();
            for path in &removed {
                self.outcome.count_removed(path);
            }
            return Ok(());
        }
        self.outcome.stale = kept;
        if kept > 0 {
            let (files, are, they, them) = if kept == 1 {
                ("file", "is", "it stays", "it")
            } else {
                ("files", "are", "they stay", "them")
            };
            ui.warn(&format!(
                "{kept} {files} from an earlier run {are} no longer produced; {they} listed in `{}` until a run with --clean removes {them}",
                b.manifest_name
            ));
        }
        Ok(())
    }

    /// Writes the index: the page template once, with a marker where each
    /// state's ads go, then each state's ads streamed in their place, each
    /// rendered by the ad template (in parallel, a block at a time), so
    /// memory does not grow with the number of ads.
    fn write_index(&self, w: &mut dyn Write, records: &Records, order: &[u32]) -> Result<()> {
        let b = self.batch;
        // Each state's ads: a range of `order`.
        let mut ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            let state = usize::from(records.ads[i as usize].state);
            match ranges.last_mut() {
                Some((s, range)) if *s == state => range.end = k + 1,
                _ => ranges.push((state, k..k + 1)),
            }
        }
        let states: Vec<index::IndexState<'_>> = ranges
            .iter()
            .map(|(state, range)| {
                let (code, name) = states::STATES[*state];
                index::IndexState {
                    code,
                    name,
                    anchor: format!("state-{}", code.to_ascii_lowercase()),
                    count: range.len(),
                    list: tera::Value::safe_string(&index::marker(code)),
                }
            })
            .collect();
        let page = index::IndexPage {
            ads: records.ads.len(),
            several_docs: b.opts.docs.len() > 1,
            states,
        };
        let company = match b.roles.first() {
            Some(input) => input.company.clone(),
            None => crate::render::context::CompanyView::new(None),
        };
        let mut ctx = tera::Context::new();
        ctx.insert("hirekit", &crate::render::context::tool_info());
        ctx.insert("company", &company);
        ctx.insert("index", &page);
        let html = b
            .engine
            .render(index::TEMPLATE, &ctx)
            .map_err(|e| anyhow::anyhow!(e).context("cannot render the batch index"))?;
        // What every ad's template sees besides the ad (kept small: it is
        // copied for each ad).
        let mut base = tera::Context::new();
        base.insert(
            "index",
            &index::IndexPage {
                states: Vec::new(),
                ..page
            },
        );
        let mut rest = html.as_str();
        while let Some((before, code, after)) = index::split_marker(rest) {
            w.write_all(before.as_bytes())?;
            rest = after;
            let Some((_, range)) = ranges.iter().find(|(s, _)| states::STATES[*s].0 == code) else {
                continue;
            };
            for block in order[range.clone()].chunks(INDEX_BLOCK) {
                let parts: Vec<Result<String>> = self.pool.install(|| {
                    block
                        .par_iter()
                        .map(|&i| {
                            let mut c = base.clone();
                            c.insert("ad", &self.index_ad(records, &records.ads[i as usize]));
                            b.engine.render(index::AD_TEMPLATE, &c).map_err(|e| {
                                anyhow::anyhow!(e).context("cannot render an ad of the batch index")
                            })
                        })
                        .collect()
                });
                for part in parts {
                    w.write_all(part?.as_bytes())?;
                }
            }
        }
        w.write_all(rest.as_bytes())?;
        Ok(())
    }

    /// What the index shows of one ad.
    fn index_ad<'r>(&'r self, records: &'r Records, rec: &AdRec) -> index::IndexAd<'r> {
        let b = self.batch;
        let formats = &b.opts.formats;
        // The HTML page is the main link when there is one.
        let main = formats.iter().position(|f| *f == Format::Html).unwrap_or(0);
        let job = &b.jobs[usize::from(rec.job)];
        let input = &b.roles[job.role];
        let mut files = Vec::with_capacity(formats.len());
        for (k, f) in formats.iter().enumerate() {
            let file = index::IndexFile {
                format: f.ext(),
                label: index::format_label(*f),
                url: feed::url_path(&self.rec_path(records, rec, *f)),
            };
            if k == main {
                files.insert(0, file);
            } else {
                files.push(file);
            }
        }
        let code = states::STATES[usize::from(rec.state)].0;
        let city = records.city(rec);
        let company = match records.company(rec) {
            "" => input.company.profile.name.as_str(),
            c => c,
        };
        let posted = crate::batch::manifest::unpack_date(rec.posted);
        index::IndexAd {
            title: &input.role.title,
            doc: &job.doc,
            company,
            city,
            place: if city.is_empty() {
                code.to_string()
            } else {
                format!("{city}, {code}")
            },
            location: records.id(rec),
            pay: records.pay(rec),
            employment_type: index::type_label(rec.employment),
            workplace: index::workplace_label(rec.workplace),
            date_posted: posted.map(|d| d.to_string()).unwrap_or_default(),
            posted: posted.map(index::us_date).unwrap_or_default(),
            url: files.first().map(|f| f.url.clone()).unwrap_or_default(),
            files,
        }
    }

    fn rec_path(&self, records: &Records, rec: &AdRec, format: Format) -> String {
        let mut s = String::with_capacity(64);
        self.rec_path_into(records, rec, format, &mut s);
        s
    }

    fn rec_path_into(&self, records: &Records, rec: &AdRec, format: Format, out: &mut String) {
        let b = self.batch;
        let job = &b.jobs[usize::from(rec.job)];
        let city = if b.opts.pattern.uses(plan::Placeholder::City) {
            plan::name_slug(records.city(rec))
        } else {
            String::new()
        };
        b.opts.pattern.expand_into(
            &Values {
                role: &job.role_slug,
                doc: &job.doc_slug,
                location: records.id(rec),
                state: &b.state_lower[usize::from(rec.state)],
                city: &city,
                ext: format.ext(),
            },
            out,
        );
    }

    /// A digest of everything the index shows: the settings that shape it
    /// and the set of ads (their count and the sum of their input digests,
    /// as the page is sorted by content, not by row).
    fn index_input(&self, records: &Records) -> write::InputDigest {
        let b = self.batch;
        let mut h = Sha256::new();
        h.update(b"hirekit batch index\0");
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        let mut text = format!("\0{}\0", b.opts.pattern);
        for f in &b.opts.formats {
            text.push_str(f.ext());
            text.push(',');
        }
        for job in &b.jobs {
            let role = &b.roles[job.role].role;
            text.push_str(&format!("\0{}\0{}\0{}", role.id, role.title, job.doc));
        }
        h.update(text.as_bytes());
        h.update((records.ads.len() as u64).to_le_bytes());
        h.update(self.input_sum.to_le_bytes());
        let full: [u8; 32] = h.finalize().into();
        let mut out = write::InputDigest::default();
        let n = out.len();
        out.copy_from_slice(&full[..n]);
        out
    }
}

/// The index's order: state name, city, location id, then job.
fn index_order(records: &Records) -> Vec<u32> {
    let n = u32::try_from(records.ads.len()).unwrap_or(u32::MAX);
    let mut order: Vec<u32> = (0..n).collect();
    let state = |r: &AdRec| states::STATES[usize::from(r.state)].1;
    order.sort_by(|&x, &y| {
        let (a, c) = (&records.ads[x as usize], &records.ads[y as usize]);
        state(a)
            .cmp(state(c))
            .then_with(|| records.city(a).cmp(records.city(c)))
            .then_with(|| records.id(a).cmp(records.id(c)))
            .then(a.job.cmp(&c.job))
    });
    order
}
