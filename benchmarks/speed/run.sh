#!/usr/bin/env bash
# Kernel speed (Google Benchmark, benchmarks/speed/kernels.cpp) and the same kernels in R
# (psych 2.x / base R), side by side. Prints Markdown for benchmarks/RESULTS.md.
# usage: benchmarks/speed/run.sh [BUILD_DIR]   (default build/ci-linux; needs cikit_speed, i.e.
#        Google Benchmark installed: scripts/install-deps.sh --with-bench)
# Environment: MIN_TIME (seconds per benchmark, default 0.2), R_REPS (default 5).
set -euo pipefail
build=${1:-build/ci-linux}
here=$(cd "$(dirname "$0")" && pwd)
speed="$build/cikit_speed"
cikit="$build/cikit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -x "$speed" ]; then
  echo "benchmarks/speed: $speed not built (Google Benchmark missing?); skipped" >&2
  exit 0
fi
"$speed" --benchmark_filter='-BM_alpha_bootstrap1000|BM_alpha_wide|BM_g6_drop_per_item' --benchmark_min_time="${MIN_TIME:-0.2}" --benchmark_format=csv > "$work/cikit.csv" 2> "$work/speed.log"
have_r=0
if command -v Rscript > /dev/null && Rscript -e 'library(psych)' > /dev/null 2>&1; then
  have_r=1
  # The kernels' data: the same scenario the benchmark simulates (kernels.cpp, system_of()).
  for np in "100 20" "1000 40" "3000 60"; do
    set -- $np
    "$cikit" simulate --preset scenario --units "$1" --dimensions $(($2 / 5)) --indicators-per-dimension 5 \
      --loading 0.8 --correlation 0.5 --weight-spread 0.6 --noise 0.5 --missing-rate 0 --outlier-rate 0 \
      --skewed-share 0 --negative-share 0 --out "$work/sim_$1" > /dev/null
    cp "$work/sim_$1/data.csv" "$work/data_${1}x${2}.csv"
  done
  Rscript "$here/r_kernels.R" "$work" "${R_REPS:-5}" > "$work/r.csv"
  rver=$(Rscript -e 'cat(R.version$major, R.version$minor, sep = ".")'); pver=$(Rscript -e 'cat(as.character(packageVersion("psych")))')
fi
echo "cikit $("$cikit" --version | awk '{print $2}'), $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
if [ $have_r = 1 ]; then
  # Whole runs: process start, reading the data, alpha for the system and each dimension.
  median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  wall() { for _ in 1 2 3; do t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; done | median; }
  c_rel=$(wall "$cikit" reliability "$work/sim_3000/spec.yaml")
  r_rel=$(wall Rscript "$here/r_whole_alpha.R" "$work/data_3000x60.csv")
  r_base=$(wall Rscript -e 'suppressPackageStartupMessages(library(psych)); invisible(read.csv(commandArgs(TRUE)[1]))' "$work/data_3000x60.csv")
  printf '%s,%s,%s\n' "$c_rel" "$r_rel" "$r_base" > "$work/whole.csv"
fi
python3 "$here/tables.py" "$work/cikit.csv" "$( [ $have_r = 1 ] && echo "$work/r.csv" || echo - )" "${rver:-}" "${pver:-}" "$work/whole.csv"
