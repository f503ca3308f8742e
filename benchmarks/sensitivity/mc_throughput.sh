#!/usr/bin/env bash
# Issue 17 target 2, one command: Monte Carlo throughput (model runs per second) of the whole
# `cikit sensitivity` command on a simulated 3,000 x 60 system, and the check that its output is
# byte-identical to another binary's (the "before").
# usage: benchmarks/sensitivity/mc_throughput.sh [CIKIT] [BEFORE_CIKIT] > mc.md
# Design: normalize {minmax, zscore} x weights {equal, entropy} x exclude any one indicator x
# +-25 % weight noise, Saltelli design of REPLICATES runs (default 6144), Sobol'
# indices with 10 bootstrap resamples, no bootstrap over units, no leave-one-out. Median of
# REPEAT (default 3) runs at 1 and 2 threads; wall and CPU (user + sys) seconds; `uptime` before
# and after. With BEFORE_CIKIT: the JSON documents of both binaries at 1 and 2 threads are
# compared with cmp, on this design and on the bundled example's uncertainty block.
set -euo pipefail
cikit=${1:-build/ci-linux/cikit}
before=${2:-}
repeat=${REPEAT:-3}
reps=${REPLICATES:-6144}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load before: $(uptime)"
echo
"$cikit" simulate --units 3000 --indicators 60 --dimensions 4 --out "$work/s3000" > /dev/null
"$cikit" example "$work/ex" > /dev/null
sets=(--normalize-set minmax,zscore --weights-set equal,entropy --exclude any --weight-noise 25)
args=(sensitivity "$work/s3000/spec.yaml" "${sets[@]}" --replicates "$reps" --bootstrap 0 --no-loo --sobol-bootstrap 10)
runs=$("$cikit" "${args[@]}" --format json 2> /dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["monte_carlo"]["runs"])')
echo "| binary | runs | threads | median wall s | runs / s (wall) | median CPU s | runs per CPU-second |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for bin in "$cikit" $before; do
  for t in 1 2; do
    : > "$work/t.txt"
    for _ in $(seq "$repeat"); do
      /usr/bin/time -f "%e %U %S" -o "$work/one.txt" "$bin" "${args[@]}" --threads "$t" > /dev/null 2>&1
      awk '{printf "%s %.3f\n", $1, $2 + $3}' "$work/one.txt" >> "$work/t.txt"
    done
    w=$(awk '{print $1}' "$work/t.txt" | median); c=$(awk '{print $2}' "$work/t.txt" | median)
    printf "| %s | %s | %s | %.2f | %.0f | %.2f | %.0f |\n" "$bin" "$runs" "$t" "$w" "$(echo "$runs / $w" | bc -l)" "$c" "$(echo "$runs / $c" | bc -l)"
  done
done
echo
if [ -n "$before" ]; then
  for t in 1 2; do
    "$cikit" "${args[@]}" --threads "$t" --format json > "$work/after_$t.json" 2> /dev/null
    "$before" "${args[@]}" --threads "$t" --format json > "$work/before_$t.json" 2> /dev/null
    "$cikit" sensitivity "$work/ex/governance.yaml" --threads "$t" --format json > "$work/ex_after_$t.json" 2> /dev/null
    "$before" sensitivity "$work/ex/governance.yaml" --threads "$t" --format json > "$work/ex_before_$t.json" 2> /dev/null
    for f in "" ex_; do
      if cmp -s "$work/${f}after_$t.json" "$work/${f}before_$t.json"; then r=identical; else r=DIFFERENT; fi
      echo "- ${f:-3000 x 60 }json at $t thread(s), after vs before: $r"
    done
  done
  cmp -s "$work/after_1.json" "$work/after_2.json" && echo "- 3000 x 60: 1 vs 2 threads identical" || echo "- 3000 x 60: 1 vs 2 threads DIFFERENT"
fi
echo
echo "load after: $(uptime)"
