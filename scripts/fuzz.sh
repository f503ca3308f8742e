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
jobs=${FUZZ_JOBS:-1}
# One target: runs it, then prints its summary (after it ends, so parallel runs do not interleave)
# and returns non-zero on a finding.
run_one() {
  local r=$1 dict work findings log rc scratch
  case $r in csv|csv_numeric|number) dict=tests/fuzz/dict/csv.dict ;; xlsx) dict=tests/fuzz/dict/xml.dict ;; *) dict=tests/fuzz/dict/yaml.dict ;; esac
  work=build/fuzz/corpus/$r; findings=build/fuzz/findings/$r; log=build/fuzz/fuzz_$r.log
  mkdir -p "$work" "$findings"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or blow-up.
  # detect_leaks: LeakSanitizer on (the default with ASan, stated for clarity).
  rc=0; scratch=$(mktemp -d)
  # CPU seconds the target got (it shares the machine; wall time alone overstates a campaign).
  local timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$log.cpu" -f "stat::cpu_seconds: %U user + %S sys")
  TMPDIR=$scratch ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "${timer[@]}" "$bin/fuzz_$r" "$work" "tests/fuzz/corpus/$r" -dict="$dict" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || rc=$?
  rm -rf "$scratch"
  local summary
  summary=$({
    echo "== fuzz_$r: ${seconds}s"
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)|(INITED|DONE) +cov:" "$log" | tail -n 6 || true
    cat "$log.cpu" 2>/dev/null || true
    if [ "$rc" -ne 0 ]; then
      echo "fuzz_$r: FINDING (exit $rc), see $log and $findings/"
      grep -m3 -E "ERROR: |runtime error|SUMMARY" "$log" || true
    fi
  })
  echo "$summary"  # one write per target, so parallel targets do not interleave their lines
  return "$rc"
}
status=0
pids=()
for r in "${readers[@]}"; do
  if [ "$jobs" -le 1 ]; then
    run_one "$r" || status=1
  else
    # at most $jobs targets at a time
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || status=1; done
    run_one "$r" &
    pids+=($!)
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
