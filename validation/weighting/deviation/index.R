#!/usr/bin/env Rscript
# Index-level reference for methods.weights: max_deviation | mean_deviation | independence
# (build_index's node-by-node data-driven weights), base R only, written from the formulas:
#  - maximising deviation (Wang Yingming 1998, J. Systems Engineering and Electronics 8(3):21-26):
#    z_ij = (x_ij - min_j) / (max_j - min_j) on the children's scores,
#    D_j = sum_i sum_k |z_ij - z_kj|, w_j = D_j / sum_l D_l
#    (the solution of max sum_j w_j D_j s.t. sum_j w_j^2 = 1, normalised to sum 1);
#  - mean deviation: MD_j = mean_i |z_ij - mean(z_j)|, w_j = MD_j / sum;
#  - independence weights: s_j = 1 - R_j^2, R_j^2 of lm(child_j ~ the other children), w = s / sum.
# Case: validation/compare/{spec.yaml,data.csv} (12 units, groups g1 = {a, b, c-}, g2 = {d, e}):
# min-max 0-100 per indicator (c reversed), weights per node from the children's scores,
# weighted arithmetic means up the tree.
# Writes ref_index.csv: per scheme the local weight of every node and the index score of every unit.
# Run from the repository root: Rscript validation/weighting/deviation/index.R
x <- read.csv("validation/compare/data.csv")
mm <- function(v, neg = FALSE) { z <- (v - min(v)) / (max(v) - min(v)); 100 * (if (neg) 1 - z else z) }
leaf <- cbind(a = mm(x$a), b = mm(x$b), c = mm(x$c, TRUE), d = mm(x$d), e = mm(x$e))
groups <- list(g1 = c("a", "b", "c"), g2 = c("d", "e"))
z01 <- function(X) apply(X, 2, function(v) (v - min(v)) / (max(v) - min(v)))
maxdev <- function(X) { D <- apply(z01(X), 2, function(v) sum(abs(outer(v, v, "-")))); D / sum(D) }
meandev <- function(X) { M <- apply(z01(X), 2, function(v) mean(abs(v - mean(v)))); M / sum(M) }
indep <- function(X) {
  s <- sapply(seq_len(ncol(X)), function(j) 1 - summary(lm(X[, j] ~ X[, -j]))$r.squared)
  s / sum(s)
}
schemes <- list(max_deviation = maxdev, mean_deviation = meandev, independence = indep)
rows <- list()
for (s in names(schemes)) {
  f <- schemes[[s]]
  wg <- lapply(groups, function(g) f(leaf[, g, drop = FALSE]))
  G <- sapply(names(groups), function(g) leaf[, groups[[g]]] %*% wg[[g]])
  wr <- f(G)
  score <- as.vector(G %*% wr)
  ids <- c(unlist(groups), names(groups), x$unit)
  kind <- c(rep("weight", 5), rep("weight", 2), rep("score", nrow(x)))
  val <- c(unlist(wg), wr, score)
  rows[[s]] <- data.frame(scheme = s, kind = kind, id = ids, value = sprintf("%.17g", val))
}
write.csv(do.call(rbind, rows), "validation/weighting/deviation/ref_index.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
