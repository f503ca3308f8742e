#!/usr/bin/env python3
"""Overhead of the Python binding: the wall time of a cikit Python call versus the time of the
C++ pipeline call inside it (Result._doc.seconds, measured around run_xxx in the extension),
side by side in one process. The difference is the binding: argument conversion, the worker
thread that keeps Ctrl-C responsive. The DataFrames of `index` are built on access: the
"+ DataFrames" columns add accessing scores, ranks and weights, as a user would. to_dict() (the whole
JSON document as Python objects, built on first call; `weights` uses it) is timed separately.

usage: PYTHONPATH=build/ci-linux/python /usr/bin/python3 benchmarks/python/overhead.py [CIKIT] [REPEAT] [ONLY]
(ONLY: run just the cases whose label contains it, e.g. "index")
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import cikit

exe = sys.argv[1] if len(sys.argv) > 1 else "build/ci-linux/cikit"
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
only = sys.argv[3] if len(sys.argv) > 3 else ""
work = tempfile.mkdtemp()
subprocess.run([exe, "simulate", "--units", "3000", "--indicators", "60", "--dimensions", "4", "--out",
                f"{work}/sim"], check=True, capture_output=True)
cases = [
    ("index, example (119 x 56)", "datasets/governance/governance.yaml", "index", {}),
    ("index, simulated 3000 x 60", f"{work}/sim/spec.yaml", "index", {}),
    ("sensitivity, example (R=2000, B=200)", "datasets/governance/governance.yaml", "sensitivity",
     dict(replicates=2000, bootstrap=200, sobol_bootstrap=200, threads=2)),
    ("sensitivity, simulated 3000 x 60 (R=500, B=50)", f"{work}/sim/spec.yaml", "sensitivity",
     dict(replicates=500, bootstrap=50, sobol_bootstrap=50, threads=2)),
]
print(f"cikit {cikit.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
      f"load {os.getloadavg()[0]:.2f}, median of {repeat}", flush=True)
print()
print("| call | C++ pipeline (s) | Python call (s) | overhead | + DataFrames (s) | overhead with DataFrames | to_dict() (s) |")
print("|---|---|---|---|---|---|---|")
import warnings
warnings.simplefilter("ignore", cikit.CikitWarning)
for label, path, fn, kw in cases:
    if only not in label:
        continue
    spec = cikit.Spec.load(path)
    walls, views, cpps, dicts = [], [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = getattr(cikit, fn)(spec, **kw)
        t1 = time.perf_counter()
        if fn == "index":
            r.scores, r.ranks, r.weights
        t2 = time.perf_counter()
        r.to_dict()
        dicts.append(time.perf_counter() - t2)
        walls.append(t1 - t0)
        views.append(t2 - t0)
        cpps.append(r._doc.seconds)
        del r  # the previous result (its document, its dict) is freed here, outside the timings
    w, v, c, d = (statistics.median(x) for x in (walls, views, cpps, dicts))
    dv = f"{v:.4f}" if fn == "index" else "—"
    ov = f"{100 * (v - c) / c:.1f} %" if fn == "index" else "—"
    print(f"| {label} | {c:.4f} | {w:.4f} | {100 * (w - c) / c:.1f} % | {dv} | {ov} | {d:.4f} |", flush=True)
print(f"load at the end {os.getloadavg()[0]:.2f}")
