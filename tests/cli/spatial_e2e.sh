#!/usr/bin/env bash
# End-to-end `cikit disparity`, `cikit density`, `cikit spatial` and the appendix's E1–E6 blocks
# on tests/cli/cases/spatial.yaml (16 synthetic cities in 4 regions with planar and lon/lat
# coordinates): files written, JSON keys of issue 22, Dagum's identity, permutation results
# identical at 1 and 2 threads, Chinese labels, the appendix tables only when configured.
# usage: spatial_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cp -r "$src/tests/cli/cases/." "$work/"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
"$cikit" disparity spatial.yaml --group region --out d > d.txt || fail "disparity exit $?"
for f in disparity.json disparity_summary.csv disparity_groups.csv disparity_pairs.csv; do [ -s "d/$f" ] || fail "no $f"; done
grep -q "Dagum Gini" d.txt || fail "no English title"
"$cikit" disparity spatial.yaml --group region --lang zh > dz.txt || fail "disparity zh"
grep -q "Dagum基尼系数" dz.txt || fail "no Chinese title"
"$cikit" density spatial.yaml --bw SJ --out k > k.txt || fail "density exit $?"
for f in density.json density.csv density_overlay.svg density_ridgeline.svg; do [ -s "k/$f" ] || fail "no $f"; done
"$cikit" density spatial.yaml --lang zh --out kz > /dev/null || fail "density zh"
grep -q "核密度" kz/density_overlay.svg || fail "no Chinese figure title"
"$cikit" spatial spatial.yaml --coords lon,lat --lonlat --knn 4 --permutations 999 --threads 1 --out s1 > s.txt || fail "spatial exit $?"
"$cikit" spatial spatial.yaml --coords lon,lat --lonlat --knn 4 --permutations 999 --threads 2 --out s2 > /dev/null || fail "spatial 2 threads"
cmp -s s1/spatial_global.csv s2/spatial_global.csv || fail "permutation results differ between 1 and 2 threads"
for f in spatial.json spatial_global.csv spatial_local.csv; do [ -s "s1/$f" ] || fail "no $f"; done
python3 - <<'PY' || fail "JSON"
import json
d = json.load(open("d/disparity.json"))
p = d["periods"][0]
for k in ["period", "gini", "gini_within", "gini_between", "gini_transvariation", "theil_t", "theil_l"]:
    assert k in p, k
assert p["period"] == "" and p["n"] == 16
assert abs(p["gini"] - (p["gini_within"] + p["gini_between"] + p["gini_transvariation"])) < 1e-14
assert abs(p["theil_t"] - (p["theil_t_within"] + p["theil_t_between"])) < 1e-14
assert [g["group"] for g in p["groups"]] == ["north", "east", "west", "south"] and all("gini" in g for g in p["groups"])
assert len(p["pairs"]) == 6 and all("gini" in q for q in p["pairs"])
k = json.load(open("k/density.json"))["periods"][0]
assert k["rule"] == "SJ" and len(k["x"]) == 512 and k["bandwidth"] > 0
s = json.load(open("s1/spatial.json"))["periods"][0]
m = s["moran"]
for key in ["moran_i", "expectation", "variance", "z", "p_value"]:
    assert key in m, key
assert abs(m["expectation"] + 1 / 15) < 1e-15
assert m["permutation"]["permutations"] == 999
assert len(s["units"]) == 16 and all(u["quadrant"] in ("HH", "LL", "HL", "LH") for u in s["units"])
assert all("local_i" in u for u in s["units"])
assert s["weights"]["links"] == 64
PY
# The appendix: no E tables by default; E1–E6 when the configuration's analyses block names them.
"$cikit" appendix spatial.yaml --formats md --out a0 > /dev/null 2>&1 || fail "appendix default"
! grep -q "Dagum" a0/appendix.md || fail "E tables without being asked for"
"$cikit" appendix spatial.yaml --formats md,csv --print-config > cfg.yaml
printf 'analyses:\n  group: "region"\n  density: true\n  coords: "lon,lat"\n  lonlat: true\n  knn: 4\n' >> cfg.yaml
"$cikit" appendix --config cfg.yaml --out a1 > /dev/null 2> a1.err || { cat a1.err; fail "appendix with analyses"; }
for t in E1_dagum_gini E2_gini_groups E3_theil E4_kernel_density E5_moran E6_lisa; do
  [ -s "a1/$t.csv" ] || fail "appendix has no $t"
done
grep -q "Dagum Gini" a1/appendix.md || fail "E1 not in appendix.md"
"$cikit" appendix --config cfg.yaml --print-config | grep -q 'group: "region"' || fail "analyses not printed back"
echo "spatial e2e OK"
