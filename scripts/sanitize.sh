#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, then a short fuzz
# smoke of every libFuzzer target, from ONE instrumented build (docs/robustness.md, "Sanitizers"):
# the `asan` preset (clang-14, -O1 -gline-tables-only, -fsanitize=address,undefined,fuzzer-no-link,
# -fno-sanitize-recover=all; the fuzz targets link the same library). Halts at the first report.
# usage: scripts/sanitize.sh [CTEST ARGS...]
#   CIKIT_FUZZ_SECONDS=N  seconds per fuzz target after the suite (default 10; 0 skips the smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
cmake --preset asan > /dev/null
targets=(cikit cikit_tests fuzz_csv fuzz_spec fuzz_xlsx fuzz_csv_numeric fuzz_judgments fuzz_delphi fuzz_number)
cmake --build --preset asan --target "${targets[@]}"
t1=$(date +%s)
# ctest --preset asan sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (the suppressions in
# tests/sanitizers/lsan.supp: third-party allocations kept until exit); the fuzz smoke below
# uses the same suppressions.
ctest --preset asan "$@"
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
t2=$(date +%s)
seconds=${CIKIT_FUZZ_SECONDS:-10}
if [ "$seconds" != 0 ]; then
  FUZZ_NO_BUILD=1 FUZZ_BUILD_DIR=build/asan FUZZ_JOBS=2 scripts/fuzz.sh "$seconds"
fi
t3=$(date +%s)
echo "sanitize.sh: build $((t1 - t0)) s, asan ctest $((t2 - t1)) s, fuzz smoke $((t3 - t2)) s"
