//! The byte layout of one occupation's record (both directions, side by
//! side so they cannot drift apart). Strings that repeat across
//! occupations (element ids and names, category labels, technology
//! classes, related titles and tiers) are numbers into a shared vocabulary
//! kept in the index; the rest is inline.

use std::collections::HashMap;

use super::codec::{Reader, Writer};
use super::model::{Occupation, Rated, Related, Share, Task, Technology};

/// Shared strings, numbered in the order first seen.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u64>,
    /// The strings, by number.
    pub(crate) list: Vec<String>,
}

impl Vocab {
    fn id(&mut self, s: &str) -> u64 {
        if let Some(id) = self.ids.get(s) {
            return *id;
        }
        let id = self.list.len() as u64;
        self.ids.insert(s.to_string(), id);
        self.list.push(s.to_string());
        id
    }
}

/// Writes the record of `o` (its code and title live in the index).
pub(crate) fn encode(o: &Occupation, vocab: &mut Vocab) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(&o.description);
    w.byte(o.job_zone.unwrap_or(0));
    w.len(o.tasks.len());
    for t in &o.tasks {
        w.str(&t.text);
        w.byte(u8::from(t.core));
        w.opt_f32(t.incumbents);
    }
    for list in [&o.alternate_titles, &o.reported_titles] {
        w.len(list.len());
        for s in list {
            w.str(s);
        }
    }
    for list in [&o.education, &o.experience, &o.training] {
        w.len(list.len());
        for s in list {
            w.byte(s.category);
            w.uint(vocab.id(&s.label));
            w.f32(s.percent);
        }
    }
    for list in [&o.skills, &o.knowledge, &o.work_styles] {
        w.len(list.len());
        for r in list {
            w.uint(vocab.id(&r.id));
            w.uint(vocab.id(&r.name));
            w.f32(r.importance);
            w.opt_f32(r.level);
        }
    }
    w.len(o.technologies.len());
    for t in &o.technologies {
        w.str(&t.name);
        w.uint(vocab.id(&t.class));
        w.byte(u8::from(t.hot) | (u8::from(t.in_demand) << 1));
    }
    w.len(o.related.len());
    for r in &o.related {
        w.str(&r.code);
        w.uint(vocab.id(&r.title));
        w.uint(vocab.id(&r.tier));
    }
    w.buf
}

/// Reads a record written by [`encode`].
pub(crate) fn decode(
    code: &str,
    title: &str,
    bytes: &[u8],
    vocab: &[String],
) -> Option<Occupation> {
    let mut r = Reader::new(bytes);
    let word = |r: &mut Reader<'_>| -> Option<String> {
        vocab.get(usize::try_from(r.uint()?).ok()?).cloned()
    };
    let description = r.str()?.to_string();
    let job_zone = Some(r.byte()?).filter(|z| *z != 0);
    let n = r.len()?;
    let mut tasks = Vec::with_capacity(n);
    for _ in 0..n {
        tasks.push(Task {
            text: r.str()?.to_string(),
            core: r.byte()? == 1,
            incumbents: r.opt_f32()?,
        });
    }
    let mut strings = || -> Option<Vec<String>> {
        let n = r.len()?;
        (0..n).map(|_| r.str().map(str::to_string)).collect()
    };
    let alternate_titles = strings()?;
    let reported_titles = strings()?;
    let mut shares = || -> Option<Vec<Share>> {
        let n = r.len()?;
        (0..n)
            .map(|_| {
                Some(Share {
                    category: r.byte()?,
                    label: word(&mut r)?,
                    percent: r.f32()?,
                })
            })
            .collect()
    };
    let (education, experience, training) = (shares()?, shares()?, shares()?);
    let mut rated = || -> Option<Vec<Rated>> {
        let n = r.len()?;
        (0..n)
            .map(|_| {
                Some(Rated {
                    id: word(&mut r)?,
                    name: word(&mut r)?,
                    importance: r.f32()?,
                    level: r.opt_f32()?,
                })
            })
            .collect()
    };
    let (skills, knowledge, work_styles) = (rated()?, rated()?, rated()?);
    let n = r.len()?;
    let technologies = (0..n)
        .map(|_| {
            let name = r.str()?.to_string();
            let class = word(&mut r)?;
            let flags = r.byte()?;
            Some(Technology {
                name,
                class,
                hot: flags & 1 != 0,
                in_demand: flags & 2 != 0,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let n = r.len()?;
    let related = (0..n)
        .map(|_| {
            Some(Related {
                code: r.str()?.to_string(),
                title: word(&mut r)?,
                tier: word(&mut r)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Occupation {
        code: code.to_string(),
        soc: code.get(..7).unwrap_or(code).to_string(),
        title: title.to_string(),
        description,
        job_zone,
        tasks,
        alternate_titles,
        reported_titles,
        education,
        experience,
        training,
        skills,
        knowledge,
        work_styles,
        technologies,
        related,
    })
}
