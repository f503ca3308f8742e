#!/usr/bin/env bash
# Runs one CLI case and checks its outcome (used by ctest; see tests/cli/CMakeLists.txt).
# usage: expect.sh EXIT_CODE STDERR_REGEX OUTDIR_MUST_BE_EMPTY(0|1) WORKDIR -- command args...
# - the command runs in WORKDIR;
# - its exit status must equal EXIT_CODE;
# - stderr must match STDERR_REGEX (extended regex; "" = anything) and, for a failure, be one
#   "cikit <cmd>: error: ..." line (plus CLI11's "Run with --help" hint for usage errors);
# - if OUTDIR_MUST_BE_EMPTY is 1, WORKDIR/out must not exist or be empty afterwards.
set -u
want=$1; regex=$2; empty=$3; work=$4; shift 5
rm -rf "$work/out"
err=$(mktemp)
(cd "$work" && "$@") >/dev/null 2>"$err"
got=$?
fail=0
if [ "$got" != "$want" ]; then echo "exit status $got, expected $want"; fail=1; fi
if [ -n "$regex" ] && ! grep -Eq -- "$regex" "$err"; then echo "stderr does not match /$regex/"; fail=1; fi
if [ "$want" != 0 ]; then
  n_err=$(grep -c ': error: ' "$err")
  if [ "$n_err" -lt 1 ]; then echo "no 'error:' line on stderr"; fail=1; fi
fi
if [ "$empty" = 1 ] && [ -d "$work/out" ] && [ -n "$(ls -A "$work/out")" ]; then
  echo "partial output left in $work/out:"; ls -A "$work/out"; fail=1
fi
echo "--- stderr:"; cat "$err"; rm -f "$err"
exit $fail
