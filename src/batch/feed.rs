//! The Indeed XML job feed a batch writes about its ads (`--feed indeed`),
//! and the URL paths of ads. Text only; the pipeline decides where it goes.
//!
//! Indeed's format: a `<source>` with one `<job>` per posting, every value
//! in CDATA (Indeed does not read HTML entities). See Indeed's "XML job
//! feed" reference: `referencenumber` is unique per posting and location,
//! `requisitionid` is shared by every location of the same job.

use crate::pay::Offered;

/// Appends `<![CDATA[s]]>`. A `]]>` inside the value is split across two
/// sections, and characters XML 1.0 forbids are left out.
pub(crate) fn push_cdata(out: &mut String, s: &str) {
    out.push_str("<![CDATA[");
    let mut rest = s;
    while let Some(i) = rest.find("]]>") {
        push_xml_chars(out, &rest[..i + 2]);
        out.push_str("]]><![CDATA[>");
        rest = &rest[i + 3..];
    }
    push_xml_chars(out, rest);
    out.push_str("]]>");
}

fn push_xml_chars(out: &mut String, s: &str) {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (!c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if s.chars().all(allowed) {
        out.push_str(s);
    } else {
        out.extend(s.chars().filter(|c| allowed(*c)));
    }
}

/// Appends `<name><![CDATA[value]]></name>` and a newline.
fn element(out: &mut String, name: &str, value: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_cdata(out, value);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// Indeed's `jobtype` for a schema.org employment type.
pub(crate) fn jobtype(employment_type: &str) -> Option<&'static str> {
    match employment_type {
        "FULL_TIME" => Some("fulltime"),
        "PART_TIME" => Some("parttime"),
        "CONTRACTOR" => Some("contract"),
        "TEMPORARY" => Some("temporary"),
        "INTERN" => Some("internship"),
        "PER_DIEM" => Some("perdiem"),
        "VOLUNTEER" => Some("volunteer"),
        _ => None,
    }
}

/// The offered pay as one line: `$18.50 - $22.00 per hour`.
pub(crate) fn salary(offered: &Offered) -> String {
    use crate::engine::filters::usd;
    use crate::model::PayPeriod;
    let (decimals, per) = match offered.period {
        PayPeriod::Hour => (Some(2), "per hour"),
        PayPeriod::Year => (Some(0), "per year"),
    };
    match (offered.min, offered.max) {
        (Some(lo), Some(hi)) if lo != hi => {
            format!("{} - {} {per}", usd(lo, decimals), usd(hi, decimals))
        }
        (Some(v), _) | (None, Some(v)) => format!("{} {per}", usd(v, decimals)),
        (None, None) => String::new(),
    }
}

/// One `<job>` of the feed. Required elements are always written, empty
/// when unknown (the caller warns); optional ones only when known.
#[derive(Debug, Default)]
pub(crate) struct FeedJob<'a> {
    /// The job title only.
    pub title: &'a str,
    /// First published, ISO 8601.
    pub date: &'a str,
    /// Unique per posting and location.
    pub reference: &'a str,
    /// Shared by every location of the job.
    pub requisition: &'a str,
    /// The job's description page.
    pub url: &'a str,
    /// The brand shown in search results.
    pub company: &'a str,
    /// The hiring organization.
    pub sourcename: &'a str,
    /// City.
    pub city: &'a str,
    /// USPS state code.
    pub state: &'a str,
    /// Country code.
    pub country: &'a str,
    /// Postal code (optional).
    pub postalcode: &'a str,
    /// Street address of the workplace (optional).
    pub streetaddress: &'a str,
    /// Contact email.
    pub email: &'a str,
    /// The post as HTML (the same text as the page at `url`).
    pub description: &'a str,
    /// The offered pay (optional).
    pub salary: &'a str,
    /// `fulltime`, `parttime`, ... (optional).
    pub jobtype: &'a str,
    /// End of active hiring (optional).
    pub expirationdate: &'a str,
    /// `Fully remote` or `Hybrid remote` (optional).
    pub remotetype: &'a str,
}

impl FeedJob<'_> {
    /// The `<job>` element.
    pub(crate) fn to_xml(&self) -> String {
        let mut out = String::with_capacity(self.description.len() + 1024);
        out.push_str("<job>\n");
        for (name, value) in [
            ("title", self.title),
            ("date", self.date),
            ("referencenumber", self.reference),
            ("requisitionid", self.requisition),
            ("url", self.url),
            ("company", self.company),
            ("sourcename", self.sourcename),
            ("city", self.city),
            ("state", self.state),
            ("country", self.country),
        ] {
            element(&mut out, name, value);
        }
        for (name, value) in [
            ("postalcode", self.postalcode),
            ("streetaddress", self.streetaddress),
        ] {
            if !value.is_empty() {
                element(&mut out, name, value);
            }
        }
        element(&mut out, "email", self.email);
        element(&mut out, "description", self.description);
        for (name, value) in [
            ("salary", self.salary),
            ("jobtype", self.jobtype),
            ("expirationdate", self.expirationdate),
            ("remotetype", self.remotetype),
        ] {
            if !value.is_empty() {
                element(&mut out, name, value);
            }
        }
        out.push_str("</job>\n");
        out
    }

    /// The names of required elements that are empty.
    pub(crate) fn missing(&self) -> Vec<&'static str> {
        [
            ("date", self.date),
            ("url", self.url),
            // `sourcename` comes from the same values as `company`.
            ("company", self.company),
            ("email", self.email),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(n, _)| n)
        .collect()
    }
}

/// The feed's opening: the XML declaration, `<source>` and the publisher.
pub(crate) fn feed_head(publisher: &str, publisher_url: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source>\n");
    element(&mut out, "publisher", publisher);
    if !publisher_url.is_empty() {
        element(&mut out, "publisherurl", publisher_url);
    }
    out
}

/// The feed's end.
pub(crate) const FEED_TAIL: &str = "</source>\n";

/// A relative path as a URL path: bytes other than ASCII letters, digits,
/// `-._~/` are percent-encoded.
pub(crate) fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    push_url_path(&mut out, path);
    out
}

/// Appends [`url_path`] of `path` to `out`.
fn push_url_path(out: &mut String, path: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PayPeriod;

    fn cdata(s: &str) -> String {
        let mut out = String::new();
        push_cdata(&mut out, s);
        out
    }

    #[test]
    fn cdata_splits_its_terminator_and_drops_forbidden_characters() {
        assert_eq!(cdata("a <b> & c"), "<![CDATA[a <b> & c]]>");
        assert_eq!(cdata("x]]>y"), "<![CDATA[x]]]]><![CDATA[>y]]>");
        assert_eq!(
            cdata("]]>]]>"),
            "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>"
        );
        assert_eq!(cdata("a\u{1}b\u{FFFF}\tc"), "<![CDATA[ab\tc]]>");
    }

    #[test]
    fn cdata_round_trips_through_a_reader() {
        // Undo the encoding the way an XML reader does: take the text
        // inside each CDATA section and join the pieces.
        for s in ["plain", "x]]>y", "]]>", "a]]b>c", "]]]>>"] {
            let enc = cdata(s);
            let mut decoded = String::new();
            let mut rest = enc.as_str();
            while let Some(start) = rest.find("<![CDATA[") {
                let body = &rest[start + 9..];
                let end = body.find("]]>").unwrap();
                decoded.push_str(&body[..end]);
                rest = &body[end + 3..];
            }
            assert_eq!(decoded, s, "{enc}");
        }
    }

    #[test]
    fn job_has_every_required_element() {
        let job = FeedJob {
            title: "Customer Service Representative",
            date: "2026-11-24",
            reference: "csr-det-1",
            requisition: "csr",
            url: "https://jobs.example.com/csr/det-1.html?source=Indeed",
            company: "Acme",
            sourcename: "Acme",
            city: "Detroit",
            state: "MI",
            country: "US",
            email: "jobs@example.com",
            description: "<p>Hi</p>",
            jobtype: "fulltime",
            ..FeedJob::default()
        };
        let xml = job.to_xml();
        for name in [
            "title",
            "date",
            "referencenumber",
            "requisitionid",
            "url",
            "company",
            "sourcename",
            "city",
            "state",
            "country",
            "email",
            "description",
            "jobtype",
        ] {
            assert!(xml.contains(&format!("<{name}><![CDATA[")), "{name}: {xml}");
        }
        assert!(!xml.contains("<salary>") && !xml.contains("<postalcode>"));
        assert!(job.missing().is_empty());
        assert_eq!(FeedJob::default().missing().len(), 4);
    }

    #[test]
    fn salaries_and_job_types() {
        let o = |min, max, period| Offered { min, max, period };
        assert_eq!(
            salary(&o(Some(18.5), Some(22.0), PayPeriod::Hour)),
            "$18.50 - $22.00 per hour"
        );
        assert_eq!(
            salary(&o(Some(52000.0), None, PayPeriod::Year)),
            "$52,000 per year"
        );
        assert_eq!(jobtype("PART_TIME"), Some("parttime"));
        assert_eq!(jobtype(""), None);
    }
}
