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
hyperfine --warmup 20 --runs 200 -N \
  "$bin render customer-service-representative" \
  "$bin render customer-service-representative --doc job-post --location 'Detroit, MI' --format html" \
  "$bin render customer-service-representative --doc interview-guide --format txt"
