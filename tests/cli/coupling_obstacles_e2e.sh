#!/usr/bin/env bash
# End-to-end `cikit coupling` and `cikit obstacles` on the bundled governance example: the
# subsystem scores are the dimension scores of `cikit index` rescaled to [0, 1], and C, T, D and
# the obstacle degrees are recomputed here in Python from index.json (an independent path), both
# coupling formulas; files, languages, JSON keys, and the errors for an unbounded scale.
# usage: coupling_obstacles_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
spec="$src/datasets/governance/governance.yaml"
"$cikit" index "$spec" --out idx > /dev/null 2>&1 || fail "index"
"$cikit" coupling "$spec" --out cp > cp.txt 2> cp.err || fail "coupling exit $?"
for f in coupling.json coupling.csv coupling_bands.csv; do [ -s "cp/$f" ] || fail "coupling did not write $f"; done
"$cikit" coupling "$spec" --formula traditional --subsystem-weights index --format json > cpt.json 2> /dev/null \
  || fail "coupling traditional"
"$cikit" coupling "$spec" --lang zh > cp_zh.txt 2> /dev/null || fail "coupling --lang zh"
grep -q "耦合协调度" cp_zh.txt || fail "no Chinese title"
grep -q "王淑佳" cp_zh.txt || fail "no formula note in Chinese"
"$cikit" obstacles "$spec" --out ob -k 3 > ob.txt 2> ob.err || fail "obstacles exit $?"
for f in obstacles.json obstacles_indicators.csv obstacles_groups.csv obstacles_top.csv obstacles_frequency.csv; do
  [ -s "ob/$f" ] || fail "obstacles did not write $f"
done
"$cikit" obstacles "$spec" --lang zh > ob_zh.txt 2> /dev/null || fail "obstacles --lang zh"
grep -q "障碍度" ob_zh.txt || fail "no Chinese obstacles title"
python3 - <<'PY' || fail "values"
import json, math, itertools
idx = json.load(open("idx/index.json"))
units = idx["units"]
cp = json.load(open("cp/coupling.json"))
subs = [s["id"] for s in cp["subsystems"]]
assert len(subs) == 4, subs
per = cp["periods"][0]["units"]
assert set(per[0]) >= {"unit", "c", "t", "d", "level"}, per[0].keys()
by_unit = {u["unit"]: u for u in per}
checked = 0
for u in units:
    vals = [u["scores"][d] for d in subs]
    if any(v is None for v in vals):
        assert by_unit[u["id"]]["c"] is None
        continue
    U = [v / 100.0 for v in vals]
    m = len(U)
    first = 1 - sum(abs(a - b) for a, b in itertools.combinations(U, 2)) / (m * (m - 1) / 2)
    second = math.prod(x / max(U) for x in U) ** (1 / (m - 1))
    C = math.sqrt(first * second)
    T = sum(U) / m
    got = by_unit[u["id"]]
    assert abs(got["c"] - C) < 1e-12 and abs(got["t"] - T) < 1e-12, (u["id"], got, C, T)
    assert abs(got["d"] - math.sqrt(C * T)) < 1e-12
    assert got["level"] == ["extreme_imbalance", "severe_imbalance", "moderate_imbalance", "mild_imbalance",
                            "verge_of_imbalance", "barely_coordinated", "primary_coordination",
                            "intermediate_coordination", "good_coordination",
                            "high_quality_coordination"][min(int(math.sqrt(C * T) * 10), 9)]
    checked += 1
assert checked > 100, checked
# traditional formula with the index weights of the dimensions
cpt = json.load(open("cpt.json"))
assert cpt["options"]["formula"] == "traditional" and cpt["options"]["weights"] == "index"
w = {s["id"]: s["weight"] for s in cpt["subsystems"]}
assert abs(sum(w.values()) - 1) < 1e-12
for got in cpt["periods"][0]["units"]:
    if got["c"] is None: continue
    U = [got["u"][d] for d in subs]
    C = len(U) * math.prod(U) ** (1 / len(U)) / sum(U)
    assert abs(got["c"] - C) < 1e-12
    assert abs(got["t"] - sum(w[d] * got["u"][d] for d in subs)) < 1e-12
# obstacles: each unit's indicator obstacles sum to 1 and equal F*I/sum(F*I) from index.json
ob = json.load(open("ob/obstacles.json"))
p = ob["periods"][0]
weights = {r["id"]: r["weight"] for r in p["frequency"]}
assert abs(sum(weights.values()) - 1) < 1e-12
norm = {u["id"]: u["normalized"] for u in units}
n_checked = 0
for u in p["units"]:
    x = norm[u["unit"]]
    fi = {i: weights[i] * (1 - x[i] / 100.0) for i in weights if x[i] is not None}
    tot = sum(fi.values())
    for i in u["indicators"]:
        if i["obstacle"] is None:
            assert x[i["id"]] is None
        else:
            assert abs(i["obstacle"] - fi[i["id"]] / tot) < 1e-12, (u["unit"], i)
    vals = [i["obstacle"] for i in u["indicators"] if i["obstacle"] is not None]
    assert abs(sum(vals) - 1) < 1e-12, u["unit"]
    assert abs(sum(g["obstacle"] for g in u["groups"]) - 1) < 1e-12
    assert len(u["top"]) == 3
    n_checked += 1
assert n_checked == len(units)
PY
# Errors: an unbounded normalisation; the indicator level as groups; a bad weight list.
if "$cikit" coupling "$spec" --normalize zscore --out bad1 > /dev/null 2> bad1.err; then fail "zscore accepted"; fi
grep -q "not on a bounded range" bad1.err || fail "zscore message: $(cat bad1.err)"
[ ! -e bad1 ] || fail "bad1 written"
if "$cikit" obstacles "$spec" --normalize zscore > /dev/null 2> bad2.err; then fail "obstacles zscore accepted"; fi
grep -q "unbounded scale" bad2.err || fail "obstacles zscore message"
if "$cikit" coupling "$spec" --subsystem-weights system=1,nope=2 > /dev/null 2> bad3.err; then fail "bad weights accepted"; fi
grep -q "'nope' is not a subsystem" bad3.err || fail "bad weights message: $(cat bad3.err)"
if "$cikit" obstacles "$spec" --level indicators > /dev/null 2> bad4.err; then fail "indicator level accepted"; fi
grep -q "above the indicators" bad4.err || fail "indicator level message: $(cat bad4.err)"
# Panel data (the bundled synthetic panel): every analysis reports each period; coupling is
# recomputed per period from `cikit index`'s panel JSON; the printed tables (latest period) run.
"$cikit" example --panel pex > /dev/null 2>&1 || fail "example --panel"
pspec=pex/governance_panel.yaml
"$cikit" index "$pspec" --format json > pidx.json 2> /dev/null || fail "panel index"
"$cikit" coupling "$pspec" --format json > pcp.json 2> /dev/null || fail "panel coupling"
"$cikit" obstacles "$pspec" --format json -k 3 > pob.json 2> /dev/null || fail "panel obstacles"
"$cikit" disparity "$pspec" --group region --format json > pdi.json 2> /dev/null || fail "panel disparity"
"$cikit" spatial "$pspec" --coords lon,lat --lonlat --knn 5 --format json > psp.json 2> /dev/null || fail "panel spatial"
"$cikit" density "$pspec" --format json > pde.json 2> /dev/null || fail "panel density"
"$cikit" coupling "$pspec" --lang zh --out pcp > pcp.txt 2> /dev/null || fail "panel coupling table"
grep -q "面板数据：此处显示最新一期（2023）" pcp.txt || fail "no latest-period note"
head -1 pcp/coupling.csv | grep -q "^period,unit," || fail "panel coupling.csv has no period column"
"$cikit" obstacles "$pspec" --out pob > /dev/null 2>&1 || fail "panel obstacles table"
head -1 pob/obstacles_frequency.csv | grep -q "^period,indicator," || fail "panel frequency csv"
python3 - <<'PY' || fail "panel values"
import json, math, itertools
idx = json.load(open("pidx.json"))
periods = [p["period"] for p in idx["periods"]]
assert periods == ["2019", "2020", "2021", "2022", "2023"], periods
for f in ("pcp.json", "pob.json", "pdi.json", "psp.json", "pde.json"):
    got = [p["period"] for p in json.load(open(f))["periods"]]
    assert got == periods, (f, got)
cp = json.load(open("pcp.json"))
subs = [s["id"] for s in cp["subsystems"]]
for ip, cpp in zip(idx["periods"], cp["periods"]):
    by = {u["unit"]: u for u in cpp["units"]}
    assert len(by) == len(ip["units"])
    for u in ip["units"]:
        vals = [u["scores"][d] for d in subs]
        if any(v is None for v in vals):
            continue
        U = [v / 100.0 for v in vals]
        m = len(U)
        first = 1 - sum(abs(a - b) for a, b in itertools.combinations(U, 2)) / (m * (m - 1) / 2)
        C = math.sqrt(first * math.prod(x / max(U) for x in U) ** (1 / (m - 1)))
        assert abs(by[u["id"]]["c"] - C) < 1e-12, (ip["period"], u["id"])
for p in json.load(open("pob.json"))["periods"]:
    for u in p["units"]:
        assert abs(sum(i["obstacle"] for i in u["indicators"] if i["obstacle"] is not None) - 1) < 1e-12
PY
echo "coupling/obstacles e2e: OK"
