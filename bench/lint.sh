#!/usr/bin/env bash
# Times `hirekit lint` on plain-text ads made to give N findings each
# (one "ninja", a jargon warning, per line), to show that the cost grows
# linearly with the number of findings.
# Usage: bench/lint.sh [debug|release]   (default release; builds it first)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-release}"
if [ "$profile" = release ]; then
  cargo build --release --quiet
  bin="$PWD/target/release/hirekit"
else
  cargo build --quiet
  bin="$PWD/target/debug/hirekit"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F), $profile build"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$dir"
# CPU time (user + system) rather than wall time: the machines here are
# shared, and CPU time is what grows with the work.
TIMEFORMAT='%U %S'
for format in text json; do
  printf '\n--format %s\nfindings\tCPU seconds\tfindings/s\tratio to 5,000\n' "$format"
  base=""
  for n in 5000 10000 20000 40000 80000; do
    # Each line is a list item with one jargon word: N findings.
    [ -f "ad-$n.txt" ] || awk -v n="$n" 'BEGIN { print "Support Agent"; print ""; for (i = 0; i < n; i++) printf "- line %d: be a ninja\n", i }' > "ad-$n.txt"
    { time "$bin" lint "ad-$n.txt" --format "$format" > "out-$n.$format" || true; } 2> time.txt
    secs=$(awk '{ print $1 + $2 }' time.txt)
    found=$(grep -c 'wording/jargon' "out-$n.$format" || true)
    [ -z "$base" ] && base="$secs"
    printf '%s\t%.2f\t%.0f\t%.1fx\n' "$found" "$secs" "$(echo "$found / $secs" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  done
done
