#!/usr/bin/env bash
# The method-comparison study in one command: runs `cikit benchmark-methods` on
# benchmarks/methods/scenarios.yaml and writes benchmarks/RESULTS-methods.md (tables, figures,
# the discussion in benchmarks/methods/DISCUSSION.md) and benchmarks/methods/results/ (CSV, SVG).
# usage: benchmarks/methods/run.sh [CIKIT]   (default build/ci-linux/cikit)
# Environment: THREADS (default: all cores), REPLICATES (override the file's 10).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cikit=${1:-$root/build/ci-linux/cikit}
out=$root/benchmarks/methods/results
cd "$root"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s)
times_file=$(mktemp)
TIMEFORMAT='%U %S'
{ time "$cikit" benchmark-methods --scenarios benchmarks/methods/scenarios.yaml --out "$out" \
  ${THREADS:+--threads "$THREADS"} ${REPLICATES:+--replicates "$REPLICATES"} > /dev/null 2>&1 ; } 2> "$times_file"
t1=$(date +%s)
cpu=$(tail -1 "$times_file" | awk '{printf "%.0f", $1 + $2}')
rm -f "$times_file"
{
  echo "# Which method recovers the truth? The method-comparison study"
  echo
  echo "Regenerate: \`benchmarks/methods/run.sh\` (this file only) or \`benchmarks/run.sh\` (every result file)."
  echo "All data are SYNTHETIC scenarios with known true weights and a known true composite"
  echo "([docs/simulate.md](../docs/simulate.md#scenarios)); the metrics are defined in"
  echo "[docs/methods.md](../docs/methods.md#choosing-a-method). Raw numbers: [methods/results/](methods/results/)"
  echo "(summary.csv = means over replicates; cells.csv = every scenario × method × replicate and"
  echo "summary.json are written there too but not committed)."
  echo
  echo "- run $(date -u +%Y-%m-%d) on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), study wall time $((t1 - t0)) s (CPU time ${cpu} s), load average before the run ${load0}"
  sed 's#](\([a-z_]*\.svg\))#](methods/results/\1)#' "$out/summary.md"
  cat "$root/benchmarks/methods/DISCUSSION.md"
} > "$root/benchmarks/RESULTS-methods.md.tmp"
mv "$root/benchmarks/RESULTS-methods.md.tmp" "$root/benchmarks/RESULTS-methods.md"
echo "benchmarks/methods: wrote benchmarks/RESULTS-methods.md ($((t1 - t0)) s)" >&2
