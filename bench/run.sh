#!/usr/bin/env bash
# Batch benchmark: `hirekit batch` against the peer of the shared job-ad
# benchmark (one Python process: Jinja2 + Python-Markdown or cmark-gfm), on
# the same generated locations, in the same run.
#
# Usage (from anywhere):
#   bench/run.sh                  # N = 100 10000 100000
#   bench/run.sh 100 10000        # chosen sizes
# Environment:
#   SHARED=DIR     the shared peer benchmark (default: ../shared/bench beside the repository)
#   WORK=DIR       generated data, outputs, the peers' venv (default: bench/work, git-ignored)
#   RUNS=3         timed runs per cell; the median is reported
#   PEER_MAX=10000 largest N the peers run at (Python-Markdown needs ~100 s per 10,000 ads)
#   BIG=1          also N = 1,000,000 with hirekit alone (peak memory; writes ~12 GB)
#   SETTLE=600     seconds to keep the disk quiet after removing earlier runs' outputs
#
# Every run is timed from outside with GNU time (`/usr/bin/time -f`): wall
# seconds, user + sys CPU seconds, peak RSS. ads/s = N / wall. "cold" means
# an empty output folder; "rerun" is the same command again over its own
# output with nothing changed. The tmpfs rows (/dev/shm) take the disk out
# of the picture to compare --jobs 1 and --jobs 2.
#
# The locations come from the shared generator (gen.py), run from a copy in
# WORK so that the shared folder stays read-only; the peer is run from the
# shared folder as it is.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
WORK=${WORK:-$ROOT/bench/work}
RUNS=${RUNS:-3}
PEER_MAX=${PEER_MAX:-10000}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 10000 100000)
[ "${BIG:-0}" = 1 ] && SIZES+=(1000000)
ROLE=customer-service-representative

[ -f "$SHARED/gen.py" ] || { echo "no shared benchmark at $SHARED (set SHARED=...)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
SHARED=$(cd "$SHARED" && pwd)
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# --- setup -------------------------------------------------------------------
(cd "$ROOT" && cargo build --release --locked -q)
HK=$ROOT/target/release/hirekit
if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q -r "$SHARED/requirements.txt"
fi
PY=$WORK/venv/bin/python
mkdir -p "$WORK/gen"
cp "$SHARED/gen.py" "$WORK/gen/gen.py"
(cd "$WORK/gen" && "$PY" gen.py "${SIZES[@]}" >/dev/null)
DATA=$WORK/gen/work
SHM=/dev/shm/hirekit-bench-$$

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd LABEL N -- COMMAND...: runs COMMAND CELL_RUNS times; `{run}` in
# an argument becomes the run's number (a fresh output folder per run).
# Prints one row and appends it to results.tsv.
results=$WORK/results.tsv
[ -f "$results" ] || printf 'date\tcase\tN\truns\twall_s\tcpu_s\tpeak_MiB\tads_per_s\n' >"$results"
declare -A RATE WALL CPU
time_cmd() {
  local label=$1 n=$2
  shift 3
  : >"$WORK/.times"
  : >"$WORK/.walls"
  local k t0 t1
  for k in $(seq "$CELL_RUNS"); do
    [ -z "${PREP:-}" ] || eval "$PREP"
    # Earlier runs' dirty pages are flushed now, not while this one runs.
    sync
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %U %S %M' -a -o "$WORK/.times" "${@//\{run\}/$k}" >/dev/null 2>"$WORK/.stderr" ||
      { cat "$WORK/.stderr" >&2; exit 1; }
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b - a}' >>"$WORK/.walls"
  done
  local wall cpu rss rate
  # Wall time from the shell's microsecond clock (GNU time rounds to 10 ms).
  wall=$(median <"$WORK/.walls")
  cpu=$(awk '{print $2+$3}' "$WORK/.times" | median)
  rss=$(awk '{print $4/1024}' "$WORK/.times" | median)
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')
  RATE[$label/$n]=$rate
  WALL[$label/$n]=$wall
  CPU[$label/$n]=$cpu
  printf '%-34s %8s %8.3f %8.2f %9.1f %10s\n' "$label" "$n" "$wall" "$cpu" "$rss" "$rate"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\n' "$(date -u +%F)" "$label" "$n" "$CELL_RUNS" "$wall" "$cpu" "$rss" "$rate" >>"$results"
}

# Cold runs write into a fresh folder each time, and nothing is deleted
# before or while timing: after many files are deleted, ext4 on this disk
# (mounted with `discard`) creates files slowly for minutes (cold runs took
# 1.8x as long 3 minutes after 220,000 files were deleted). So each run
# writes under WORK/out/<time>, removes the earlier runs' folders only once
# its timing is done, and notes when; a run that starts sooner than SETTLE
# seconds after such a removal waits out the rest first.
ROOT_OUT=$WORK/out
OUT=$ROOT_OUT/$(date -u +%Y%m%dT%H%M%S)
trap 'rm -rf "$SHM"' EXIT
settled=$WORK/.removed-at
if [ -f "$settled" ]; then
  wait_s=$(( $(cat "$settled") + ${SETTLE:-600} - $(date +%s) ))
  if [ "$wait_s" -gt 0 ]; then
    echo "# earlier outputs were removed recently; waiting $wait_s s before timing" >&2
    sleep "$wait_s"
  fi
fi
mkdir -p "$OUT"

echo "# $(date -u '+%F %H:%M') UTC; $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); RUNS=$RUNS"
printf '%-34s %8s %8s %8s %9s %10s\n' case N wall_s cpu_s peak_MiB ads/s
for n in "${SIZES[@]}"; do
  CELL_RUNS=$RUNS
  [ "$n" -lt 1000000 ] || CELL_RUNS=1
  csv=$DATA/locations-$n.csv
  batch=("$HK" -q batch "$ROLE" --locations "$csv")
  PREP=
  time_cmd "hirekit job-post md+html, cold" "$n" -- "${batch[@]}" --out "$OUT/hirekit-$n-{run}"
  time_cmd "hirekit job-post md+html, rerun" "$n" -- "${batch[@]}" --out "$OUT/hirekit-$n-1"
  if [ "$n" -le 10000 ]; then
    time_cmd "hirekit job-description, cold" "$n" -- "${batch[@]}" --doc job-description --out "$OUT/desc-$n-{run}"
  fi
  if [ "$n" -le "$PEER_MAX" ]; then
    for engine in markdown cmarkgfm; do
      time_cmd "peer jinja_batch --engine $engine" "$n" -- \
        "$PY" "$SHARED/peer/jinja_batch.py" --engine "$engine" --profile "$DATA/profile.yaml" "$csv" "$OUT/peer-$engine-$n-{run}"
    done
  fi
  if [ "$n" -le 100000 ]; then
    for jobs in 1 2; do
      PREP="rm -rf '$SHM'"
      time_cmd "hirekit tmpfs --jobs $jobs, cold" "$n" -- "${batch[@]}" --out "$SHM" --jobs "$jobs"
    done
    PREP=
    rm -rf "$SHM"
  fi
done

echo
echo "# ratios (same run)"
for n in "${SIZES[@]}"; do
  ours=${RATE["hirekit job-post md+html, cold/$n"]}
  for engine in markdown cmarkgfm; do
    peer=${RATE["peer jinja_batch --engine $engine/$n"]:-}
    [ -n "$peer" ] && [ "$peer" != 0 ] &&
      awk -v o="$ours" -v p="$peer" -v n="$n" -v e="$engine" \
        'BEGIN {printf "N=%-8s hirekit cold vs peer %-9s %6.1fx ads/s\n", n, e, o / p}'
  done
  cold=${WALL["hirekit job-post md+html, cold/$n"]}
  rerun=${WALL["hirekit job-post md+html, rerun/$n"]}
  awk -v c="$cold" -v r="$rerun" -v n="$n" 'BEGIN {if (r > 0) printf "N=%-8s rerun with no change     %6.1fx faster than cold\n", n, c / r}'
  j1=${WALL["hirekit tmpfs --jobs 1, cold/$n"]:-}
  j2=${WALL["hirekit tmpfs --jobs 2, cold/$n"]:-}
  c1=${CPU["hirekit tmpfs --jobs 1, cold/$n"]:-}
  if [ -n "$j1" ] && [ -n "$j2" ]; then
    awk -v a="$j1" -v b="$j2" -v c="$c1" -v n="$n" 'BEGIN { if (b > 0)
      printf "N=%-8s tmpfs --jobs 2 vs --jobs 1 %6.2fx; CPU per ad (--jobs 1) %.0f us\n", n, a / b, c * 1e6 / n }'
  fi
done

# Timing done: remove the earlier runs' outputs (this run's stay, for a look).
old=$(find "$ROOT_OUT" -mindepth 1 -maxdepth 1 -type d ! -path "$OUT")
if [ -n "$old" ]; then
  echo "# removing earlier runs' outputs" >&2
  # shellcheck disable=SC2086
  rm -rf $old
  sync
  date +%s >"$settled"
fi
