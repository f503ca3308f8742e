#!/usr/bin/env bash
# Runs every libFuzzer target (docs/robustness.md) for SECONDS each (default 60), one after the
# other, from its seed corpus in tests/fuzz/corpus/<reader>/ (read only: new inputs go to a
# working corpus under build/fuzz/corpus/<reader>/, kept between runs) with the YAML or CSV
# dictionary. Crash, leak and timeout reproducers are written to build/fuzz/findings/<reader>/.
# Prints libFuzzer's final statistics (executions, coverage) per target; exits non-zero if any
# target found something.
# usage: scripts/fuzz.sh [SECONDS] [READER...]      (builds the `fuzz` preset first)
#   FUZZ_JOBS=N  run N targets at a time (default 1)
#   FUZZ_BUILD_DIR=D  the build folder whose tests/fuzz/fuzz_<reader> to run (default build/fuzz;
#       scripts/sanitize.sh uses build/asan); working corpora, findings, logs and the ledger go
#       under D as well
#   FUZZ_CPU_SECONDS=C  campaign mode: run each target in SECONDS-long segments until the CPU
#       seconds it has got in all its runs so far (the ledger) reach C. On a shared machine wall
#       time overstates a campaign; the ledger build/fuzz/ledger/<reader>.tsv records every run
#       (UTC start, commit, wall s, user s, sys s, executions, cov, ft, exit status) and
#       `scripts/fuzz.sh --ledger` prints the totals per target. A run stopped by SIGINT (libFuzzer
#       prints its final statistics and exits 72) is ledgered and not counted as a finding; to end
#       a campaign early, kill this script's top process, then send SIGINT to the fuzz_* processes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --ledger ]; then
  printf '%-12s %5s %10s %12s %8s %6s %6s %s\n' target runs wall_s cpu_s execs cov ft findings
  for f in "${FUZZ_BUILD_DIR:-build/fuzz}"/ledger/*.tsv; do
    [ -e "$f" ] || continue
    awk -F'\t' -v t="$(basename "$f" .tsv)" '{n++; w+=$3; c+=$4+$5; e+=$6; if($7>cov)cov=$7; if($8>ft)ft=$8; if($9!=0 && $9!=72)bad++}
      END{printf "%-12s %5d %10d %12.0f %8.2e %6d %6d %d\n", t, n, w, c, e, cov, ft, bad}' "$f"
  done
  exit 0
fi
seconds=${1:-60}; shift || true
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(csv csv_numeric spec xlsx judgments delphi number)
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  cmake --preset fuzz > /dev/null
  cmake --build --preset fuzz
fi
bdir=${FUZZ_BUILD_DIR:-build/fuzz}
bin=$bdir/tests/fuzz
jobs=${FUZZ_JOBS:-1}
# One target: runs it, then prints its summary (after it ends, so parallel runs do not interleave)
# and returns non-zero on a finding.
run_one() {
  local r=$1 dict work findings log rc scratch
  case $r in csv|csv_numeric|number) dict=tests/fuzz/dict/csv.dict ;; xlsx) dict=tests/fuzz/dict/xml.dict ;; *) dict=tests/fuzz/dict/yaml.dict ;; esac
  work=$bdir/corpus/$r; findings=$bdir/findings/$r; log=$bdir/fuzz_$r.log
  mkdir -p "$work" "$findings"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or blow-up.
  # detect_leaks: LeakSanitizer on (the default with ASan, stated for clarity).
  rc=0; scratch=$(mktemp -d)
  local start start_s; start=$(date -u +%Y-%m-%dT%H:%M:%S); start_s=$(date +%s)
  # CPU seconds the target got (it shares the machine; wall time alone overstates a campaign).
  local timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$log.cpu" -f "stat::cpu_seconds: %U user + %S sys")
  TMPDIR=$scratch ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "${timer[@]}" "$bin/fuzz_$r" "$work" "tests/fuzz/corpus/$r" -dict="$dict" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || rc=$?
  rm -rf "$scratch"
  # The ledger line of this run.
  mkdir -p "$bdir/ledger"
  local cpu_u cpu_s execs cov ft
  read -r cpu_u cpu_s < <(sed -n 's/^stat::cpu_seconds: \([0-9.]*\) user + \([0-9.]*\) sys.*/\1 \2/p' "$log.cpu" 2>/dev/null || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -oE "(DONE|INITED|NEW|REDUCE|pulse) +cov: [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+$" || true)
  ft=$(grep -oE " ft: [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+$" || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$start" "$(git rev-parse --short HEAD 2>/dev/null || echo -)" \
    "$(( $(date +%s) - start_s ))" "${cpu_u:-0}" "${cpu_s:-0}" "${execs:-0}" "${cov:-0}" "${ft:-0}" "$rc" >> "$bdir/ledger/$r.tsv"
  local summary
  summary=$({
    echo "== fuzz_$r: ${seconds}s"
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)|(INITED|DONE) +cov:" "$log" | tail -n 6 || true
    cat "$log.cpu" 2>/dev/null || true
    if [ "$rc" -eq 72 ] && grep -q "run interrupted" "$log"; then
      echo "fuzz_$r: interrupted (SIGINT, exit 72): not a finding; its statistics are in the ledger"
    elif [ "$rc" -ne 0 ]; then
      echo "fuzz_$r: FINDING (exit $rc), see $log and $findings/"
      grep -m3 -E "ERROR: |runtime error|SUMMARY" "$log" || true
    fi
  })
  echo "$summary"  # one write per target, so parallel targets do not interleave their lines
  return "$rc"
}
# ledger_cpu READER: the CPU seconds READER has got in all its ledgered runs.
ledger_cpu() { awk -F'\t' '{c+=$4+$5} END{printf "%d", c}' "$bdir/ledger/$1.tsv" 2>/dev/null || echo 0; }
# campaign READER: run_one until the ledger reaches FUZZ_CPU_SECONDS (or a finding).
campaign() {
  local r=$1 have
  while :; do
    have=$(ledger_cpu "$r"); have=${have:-0}
    if [ "$have" -ge "$FUZZ_CPU_SECONDS" ]; then echo "== fuzz_$r: ${have} CPU s in the ledger (>= ${FUZZ_CPU_SECONDS}): done"; return 0; fi
    run_one "$r" || return 1
  done
}
runner=run_one; [ -n "${FUZZ_CPU_SECONDS:-}" ] && runner=campaign
status=0
pids=()
for r in "${readers[@]}"; do
  if [ "$jobs" -le 1 ]; then
    $runner "$r" || status=1
  else
    # at most $jobs targets at a time
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || status=1; done
    $runner "$r" &
    pids+=($!)
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
