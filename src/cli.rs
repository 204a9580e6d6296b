//! The command line, as clap derive types. No logic here: `commands` turns
//! these into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::ui::ColorChoice;

/// `hirekit --version`: the version and the sources of the built-in data.
/// The O*NET sentence is O*NET's credit line, required by its licence; a
/// test checks it equals `library::ONET_CREDIT`.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\n\nOccupation library: O*NET 29.3 and BLS Occupational Employment and Wage Statistics \
     (OEWS) May 2025 (U.S. Bureau of Labor Statistics, public domain).\n",
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of \
     Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 \
     license. O*NET® is a trademark of USDOL/ETA."
);

/// Turn YAML role profiles into job descriptions, job posts, job briefs and
/// interview guides, as Markdown, HTML, plain text or JSON.
#[derive(Debug, Parser)]
#[command(name = "hirekit", version, long_version = LONG_VERSION, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Start with: hirekit render customer-service-representative\n\
                        Built-in roles: hirekit roles list"
)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this workspace folder instead of looking for hirekit.yaml in the current folder and its ancestors
    #[arg(long, global = true, value_name = "DIR", env = "HIREKIT_WORKSPACE")]
    pub workspace: Option<PathBuf>,
    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to color messages on stderr (NO_COLOR is honored)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render one document for one role (and optionally one location)
    Render(RenderArgs),
    /// Check a post for pay-transparency laws, biased wording, readability and missing parts
    Lint(LintArgs),
    /// Render one ad per row of a locations CSV into a folder, with a manifest and an index
    Batch(BatchArgs),
    /// List roles
    #[command(subcommand)]
    Roles(RolesCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Import BLS OEWS pay data into a pay table, or show a pay table
    #[command(subcommand)]
    Pay(PayCommand),
    /// Search the occupation library (O*NET 29.3, BLS OEWS May 2025) and show what it holds
    #[command(subcommand)]
    Occupations(OccupationsCommand),
    /// Create a workspace: settings, a company, an example role, locations and templates/
    Init(InitArgs),
    /// Start a role profile in roles/ from a skeleton to fill in
    New(NewArgs),
    /// List, show or eject (copy out to edit) templates
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            hirekit templates list\n  \
            hirekit templates show partials/pay-location\n  \
            hirekit templates eject job-post\n\n\
            A workspace's templates/NAME overrides the built-in NAME; `builtin/NAME` is always the built-in."
    )]
    Templates(TemplatesCommand),
    /// Validate the workspace (or the given files): profiles, company, pay tables, locations and templates
    Check(CheckArgs),
}

/// `hirekit render`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit render customer-service-representative\n  \
    hirekit render customer-service-representative --doc job-post --location \"Detroit, MI\" --format html\n  \
    hirekit render roles/cashier.yaml --doc interview-guide --format txt -o guide.txt\n  \
    hirekit render customer-service-representative --doc interview-guide --format docx -o guide.docx\n  \
    hirekit render customer-service-representative --doc job-post --location \"Denver, CO\" --pay 19.50-23.00/hour --strict\n\n\
A job post is checked against the pay-transparency laws of its location (docs/pay-laws.md): a missing\n\
or open-ended range is a warning, an error with --strict (or `pay.laws: strict` in hirekit.yaml).")]
pub struct RenderArgs {
    /// A role: a path to a YAML file, a role id (the workspace's roles/, the built-ins), or any occupation of the library by SOC code (41-2011), O*NET code or title (cashier)
    #[arg(value_parser = OpenSet::roles(), hide_possible_values = true)]
    pub role: String,
    /// The document: job-description (default), job-post, job-brief, interview-guide, or a workspace template's name
    #[arg(long, short = 'd', value_name = "NAME", value_parser = OpenSet::documents(), hide_possible_values = true)]
    pub doc: Option<String>,
    /// Output format [default: md]; docx is a Word document: give -o FILE.docx (to stdout only when it is not a terminal)
    #[arg(long, short = 'f', value_name = "FORMAT", value_enum)]
    pub format: Option<crate::render::Format>,
    /// The location, as "City, ST" (pay then comes from that state's BLS figures)
    #[arg(
        long,
        short = 'l',
        value_name = "CITY, ST",
        conflicts_with = "locations"
    )]
    pub location: Option<String>,
    /// A locations CSV; with --id, render that row (its pay range, dates and postal code included)
    #[arg(long, value_name = "FILE", requires = "id")]
    pub locations: Option<PathBuf>,
    /// The row of --locations to render: its `id` column, or `<state>-<city>` slugged (e.g. mi-detroit)
    #[arg(long, value_name = "ID", requires = "locations")]
    pub id: Option<String>,
    /// A company profile (default: the workspace's company.yaml, if any)
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// With --format html: only the body, without the page shell
    #[arg(long)]
    pub fragment: bool,
    /// Write to this file instead of stdout (`-` for stdout); its folder must exist
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The employer's offered pay, replacing the row's: MIN-MAX/hour, MIN-MAX/year, one figure (21/hour), or `commission` (commission only)
    #[arg(long, value_name = "PAY", value_parser = crate::load::pay_arg::parse)]
    pub pay: Option<crate::load::pay_arg::PayArg>,
    /// The posting date of a job post whose location gives none (its `datePosted`, and the date the pay-transparency laws are checked for), as YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::lint::date::parse_arg)]
    pub date: Option<crate::lint::Date>,
    /// Fail (exit 1, nothing written) when a job post breaks a pay-transparency law, instead of warning
    #[arg(long)]
    pub strict: bool,
}

/// `hirekit lint`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 when clean (notes allowed), 1 on an error (or a warning \
    with --deny warnings), 2 on a usage error.\n\n\
    Examples:\n  \
    hirekit lint customer-service-representative --location \"Denver, CO\"\n  \
    hirekit lint roles/cashier.yaml --locations sites.csv --format json\n  \
    hirekit lint ad.html --location \"Seattle, WA\" --deny warnings --format sarif"
)]
pub struct LintArgs {
    /// A role (a YAML file, a role id, or an occupation's SOC code or title; rendered, then checked), or a job ad to check as it is (.md, .txt, .html, or a file without an extension, whose kind is sniffed)
    #[arg(value_parser = OpenSet::roles(), hide_possible_values = true)]
    pub target: String,
    /// The document to render for a role [default: job-post]
    #[arg(long, short = 'd', value_name = "NAME", value_parser = OpenSet::documents(), hide_possible_values = true)]
    pub doc: Option<String>,
    /// The location the post is for, as "City, ST"
    #[arg(
        long,
        short = 'l',
        value_name = "CITY, ST",
        conflicts_with = "locations"
    )]
    pub location: Option<String>,
    /// A locations CSV: check the post for every row (pay ranges come from pay_min/pay_max)
    #[arg(long, value_name = "FILE")]
    pub locations: Option<PathBuf>,
    /// A company profile (default: the workspace's company.yaml, if any)
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = LintFormat::Text, value_name = "FORMAT")]
    pub format: LintFormat,
    /// Fail on warnings too (`--deny warnings`)
    #[arg(long, value_name = "LEVEL", value_enum)]
    pub deny: Option<DenyLevel>,
    /// The posting date for rows without date_posted, as YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::lint::date::parse_arg)]
    pub date: Option<crate::lint::Date>,
    /// Read the target as an ad of this kind, whatever its name [default: by extension; a file without one is sniffed]
    #[arg(long = "as", value_enum, value_name = "KIND")]
    pub as_kind: Option<AdAs>,
}

/// How `hirekit lint --as` reads an ad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AdAs {
    /// Plain text, by lines
    Text,
    /// Markdown, with optional YAML front matter
    Markdown,
    /// HTML
    Html,
}

/// What `--deny` turns into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Warnings fail the run (exit 1) as errors do
    Warnings,
}

/// Job feeds `hirekit batch --feed` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedKind {
    /// An Indeed XML job feed (feed.xml)
    Indeed,
}

/// `hirekit lint` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Findings for people, grouped by file
    Text,
    /// A stable JSON document (see docs/lint.md)
    Json,
    /// SARIF 2.1.0, for CI systems that show findings inline
    Sarif,
}

/// `hirekit batch`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit batch customer-service-representative --locations sites.csv --out dist\n  \
    hirekit batch customer-service-representative roles/cashier.yaml --locations sites.csv --out dist \\\n      \
    --doc job-post --doc job-brief --format md,html,txt\n  \
    hirekit batch customer-service-representative --locations sites.csv --out dist \\\n      \
    --feed indeed --base-url https://jobs.example.com/ads\n  \
    hirekit batch customer-service-representative --locations sites.csv --out dist --shard 2/3\n  \
    hirekit batch customer-service-representative --locations sites.csv --out dist \\\n      \
    --pattern '{state}/{city}/{doc}.{ext}' --clean\n\n\
Files are named by --pattern (default {role}/{doc}/{location}.{ext}) and written atomically.\n\
manifest.json lists every file with its size and SHA-256; a rerun writes only files whose\n\
content changed, and --clean removes the files of rows that are gone.\n\n\
Job posts are checked against the pay-transparency laws of every row first: one line per law with\n\
a count and examples (-v: every row); --strict (or `pay.laws: strict`) fails before writing.")]
pub struct BatchArgs {
    /// Roles: paths to YAML files, role ids (the workspace's roles/, the built-ins), or occupations by SOC code or title
    #[arg(required = true, value_name = "ROLE", value_parser = OpenSet::roles(), hide_possible_values = true)]
    pub roles: Vec<String>,
    /// The locations CSV: one ad per row (default: hirekit.yaml `batch.locations`)
    #[arg(long, value_name = "FILE")]
    pub locations: Option<PathBuf>,
    /// The output folder (default: hirekit.yaml `batch.out`)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A document to render for every row; repeat for several [default: job-post]
    #[arg(long, short = 'd', value_name = "NAME", value_parser = OpenSet::documents(), hide_possible_values = true)]
    pub doc: Vec<String>,
    /// Formats, comma-separated: md, html, txt, json, docx (Word) [default: md,html]
    #[arg(
        long,
        short = 'f',
        value_name = "LIST",
        value_delimiter = ',',
        value_enum
    )]
    pub format: Vec<crate::render::Format>,
    /// File names under --out, with {role} {doc} {location} {state} {city} {ext} [default: {role}/{doc}/{location}.{ext}]
    #[arg(long, value_name = "PATTERN", value_parser = clap::value_parser!(crate::batch::plan::Pattern))]
    pub pattern: Option<crate::batch::plan::Pattern>,
    /// A company profile (default: the workspace's company.yaml, if any)
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// Threads that render and write, 1 to 256 [default: the number of CPUs]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Render only the I-th of N slices of the rows (by a hash of each row's id), e.g. 2/3
    #[arg(long, value_name = "I/N", value_parser = clap::value_parser!(crate::batch::plan::Shard))]
    pub shard: Option<crate::batch::plan::Shard>,
    /// Render the valid rows even when some rows have errors (the errors are listed; exit code 1)
    #[arg(long, short = 'k')]
    pub keep_going: bool,
    /// Remove the files the previous manifest listed that this run did not produce
    #[arg(long)]
    pub clean: bool,
    /// Check, render and compare, but write and remove nothing
    #[arg(long, short = 'n')]
    pub dry_run: bool,
    /// Also write a job feed of the job posts: feed.xml in Indeed's XML format
    #[arg(long, value_name = "KIND", value_enum)]
    pub feed: Option<FeedKind>,
    /// Where --out is published (e.g. https://jobs.example.com/ads), for the feed's job URLs
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Render every ad, even those whose inputs did not change since the last run
    #[arg(long)]
    pub force: bool,
    /// The posting date of new ads whose row has no date_posted, as YYYY-MM-DD [default: today]; an ad keeps the date it was first posted on (see manifest.json), and the pay-transparency laws are checked for each ad's date
    #[arg(long, value_name = "DATE", value_parser = crate::lint::date::parse_arg)]
    pub date: Option<crate::lint::Date>,
    /// Fail (exit 1, nothing written) when a job post breaks a pay-transparency law, instead of warning
    #[arg(long)]
    pub strict: bool,
}

/// `hirekit roles`.
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// List every role: the workspace's and the built-ins
    List,
}

/// `hirekit completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `hirekit pay`.
#[derive(Debug, Subcommand)]
pub enum PayCommand {
    /// Build the pay table (CSV) of one occupation from BLS OEWS files (.xlsx or .csv)
    Import(PayImportArgs),
    /// Print a pay table as an aligned table
    Show(PayShowArgs),
}

/// `hirekit pay import`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit pay import national_M2023_dl.xlsx --soc 43-4051\n  \
    hirekit pay import national_M2023_dl.xlsx state_M2023_dl.xlsx --soc 43-4051 -o pay/43-4051.csv\n\n\
    The files are BLS's OEWS downloads (https://www.bls.gov/oes/tables.htm), unzipped.\n\
    Each area (US, a state, DC, a territory) must come from one file only.")]
pub struct PayImportArgs {
    /// BLS OEWS files: national_M2023_dl.xlsx, state_M2023_dl.xlsx, older layouts back to 2014, or CSV exports of them
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The occupation's SOC code: 43-4051, 434051 or 43-4051.00
    #[arg(long, value_name = "CODE", value_parser = soc_code)]
    pub soc: String,
    /// Write the pay table to this file (e.g. pay/43-4051.csv; `-` for stdout); its folder must exist
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The survey period, e.g. "May 2023" [default: from the file names, as national_M2023_dl]
    #[arg(long, value_name = "PERIOD")]
    pub survey: Option<String>,
}

/// `hirekit pay show`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit pay show 43-4051\n  \
    hirekit pay show 43-4051 --area MI\n  \
    hirekit pay show 41-2011 --area \"Detroit-Warren-Dearborn, MI\"\n  \
    hirekit pay show pay/43-4051.csv\n\n\
    Without a workspace or built-in table, a SOC code shows the occupation library's figures \
    (BLS OEWS May 2025), from the broader code BLS pays it under where it has none of its own.")]
pub struct PayShowArgs {
    /// A SOC code (the workspace's pay/<SOC>.csv, else the built-in table, else the occupation library) or the path of a pay-table CSV
    #[arg(value_name = "SOC|FILE")]
    pub table: String,
    /// Show one area in full, with every percentile: US, a state code or name, or a metro or nonmetro area by OEWS code (19820) or title
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
}

/// Parses `--soc`: a SOC code in any form BLS or O*NET writes it.
fn soc_code(s: &str) -> Result<String, String> {
    crate::oews::normalize_soc(s)
        .ok_or_else(|| "expected a SOC code such as 43-4051 (or 434051, 43-4051.00)".to_string())
}

/// `hirekit occupations`.
#[derive(Debug, Subcommand)]
pub enum OccupationsCommand {
    /// Find occupations by title, alternate title or reported title (typos tolerated)
    Search(OccupationsSearchArgs),
    /// Show what the library holds for one occupation, with its national pay
    Show(OccupationsShowArgs),
    /// Maintainers: rebuild the embedded library files from the raw public data
    Build(OccupationsBuildArgs),
}

/// Output format of `occupations search` and `occupations show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text for people
    Text,
    /// JSON for other tools
    Json,
}

/// `hirekit occupations search`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit occupations search cashier\n  \
    hirekit occupations search \"custmer service\" --limit 5\n  \
    hirekit occupations search nurse --format json")]
pub struct OccupationsSearchArgs {
    /// Words of a job title, e.g. "registered nurse"
    #[arg(value_name = "TEXT", required = true, num_args = 1..)]
    pub text: Vec<String>,
    /// How many results to show at most
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// `hirekit occupations show`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit occupations show 43-4051\n  \
    hirekit occupations show 35-3023.01\n  \
    hirekit occupations show 291141 --format json\n\n\
    A six-digit SOC code shows its .00 occupation (or the first O*NET code of that SOC).")]
pub struct OccupationsShowArgs {
    /// An O*NET-SOC or SOC code: 43-4051, 434051, 43-4051.00, 35-3023.01
    #[arg(value_name = "CODE")]
    pub code: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// `hirekit occupations build`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit occupations build\n  \
    hirekit occupations build --from ../shared/data --out data/library\n\n\
    For maintainers, run from the repository: reads onet-29.3/, oews-may2025/ and geo/ under --from \
    and writes the files the binary embeds. The same input gives byte-identical files.")]
pub struct OccupationsBuildArgs {
    /// The folder of the raw public data (with onet-29.3/, oews-may2025/, geo/)
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub from: PathBuf,
    /// The folder to write the library files into (created if missing)
    #[arg(long, value_name = "DIR", default_value = "data/library")]
    pub out: PathBuf,
}

/// `hirekit init`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit init acme-hiring && cd acme-hiring && hirekit check\n  \
    hirekit init            (in the current folder)\n\n\
    Existing files are never overwritten: init stops before writing anything.")]
pub struct InitArgs {
    /// The folder to create the workspace in (created if missing) [default: the current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `hirekit new`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit new \"Warehouse Associate\" --soc 53-7065\n  \
    hirekit new \"Medical Receptionist\"\n\n\
    Writes roles/<slug>.yaml in the workspace. Replace every \"TODO:\" value; \
    `hirekit check` lists those left with line and column.")]
pub struct NewArgs {
    /// The job title, e.g. "Warehouse Associate"; the file name and id are its slug
    #[arg(value_name = "JOB TITLE")]
    pub title: String,
    /// The SOC code (NN-NNNN) or O*NET-SOC code (NN-NNNN.NN): a code in the occupation library drafts every section from it; otherwise it picks the BLS pay table and the rest is a skeleton to fill in
    #[arg(long, value_name = "CODE")]
    pub soc: Option<String>,
}

/// `hirekit templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List every template, and whether it is built-in, overridden by the workspace, or new
    List,
    /// Print the source of the template in effect (`builtin/NAME` for the built-in one)
    #[command(after_help = "Examples:\n  \
        hirekit templates show job-post\n  \
        hirekit templates show partials/pay-location\n  \
        hirekit templates show builtin/job-post.md")]
    Show(TemplatesShowArgs),
    /// Copy built-in templates into the workspace's templates/ to edit them
    #[command(after_help = "Examples:\n  \
        hirekit templates eject job-post\n  \
        hirekit templates eject partials/about-us partials/apply\n\n\
        To change one block only, write templates/job-post.md with \
        {% extends \"builtin/job-post.md\" %} and that block instead of ejecting.")]
    Eject(TemplatesEjectArgs),
}

/// `hirekit templates show`.
#[derive(Debug, Args)]
pub struct TemplatesShowArgs {
    /// The template, with or without `.md` (job-post = job-post.md)
    #[arg(value_name = "NAME")]
    pub name: String,
}

/// `hirekit templates eject`.
#[derive(Debug, Args)]
pub struct TemplatesEjectArgs {
    /// Built-in templates to copy, with or without `.md`
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,
    /// Overwrite templates that are already in the workspace
    #[arg(long)]
    pub force: bool,
}

/// `hirekit check`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit check\n  \
    hirekit check roles/warehouse-associate.yaml sites.csv\n  \
    hirekit check templates/job-post.md\n\n\
    Every problem is reported with its file, line and column; the exit code is 1 if there is any. \
    A locations file's rows are all checked; its first 10,000 rows are also trial-rendered \
    (`hirekit batch --dry-run` renders every row), and at most 50 bad rows are shown.")]
pub struct CheckArgs {
    /// Files or folders to check instead of the whole workspace: role profiles, company files, pay tables, locations CSVs, templates
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// A value that may be anything, with known values to offer: shell
/// completion suggests the built-in role ids or document names, while a
/// path or a workspace's own role or template is accepted as it is (the
/// command checks it, with a located error).
#[derive(Debug, Clone, Copy)]
pub struct OpenSet(&'static [&'static str]);

impl OpenSet {
    /// The built-in role ids.
    fn roles() -> OpenSet {
        OpenSet(crate::builtin::ROLE_IDS)
    }

    /// The built-in document names.
    fn documents() -> OpenSet {
        OpenSet(crate::builtin::DOCUMENTS)
    }
}

impl clap::builder::TypedValueParser for OpenSet {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}
