//! OEWS May 2025 (every occupation, every area) and the principal cities
//! of metro areas → the pay index and per-occupation pay records.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::library::codec::{Writer, deflate};
use crate::library::pay::{AreaKind, FIGURE_COLUMNS, Group, encode_figure};

/// One OEWS row, as numbers: 0 missing, 1 top-coded, else value + 2.
struct Row {
    area: usize,
    flags: u8,
    employment: u64,
    figures: [u64; 12],
}

/// The area and occupation tables and the records, ready to write.
pub(crate) struct Built {
    /// `oews-index.bin`.
    pub(crate) index: Vec<u8>,
    /// `oews-records.bin`.
    pub(crate) records: Vec<u8>,
}

fn cell(rec: &csv::StringRecord, i: usize) -> &str {
    rec.get(i).unwrap_or("").trim()
}

/// 0 missing, 1 top-coded (`#`), else value + 2 (cents for hourly wages,
/// dollars for annual ones and jobs).
fn figure(s: &str, scale: f64, what: &str) -> Result<u64> {
    match s {
        "" | "*" | "**" | "~" => Ok(0),
        "#" => Ok(1),
        _ => {
            let v: f64 = s
                .replace(',', "")
                .parse()
                .with_context(|| format!("{what}: `{s}` is not a number"))?;
            let scaled = v * scale;
            if !(0.0..1e12).contains(&scaled) || (scaled - scaled.round()).abs() > 1e-6 {
                bail!("{what}: `{s}` does not fit the library's format (whole cents or dollars)");
            }
            Ok(scaled.round() as u64 + 2)
        }
    }
}

/// Reads the OEWS CSV and the principal-cities CSV.
pub(crate) fn build(oews: &Path, cities: &Path, survey: &str) -> Result<Built> {
    let mut rdr = csv::Reader::from_path(oews)
        .with_context(|| format!("cannot read `{}`", oews.display()))?;
    let header = rdr.headers()?.clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .with_context(|| format!("`{}` has no column `{name}`", oews.display()))
    };
    let [
        area,
        area_title,
        area_type,
        prim,
        occ,
        occ_title,
        group,
        emp,
        annual,
        hourly,
    ] = [
        "AREA",
        "AREA_TITLE",
        "AREA_TYPE",
        "PRIM_STATE",
        "OCC_CODE",
        "OCC_TITLE",
        "O_GROUP",
        "TOT_EMP",
        "ANNUAL",
        "HOURLY",
    ]
    .map(col);
    let (area, area_title, area_type, prim) = (area?, area_title?, area_type?, prim?);
    let (occ, occ_title, group, emp, annual, hourly) =
        (occ?, occ_title?, group?, emp?, annual?, hourly?);
    let fig_cols: Vec<(usize, f64)> = FIGURE_COLUMNS
        .iter()
        .map(|c| Ok((col(c)?, if c.starts_with("H_") { 100.0 } else { 1.0 })))
        .collect::<Result<_>>()?;

    // Pass 1: every row in memory, areas and occupations keyed by code.
    let mut areas: BTreeMap<(u8, String), (String, u8, String)> = BTreeMap::new();
    let mut occs: BTreeMap<String, (String, Group)> = BTreeMap::new();
    // (occupation code, flags, employment, figures, area key)
    type RawRow = (String, u8, u64, [u64; 12], (u8, String));
    let mut raw: Vec<RawRow> = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("`{}`: row {}", oews.display(), i + 2))?;
        let at = |c: usize| format!("`{}`: row {}, {}", oews.display(), i + 2, &header[c]);
        let kind: u8 = cell(&rec, area_type)
            .parse()
            .with_context(|| at(area_type))?;
        let Some(k) = AreaKind::from_oews(kind) else {
            bail!("{}: unknown area type {kind}", at(area_type));
        };
        let key = (k.rank(), cell(&rec, area).to_string());
        areas.entry(key.clone()).or_insert_with(|| {
            (
                cell(&rec, area_title).to_string(),
                kind,
                cell(&rec, prim).to_string(),
            )
        });
        let Some(g) = Group::from_oews(cell(&rec, group)) else {
            bail!("{}: unknown group `{}`", at(group), cell(&rec, group));
        };
        occs.entry(cell(&rec, occ).to_string())
            .or_insert_with(|| (cell(&rec, occ_title).to_string(), g));
        let flags = u8::from(cell(&rec, annual).eq_ignore_ascii_case("TRUE"))
            | (u8::from(cell(&rec, hourly).eq_ignore_ascii_case("TRUE")) << 1);
        let employment = figure(cell(&rec, emp), 1.0, &at(emp))?;
        let mut figures = [0u64; 12];
        for (slot, (c, scale)) in figures.iter_mut().zip(&fig_cols) {
            *slot = figure(cell(&rec, *c), *scale, &at(*c))?;
        }
        raw.push((cell(&rec, occ).to_string(), flags, employment, figures, key));
    }
    let area_index: HashMap<(u8, String), usize> = areas
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let mut by_occ: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for (code, flags, employment, figures, key) in raw {
        by_occ.entry(code).or_default().push(Row {
            area: area_index.get(&key).copied().unwrap_or_default(),
            flags,
            employment,
            figures,
        });
    }

    // State FIPS → USPS code, from the state rows themselves.
    let fips: HashMap<String, String> = areas
        .iter()
        .filter(|(_, (_, t, _))| matches!(t, 2 | 3))
        .map(|((_, code), (_, _, st))| (code.clone(), st.clone()))
        .collect();
    let metro: HashMap<&str, usize> = areas
        .iter()
        .enumerate()
        .filter(|(_, (_, (_, t, _)))| *t == 4)
        .map(|(i, ((_, code), _))| (code.as_str(), i))
        .collect();

    let mut w = Writer::default();
    w.str(crate::library::OEWS_MAGIC);
    w.str(survey);
    w.len(areas.len());
    for ((_, code), (title, kind, state)) in &areas {
        w.str(code);
        w.str(title);
        w.byte(*kind);
        w.str(state);
    }
    let mut records = Vec::new();
    w.len(by_occ.len());
    for (code, rows) in &mut by_occ {
        rows.sort_by_key(|r| r.area);
        let block = deflate(&encode_rows(rows));
        let (title, group) = occs.get(code).cloned().unwrap_or_default();
        w.str(code);
        w.str(&title);
        w.byte(group as u8);
        w.len(records.len());
        w.len(block.len());
        records.extend_from_slice(&block);
    }
    let cities = principal_cities(cities, &fips, &metro)?;
    w.len(cities.len());
    for (city, state, area) in &cities {
        w.str(city);
        w.str(state);
        w.len(*area);
    }
    Ok(Built {
        // Plain, as the O*NET index: parsed by every pay look-up.
        index: w.buf,
        records,
    })
}

/// Column by column (area numbers as gaps), which deflate packs far
/// better than row by row.
fn encode_rows(rows: &[Row]) -> Vec<u8> {
    let mut w = Writer::default();
    w.len(rows.len());
    let mut prev = 0;
    for r in rows {
        w.len(r.area - prev);
        prev = r.area;
    }
    for r in rows {
        w.byte(r.flags);
    }
    for r in rows {
        w.uint(r.employment);
    }
    for col in 0..12 {
        for r in rows {
            w.uint(encode_figure(col, r.figures[col], &r.figures));
        }
    }
    w.buf
}

/// `(city, USPS state, area index)` of every principal city of a metro
/// area that OEWS has, sorted.
fn principal_cities(
    path: &Path,
    fips: &HashMap<String, String>,
    metro: &HashMap<&str, usize>,
) -> Result<Vec<(String, String, usize)>> {
    let mut rdr = csv::Reader::from_path(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    let header = rdr.headers()?.clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .with_context(|| format!("`{}` has no column `{name}`", path.display()))
    };
    let (cbsa, city, state) = (
        col("CBSA Code")?,
        col("Principal City Name")?,
        col("FIPS State Code")?,
    );
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("cannot read `{}`", path.display()))?;
        let (Some(area), Some(st)) = (
            metro.get(cell(&rec, cbsa)),
            fips.get(&format!("{:0>2}", cell(&rec, state))),
        ) else {
            continue;
        };
        out.push((cell(&rec, city).to_string(), st.clone(), *area));
    }
    out.sort();
    out.dedup();
    Ok(out)
}
