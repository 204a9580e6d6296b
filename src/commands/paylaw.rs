//! The pay-transparency check that `render` and `batch` run on the job
//! posts they are about to write (`builtin::is_job_ad`): one message per
//! location for `render`; for `batch`, one line per law and gap with a
//! count and a few example rows (`-v`: every row). With `--strict` (or
//! `pay.laws: strict` in `hirekit.yaml`) a post that breaks a law is an
//! error, raised before anything is written. The rules and their wording
//! are `lint::pay::post`'s.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::{Result, bail};

use super::Ctx;
use crate::batch::plan::Shard;
use crate::lint::pay::post::{self, Gap, Kind, Post};
use crate::lint::{CompanyFile, Data, Date, OfferedPay};
use crate::load;
use crate::model::Location;
use crate::project::config::PayLaws;

/// What every line of the check starts with, after `warning: ` or `note: `.
const PREFIX: &str = "pay-transparency: ";

/// Example rows named in a batch's line for one law.
const EXAMPLES: usize = 3;

/// What the check needs besides the location.
pub(crate) struct Check<'a> {
    data: Data,
    company: Option<&'a CompanyFile>,
    /// `--date`: the posting date of a location without `date_posted`.
    date: Date,
    /// Errors instead of warnings.
    pub strict: bool,
    /// What asked for errors, for the message.
    why_strict: &'static str,
}

impl<'a> Check<'a> {
    /// The check for a run, or `None` when no document is a job ad.
    pub(crate) fn new<'d>(
        ctx: &Ctx,
        mut docs: impl Iterator<Item = &'d String>,
        company: Option<&'a CompanyFile>,
        date: Option<Date>,
        strict: bool,
    ) -> Result<Option<Check<'a>>> {
        if !docs.any(|d| crate::builtin::is_job_ad(d)) {
            return Ok(None);
        }
        Ok(Some(Check {
            data: Data::builtin()?,
            company,
            date: date.unwrap_or_else(Date::today),
            strict: strict || ctx.project.ws.config.pay.laws == PayLaws::Strict,
            why_strict: if strict {
                "--strict"
            } else {
                "`pay.laws: strict` in hirekit.yaml"
            },
        }))
    }

    /// The gaps of one location's post.
    fn gaps(&self, location: &Location) -> (Vec<Gap<'_>>, Option<OfferedPay>) {
        let offered =
            (location.pay_min.is_some() || location.pay_max.is_some()).then_some(OfferedPay {
                min: location.pay_min,
                max: location.pay_max,
            });
        let post = Post {
            location,
            offered,
            has_benefits: self.company.is_some_and(|c| !c.company.benefits.is_empty()),
            employees: self.company.and_then(|c| c.company.employees),
            date: Date::parse(&location.date_posted).unwrap_or(self.date),
        };
        (post::gaps(&self.data, &post), offered)
    }

    /// `render`: checks one location's post; a warning or a note on
    /// stderr, or under `--strict` an error (before anything is written).
    pub(crate) fn render(&self, ctx: &Ctx, location: &Location, from_row: bool) -> Result<()> {
        let (gaps, offered) = self.gaps(location);
        let fix = if from_row {
            "give the employer's range with --pay (e.g. --pay 19.50-23.00/hour) or as the row's pay_min and pay_max, not a BLS market average"
        } else {
            "give the employer's range with --pay (e.g. --pay 19.50-23.00/hour or 45000-52000/year), not a BLS market average"
        };
        let Some((warn, text)) = post::message(&location.label(), &gaps, offered, fix) else {
            return Ok(());
        };
        match (warn, self.strict) {
            (true, true) => bail!("{PREFIX}{text}; nothing was written ({})", self.why_strict),
            (true, false) => ctx.ui.warn(&format!("{PREFIX}{text}")),
            (false, _) => ctx.ui.note(&format!("{PREFIX}{text}")),
        }
        Ok(())
    }

    /// `batch`: checks every row of the locations CSV `file` (of the
    /// shard), whose `text` the batch has read, before anything is written. Rows that do not parse, and the rows the
    /// batch refused, are left to the batch, which reports them.
    pub(crate) fn batch(
        &self,
        ctx: &Ctx,
        file: &Path,
        text: &str,
        shard: Option<Shard>,
        refused: &HashSet<usize>,
    ) -> Result<()> {
        let shown = file.display().to_string();
        let Ok(mut reader) = load::locations::Reader::new(&shown, text) else {
            return Ok(());
        };
        let parser = reader.parser();
        let mut tallies: BTreeMap<(usize, Kind), Tally> = BTreeMap::new();
        let mut rows = 0usize;
        // Rows whose post breaks a law: under --strict, the run fails.
        let mut failing = 0usize;
        while let Some(raw) = reader.next_raw() {
            let Ok(row) = raw.and_then(|r| parser.parse(&r)) else {
                continue;
            };
            let loc = &row.location;
            if refused.contains(&row.line) || shard.is_some_and(|s| !s.contains(&loc.id)) {
                continue;
            }
            rows += 1;
            let (gaps, offered) = self.gaps(loc);
            if gaps.is_empty() {
                continue;
            }
            failing += usize::from(gaps.iter().any(|g| g.kind.fails()));
            let label = loc.label();
            if ctx.ui.verbose
                && let Some((warn, text)) = post::message(
                    &label,
                    &gaps,
                    offered,
                    "give pay_min and pay_max in the row, not a BLS market average",
                )
            {
                let what = if warn { "warning" } else { "note" };
                ctx.ui
                    .verbose(&format!("{what}: {PREFIX}{shown}:{}: {text}", row.line));
            }
            for gap in &gaps {
                let index = self
                    .data
                    .laws
                    .iter()
                    .position(|l| std::ptr::eq(l, gap.law))
                    .unwrap_or_default();
                let tally = tallies.entry((index, gap.kind)).or_insert_with(|| Tally {
                    law: post::law_in_full(gap),
                    duty: post::duty(gap.kind, gap.law, None, false),
                    kind: gap.kind,
                    count: 0,
                    examples: Vec::new(),
                });
                tally.count += 1;
                if tally.examples.len() < EXAMPLES {
                    tally.examples.push(format!("{shown}:{} {label}", row.line));
                }
            }
        }
        // Warnings one line per law; notes one line per law with -v, else
        // one line for them all.
        let mut notes = 0usize;
        for tally in tallies.values() {
            let line = format!("{PREFIX}{}", tally.line(rows));
            match (tally.kind.fails(), self.strict) {
                (true, true) => ctx.ui.error(&format!("error: {line}")),
                (true, false) => ctx.ui.warn(&line),
                (false, _) if ctx.ui.verbose => ctx.ui.note(&line),
                (false, _) => notes += tally.count,
            }
        }
        if notes > 0 {
            ctx.ui.note(&format!(
                "{PREFIX}{} {} on what pay-transparency laws ask of the posts of `{shown}` besides a range (benefits, close dates, one figure, spread, laws not yet in force); -v lists them, and `hirekit lint --locations {shown}` checks each post in full",
                crate::text::format::number(notes as f64, 0),
                if notes == 1 { "note" } else { "notes" }
            ));
        }
        if self.strict && failing > 0 {
            bail!(
                "{} of {} job posts of `{shown}` would break a pay-transparency law (listed above); nothing was written ({})",
                crate::text::format::number(failing as f64, 0),
                crate::text::format::number(rows as f64, 0),
                self.why_strict
            );
        }
        Ok(())
    }
}

/// The rows that fall short of one law in one way.
struct Tally {
    law: String,
    duty: String,
    kind: Kind,
    count: usize,
    examples: Vec<String>,
}

impl Tally {
    fn line(&self, rows: usize) -> String {
        let more = self.count - self.examples.len();
        let more = if more > 0 {
            format!(", and {} more", crate::text::format::number(more as f64, 0))
        } else {
            String::new()
        };
        let fix = match self.kind {
            Kind::NoRange | Kind::Upcoming => {
                "; give pay_min and pay_max in those rows (a BLS market average does not count)"
            }
            Kind::OpenEnded => "; give both pay_min and pay_max, with a minimum above 0",
            Kind::Benefits => "; list the benefits under `benefits:` in company.yaml",
            Kind::CloseDate => "; give those rows a valid_through date",
            Kind::SingleFigure | Kind::WideRange => "",
        };
        let n = |v: usize| crate::text::format::number(v as f64, 0);
        format!(
            "{} {}: {} of {} {} {} ({}{more}){fix}",
            self.law,
            self.duty,
            n(self.count),
            n(rows),
            if rows == 1 { "row" } else { "rows" },
            post::rows_lacking(self.kind, self.count == 1),
            self.examples.join("; "),
        )
    }
}
