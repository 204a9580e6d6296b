//! schema.org `JobPosting` as JSON-LD, for the HTML page of a job post:
//! what Google for Jobs reads.
//!
//! The posting is built as data (serde types, serialized by serde_json) and
//! then made safe to sit in a `<script>` element: `<`, `>` and `&` become
//! `\u003c`, `\u003e` and `\u0026`, and U+2028/U+2029 are escaped, so no
//! value can close the script, open a comment or break a JavaScript parser.
//!
//! Rules (docs/web-pages.md explains them):
//! - `baseSalary` comes only from the employer's offered range on the
//!   location row; the BLS mean wage the page quotes goes in
//!   `estimatedSalary`, never in `baseSalary`, and only when the page
//!   shows it (not beside an offered range, unless asked).
//! - `datePosted` is the row's `date_posted`, else the date the caller
//!   gives (`--date`, today, or for `batch` the date an ad was first
//!   posted); `validThrough` comes only from the row. Nothing here reads
//!   the clock, so the same inputs give the same bytes.
//! - `hiringOrganization` is the row's `company`, else the company file's
//!   name; with neither it is left out (`render` warns, `lint` reports it).
//! - `educationRequirements` and `experienceRequirements` come from the
//!   profile's `education` and `experience_months` (a profile drafted from
//!   the occupation library has them from O*NET's medians).
//! - `baseSalary` is in the row's `currency` (USD when it has none).
//! - A remote row gets `jobLocationType: TELECOMMUTE` and
//!   `applicantLocationRequirements` instead of `jobLocation`.
//! - `directApply` is `true` only when the row has its own `apply_url`.

use std::io;

use serde::Serialize;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use crate::model::{Location, PayPeriod, Role, Workplace};
use crate::pay::ResolvedPay;
use crate::render::context::CompanyView;

/// What a posting is built from.
pub(crate) struct PostingInput<'a> {
    /// The role.
    pub role: &'a Role,
    /// The company (possibly none given).
    pub company: &'a CompanyView,
    /// The location, when the post is for one.
    pub location: Option<&'a Location>,
    /// The pay resolved for the location.
    pub pay: &'a ResolvedPay,
    /// The job post as description HTML ([`description_html`]).
    pub description: &'a str,
    /// The posting date when the location gives none.
    pub date_posted: Option<crate::lint::Date>,
}

/// A schema.org `JobPosting`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JobPosting {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<PropertyValue>,
    #[serde(skip_serializing_if = "String::is_empty")]
    date_posted: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    valid_through: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    employment_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hiring_organization: Option<Organization>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant_location_requirements: Option<Country>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direct_apply: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education_requirements: Option<EducationRequirements>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience_requirements: Option<ExperienceRequirements>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_salary: Option<MonetaryAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    estimated_salary: Option<MonetaryAmount>,
    #[serde(skip_serializing_if = "String::is_empty")]
    occupational_category: String,
}

#[derive(Debug, Serialize)]
struct PropertyValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    name: String,
    value: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    same_as: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    logo: String,
}

/// schema.org `EducationalOccupationalCredential`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct EducationRequirements {
    #[serde(rename = "@type")]
    kind: &'static str,
    credential_category: &'static str,
}

/// schema.org `OccupationalExperienceRequirements`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ExperienceRequirements {
    #[serde(rename = "@type")]
    kind: &'static str,
    months_of_experience: u32,
}

#[derive(Debug, Serialize)]
struct Place {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: PostalAddress,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    street_address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    address_locality: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    address_region: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    postal_code: String,
    address_country: String,
}

#[derive(Debug, Serialize)]
struct Country {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

#[derive(Debug, Serialize)]
struct MonetaryAmount {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    name: String,
    currency: String,
    value: QuantitativeValue,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct QuantitativeValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_value: Option<f64>,
    unit_text: &'static str,
}

/// Whether a posting for this company and location names its
/// `hiringOrganization` (which Google for Jobs requires): the row names a
/// company, or a company profile with a name was given.
pub(crate) fn has_organization(company: &CompanyView, location: Option<&Location>) -> bool {
    location.is_some_and(|l| !l.company.trim().is_empty())
        || (company.given && !company.profile.name.trim().is_empty())
}

/// What `render` and `batch` say when a job post's page has no
/// `hiringOrganization`.
pub(crate) const NO_ORGANIZATION: &str = "the job post's JobPosting has no hiringOrganization, which Google for Jobs requires, because no company is known";

/// Builds the posting.
pub(crate) fn job_posting(input: &PostingInput<'_>) -> JobPosting {
    let location = input.location;
    let company = input.company;
    let row_company = location.map_or("", |l| l.company.trim());
    let organization = if !row_company.is_empty() && row_company != company.profile.name {
        // A client named on the row: the company file's site and logo are
        // not its own.
        Some(Organization {
            kind: "Organization",
            name: row_company.to_string(),
            same_as: String::new(),
            logo: String::new(),
        })
    } else if company.given && !company.profile.name.trim().is_empty() {
        Some(Organization {
            kind: "Organization",
            name: company.profile.name.clone(),
            same_as: company.profile.website.clone(),
            logo: company.profile.logo.clone(),
        })
    } else {
        None
    };
    let remote = location.is_some_and(|l| l.workplace == Workplace::Remote);
    let identifier = PropertyValue {
        kind: "PropertyValue",
        name: organization
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        value: match location {
            Some(l) => format!("{}-{}", input.role.id, l.id),
            None => input.role.id.clone(),
        },
    };
    JobPosting {
        context: "https://schema.org/",
        kind: "JobPosting",
        title: input.role.title.clone(),
        description: input.description.to_string(),
        identifier: Some(identifier),
        date_posted: match location.map(|l| l.date_posted.as_str()) {
            Some(d) if !d.is_empty() => d.to_string(),
            _ => input.date_posted.map(|d| d.to_string()).unwrap_or_default(),
        },
        valid_through: location
            .map(|l| l.valid_through.clone())
            .unwrap_or_default(),
        employment_type: location
            .map(|l| l.employment_type.clone())
            .unwrap_or_default(),
        hiring_organization: organization,
        job_location: location.filter(|_| !remote).map(|l| Place {
            kind: "Place",
            address: PostalAddress {
                kind: "PostalAddress",
                street_address: l.street_address.clone(),
                address_locality: l.city.clone(),
                address_region: l.state.clone(),
                postal_code: l.postal_code.clone(),
                address_country: country(l),
            },
        }),
        job_location_type: remote.then_some("TELECOMMUTE"),
        applicant_location_requirements: location.filter(|_| remote).map(|l| Country {
            kind: "Country",
            name: country(l),
        }),
        direct_apply: location.filter(|l| !l.apply_url.is_empty()).map(|_| true),
        education_requirements: input.role.education.map(|c| EducationRequirements {
            kind: "EducationalOccupationalCredential",
            credential_category: c.as_str(),
        }),
        experience_requirements: input.role.experience_months.filter(|m| *m > 0).map(|m| {
            ExperienceRequirements {
                kind: "OccupationalExperienceRequirements",
                months_of_experience: m,
            }
        }),
        base_salary: base_salary(input.pay, location),
        estimated_salary: estimated_salary(input.pay),
        occupational_category: input.role.soc_code.clone(),
    }
}

fn country(l: &Location) -> String {
    if l.country.is_empty() {
        "US".to_string()
    } else {
        l.country.clone()
    }
}

/// The employer's offered range, and nothing else, in the row's currency.
fn base_salary(pay: &ResolvedPay, location: Option<&Location>) -> Option<MonetaryAmount> {
    let offered = pay.offered.as_ref()?;
    let (value, min_value, max_value) = match (offered.min, offered.max) {
        (Some(lo), Some(hi)) if lo == hi => (Some(lo), None, None),
        (lo, hi) => (None, lo, hi),
    };
    Some(MonetaryAmount {
        kind: "MonetaryAmount",
        name: String::new(),
        currency: match location.map(|l| l.currency.as_str()) {
            Some(c) if !c.is_empty() => c.to_string(),
            _ => "USD".to_string(),
        },
        value: QuantitativeValue {
            kind: "QuantitativeValue",
            value,
            min_value,
            max_value,
            unit_text: match offered.period {
                PayPeriod::Hour => "HOUR",
                PayPeriod::Year => "YEAR",
            },
        },
    })
}

/// The BLS mean wage for the area (the figure the page quotes): annual
/// when BLS publishes it, else hourly. An estimate, never `baseSalary`,
/// and only where the page shows it: beside an offered range it is left
/// out, as the page leaves it out (unless `pay.market_beside_offer`).
fn estimated_salary(pay: &ResolvedPay) -> Option<MonetaryAmount> {
    if !pay.show_market {
        return None;
    }
    let market = pay.market.as_ref()?;
    let f = &market.figures;
    let (mean, unit_text) = match (f.annual_mean, f.hourly_mean) {
        (Some(annual), _) => (annual, "YEAR"),
        (None, Some(hourly)) => (hourly, "HOUR"),
        (None, None) => return None,
    };
    Some(MonetaryAmount {
        kind: "MonetaryAmount",
        name: format!(
            "Mean wage, {}{}: {}, {}",
            market.area_name,
            if market.scope == crate::pay::PayKind::Metro {
                " metro area"
            } else {
                ""
            },
            market.source,
            market.survey
        ),
        // BLS publishes wages in US dollars.
        currency: "USD".to_string(),
        value: QuantitativeValue {
            kind: "QuantitativeValue",
            value: Some(mean),
            min_value: None,
            max_value: None,
            unit_text,
        },
    })
}

/// The posting as JSON that can sit inside `<script type="application/ld+json">`.
pub(crate) fn to_script_json(posting: &JobPosting) -> Result<String, serde_json::Error> {
    let mut json = Vec::with_capacity(posting.description.len() * 5 / 4 + 2048);
    let formatter = ScriptSafe(serde_json::ser::PrettyFormatter::new());
    posting.serialize(&mut serde_json::Serializer::with_formatter(
        &mut json, formatter,
    ))?;
    // serde_json writes UTF-8 only; the fallback cannot happen.
    Ok(String::from_utf8(json).unwrap_or_default())
}

#[cfg(test)]
/// Escapes the characters that could end a `<script>` element or confuse a
/// JavaScript parser. They can only occur inside JSON strings, where the
/// `\uXXXX` form means the same. ([`to_script_json`] escapes them as it
/// writes.)
pub(crate) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    let pushed: Result<(), std::convert::Infallible> = replace_runs(json, script_escape, |s| {
        out.push_str(s);
        Ok(())
    });
    let Ok(()) = pushed;
    out
}

/// What [`script_safe`] puts for a byte (given the bytes after it), and
/// how many bytes that replaces.
fn script_escape(b: u8, rest: &[u8]) -> Option<(&'static str, usize)> {
    match b {
        b'<' => Some(("\\u003c", 1)),
        b'>' => Some(("\\u003e", 1)),
        b'&' => Some(("\\u0026", 1)),
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
        0xE2 => match rest {
            [0x80, 0xA8, ..] => Some(("\\u2028", 3)),
            [0x80, 0xA9, ..] => Some(("\\u2029", 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Pretty JSON with [`script_safe`]'s escapes made in every string as it
/// is written.
struct ScriptSafe(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        replace_runs(fragment, script_escape, |s| w.write_all(s.as_bytes()))
    }

    // The layout is the pretty formatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Hands `s` to `put` in pieces, with what `pick` returns for a byte
/// (given the bytes after it) in place of that many bytes. Runs of bytes
/// with no replacement go whole, which is what makes this fast on long
/// texts with few characters to escape. `pick` must only match at the
/// start of a character.
fn replace_runs<E>(
    s: &str,
    pick: impl Fn(u8, &[u8]) -> Option<(&'static str, usize)>,
    mut put: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match pick(bytes[i], &bytes[i + 1..]) {
            Some((with, n)) => {
                put(&s[copied..i])?;
                put(with)?;
                i += n;
                copied = i;
            }
            None => i += 1,
        }
    }
    put(&s[copied..])
}

#[cfg(test)]
/// The job post's Markdown as the HTML Google reads in a description:
/// only `p`, `ul`, `li`, `br` and `strong`. The title heading is left out
/// (the posting has its own `title`); other headings become bold
/// paragraphs; links keep their text; numbered lists become bullets;
/// table rows become paragraphs with their cells joined by `; `.
pub(crate) fn description_html(markdown: &str) -> String {
    description_from_events(pulldown_cmark::Parser::new_ext(
        markdown,
        super::markdown::options(),
    ))
}

/// [`description_html`] of Markdown already parsed (raw HTML may have
/// been turned into text and unsafe links dropped: the description keeps
/// only text of those anyway).
pub(crate) fn description_from_events<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut w = Description {
        out: String::with_capacity(4096),
        ..Description::default()
    };
    for event in events {
        w.event(event);
    }
    w.out
}

#[derive(Default)]
struct Description {
    out: String,
    /// Open list items, and whether each has had a block yet.
    items: Vec<bool>,
    /// Inside the title heading.
    skipping: bool,
    /// The table row being read, and the cell.
    cells: Vec<String>,
    cell: Option<String>,
    /// The last text ended a line (in a code or HTML block).
    line_ended: bool,
}

impl Description {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.skipping = level == HeadingLevel::H1;
                if !self.skipping {
                    self.block_start();
                    self.out.push_str("<strong>");
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let was_title = std::mem::take(&mut self.skipping);
                if !was_title {
                    self.out.push_str("</strong>");
                    self.block_end();
                }
            }
            _ if self.skipping => {}
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock) => self.block_start(),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                self.block_end()
            }
            Event::Start(Tag::List(_)) => {
                if let Some(started) = self.items.last_mut() {
                    *started = true;
                }
                self.out.push_str("<ul>");
            }
            Event::End(TagEnd::List(_)) => self.out.push_str("</ul>"),
            Event::Start(Tag::Item) => {
                self.items.push(false);
                self.out.push_str("<li>");
            }
            Event::End(TagEnd::Item) => {
                self.items.pop();
                self.out.push_str("</li>");
            }
            Event::Start(Tag::Strong) => self.out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => self.out.push_str("</strong>"),
            Event::Start(Tag::TableHead | Tag::TableRow) => self.cells.clear(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let row = self.cells.join("; ");
                self.block_start();
                escape_text(&mut self.out, &row);
                self.block_end();
            }
            Event::Start(Tag::TableCell) => self.cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => self.cells.extend(self.cell.take()),
            Event::Text(s) | Event::Code(s) | Event::Html(s) | Event::InlineHtml(s) => {
                self.text(&s)
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => match &mut self.cell {
                Some(c) => c.push(' '),
                None => self.out.push_str("<br>"),
            },
            _ => {}
        }
    }

    /// Opens a block: a `<p>`, or inside a list item a `<br>` after the
    /// item's first block.
    fn block_start(&mut self) {
        self.line_ended = false;
        match self.items.last_mut() {
            Some(started) => {
                if *started {
                    self.out.push_str("<br>");
                }
                *started = true;
            }
            None => self.out.push_str("<p>"),
        }
    }

    fn block_end(&mut self) {
        self.line_ended = false;
        if self.items.is_empty() {
            self.out.push_str("</p>");
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(c) = &mut self.cell {
            c.push_str(&s.replace('\n', " "));
            return;
        }
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.line_ended = true;
            }
            if line.is_empty() {
                continue;
            }
            if std::mem::take(&mut self.line_ended) {
                self.out.push_str("<br>");
            }
            escape_text(&mut self.out, line);
        }
    }
}

fn escape_text(out: &mut String, s: &str) {
    let escape = |b, _: &[u8]| match b {
        b'&' => Some(("&amp;", 1)),
        b'<' => Some(("&lt;", 1)),
        b'>' => Some(("&gt;", 1)),
        _ => None,
    };
    let pushed: Result<(), std::convert::Infallible> = replace_runs(s, escape, |s| {
        out.push_str(s);
        Ok(())
    });
    let Ok(()) = pushed;
}

#[cfg(test)]
mod tests;
