//! Parsing `--location "City, ST"`.

use anyhow::{Result, bail};

use crate::model::Location;
use crate::states;
use crate::text::slug;

/// Parses `"Detroit, MI"` (or `"Detroit, Michigan"`, or just `"MI"`) into a
/// location in the United States.
pub fn parse_arg(arg: &str) -> Result<Location> {
    let (city, state) = match arg.rsplit_once(',') {
        Some((c, s)) => (c.trim(), s.trim()),
        None => ("", arg.trim()),
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
    fn unknown_state_is_refused() {
        let err = parse_arg("Springfield, XX").unwrap_err().to_string();
        assert!(err.contains("\"XX\""), "{err}");
    }
}
