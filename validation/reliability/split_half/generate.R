#!/usr/bin/env Rscript
# Reference values for methods/reliability/split_half (split_half()).
# R 4.2.2, psych 2.2.9. Run from the worktree root:
#   Rscript validation/reliability/split_half/generate.R
# For every block of validation/reliability/datasets.R with k <= 16 items, on R = cov2cor(cov(x,
# pairwise)) after keys (C <- D C D), i.e. psych::splitHalf(x, brute = TRUE, check.keys = FALSE,
# key = keys) with covar = FALSE (default) and, for one block, covar = TRUE:
#   ref_split_half.csv: psych maxrb, minrb, meanr, alpha, lambda2, lambda6, and our
#     independent exhaustive enumeration with combn() over all floor(k/2)-subsets (each split
#     once) for every k; odd-even and first-half splits (r of the half totals, Spearman-Brown,
#     lambda4) from the explicit formula, checked in R against cor(rowSums()) of standardised
#     items on complete data.
suppressPackageStartupMessages(library(psych))
source("validation/reliability/datasets.R")
here <- "validation/reliability/split_half"

split_stats <- function(V, A) {
  k <- ncol(V); a <- rep(0, k); a[A] <- 1; b <- 1 - a
  vaa <- drop(t(a) %*% V %*% a); vbb <- drop(t(b) %*% V %*% b); vab <- drop(t(a) %*% V %*% b)
  r <- vab / sqrt(vaa * vbb)
  c(r = r, sb = 2 * r / (1 + r), l4 = 4 * vab / sum(V))
}
exhaustive <- function(V) {
  k <- ncol(V); m <- k %/% 2
  S <- combn(k, m)
  if (k %% 2 == 0) S <- S[, S[1, ] == 1, drop = FALSE]   # each split once
  l4 <- apply(S, 2, function(A) split_stats(V, A)[["l4"]])
  c(max = max(l4), min = min(l4), mean = mean(l4), n = ncol(S))
}

rows <- list()
one <- function(ds, blk, covar, cols = NULL, label = blk) {
  b <- block_x(ds, blk)
  if (!is.null(cols)) { b$x <- b$x[, cols, drop = FALSE]; b$keys <- b$keys[cols] }
  k <- ncol(b$x)
  if (k > 16) return(invisible())
  C <- cov(b$x, use = "pairwise")
  D <- diag(b$keys)
  V <- D %*% C %*% D
  if (!covar) V <- cov2cor(V)
  ex <- exhaustive(V)
  sh <- suppressWarnings(splitHalf(b$x, brute = TRUE, check.keys = FALSE, key = b$keys, covar = covar))
  if (k %% 2 == 0) {
    stopifnot(abs(sh$maxrb - ex[["max"]]) < 1e-12, abs(sh$minrb - ex[["min"]]) < 1e-12)
  } else {
    stopifnot(sh$maxrb <= ex[["max"]] + 1e-12)  # psych enumerates only half of the odd-k splits
  }
  oe <- split_stats(V, seq(1, k, by = 2)); fs <- split_stats(V, seq_len(k %/% 2))
  if (!anyNA(b$x) && !covar) {                       # explicit check on half totals
    z <- scale(b$x) %*% D
    stopifnot(abs(cor(rowSums(z[, seq(1, k, by = 2), drop = FALSE]),
                      rowSums(z[, seq(2, k, by = 2), drop = FALSE])) - oe[["r"]]) < 1e-12)
  }
  # alpha, lambda2 and lambda6 as psych::splitHalf defines them (also for odd k)
  sumr <- sum(V); off <- V; diag(off) <- 0
  l6 <- (sumr - sum(diag(V)) + sum(smc(V, covar = covar))) / sumr
  rows[[length(rows) + 1]] <<- data.frame(dataset = ds, block = label, covar = covar, k = k,
    psych_maxrb = sh$maxrb, psych_minrb = sh$minrb, psych_meanr = sh$meanr,
    lambda4_max = ex[["max"]], lambda4_min = ex[["min"]], lambda4_mean = ex[["mean"]], n_splits = ex[["n"]],
    alpha = (sumr - sum(diag(V))) / sumr * k / (k - 1),
    lambda2 = (sum(off) + sqrt(sum(off^2) * k / (k - 1))) / sumr, lambda6 = l6,
    psych_alpha = sh$alpha, psych_lambda2 = sh$lambda2, psych_lambda6 = sh$lambda6,
    oddeven_r = oe[["r"]], oddeven_sb = oe[["sb"]], oddeven_l4 = oe[["l4"]],
    first_r = fs[["r"]], first_sb = fs[["sb"]], first_l4 = fs[["l4"]])
}
for (i in seq_len(nrow(block_ids))) one(block_ids$dataset[i], block_ids$block[i], FALSE)
one("sim_small", "all", TRUE)
one("gov", "feedback", TRUE)
one("sim_keyed", "all", FALSE, cols = 1:9, label = "all_first9")   # odd k with a keyed item
one("sim_small", "all", FALSE, cols = 1:7, label = "all_first7")   # odd k, complete data
write_ref(do.call(rbind, rows), file.path(here, "ref_split_half.csv"))
cat("wrote", here, "\n")
