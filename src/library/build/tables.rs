//! Reading the raw O*NET tables: tab-separated `.txt` or Excel `.xlsx`
//! (one sheet, a header row). A table is found by its file name, else by
//! its header among the folder's `.txt` files (later O*NET releases renamed
//! some files; reading a `.txt` header is cheap, an `.xlsx` one is not).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use calamine::{Data, Reader};

/// A table: its header and rows of text cells.
#[derive(Debug)]
pub(crate) struct Table {
    /// The file it was read from.
    pub(crate) path: PathBuf,
    header: Vec<String>,
    /// The rows after the header, every row as long as the header.
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    /// The index of a column, by its header.
    pub(crate) fn col(&self, name: &str) -> Result<usize> {
        self.header
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("`{}` has no column `{name}`", self.path.display()))
    }
}

/// Finds and reads the table named `name` (`Task Statements`), whose header
/// must hold every column of `columns`.
pub(crate) fn find(dir: &Path, name: &str, columns: &[&str]) -> Result<Table> {
    for ext in ["txt", "xlsx"] {
        let path = dir.join(format!("{name}.{ext}"));
        if path.is_file() {
            let table = read(&path)?;
            check(&table, columns)?;
            return Ok(table);
        }
    }
    let mut txts: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder `{}`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txts.sort();
    for path in txts {
        // Only the header line is read to decide.
        let mut header = String::new();
        std::fs::File::open(&path)
            .map(std::io::BufReader::new)
            .and_then(|mut r| std::io::BufRead::read_line(&mut r, &mut header))
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        let cols: Vec<&str> = header
            .trim_start_matches('\u{feff}')
            .split('\t')
            .map(str::trim)
            .collect();
        if columns.iter().all(|c| cols.contains(c)) {
            return read(&path);
        }
    }
    bail!(
        "no O*NET table `{name}` in `{}` (looked for `{name}.txt`, `{name}.xlsx`, and a .txt file with the columns {})",
        dir.display(),
        columns.join(", ")
    )
}

fn check(table: &Table, columns: &[&str]) -> Result<()> {
    for c in columns {
        table.col(c)?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<Table> {
    if path.extension().is_some_and(|e| e == "xlsx") {
        return read_xlsx(path);
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    Ok(parse_txt(path, &text))
}

fn parse_txt(path: &Path, text: &str) -> Table {
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches('\u{feff}')
        .split('\t')
        .map(|s| s.trim().to_string())
        .collect();
    let rows = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut row: Vec<String> = l.split('\t').map(|s| s.trim().to_string()).collect();
            row.resize(header.len(), String::new());
            row
        })
        .collect();
    Table {
        path: path.to_path_buf(),
        header,
        rows,
    }
}

fn read_xlsx(path: &Path) -> Result<Table> {
    let mut book = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open the workbook `{}`", path.display()))?;
    let range = book
        .worksheet_range_at(0)
        .with_context(|| format!("`{}` has no sheet", path.display()))?
        .with_context(|| format!("cannot read the first sheet of `{}`", path.display()))?;
    let mut rows = range.rows().map(|r| r.iter().map(text).collect::<Vec<_>>());
    let header = rows.next().unwrap_or_default();
    let rows = rows
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|mut r| {
            r.resize(header.len(), String::new());
            r
        })
        .collect();
    Ok(Table {
        path: path.to_path_buf(),
        header,
        rows,
    })
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "Y" } else { "N" }.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_table_is_found_by_its_header() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Other.txt"), "A\tB\n1\t2\n").unwrap();
        std::fs::write(
            dir.path().join("Renamed Tasks.txt"),
            "\u{feff}O*NET-SOC Code\tTask\r\n11-1011.00\tPlan budgets.\r\n\n",
        )
        .unwrap();
        let t = find(dir.path(), "Task Statements", &["O*NET-SOC Code", "Task"]).unwrap();
        assert!(t.path.ends_with("Renamed Tasks.txt"));
        assert_eq!(t.rows, [["11-1011.00", "Plan budgets."]]);
        assert_eq!(t.col("Task").unwrap(), 1);
        let err = t.col("Missing").unwrap_err().to_string();
        assert!(err.contains("no column `Missing`"), "{err}");
        let err = find(dir.path(), "Skills", &["Element ID"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("no O*NET table `Skills`"), "{err}");
    }
}
