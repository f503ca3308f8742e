#!/usr/bin/env bash
# Sensitivity and bootstrap benchmarks of cikit, side by side with R in one run.
# usage: benchmarks/sensitivity/run.sh [CIKIT] > sensitivity.md   (default build/ci-linux/cikit)
#   1. bootstrap of Cronbach's alpha: psych::alpha(x, n.iter = B) vs `cikit reliability --bootstrap B`
#      on the same simulated n x k data (all indicators "+", so both see identical columns);
#      R is timed inside R (system.time around psych::alpha only, no R start-up). cikit twice:
#      (a) the whole command (start-up, CSV reading, split-half, omega, every statistic of
#      `reliability`): conservative; (b) in-process, cikit::alpha() with B = 1000 (every statistic
#      psych::alpha reports, percentile + BCa) from Google Benchmark (cikit_speed next to CIKIT,
#      BM_alpha_bootstrap1000 in benchmarks/speed/kernels.cpp, same n x k, 1 and 2 threads): the
#      apples-to-apples comparison, as R's figure excludes R's start-up and read.csv. (b) is
#      skipped when cikit_speed is not built (Google Benchmark missing).
#   2. COINr: whether it can be installed here (get_sensitivity comparison needs it).
#   3. Monte Carlo engine throughput (model runs per second) of `cikit sensitivity` on the bundled
#      example and on simulated 300 x 40 and 3,000 x 60 systems, 1 and 2 threads.
# Each timing is the median of REPEAT runs (default 3).
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
repeat=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() {  # wall ARGS...: median wall seconds of `cikit ARGS`
  for _ in $(seq "$repeat"); do
    local t0 t1
    t0=$(date +%s.%N); "$cikit" "$@" > /dev/null 2>&1; t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
  done | median
}
flat_spec() {  # flat_spec CSV OUT.yaml: every indicator column directly under the index, direction +
  python3 - "$1" "$2" <<'PY'
import csv, sys
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    header = next(csv.reader(f))
cols = header[4:] if header[1] in ("unit_zh", "name_zh") else header[1:]
unit = header[0]
lines = ["index: {id: flat, label: Flat}", f"data: {{file: {src.split('/')[-1]}, unit: {unit}}}", "tree:"]
lines += [f'  - {{id: "{c}", direction: "+"}}' for c in cols]
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
}
echo "cikit $("$cikit" --version | awk '{print $2}'), R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")'), psych $(Rscript -e 'cat(as.character(packageVersion("psych")))'), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), median of $repeat runs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# 1. alpha bootstrap ---------------------------------------------------------------------------
echo "### Bootstrap of Cronbach's alpha (B resamples of the units)"
echo
speed="$(dirname "$cikit")/cikit_speed"
if [ -x "$speed" ]; then  # (b): median of $repeat repetitions, milliseconds per alpha() call
  "$speed" --benchmark_filter='BM_alpha_bootstrap1000/' --benchmark_repetitions="$repeat" \
    --benchmark_min_time="${MIN_TIME:-0.5}" --benchmark_format=csv > "$work/alpha_speed.csv" 2> /dev/null || true
fi
in_process() {  # in_process N K THREADS: median seconds of one alpha() call with B = 1000, or empty
  awk -F, -v key="BM_alpha_bootstrap1000/n:$1/p:$2/threads:$3/real_time" \
    '$1 == "\"" key "\"" { print $3 / 1000 }' "$work/alpha_speed.csv" 2> /dev/null | median
}
echo "(a) Whole command: psych::alpha timed inside R vs \`cikit reliability --bootstrap B\` as a process (start-up, CSV reading, split-half and omega too): conservative for cikit."
echo
echo "| n x k | B | psych::alpha (s, inside R) | cikit reliability (s, whole command) | ratio | alpha psych / cikit |"
echo "|---|---|---|---|---|---|"
inproc=()
for size in "300 10" "3000 20"; do
  set -- $size
  n=$1; k=$2
  d="$work/a_${n}_$k"
  "$cikit" simulate --units "$n" --indicators "$k" --dimensions 1 --missing-rate 0 --out "$d" > /dev/null
  csv=$(ls "$d"/*.csv | grep -v truth | head -1)
  flat_spec "$csv" "$d/flat.yaml"
  for B in 1000; do
    r_out=$(Rscript - "$d/flat.yaml" "$csv" "$B" "$repeat" <<'RS'
suppressMessages(library(psych))
a <- commandArgs(TRUE); B <- as.integer(a[3]); rep <- as.integer(a[4])
d <- read.csv(a[2], check.names = FALSE)
x <- d[, 5:ncol(d)]
set.seed(1)
t <- replicate(rep, system.time(r <<- suppressWarnings(psych::alpha(x, n.iter = B, check.keys = FALSE, warnings = FALSE)))[["elapsed"]])
cat(median(t), r$total$raw_alpha, "\n")
RS
)
    r_t=$(echo "$r_out" | awk '{print $1}')
    r_alpha=$(echo "$r_out" | awk '{print $2}')
    c_t=$(wall reliability "$d/flat.yaml" --bootstrap "$B")
    c_alpha=$("$cikit" reliability "$d/flat.yaml" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["nodes"][0]["alpha"]["raw_alpha"])')
    printf "| %s x %s | %s | %.3f | %.3f | %.0f× | %.10f / %.10f |\n" "$n" "$k" "$B" "$r_t" "$c_t" "$(echo "$r_t / $c_t" | bc -l)" "$r_alpha" "$c_alpha"
    c1=$(in_process "$n" "$k" 1); c2=$(in_process "$n" "$k" 2)
    if [ -n "$c1" ] && [ -n "$c2" ] && [ "$B" = 1000 ]; then
      inproc+=("$(printf "| %s x %s | %s | %.3f | %.4f | %.0f× | %.4f | %.0f× |" "$n" "$k" "$B" "$r_t" "$c1" "$(echo "$r_t / $c1" | bc -l)" "$c2" "$(echo "$r_t / $c2" | bc -l)")")
    fi
  done
done
# Real data with holes: psychTools' bfi (2,800 x 25, 364 incomplete rows), pairwise as psych.
if Rscript -e 'quit(status = !requireNamespace("psychTools", quietly = TRUE))' > /dev/null 2>&1; then
  d="$work/bfi"; mkdir -p "$d"
  r_out=$(Rscript - "$d/bfi.csv" "$repeat" <<'RS'
suppressMessages({ library(psych); library(psychTools) })
a <- commandArgs(TRUE); rep <- as.integer(a[2])
data(bfi); x <- bfi[, 1:25]
write.csv(data.frame(id = paste0("u", seq_len(nrow(x))), x), a[1], row.names = FALSE, na = "")
set.seed(1)
t <- replicate(rep, system.time(r <<- suppressWarnings(psych::alpha(x, n.iter = 1000, check.keys = FALSE, warnings = FALSE)))[["elapsed"]])
cat(median(t), r$total$raw_alpha, "\n")
RS
)
  flat_spec "$d/bfi.csv" "$d/flat.yaml"
  r_t=$(echo "$r_out" | awk '{print $1}')
  r_alpha=$(echo "$r_out" | awk '{print $2}')
  c_t=$(wall reliability "$d/flat.yaml" --bootstrap 1000)
  c_alpha=$("$cikit" reliability "$d/flat.yaml" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["nodes"][0]["alpha"]["raw_alpha"])')
  printf "| 2800 x 25 (bfi, 13%% incomplete rows, pairwise) | 1000 | %.3f | %.3f | %.0f× | %.10f / %.10f |\n" "$r_t" "$c_t" "$(echo "$r_t / $c_t" | bc -l)" "$r_alpha" "$c_alpha"
fi
echo
echo "(b) In-process, apples to apples: psych::alpha(x, n.iter = B) timed inside R (same figure as in (a)) vs one call of cikit's alpha() with B = 1000 timed inside the process (Google Benchmark BM_alpha_bootstrap1000, median of $repeat repetitions; every statistic psych reports plus percentile and BCa intervals; its data are the scenario simulator's n x k, complete like the data in (a); the time does not depend on the values). R is single-threaded, so the 1-thread column is the like-for-like one."
echo
if [ ${#inproc[@]} -gt 0 ]; then
  echo "| n x k | B | psych::alpha (s, inside R) | cikit alpha(), 1 thread (s) | ratio | cikit alpha(), 2 threads (s) | ratio |"
  echo "|---|---|---|---|---|---|---|"
  printf "%s\n" "${inproc[@]}"
elif [ -x "$speed" ]; then
  echo "Not measured: $speed gave no BM_alpha_bootstrap1000 result."
else
  echo "Not measured: $speed is not built (Google Benchmark missing: scripts/install-deps.sh --with-bench)."
fi
echo

# 2. COINr -----------------------------------------------------------------------------------------
echo "### COINr"
echo
if Rscript -e 'quit(status = !requireNamespace("COINr", quietly = TRUE))' > /dev/null 2>&1; then
  echo "COINr is installed: $(Rscript -e 'cat(as.character(packageVersion("COINr")))')"
else
  echo "COINr is not installed and cannot be: no Debian package (\`apt-cache search coinr\` finds none: $(apt-cache search coinr 2>/dev/null | wc -l) results) and no CRAN access from this machine; the get_sensitivity comparison on its ASEM example is not run."
fi
echo

# 3. Monte Carlo throughput ----------------------------------------------------------------------------
echo "### Monte Carlo engine throughput (\`cikit sensitivity --bootstrap 0 --no-loo\`)"
echo
echo "Inputs: normalize {minmax, zscore} × weights {equal, entropy} × exclude any one indicator × ±25 % weight noise (k = 4); Saltelli design, Sobol' indices of R̄s with 1,000 bootstrap resamples and point indices of every unit's rank."
echo
echo "| system | runs | threads | seconds (whole command) | runs / s |"
echo "|---|---|---|---|---|"
"$cikit" simulate --units 300 --indicators 40 --dimensions 4 --out "$work/s300" > /dev/null
"$cikit" simulate --units 3000 --indicators 60 --dimensions 4 --out "$work/s3000" > /dev/null
sets=(--normalize-set minmax,zscore --weights-set equal,entropy --exclude any --weight-noise 25)
for sys in "example|datasets/governance/governance.yaml|10000" "simulated 300 x 40|$work/s300/spec.yaml|10000" "simulated 3000 x 60|$work/s3000/spec.yaml|1500"; do
  IFS='|' read -r label spec R <<< "$sys"
  runs=$("$cikit" sensitivity "$spec" "${sets[@]}" --replicates "$R" --bootstrap 0 --no-loo --sobol-bootstrap 10 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["monte_carlo"]["runs"])')
  for t in 1 2; do
    s=$(wall sensitivity "$spec" "${sets[@]}" --replicates "$R" --bootstrap 0 --no-loo --threads "$t")
    printf "| %s | %s | %s | %.2f | %.0f |\n" "$label" "$runs" "$t" "$s" "$(echo "$runs / $s" | bc -l)"
  done
done
echo
echo "### The bundled example's own \`uncertainty:\` block (everything: Monte Carlo + Sobol', bootstrap B = 1000, leave-one-out)"
echo
echo "| threads | seconds |"
echo "|---|---|"
for t in 1 2; do
  printf "| %s | %.2f |\n" "$t" "$(wall sensitivity datasets/governance/governance.yaml --threads "$t")"
done
printf "| 2 (Monte Carlo + Sobol' only: --bootstrap 0 --no-loo) | %.2f |\n" "$(wall sensitivity datasets/governance/governance.yaml --threads 2 --bootstrap 0 --no-loo)"
