#!/usr/bin/env bash
# End-to-end checks of every subcommand on the bundled governance example.
# usage: e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }

# example: writes the four files; data and judgments equal the committed ones byte for byte
"$cikit" example ex > /dev/null
for f in governance.yaml SOURCE.md cities.csv ahp_judgments.yaml delphi.yaml delphi_ratings.csv delphi_experts.csv; do
  cmp -s "ex/$f" "$src/datasets/governance/$f" || fail "example $f differs from datasets/governance/$f"
done
"$cikit" example ex 2>/dev/null && fail "example overwrote files without --force"
"$cikit" example ex --force > /dev/null

# check
"$cikit" check ex/governance.yaml > check.txt || fail "check exit $?"
grep -q "data check" check.txt || fail "check: no title"
"$cikit" check ex/governance.yaml --format json > check.json
python3 -c 'import json,sys; d=json.load(open("check.json")); assert d["command"]=="check" and d["n_units"]>=100 and len(d["indicators"])==d["n_indicators"]' \
  || fail "check json"

# index: table (top 10 printed, Beijing-style names), zh, json, csv, files
"$cikit" index ex/governance.yaml --top 10 --out out > index.txt
grep -q "Rank" index.txt || fail "index: no header"
[ "$(grep -cE '^ +[0-9]+  ' index.txt)" -ge 10 ] || fail "index: fewer than 10 ranked rows"
for f in scores.csv indicators_normalized.csv weights.csv index.json; do [ -s "out/$f" ] || fail "index did not write $f"; done
"$cikit" index ex/governance.yaml --lang zh --top 5 > index_zh.txt
grep -q "排名" index_zh.txt || fail "index --lang zh: no Chinese header"
grep -q "中国城市善治指数" index_zh.txt || fail "index --lang zh: no Chinese title"
"$cikit" index ex/governance.yaml --format json > index.json
python3 - <<'PY' || fail "index json"
import json
d = json.load(open("index.json"))
assert d["command"] == "index" and d["seed"] == 20221219
ranks = [u["rank"] for u in d["units"]]
assert ranks == sorted(ranks) and ranks[0] == 1
leaves = [n for n in d["nodes"] if n["kind"] == "indicator"]
assert abs(sum(n["global_weight"] for n in leaves) - 1) < 1e-12
assert all(0 <= u["score"] <= 100 for u in d["units"])
PY
"$cikit" index ex/governance.yaml --format csv > index.csv
head -1 index.csv | grep -q "^unit_id,name_zh,name_en,cggi,cggi_rank" || fail "index csv header"

# GBK copy of the data gives identical results
"$cikit" example gbk --encoding gbk > /dev/null
iconv -f GB18030 -t UTF-8 gbk/cities.csv | cmp -s - ex/cities.csv || fail "GBK example is not the UTF-8 data re-encoded"
"$cikit" index gbk/governance.yaml --out gbk_out > /dev/null
cmp -s gbk_out/scores.csv out/scores.csv || fail "GBK and UTF-8 scores differ"

# simulate: governance preset reproduces the example; generic writes spec + data + truth
"$cikit" simulate --preset governance --out sim_gov > /dev/null
cmp -s sim_gov/cities.csv "$src/datasets/governance/cities.csv" || fail "simulate --preset governance differs"
"$cikit" simulate --units 50 --indicators 12 --dimensions 3 --seed 7 --out sim > /dev/null
"$cikit" index sim/spec.yaml --format json > sim.json || fail "index on simulated spec"
"$cikit" simulate --units 50 --indicators 12 --dimensions 3 --seed 7 --out sim2 > /dev/null
cmp -s sim/data.csv sim2/data.csv || fail "simulate is not deterministic"

# appendix: tests/cli/appendix_e2e.sh

# delphi: per-round tables (en, zh), json, csv, files; permutation p independent of threads
"$cikit" delphi ex/governance.yaml --out delphi_out > delphi.txt 2> delphi_err.txt || fail "delphi exit $?"
grep -q "Round 2" delphi.txt || fail "delphi: no round 2"
grep -q "Kendall's W" delphi.txt || fail "delphi: no W"
grep -q "drop" delphi.txt || fail "delphi: no drop verdict"
for f in delphi.json delphi_items.csv delphi_panel.csv; do [ -s "delphi_out/$f" ] || fail "delphi did not write $f"; done
"$cikit" delphi ex/governance.yaml --lang zh --permutations 0 > delphi_zh.txt 2>/dev/null
grep -q "专家积极系数" delphi_zh.txt || fail "delphi --lang zh"
"$cikit" delphi ex/governance.yaml --format json --permutations 500 --threads 1 2>/dev/null > delphi1.json
"$cikit" delphi ex/governance.yaml --format json --permutations 500 --threads 2 2>/dev/null > delphi2.json
cmp -s delphi1.json delphi2.json || fail "delphi: output depends on the number of threads"
python3 - <<'PY' || fail "delphi json"
import json
d = json.load(open("delphi1.json"))
assert d["command"] == "delphi" and len(d["rounds"]) == 2
r1 = d["rounds"][0]
assert r1["sent"] == 16 and r1["returned"] == 15 and 0.7 <= r1["authority"]["cr"] <= 1
for g in r1["groups"]:
    k = g["kendall"]
    assert 0 <= k["W"] <= 1 and k["W_uncorrected"] <= k["W"] and k["df"] == len(g["indicators"]) - 1
assert any(c["rated_in_next_round"] is False for c in d["changes"])
PY
"$cikit" delphi ex/governance.yaml --format csv --permutations 0 > delphi.csv 2>/dev/null
head -1 delphi.csv | grep -q "^round,aspect,level,indicator,n,mean,sd,cv" || fail "delphi csv header"

# --help on each subcommand
for c in example check index simulate appendix delphi; do
  "$cikit" "$c" --help > help.txt || fail "$c --help exit status"
  grep -q -- "--help" help.txt || fail "$c --help"
done
echo "e2e: all checks passed"
