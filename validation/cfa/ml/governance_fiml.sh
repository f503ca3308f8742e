#!/usr/bin/env bash
# Reference values for the parcel CFA of the bundled governance example on all 119 cities by FIML
# (cikit cfa with cfa: {observed: node_scores, level: 1} and --missing fiml) from lavaan::cfa(
# missing = "ml"). As governance.sh, but cikit writes every city with at least one sub-dimension
# score to cfa_observed.csv ("NA" = a score that cannot be computed because an indicator of it is
# missing); this script stores it as validation/cfa/ml/gov_parcels_fiml/input.csv with model.csv
# and runs generate_governance_fiml.R.
# usage (from the worktree root): validation/cfa/ml/governance_fiml.sh build/ci-linux/cikit
set -euo pipefail
cikit=${1:?usage: governance_fiml.sh CIKIT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$cikit" cfa datasets/governance/governance.yaml --missing fiml --format json --out "$tmp/out" > "$tmp/cfa.json"
python3 - "$tmp" <<'PY'
import csv, json, os, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/cfa.json"))
obs = d["observed_variables"]
out = "validation/cfa/ml/gov_parcels_fiml"
os.makedirs(out, exist_ok=True)
with open(f"{tmp}/out/cfa_observed.csv") as src, open(f"{out}/input.csv", "w", newline="") as dst:
    dst.write(src.read())
# cikit's estimates: a second start for lavaan's tight fit (generate_governance_fiml.R)
with open(f"{tmp}/out/cfa_estimates.csv") as src, open(f"{out}/cikit_start.csv", "w", newline="") as dst:
    dst.write(src.read())
with open(f"{out}/model.csv", "w", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL)
    w.writerow(["lhs", "op", "rhs"])
    for factor in d["factors"]:
        for m in obs[factor]:
            w.writerow([factor, "=~", m])
PY
Rscript validation/cfa/ml/generate_governance_fiml.R
