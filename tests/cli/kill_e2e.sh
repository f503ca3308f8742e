#!/usr/bin/env bash
# Crash-safe output (docs/robustness.md): `cikit sensitivity --out` and `cikit appendix` are
# stopped at pseudo-random moments with SIGINT, SIGTERM and SIGKILL, into an empty folder and
# into a folder holding a previous complete run. Checks:
# - SIGINT/SIGTERM: the run ends within ~1 s of the signal with status 130/143 (or 0 if it had
#   already finished), says "interrupted"/"terminated", and leaves no temporary file;
# - SIGKILL: every file left is complete and identical to an uninterrupted run's (the appendix's
#   date line excepted; XLSX/DOCX: a readable zip), temporaries aside; the next run removes
#   those temporaries.
# usage: kill_e2e.sh CIKIT SOURCE_DIR WORK_DIR [ROUNDS]
set -euo pipefail
cikit=$1; src=$2; work=$3; rounds=${4:-2}
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
spec=$src/datasets/governance/governance.yaml
sens=(sensitivity "$spec" --replicates 400 --bootstrap 60 --sobol-bootstrap 50 --unit-sobol-bootstrap 10 --threads 2)
app=(appendix "$spec" --lang en --formats md,html,csv,xlsx,svg --bootstrap 50 --parallel-replicates 50 --replicates 200)
RANDOM=20261206  # the kill moments are pseudo-random but the same on every run of the test

# same_file REF FILE: FILE equals REF (text: apart from the appendix's date line; zip: readable).
same_file() {
  case "$1" in
    *.xlsx|*.docx) python3 -c "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)" "$2" ;;
    *) cmp -s <(grep -av -e '^- Date: ' -e '日期：' -e 'Date:' "$1") <(grep -av -e '^- Date: ' -e '日期：' -e 'Date:' "$2") ;;
  esac
}
# check_dir REF DIR: every non-temporary file of DIR equals REF's.
check_dir() {
  local f
  for f in "$2"/* ; do
    [ -e "$f" ] || continue
    [ -f "$1/$(basename "$f")" ] || fail "$2: unexpected file $(basename "$f")"
    same_file "$1/$(basename "$f")" "$f" || fail "$2: $(basename "$f") is partial or differs from an uninterrupted run"
  done
}
temporaries() { find "$1" -maxdepth 1 -name '.*.tmp-*' | wc -l; }

# wait_for_handlers PID: returns once PID has SIGINT (bit 2) and SIGTERM (bit 15) handlers
# installed, or has exited (at most ~5 s).
wait_for_handlers() {
  local i caught
  for i in $(seq 1 500); do
    kill -0 "$1" 2>/dev/null || return 0
    # (before exec the pid is still a forked bash, whose own handlers do not count)
    case "$(readlink "/proc/$1/exe" 2>/dev/null)" in *cikit*) ;; *) sleep 0.005; continue ;; esac
    caught=$(awk '/^SigCgt:/ {print $2}' "/proc/$1/status" 2>/dev/null) || return 0
    [ -n "$caught" ] || return 0
    (( (16#$caught & 0x4002) == 0x4002 )) && return 0
    sleep 0.01
  done
}
# run_killed NAME SIGNAL DELAY_MS PREFILL ARGS...: starts cikit ARGS --out NAME, sends SIGNAL after DELAY_MS.
run_killed() {
  local name=$1 sig=$2 delay=$3 prefill=$4; shift 4
  rm -rf "$name"; mkdir -p "$name"
  [ "$prefill" = 1 ] && cp -r "ref_$ARGS_KIND"/. "$name"/
  "$cikit" "$@" --out "$name" > "$name.log" 2>&1 & local pid=$!
  # Count the delay from the moment cikit catches SIGINT and SIGTERM (SigCgt in /proc): a signal
  # that arrives while the dynamic loader is still mapping libraries cannot be caught by any
  # program, and a loaded CI machine can spend tens of ms there.
  [ "$sig" = KILL ] || wait_for_handlers "$pid"
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  local t0; t0=$(date +%s%N)
  kill "-$sig" "$pid" 2>/dev/null || true
  local rc=0; wait "$pid" || rc=$?
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$ARGS_KIND $sig at ${delay} ms (prefilled=$prefill): exit $rc after ${ms} ms"
  case "$sig" in
    INT|TERM)
      local want=130; [ "$sig" = TERM ] && want=143
      [ "$rc" = "$want" ] || [ "$rc" = 0 ] || fail "$name: SIG$sig gave exit $rc (want $want); log: $(tail -n 3 "$name.log")"
      [ "$rc" = 0 ] || grep -qE "interrupted|terminated" "$name.log" || fail "$name: no 'interrupted' message"
      # 1 s watchdog (methods/core/cancel.hpp) + process exit; slack for a loaded machine.
      [ "$ms" -le 3000 ] || fail "$name: took ${ms} ms to stop after SIG$sig"
      [ "$(temporaries "$name")" = 0 ] || fail "$name: temporary files left after SIG$sig"
      ;;
    KILL) [ "$rc" = 137 ] || [ "$rc" = 0 ] || fail "$name: SIGKILL gave exit $rc" ;;
  esac
  check_dir "ref_$ARGS_KIND" "$name"
}

for kind in sensitivity appendix; do
  ARGS_KIND=$kind
  if [ "$kind" = sensitivity ]; then args=("${sens[@]}"); else args=("${app[@]}"); fi
  t0=$(date +%s%N)
  "$cikit" "${args[@]}" --out "ref_$kind" > "ref_$kind.log" 2>&1 || fail "$kind: uninterrupted run failed: $(tail -n 3 "ref_$kind.log")"
  total=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$kind: uninterrupted run ${total} ms, $(ls "ref_$kind" | wc -l) files"
  [ "$(temporaries "ref_$kind")" = 0 ] || fail "$kind: temporaries after a complete run"
  for r in $(seq 1 "$rounds"); do
    for sig in INT TERM KILL; do
      delay=$(( RANDOM % (total + 200) ))
      run_killed "k_${kind}_${sig}_$r" "$sig" "$delay" $((r % 2)) "${args[@]}"
    done
  done
  # Near the end (the writing phase) with SIGKILL, into a prefilled folder.
  for d in 50 20 5; do run_killed "k_${kind}_late_$d" KILL $(( total * (100 - d) / 100 )) 1 "${args[@]}"; done
  # SIGKILL while the outputs are being written, into a prefilled folder: every file is written
  # in two halves 300 ms apart (test hook CIKIT_TEST_SLOW_WRITE_MS, methods/core/fileio.cpp), and
  # the run is killed 0.15 s, 0.45 s, ... after the first temporary file appears, i.e. while the
  # first, second, ... file is half written.
  for i in 1 2 3; do
    name=k_${kind}_write_$i; rm -rf "$name"; mkdir -p "$name"; cp -r "ref_$kind"/. "$name"/
    CIKIT_TEST_SLOW_WRITE_MS=300 "$cikit" "${args[@]}" --out "$name" > "$name.log" 2>&1 & pid=$!
    while kill -0 "$pid" 2>/dev/null && [ "$(temporaries "$name")" = 0 ]; do sleep 0.01; done
    sleep "0.$((i * 3 - 2))5"
    [ "$(temporaries "$name")" != 0 ] || echo "note: $name: no temporary file at the kill (a loaded machine shifted the timing)"
    kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    echo "$kind KILL while writing ($i): $(ls "$name" | wc -l) complete file(s), $(temporaries "$name") temporary"
    check_dir "ref_$kind" "$name"
  done
  # The next run into a folder that a SIGKILLed run left temporaries in removes them.
  left=0
  for d in k_${kind}_KILL_* k_${kind}_late_* k_${kind}_write_*; do
    [ -d "$d" ] && [ "$(temporaries "$d")" != 0 ] || continue
    left=$((left + 1))
    "$cikit" "${args[@]}" --out "$d" > "$d.rerun.log" 2>&1 || fail "$d: rerun failed"
    [ "$(temporaries "$d")" = 0 ] || fail "$d: the next run did not remove the stale temporaries"
    check_dir "ref_$kind" "$d"
    [ "$left" -lt 2 ] || break
  done
  echo "$kind: $left folder(s) with stale temporaries rerun and cleaned"
done
echo "kill_e2e: OK"
