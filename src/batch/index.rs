//! `index.html`: a page a candidate can use, listing every ad of a batch
//! by state and city with its title, company, place, pay, type and posting
//! date, and links to its files. Two templates make it, which a workspace
//! can override like any other: `batch-index.html`, the page, rendered
//! once, where `{{ state.list }}` marks the place of each state's ads; and
//! `batch-index-ad.html`, one ad, rendered for each ad and streamed into
//! those places (so a page of a million ads never sits in memory as
//! template data). This module only gathers what the templates are given.

use serde::Serialize;

use crate::model::{Location, Workplace};

/// The name of the index page's template.
pub(crate) const TEMPLATE: &str = "batch-index.html";

/// The name of the template of one ad of the index.
pub(crate) const AD_TEMPLATE: &str = "batch-index-ad.html";

/// What `state.list` prints: an HTML comment that no escaped value can
/// make, replaced by the state's ads.
pub(crate) fn marker(code: &str) -> String {
    format!("{MARKER_START}{code}{MARKER_END}")
}

const MARKER_START: &str = "<!--hirekit:ads:";
const MARKER_END: &str = "-->";

/// Splits rendered page text at its first marker: the text before it, the
/// state code it names, and the text after it.
pub(crate) fn split_marker(page: &str) -> Option<(&str, &str, &str)> {
    let at = page.find(MARKER_START)?;
    let after = &page[at + MARKER_START.len()..];
    let end = after.find(MARKER_END)?;
    Some((&page[..at], &after[..end], &after[end + MARKER_END.len()..]))
}

/// What the index template receives (besides `hirekit` and `company`).
#[derive(Debug, Serialize)]
pub(crate) struct IndexPage<'a> {
    /// Ads on the page.
    pub ads: usize,
    /// Whether ads of several documents are listed (then each names its
    /// document).
    pub several_docs: bool,
    /// The states, in page order (empty for the ad template).
    pub states: Vec<IndexState<'a>>,
}

/// One state's section.
#[derive(Debug, Serialize)]
pub(crate) struct IndexState<'a> {
    /// USPS code, e.g. `MI`.
    pub code: &'a str,
    /// Full name, e.g. `Michigan`.
    pub name: &'a str,
    /// An id for links to the section, e.g. `state-mi`.
    pub anchor: String,
    /// How many ads it has.
    pub count: usize,
    /// Where its ads go, by city (`{{ state.list }}`): a marker, marked
    /// safe so that the page template prints it as it is.
    pub list: tera::Value,
}

/// One ad.
#[derive(Debug, Serialize)]
pub(crate) struct IndexAd<'a> {
    /// The role's title.
    pub title: &'a str,
    /// The document, e.g. `job-post`.
    pub doc: &'a str,
    /// The hiring company: the row's, else the company profile's (may be
    /// empty).
    pub company: &'a str,
    /// The city (may be empty).
    pub city: &'a str,
    /// `Detroit, MI`.
    pub place: String,
    /// The location's id.
    pub location: &'a str,
    /// The offered pay, e.g. `$18.50 - $22.00 per hour`; empty when the
    /// row offers none (a market average is not the job's pay).
    pub pay: &'a str,
    /// `Full-time`, `Part-time`, ... or empty.
    pub employment_type: &'static str,
    /// `Remote`, `Hybrid` or empty (on site).
    pub workplace: &'static str,
    /// The posting date, `YYYY-MM-DD` (empty when unknown).
    pub date_posted: String,
    /// The posting date for people, e.g. `December 1, 2026`.
    pub posted: String,
    /// The main link (the HTML page when there is one), relative and
    /// percent-encoded.
    pub url: String,
    /// Every file of the ad: `{format, url}`, the main one first.
    pub files: Vec<IndexFile>,
}

/// One file of an ad.
#[derive(Debug, Serialize)]
pub(crate) struct IndexFile {
    /// `html`, `md`, ...
    pub format: &'static str,
    /// `Web page`, `Markdown`, `Plain text`, `JSON`, `Word`.
    pub label: &'static str,
    /// Relative, percent-encoded.
    pub url: String,
}

/// A format's name for people.
pub(crate) fn format_label(format: crate::render::Format) -> &'static str {
    use crate::render::Format;
    match format {
        Format::Html => "Web page",
        Format::Md => "Markdown",
        Format::Txt => "Plain text",
        Format::Json => "JSON",
        Format::Docx => "Word",
    }
}

/// Offered pay as candidates read it: `$18.50–$22.00 an hour`,
/// `$52,000 a year`.
pub(crate) fn pay_text(offered: &crate::pay::Offered) -> String {
    use crate::engine::filters::usd;
    use crate::model::PayPeriod;
    let (decimals, per) = match offered.period {
        PayPeriod::Hour => (Some(2), "an hour"),
        PayPeriod::Year => (Some(0), "a year"),
    };
    match (offered.min, offered.max) {
        (Some(lo), Some(hi)) if lo != hi => {
            format!("{}\u{2013}{} {per}", usd(lo, decimals), usd(hi, decimals))
        }
        (Some(v), None) if v > 0.0 => format!("From {} {per}", usd(v, decimals)),
        (None, Some(v)) => format!("Up to {} {per}", usd(v, decimals)),
        (Some(v), _) => format!("{} {per}", usd(v, decimals)),
        (None, None) => String::new(),
    }
}

/// Employment types as candidates read them, by the code [`type_code`]
/// gives (0 is none).
const TYPE_LABELS: [&str; 9] = [
    "",
    "Full-time",
    "Part-time",
    "Contract",
    "Temporary",
    "Internship",
    "Volunteer",
    "Per diem",
    "Other",
];

/// A location's employment type in one byte (its place in
/// `EMPLOYMENT_TYPES`, plus one; 0 when it has none).
pub(crate) fn type_code(loc: &Location) -> u8 {
    crate::load::locations::EMPLOYMENT_TYPES
        .iter()
        .position(|t| *t == loc.employment_type)
        .and_then(|i| u8::try_from(i + 1).ok())
        .unwrap_or(0)
}

/// The label of a [`type_code`].
pub(crate) fn type_label(code: u8) -> &'static str {
    TYPE_LABELS.get(usize::from(code)).copied().unwrap_or("")
}

/// A workplace in one byte.
pub(crate) fn workplace_code(w: Workplace) -> u8 {
    match w {
        Workplace::Onsite => 0,
        Workplace::Hybrid => 1,
        Workplace::Remote => 2,
    }
}

/// The label of a [`workplace_code`].
pub(crate) fn workplace_label(code: u8) -> &'static str {
    match code {
        1 => "Hybrid",
        2 => "Remote",
        _ => "",
    }
}

/// A date as US readers write it, as documents show it (filter `us_date`):
/// `December 1, 2026`.
pub(crate) fn us_date(d: crate::lint::Date) -> String {
    crate::text::format::us_date(&d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Date;

    #[test]
    fn markers_split_the_page() {
        let page = format!("a{}b{}c", marker("CO"), marker("TX"));
        let (before, code, rest) = split_marker(&page).unwrap();
        assert_eq!((before, code), ("a", "CO"));
        let (before, code, rest) = split_marker(rest).unwrap();
        assert_eq!((before, code, rest), ("b", "TX", "c"));
        assert!(split_marker(rest).is_none());
        // Escaped text cannot hold one.
        assert!(split_marker("&lt;!--hirekit:ads:CO--&gt;").is_none());
    }

    #[test]
    fn labels_for_candidates() {
        let mut loc = Location::default();
        assert_eq!(type_label(type_code(&loc)), "");
        loc.employment_type = "PART_TIME".into();
        assert_eq!(type_label(type_code(&loc)), "Part-time");
        loc.employment_type = "PER_DIEM".into();
        assert_eq!(type_label(type_code(&loc)), "Per diem");
        assert_eq!(workplace_label(workplace_code(Workplace::Remote)), "Remote");
        assert_eq!(workplace_label(workplace_code(Workplace::Onsite)), "");
        assert_eq!(
            us_date(Date::parse("2026-12-01").unwrap()),
            "December 1, 2026"
        );
        let o = |min, max, period| crate::pay::Offered { min, max, period };
        use crate::model::PayPeriod::{Hour, Year};
        assert_eq!(
            pay_text(&o(Some(18.5), Some(22.0), Hour)),
            "$18.50\u{2013}$22.00 an hour"
        );
        assert_eq!(
            pay_text(&o(Some(52000.0), None, Year)),
            "From $52,000 a year"
        );
        assert_eq!(pay_text(&o(None, Some(30.0), Hour)), "Up to $30.00 an hour");
        assert_eq!(pay_text(&o(Some(20.0), Some(20.0), Hour)), "$20.00 an hour");
    }
}
