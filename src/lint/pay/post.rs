//! The pay-law check of `hirekit render` and `hirekit batch`: for one
//! location, which pay-transparency laws the post falls short of, worded
//! for a recruiter (the law, what is missing, how to fix it).
//!
//! It reads only the location, the offered pay, whether the company
//! describes benefits, its size and the posting date, so a batch can check
//! every row before it renders one. The pay duty itself (a range, bounded
//! where the law says so) gives warnings, which `--strict` makes errors;
//! the law's other duties (benefits, the close date), the spread of a range
//! and laws not yet in force give notes. `hirekit lint` checks the rendered
//! text as a whole.

use std::fmt::Write as _;

use super::{
    Status, commission_only, describe, is_open_ended, is_single_figure, laws_for, spread_pct,
};
use crate::lint::data::{CommissionRule, Data, Law};
use crate::lint::{Date, OfferedPay};
use crate::model::Location;

/// What a post lacks under one law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// No pay range where the law requires one.
    NoRange,
    /// An open-ended range where the law rules them out.
    OpenEnded,
    /// One figure where the law speaks of a range.
    SingleFigure,
    /// A range wider than the jurisdiction expects.
    WideRange,
    /// No description of benefits (and other compensation).
    Benefits,
    /// No application close date.
    CloseDate,
    /// A law that takes effect later, and no range yet.
    Upcoming,
}

impl Kind {
    /// Whether it is a warning (an error under `--strict`) rather than a note.
    pub(crate) fn fails(self) -> bool {
        matches!(self, Kind::NoRange | Kind::OpenEnded)
    }
}

/// One law a post falls short of, and how.
#[derive(Debug, Clone)]
pub(crate) struct Gap<'a> {
    /// The law.
    pub law: &'a Law,
    /// What is missing.
    pub kind: Kind,
    /// Where the law stands on the posting date, e.g. `in force since 2021-01-01`.
    pub when: String,
    /// The law covers only employers of a size, and the company's is unknown.
    pub size_unknown: bool,
}

/// What the check reads about one post.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Post<'a> {
    /// Where the job is.
    pub location: &'a Location,
    /// The employer's offered pay, if any (never a market average).
    pub offered: Option<OfferedPay>,
    /// The company profile lists benefits.
    pub has_benefits: bool,
    /// The company's size, when its profile gives it.
    pub employees: Option<u64>,
    /// The posting date.
    pub date: Date,
}

/// The laws a post falls short of, in the order of the table, each law's
/// gaps in the order of [`Kind`].
pub(crate) fn gaps<'a>(data: &'a Data, post: &Post<'_>) -> Vec<Gap<'a>> {
    let (laws, _) = laws_for(data, post.location, post.date, post.employees);
    let commission = commission_only(post.location);
    let mut out = Vec::new();
    for a in laws {
        let law = a.law;
        let mut push = |kind: Kind, when: &str| {
            out.push(Gap {
                law,
                kind,
                when: when.to_string(),
                size_unknown: a.size_unknown,
            });
        };
        let exempt = commission && law.commission_only != CommissionRule::Range;
        let when = match a.status {
            Status::Upcoming => {
                if law.requires_range && post.offered.is_none() && !exempt {
                    push(
                        Kind::Upcoming,
                        &format!(
                            "takes effect on {}{}",
                            law.effective,
                            if law.uncertain {
                                ", date uncertain"
                            } else {
                                ""
                            }
                        ),
                    );
                }
                continue;
            }
            Status::InForce if law.uncertain => format!(
                "reported in force since {}; the date is uncertain",
                law.effective
            ),
            Status::InForce => format!("in force since {}", law.effective),
            Status::NotYetEnforced(from) => {
                format!("in force since {}, enforced from {from}", law.effective)
            }
        };
        if law.requires_range && !exempt {
            match post.offered {
                None => push(Kind::NoRange, &when),
                Some(o) if law.bounded && is_open_ended(o) => push(Kind::OpenEnded, &when),
                Some(o) => {
                    if is_single_figure(o) && !law.allows_single_figure(post.date) {
                        push(Kind::SingleFigure, &when);
                    }
                    if let (Some(limit), Some(pct)) = (law.max_spread_pct, spread_pct(o))
                        && pct > limit
                    {
                        push(Kind::WideRange, &when);
                    }
                }
            }
        }
        if law.requires_benefits && !post.has_benefits {
            push(Kind::Benefits, &when);
        }
        if law
            .close_date_from
            .is_some_and(|from| post.date >= from && post.location.valid_through.trim().is_empty())
        {
            push(Kind::CloseDate, &when);
        }
    }
    out
}

/// A law named in full the first time: `Colorado (Equal Pay for Equal
/// Work Act, as amended by SB 23-105; in force since 2021-01-01)`.
pub(crate) fn law_in_full(gap: &Gap<'_>) -> String {
    let mut s = format!("{} ({}; {}", gap.law.jurisdiction, gap.law.law, gap.when);
    if gap.size_unknown {
        let _ = write!(
            s,
            "; for employers with {} or more employees",
            gap.law.min_employees
        );
    }
    s.push(')');
    s
}

/// What the law asks that the post lacks, after the law's name, e.g.
/// `requires a pay range in job posts`. `many` when it names several laws;
/// with `offered`, what the post gives instead.
pub(crate) fn duty(kind: Kind, law: &Law, offered: Option<OfferedPay>, many: bool) -> String {
    let s = if many { "" } else { "s" };
    let verb = if law.uncertain {
        "may require".to_string()
    } else {
        format!("require{s}")
    };
    let limit = law.max_spread_pct.unwrap_or_default();
    let mut text = match kind {
        Kind::NoRange => format!("{verb} a pay range in job posts"),
        Kind::OpenEnded => format!("{verb} a pay range with a minimum and a maximum"),
        Kind::SingleFigure => format!(
            "speak{s} of a pay range, and the law's sources here do not say one figure is enough"
        ),
        Kind::WideRange => format!("expect{s} a maximum at most {limit:.0}% above the minimum"),
        Kind::Benefits if law.requires_other_comp => format!(
            "{verb} a general description of benefits and other compensation (bonuses, commissions)"
        ),
        Kind::Benefits => format!("{verb} a general description of benefits"),
        Kind::CloseDate => format!("{verb} the date applications close"),
        Kind::Upcoming => "will require a pay range in job posts".to_string(),
    };
    if let Some(o) = offered {
        let shown = describe(o);
        match kind {
            Kind::OpenEnded => {
                let _ = write!(text, "; the post's range is open-ended ({shown})");
            }
            Kind::SingleFigure => {
                let _ = write!(text, "; the post gives one figure ({shown})");
            }
            Kind::WideRange => {
                let pct = spread_pct(o).unwrap_or_default();
                let _ = write!(text, "; the post's range ({shown}) is {pct:.0}% above");
            }
            _ => {}
        }
    }
    text
}

/// How a batch counts the rows with a gap: `have none`, `give one figure`.
pub(crate) fn rows_lacking(kind: Kind, one: bool) -> &'static str {
    match (kind, one) {
        (Kind::NoRange | Kind::Benefits | Kind::CloseDate, true) => "has none",
        (Kind::NoRange | Kind::Benefits | Kind::CloseDate, false) => "have none",
        (Kind::OpenEnded, true) => "has an open-ended range",
        (Kind::OpenEnded, false) => "have an open-ended range",
        (Kind::SingleFigure, true) => "gives one figure",
        (Kind::SingleFigure, false) => "give one figure",
        (Kind::WideRange, true) => "has a wider range",
        (Kind::WideRange, false) => "have a wider range",
        (Kind::Upcoming, true) => "has no pay range",
        (Kind::Upcoming, false) => "have no pay range",
    }
}

/// One location's gaps as one message (`None` when there are none), and
/// whether it is a warning. `fix` says how to give a range where the post
/// lacks one (it differs between `render` and `batch`).
pub(crate) fn message(
    label: &str,
    gaps: &[Gap<'_>],
    offered: Option<OfferedPay>,
    fix: &str,
) -> Option<(bool, String)> {
    if gaps.is_empty() {
        return None;
    }
    let mut kinds: Vec<Kind> = gaps.iter().map(|g| g.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut named: Vec<String> = Vec::new();
    let name = |named: &mut Vec<String>, g: &Gap<'_>| {
        if named.contains(&g.law.jurisdiction) {
            g.law.jurisdiction.clone()
        } else {
            named.push(g.law.jurisdiction.clone());
            law_in_full(g)
        }
    };
    let mut sentences = Vec::new();
    let (main, rest): (Vec<Kind>, Vec<Kind>) = kinds
        .iter()
        .partition(|k| !matches!(k, Kind::Benefits | Kind::CloseDate));
    for kind in &main {
        let of_kind: Vec<&Gap<'_>> = gaps.iter().filter(|g| g.kind == *kind).collect();
        let names: Vec<String> = of_kind.iter().map(|g| name(&mut named, g)).collect();
        let mut sentence = format!(
            "{} {}",
            names.join(" and "),
            duty(*kind, of_kind[0].law, offered, names.len() > 1)
        );
        if matches!(kind, Kind::NoRange | Kind::Upcoming) {
            sentence.push_str(", and this post has none");
        }
        if matches!(kind, Kind::NoRange | Kind::OpenEnded | Kind::Upcoming) {
            let _ = write!(sentence, " — {fix}");
        }
        sentences.push(sentence);
    }
    // The law's other duties, one sentence per law.
    let mut laws: Vec<&Law> = Vec::new();
    for g in gaps.iter().filter(|g| rest.contains(&g.kind)) {
        if !laws.iter().any(|l| std::ptr::eq(*l, g.law)) {
            laws.push(g.law);
        }
    }
    for law in laws {
        let of_law: Vec<&Gap<'_>> = gaps
            .iter()
            .filter(|g| std::ptr::eq(g.law, law) && rest.contains(&g.kind))
            .collect();
        let wanted: Vec<&str> = of_law
            .iter()
            .map(|g| match g.kind {
                Kind::Benefits if law.requires_other_comp => {
                    "a general description of benefits and other compensation (bonuses, commissions)"
                }
                Kind::Benefits => "a general description of benefits",
                _ => "the date applications close",
            })
            .collect();
        let also = if named.contains(&law.jurisdiction) {
            " also"
        } else {
            ""
        };
        let who = name(&mut named, of_law[0]);
        let verb = if law.uncertain {
            "may require"
        } else {
            "requires"
        };
        sentences.push(format!(
            "{who}{also} {verb} {}, which this post lacks (`hirekit lint` shows where to add {})",
            wanted.join(" and "),
            if wanted.len() == 1 { "it" } else { "them" }
        ));
    }
    let warn = kinds.iter().any(|k| k.fails());
    Some((warn, format!("{label}: {}", sentences.join("; "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post_at<'a>(loc: &'a Location, offered: Option<OfferedPay>, date: &str) -> Post<'a> {
        Post {
            location: loc,
            offered,
            has_benefits: false,
            employees: None,
            date: Date::parse(date).unwrap(),
        }
    }

    fn place(arg: &str) -> Location {
        crate::load::location::parse_arg(arg).unwrap()
    }

    fn kinds(loc: &Location, offered: Option<OfferedPay>, date: &str) -> Vec<(String, Kind)> {
        let data = Data::builtin().unwrap();
        gaps(&data, &post_at(loc, offered, date))
            .into_iter()
            .map(|g| (g.law.jurisdiction.clone(), g.kind))
            .collect()
    }

    fn range(min: f64, max: f64) -> Option<OfferedPay> {
        Some(OfferedPay {
            min: Some(min),
            max: Some(max),
        })
    }

    #[test]
    fn the_posting_date_decides_which_laws_apply() {
        let richmond = place("Richmond, VA");
        assert_eq!(
            kinds(&richmond, None, "2026-12-01"),
            [("Virginia".to_string(), Kind::NoRange)]
        );
        assert_eq!(
            kinds(&richmond, None, "2026-06-01"),
            [("Virginia".to_string(), Kind::Upcoming)]
        );
        assert!(kinds(&place("Austin, TX"), None, "2026-12-01").is_empty());
    }

    #[test]
    fn an_offered_range_meets_the_pay_duty() {
        let denver = place("Denver, CO");
        let got = kinds(&denver, range(19.5, 23.0), "2026-12-01");
        assert!(got.iter().all(|(_, k)| !k.fails()), "{got:?}");
        assert!(got.contains(&("Colorado".to_string(), Kind::CloseDate)));
        let open = Some(OfferedPay {
            min: None,
            max: Some(23.0),
        });
        assert!(
            kinds(&denver, open, "2026-12-01").contains(&("Colorado".to_string(), Kind::OpenEnded))
        );
        // California does not say ranges must be bounded.
        let la = place("Los Angeles, CA");
        assert!(kinds(&la, open, "2026-12-01").is_empty());
    }

    #[test]
    fn single_figures_and_wide_ranges_get_notes() {
        let seattle = place("Seattle, WA");
        let one = range(21.0, 21.0);
        assert_eq!(
            kinds(&seattle, one, "2025-07-27"),
            [("Washington".to_string(), Kind::Benefits)]
        );
        assert_eq!(
            kinds(&seattle, one, "2025-07-01"),
            [
                ("Washington".to_string(), Kind::SingleFigure),
                ("Washington".to_string(), Kind::Benefits)
            ]
        );
        let newark = place("Newark, NJ");
        let got = kinds(&newark, range(20.0, 33.0), "2026-12-01");
        assert!(
            got.contains(&("New Jersey".to_string(), Kind::WideRange)),
            "{got:?}"
        );
        let got = kinds(&newark, range(20.0, 32.0), "2026-12-01");
        assert!(!got.iter().any(|(_, k)| *k == Kind::WideRange), "{got:?}");
    }

    #[test]
    fn commission_only_jobs_need_no_range_where_the_law_says_so() {
        let mut albany = place("Albany, NY");
        albany
            .extra
            .insert(super::super::PAY_BASIS.into(), "commission".into());
        assert!(kinds(&albany, None, "2026-12-01").is_empty());
        let mut la = place("Los Angeles, CA");
        la.extra
            .insert(super::super::PAY_BASIS.into(), "Commission".into());
        assert_eq!(
            kinds(&la, None, "2026-12-01"),
            [("California".to_string(), Kind::NoRange)]
        );
    }

    #[test]
    fn one_message_per_location_names_each_law_once_in_full() {
        let data = Data::builtin().unwrap();
        let brooklyn = place("Brooklyn, NY");
        let post = post_at(&brooklyn, None, "2026-12-01");
        let gaps = gaps(&data, &post);
        let (warn, text) = message("Brooklyn, NY", &gaps, None, "give --pay").unwrap();
        assert!(warn);
        assert!(
            text.starts_with(
                "Brooklyn, NY: New York (New York Labor Law §194-b; in force since 2023-09-17; for employers with 4 or more employees) and New York City ("
            ),
            "{text}"
        );
        assert!(
            text.ends_with(
                " require a pay range in job posts, and this post has none — give --pay"
            ),
            "{text}"
        );
        let denver = place("Denver, CO");
        let post = post_at(&denver, range(19.5, 23.0), "2026-12-01");
        let gaps = super::gaps(&data, &post);
        let (warn, text) = message("Denver, CO", &gaps, range(19.5, 23.0), "x").unwrap();
        assert!(!warn);
        assert_eq!(
            text,
            "Denver, CO: Colorado (Equal Pay for Equal Work Act, as amended by SB 23-105; in force since 2021-01-01) requires a general description of benefits and other compensation (bonuses, commissions) and the date applications close, which this post lacks (`hirekit lint` shows where to add them)"
        );
    }
}
