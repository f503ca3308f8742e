#!/usr/bin/env bash
# Reading data (issue 17 items 3 and 4): reproduces benchmarks/RESULTS.md "Performance II:
# reading data".
#
#   benchmarks/io/run.sh [--cikit CIKIT] [--before OLD_CIKIT] [--parts main,bench,scaling] [--work DIR]
#
# main     `cikit check|index|reliability` on a 200,000 x 100 simulated CSV (148 MB, 1 % missing
#          cells): wall time and peak RSS (/usr/bin/time), best of 3 (one run when over 60 s); with --before, the same
#          for another binary (the reader before this change) side by side.
# bench    build/ci-linux/cikit_io_bench (Google Benchmark): number parsers and both readers, MB/s.
# scaling  check, index, reliability, validity, sensitivity (fixed design: 200 Monte Carlo runs,
#          no bootstrap, no leave-one-out) for n in {1e3,1e4,1e5,1e6} x
#          k in {50,500} (one run each, 120 s limit: a command that hits it is not run at larger n);
#          the growth exponent is the least-squares slope of log(time) on log(n) per k and command.
# Data: `cikit simulate --preset generic` (spec.yaml + data.csv, seed 20221219). 1e6 x 500
# (3.7 GB of CSV, 4 GB of doubles) is not generated: simulate alone would take ~20 min here.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cikit="$root/build/ci-linux/cikit"
bench="$root/build/ci-linux/cikit_io_bench"
before=""
parts="main,bench,scaling"
work="${TMPDIR:-/tmp}/cikit_io_bench"
limit=120
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before="$2"; shift 2 ;;
    --cikit) cikit="$2"; shift 2 ;;
    --parts) parts="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"

# data N K -> prints the folder holding spec.yaml and data.csv (generated once).
data() {
  local d="$work/d_$1_$2"
  if [ ! -f "$d/data.csv" ]; then
    "$cikit" simulate --preset generic -n "$1" -p "$2" --missing-rate 0.01 --out "$d" > /dev/null
  fi
  echo "$d"
}

# one BINARY COMMAND DIR [LIMIT] -> "seconds kilobytes" of one run (or "timeout"/"failed"),
# outputs discarded.
one() {
  local bin=$1 cmd=$2 dir=$3 lim=${4:-$limit} t
  t=$(mktemp)
  local extra=()
  [ "$cmd" = sensitivity ] && extra=(--replicates 200 --bootstrap 0 --no-loo)
  if timeout "$lim" /usr/bin/time -f "%e %M" -o "$t" "$bin" "$cmd" "$dir/spec.yaml" --out "$work/out_$cmd" "${extra[@]}" > /dev/null 2>&1; then
    cat "$t"
  else
    [ $? -eq 124 ] && echo timeout || echo failed
  fi
  rm -f "$t"
}

# best BINARY COMMAND DIR -> fastest of 3 runs "seconds kilobytes" (limit 900 s); a command
# whose first run takes over 60 s is run once ("(1 run)").
best() {
  local b="" r
  for k in 1 2 3; do
    r=$(one "$@" 900)
    case "$r" in timeout|failed) echo "$r"; return ;; esac
    if [ -z "$b" ] || awk -v a="${r%% *}" -v c="${b%% *}" 'BEGIN{exit !(a<c)}'; then b=$r; fi
    if [ "$k" = 1 ] && awk -v a="${r%% *}" 'BEGIN{exit !(a>60)}'; then echo "$b (1 run)"; return; fi
  done
  echo "$b"
}

echo "# benchmarks/io/run.sh on $(hostname), $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $parts == *main* ]]; then
  d=$(data 200000 100)
  echo "## main: 200,000 x 100 ($(stat -c %s "$d/data.csv") bytes), best of 3: seconds, peak RSS KB"
  for cmd in check index reliability; do
    echo "after  $cmd $(best "$cikit" "$cmd" "$d")"
    [ -n "$before" ] && echo "before $cmd $(best "$before" "$cmd" "$d")"
  done
fi
if [[ $parts == *bench* ]]; then
  echo "## bench (20,000 x 100 in the page cache)"
  "$bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>&1 | grep -E "^BM_|^-|Benchmark"
fi
if [[ $parts == *scaling* ]]; then
  echo "## scaling: seconds, peak RSS KB (one run, ${limit} s limit)"
  : > "$work/scaling.txt"
  for k in 50 500; do
    declare -A stop=()
    for n in 1000 10000 100000 1000000; do
      [ "$k" = 500 ] && [ "$n" = 1000000 ] && { echo "k=$k n=$n skipped (3.7 GB CSV)"; continue; }
      d=$(data "$n" "$k")
      for cmd in check index reliability validity sensitivity; do
        if [ -n "${stop[$cmd]:-}" ]; then echo "k=$k n=$n $cmd skipped"; continue; fi
        r=$(one "$cikit" "$cmd" "$d")
        echo "k=$k n=$n $cmd $r" | tee -a "$work/scaling.txt"
        case "$r" in timeout|failed) stop[$cmd]=1 ;; esac
      done
    done
    unset stop
  done
  benchmarks_dir=$(dirname "$0")
  python3 "$benchmarks_dir/fit_growth.py" "$work/scaling.txt"
fi
