//! Parsing `--location "City, ST"`.

use anyhow::{Result, bail};

use crate::model::Location;
use crate::states;
use crate::text::slug;

/// Parses `"Detroit, MI"` (or `"Detroit, Michigan"`, `"Detroit MI"`
/// without the comma, or just `"MI"`) into a location in the United States.
pub fn parse_arg(arg: &str) -> Result<Location> {
    let (city, state) = match arg.rsplit_once(',') {
        Some((c, s)) => (c.trim(), s.trim()),
        None => split_without_comma(arg.trim()),
    };
    let Some(code) = states::code(state) else {
        bail!(
            "unknown state {state:?} in location {arg:?}; expected \"City, ST\" with a USPS state code such as \"Detroit, MI\""
        );
    };
    if city.chars().any(char::is_control) {
        bail!("location {arg:?} has a control character in the city");
    }
    Ok(Location {
        id: slug(&format!("{code}-{city}")),
        city: city.to_string(),
        state: code.to_string(),
        state_name: states::name(code).unwrap_or(code).to_string(),
        country: "US".to_string(),
        ..Location::default()
    })
}

/// `"Detroit MI"`, `"Raleigh North Carolina"`: the last one to three words
/// that name a state (the longest that does), the rest the city. A text
/// that is a state as a whole stays a state alone.
fn split_without_comma(arg: &str) -> (&str, &str) {
    if states::code(arg).is_some() {
        return ("", arg);
    }
    let starts: Vec<usize> = arg
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| i + 1)
        .collect();
    for &start in starts.iter().rev().take(3).rev() {
        let (city, state) = (arg[..start].trim(), arg[start..].trim());
        if !city.is_empty() && states::code(state).is_some() {
            return (city, state);
        }
    }
    ("", arg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_and_state() {
        let l = parse_arg("Detroit, MI").unwrap();
        assert_eq!((l.city.as_str(), l.state.as_str()), ("Detroit", "MI"));
        assert_eq!(l.state_name, "Michigan");
        assert_eq!(l.id, "mi-detroit");
        let l = parse_arg("Winston-Salem, North Carolina").unwrap();
        assert_eq!(l.state, "NC");
        assert_eq!(parse_arg("TX").unwrap().city, "");
    }

    #[test]
    fn the_comma_may_be_left_out() {
        for (arg, city, state) in [
            ("Detroit MI", "Detroit", "MI"),
            ("Salt Lake City UT", "Salt Lake City", "UT"),
            ("Raleigh North Carolina", "Raleigh", "NC"),
            ("Washington District of Columbia", "Washington", "DC"),
            ("New York", "", "NY"),
        ] {
            let l = parse_arg(arg).unwrap();
            assert_eq!((l.city.as_str(), l.state.as_str()), (city, state), "{arg}");
        }
        assert!(parse_arg("Detroit Michigann").is_err());
    }

    #[test]
    fn unknown_state_is_refused() {
        let err = parse_arg("Springfield, XX").unwrap_err().to_string();
        assert!(err.contains("\"XX\""), "{err}");
    }
}
