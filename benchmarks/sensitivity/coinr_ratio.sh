#!/usr/bin/env bash
# Monte Carlo uncertainty analysis on COINr's ASEM example (51 units x 49 indicators): COINr
# get_sensitivity vs `cikit sensitivity` on the same design, side by side in one run; prints
# runs per second of each and the ratio (a Markdown table).
# usage: benchmarks/sensitivity/coinr_ratio.sh [CIKIT]   (default build/ci-linux/cikit)
#   N_COINR   runs of get_sensitivity (default 200; COINr does ~10 runs/s here)
#   R_CIKIT   requested model runs of cikit (default 10000: a Saltelli design of N(k + 2) runs)
#   THREADS   cikit threads (default 2)
# The design (coinr_ratio.R): imputation {mean, median} x normalisation {min-max, z-score} x
# +-25 % noise on every weight, arithmetic means. COINr's time is get_sensitivity alone, inside R
# (no R start-up, no data loading); cikit's is the whole command (process start, reading the
# spec and CSV, pre-flight, the runs, Sobol' indices of R̄s with 1000 bootstrap resamples, JSON
# output; --bootstrap 0 --no-loo): conservative for cikit.
# Skips cleanly (exit 0 with a message) when Rscript or COINr is absent.
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
n_coinr=${N_COINR:-200}
r_cikit=${R_CIKIT:-10000}
threads=${THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v Rscript > /dev/null; then
  echo "coinr_ratio: skipped: Rscript is not installed"
  exit 0
fi
if ! Rscript -e 'quit(status = !requireNamespace("COINr", quietly = TRUE))' > /dev/null 2>&1; then
  echo "coinr_ratio: skipped: the R package COINr is not installed (../shared/tools/install-coinr.sh)"
  exit 0
fi
[ -x "$cikit" ] || { echo "coinr_ratio: $cikit is not built" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r r_secs r_runs coinr_version < <(Rscript "$here/coinr_ratio.R" "$work" "$n_coinr")
t0=$(date +%s.%N)
"$cikit" sensitivity "$work/asem.yaml" --replicates "$r_cikit" --bootstrap 0 --no-loo --threads "$threads" \
  --format json > "$work/cikit.json" 2> "$work/cikit.err"
t1=$(date +%s.%N)
c_secs=$(echo "$t1 - $t0" | bc -l)
c_runs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["monte_carlo"]["runs"])' "$work/cikit.json")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
r_rate=$(echo "$r_runs / $r_secs" | bc -l)
c_rate=$(echo "$c_runs / $c_secs" | bc -l)
echo "COINr $coinr_version get_sensitivity (UA, inside R) vs cikit $("$cikit" --version | awk '{print $2}') sensitivity ($threads threads, whole command), ASEM 51 x 49, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores; load average before: $load_before, after: $load_after"
echo
echo "| tool | runs | seconds | runs / s |"
echo "|---|---:|---:|---:|"
printf "| COINr get_sensitivity | %d | %.2f | %.1f |\n" "$r_runs" "$r_secs" "$r_rate"
printf "| cikit sensitivity | %d | %.2f | %.0f |\n" "$c_runs" "$c_secs" "$c_rate"
printf "| ratio cikit / COINr | | | %.0f× |\n" "$(echo "$c_rate / $r_rate" | bc -l)"
