#!/usr/bin/env bash
# End-to-end `cikit sensitivity` on the bundled example: the spec's uncertainty: block, tables,
# files, and bit-identical JSON for 1, 2 and 8 threads.
# usage: sensitivity_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
spec=$src/datasets/governance/governance.yaml
small=(--replicates 100 --bootstrap 20 --sobol-bootstrap 50 --unit-sobol-bootstrap 10)

for t in 1 2 8; do
  "$cikit" sensitivity "$spec" "${small[@]}" --threads "$t" --format json > "t$t.json" 2> "t$t.err" || fail "threads $t: exit $?"
done
cmp -s t1.json t2.json || fail "JSON differs between 1 and 2 threads"
cmp -s t1.json t8.json || fail "JSON differs between 1 and 8 threads"
python3 - <<'PY' || fail "json content"
import json
d = json.load(open("t1.json"))
assert d["command"] == "sensitivity" and d["seed"] == 20221219
names = [i["name"] for i in d["inputs"]]
assert names == ["normalize", "weights", "exclude", "weight_noise"], names
mc = d["monte_carlo"]
assert mc["k"] == 4 and mc["runs"] == mc["n"] * 6 and mc["runs"] >= 100
assert mc["failed_runs"] == 0 and mc["rank_statistics_runs"] == 2 * mc["n"]
s = mc["sobol_mean_abs_rank_shift"]
assert [x["input"] for x in s["indices"]] == names
assert all(len(x["total_ci"]) == 2 for x in s["indices"])
assert [c["n"] for c in s["convergence"]] == [mc["n"] // 4, mc["n"] // 2, mc["n"]]
b = d["bootstrap"]
assert b["replicates"] == 20 and "goalposts" in b["scoring_rule"]
assert {r["statistic"] for r in b["reliability"]} == {"alpha", "kmo"}
# the example's nominal weights (game_theory of ahp and entropy) depend on the units: every
# inner node's children get a weight with percentile and BCa intervals
assert d["methods"]["weights"] == "combined" and len(b["weights"]) > 0
for w in b["weights"]:
    # a node's only child (left alone by the Delphi screening) has weight 1 in every replicate: no BCa
    assert w["statistic"] == "local_weight" and len(w["percentile"]) == 2
    assert len(w["bca"]) == 2 if w["bca"] is not None else w["estimate"] == 1
    assert 0 <= w["estimate"] <= 1 and w["replicates_used"] + w["failed_replicates"] == 20
loo = d["leave_one_out"]
# the final system after the Delphi screening (the spec proposes 56 indicators)
assert d["delphi_screening"]["proposed_indicators"] == 56
assert sum(r["kind"] == "indicator" for r in loo) == d["delphi_screening"]["indicators"] and sum(r["kind"] == "dimension" for r in loo) == 4
u = d["units"]
assert len(u) == d["n_units"] and u[0]["nominal_rank"] == 1
for x in u:
    m = x["monte_carlo"]
    assert m["q05"] <= m["median_rank"] <= m["q95"] and m["runs"] == mc["rank_statistics_runs"]
    assert x["bootstrap"]["replicates"] == 20
    assert set(x["sobol"]) == set(names)
PY

"$cikit" sensitivity "$spec" "${small[@]}" --top 5 --no-loo --out out > table.txt 2> table.err || fail "table exit"
grep -q "seed 20221219" table.txt || fail "table: no seed"
grep -q "Sobol' indices of the mean absolute rank shift" table.txt || fail "table: no Sobol table"
grep -q "MC 5–95%" table.txt || fail "table: no rank interval column"
for f in sensitivity.json rank_intervals.csv sobol.csv sobol_convergence.csv sobol_unit_ranks.csv bootstrap_statistics.csv failures.csv; do
  [ -s "out/$f" ] || fail "did not write $f"
done
read -r header < out/rank_intervals.csv
[ "$header" = "unit_id,name_zh,name_en,nominal_rank,mc_mean_rank,mc_median_rank,mc_q05,mc_q95,mc_runs,boot_median_rank,boot_lower,boot_upper,boot_replicates,sobol_dominant_input,loo_most_moving,loo_shift" ] \
  || fail "rank_intervals.csv header: $header"
"$cikit" sensitivity "$spec" "${small[@]}" --no-loo --format csv > ri.csv
cmp -s <(cut -d, -f1-13 ri.csv) <(cut -d, -f1-13 out/rank_intervals.csv) || fail "--format csv differs from rank_intervals.csv"
"$cikit" sensitivity "$spec" --replicates 100 --bootstrap 0 --no-loo --lang zh > zh.txt
grep -q "敏感性分析" zh.txt || fail "--lang zh"
# A different seed changes the draws (and is printed).
"$cikit" sensitivity "$spec" "${small[@]}" --seed 7 --no-loo --format json > s7.json
python3 -c 'import json; a=json.load(open("t1.json")); b=json.load(open("s7.json")); assert b["seed"]==7 and a["monte_carlo"]["mean_abs_rank_shift"]!=b["monte_carlo"]["mean_abs_rank_shift"]' \
  || fail "--seed"
# Aggregation per level and imputation (cities.csv has missing values) as uncertain inputs:
# one input per level, the per-level nodes, their own Sobol' indices, identical for 1 and 2 threads.
lv=(--replicates 100 --bootstrap 0 --sobol-bootstrap 20 --no-loo --impute-set none,mean,median
    --aggregate-set level3=arithmetic,copeland --aggregate-set dimensions=arithmetic,topsis --format json)
for t in 1 2; do
  "$cikit" sensitivity "$spec" "${lv[@]}" --threads "$t" > "lv$t.json" 2> "lv$t.err" || fail "levels, threads $t: exit $?"
done
cmp -s lv1.json lv2.json || fail "levels: JSON differs between 1 and 2 threads"
python3 - <<'PY' || fail "levels json content"
import json
d = json.load(open("lv1.json"))
names = [i["name"] for i in d["inputs"]]
assert names == ["impute", "normalize", "weights", "aggregate.level3", "aggregate.dimensions", "exclude",
                 "weight_noise"], names
nodes = {i["name"]: i["nodes"] for i in d["inputs"]}
assert nodes["aggregate.dimensions"] == ["cggi"] and len(nodes["aggregate.level3"]) == 23, nodes
assert nodes["impute"] == []
mc = d["monte_carlo"]
assert mc["k"] == 7 and mc["failed_runs"] == 0
assert [x["input"] for x in mc["sobol_mean_abs_rank_shift"]["indices"]] == names
assert not any("no missing value" in w for w in d["warnings"])
PY
echo "sensitivity e2e: ok"
