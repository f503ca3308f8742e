#!/usr/bin/env python3
"""Exports the built index of cikit's governance example for generate.R (run from the worktree
root after building):
    build/ci-linux/cikit index datasets/governance/governance.yaml --out /tmp/gov_index
    python3 validation/audit/export_governance.py /tmp/gov_index/index.json
Writes validation/audit/governance_built.csv (unit, then every tree node in pre-order: the
aggregated scores and the normalised, direction-oriented indicators, at 17 significant digits,
"NA" where missing) and governance_tree.csv (node, parent; the index first)."""
import csv
import json
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = [(n["id"], n["parent"] or n["id"]) for n in doc["nodes"]]
here = "validation/audit/"
with open(here + "governance_tree.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["node", "parent"])
    w.writerows(nodes)
with open(here + "governance_built.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["unit"] + [n for n, _ in nodes])
    for u in doc["units"]:
        vals = {**u["normalized"], **u["scores"]}
        w.writerow([u["id"]] + ["NA" if vals.get(n) is None else "%.17g" % vals[n] for n, _ in nodes])
