#!/usr/bin/env bash
# Regenerates every benchmark result file: benchmarks/RESULTS-methods.md (method-comparison
# study) and the sections of benchmarks/RESULTS.md it owns ("Whole commands", "Kernels and R");
# calls benchmarks/sensitivity/run.sh too when it exists (it maintains its own section).
# usage: benchmarks/run.sh [BUILD_DIR]   (default build/ci-linux; build it first:
#        cmake --preset ci-linux && cmake --build --preset ci-linux)
# Takes about 15 minutes on an idle 2-core machine with the defaults (902 s measured; RESULTS.md, "How long").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/ci-linux}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s)
benchmarks/methods/run.sh "$build/cikit"
t1=$(date +%s)
REPEAT=${REPEAT:-3} benchmarks/commands.sh "$build/cikit" > "$tmp/commands.md"
benchmarks/update_section.py benchmarks/RESULTS.md "Whole commands" < "$tmp/commands.md"
t2=$(date +%s)
if [ -x "$build/cikit_speed" ]; then
  benchmarks/speed/run.sh "$build" > "$tmp/speed.md"
  benchmarks/update_section.py benchmarks/RESULTS.md "Kernels and R (psych) side by side" < "$tmp/speed.md"
else
  echo "benchmarks/run.sh: $build/cikit_speed not built (Google Benchmark missing): kernels skipped" >&2
fi
t3=$(date +%s)
if [ -x benchmarks/sensitivity/run.sh ]; then
  benchmarks/sensitivity/run.sh "$build/cikit" > "$tmp/sensitivity.md"
  benchmarks/update_section.py benchmarks/RESULTS.md "Sensitivity and bootstrap vs R" < "$tmp/sensitivity.md"
fi
t4=$(date +%s)
printf '| part | seconds |\n|---|---:|\n| methods study | %d |\n| whole commands | %d |\n| kernels + R | %d |\n| sensitivity | %d |\n| total | %d |\n\nMeasured by benchmarks/run.sh itself on %s (%d cores).\n' \
  $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $((t4 - t3)) $((t4 - t0)) "$(date -u +%Y-%m-%d)" "$(nproc)" > "$tmp/time.md"
benchmarks/update_section.py benchmarks/RESULTS.md "How long benchmarks/run.sh takes" < "$tmp/time.md"
echo "benchmarks/run.sh: done in $((t4 - t0)) s" >&2
