#!/usr/bin/env python3
"""Markdown tables from cikit_speed's CSV (and r_kernels.R's CSV, or '-'): kernel times at
1 and 2 threads, and cikit vs R ratios. usage: tables.py CIKIT_CSV R_CSV|- R_VERSION PSYCH_VERSION [WHOLE_CSV]"""
import os
import csv, io, re, sys

def read_bench(path):
    text = open(path).read()
    start = text.find("name,")  # Google Benchmark prints a context header before the CSV
    rows = {}
    for r in csv.DictReader(io.StringIO(text[start:])):
        m = re.match(r"BM_(\w+)/n:(\d+)/p:(\d+)/threads:(\d+)", r["name"])
        if not m:
            continue
        unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[r["time_unit"]]
        rows[(m[1], int(m[2]), int(m[3]), int(m[4]))] = float(r["real_time"]) * unit
    return rows

cik = read_bench(sys.argv[1])
kernels = list(dict.fromkeys(k[0] for k in cik))
sizes = sorted({(k[1], k[2]) for k in cik})
print("| kernel | " + " | ".join(f"{n} × {p}, 1 thr | 2 thr" for n, p in sizes) + " |")
print("|---|" + "---:|---:|" * len(sizes))
for k in kernels:
    cells = []
    for n, p in sizes:
        for t in (1, 2):
            v = cik.get((k, n, p, t))
            cells.append("NA" if v is None else f"{v * 1e3:.3f}")
    print(f"| {k} | " + " | ".join(cells) + " |")
print("\nTimes in milliseconds per call (Google Benchmark real time).")
print("\nCaution: a load average above the number of cores (printed above) means other jobs shared the machine; then every time here is inflated, and the 2-thread times most (OpenMP threads wait for descheduled peers), so neither the 1-vs-2-thread comparison nor the ratios against R are representative. Rerun `benchmarks/speed/run.sh` on an idle machine before quoting them.")
if sys.argv[2] == "-":
    print("\nR (psych) not available: no comparison.")
    sys.exit(0)
r = {}
for row in csv.DictReader(open(sys.argv[2])):
    r[(row["kernel"], int(row["n"]), int(row["p"]))] = float(row["seconds"])
pairs = [("correlation", "correlation", "cor(x)"), ("alpha", "alpha", "psych::alpha(x)"),
         ("kmo", "kmo", "psych::KMO(x)"), ("pca", "pca", "psych::principal(x, p/5, rotate = \"none\")"),
         ("pca", "eigen_of_cor", "eigen(cor(x))")]
print(f"\n| kernel | R function (R {sys.argv[3]}, psych {sys.argv[4]}) | " +
      " | ".join(f"{n} × {p}: cikit / R ms, R÷cikit" for n, p in sizes) + " |")
print("|---|---|" + "---:|" * len(sizes))
for ck, rk, label in pairs:
    cells = []
    for n, p in sizes:
        c, rv = cik.get((ck, n, p, 1)), r.get((rk, n, p))
        cells.append("NA" if c is None or rv is None else f"{c * 1e3:.3f} / {rv * 1e3:.1f}, {rv / c:.1f}×")
    print(f"| {ck} | {label} | " + " | ".join(cells) + " |")
print("\ncikit at 1 thread. R: in-process elapsed time of one call (median of R_REPS; system.time "
      "resolution 1 ms, so R times under a few ms are coarse), after the data are loaded; psych's "
      "functions compute more than cikit's kernel in some cases (alpha: alpha-if-dropped and item "
      "statistics, as cikit's alpha() does too; principal: loadings and fit statistics).")
if len(sys.argv) > 5 and os.path.exists(sys.argv[5]):
    c, rr, base = (float(v) for v in open(sys.argv[5]).read().strip().split(","))
    print("\n| whole run, 3,000 × 60 (12 dimensions × 5) | seconds | R ÷ cikit |")
    print("|---|---:|---:|")
    print(f"| `cikit reliability SPEC` (alpha, Feldt CI, G6, for the system and the 12 dimensions) | {c:.3f} | 1 |")
    print(f"| `Rscript`: library(psych), read.csv, psych::alpha for the system and the 12 dimensions | {rr:.3f} | {rr / c:.1f}× |")
    print(f"| `Rscript`: library(psych) and read.csv only (R's fixed cost) | {base:.3f} | {base / c:.1f}× |")
    print("\nMedian of 3 runs each, wall clock including process start.")
