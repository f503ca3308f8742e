#!/usr/bin/env bash
# End-to-end: `cikit index --weights ahp` on the bundled governance example writes the AHP
# consistency table and uses the judgments (local weights differ from equal weights).
# usage: ahp_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
spec="$src/datasets/governance/governance.yaml"
"$cikit" index "$spec" --weights ahp --out out > index.txt || fail "index --weights ahp exit $?"
grep -q "analytic hierarchy process" index.txt || fail "no AHP in the method line"
for f in ahp_consistency.csv weights.csv index.json; do [ -s "out/$f" ] || fail "did not write $f"; done
head -1 out/ahp_consistency.csv | grep -q "^node_id,expert_id,m,n_missing,lambda_max,ci,ri,cr,cr_threshold,acceptable$" \
  || fail "ahp_consistency.csv header"
grep -q "^system,(group),7," out/ahp_consistency.csv || fail "no group row for node system"
[ "$(grep -c '^system,E[0-9]' out/ahp_consistency.csv)" = 3 ] || fail "expected 3 expert rows for system"
python3 - <<'PY' || fail "index.json"
import json
d = json.load(open("out/index.json"))
assert d["methods"]["weights"] == "ahp" and d["methods"]["ahp"]["group"] == "aij"
assert len(d["ahp_consistency"]) > 0
leaves = [n for n in d["nodes"] if n["kind"] == "indicator"]
assert abs(sum(n["global_weight"] for n in leaves) - 1) < 1e-12
dims = [n for n in d["nodes"] if n["level"] == 1]
assert len(dims) == 4 and max(n["local_weight"] for n in dims) > 0.26  # not equal weights
PY
"$cikit" index "$spec" --weights ahp --ahp-group aip-geometric --print-config | grep -q "group: aip_geometric" \
  || fail "--print-config does not show the AHP group rule"
echo "ahp e2e ok"
