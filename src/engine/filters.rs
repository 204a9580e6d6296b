//! The custom filters templates use. Each is a plain function with a doc
//! comment and unit tests; `register_all` adds them to a Tera instance.
//! A filter that gets the wrong input fails with a message naming itself.

use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

pub(crate) use crate::text::format::{
    employment_type, lower_first, number, oxford, state_in_prose, us_date, usd,
};

/// Adds every custom filter to `tera`.
pub(crate) fn register_all(tera: &mut Tera) {
    tera.register_filter("usd", usd_filter);
    tera.register_filter("number", number_filter);
    tera.register_filter("state_name", state_name_filter);
    tera.register_filter("slug", slug_filter);
    tera.register_filter("oxford", oxford_filter);
    tera.register_filter("lower_first", lower_first_filter);
    tera.register_filter("cell", cell_filter);
    tera.register_filter("period", period_filter);
    tera.register_filter("us_date", us_date_filter);
    tera.register_filter("employment_type", employment_type_filter);
    tera.register_filter("state_in_prose", state_in_prose_filter);
    // Replaces Tera's own `range`: the same arguments, within a budget of
    // elements per render, so nested loops cannot run for minutes.
    tera.register_function("range", budgeted_range);
}

/// How many elements all `range` calls of one render may produce together.
pub(crate) const RANGE_BUDGET: u64 = 100_000;

thread_local! {
    /// Elements `range` produced so far in this thread's current render.
    static RANGE_USED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Starts a render's `range` budget afresh (see [`RANGE_BUDGET`]).
pub(crate) fn reset_range_budget() {
    RANGE_USED.with(|u| u.set(0));
}

/// `range(end=N, start=0, step_by=1)`: the numbers from `start` up to (not
/// including) `end`, as Tera's own, but counted against [`RANGE_BUDGET`].
fn budgeted_range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(Error::message("range: `step_by` is 0"));
    }
    let span = if step > 0 {
        end.checked_sub(start)
    } else {
        start.checked_sub(end)
    };
    let len = span
        .and_then(|s| s.max(0).checked_add(step.abs() - 1))
        .map(|s| s / step.abs())
        .ok_or_else(|| Error::message("range: the numbers are too large"))?;
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    let used = RANGE_USED.with(|u| u.get()).saturating_add(len);
    if used > RANGE_BUDGET {
        return Err(Error::message(format!(
            "range: this render's loops would go over {RANGE_BUDGET} steps in all; a document needs far fewer (check the `end` of each range)"
        )));
    }
    RANGE_USED.with(|u| u.set(used));
    let mut out = Vec::new();
    let mut n = start;
    while (step > 0 && n < end) || (step < 0 && n > end) {
        out.push(n);
        n += step;
    }
    Ok(out)
}

fn number_arg(name: &str, v: &Value) -> TeraResult<f64> {
    v.as_f64()
        .or_else(|| v.as_i64().map(|i| i as f64))
        .filter(|f| f.is_finite())
        .ok_or_else(|| Error::message(format!("{name}: expected a number, got {} `{v}`", v.name())))
}

fn usd_filter(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let amount = number_arg("usd", v)?;
    let decimals = kwargs.get::<usize>("decimals")?;
    Ok(usd(amount, decimals.map(|d| d.min(4))))
}

fn number_filter(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let value = number_arg("number", v)?;
    let decimals = kwargs.get::<usize>("decimals")?.unwrap_or(0).min(4);
    Ok(number(value, decimals))
}

/// A state's name from its USPS code: `"MI" | state_name` → `Michigan`.
fn state_name_filter(code: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    crate::states::name(code)
        .map(str::to_string)
        .ok_or_else(|| Error::message(format!("state_name: unknown state code {code:?}")))
}

/// A date for candidates: `"2026-03-02" | us_date` → `March 2, 2026`.
fn us_date_filter(s: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    us_date(s).ok_or_else(|| {
        Error::message(format!(
            "us_date: expected a date such as 2026-03-02, got {s:?}"
        ))
    })
}

/// `"FULL_TIME" | employment_type` → `Full-time`.
fn employment_type_filter(s: &str, _: Kwargs, _: &State) -> String {
    employment_type(s)
}

/// `"District of Columbia" | state_in_prose` → `the District of Columbia`.
fn state_in_prose_filter(s: &str, _: Kwargs, _: &State) -> String {
    state_in_prose(s)
}

pub(crate) use crate::text::slug;

fn slug_filter(s: &str, _: Kwargs, _: &State) -> String {
    slug(s)
}

fn oxford_filter(v: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let items = v
        .as_array()
        .ok_or_else(|| Error::message(format!("oxford: expected a list, got {}", v.name())))?;
    let items: Vec<String> = items.iter().map(ToString::to_string).collect();
    let conj = kwargs.get::<&str>("conj")?.unwrap_or("and");
    Ok(oxford(&items, conj))
}

fn lower_first_filter(s: &str, _: Kwargs, _: &State) -> String {
    lower_first(s)
}

/// Text for one Markdown table cell: line breaks turned into spaces. (The
/// Markdown autoescape of `.md` templates escapes pipes and every other
/// character a cell could misread.)
pub(crate) fn cell(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

fn cell_filter(s: &str, _: Kwargs, _: &State) -> String {
    cell(s)
}

/// The text with a final period added when it ends without punctuation.
pub(crate) fn period(s: &str) -> String {
    let t = s.trim_end();
    if t.is_empty() || t.ends_with(['.', '!', '?', ':', ';', ')', '"']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn period_filter(s: &str, _: Kwargs, _: &State) -> String {
    period(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usd_formats_like_the_reference_page() {
        for (amount, decimals, expected) in [
            (56140.0, None, "$56,140"),
            (26.99, None, "$26.99"),
            (21.0, Some(2), "$21.00"),
            (1_234_567.5, None, "$1,234,567.50"),
            (999.0, None, "$999"),
            (0.0, None, "$0"),
            (-1500.0, None, "-$1,500"),
        ] {
            assert_eq!(usd(amount, decimals), expected, "{amount}");
        }
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(number(2_858_710.0, 0), "2,858,710");
        assert_eq!(number(100.0, 0), "100");
        assert_eq!(number(1234.5, 1), "1,234.5");
    }

    #[test]
    fn slugs_are_ascii() {
        for (input, expected) in [
            ("Detroit, MI", "detroit-mi"),
            ("Saint-Étienne", "saint-etienne"),
            ("  ../../etc/passwd ", "etc-passwd"),
            ("São Paulo", "sao-paulo"),
            ("!!!", ""),
        ] {
            assert_eq!(slug(input), expected, "{input}");
        }
    }

    #[test]
    fn oxford_comma() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(oxford(&v(&[]), "and"), "");
        assert_eq!(oxford(&v(&["a"]), "and"), "a");
        assert_eq!(oxford(&v(&["a", "b"]), "or"), "a or b");
        assert_eq!(oxford(&v(&["a", "b", "c"]), "and"), "a, b, and c");
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Great service"), "great service");
        assert_eq!(lower_first("CRM tools"), "CRM tools");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn dates_types_and_places_read_as_us_candidates_expect() {
        assert_eq!(us_date("2026-12-01").as_deref(), Some("December 1, 2026"));
        assert_eq!(
            us_date("2026-03-02T09:00:00Z").as_deref(),
            Some("March 2, 2026")
        );
        assert_eq!(us_date("2026-13-01"), None);
        assert_eq!(us_date("12/01/2026"), None);
        assert_eq!(us_date(""), None);
        assert_eq!(employment_type("FULL_TIME"), "Full-time");
        assert_eq!(employment_type("part-time"), "Part-time");
        assert_eq!(employment_type("PER_DIEM"), "Per diem");
        assert_eq!(employment_type("SEASONAL_WORK"), "Seasonal work");
        assert_eq!(
            state_in_prose("District of Columbia"),
            "the District of Columbia"
        );
        assert_eq!(state_in_prose("Virgin Islands"), "the U.S. Virgin Islands");
        assert_eq!(state_in_prose("Michigan"), "Michigan");
    }

    #[test]
    fn cells_and_periods() {
        assert_eq!(cell("a|b\nc"), "a|b c");
        assert_eq!(period("Apply today"), "Apply today.");
        assert_eq!(period("Done."), "Done.");
    }

    #[test]
    fn filters_work_inside_templates() {
        let mut tera = Tera::new();
        register_all(&mut tera);
        tera.add_raw_template(
            "t",
            "{{ 56140 | usd }} {{ 26.99 | usd }} {{ \"MI\" | state_name }} {{ [\"a\",\"b\",\"c\"] | oxford }}",
        )
        .unwrap();
        let out = tera.render("t", &tera::Context::new()).unwrap();
        assert_eq!(out, "$56,140 $26.99 Michigan a, b, and c");
        tera.add_raw_template("bad", "{{ \"x\" | usd }}").unwrap();
        let err = tera.render("bad", &tera::Context::new()).unwrap_err();
        assert!(err.to_string().contains("usd: expected a number"), "{err}");
    }
}
