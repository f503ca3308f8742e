#!/usr/bin/env bash
# End-to-end: `cikit benchmark-methods` writes its files, and every number except the timings is
# identical with 1 and 2 threads; `cikit simulate --preset scenario` writes its four files.
# usage: benchmark_methods_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
scen="$src/tests/cli/cases/study_small.yaml"
"$cikit" benchmark-methods --scenarios "$scen" --threads 1 --out one > one.md || fail "exit $? (1 thread)"
"$cikit" benchmark-methods --scenarios "$scen" --threads 2 --out two --format csv > two.csv || fail "exit $? (2 threads)"
for f in cells.csv summary.csv summary.md summary.json spearman.svg weight_mae.svg weight_cv.svg rank_width.svg \
         outlier_shift.svg spearman_all.svg; do
  [ -s "one/$f" ] || fail "did not write $f"
done
head -1 one/cells.csv | grep -q "^scenario,method,normalize,weights,aggregate,replicate,ok,weight_mae,spearman,kendall,top10,weight_cv,rank_width,outlier_shift,seconds,note$" \
  || fail "cells.csv header"
n_w=$(grep -c "^tiny,minmax/.*/arithmetic,.*,0,1," one/cells.csv || true)
[ "$n_w" -ge 8 ] || fail "expected a row per weighting method, got $n_w"
# 2 scenarios x 2 replicates x (2 x W x 1) methods + header
python3 - <<'PY' || fail "cells.csv shape or determinism across thread counts"
import csv
a = list(csv.DictReader(open("one/cells.csv")))
b = list(csv.DictReader(open("two/cells.csv")))
assert len(a) == len(b) and len(a) % 8 == 0, len(a)
for x, y in zip(a, b):
    x.pop("seconds"); y.pop("seconds")
    assert x == y, (x, y)
assert all(r["ok"] == "1" for r in a), [r for r in a if r["ok"] != "1"][:1]
PY
grep -q "^scenario,method," two.csv || fail "--format csv prints summary.csv"
grep -q "Table M2" one.md || fail "markdown report"
"$cikit" simulate --preset scenario --units 40 --weight-spread 0.8 --out sim > /dev/null || fail "simulate scenario"
for f in spec.yaml data.csv truth.csv true_weights.csv; do [ -s "sim/$f" ] || fail "simulate: no $f"; done
"$cikit" index sim/spec.yaml --weights given > /dev/null || fail "index on the scenario spec"
echo "benchmark-methods e2e: ok"
