//! What the occupation library holds for one occupation: O*NET 29.3
//! content (CC BY 4.0) keyed by its O*NET-SOC code. Plain data, no I/O;
//! `library::data` decodes it from the embedded files and
//! `library::draft` turns it into a role profile.

use serde::Serialize;

/// One O*NET occupation, as the library stores it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Occupation {
    /// The O*NET-SOC code, e.g. `43-4051.00` or `35-3023.01`.
    pub code: String,
    /// The six-digit SOC code it belongs to, e.g. `43-4051`.
    pub soc: String,
    /// O*NET's title, e.g. `Customer Service Representatives`.
    pub title: String,
    /// O*NET's one-paragraph description.
    pub description: String,
    /// Job zone 1-5 (how much preparation the work needs), when rated.
    pub job_zone: Option<u8>,
    /// Tasks, most relevant first: core before supplemental, then by the
    /// share of incumbents who reported the task, then by task id.
    pub tasks: Vec<Task>,
    /// Alternate titles (O*NET's search index), in the file's order,
    /// without duplicates.
    pub alternate_titles: Vec<String>,
    /// Titles incumbents reported; those shown in My Next Move first.
    pub reported_titles: Vec<String>,
    /// Required level of education (O*NET RL categories), as shares.
    pub education: Vec<Share>,
    /// Related work experience (RW categories), as shares.
    pub experience: Vec<Share>,
    /// On-the-job training (OJ categories), as shares.
    pub training: Vec<Share>,
    /// Skills with their importance, most important first.
    pub skills: Vec<Rated>,
    /// Knowledge areas with their importance, most important first.
    pub knowledge: Vec<Rated>,
    /// Work styles with their importance, most important first.
    pub work_styles: Vec<Rated>,
    /// Technologies used on the job (O*NET Technology Skills examples).
    pub technologies: Vec<Technology>,
    /// Related occupations, in O*NET's order (tier, then index).
    pub related: Vec<Related>,
}

/// One task statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Task {
    /// The statement as O*NET words it ("Confer with customers by ...").
    pub text: String,
    /// `Core` (true) or `Supplemental` (false).
    pub core: bool,
    /// Percent of incumbents who reported the task, where published.
    pub incumbents: Option<f32>,
}

/// One category of an education, experience or training distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Share {
    /// O*NET's category number within its scale (RL 1-12, RW 1-11, OJ 1-9).
    pub category: u8,
    /// O*NET's description of the category.
    pub label: String,
    /// Percent of respondents in this category (0-100).
    pub percent: f32,
}

/// A skill, knowledge area or work style and how much it matters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Rated {
    /// O*NET's element id, e.g. `2.A.1.a` or `1.C.5.a`.
    pub id: String,
    /// O*NET's element name, e.g. `Active Listening`, `Dependability`.
    pub name: String,
    /// Importance on O*NET's 1-5 scale.
    pub importance: f32,
    /// Level on O*NET's 0-7 scale, where one is rated (not for work styles).
    pub level: Option<f32>,
}

/// A technology example (a product or tool) and its class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Technology {
    /// The example, e.g. `Microsoft Excel`.
    pub name: String,
    /// Its commodity class, e.g. `Spreadsheet software`.
    pub class: String,
    /// O*NET's "Hot Technology" flag.
    pub hot: bool,
    /// O*NET's "In Demand" flag.
    pub in_demand: bool,
}

/// A related occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Related {
    /// Its O*NET-SOC code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// O*NET's relatedness tier, e.g. `Primary-Short`.
    pub tier: String,
}
