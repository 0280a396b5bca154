#!/usr/bin/env bash
# Spotter benchmarks (`make bench`): criterion benches, then a short summary.
#
#   benches/import.rs   10,000-row Strong export (generated): raw `csv` read (baseline), parse,
#                       full import into a fresh SQLite database.
#   benches/scoring.rs  records and points over 10,000 sets; catalog matcher per query.
#
# Performance targets (DESIGN.md "Performance budget") are read as ratios against a baseline
# measured in the same run, never as a pass/fail on wall-clock time: these are noisy 2-core
# machines. This script never fails on a number.
#
# HTTP benchmarks (history page and JSON vs ../shared/peers/seed_fastapi/bench.sh, with wrk, in
# the same run) come with the history pages, which are not built yet. That peer is the only thing
# this script reads from outside the repository (../shared/ sits beside the team's checkouts, not
# in a clone); without it the peer comparison is skipped with a message and the rest still runs.
#
#   usage: scripts/bench.sh [criterion args...]   e.g. scripts/bench.sh parse_strong
set -euo pipefail
cd "$(dirname "$0")/.."

rows=10000
criterion_dir=${CRITERION_HOME:-${CARGO_TARGET_DIR:-target}/criterion}
mkdir -p "$criterion_dir"
started=$(mktemp)
trap 'rm -f "$started"' EXIT

cargo bench --features ssr --bench import --bench scoring -- --noplot "$@"

# Mean time in ns of one benchmark, from criterion's JSON; empty when it did not run this time.
mean_ns() {
  local file="$criterion_dir/$1/new/estimates.json"
  [[ -f $file && $file -nt $started ]] || return 0
  sed -E 's/.*"mean":\{"confidence_interval":\{[^}]*\},"point_estimate":([0-9.eE+-]+).*/\1/' "$file"
}

csv=$(mean_ns import/csv_read_baseline)
parse=$(mean_ns import/parse_strong)
full=$(mean_ns import_sqlite/full_import)
sort=$(mean_ns scoring/sort_baseline)
records=$(mean_ns scoring/current_records)
points=$(mean_ns scoring/set_points)

na() { [[ -z $1 ]]; }
rate() { awk -v r="$rows" -v ns="$1" 'BEGIN { printf "%.0f", r / (ns / 1e9) }'; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "== Summary (means; rows/s = $rows / mean time) =="
printf '%-34s %14s %12s\n' benchmark rows/s "ms/10k rows"
for pair in "raw csv read (baseline):$csv" "parse (Strong):$parse" "full import (SQLite):$full"; do
  name=${pair%%:*} ns=${pair#*:}
  if na "$ns"; then printf '%-34s %14s\n' "$name" "not run"; continue; fi
  printf '%-34s %14s %12s\n' "$name" "$(rate "$ns")" "$(ms "$ns")"
done
if ! na "$csv" && ! na "$parse"; then
  echo "parse vs raw csv read: parse throughput = $(ratio "$csv" "$parse") x the raw read's ($(ratio "$parse" "$csv") x its time)"
fi
if ! na "$parse" && ! na "$full"; then
  echo "full import vs parse: $(ratio "$full" "$parse") x the parse time (budget: 10k-row import <= 1 s; here $(ms "$full") ms)"
fi
if ! na "$sort" && ! na "$records"; then
  echo "current_records (10k sets): $(ms "$records") ms = $(ratio "$records" "$sort") x sorting the sets (baseline)"
fi
if ! na "$points"; then
  echo "set_points (10k sets): $(awk -v ns="$points" 'BEGIN { printf "%.1f", ns / 1e3 }') us"
fi
echo "best_match over the catalog, per query (budget analogue: sandbox check <= 50 us):"
for dir in "$criterion_dir"/best_match/*/; do
  id=$(basename "$dir")
  ns=$(mean_ns "best_match/$id")
  na "$ns" && continue
  printf '  %-20s %10s us\n' "$id" "$(awk -v ns="$ns" 'BEGIN { printf "%.1f", ns / 1e3 }')"
done

peer=../shared/peers/seed_fastapi
echo
if [[ ! -f $peer/bench.sh ]]; then
  echo "peer comparison skipped: $peer is not beside this checkout (it is not part of the"
  echo "repository); the benchmarks above are complete without it."
else
  echo "peer comparison: not measured yet; it comes with the history pages ($peer/bench.sh)."
fi
