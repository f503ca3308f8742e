#!/usr/bin/env bash
# Issue 17 target 1, one command: the bootstrap of Cronbach's alpha with missing values, psych vs
# cikit side by side in one run, on psychTools' bfi (2,800 x 25, 364 incomplete rows; pairwise
# covariances as psych::alpha uses them).
# usage: benchmarks/sensitivity/alpha_bfi.sh [CIKIT] [BEFORE_CIKIT] > alpha_bfi.md
#   CIKIT        default build/ci-linux/cikit
#   BEFORE_CIKIT optional second binary (e.g. main's) timed alternately with CIKIT
# psych::alpha(x, n.iter = 1000) is timed inside R (system.time; no R start-up, no read). It
# computes raw/std alpha, G6, average and median r, S/N, ase, total mean/sd, alpha if dropped,
# item statistics, response frequencies and the bootstrap (percentile) of raw alpha.
# cikit is timed as a whole process (start-up, CSV reading, hashing the inputs, JSON/CSV built),
# at OMP_NUM_THREADS 1 and 2, in two forms:
#   statistics alpha: `cikit reliability --bootstrap 1000 --statistics alpha`, like with like:
#     what psych::alpha reports (and on top of it the Feldt and Duhachek CIs and the BCa
#     interval with its n-row jackknife);
#   statistics all: the default command, which adds split-half and omega (minres fits).
# Median of REPEAT (default 5) runs each; `uptime` before and after. Skips (exit 0) without
# Rscript/psychTools.
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
before=${2:-}
repeat=${REPEAT:-5}
if ! Rscript -e 'quit(status = !(requireNamespace("psych", quietly = TRUE) && requireNamespace("psychTools", quietly = TRUE)))' > /dev/null 2>&1; then
  echo "alpha_bfi: Rscript with psych and psychTools not found; skipped"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load before: $(uptime)"
echo
Rscript - "$work/bfi.csv" "$repeat" > "$work/r.txt" <<'RS'
suppressMessages({ library(psych); library(psychTools) })
a <- commandArgs(TRUE); rep <- as.integer(a[2])
data(bfi); x <- bfi[, 1:25]
write.csv(data.frame(id = paste0("u", seq_len(nrow(x))), x), a[1], row.names = FALSE, na = "")
set.seed(1)
tt <- replicate(rep, system.time(r <<- suppressWarnings(psych::alpha(x, n.iter = 1000, check.keys = FALSE, warnings = FALSE))))
# psych::alpha's bootstrap runs in parallel::mclapply workers (mc.cores, default 2): their CPU
# time is R's "child" time, so CPU = self + child.
t <- tt["elapsed", ]; cpu <- tt["user.self", ] + tt["sys.self", ] + tt["user.child", ] + tt["sys.child", ]
cat(median(t), min(t), max(t), sprintf("%.12f", r$total$raw_alpha), as.character(packageVersion("psych")), median(cpu), "\n")
RS
{
  echo "index: {id: bfi, label: bfi}"
  echo "data: {file: bfi.csv, unit: id}"
  echo "tree:"
  head -1 "$work/bfi.csv" | tr -d '"' | tr ',' '\n' | tail -n +2 | sed 's/.*/  - {id: "&", direction: "+"}/'
} > "$work/bfi.yaml"
read -r r_med r_min r_max r_alpha psych_v r_cpu < "$work/r.txt"
# time_cmd BIN THREADS [ARGS]: REPEAT lines "wall cpu" (s) of the whole command (cpu = user + sys)
time_cmd() {
  for _ in $(seq "$repeat"); do
    OMP_NUM_THREADS=$2 /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$1" reliability "$work/bfi.yaml" --bootstrap 1000 "${@:3}" > /dev/null 2>&1
    awk '{printf "%s %.3f\n", $1, $2 + $3}' "$work/time.txt"
  done
}
echo "psych $psych_v: psych::alpha(bfi[, 1:25], n.iter = 1000) inside R (its bootstrap in $(Rscript -e 'cat(getOption("mc.cores", 2L))') mclapply workers): median $r_med s wall (min $r_min, max $r_max), $r_cpu s CPU (self + children), of $repeat; raw alpha $r_alpha"
echo
echo "Wall ratios depend on the load (R and cikit share the cores with whatever else runs); the CPU columns (user + sys: /usr/bin/time; R's system.time with its forked workers) are the steadier figure of the work done."
echo
echo "| binary | statistics | threads | median wall s | min | max | psych / cikit (wall) | median CPU s | psych / cikit (CPU) | raw alpha | CI (percentile) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
for bin in "$cikit" $before; do
  # A binary without --statistics (older than session 10) is timed in its default form only.
  modes="alpha all"
  "$bin" reliability --help 2>/dev/null | grep -q -- --statistics || modes="all"
  for mode in $modes; do
    args=(); [ "$mode" = alpha ] && args=(--statistics alpha)
    for th in 1 2; do
      tc=$(time_cmd "$bin" "$th" "${args[@]}")
      t=$(echo "$tc" | awk '{print $1}'); cpu=$(echo "$tc" | awk '{print $2}' | median)
      med=$(echo "$t" | median); mn=$(echo "$t" | sort -n | head -1); mx=$(echo "$t" | sort -n | tail -1)
      js=$(OMP_NUM_THREADS=$th "$bin" reliability "$work/bfi.yaml" --bootstrap 1000 "${args[@]}" --format json)
      stats=$(echo "$js" | python3 -c 'import json,sys; a=json.load(sys.stdin)["nodes"][0]["alpha"]; p=a["bootstrap"]["percentile"]; print("%.12f" % a["raw_alpha"], "[%.15g, %.15g]" % tuple(p))')
      printf "| %s | %s | %s | %.3f | %.3f | %.3f | %.1f× | %.3f | %.1f× | %s |\n" "$bin" "$mode" "$th" "$med" "$mn" "$mx" "$(echo "$r_med / $med" | bc -l)" "$cpu" "$(echo "$r_cpu / $cpu" | bc -l)" "$(echo "$stats" | sed 's/ \[/ | [/')"
    done
  done
done
echo
echo "load after: $(uptime)"
