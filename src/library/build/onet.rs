//! O*NET 29.3 tables → one [`Occupation`] per O*NET-SOC code that has
//! tasks, sorted by code. Orders are fixed here so the build is
//! reproducible (see the field docs of `Occupation`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};

use super::tables::{Table, find};
use crate::library::model::{Occupation, Rated, Related, Share, Task, Technology};

const CODE: &str = "O*NET-SOC Code";

/// Reads every table and assembles the occupations.
pub(crate) fn read(dir: &Path) -> Result<Vec<Occupation>> {
    let occ = find(dir, "Occupation Data", &[CODE, "Title", "Description"])?;
    let tasks = find(
        dir,
        "Task Statements",
        &[
            CODE,
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
        ],
    )?;
    let mut out: BTreeMap<String, Occupation> = BTreeMap::new();
    let (c_code, c_title, c_desc) = (occ.col(CODE)?, occ.col("Title")?, occ.col("Description")?);
    let mut all: HashMap<&str, (&str, &str)> = HashMap::new();
    for r in &occ.rows {
        all.insert(&r[c_code], (&r[c_title], &r[c_desc]));
    }
    // Tasks decide which occupations the library keeps.
    let (t_code, t_id, t_text, t_type, t_inc) = (
        tasks.col(CODE)?,
        tasks.col("Task ID")?,
        tasks.col("Task")?,
        tasks.col("Task Type")?,
        tasks.col("Incumbents Responding")?,
    );
    let mut task_rows: BTreeMap<&str, Vec<(Task, u64)>> = BTreeMap::new();
    for r in &tasks.rows {
        let id = number(&r[t_id]).map_or(0, |v| v as u64);
        task_rows.entry(&r[t_code]).or_default().push((
            Task {
                text: r[t_text].clone(),
                core: r[t_type] == "Core",
                incumbents: number(&r[t_inc]),
            },
            id,
        ));
    }
    for (code, mut list) in task_rows {
        let Some((title, desc)) = all.get(code) else {
            continue;
        };
        list.sort_by(|(a, ia), (b, ib)| {
            b.core
                .cmp(&a.core)
                .then_with(|| {
                    b.incumbents
                        .unwrap_or(-1.0)
                        .total_cmp(&a.incumbents.unwrap_or(-1.0))
                })
                .then(ia.cmp(ib))
        });
        out.insert(
            code.to_string(),
            Occupation {
                code: code.to_string(),
                soc: code.get(..7).unwrap_or(code).to_string(),
                title: (*title).to_string(),
                description: (*desc).to_string(),
                job_zone: None,
                tasks: list.into_iter().map(|(t, _)| t).collect(),
                alternate_titles: Vec::new(),
                reported_titles: Vec::new(),
                education: Vec::new(),
                experience: Vec::new(),
                training: Vec::new(),
                skills: Vec::new(),
                knowledge: Vec::new(),
                work_styles: Vec::new(),
                technologies: Vec::new(),
                related: Vec::new(),
            },
        );
    }
    job_zones(dir, &mut out)?;
    titles(dir, &mut out)?;
    education(dir, &mut out)?;
    for (name, ids) in [("Skills", 0), ("Knowledge", 1), ("Work Styles", 2)] {
        rated(dir, name, ids, &mut out)?;
    }
    technologies(dir, &mut out)?;
    related(dir, &mut out)?;
    Ok(out.into_values().collect())
}

fn number(s: &str) -> Option<f32> {
    s.trim().parse::<f32>().ok().filter(|v| v.is_finite())
}

fn job_zones(dir: &Path, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let t = find(dir, "Job Zones", &[CODE, "Job Zone"])?;
    let (c, z) = (t.col(CODE)?, t.col("Job Zone")?);
    for r in &t.rows {
        if let Some(o) = out.get_mut(&r[c]) {
            o.job_zone = number(&r[z])
                .map(|v| v as u8)
                .filter(|v| (1..=5).contains(v));
        }
    }
    Ok(())
}

fn push_unique(list: &mut Vec<String>, seen: &mut HashSet<(String, String)>, code: &str, s: &str) {
    if !s.is_empty() && seen.insert((code.to_string(), s.to_string())) {
        list.push(s.to_string());
    }
}

fn titles(dir: &Path, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let t = find(
        dir,
        "Alternate Titles",
        &[CODE, "Alternate Title", "Short Title"],
    )?;
    let (c, a) = (t.col(CODE)?, t.col("Alternate Title")?);
    let mut seen = HashSet::new();
    for r in &t.rows {
        if let Some(o) = out.get_mut(&r[c]) {
            push_unique(&mut o.alternate_titles, &mut seen, &r[c], &r[a]);
        }
    }
    let t = find(
        dir,
        "Sample of Reported Titles",
        &[CODE, "Reported Job Title", "Shown in My Next Move"],
    )?;
    let (c, a, shown) = (
        t.col(CODE)?,
        t.col("Reported Job Title")?,
        t.col("Shown in My Next Move")?,
    );
    let mut seen = HashSet::new();
    for pass in ["Y", "N"] {
        for r in t.rows.iter().filter(|r| (r[shown] == "Y") == (pass == "Y")) {
            if let Some(o) = out.get_mut(&r[c]) {
                push_unique(&mut o.reported_titles, &mut seen, &r[c], &r[a]);
            }
        }
    }
    Ok(())
}

fn education(dir: &Path, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let cats = find(
        dir,
        "Education, Training, and Experience Categories",
        &["Scale ID", "Category", "Category Description"],
    )?;
    let (s, k, d) = (
        cats.col("Scale ID")?,
        cats.col("Category")?,
        cats.col("Category Description")?,
    );
    let mut labels: HashMap<(String, u8), String> = HashMap::new();
    for r in &cats.rows {
        let cat = number(&r[k]).map_or(0, |v| v as u8);
        // O*NET leaves the label of category 1 empty where it means "none".
        let label = if r[d].is_empty() { "None" } else { &r[d] };
        labels.insert((r[s].clone(), cat), label.to_string());
    }
    let t = find(
        dir,
        "Education, Training, and Experience",
        &[CODE, "Scale ID", "Category", "Data Value"],
    )?;
    let (c, s, k, v) = (
        t.col(CODE)?,
        t.col("Scale ID")?,
        t.col("Category")?,
        t.col("Data Value")?,
    );
    for r in &t.rows {
        let Some(o) = out.get_mut(&r[c]) else {
            continue;
        };
        let list = match r[s].as_str() {
            "RL" => &mut o.education,
            "RW" => &mut o.experience,
            "OJ" => &mut o.training,
            _ => continue,
        };
        let (Some(cat), Some(percent)) = (number(&r[k]), number(&r[v])) else {
            continue;
        };
        let category = cat as u8;
        list.push(Share {
            category,
            label: labels
                .get(&(r[s].clone(), category))
                .cloned()
                .with_context(|| {
                    format!("`{}`: no label for {} {category}", t.path.display(), r[s])
                })?,
            percent,
        });
    }
    for o in out.values_mut() {
        for list in [&mut o.education, &mut o.experience, &mut o.training] {
            list.sort_by_key(|s| s.category);
        }
    }
    Ok(())
}

/// Skills (0), knowledge (1) or work styles (2): importance, and level where rated.
fn rated(dir: &Path, name: &str, which: u8, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let t: Table = find(
        dir,
        name,
        &[CODE, "Element ID", "Element Name", "Scale ID", "Data Value"],
    )?;
    let (c, id, en, s, v) = (
        t.col(CODE)?,
        t.col("Element ID")?,
        t.col("Element Name")?,
        t.col("Scale ID")?,
        t.col("Data Value")?,
    );
    let not_relevant = t.col("Not Relevant").ok();
    // (code, element id) → (name, importance, level)
    type Ratings = BTreeMap<(String, String), (String, Option<f32>, Option<f32>)>;
    let mut map: Ratings = BTreeMap::new();
    for r in &t.rows {
        if !out.contains_key(&r[c]) {
            continue;
        }
        let e = map
            .entry((r[c].clone(), r[id].clone()))
            .or_insert_with(|| (r[en].clone(), None, None));
        match r[s].as_str() {
            "IM" => e.1 = number(&r[v]),
            "LV" if not_relevant.is_none_or(|n| r[n] != "Y") => e.2 = number(&r[v]),
            _ => {}
        }
    }
    for ((code, id), (name, importance, level)) in map {
        let (Some(o), Some(importance)) = (out.get_mut(&code), importance) else {
            continue;
        };
        let list = match which {
            0 => &mut o.skills,
            1 => &mut o.knowledge,
            _ => &mut o.work_styles,
        };
        list.push(Rated {
            id,
            name,
            importance,
            level,
        });
    }
    for o in out.values_mut() {
        let list = match which {
            0 => &mut o.skills,
            1 => &mut o.knowledge,
            _ => &mut o.work_styles,
        };
        list.sort_by(|a, b| b.importance.total_cmp(&a.importance).then(a.id.cmp(&b.id)));
    }
    Ok(())
}

fn technologies(dir: &Path, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let t = find(
        dir,
        "Technology Skills",
        &[
            CODE,
            "Example",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ],
    )?;
    let (c, e, k, h, d) = (
        t.col(CODE)?,
        t.col("Example")?,
        t.col("Commodity Title")?,
        t.col("Hot Technology")?,
        t.col("In Demand")?,
    );
    for r in &t.rows {
        if let Some(o) = out.get_mut(&r[c]) {
            o.technologies.push(Technology {
                name: r[e].clone(),
                class: r[k].clone(),
                hot: r[h] == "Y",
                in_demand: r[d] == "Y",
            });
        }
    }
    Ok(())
}

fn related(dir: &Path, out: &mut BTreeMap<String, Occupation>) -> Result<()> {
    let t = find(
        dir,
        "Related Occupations",
        &[
            CODE,
            "Related O*NET-SOC Code",
            "Related Title",
            "Relatedness Tier",
            "Index",
        ],
    )?;
    let (c, rc, rt, tier, ix) = (
        t.col(CODE)?,
        t.col("Related O*NET-SOC Code")?,
        t.col("Related Title")?,
        t.col("Relatedness Tier")?,
        t.col("Index")?,
    );
    let mut lists: BTreeMap<&str, Vec<(u32, Related)>> = BTreeMap::new();
    for r in &t.rows {
        if out.contains_key(&r[c]) {
            let index = number(&r[ix]).map_or(u32::MAX, |v| v as u32);
            lists.entry(&r[c]).or_default().push((
                index,
                Related {
                    code: r[rc].clone(),
                    title: r[rt].clone(),
                    tier: r[tier].clone(),
                },
            ));
        }
    }
    for (code, mut list) in lists {
        list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
        if let Some(o) = out.get_mut(code) {
            o.related = list.into_iter().map(|(_, r)| r).collect();
        }
    }
    Ok(())
}
