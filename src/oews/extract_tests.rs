use super::*;

/// A row of text cells at a line of a pretend CSV file (cells split at `|`).
struct TextRow(Vec<&'static str>, usize);

impl Cells for TextRow {
    fn cell(&self, index: usize) -> Cell<'_> {
        self.0.get(index).map_or(Cell::Empty, |s| Cell::Text(s))
    }
    fn locus(&self, _: usize) -> String {
        format!("t.csv:{}", self.1)
    }
}

const Y2023: &str = "AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,I_GROUP,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEAN,A_MEAN,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY";

fn layout(header: &str) -> Layout {
    let headers: Vec<String> = header.split(',').map(str::to_string).collect();
    Layout::detect(&headers).unwrap()
}

fn scan(header: &str, soc: &str, rows: &[&'static str]) -> Result<Scan, Diagnostic> {
    let layout = layout(header);
    let mut scan = Scan::new(soc);
    for (i, row) in rows.iter().enumerate() {
        scan.row(&layout, &TextRow(row.split('|').collect(), i + 2))?;
    }
    Ok(scan)
}

#[test]
fn reads_the_national_row_with_every_figure() {
    let s = scan(
        Y2023,
        "43-4051",
        &["U.S.|1|US|000000|cross-industry|43-4051|Customer Service Representatives|detailed|2858710|20.92|43520|14.21|16.72|19.08|23.31|29.45|29560|34780|39680|48480|61250||"],
    )
    .unwrap();
    assert_eq!(s.title(), Some("Customer Service Representatives"));
    let row = &s.found[0].row;
    assert_eq!((row.area.as_str(), row.area_name.as_str()), ("US", "U.S."));
    assert_eq!(row.employment, Some(2_858_710));
    assert_eq!(row.hourly_mean, Some(20.92));
    assert_eq!(row.annual_median, Some(39680.0));
    assert_eq!(row.annual_p90, Some(61250.0));
    assert_eq!(row.top_coded, "");
}

#[test]
fn markers_become_empty_cells_and_top_coding_is_named() {
    let s = scan(
        Y2023,
        "11-1011",
        &["U.S.|1|US|000000|cross-industry|11-1011|Chief Executives|detailed|**|124.47|258900|38.46|62.9|99.37|#|#|80000|130840|206680|#|#||"],
    )
    .unwrap();
    let row = &s.found[0].row;
    assert_eq!(row.employment, None);
    assert_eq!(row.hourly_p75, None);
    assert_eq!(row.annual_p90, None);
    assert_eq!(row.hourly_mean, Some(124.47));
    assert_eq!(row.top_coded, "hourly_p75 hourly_p90 annual_p75 annual_p90");
}

#[test]
fn hourly_only_and_annual_only_rows_keep_one_side() {
    let s = scan(
        Y2023,
        "27-2011",
        &["U.S.|1|US|000000|cross-industry|27-2011|Actors|detailed|62560|41.01|*|13|15.98|20.5|36.54|100.01|*|*|*|*|*||TRUE"],
    )
    .unwrap();
    let row = &s.found[0].row;
    assert_eq!(row.hourly_p90, Some(100.01));
    assert_eq!(row.annual_mean, None);
    assert_eq!(row.annual_median, None);

    // Even if a converted file put numbers on the unpublished side, an
    // annual-only row keeps no hourly figures.
    let s = scan(
        Y2023,
        "11-1031",
        &["U.S.|1|US|000000|cross-industry|11-1031|Legislators|detailed|50000|30|62400|*|*|*|*|*|30000|40000|50000|70000|90000|TRUE|"],
    )
    .unwrap();
    let row = &s.found[0].row;
    assert_eq!(row.hourly_mean, None);
    assert_eq!(row.annual_mean, Some(62400.0));
}

#[test]
fn other_industries_metro_areas_and_codes_are_passed_over() {
    let s = scan(
        Y2023,
        "43-4051",
        &[
            "U.S.|1|US|000001|cross-industry|43-4051|CSR|detailed|1|1|1||||||||||||",
            "U.S.|1|US|524100|4-digit|43-4051|CSR|detailed|1|1|1||||||||||||",
            "Detroit, MI|4|MI|000000|cross-industry|43-4051|CSR|detailed|1|1|1||||||||||||",
            "Michigan|2|MI|000000|cross-industry|43-4051|CSR|detailed||21.01|43,690||||||||||||",
            "Michigan|2|MI|000000|cross-industry|43-4061|Eligibility Interviewers|detailed||1|1||||||||||||",
            "||||||||||||||||||||||",
            "Footnotes:||||||||||||||||||||||",
        ],
    )
    .unwrap();
    assert_eq!(s.found.len(), 1);
    assert_eq!(s.found[0].row.area, "MI");
    assert_eq!(s.found[0].row.annual_mean, Some(43690.0));
    assert!(s.codes.contains_key("43-4061"));
}

#[test]
fn state_names_map_to_codes_without_a_code_column() {
    let s = scan(
        "AREA_TITLE,OCC_CODE,OCC_TITLE,H_MEAN,A_MEAN",
        "43-4051",
        &[
            "Michigan|434051|CSR|21.01|43690",
            "Virgin Islands|43-4051|CSR|19.11|39750",
            "District of Columbia|43-4051|CSR|26.99|56140",
        ],
    )
    .unwrap();
    let areas: Vec<_> = s.found.iter().map(|f| f.row.area.as_str()).collect();
    assert_eq!(areas, ["MI", "VI", "DC"]);
    assert_eq!(s.found[1].row.area_name, "Virgin Islands");
}

#[test]
fn state_files_of_2014_to_2018_use_st_and_state() {
    let s = scan(
        "AREA,ST,STATE,OCC_CODE,OCC_TITLE,OCC_GROUP,H_MEAN,A_MEAN",
        "43-4051",
        &["26|MI|Michigan|43-4051|CSR|detailed|17.50|36400"],
    )
    .unwrap();
    assert_eq!(s.found[0].row.area, "MI");
    assert_eq!(s.found[0].row.area_name, "Michigan");
}

#[test]
fn national_files_without_area_columns_are_the_nation() {
    let s = scan(
        "OCC_CODE,OCC_TITLE,OCC_GROUP,TOT_EMP,H_MEAN,A_MEAN",
        "43-4051",
        &["43-4051|CSR|detailed|2,707,040|16.62|34560"],
    )
    .unwrap();
    assert_eq!(s.found[0].row.area, "US");
    assert_eq!(s.found[0].row.area_name, "U.S.");
    assert_eq!(s.found[0].row.employment, Some(2_707_040));
}

#[test]
fn a_bad_value_names_its_column_and_line() {
    let err = scan(
        "AREA_TITLE,OCC_CODE,H_MEAN,A_MEAN",
        "43-4051",
        &["Michigan|43-4051|n/a|43690"],
    )
    .unwrap_err();
    assert_eq!(err.path, "t.csv:2");
    assert!(
        err.message.starts_with("column `H_MEAN`: "),
        "{}",
        err.message
    );
    assert!(err.message.contains("\"n/a\""), "{}", err.message);
}

#[test]
fn an_unknown_area_is_an_error() {
    let err = scan(
        "AREA_TITLE,OCC_CODE,H_MEAN,A_MEAN",
        "43-4051",
        &["Atlantis|43-4051|20|41600"],
    )
    .unwrap_err();
    assert!(
        err.message.contains("column `AREA_TITLE`"),
        "{}",
        err.message
    );
    assert!(err.message.contains("\"Atlantis\""), "{}", err.message);
}

#[test]
fn duplicate_rows_collapse_when_equal_and_fail_when_not() {
    let header = "AREA_TITLE,OCC_CODE,O_GROUP,H_MEAN,A_MEAN";
    let s = scan(
        header,
        "13-1020",
        &[
            "U.S.|13-1020|broad|37.43|77850",
            "U.S.|13-1020|detailed|37.43|77850",
        ],
    )
    .unwrap();
    assert_eq!(s.found.len(), 1);
    let err = scan(
        header,
        "13-1020",
        &[
            "U.S.|13-1020|broad|37.43|77850",
            "U.S.|13-1020|detailed|37.44|77850",
        ],
    )
    .unwrap_err();
    assert_eq!(err.path, "t.csv:3");
    assert!(err.message.contains("t.csv:2"), "{}", err.message);
}

#[test]
fn closest_codes_share_digits_then_are_near() {
    let codes = [
        "00-0000", "43-4050", "43-4051", "43-4061", "43-4041", "43-0000", "11-1011",
    ];
    // Detailed codes before broad groups such as 43-4050.
    assert_eq!(
        closest("43-4052", codes.iter().copied(), 3),
        ["43-4051", "43-4061", "43-4041"]
    );
    // A broad code is compared with every level.
    assert_eq!(
        closest("43-4060", codes.iter().copied(), 3),
        ["43-4061", "43-4051", "43-4050"]
    );
    assert_eq!(closest("11-1012", codes.iter().copied(), 1), ["11-1011"]);
    assert!(closest("43-4051", std::iter::empty(), 3).is_empty());
}
