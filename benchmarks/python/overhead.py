#!/usr/bin/env python3
"""Overhead of the Python binding: the wall time of a cikit Python call versus the time of the
C++ pipeline call inside it (Result._doc.seconds, measured around run_xxx in the extension),
side by side in one process. The difference is the binding: argument conversion, the worker
thread that keeps Ctrl-C responsive, and the DataFrames of `index` (built on access; this
benchmark accesses them, as a user would). to_dict() (the whole JSON document as Python objects,
built on first call) is timed separately.

usage: PYTHONPATH=build/ci-linux/python /usr/bin/python3 benchmarks/python/overhead.py [CIKIT] [REPEAT]
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
      f"load {os.getloadavg()[0]:.2f}, median of {repeat}")
print()
print("| call | Python call (s) | C++ pipeline (s) | overhead | to_dict() (s) |")
print("|---|---|---|---|---|")
import warnings
warnings.simplefilter("ignore", cikit.CikitWarning)
for label, path, fn, kw in cases:
    spec = cikit.Spec.load(path)
    walls, cpps, dicts = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = getattr(cikit, fn)(spec, **kw)
        if fn == "index":
            r.scores, r.ranks
        t1 = time.perf_counter()
        r.to_dict()
        dicts.append(time.perf_counter() - t1)
        walls.append(t1 - t0)
        cpps.append(r._doc.seconds)
    w, c, d = statistics.median(walls), statistics.median(cpps), statistics.median(dicts)
    print(f"| {label} | {w:.4f} | {c:.4f} | {100 * (w - c) / c:.1f} % | {d:.4f} |")
