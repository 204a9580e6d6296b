//! Pass 1: every row of the locations CSV checked, and every file name
//! worked out and checked, before anything is written. Rows are read in
//! chunks on one thread, checked in parallel, and matched against the
//! rows before them (repeated ids, shared file names) in order.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{Batch, CHUNK_ROWS, RowNames, plan, write};
use crate::diag::Diagnostic;
use crate::load::csvfile::Row;
use crate::load::locations::{LocationRow, Reader, RowParser};

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
pub(super) struct Plan {
    pub(super) errors: Vec<Diagnostic>,
    /// Data rows in the file, good or bad.
    pub(super) rows: usize,
    /// Lines of rows refused for a reason only pass 1 sees (a repeated id,
    /// a shared or unsafe file name).
    pub(super) refused: HashSet<usize>,
    pub(super) ads: usize,
    /// The line of the shard's first good row.
    pub(super) first: Option<usize>,
    /// Digest of everything the feed shows.
    pub(super) feed_input: write::InputDigest,
    /// A hashed name matched: check again with the names themselves.
    pub(super) suspect: bool,
}

impl Batch<'_> {
    /// Pass 1: checks every row and every file name. With `exact`, names
    /// are compared as text; without, by a 64-bit hash (small and fast),
    /// and any match asks for an exact pass to confirm it. Rows are read in
    /// chunks, checked in parallel, then matched against the earlier rows
    /// in order.
    pub(super) fn check(&self, text: &str, exact: bool) -> Result<Plan> {
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
        // (capped, for files of long rows; the list grows if need be).
        let expected =
            (text.len() / 40 * (1 + self.jobs.len() * self.opts.formats.len())).min(1 << 22);
        let hashed: Vec<u64> = Vec::with_capacity(if exact { 0 } else { expected });
        let names: HashMap<String, (usize, String)> = HashMap::new();
        let mut feed = Sha256::new();
        // Version 2: jobs carry the date their ad was first posted.
        feed.update(b"hirekit batch feed 2\0");
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
            let ((next, claimed), checked) = rayon::join(
                || {
                    let claimed = match pending.take() {
                        Some(chunk) => claims.claim(self, &mut plan, chunk, exact),
                        None => Ok(()),
                    };
                    let next: Vec<_> = std::iter::from_fn(|| reader.next_raw())
                        .take(CHUNK_ROWS)
                        .collect();
                    (next, claimed)
                },
                || {
                    raw.into_par_iter()
                        .map(|row| self.check_row(&parser, row, exact))
                        .collect::<Vec<_>>()
                },
            );
            claimed?;
            pending = Some(checked);
            raw = next;
        }
        if let Some(chunk) = pending {
            claims.claim(self, &mut plan, chunk, exact)?;
        }
        if !exact {
            // Any hash met twice: the exact pass decides what it was.
            let mut hashed = claims.hashed;
            hashed.par_sort_unstable();
            if hashed.windows(2).any(|w| w[0] == w[1]) {
                plan.suspect = true;
                return Ok(plan);
            }
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

    fn check_parsed(&self, row: Result<LocationRow, Diagnostic>, exact: bool) -> Result<Checked> {
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
}

/// What pass 1 remembers of the rows so far.
struct Claims {
    /// Hashes of ids and folded paths (the hashed pass): 8 bytes each,
    /// sorted at the end to find any repeat.
    hashed: Vec<u64>,
    /// Ids and folded paths, with their line and path as written (the
    /// exact pass).
    names: HashMap<String, (usize, String)>,
    /// The feed's input digest, so far.
    feed: Sha256,
}

impl Claims {
    /// Matches a checked chunk against the rows before it, in order (the
    /// exact pass), or gathers its hashes (the hashed pass).
    fn claim(
        &mut self,
        b: &Batch<'_>,
        plan: &mut Plan,
        chunk: Vec<CheckedRow>,
        exact: bool,
    ) -> Result<()> {
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
                self.hashed.extend_from_slice(hashes.as_slice());
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
        Ok(())
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
