#!/usr/bin/env Rscript
# Reference values for methods/aggregate/copras, base R 4.2, written from Zavadskas et al. (1994):
# d = w x / colSums(x); S+ over benefit, S- over cost criteria;
# Q = S+ + min(S-) sum(S-) / (S- sum(min(S-)/S-)) (the published form); utility = Q/max(Q).
# Input ../mcda_input.R (13 complete units, c2 and c5 cost). Writes ref_copras.csv.
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
d <- sweep(sweep(xc, 2, colSums(xc), "/"), 2, w, "*")
sp <- rowSums(d[, !cost, drop = FALSE]); sm <- rowSums(d[, cost, drop = FALSE])
Q <- sp + min(sm) * sum(sm) / (sm * sum(min(sm) / sm))
write_ref(data.frame(s_plus = full(sp), s_minus = full(sm), q = full(Q), utility = full(Q / max(Q))), "ref_copras.csv")
cat(R.version.string, "\n")
