//! US states and territories: USPS codes and names.
//!
//! Source: USPS Publication 28, Appendix B (state and territory abbreviations).

/// `(USPS code, name)` for the 50 states, DC and the five inhabited territories.
pub(crate) const STATES: [(&str, &str); 56] = [
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("AS", "American Samoa"),
    ("GU", "Guam"),
    ("MP", "Northern Mariana Islands"),
    ("PR", "Puerto Rico"),
    ("VI", "Virgin Islands"),
];

/// The name for a USPS code, case-insensitive.
pub(crate) fn name(code: &str) -> Option<&'static str> {
    STATES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, n)| *n)
}

/// The USPS code for a code or a full name, case-insensitive
/// (`mi`, `Michigan`, `U.S. Virgin Islands` → `VI`).
pub fn code(code_or_name: &str) -> Option<&'static str> {
    let s = code_or_name.trim();
    let s = s.strip_prefix("U.S. ").unwrap_or(s);
    STATES
        .iter()
        .find(|(c, n)| c.eq_ignore_ascii_case(s) || n.eq_ignore_ascii_case(s))
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_resolve_both_ways() {
        for (input, expected) in [
            ("MI", Some("MI")),
            ("mi", Some("MI")),
            ("Michigan", Some("MI")),
            ("district of columbia", Some("DC")),
            ("U.S. Virgin Islands", Some("VI")),
            ("Guam", Some("GU")),
            ("ZZ", None),
            ("", None),
        ] {
            assert_eq!(code(input), expected, "{input}");
        }
        assert_eq!(name("ca"), Some("California"));
        assert_eq!(name("XX"), None);
    }

    #[test]
    fn table_has_unique_codes() {
        let mut codes: Vec<_> = STATES.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), STATES.len());
    }
}
