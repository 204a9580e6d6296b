//! The command line, as clap derive types. No logic here: `commands` turns
//! these into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn YAML role profiles into job descriptions, job posts, job briefs and
/// interview guides, as Markdown, HTML, plain text or JSON.
#[derive(Debug, Parser)]
#[command(name = "hirekit", version, about, long_about = None, propagate_version = true)]
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

/// When to use color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stderr is a terminal and NO_COLOR is not set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render one document for one role (and optionally one location)
    Render(RenderArgs),
    /// Render one ad per row of a locations CSV into a folder, with a manifest and an index
    Batch(BatchArgs),
    /// List roles
    #[command(subcommand)]
    Roles(RolesCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

/// `hirekit render`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    hirekit render customer-service-representative\n  \
    hirekit render customer-service-representative --doc job-post --location \"Detroit, MI\" --format html\n  \
    hirekit render roles/cashier.yaml --doc interview-guide --format txt -o guide.txt")]
pub struct RenderArgs {
    /// A role id (from the workspace's roles/ or the built-ins) or a path to a role YAML file
    pub role: String,
    /// The document: job-description (default), job-post, job-brief, interview-guide, or a workspace template's name
    #[arg(long, short = 'd', value_name = "NAME")]
    pub doc: Option<String>,
    /// Output format [default: md]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = ["md", "html", "txt", "json"])]
    pub format: Option<String>,
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
    /// Write to this file instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
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
content changed, and --clean removes the files of rows that are gone.")]
pub struct BatchArgs {
    /// Role ids (from the workspace's roles/ or the built-ins) or paths to role YAML files
    #[arg(required = true, value_name = "ROLE")]
    pub roles: Vec<String>,
    /// The locations CSV: one ad per row (default: hirekit.yaml `batch.locations`)
    #[arg(long, value_name = "FILE")]
    pub locations: Option<PathBuf>,
    /// The output folder (default: hirekit.yaml `batch.out`)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A document to render for every row; repeat for several [default: job-post]
    #[arg(long, short = 'd', value_name = "NAME")]
    pub doc: Vec<String>,
    /// Formats, comma-separated: md, html, txt, json [default: md,html]
    #[arg(long, short = 'f', value_name = "LIST", value_delimiter = ',', value_parser = ["md", "html", "txt", "json"])]
    pub format: Vec<String>,
    /// File names under --out, with {role} {doc} {location} {state} {city} {ext} [default: {role}/{doc}/{location}.{ext}]
    #[arg(long, value_name = "PATTERN")]
    pub pattern: Option<String>,
    /// A company profile (default: the workspace's company.yaml, if any)
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// Threads that render and write [default: the number of CPUs]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Render only the I-th of N slices of the rows (by a hash of each row's id), e.g. 2/3
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
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
    #[arg(long, value_name = "KIND", value_parser = ["indeed"])]
    pub feed: Option<String>,
    /// Where --out is published (e.g. https://jobs.example.com/ads), for the feed's job URLs
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Render every ad, even those whose inputs did not change since the last run
    #[arg(long)]
    pub force: bool,
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
