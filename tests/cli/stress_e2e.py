#!/usr/bin/env python3
"""Numerical stress and property tests over every analysis command (issue 20, item 4;
docs/robustness.md, section 4).

usage: stress_e2e.py CIKIT WORKDIR

1. Properties of `cikit index` (and of `cikit reliability` for the order properties), on a
   seeded synthetic system of 40 units and 12 indicators under four dimensions:
   - unit order: the rows shuffled give every unit the same scores (1e-12 relative) and ranks;
   - column order: the data columns shuffled give the same scores and ranks;
   - positive scaling: one indicator multiplied by 1000 leaves every score unchanged (1e-9
     relative) under the scale-invariant normalisations (minmax, zscore, rank, percentile,
     ratio_max, ratio_mean, vector) and weightings (equal, entropy, cv, critic);
   - duplicated units: three rows copied under new ids get exactly their originals' scores
     (every normalisation is a per-column function of the value).
2. Extreme data through every analysis command (check, index, weights, reliability, validity,
   cfa, compare, sensitivity, audit, coupling, obstacles, disparity, density, spatial, panel,
   appendix): values near 1e+300 and 1e-300, fewer units than indicators, a near-singular
   correlation matrix, an indicator that is an exact linear combination of others, an
   all-missing column, a one-unit group and a two-unit data set. Each run must either succeed
   (exit 0) with no NaN or infinity on stdout or in any file it writes, or fail with exit 1 and
   a one-line `error:` message; an internal error (exit 3), a crash (a signal) or a failure
   without a message is a defect.
Standard library only; prints one line per run and a summary; exits 1 on any defect.
"""
import csv
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys

CIKIT = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
NONFINITE = re.compile(r"(?<![A-Za-z_])(nan|[-+]?inf(inity)?)(?![A-Za-z_])", re.IGNORECASE)
DIMS = {"d1": ["x1", "x2", "x3"], "d2": ["x4", "x5", "x6"], "d3": ["x7", "x8", "x9"],
        "d4": ["x10", "x11", "x12"]}
INDICATORS = [i for d in DIMS.values() for i in d]
REGIONS = ["east", "central", "west", "northeast"]
failures = []


def make_rows(n, seed):
    """n units with a factor structure (each dimension one factor, correlated dimensions)."""
    rng = random.Random(seed)
    rows = []
    for u in range(n):
        g = rng.gauss(0, 1)
        row = {"id": f"u{u + 1:03d}", "name": f"Unit {u + 1}", "region": REGIONS[u % 4],
               "lon": f"{100 + rng.uniform(0, 20):.6f}", "lat": f"{25 + rng.uniform(0, 15):.6f}"}
        for d, inds in DIMS.items():
            f = 0.6 * g + 0.8 * rng.gauss(0, 1)
            for i in inds:
                row[i] = 50 + 10 * (0.8 * f + 0.6 * rng.gauss(0, 1))
        rows.append(row)
    return rows


def write_case(folder, rows, columns=None, normalize="minmax", weights="equal", aggregate="arithmetic",
               time=False, extra=""):
    os.makedirs(folder, exist_ok=True)
    columns = columns or (["id", "name", "region", "lon", "lat"] + (["year"] if time else []) + INDICATORS)
    with open(os.path.join(folder, "data.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for r in rows:
            w.writerow([fmt(r.get(c, "")) for c in columns])
    tree = []
    for d, inds in DIMS.items():
        kids = ", ".join(f'{{id: {i}, direction: "{"-" if i in ("x3", "x8") else "+"}"}}' for i in inds)
        tree.append(f"  - id: {d}\n    label: {{zh: 维度{d[1]}, en: Dimension {d[1]}}}\n    children: [{kids}]")
    spec = (f"index:\n  id: stress\n  label: {{zh: 压力测试, en: Stress test}}\n"
            f"data:\n  file: data.csv\n  unit: id\n  names: {{zh: name, en: name}}\n"
            + ("  time: year\n" if time else "")
            + f"methods:\n  normalize: {normalize}\n  weights: {weights}\n  aggregate: {aggregate}\n"
            + extra + "tree:\n" + "\n".join(tree) + "\n")
    with open(os.path.join(folder, "spec.yaml"), "w") as fh:
        fh.write(spec)
    return os.path.join(folder, "spec.yaml")


def fmt(v):
    if isinstance(v, float):
        return repr(v)
    return "" if v is None else str(v)


def run(args, cwd):
    return subprocess.run([CIKIT] + args, cwd=cwd, capture_output=True, text=True, timeout=900)


def index_scores(spec, *opts):
    p = run(["index", spec, "--format", "json", *opts], os.path.dirname(spec))
    if p.returncode != 0:
        raise RuntimeError(f"index {' '.join(opts)} exited {p.returncode}: {p.stderr.strip()[-400:]}")
    d = json.loads(p.stdout)
    return {u["id"]: (u["scores"], u["ranks"]) for u in d["units"]}


def close(a, b, rel):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def compare_scores(name, a, b, rel, units=None):
    bad = []
    for uid in units or a:
        sa, ra = a[uid]
        sb, rb = b[uid]
        for node, v in sa.items():
            if v is None and sb.get(node) is None:
                continue
            if v is None or sb.get(node) is None or not close(v, sb[node], rel):
                bad.append(f"{uid}/{node}: {v} vs {sb.get(node)}")
            elif ra.get(node) != rb.get(node):
                bad.append(f"{uid}/{node}: rank {ra.get(node)} vs {rb.get(node)}")
    if bad:
        failures.append(f"property {name}: {len(bad)} differences, e.g. {bad[:3]}")
        print(f"FAIL property {name}: {bad[:3]}")
    else:
        print(f"ok   property {name}")


def properties():
    base_rows = make_rows(40, 1)
    rng = random.Random(7)
    # unit order and column order, several method combinations
    for norm, wts, agg in [("minmax", "equal", "arithmetic"), ("zscore", "entropy", "arithmetic"),
                           ("rank", "critic", "arithmetic"), ("ratio_mean", "critic", "geometric"),
                           ("percentile", "cv", "topsis")]:
        tag = f"{norm}-{wts}-{agg}"
        ref = index_scores(write_case(f"{WORK}/prop/{tag}/ref", base_rows, normalize=norm, weights=wts,
                                      aggregate=agg))
        shuffled = base_rows[:]
        rng.shuffle(shuffled)
        got = index_scores(write_case(f"{WORK}/prop/{tag}/rows", shuffled, normalize=norm, weights=wts,
                                      aggregate=agg))
        compare_scores(f"unit order ({tag})", ref, got, 1e-12)
        cols = ["id", "name", "region", "lon", "lat"] + INDICATORS
        perm = cols[:]
        rng.shuffle(perm)
        got = index_scores(write_case(f"{WORK}/prop/{tag}/cols", base_rows, columns=perm, normalize=norm,
                                      weights=wts, aggregate=agg))
        compare_scores(f"column order ({tag})", ref, got, 1e-12)
    # positive scaling
    scaled = [dict(r, x5=r["x5"] * 1000.0, x8=r["x8"] * 1000.0) for r in base_rows]
    for norm in ["minmax", "zscore", "rank", "percentile", "ratio_max", "ratio_mean", "vector"]:
        for wts in ["equal", "entropy", "cv", "critic"]:
            if wts == "cv" and norm in ("zscore", "vector"):
                continue  # CV of children with mixed signs (z-scores; vector-normalised cost indicators) is refused
            tag = f"{norm}-{wts}"
            try:
                ref = index_scores(write_case(f"{WORK}/scale/{tag}/ref", base_rows, normalize=norm, weights=wts))
                got = index_scores(write_case(f"{WORK}/scale/{tag}/x1000", scaled, normalize=norm, weights=wts))
            except RuntimeError as e:
                failures.append(f"property scaling ({tag}): {e}")
                print(f"FAIL property scaling ({tag}): {e}")
                continue
            compare_scores(f"positive scaling ({tag})", ref, got, 1e-9)
    # duplicated units: copies under new ids score exactly as their originals
    dup = base_rows + [dict(base_rows[i], id=f"copy{i}") for i in (0, 17, 39)]
    for norm, wts in [("minmax", "equal"), ("zscore", "entropy"), ("rank", "critic")]:
        s = index_scores(write_case(f"{WORK}/dup/{norm}-{wts}", dup, normalize=norm, weights=wts))
        bad = [f"copy{i}" for i in (0, 17, 39)
               if any(not close(v, s[base_rows[i]["id"]][0][k], 1e-15) for k, v in s[f"copy{i}"][0].items())]
        if bad:
            failures.append(f"property duplicated units ({norm}-{wts}): {bad}")
            print(f"FAIL property duplicated units ({norm}-{wts}): {bad}")
        else:
            print(f"ok   property duplicated units ({norm}-{wts})")
    # reliability: alpha does not depend on the order of the units
    a = run(["reliability", f"{WORK}/prop/minmax-equal-arithmetic/ref/spec.yaml", "--format", "json"], WORK)
    b = run(["reliability", f"{WORK}/prop/minmax-equal-arithmetic/rows/spec.yaml", "--format", "json"], WORK)
    if a.returncode or b.returncode:
        failures.append("property unit order (reliability): a run failed")
        print("FAIL property unit order (reliability)")
    else:
        ja = {n["id"]: n["alpha"]["raw_alpha"] for n in json.loads(a.stdout)["nodes"]}
        jb = {n["id"]: n["alpha"]["raw_alpha"] for n in json.loads(b.stdout)["nodes"]}
        bad = [k for k in ja if not close(ja[k], jb[k], 1e-12)]
        if bad:
            failures.append(f"property unit order (reliability): {bad}")
        print(("FAIL" if bad else "ok  ") + " property unit order (reliability alpha)")


def extreme_cases():
    base = make_rows(40, 2)
    cases = {}
    cases["huge"] = [dict(r, x2=r["x2"] * 1e295, x6=-r["x6"] * 1e290) for r in base]
    cases["large"] = [dict(r, x2=r["x2"] * 1e150, x6=r["x6"] * 1e140) for r in base]
    cases["tiny"] = [dict(r, x2=r["x2"] * 1e-300, x7=r["x7"] * 1e-305) for r in base]
    cases["n_lt_k"] = make_rows(8, 3)
    cases["two_units"] = make_rows(2, 4)
    rng = random.Random(5)
    cases["near_singular"] = [dict(r, x2=r["x1"] + 1e-9 * rng.gauss(0, 1)) for r in base]
    cases["linear_combination"] = [dict(r, x3=r["x1"] + 2.0 * r["x2"], x12=r["x10"] - r["x11"]) for r in base]
    cases["all_missing_column"] = [dict(r, x5=None) for r in base]
    cases["one_unit_group"] = [dict(r, region=("island" if i == 0 else r["region"])) for i, r in enumerate(base)]
    return cases


COMMANDS = [
    ["check"], ["index", "--format", "json"], ["index", "--normalize", "zscore", "--weights", "entropy"],
    ["index", "--normalize", "rank", "--weights", "critic", "--aggregate", "topsis"],
    ["index", "--weights", "pca"], ["index", "--aggregate", "geometric", "--normalize", "percentile"],
    ["index", "--weights", "bod"], ["index", "--weights", "cv"], ["index", "--weights", "max_deviation"],
    ["index", "--weights", "mean_deviation"], ["index", "--weights", "independence"], ["index", "--aggregate", "gra"],
    ["index", "--aggregate", "vikor"], ["index", "--aggregate", "promethee"], ["index", "--aggregate", "copras"],
    ["index", "--aggregate", "edas"], ["index", "--aggregate", "rsr"], ["index", "--aggregate", "mpi"],
    ["index", "--aggregate", "copeland"], ["index", "--normalize", "none", "--aggregate", "vikor"],
    ["weights", "--format", "json"], ["reliability", "--format", "json"], ["validity", "--format", "json"],
    ["cfa", "--format", "json"], ["compare", "--format", "json"],
    ["sensitivity", "--format", "json", "-R", "64", "--sobol", "64", "-B", "20", "--sobol-bootstrap", "20"],
    ["audit", "--format", "json"], ["coupling", "--format", "json"], ["obstacles", "--format", "json"],
    ["disparity", "--group", "region", "--format", "json"], ["density", "--format", "json"],
    ["spatial", "--coords", "lon,lat", "--lonlat", "--knn", "3", "--format", "json"],
]


def check_run(name, args, cwd, out_dir=None):
    p = run(args, cwd)
    rc = p.returncode
    lines = [l for l in p.stderr.splitlines() if "error:" in l]
    problems = []
    if rc < 0 or rc >= 128:
        problems.append(f"killed by signal / crashed (status {rc})")
    elif rc == 3:
        problems.append("internal error")
    elif rc == 1 and not lines:
        problems.append("exit 1 without an error message")
    elif rc not in (0, 1):
        problems.append(f"unexpected exit {rc}")
    if rc == 0:
        m = NONFINITE.search(p.stdout)
        if m:
            ctx = p.stdout[max(0, m.start() - 80):m.end() + 20].replace("\n", " | ")
            problems.append(f"non-finite value on stdout: ...{ctx}...")
        if out_dir and os.path.isdir(out_dir):
            for root, _, files in os.walk(out_dir):
                for f in files:
                    if f.endswith((".csv", ".json", ".md", ".html", ".tex", ".svg")):
                        txt = open(os.path.join(root, f), encoding="utf-8", errors="replace").read()
                        m = NONFINITE.search(txt)
                        if m:
                            problems.append(f"non-finite value in {f}: ...{txt[max(0, m.start() - 60):m.end() + 10]}...")
    status = "ok  " if not problems else "FAIL"
    summary = "exit 0" if rc == 0 else (lines[0].strip()[:160] if lines else f"exit {rc}")
    print(f"{status} {name}: {summary}" + ("" if not problems else f" -- {problems[0][:300]}"))
    if problems:
        failures.append(f"{name}: {problems[0][:300]}")


def extremes():
    for case, rows in extreme_cases().items():
        folder = f"{WORK}/extreme/{case}"
        spec = write_case(folder, rows)
        for cmd in COMMANDS:
            args = [cmd[0], spec] + cmd[1:]
            check_run(f"{case}: {' '.join(cmd)}", args, folder)
        out = f"{folder}/appendix"
        check_run(f"{case}: appendix", ["appendix", spec, "--out", out, "--formats", "md,csv,svg"], folder, out)
        # the same data as a two-period panel (the second period a shifted copy)
        prow = [dict(r, year=2021) for r in rows] + [
            dict({k: (v * 1.01 if isinstance(v, float) else v) for k, v in r.items()}, year=2022) for r in rows]
        pspec = write_case(f"{folder}/panel", prow, time=True)
        check_run(f"{case}: panel", ["panel", pspec, "--format", "json"], f"{folder}/panel")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    properties()
    extremes()
    print(f"\n{len(failures)} defect(s)")
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
