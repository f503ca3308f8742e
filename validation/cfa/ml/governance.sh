#!/usr/bin/env bash
# Reference values for the parcel CFA of the bundled governance example (cikit cfa with
# cfa: {observed: node_scores, level: 1}) from lavaan::cfa(). cikit writes the observed
# variables (the index pipeline's sub-dimension scores of the 119 cities) to cfa_observed.csv
# and the model (factor -> observed variables) to cfa.json; this script turns them into
# validation/cfa/ml/gov_parcels*/input.csv + model.csv and runs generate_governance.R, which
# fits lavaan on them with generate.R's functions (tight stop, every fitMeasures() value,
# parameterEstimates(standardized = TRUE), modindices()).
# usage (from the worktree root): validation/cfa/ml/governance.sh build/ci-linux/cikit
set -euo pipefail
cikit=${1:?usage: governance.sh CIKIT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$cikit" cfa datasets/governance/governance.yaml --format json --out "$tmp/out" > "$tmp/cfa.json"
python3 - "$tmp" <<'PY'
import csv, json, os, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/cfa.json"))
obs = d["observed_variables"]
for case, second in (("gov_parcels", False), ("gov_parcels_second", True)):
    out = f"validation/cfa/ml/{case}"
    os.makedirs(out, exist_ok=True)
    with open(f"{tmp}/out/cfa_observed.csv") as src, open(f"{out}/input.csv", "w", newline="") as dst:
        dst.write(src.read())
    with open(f"{out}/model.csv", "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["lhs", "op", "rhs"])
        # d["factors"] keeps the model's order (a JSON object's keys are sorted): the first
        # first-order factor is the marker of the second-order factor, as in cikit.
        for factor in d["factors"]:
            for m in obs[factor]:
                w.writerow([factor, "=~", m])
        if second:
            for factor in d["factors"]:
                w.writerow([d["index"]["id"], "=~", factor])
PY
Rscript validation/cfa/ml/generate_governance.R
