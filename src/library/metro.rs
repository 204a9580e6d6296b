//! Which OEWS area a place is in: a city and state matched to a metro area
//! through OMB's principal cities (2018 delineation) and, for metro areas
//! that list does not have, the city names of OEWS's own area titles; and
//! an area named by code or title (`--area`). Pure lookups over the
//! embedded index.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::pay::{Area, AreaKind, cities, index};

/// A place name folded for comparison: ASCII (accents dropped), lowercase,
/// punctuation as spaces, `st`/`ste` as `saint`/`sainte`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_words(s, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Calls `f` with each folded word of `s` (see [`fold`]), allocating once.
pub(crate) fn fold_words(s: &str, mut f: impl FnMut(&str)) {
    let ascii: std::borrow::Cow<'_, str> = if s.is_ascii() {
        s.into()
    } else {
        deunicode::deunicode(s).into()
    };
    let mut spaced = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        spaced.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            ' '
        });
    }
    for w in spaced.split_ascii_whitespace() {
        f(match w {
            "st" => "saint",
            "ste" => "sainte",
            "ft" => "fort",
            "mt" => "mount",
            w => w,
        });
    }
}

/// The cities and states a metro title names: `New York-Newark-Jersey
/// City, NY-NJ` → (`new york`, `newark`, `jersey city`), (`NY`, `NJ`).
fn title_places(title: &str) -> Option<(Vec<String>, Vec<&str>)> {
    let (cities, states) = title.rsplit_once(", ")?;
    Some((
        cities.split('-').map(fold).collect(),
        states.split('-').map(str::trim).collect(),
    ))
}

/// The metro area a city is in, for a principal city of one: by OMB's
/// principal-cities list first, else by the city names in OEWS's metro
/// titles. `state` is a USPS code or a state name. Case-, accent- and
/// `St.`-insensitive. `None` for a city that is no principal city (a
/// suburb, a small town): such a place takes its state's figures.
pub(crate) fn metro_area(city: &str, state: &str) -> Option<Area> {
    let usps = crate::states::code(state)?;
    let want = fold(city);
    if want.is_empty() {
        return None;
    }
    metro_area_folded(&want, usps).or_else(|| {
        // OMB and BLS write some cities with "City" that people leave out,
        // and the other way round: Boise City, ID; Oklahoma City, OK.
        match want.strip_suffix(" city") {
            Some(short) if !short.is_empty() => metro_area_folded(short, usps),
            _ => metro_area_folded(&format!("{want} city"), usps),
        }
    })
}

/// Principal cities by (USPS state code, folded city name), built once: a
/// batch looks a city up for every row.
fn city_index() -> &'static HashMap<(String, String), usize> {
    static CITY_INDEX: OnceLock<HashMap<(String, String), usize>> = OnceLock::new();
    CITY_INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for (city, state, area) in cities() {
            // The first listing of a city wins, as a scan in list order would.
            map.entry((state.clone(), fold(city))).or_insert(*area);
        }
        map
    })
}

/// A metro area by its index, with the folded cities and the states its
/// title names.
type TitledMetro = (usize, Vec<String>, Vec<String>);

/// Metro areas the 2018 list lacks (created or renamed since), with the
/// folded cities and the states their titles name, built once.
fn unlisted_metros() -> &'static [TitledMetro] {
    static UNLISTED: OnceLock<Vec<TitledMetro>> = OnceLock::new();
    UNLISTED.get_or_init(|| {
        let listed: std::collections::HashSet<usize> =
            cities().iter().map(|(_, _, a)| *a).collect();
        index()
            .areas
            .iter()
            .enumerate()
            .filter(|(i, a)| a.kind == AreaKind::Metro && !listed.contains(i))
            .filter_map(|(i, a)| {
                let (cities, states) = title_places(&a.title)?;
                Some((i, cities, states.iter().map(|s| s.to_string()).collect()))
            })
            .collect()
    })
}

fn metro_area_folded(want: &str, usps: &str) -> Option<Area> {
    let idx = index();
    let key = (usps.to_string(), want.to_string());
    if let Some(area) = city_index().get(&key).and_then(|a| idx.areas.get(*a)) {
        return Some(area.clone());
    }
    // Metro areas the 2018 list lacks are matched by the cities their
    // titles name.
    unlisted_metros()
        .iter()
        .find(|(_, cities, states)| {
            states.iter().any(|s| s == usps) && cities.iter().any(|c| c == want)
        })
        .and_then(|(i, _, _)| idx.areas.get(*i))
        .cloned()
}

/// An OEWS area named by the user: `US`, a state code or name (`MI`,
/// `Michigan`), an OEWS area code (`19820`, `26`), or a metro or nonmetro
/// area's title, whole (`Detroit-Warren-Dearborn, MI`) or as a
/// case-insensitive part of it when only one title has that part.
pub(crate) fn area(name: &str) -> Option<Area> {
    let idx = index();
    let s = name.trim();
    if s.is_empty() {
        return None;
    }
    if s.eq_ignore_ascii_case("US") || s.eq_ignore_ascii_case("U.S.") {
        return idx
            .areas
            .iter()
            .find(|a| a.kind == AreaKind::National)
            .cloned();
    }
    if let Some(usps) = crate::states::code(s) {
        return idx
            .areas
            .iter()
            .find(|a| matches!(a.kind, AreaKind::State | AreaKind::Territory) && a.state == usps)
            .cloned();
    }
    if let Some(a) = idx.areas.iter().find(|a| a.code == s) {
        return Some(a.clone());
    }
    let want = fold(s);
    if let Some(a) = idx.areas.iter().find(|a| fold(&a.title) == want) {
        return Some(a.clone());
    }
    let mut parts = idx
        .areas
        .iter()
        .filter(|a| a.kind.rank() >= 2 && fold(&a.title).contains(&want));
    match (parts.next(), parts.next()) {
        (Some(a), None) => Some(a.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_fold_case_accents_and_saint() {
        for (input, expected) in [
            ("St. Louis", "saint louis"),
            ("SAINT  LOUIS", "saint louis"),
            ("Cañon City", "canon city"),
            ("Winston-Salem", "winston salem"),
            ("Coeur d'Alene", "coeur d alene"),
        ] {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn metro_titles_split_into_cities_and_states() {
        let (cities, states) = title_places("New York-Newark-Jersey City, NY-NJ").unwrap();
        assert_eq!(cities, ["new york", "newark", "jersey city"]);
        assert_eq!(states, ["NY", "NJ"]);
    }

    #[test]
    fn cities_resolve_to_metro_areas_and_suburbs_to_none() {
        let code = |city: &str, state: &str| metro_area(city, state).map(|a| a.code);
        for (city, state, expected) in [
            ("Detroit", "MI", Some("19820")),
            ("detroit", "Michigan", Some("19820")),
            ("Troy", "MI", Some("19820")),
            ("Royal Oak", "MI", None),
            ("Detroit", "OH", None),
            ("St. Louis", "MO", Some("41180")),
            ("Saint Louis", "IL", None),
            ("Newark", "NJ", Some("35620")),
            // Metro areas newer than the 2018 list: by their titles.
            ("Cleveland", "OH", Some("17410")),
            ("Poughkeepsie", "New York", Some("28880")),
            ("the villages", "FL", Some("48680")),
            ("Shelton", "CT", Some("47930")),
            ("", "MI", None),
            ("Detroit", "ZZ", None),
        ] {
            assert_eq!(code(city, state).as_deref(), expected, "{city}, {state}");
        }
    }

    #[test]
    fn areas_resolve_by_code_name_and_title() {
        let code = |s: &str| area(s).map(|a| a.code);
        for (input, expected) in [
            ("US", Some("99")),
            ("MI", Some("26")),
            ("michigan", Some("26")),
            ("19820", Some("19820")),
            ("Detroit-Warren-Dearborn, MI", Some("19820")),
            ("detroit", Some("19820")),
            ("nowhere at all", None),
            ("", None),
        ] {
            assert_eq!(code(input).as_deref(), expected, "{input}");
        }
    }
}
