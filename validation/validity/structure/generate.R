# Reference values for the indicator-dimension structure check (methods/validity/structure.hpp,
# item_dimension_check): per dataset (bundled governance example, sim1, sim2, sim3), the
# Pearson correlation (cor.test: estimate, p-value, n) of every direction-corrected indicator
# with every first-level dimension score, with its own dimension's score computed without it
# ("drop", psych's r.drop idea on z-scores), and the correlations of the dimension scores.
# Dimension score = rowMeans(scale(X[, block]), na.rm = TRUE) (mean of available z-scores).
# Run from the worktree root: Rscript validation/validity/structure/generate.R
source("validation/validity/common.R")

score <- function(X, cols) {
  s <- rowMeans(scale(X[, cols, drop = FALSE]), na.rm = TRUE)
  s[is.nan(s)] <- NA
  s
}
test <- function(a, b) {
  ok <- complete.cases(a, b)
  t <- cor.test(a, b)
  c(r = unname(t$estimate), p = t$p.value, n = sum(ok))
}

for (nm in names(datasets)) {
  cs <- load_case(datasets[[nm]])
  X <- cs$X
  B <- cs$blocks
  S <- sapply(B, function(cols) score(X, cols))
  p <- ncol(X); D <- length(B)
  R <- P <- N <- matrix(NA_real_, p, D)
  drop <- matrix(NA_real_, p, 3)
  own <- integer(p)
  for (d in seq_len(D)) own[B[[d]]] <- d
  for (j in seq_len(p)) {
    for (d in seq_len(D)) {
      t <- test(X[, j], S[, d]); R[j, d] <- t["r"]; P[j, d] <- t["p"]; N[j, d] <- t["n"]
    }
    rest <- setdiff(B[[own[j]]], j)
    if (length(rest) > 0) drop[j, ] <- test(X[, j], score(X, rest))
  }
  SR <- diag(D); SP <- matrix(0, D, D); SN <- diag(colSums(!is.na(S)), D)
  for (a in seq_len(D)) for (b in seq_len(D)) if (a != b) {
    t <- test(S[, a], S[, b]); SR[a, b] <- t["r"]; SP[a, b] <- t["p"]; SN[a, b] <- t["n"]
  }
  put(nm, "r", R); put(nm, "p", P); put(nm, "n", N)
  put(nm, "r_drop", drop[, 1]); put(nm, "p_drop", drop[, 2]); put(nm, "n_drop", drop[, 3])
  put(nm, "score_r", SR); put(nm, "score_p", SP); put(nm, "score_n", SN)
}
write_ref("validation/validity/structure/ref_item_dimension.csv")
