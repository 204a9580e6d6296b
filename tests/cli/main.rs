//! Integration tests: drive the `hirekit` binary end to end.
//!
//! One module per feature; `support` is the harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The harness is shared by every module; not every module uses every helper.
#![allow(unreachable_pub, dead_code)]

mod batch; // `hirekit batch`: many ads, manifest, feed, index, shards
mod check; // `hirekit check`: every problem of a workspace, located
mod crash; // a killed batch leaves whole files; arbitrary CSV text never changes which files are written
mod documents; // documents a recruiter would publish: headings, the example post, words, the brief, the interview guide
mod docx; // `--format docx`: Word files that python-docx, pandoc and LibreOffice read; reference styles
mod drafting; // `hirekit new --soc` with a library code: a drafted profile that checks and renders
mod errors; // user-facing error messages, as snapshots
mod html; // web pages: valid HTML, JSON-LD, text from data stays text, a real browser
mod jobposting; // JobPosting for Google for Jobs: dates kept by batch, organization, requirements; the feed's URLs; the index page
mod lint; // `hirekit lint`: laws by location, located wording, formats, exit codes
mod occupation_roles; // roles drafted from the occupation library: every document, every format, 30 occupations
mod occupations; // `hirekit occupations`: search, show, the reproducible data build
mod outfolder; // what batch may do in --out: one run at a time, no links, clean only what is hirekit's
mod output; // `-o FILE`: devices and pipes written in place, links followed, `-` is stdout
mod pay; // `hirekit pay import` (BLS OEWS files) and `pay show`
mod paylaw; // pay laws at render time: warnings, --strict, --pay, laws by posting date
mod profiles; // short profiles, what each document needs, every problem of a profile at once, `extra:`
mod reliability; // hostile input: no command panics, crashes or hangs on the error corpus
mod render; // `hirekit render`: every built-in document in every format
mod roles; // `hirekit roles list`, `completions`, `--help`
mod support;
mod templates; // overrides, `templates list|show|eject`, template errors, the reference
mod workspace; // discovery, `init`, `new`, and the example workspace
