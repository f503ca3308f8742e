#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, then a short fuzz
# smoke of every libFuzzer target, from ONE instrumented build (docs/robustness.md, "Sanitizers"):
# the `asan` preset (clang-14, -O1 -gline-tables-only, -fsanitize=address,undefined,fuzzer-no-link
# less UBSan's object-size, alignment, null and pointer-overflow checks (docs/robustness.md says
# why), -fno-sanitize-recover=all; the fuzz targets link the same library). Halts at the first report.
# usage: scripts/sanitize.sh [--build-only] [CTEST ARGS...]
#   --build-only  configure and build the instrumented targets, then stop (.ci/run compiles them
#                 while the test tools download, and runs the suite later)
#   CIKIT_FUZZ_SECONDS=N  seconds per fuzz target after the suite (default 10; 0 skips the smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=0
if [ "${1:-}" = --build-only ]; then build_only=1; shift; fi
# CI machines are shared, so each phase is reported in CPU as well as wall seconds: `cpu VAR`
# stores the CPU seconds of this script's finished child processes so far.
source scripts/lib/cputime.sh
trap 'rm -f "$cputime_file"' EXIT
t0=$(date +%s); cpu c0
cmake --preset asan > /dev/null
targets=(cikit cikit_tests fuzz_csv fuzz_spec fuzz_xlsx fuzz_csv_numeric fuzz_judgments fuzz_delphi fuzz_number)
cmake --build --preset asan --target "${targets[@]}"
t1=$(date +%s); cpu c1
if [ "$build_only" = 1 ]; then
  echo "sanitize.sh: build $((t1 - t0)) s ($((c1 - c0)) s CPU)"
  exit 0
fi
# ctest --preset asan sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (the suppressions in
# tests/sanitizers/lsan.supp: third-party allocations kept until exit); the fuzz smoke below
# uses the same suppressions.
ctest --preset asan "$@"
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
t2=$(date +%s); cpu c2
seconds=${CIKIT_FUZZ_SECONDS:-10}
if [ "$seconds" != 0 ]; then
  FUZZ_NO_BUILD=1 FUZZ_BUILD_DIR=build/asan FUZZ_JOBS=2 scripts/fuzz.sh "$seconds"
fi
t3=$(date +%s); cpu c3
echo "sanitize.sh: build $((t1 - t0)) s ($((c1 - c0)) s CPU), asan ctest $((t2 - t1)) s ($((c2 - c1)) s CPU)," \
  "fuzz smoke $((t3 - t2)) s ($((c3 - c2)) s CPU)"
