#!/usr/bin/env bash
# End-to-end `cikit weights` and `cikit compare` on the bundled governance example: every
# method side by side (local sums, global = product, AHP CR for every inner node), combined
# weights from the spec's methods block, compare with --stability identical for 1 and 2 threads.
# usage: compare_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
spec="$src/datasets/governance/governance.yaml"
"$cikit" weights "$spec" --out w > weights.txt 2> weights.err || fail "weights exit $?"
for f in weights.csv weights_diagnostics.csv weights_ahp_consistency.csv weights.json; do
  [ -s "w/$f" ] || fail "weights did not write $f"
done
grep -q "combined" weights.txt || fail "no combined column"
"$cikit" weights "$spec" --lang zh --methods equal,ahp > weights_zh.txt || fail "weights --lang zh"
grep -q "局部权重" weights_zh.txt || fail "no Chinese header"
python3 - <<'PY' || fail "weights.json"
import json
d = json.load(open("w/weights.json"))
names = [m["method"] for m in d["methods"]]
assert names == ["equal", "entropy", "cv", "sd", "critic", "pca", "ahp", "combined", "max_deviation",
                 "mean_deviation", "independence"], names
for m in d["methods"]:
    nodes = {n["node_id"]: n for n in m["weights"]}
    kids = {}
    for n in m["weights"]:
        if n["parent_id"]:
            kids.setdefault(n["parent_id"], []).append(n)
            assert abs(n["global_weight"] - nodes[n["parent_id"]]["global_weight"] * n["local_weight"]) < 1e-15
    for p, ch in kids.items():
        assert abs(sum(c["local_weight"] for c in ch) - 1) < 1e-12, (m["method"], p)
    leaves = [n for n in m["weights"] if n["kind"] == "indicator"]
    assert abs(sum(n["global_weight"] for n in leaves) - 1) < 1e-12
ahp = next(m for m in d["methods"] if m["method"] == "ahp")
# inner nodes with at least 2 children (a sub-dimension left with one indicator by the Delphi
# screening needs no comparison)
first = [n["parent_id"] for n in d["methods"][0]["weights"] if n["parent_id"]]
inner = {p for p in first if first.count(p) >= 2}
groups = {c["node_id"] for c in ahp["ahp_consistency"] if c["expert_id"] == ""}
assert inner == groups, inner ^ groups          # judgments for every inner node
comb = next(m for m in d["methods"] if m["method"] == "combined")
assert comb["variant"] == "game_theory(ahp, entropy)"
assert any("coefficient:ahp" in x["values"] for x in comb["diagnostics"])
ent = next(m for m in d["methods"] if m["method"] == "entropy")
assert all("entropy" in c and "divergence" in c for x in ent["diagnostics"] for c in x["children"])
ind = next(m for m in d["methods"] if m["method"] == "independence")
assert all(abs(c["r_squared"] + c["one_minus_r_squared"] - 1) < 1e-12 for x in ind["diagnostics"] for c in x["children"])
PY
"$cikit" index "$spec" --format json > index.json || fail "index with the spec's combined weights"
python3 -c "import json; d = json.load(open('index.json')); assert d['methods']['weights'] == 'combined' and d['methods']['combined'] == 'game_theory(ahp, entropy)'" \
  || fail "index does not use the combined weights"
"$cikit" index "$spec" --print-config | grep -q "weights: {combine: game_theory, of: \[ahp, entropy\]}" \
  || fail "--print-config does not show the combination"
for t in 1 2; do
  "$cikit" compare "$spec" --stability --replicates 20 --threads $t --reference equal --top 10 --out c$t > compare$t.txt 2> /dev/null \
    || fail "compare --stability --threads $t exit $?"
done
for f in compare_scores.csv compare_summary.csv compare_correlations.csv compare_movers.csv stability_weights.csv stability_ranks.csv; do
  [ -s "c1/$f" ] || fail "compare did not write $f"
  cmp -s "c1/$f" "c2/$f" || fail "$f differs between 1 and 2 threads"
done
grep -q "Bootstrap stability" compare1.txt || fail "no stability table"
python3 - <<'PY' || fail "compare.json"
import json
d = json.load(open("c1/compare.json"))
assert d["reference"] == "equal" and d["top_n"] == 10
S = len(d["schemes"])
assert S == 11 and len(d["spearman"]) == S and len(d["kendall"][0]) == S  # 8 + max_deviation, mean_deviation, independence
for i in range(S):
    assert d["spearman"][i][i] == 1 and d["kendall"][i][i] == 1
ref = next(s for s in d["schemes"] if s["name"] == "equal")
assert ref["mean_abs_rank_shift"] == 0 and ref["top_n_overlap"] == 1
st = {s["scheme"]: s for s in d["stability"]["schemes"]}
assert st["equal"]["mean_rank_interval_width"] == 0
assert max(w["sd"] for w in st["entropy"]["weights"]) > 0
PY
echo "weights/compare e2e ok"
