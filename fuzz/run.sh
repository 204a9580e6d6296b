#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 300), seeded from fixtures.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-300}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p corpus/role_profile corpus/locations_csv corpus/company_profile corpus/oews
cp ../data/roles/*.yaml ../tests/fixtures/errors/yaml/*.yaml corpus/role_profile/ 2>/dev/null || true
cp ../tests/fixtures/locations/*.csv ../tests/fixtures/errors/csv/*.csv corpus/locations_csv/ 2>/dev/null || true
find ../tests/fixtures ../examples -name "company*.yaml" -exec cp {} corpus/company_profile/ \; 2>/dev/null || true
mkdir -p corpus/oews && cp ../tests/fixtures/oews/*.csv ../tests/fixtures/oews/*.xlsx corpus/oews/ 2>/dev/null || true
for target in $(cargo +nightly fuzz list); do
  echo "== $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
done
