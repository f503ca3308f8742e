#!/usr/bin/env python3
"""Growth exponents of benchmarks/io/run.sh's scaling lines ("k=K n=N CMD SECONDS KB").

For each k and command: the least-squares slope b of log(seconds) = a + b log(n) over the sizes
with n >= 1e4 that finished (at n = 1e3 start-up time dominates), and the same for peak RSS.
b ~ 1 is linear in the units; b > 1 needs an explanation (issue 17 item 4)."""
import math
import sys
from collections import defaultdict

points = defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) < 5 or not f[0].startswith("k="):
        continue
    try:
        float(f[3]), float(f[4])
    except ValueError:  # timeout, failed, skipped
        continue
    k, n, cmd = int(f[0][2:]), int(f[1][2:]), f[2]
    points[(k, cmd)].append((n, float(f[3]), float(f[4])))


def slope(xy):
    if len(xy) < 2:
        return float("nan")
    xs = [math.log(x) for x, _ in xy]
    ys = [math.log(y) for _, y in xy]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx


print("| k | command | sizes fitted (n) | time exponent | peak-RSS exponent |")
print("|---:|---|---|---:|---:|")
for (k, cmd), pts in sorted(points.items()):
    use = [p for p in pts if p[0] >= 10000]
    t = slope([(n, s) for n, s, _ in use])
    m = slope([(n, kb) for n, _, kb in use])
    sizes = ", ".join(f"{n:.0e}" for n, _, _ in use) or "-"
    print(f"| {k} | {cmd} | {sizes} | {t:.2f} | {m:.2f} |")
