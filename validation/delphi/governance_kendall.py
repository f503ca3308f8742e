#!/usr/bin/env python3
"""ref_governance_kendall.csv without R: the formula of R's friedman.test (stats 4.x),
re-implemented in plain Python, on datasets/governance/delphi_ratings.csv, experts with a missing
rating in a round x aspect dropped (as generate.R). generate.R computes the same table with R;
this script exists so the reference can be regenerated on a machine without R. Run from the
repository root: python3 validation/delphi/governance_kendall.py

friedman.test (rows = blocks = experts, columns = groups = indicators): ranks within each row
(mid-ranks), STATISTIC = 12 sum_j (R_j - m(k+1)/2)^2 / (m k (k+1) - sum_ties(t^3 - t)/(k - 1)),
df = k - 1, p = upper tail of chi-squared; W = STATISTIC / (m (k - 1)).
"""
import csv
import math
from collections import OrderedDict


def mid_ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    ties = 0.0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for q in range(i, j + 1):
            r[order[q]] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    return r, ties


def gammaincc(a, x):
    """Regularised upper incomplete gamma Q(a, x) (Numerical Recipes: series / continued fraction)."""
    if x <= 0:
        return 1.0
    gln = math.lgamma(a)
    if x < a + 1:
        ap, s, d = a, 1.0 / a, 1.0 / a
        for _ in range(100000):
            ap += 1
            d *= x / ap
            s += d
            if abs(d) < abs(s) * 1e-17:
                break
        return 1.0 - s * math.exp(-x + a * math.log(x) - gln)
    b = x + 1 - a
    c = 1e300
    d = 1 / b
    h = d
    for i in range(1, 100000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = 1e-300 if abs(d) < 1e-300 else d
        c = b + an / c
        c = 1e-300 if abs(c) < 1e-300 else c
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < 1e-17:
            break
    return math.exp(-x + a * math.log(x) - gln) * h


rows = list(csv.DictReader(open("datasets/governance/delphi_ratings.csv", encoding="utf-8")))
groups = OrderedDict()
for r in rows:
    groups.setdefault((int(r["round"]), r["aspect"]), []).append(r)
out = [["round", "aspect", "m", "n", "W", "chi2", "p"]]
for (rd, asp) in sorted(groups, key=lambda g: (g[0], list(groups).index(g))):
    g = groups[(rd, asp)]
    inds = list(OrderedDict.fromkeys(r["indicator"] for r in g))
    by = OrderedDict()
    for r in g:
        by.setdefault(r["expert"], {})[r["indicator"]] = None if r["score"] == "NA" else float(r["score"])
    mat = [[e[i] for i in inds] for e in by.values() if all(e.get(i) is not None for i in inds)]
    m, k = len(mat), len(inds)
    rs = [0.0] * k
    tt = 0.0
    for row in mat:
        rr, t = mid_ranks(row)
        tt += t
        rs = [a + b for a, b in zip(rs, rr)]
    stat = 12 * sum((x - m * (k + 1) / 2) ** 2 for x in rs) / (m * k * (k + 1) - tt / (k - 1))
    out.append([rd, asp, m, k, repr(stat / (m * (k - 1))), repr(stat), repr(gammaincc((k - 1) / 2, stat / 2))])
with open("validation/delphi/ref_governance_kendall.csv", "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(out)
print("written validation/delphi/ref_governance_kendall.csv")
