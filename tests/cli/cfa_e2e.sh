#!/usr/bin/env bash
# End-to-end `cikit cfa` on the Holzinger-Swineford data (validation/cfa/ml/hs_rescov) written as
# a cikit spec: the tree is the 3-factor model, `cfa:` adds the two residual covariances; the
# JSON fit must equal lavaan's (ref_fit_ml.csv) and the bad inputs must fail with their errors.
# usage: cfa_e2e.sh CIKIT SOURCE_DIR WORK_DIR
set -euo pipefail
cikit=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
case_dir="$src/validation/cfa/ml/hs_rescov"
python3 - "$case_dir" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1] + "/data.csv")))
with open("hs.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id"] + rows[0])
    for i, r in enumerate(rows[1:]):
        w.writerow([f"u{i + 1}"] + r)
PY
tree='tree:
  - {id: visual, label: {zh: 视觉, en: visual}, children: [{id: x1, direction: "+"}, {id: x2, direction: "+"}, {id: x3, direction: "+"}]}
  - {id: textual, label: {zh: 文本, en: textual}, children: [{id: x4, direction: "+"}, {id: x5, direction: "+"}, {id: x6, direction: "+"}]}
  - {id: speed, label: {zh: 速度, en: speed}, children: [{id: x7, direction: "+"}, {id: x8, direction: "+"}, {id: x9, direction: "+"}]}'
head='index: {id: hs, label: {zh: HS, en: HS}}
data: {file: hs.csv, unit: id}'
printf '%s\n%s\ncfa:\n  residual_covariances: [[x7, x8], [x1, x9]]\n' "$head" "$tree" > hs.yaml
"$cikit" cfa hs.yaml --format json --out out > cfa.json 2> cfa.err || fail "cfa exit $?"
for f in cfa_fit.csv cfa_estimates.csv cfa.json; do [ -s "out/$f" ] || fail "no $f"; done
python3 - "$case_dir" <<'PY' || fail "cfa.json against lavaan"
import csv, json, sys
d = json.load(open("cfa.json"))
ref = {r["measure"].replace(".", "_"): float(r["value"]) for r in csv.DictReader(open(sys.argv[1] + "/ref_fit_ml.csv"))}
assert d["converged"]
for k in ["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic", "gfi", "nfi", "ifi"]:
    assert abs(d["fit"][k] - ref[k]) <= 1e-6 * max(abs(ref[k]), 1e-6), (k, d["fit"][k], ref[k])
assert len(d["loadings"]) == 9 and {"factor", "indicator", "est", "se", "z", "pvalue", "std_all"} <= set(d["loadings"][0])
assert len(d["validity"]) == 3 and len(d["htmt"]) == 3
PY
"$cikit" cfa hs.yaml --lang zh > zh.txt || fail "cfa --lang zh"
grep -q "验证性因子分析" zh.txt || fail "no Chinese title"
"$cikit" cfa hs.yaml --estimator mlr --format json > mlr.json || fail "cfa --estimator mlr"
python3 -c "import json; d = json.load(open('mlr.json')); assert d['fit']['chisq_scaled'] > 0 and d['fit']['cfi_robust'] > 0"
# Under MLR the verdicts judge the scaled chi-square per df and the robust CFI/TLI/RMSEA (as A15);
# SRMR, which has no robust version, keeps its verdict.
python3 - <<'PY' || fail "cfa --estimator mlr: verdicts not on the robust indices"
import json
d = json.load(open("mlr.json"))
f, v = d["fit"], d["fit_verdicts"]
assert abs(f["chisq_scaled_df"] - f["chisq_scaled"] / f["df"]) < 1e-9 * f["chisq_scaled_df"]
for k in ("chisq_df", "cfi", "tli", "rmsea", "srmr"):
    assert v[k] is not None, k
def holds(rule, x):  # "≥ 0.95", "< 0.9", "[0.9, 0.95)" style rules of the verdict table
    rule = rule.strip()
    if rule.startswith("≥"): return x >= float(rule[1:])
    if rule.startswith("<"): return x < float(rule[1:])
    if rule.startswith("["):
        lo, hi = rule[1:-1].split(",")
        return float(lo) <= x < float(hi)
    raise AssertionError("unknown rule " + rule)
for k in ("cfi", "tli", "rmsea"):
    assert holds(v[k]["rule"], f[k + "_robust"]), (k, v[k], f[k + "_robust"])
assert holds(v["chisq_df"]["rule"], f["chisq_scaled_df"]), v["chisq_df"]
PY
# Bad inputs: an unknown indicator in cfa:, a factor with one indicator, robust FIML.
printf '%s\n%s\ncfa:\n  residual_covariances: [[x7, nope]]\n' "$head" "$tree" > bad1.yaml
if "$cikit" cfa bad1.yaml > /dev/null 2> bad1.err; then fail "unknown indicator accepted"; fi
grep -q "'nope' is not an indicator" bad1.err || fail "bad1 message: $(cat bad1.err)"
printf '%s\ncfa:\n  factors: {F1: [x1, x2, x3], F2: [x4]}\n%s\n' "$head" "$tree" > bad2.yaml
if "$cikit" cfa bad2.yaml > /dev/null 2> bad2.err; then fail "one-indicator factor accepted"; fi
grep -q "'F2' has 1 indicator" bad2.err || fail "bad2 message: $(cat bad2.err)"
# Robust FIML (--estimator mlr --missing fiml) on the held-out incomplete HS case against lavaan
# cfa(estimator = "MLR", missing = "ml") (validation/cfa/ml/generate_fiml_mlr.R).
miss_dir="$src/validation/cfa/ml/hs3_fiml_holdout"
python3 - "$miss_dir" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1] + "/data.csv")))
with open("hsm.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id"] + rows[0])
    for i, r in enumerate(rows[1:]):
        w.writerow([f"u{i + 1}"] + r)
PY
printf '%s
%s
' "index: {id: hs, label: {zh: HS, en: HS}}
data: {file: hsm.csv, unit: id}" "$tree" > hsm.yaml
"$cikit" cfa hsm.yaml --missing fiml --estimator mlr --format json > fimlr.json 2> fimlr.err || fail "robust FIML: $(cat fimlr.err)"
python3 - "$miss_dir" <<'PY' || fail "robust FIML cfa.json against lavaan"
import csv, json, sys
d = json.load(open("fimlr.json"))
ref = {r["measure"].replace(".", "_"): float(r["value"]) for r in csv.DictReader(open(sys.argv[1] + "/ref_fit_mlr.csv"))}
assert d["converged"]
for k in ["chisq", "chisq_scaled", "chisq_scaling_factor", "cfi_scaled", "cfi_robust", "tli_robust", "rmsea_robust",
          "rmsea_scaled", "srmr", "bic"]:
    assert abs(d["fit"][k] - ref[k]) <= 1e-6 * max(abs(ref[k]), 1e-6), (k, d["fit"][k], ref[k])
est = {(r["lhs"], r["rhs"]): float(r["se"]) for r in csv.DictReader(open(sys.argv[1] + "/ref_est_mlr.csv")) if r["op"] == "=~"}
for l in d["loadings"]:
    want = est[(l["factor"], l["indicator"])]
    if want > 0:
        assert abs(l["se"] - want) <= 1e-5 * want, (l, want)
PY
# The bundled example: its cfa: block fits parcels (the 4 dimensions measured by their
# sub-dimension scores) and writes the scores; the raw-indicator model is refused with the reason.
cp -r "$src/datasets/governance" gov
"$cikit" cfa gov/governance.yaml --format json --out gov_out > gov.json 2> gov.err || fail "cfa on the example: $(cat gov.err)"
python3 - <<'PY' || fail "example parcel model"
import csv, json
d = json.load(open("gov.json"))
assert d["converged"] and d["options"]["observed"] == "node_scores" and d["factors"] == ["system", "capacity", "performance", "feedback"]
assert sum(len(v) for v in d["observed_variables"].values()) == 23 and d["fit"]["cfi"] > 0.9
rows = list(csv.reader(open("gov_out/cfa_observed.csv")))
assert len(rows) == d["n_used"] + 1 and len(rows[0]) == 24
PY
if "$cikit" cfa gov/governance.yaml --observed indicators > /dev/null 2> gov_bad.err; then fail "raw indicators of the example accepted"; fi
grep -q "free parameters" gov_bad.err || fail "gov_bad message: $(cat gov_bad.err)"
"$cikit" cfa gov/governance.yaml --lang zh > gov_zh.txt || fail "cfa example --lang zh"
grep -q "观测变量：各因子下一层节点的指数得分" gov_zh.txt || fail "zh: parcels not named"
echo "cfa e2e OK"
