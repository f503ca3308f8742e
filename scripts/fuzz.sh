#!/usr/bin/env bash
# Runs every libFuzzer target (docs/robustness.md) for SECONDS each (default 60), one after the
# other, from its seed corpus in tests/fuzz/corpus/<reader>/ (read only: new inputs go to a
# working corpus under build/fuzz/corpus/<reader>/, kept between runs) with the YAML or CSV
# dictionary. Crash, leak and timeout reproducers are written to build/fuzz/findings/<reader>/.
# Prints libFuzzer's final statistics (executions, coverage) per target; exits non-zero if any
# target found something.
# usage: scripts/fuzz.sh [SECONDS] [READER...]      (builds the `fuzz` preset first)
#   FUZZ_JOBS=N  run N targets at a time (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(csv csv_numeric spec xlsx judgments delphi number)
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  cmake --preset fuzz > /dev/null
  cmake --build --preset fuzz
fi
bin=build/fuzz/tests/fuzz
status=0
for r in "${readers[@]}"; do
  case $r in csv|csv_numeric|number) dict=tests/fuzz/dict/csv.dict ;; xlsx) dict=tests/fuzz/dict/xml.dict ;; *) dict=tests/fuzz/dict/yaml.dict ;; esac
  work=build/fuzz/corpus/$r; findings=build/fuzz/findings/$r; log=build/fuzz/fuzz_$r.log
  mkdir -p "$work" "$findings"
  echo "== fuzz_$r: ${seconds}s"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or blow-up.
  # detect_leaks: LeakSanitizer on (the default with ASan, stated for clarity).
  rc=0; scratch=$(mktemp -d)
  TMPDIR=$scratch ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin/fuzz_$r" "$work" "tests/fuzz/corpus/$r" -dict="$dict" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || rc=$?
  rm -rf "$scratch"
  grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)|(INITED|DONE) +cov:" "$log" | tail -n 6 || true
  if [ "$rc" -ne 0 ]; then
    echo "fuzz_$r: FINDING (exit $rc), see $log and $findings/"
    grep -m3 -E "ERROR: |runtime error|SUMMARY" "$log" || true
    status=1
  fi
done
exit $status
