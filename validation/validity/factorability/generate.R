#!/usr/bin/env Rscript
# Reference values for methods/validity/factorability (kmo(), bartlett_sphericity()).
# R 4.2.2, psych 2.2.9. Run from the worktree root:
#   Rscript validation/validity/factorability/generate.R
# For every block of validation/reliability/datasets.R (direction-corrected; signs do not change
# KMO or |R|) on the raw data (pairwise correlations, n = nrow incl. NA rows):
#   ref_kmo.csv       psych::KMO(x)$MSA (item = "") and $MSAi per item
#   ref_bartlett.csv  psych::cortest.bartlett(x): chisq, df, p.value, n, and log(det(cor(x, pairwise)))
# Plus two degenerate cases:
#   "singular": sim_small items 1-3 and their sum as a 4th item: R singular, solve() fails and
#     psych sets Q <- R (every MSA = 0.5);
#   "n_small": the first 12 units of sim_wide d1 (10 items).
suppressPackageStartupMessages(library(psych))
source("validation/reliability/datasets.R")
here <- "validation/validity/factorability"
kmo_rows <- list(); bart_rows <- list()
one <- function(ds, blk, x) {
  k <- suppressMessages(KMO(x))
  kmo_rows[[length(kmo_rows) + 1]] <<- data.frame(dataset = ds, block = blk,
    item = c("", colnames(x)), msa = c(k$MSA, k$MSAi))
  R <- cor(x, use = "pairwise")
  d <- det(R)
  if (d > 0) {
    b <- suppressMessages(cortest.bartlett(x))
    bart_rows[[length(bart_rows) + 1]] <<- data.frame(dataset = ds, block = blk, n = nrow(x), p = ncol(x),
      chisq = b$chisq, df = b$df, p_value = b$p.value, log_det = log(d))
  }
}
for (i in seq_len(nrow(block_ids))) {
  b <- block_x(block_ids$dataset[i], block_ids$block[i])
  one(block_ids$dataset[i], block_ids$block[i], b$x)
}
b <- block_x("sim_small", "all"); xs <- cbind(b$x[, 1:3], s = rowSums(b$x[, 1:3]))
one("singular", "all", xs)
b <- block_x("sim_wide", "d1"); one("n_small", "all", b$x[1:12, ])
write_ref(do.call(rbind, kmo_rows), file.path(here, "ref_kmo.csv"))
write_ref(do.call(rbind, bart_rows), file.path(here, "ref_bartlett.csv"))
cat("wrote", here, "\n")
