//! A recruiter-style singular job title from O*NET's plural occupation
//! title. A simple title is made singular (`Registered Nurses` →
//! `Registered Nurse`). A title that lists occupations or qualifiers
//! (`Heavy and Tractor-Trailer Truck Drivers`, `Police and Sheriff's Patrol
//! Officers`, `First-Line Supervisors of ...`) takes the reported title
//! (those shown in My Next Move first) that shares the most words with it
//! and ends in one of its head nouns (`Truck Driver`, `Police Officer`);
//! failing that, rules shorten the title itself.

use super::text::singular;

/// The singular job title for an O*NET title and its reported titles.
pub(crate) fn job_title(onet_title: &str, reported: &[String]) -> String {
    // "Helpers--Electricians" → "Electrician Helper".
    if let Some((kind, trade)) = onet_title.split_once("--") {
        return format!("{} {}", job_title(trade, &[]), singular_phrase(kind));
    }
    let base = strip_scope(onet_title);
    let simple = !base.contains(',') && !base.contains(" and ") && !base.contains(" of ");
    if simple {
        let (qualifier, _) = split_qualifier(&strip_notes(onet_title));
        return match qualifier {
            Some(q) => format!("{q} {}", singular_phrase(&base)),
            None => singular_phrase(&base),
        };
    }
    if let Some(best) = best_reported(&base, reported) {
        return best;
    }
    fallback(&base)
}

/// The title without O*NET's scope notes: `, Except ...`, `, All Other`,
/// `, Including ...` and a trailing qualifier (`, Postsecondary`).
fn strip_scope(title: &str) -> String {
    let (_, head) = split_qualifier(&strip_notes(title));
    head
}

/// The title without `, Except ...`, `, All Other` and `, Including ...`.
fn strip_notes(title: &str) -> String {
    let mut t = title.to_string();
    for marker in [", Except ", ", All Other", ", Including ", " Except "] {
        if let Some(pos) = t.find(marker) {
            t.truncate(pos);
        }
    }
    t
}

/// Whether a word is the plural of a noun for a worker ("Clerks",
/// "Physicians", "Attorneys"), not of a thing ("Securities", "Services").
fn is_worker_plural(word: &str) -> bool {
    let one = singular(word).to_lowercase();
    if one == word.to_lowercase() {
        return false;
    }
    const ENDINGS: [&str; 34] = [
        "er", "or", "ist", "ian", "ant", "ent", "ic", "ive", "ee", "man", "ar", "eon", "ect", "ef",
        "ge", "ot", "yst", "ide", "ard", "ith", "ach", "ess", "ier", "ney", "ate", "rk", "ook",
        "aid", "rse", "ost", "ain", "ey", "ire", "son",
    ];
    ENDINGS.iter().any(|e| one.ends_with(e))
}

/// Splits `Business Teachers, Postsecondary` into the qualifier
/// `Postsecondary` and the head `Business Teachers`. Only a short final
/// part without `and` counts as a qualifier (a list of occupations such as
/// `Claims Adjusters, Examiners, and Investigators` has none).
fn split_qualifier(title: &str) -> (Option<String>, String) {
    if let Some(pos) = title.rfind(", ") {
        let tail = &title[pos + 2..];
        let words = tail.split_whitespace().count();
        let looks_like_list = tail.starts_with("and ")
            || tail.contains(" and ")
            || tail
                .split_whitespace()
                .last()
                .is_some_and(|w| singular(w) != w);
        if words <= 3 && !looks_like_list && !tail.starts_with("Except") {
            return (Some(tail.to_string()), title[..pos].to_string());
        }
    }
    (None, title.to_string())
}

/// The phrase with its last word made singular.
fn singular_phrase(phrase: &str) -> String {
    let mut words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
    if let Some(last) = words.last_mut() {
        // "Engineers/Architects" → "Engineer/Architect".
        *last = last.split('/').map(singular).collect::<Vec<_>>().join("/");
    }
    words.join(" ")
}

/// Lower-case singular words of a title, hyphenated words split, `'s`
/// dropped, `and`/`of`/`first-line` left out.
fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '/')
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches('\'')
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty() && !matches!(w.as_str(), "and" | "of" | "or" | "first" | "line" | "the")
        })
        .map(|w| singular(&w))
        .collect()
}

/// The head nouns of an O*NET title: the last word of each listed
/// occupation (`Accountants and Auditors` → accountant, auditor) and, for
/// `X of Y`, the word before `of`.
fn head_nouns(base: &str) -> Vec<String> {
    let main = match base.find(" of ") {
        Some(pos) => &base[..pos],
        None => base,
    };
    main.split(", ")
        .flat_map(|part| part.split(" and "))
        .filter_map(|part| part.split_whitespace().last())
        .map(|w| singular(&w.to_lowercase()))
        .collect()
}

/// The reported title that best matches the O*NET title, if one is close
/// enough: it ends in a head noun, shares two words with the O*NET title
/// (or is the first head noun alone) and has no word the title lacks.
/// Among equals, the one earliest in the list (titles shown in My Next
/// Move come first) and whose first word comes earliest in the O*NET title
/// wins, then the shorter.
fn best_reported(base: &str, reported: &[String]) -> Option<String> {
    let words = title_words(base);
    let heads = head_nouns(base);
    let mut best: Option<(usize, usize, String)> = None;
    for (index, raw) in reported.iter().enumerate() {
        let candidate = strip_parenthetical(raw);
        if candidate.is_empty() || candidate.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let cwords = title_words(&candidate);
        let Some(last) = cwords.last() else { continue };
        if !heads.contains(last) || cwords.iter().any(|w| !words.contains(w)) {
            continue;
        }
        let first_head = cwords.len() == 1 && heads.first() == Some(last);
        if cwords.len() < 2 && !first_head {
            continue;
        }
        let first_word = cwords
            .first()
            .and_then(|w| words.iter().position(|x| x == w))
            .unwrap_or(usize::MAX / 4);
        let rank = index + 2 * first_word;
        let better = best
            .as_ref()
            .is_none_or(|(r, len, _)| (rank, candidate.len()) < (*r, *len));
        if better {
            best = Some((rank, candidate.len(), candidate));
        }
    }
    best.map(|(_, _, title)| title)
}

/// `CDL Driver (Commercial Driver's License Driver)` → `CDL Driver`.
fn strip_parenthetical(title: &str) -> String {
    let t = match title.find(" (") {
        Some(pos) => &title[..pos],
        None => title,
    };
    t.trim().to_string()
}

/// Rules for a listed title no reported title matches.
fn fallback(base: &str) -> String {
    // "First-Line Supervisors of Retail Sales Workers" → "Retail Sales Supervisor".
    if let Some(pos) = base.find(" of ") {
        let head = singular_phrase(base[..pos].trim_start_matches("First-Line "));
        let mut object = base[pos + 4..].trim();
        object = object
            .strip_suffix(" Workers")
            .or_else(|| object.strip_suffix(" Personnel"))
            .unwrap_or(object);
        // "Police and Detectives" → "Police Supervisor"; an object of a
        // specialist stays whole ("Personal and Business Property Appraiser").
        if matches!(head.as_str(), "Supervisor" | "Manager" | "Director") {
            object = object.split(" and ").next().unwrap_or(object);
            object = object.split(", ").next().unwrap_or(object);
        }
        if head.split_whitespace().count() == 1 && !object.contains(',') {
            return format!("{object} {head}");
        }
        return format!("{head} of {object}");
    }
    // The listed items: "Radio", "Cellular", "Tower Equipment Installers",
    // "Repairers". The first that names workers is the title ("Tower
    // Equipment Installer"); a list of modifiers ("Heavy and
    // Tractor-Trailer Truck Drivers") has only its last item.
    let items: Vec<&str> = base
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .map(|i| i.trim_start_matches("and ").trim())
        .filter(|i| !i.is_empty())
        .collect();
    let chosen = items
        .iter()
        .position(|i| i.split_whitespace().last().is_some_and(is_worker_plural))
        .unwrap_or(items.len().saturating_sub(1));
    let item = items.get(chosen).copied().unwrap_or(base);
    // "Power Tool, and Related Repairers" → "Power Tool Repairer";
    // "Engine and Other Machine Assemblers" → "Engine Assembler".
    for lead in ["Related ", "Other "] {
        if let Some(rest) = item.strip_prefix(lead) {
            let head = rest.split_whitespace().last().unwrap_or(rest);
            return match chosen.checked_sub(1).and_then(|i| items.get(i)) {
                Some(before) => format!("{before} {}", singular(head)),
                None => singular_phrase(rest),
            };
        }
    }
    singular_phrase(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(onet: &str, reported: &[&str]) -> String {
        let r: Vec<String> = reported.iter().map(|s| (*s).to_string()).collect();
        job_title(onet, &r)
    }

    #[test]
    fn simple_titles_become_singular() {
        assert_eq!(
            t("Customer Service Representatives", &[]),
            "Customer Service Representative"
        );
        assert_eq!(
            t("Registered Nurses", &["Staff Nurse", "Charge Nurse"]),
            "Registered Nurse"
        );
        assert_eq!(t("Cashiers", &["Cashier", "Checker"]), "Cashier");
        assert_eq!(
            t("Chief Executives", &["CEO (Chief Executive Officer)"]),
            "Chief Executive"
        );
        assert_eq!(
            t("Business Teachers, Postsecondary", &[]),
            "Postsecondary Business Teacher"
        );
        assert_eq!(t("Dentists, General", &[]), "General Dentist");
        assert_eq!(
            t("Architects, Except Landscape and Naval", &[]),
            "Architect"
        );
        assert_eq!(t("File Clerks", &[]), "File Clerk");
        assert_eq!(
            t("Computer Systems Engineers/Architects", &[]),
            "Computer Systems Engineer/Architect"
        );
    }

    #[test]
    fn listed_titles_take_the_closest_reported_title() {
        let truck = [
            "Driver",
            "Line Haul Driver",
            "Over the Road Driver (OTR Driver)",
            "Truck Driver",
            "CDL Driver (Commercial Driver's License Driver)",
            "Log Truck Driver",
            "Semi Truck Driver",
            "Tractor Trailer Driver",
        ];
        assert_eq!(
            t("Heavy and Tractor-Trailer Truck Drivers", &truck),
            "Truck Driver"
        );
        let truck = [
            "Driver",
            "Line Haul Driver",
            "Over the Road Driver (OTR Driver)",
            "Truck Driver",
            "CDL Driver (Commercial Driver's License Driver)",
        ];
        assert_eq!(
            t("Heavy and Tractor-Trailer Truck Drivers", &truck),
            "Truck Driver"
        );
        let police = [
            "Deputy",
            "Deputy Sheriff",
            "Patrol Officer",
            "Police Officer",
        ];
        assert_eq!(
            t("Police and Sheriff's Patrol Officers", &police),
            "Police Officer"
        );
        let secretaries = [
            "Administrative Assistant",
            "Administrative Secretary",
            "Office Assistant",
            "Secretary",
        ];
        assert_eq!(
            t(
                "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
                &secretaries
            ),
            "Administrative Assistant"
        );
    }

    #[test]
    fn listed_titles_without_a_match_fall_back_to_rules() {
        assert_eq!(
            t(
                "First-Line Supervisors of Retail Sales Workers",
                &["Store Manager"]
            ),
            "Retail Sales Supervisor"
        );
        assert_eq!(t("Accountants and Auditors", &[]), "Accountant");
        assert_eq!(
            t("Claims Adjusters, Examiners, and Investigators", &[]),
            "Claims Adjuster"
        );
        assert_eq!(
            t("Heavy and Tractor-Trailer Truck Drivers", &[]),
            "Tractor-Trailer Truck Driver"
        );
        assert_eq!(
            t("Maids and Housekeeping Cleaners", &["Housekeeper"]),
            "Maid"
        );
        assert_eq!(t("Helpers--Electricians", &[]), "Electrician Helper");
        assert_eq!(
            t("First-Line Supervisors of Police and Detectives", &[]),
            "Police Supervisor"
        );
        assert_eq!(
            t("Engine and Other Machine Assemblers", &[]),
            "Engine Assembler"
        );
        assert_eq!(
            t(
                "Securities, Commodities, and Financial Services Sales Agents",
                &[]
            ),
            "Financial Services Sales Agent"
        );
        assert_eq!(
            t("Switchboard Operators, Including Answering Service", &[]),
            "Switchboard Operator"
        );
        assert_eq!(
            t(
                "Radio, Cellular, and Tower Equipment Installers and Repairers",
                &[]
            ),
            "Tower Equipment Installer"
        );
        assert_eq!(
            t("Electric Motor, Power Tool, and Related Repairers", &[]),
            "Power Tool Repairer"
        );
        assert_eq!(
            t("Appraisers of Personal and Business Property", &[]),
            "Personal and Business Property Appraiser"
        );
        assert_eq!(
            t(
                "Education and Childcare Administrators, Preschool and Daycare",
                &[]
            ),
            "Childcare Administrator"
        );
        assert_eq!(
            t("Mobile Heavy Equipment Mechanics, Except Engines", &[]),
            "Mobile Heavy Equipment Mechanic"
        );
    }
}
