#!/usr/bin/env bash
# Times single `hirekit render` runs, start-up included, with hyperfine.
# Usage: bench/render.sh            (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 1; }
cargo build --release --quiet
bin="$PWD/target/release/hirekit"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
cd "$(mktemp -d)"
# The hand-written built-in against occupations drafted from the library
# (target: a library occupation at most 2x the built-in's time).
hyperfine --warmup 20 --runs 200 -N \
  "$bin render customer-service-representative" \
  "$bin render customer-service-representative --doc job-post --location 'Detroit, MI' --format html" \
  "$bin render customer-service-representative --doc interview-guide --format txt" \
  "$bin render 41-2011" \
  "$bin render 29-1141 --doc job-post --location 'Detroit, MI' --format html" \
  "$bin render 53-3032 --doc interview-guide --format txt"
