//! What a batch remembers of each ad (a few dozen bytes), and what it
//! makes of that at the end: `index.html`, `--clean` and the manifest.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::{self, Write};

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::manifest::{self, Entry, EntryRef};
use super::pipeline::Run;
use super::plan::{self, Values};
use super::write;
use super::{Outcome, feed};
use crate::render::Format;
use crate::states;
use crate::ui::Ui;

/// One ad: its id, city and city slug in the arena, its job, its state
/// and its input digest. Its files' sizes and hashes are in
/// `Records::files`, one per format.
#[derive(Clone, Copy)]
pub(super) struct AdRec {
    pub(super) at: u32,
    pub(super) id_len: u16,
    pub(super) city_len: u16,
    pub(super) slug_len: u16,
    pub(super) job: u16,
    pub(super) state: u8,
    pub(super) input: write::InputDigest,
}

/// A file's size and hash.
#[derive(Clone, Copy)]
pub(super) struct FileRec {
    pub(super) bytes: u32,
    pub(super) sha: [u8; 32],
}

/// Every ad of the run, in row order.
#[derive(Default)]
pub(super) struct Records {
    pub(super) arena: String,
    pub(super) ads: Vec<AdRec>,
    pub(super) files: Vec<FileRec>,
}

impl Records {
    fn text(&self, start: usize, len: u16) -> &str {
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

    fn city_slug(&self, rec: &AdRec) -> &str {
        let start = rec.at as usize + usize::from(rec.id_len) + usize::from(rec.city_len);
        self.text(start, rec.slug_len)
    }
}

/// A file at the top of the output folder: the index or the feed.
pub(super) struct Extra {
    pub(super) path: String,
    pub(super) format: &'static str,
    pub(super) bytes: u64,
    pub(super) sha: [u8; 32],
    pub(super) input: Option<write::InputDigest>,
}

/// A line of the manifest: an ad's file (ad, format), a top-level file, or
/// a file kept from an earlier run. Eight bytes, as there are millions.
#[derive(Clone, Copy)]
enum Item {
    Ad(u32, u8),
    Extra(u8),
    Kept(u32),
}

impl Run<'_, '_> {
    /// The index, `--clean` and the manifest (written last, so that files
    /// older than it are known to be as it says).
    pub(super) fn finish(mut self, records: &Records, ui: &Ui) -> Result<Outcome> {
        let b = self.batch;
        let opts = b.opts;
        // Nothing rendered, nothing written: the manifest may well be the
        // same as before, and then it need not even be sorted.
        let extras = self.extras.len() + 1;
        let maybe_same = self.rendered == 0
            && self.outcome.written == 0
            && self
                .previous
                .is_some_and(|p| p.lists_exactly(records.files.len() + extras));
        let this = &self;
        let (index, ads) = if maybe_same || opts.dry_run {
            (this.index(records), None)
        } else {
            // The index and the manifest's order, side by side.
            let (index, ads) = self
                .pool
                .join(|| this.index(records), || this.sorted_ads(records));
            (index, Some(ads))
        };
        let (index, written) = index?;
        if written {
            self.outcome.written += 1;
        } else {
            self.outcome.unchanged += 1;
        }
        self.extras.push(index);

        let kept = self.settle_stale(records, ui)?;
        if opts.dry_run {
            return Ok(self.outcome);
        }
        if maybe_same && self.outcome.written == 0 && self.outcome.removed == 0 && kept.is_empty() {
            // Every file is the one the manifest lists, with the same inputs.
            return Ok(self.outcome);
        }
        let ads = match ads {
            Some(ads) => ads?,
            None => self.sorted_ads(records)?,
        };
        let items = self.merge_items(records, &kept, ads);
        let manifest = opts.out.join(&b.manifest_name);
        // Rewritten when anything changed, so that its time stays later
        // than every file it lists.
        let changed = match self.previous {
            Some(p) if self.outcome.written == 0 && self.outcome.removed == 0 => {
                let mut h = write::Hashing::new(io::sink());
                self.write_manifest(&mut h, records, &kept, &items)?;
                h.finish().0 != p.digest()
            }
            _ => true,
        };
        if changed {
            write::write_streamed(&manifest, |w| {
                self.write_manifest(w, records, &kept, &items)
            })?;
        }
        Ok(self.outcome)
    }

    /// Writes the index unless the same is already there; returns its
    /// manifest line and whether it was written.
    fn index(&self, records: &Records) -> Result<(Extra, bool)> {
        let b = self.batch;
        let opts = b.opts;
        let abs = opts.out.join(&b.index_name);
        let input = self.index_input(records);
        let extra = |(sha, bytes): ([u8; 32], u64)| Extra {
            path: b.index_name.clone(),
            format: "index",
            bytes,
            sha,
            input: Some(input),
        };
        let previous = self
            .previous
            .and_then(|p| p.get(&b.index_name).map(|e| (p, e)));
        if let Some((p, e)) = previous {
            e.mark_seen();
            if e.input == Some(input) && !opts.force && p.on_disk(&abs, e) {
                // The same ads as when it was written: the same page.
                return Ok((extra((e.sha, e.bytes)), false));
            }
        }
        let order = index_order(records);
        let hashed = || -> io::Result<([u8; 32], u64)> {
            let mut h = write::Hashing::new(io::sink());
            self.write_index(&mut h, records, &order)?;
            let (sha, bytes, _) = h.finish();
            Ok((sha, bytes))
        };
        if let Some((p, e)) = previous {
            let (sha, bytes) = hashed()?;
            if e.sha == sha && p.on_disk(&abs, e) {
                return Ok((extra((sha, bytes)), false));
            }
        }
        if opts.dry_run {
            return Ok((extra(hashed()?), true));
        }
        let mut digest = ([0; 32], 0);
        write::write_streamed(&abs, |w| {
            let mut h = write::Hashing::new(w);
            self.write_index(&mut h, records, &order)?;
            let (sha, bytes, _) = h.finish();
            digest = (sha, bytes);
            Ok(())
        })?;
        Ok((extra(digest), true))
    }

    /// Files the previous manifest listed that this run did not produce:
    /// removed with `--clean`, else kept (and returned, to stay listed).
    fn settle_stale(&mut self, records: &Records, ui: &Ui) -> Result<Vec<Entry>> {
        let b = self.batch;
        let opts = b.opts;
        let Some(prev) = self.previous else {
            return Ok(Vec::new());
        };
        let mut stale = prev.unseen()?;
        stale.retain(|e| opts.out.join(&e.path).is_file());
        if stale.is_empty() {
            return Ok(stale);
        }
        // On a case-insensitive disk `A.md` and `a.md` are one file: never
        // remove a file that this run wrote under another case.
        let folded: HashSet<String> = stale.iter().map(|e| plan::fold_case(&e.path)).collect();
        let mut same_file = HashSet::new();
        let mut path = String::new();
        for rec in &records.ads {
            for f in &opts.formats {
                path.clear();
                self.rec_path_into(records, rec, *f, &mut path);
                let key = plan::fold_case(&path);
                if folded.contains(&key) {
                    same_file.insert(key);
                }
            }
        }
        for extra in &self.extras {
            same_file.insert(plan::fold_case(&extra.path));
        }
        stale.retain(|e| !same_file.contains(&plan::fold_case(&e.path)));

        if opts.clean {
            let mut removed = Vec::new();
            for e in &stale {
                if opts.dry_run || write::remove_listed(&opts.out, &e.path)? {
                    removed.push(e.path.as_str());
                }
            }
            if !opts.dry_run {
                write::prune_empty_dirs(&opts.out, removed.iter().copied());
            }
            self.outcome.removed = removed.len();
            return Ok(Vec::new());
        }
        self.outcome.stale = stale.len();
        if !stale.is_empty() {
            let n = stale.len();
            let (files, are, they, them) = if n == 1 {
                ("file", "is", "it stays", "it")
            } else {
                ("files", "are", "they stay", "them")
            };
            ui.warn(&format!(
                "{n} {files} from an earlier run {are} no longer produced; {they} listed in `{}` until a run with --clean removes {them}",
                b.manifest_name
            ));
        }
        Ok(stale)
    }

    fn write_index(&self, w: &mut dyn Write, records: &Records, order: &[u32]) -> io::Result<()> {
        let b = self.batch;
        let formats = &b.opts.formats;
        let mut states: Vec<(&str, &str, usize)> = Vec::new();
        for &i in order {
            let (code, name) = states::STATES[usize::from(records.ads[i as usize].state)];
            match states.last_mut() {
                Some(last) if last.0 == code => last.2 += 1,
                _ => states.push((code, name, 1)),
            }
        }
        let mut index = feed::IndexWriter::begin(w, records.ads.len(), &states)?;
        let mut current = usize::MAX;
        // The HTML page is the main link when there is one.
        let main = formats.iter().position(|f| *f == Format::Html).unwrap_or(0);
        let mut files: Vec<(&str, String)> = Vec::with_capacity(formats.len());
        for &i in order {
            let rec = &records.ads[i as usize];
            if usize::from(rec.state) != current {
                current = usize::from(rec.state);
                let (code, name) = states::STATES[current];
                index.state(code, name)?;
            }
            let job = &b.jobs[usize::from(rec.job)];
            files.clear();
            for (k, f) in formats.iter().enumerate() {
                let path = self.rec_path(records, rec, *f);
                if k == main {
                    files.insert(0, (f.ext(), path));
                } else {
                    files.push((f.ext(), path));
                }
            }
            index.item(&feed::IndexItem {
                city: records.city(rec),
                location: records.id(rec),
                title: &b.roles[job.role].role.title,
                doc: (b.opts.docs.len() > 1).then_some(job.doc.as_str()),
                files: &files,
            })?;
        }
        index.end()
    }

    fn rec_path(&self, records: &Records, rec: &AdRec, format: Format) -> String {
        let mut s = String::with_capacity(64);
        self.rec_path_into(records, rec, format, &mut s);
        s
    }

    fn rec_path_into(&self, records: &Records, rec: &AdRec, format: Format, out: &mut String) {
        let b = self.batch;
        let job = &b.jobs[usize::from(rec.job)];
        b.opts.pattern.expand_into(
            &Values {
                role: &job.role_slug,
                doc: &job.doc_slug,
                location: records.id(rec),
                state: &b.state_lower[usize::from(rec.state)],
                city: records.city_slug(rec),
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

    /// The ads' manifest lines, sorted by path. Paths are expanded as they
    /// are compared rather than stored, to keep memory small.
    fn sorted_ads(&self, records: &Records) -> Result<Vec<Item>> {
        use rayon::slice::ParallelSliceMut;
        thread_local! {
            static PATHS: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
        }
        let nf = u8::try_from(self.batch.opts.formats.len())?;
        let ads = u32::try_from(records.ads.len())?;
        let mut items: Vec<Item> = (0..ads)
            .flat_map(|a| (0..nf).map(move |f| Item::Ad(a, f)))
            .collect();
        if items.len() <= KEYED_SORT_MAX {
            // Few enough to hold every path while sorting: faster.
            items.par_sort_by_cached_key(|item| {
                let mut path = String::new();
                self.item_path(records, &[], *item, &mut path);
                path
            });
            return Ok(items);
        }
        items.par_sort_unstable_by(|a, b| {
            PATHS.with(|paths| {
                let (x, y) = &mut *paths.borrow_mut();
                x.clear();
                y.clear();
                self.item_path(records, &[], *a, x);
                self.item_path(records, &[], *b, y);
                x.as_str().cmp(y.as_str())
            })
        });
        Ok(items)
    }

    /// Every manifest line in path order: the sorted ads merged with the
    /// top-level files and the files kept from an earlier run.
    fn merge_items(&self, records: &Records, kept: &[Entry], ads: Vec<Item>) -> Vec<Item> {
        let mut others: Vec<Item> = (0..self.extras.len())
            .filter_map(|e| u8::try_from(e).ok().map(Item::Extra))
            .chain((0..kept.len()).filter_map(|k| u32::try_from(k).ok().map(Item::Kept)))
            .collect();
        let path = |item: Item| {
            let mut s = String::new();
            self.item_path(records, kept, item, &mut s);
            s
        };
        others.sort_by_cached_key(|i| path(*i));
        let mut out = Vec::with_capacity(ads.len() + others.len());
        let mut others = others.into_iter().peekable();
        let (mut x, mut y) = (String::new(), String::new());
        for ad in ads {
            x.clear();
            self.item_path(records, kept, ad, &mut x);
            while let Some(&o) = others.peek() {
                y.clear();
                self.item_path(records, kept, o, &mut y);
                if y < x {
                    out.push(o);
                    others.next();
                } else {
                    break;
                }
            }
            out.push(ad);
        }
        out.extend(others);
        out
    }

    fn item_path(&self, records: &Records, kept: &[Entry], item: Item, out: &mut String) {
        match item {
            Item::Ad(a, f) => {
                let format = self.batch.opts.formats[usize::from(f)];
                self.rec_path_into(records, &records.ads[a as usize], format, out);
            }
            Item::Extra(e) => out.push_str(&self.extras[usize::from(e)].path),
            Item::Kept(k) => out.push_str(&kept[k as usize].path),
        }
    }

    /// Writes the manifest. Its lines are made in parallel, a window at a
    /// time (so memory stays bounded), and written in order.
    fn write_manifest(
        &self,
        w: &mut dyn Write,
        records: &Records,
        kept: &[Entry],
        items: &[Item],
    ) -> io::Result<()> {
        use rayon::prelude::*;
        const PART: usize = 1024;
        let mut m = manifest::ManifestWriter::begin(w, self.batch.opts.shard)?;
        for window in items.chunks(PART * 16) {
            let parts: Vec<(io::Result<Vec<u8>>, usize)> = self.pool.install(|| {
                window
                    .par_chunks(PART)
                    .map(|part| (self.manifest_lines(records, kept, part), part.len()))
                    .collect()
            });
            for (lines, n) in parts {
                m.lines(&lines?, n)?;
            }
        }
        m.end()
    }

    /// The manifest lines of some items, joined as `ManifestWriter::lines`
    /// expects.
    fn manifest_lines(
        &self,
        records: &Records,
        kept: &[Entry],
        items: &[Item],
    ) -> io::Result<Vec<u8>> {
        let b = self.batch;
        let nf = b.opts.formats.len();
        let mut out = Vec::with_capacity(items.len() * 320);
        let (mut path, mut sha, mut input) = (String::new(), String::new(), String::new());
        for (i, &item) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(manifest::ENTRY_SEPARATOR);
            }
            path.clear();
            sha.clear();
            input.clear();
            self.item_path(records, kept, item, &mut path);
            match item {
                Item::Ad(a, f) => {
                    let (a, f) = (a as usize, usize::from(f));
                    let rec = &records.ads[a];
                    let job = &b.jobs[usize::from(rec.job)];
                    let file = &records.files[a * nf + f];
                    write::hex_into(&mut sha, &file.sha);
                    write::hex_into(&mut input, &rec.input);
                    let entry = EntryRef {
                        path: &path,
                        role: &b.roles[job.role].role.id,
                        doc: &job.doc,
                        format: b.opts.formats[f].ext(),
                        location: records.id(rec),
                        bytes: u64::from(file.bytes),
                        sha256: &sha,
                        input: &input,
                    };
                    serde_json::to_writer(&mut out, &entry)?;
                }
                Item::Extra(e) => {
                    let extra = &self.extras[usize::from(e)];
                    write::hex_into(&mut sha, &extra.sha);
                    if let Some(i) = &extra.input {
                        write::hex_into(&mut input, i);
                    }
                    let entry = EntryRef {
                        path: &path,
                        role: "",
                        doc: "",
                        format: extra.format,
                        location: "",
                        bytes: extra.bytes,
                        sha256: &sha,
                        input: &input,
                    };
                    serde_json::to_writer(&mut out, &entry)?;
                }
                Item::Kept(k) => serde_json::to_writer(&mut out, &kept[k as usize])?,
            }
        }
        Ok(out)
    }
}

/// Up to this many files, the manifest is sorted with every path in
/// memory (a few MB); above, paths are expanded as they are compared.
const KEYED_SORT_MAX: usize = 1 << 16;

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
