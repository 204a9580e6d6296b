//! What a batch remembers of each ad (a few dozen bytes), and what it
//! makes of that at the end: `index.html`, `--clean` and the manifest.

use std::collections::HashSet;
use std::io::{self, Write};

use anyhow::Result;

use super::pipeline::Run;
use super::plan::{self, Values};
use super::write::{self, Entry};
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

        let order = index_order(records);
        let (sha, bytes, _) = {
            let mut h = write::Hashing::new(io::sink());
            self.write_index(&mut h, records, &order)?;
            h.finish()
        };
        let index_abs = opts.out.join(&b.index_name);
        let same = self
            .previous
            .and_then(|p| p.get(&b.index_name).map(|e| (p, e)))
            .is_some_and(|(p, e)| {
                e.mark_seen();
                e.sha == sha && p.on_disk(&index_abs, e)
            });
        if same {
            self.outcome.unchanged += 1;
        } else {
            self.outcome.written += 1;
            if !opts.dry_run {
                write::write_streamed(&index_abs, |w| self.write_index(w, records, &order))?;
            }
        }
        self.extras.push(Extra {
            path: b.index_name.clone(),
            format: "index",
            bytes,
            sha,
            input: None,
        });

        let kept = self.settle_stale(records, ui)?;
        if opts.dry_run {
            return Ok(self.outcome);
        }
        let items = self.manifest_items(records, &kept)?;
        let (digest, _, _) = {
            let mut h = write::Hashing::new(io::sink());
            self.write_manifest(&mut h, records, &kept, &items)?;
            h.finish()
        };
        // Rewritten when anything changed, so that its time stays later
        // than every file it lists.
        let changed = self.previous.is_none_or(|p| p.digest() != digest)
            || self.outcome.written > 0
            || self.outcome.removed > 0;
        if changed {
            write::write_streamed(&opts.out.join(&b.manifest_name), |w| {
                self.write_manifest(w, records, &kept, &items)
            })?;
        }
        Ok(self.outcome)
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

    /// Every manifest line, sorted by path. Paths are expanded as they are
    /// compared rather than stored, to keep memory small.
    fn manifest_items(&self, records: &Records, kept: &[Entry]) -> Result<Vec<Item>> {
        let nf = u8::try_from(self.batch.opts.formats.len())?;
        let ads = u32::try_from(records.ads.len())?;
        let mut items: Vec<Item> = (0..ads)
            .flat_map(|a| (0..nf).map(move |f| Item::Ad(a, f)))
            .chain((0..u8::try_from(self.extras.len())?).map(Item::Extra))
            .chain((0..u32::try_from(kept.len())?).map(Item::Kept))
            .collect();
        let (mut x, mut y) = (String::new(), String::new());
        items.sort_unstable_by(|a, b| {
            x.clear();
            y.clear();
            self.item_path(records, kept, *a, &mut x);
            self.item_path(records, kept, *b, &mut y);
            x.cmp(&y)
        });
        Ok(items)
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

    fn write_manifest(
        &self,
        w: &mut dyn Write,
        records: &Records,
        kept: &[Entry],
        items: &[Item],
    ) -> io::Result<()> {
        let b = self.batch;
        let nf = b.opts.formats.len();
        let mut path = String::new();
        let entries = items.iter().map(|item| {
            path.clear();
            self.item_path(records, kept, *item, &mut path);
            match *item {
                Item::Ad(a, f) => {
                    let (a, f) = (a as usize, usize::from(f));
                    let rec = &records.ads[a];
                    let job = &b.jobs[usize::from(rec.job)];
                    let file = &records.files[a * nf + f];
                    Entry {
                        path: path.clone(),
                        role: b.roles[job.role].role.id.clone(),
                        doc: job.doc.clone(),
                        format: b.opts.formats[f].ext().to_string(),
                        location: records.id(rec).to_string(),
                        bytes: u64::from(file.bytes),
                        sha256: write::hex(&file.sha),
                        input: write::hex(&rec.input),
                    }
                }
                Item::Extra(e) => {
                    let extra = &self.extras[usize::from(e)];
                    Entry {
                        path: path.clone(),
                        role: String::new(),
                        doc: String::new(),
                        format: extra.format.to_string(),
                        location: String::new(),
                        bytes: extra.bytes,
                        sha256: write::hex(&extra.sha),
                        input: extra.input.map(|i| write::hex(&i)).unwrap_or_default(),
                    }
                }
                Item::Kept(k) => kept[k as usize].clone(),
            }
        });
        write::write_manifest(w, b.opts.shard, entries)
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
