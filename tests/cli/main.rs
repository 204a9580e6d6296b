//! Integration tests: drive the `hirekit` binary end to end.
//!
//! One module per feature; `support` is the harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The harness is shared by every module; not every module uses every helper.
#![allow(unreachable_pub, dead_code)]

mod batch; // `hirekit batch`: many ads, manifest, feed, index, shards
mod errors; // user-facing error messages, as snapshots
mod render; // `hirekit render`: every built-in document in every format
mod roles; // `hirekit roles list`, `completions`, `--help`
mod support;
