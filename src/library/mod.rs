//! The occupation library: every O*NET 29.3 occupation that has tasks,
//! and BLS OEWS May 2025 pay for every occupation code in every area,
//! embedded in the binary and decoded on demand.
//!
//! Depends on `model`, `builtin` (the embedded bytes) and `states`; the
//! commands depend on it, never the reverse. `build` writes the embedded
//! files from the raw public data (`hirekit occupations build`); `draft`
//! turns one occupation into a role profile.

pub(crate) mod build;
mod codec;
mod data;
pub(crate) mod draft;
pub(crate) mod metro;
pub(crate) mod model;
pub(crate) mod pay;
mod record;
pub(crate) mod search;

pub(crate) use data::Entry;
pub(crate) use metro::area;
pub(crate) use model::Occupation;
pub(crate) use pay::{AreaPay, Pay, Wage, pay};
pub(crate) use search::{MatchKind, search};

/// First string of the O*NET index, naming its format version.
pub(crate) const ONET_MAGIC: &str = "hirekit-onet-1";
/// First string of the OEWS index, naming its format version.
pub(crate) const OEWS_MAGIC: &str = "hirekit-oews-1";

/// O*NET's credit line, which anything built from O*NET data must carry
/// (CC BY 4.0).
pub const ONET_CREDIT: &str = "This product includes information from the O*NET 29.3 Database \
by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). \
Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// The short source line of O*NET content.
pub(crate) const ONET_SOURCE: &str = "O*NET 29.3 Database, USDOL/ETA (CC BY 4.0)";

/// Every occupation in the library, sorted by O*NET-SOC code. Cheap: no
/// record is decoded.
pub(crate) fn occupations() -> &'static [Entry] {
    &data::index().entries
}

/// The occupations that share a six-digit SOC code (`43-4051`, `434051`),
/// in code order; empty when the code is unknown or malformed.
pub(crate) fn variants(soc: &str) -> &'static [Entry] {
    let Some((soc, _)) = parse_code(soc) else {
        return &[];
    };
    let all = occupations();
    let start = all.partition_point(|e| e.soc.as_str() < soc.as_str());
    let end = start + all[start..].iter().take_while(|e| e.soc == soc).count();
    &all[start..end]
}

/// The library entry for a code: `43-4051`, `434051`, `43-4051.00` or
/// `35-3023.01`. A six-digit SOC code gives its `.00` occupation, or the
/// first O*NET code of that SOC when there is no `.00`.
pub(crate) fn entry(code: &str) -> Option<&'static Entry> {
    let (soc, suffix) = parse_code(code)?;
    let list = variants(&soc);
    match suffix {
        Some(s) => list.iter().find(|e| e.code.ends_with(&format!(".{s}"))),
        None => list
            .iter()
            .find(|e| e.code.ends_with(".00"))
            .or_else(|| list.first()),
    }
}

/// Everything the library holds for an occupation (see [`entry`] for the
/// codes accepted); `None` for a code the library does not have.
pub(crate) fn occupation(code: &str) -> Option<Occupation> {
    data::load(entry(code)?)
}

/// The O*NET release the library was built from, e.g. `O*NET 29.3`.
pub(crate) fn onet_release() -> &'static str {
    &data::index().release
}

/// Splits a code into `NN-NNNN` and an optional two-digit O*NET suffix.
pub(crate) fn parse_code(code: &str) -> Option<(String, Option<String>)> {
    let s = code.trim();
    let (main, suffix) = match s.split_once('.') {
        Some((m, x)) if x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit()) => {
            (m, Some(x.to_string()))
        }
        Some(_) => return None,
        None => (s, None),
    };
    let digits: String = match main.as_bytes() {
        [_, _, b'-', _, _, _, _] => main.replacen('-', "", 1),
        b if b.len() == 6 => main.to_string(),
        _ => return None,
    };
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((format!("{}-{}", &digits[..2], &digits[2..]), suffix))
}

#[cfg(test)]
mod tests;
