//! Which OEWS column is where: header names of every layout since 2014
//! (upper- or lower-case, `O_GROUP`/`OCC_GROUP`/`GROUP`, `PRIM_STATE`/`ST`,
//! `AREA_TITLE`/`STATE`, `occ code` with a space) mapped to one `Layout`.

/// The wage columns: BLS name and pay-table name, in pay-table order.
pub(crate) const FIGURES: [(&str, &str); 12] = [
    ("h_mean", "hourly_mean"),
    ("a_mean", "annual_mean"),
    ("h_median", "hourly_median"),
    ("a_median", "annual_median"),
    ("h_pct10", "hourly_p10"),
    ("h_pct25", "hourly_p25"),
    ("h_pct75", "hourly_p75"),
    ("h_pct90", "hourly_p90"),
    ("a_pct10", "annual_p10"),
    ("a_pct25", "annual_p25"),
    ("a_pct75", "annual_p75"),
    ("a_pct90", "annual_p90"),
];

/// Whether a figure (by its index in `FIGURES`) is hourly.
pub(crate) fn is_hourly(index: usize) -> bool {
    FIGURES[index].0.starts_with("h_")
}

/// Where each column the importer reads is, by index; `names` keeps the
/// header as the file writes it, for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Header names as written in the file.
    pub names: Vec<String>,
    /// `OCC_CODE`.
    pub soc: usize,
    /// `OCC_TITLE`.
    pub title: Option<usize>,
    /// `PRIM_STATE` (2020+) or `ST` (2014-2018 state files).
    pub area_code: Option<usize>,
    /// `AREA_TITLE`, `STATE` (2014-2018 state files) or `AREA_NAME`.
    pub area_name: Option<usize>,
    /// `AREA_TYPE`: 1 nation, 2 state, 3 territory, 4 and 6 metro areas.
    pub area_type: Option<usize>,
    /// `NAICS` (industry; `000000` is cross-industry).
    pub naics: Option<usize>,
    /// `I_GROUP` (`cross-industry` in the rows a pay table wants).
    pub i_group: Option<usize>,
    /// `TOT_EMP`.
    pub employment: Option<usize>,
    /// The wage columns, in `FIGURES` order.
    pub figures: [Option<usize>; 12],
    /// `ANNUAL`: only annual wages are published.
    pub annual: Option<usize>,
    /// `HOURLY`: only hourly wages are published.
    pub hourly: Option<usize>,
}

/// A header name reduced to one spelling: trimmed, lower-case, spaces and
/// hyphens as `_` (`OCC CODE` → `occ_code`).
pub(crate) fn key(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars() {
        let c = c.to_ascii_lowercase();
        if c == ' ' || c == '-' {
            if !out.ends_with('_') {
                out.push('_');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What a header row lacks to be an OEWS table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing {
    /// The missing columns, as a user would look for them.
    pub columns: Vec<String>,
}

impl Missing {
    /// `missing columns `OCC_CODE` and a wage column ...`.
    pub(crate) fn message(&self, headers: &[String]) -> String {
        let shown: Vec<&str> = headers
            .iter()
            .map(|h| h.trim())
            .filter(|h| !h.is_empty())
            .collect();
        let had = if shown.is_empty() {
            "the header row is empty".to_string()
        } else {
            format!("the header row has {}", crate::text::backticked(&shown))
        };
        format!(
            "not a BLS OEWS table: missing {}; {had}",
            self.columns.join(" and ")
        )
    }
}

impl Layout {
    /// Maps a header row. An OEWS table has `OCC_CODE` and at least one
    /// wage or employment column; anything else is optional.
    pub(crate) fn detect(headers: &[String]) -> Result<Layout, Missing> {
        let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
        let find = |names: &[&str]| -> Option<usize> {
            names.iter().find_map(|n| keys.iter().position(|k| k == n))
        };
        let soc = find(&["occ_code"]);
        let mut figures = [None; 12];
        for (slot, (bls, _)) in figures.iter_mut().zip(FIGURES) {
            *slot = find(&[bls]);
        }
        let employment = find(&["tot_emp"]);
        let mut missing = Vec::new();
        if soc.is_none() {
            missing.push("column `OCC_CODE`".to_string());
        }
        if employment.is_none() && figures.iter().all(Option::is_none) {
            missing.push(
                "a wage column (`H_MEAN`, `A_MEAN`, `H_MEDIAN`, `A_MEDIAN`, `H_PCT10`...)"
                    .to_string(),
            );
        }
        let Some(soc) = soc else {
            return Err(Missing { columns: missing });
        };
        if !missing.is_empty() {
            return Err(Missing { columns: missing });
        }
        Ok(Layout {
            names: headers.iter().map(|h| h.trim().to_string()).collect(),
            soc,
            title: find(&["occ_title"]),
            area_code: find(&["prim_state", "st"]),
            area_name: find(&["area_title", "state", "area_name"]),
            area_type: find(&["area_type"]),
            naics: find(&["naics"]),
            i_group: find(&["i_group"]),
            employment,
            figures,
            annual: find(&["annual"]),
            hourly: find(&["hourly"]),
        })
    }

    /// A column's name as the file writes it.
    pub(crate) fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("?", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn keys_are_one_spelling() {
        for (header, expected) in [
            ("OCC_CODE", "occ_code"),
            ("occ code", "occ_code"),
            (" H_MEAN ", "h_mean"),
            ("loc quotient", "loc_quotient"),
            ("PRIM-STATE", "prim_state"),
        ] {
            assert_eq!(key(header), expected);
        }
    }

    #[test]
    fn layouts_since_2014() {
        // 2021+ national and state workbooks.
        let y2023 = Layout::detect(&headers(
            "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY",
        ))
        .unwrap();
        assert_eq!(y2023.soc, 8);
        assert_eq!(y2023.area_code, Some(3));
        assert_eq!(y2023.area_name, Some(1));
        assert_eq!(y2023.area_type, Some(2));
        assert_eq!(y2023.naics, Some(4));
        assert_eq!(y2023.i_group, Some(6));
        assert_eq!(y2023.employment, Some(11));
        assert_eq!(y2023.figures[0], Some(17));
        assert_eq!(y2023.figures[2], Some(22));
        assert_eq!(y2023.figures[11], Some(29));
        assert_eq!((y2023.annual, y2023.hourly), (Some(30), Some(31)));

        // 2014-2018 national: no area columns.
        let y2016 = Layout::detect(&headers(
            "OCC_CODE,OCC_TITLE,OCC_GROUP,TOT_EMP,EMP_PRSE,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY",
        ))
        .unwrap();
        assert_eq!(y2016.soc, 0);
        assert_eq!(
            (y2016.area_code, y2016.area_name, y2016.area_type),
            (None, None, None)
        );
        assert_eq!(y2016.figures[1], Some(6));

        // 2014-2018 state: ST and STATE.
        let state2016 = Layout::detect(&headers(
            "AREA,ST,STATE,OCC_CODE,OCC_TITLE,OCC_GROUP,A_MEDIAN",
        ))
        .unwrap();
        assert_eq!(state2016.area_code, Some(1));
        assert_eq!(state2016.area_name, Some(2));
        assert_eq!(state2016.figures[3], Some(6));

        // 2019: lower-case, no prim_state.
        let y2019 = Layout::detect(&headers(
            "area,area_title,area_type,naics,naics_title,i_group,own_code,occ_code,occ_title,o_group,tot_emp,h_mean,a_mean",
        ))
        .unwrap();
        assert_eq!(y2019.area_code, None);
        assert_eq!(y2019.area_name, Some(1));
        assert_eq!(y2019.name(7), "occ_code");

        // all_data 2016 writes `occ code` with a space.
        let spaced = Layout::detect(&headers("area,st,occ code,occ title,group,a_mean")).unwrap();
        assert_eq!(spaced.soc, 2);
        assert_eq!(spaced.title, Some(3));
    }

    #[test]
    fn missing_columns_are_named() {
        let err = Layout::detect(&headers("id,city,state,pay_min")).unwrap_err();
        assert_eq!(err.columns.len(), 2);
        let message = err.message(&headers("id,city,state,pay_min"));
        assert!(message.contains("`OCC_CODE`"), "{message}");
        assert!(message.contains("`H_MEAN`"), "{message}");
        assert!(message.contains("`city`"), "{message}");

        let err = Layout::detect(&headers("OCC_CODE,OCC_TITLE")).unwrap_err();
        assert_eq!(err.columns.len(), 1);
        assert!(err.columns[0].contains("wage column"));

        let err = Layout::detect(&headers("AREA_TITLE,A_MEAN")).unwrap_err();
        assert_eq!(err.columns, ["column `OCC_CODE`"]);
    }
}
