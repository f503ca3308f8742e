# Reference for methods/compare on validation/compare (base R only; R >= 4).
# Index: min-max 0-100 per indicator (cost indicator c reversed), weighted arithmetic means up
# the tree; schemes equal, given (spec weights), entropy (min-max variant on the children's
# scores, 0 ln 0 = 0), cv (sd/|mean|, n - 1). Ranks: rank(-score, ties = "min").
# Top-N overlap: |top_N(s) ∩ top_N(ref)| / max(|top_N(s)|, |top_N(ref)|), top_N = units of rank <= N.
# Outputs: ref_scores.csv, ref_spearman.csv, ref_kendall.csv, ref_shift.csv.
# Run: Rscript compare.R   (from this folder)
x <- read.csv("data.csv")
mm <- function(v, neg = FALSE) { z <- (v - min(v)) / (max(v) - min(v)); 100 * (if (neg) 1 - z else z) }
leaf <- cbind(a = mm(x$a), b = mm(x$b), c = mm(x$c, TRUE), d = mm(x$d), e = mm(x$e))
groups <- list(g1 = c("a", "b", "c"), g2 = c("d", "e"))
given <- list(g1 = c(0.5, 0.3, 0.2), g2 = c(0.7, 0.3), root = c(0.6, 0.4))
entropy_w <- function(X) {
  n <- nrow(X)
  Z <- apply(X, 2, function(v) (v - min(v)) / (max(v) - min(v)))
  P <- sweep(Z, 2, colSums(Z), "/")
  E <- -colSums(ifelse(P > 0, P * log(P), 0)) / log(n)
  d <- 1 - E; d / sum(d)
}
cv_w <- function(X) { cv <- apply(X, 2, sd) / abs(colMeans(X)); cv / sum(cv) }
weights_of <- function(scheme, X, node) {
  k <- ncol(X)
  switch(scheme, equal = rep(1 / k, k), given = given[[node]], entropy = entropy_w(X), cv = cv_w(X))
}
index <- function(scheme) {
  G <- sapply(names(groups), function(g) { X <- leaf[, groups[[g]], drop = FALSE]; X %*% weights_of(scheme, X, g) })
  as.vector(G %*% weights_of(scheme, G, "root"))
}
schemes <- c("equal", "given", "entropy", "cv")
S <- sapply(schemes, index)
R <- apply(S, 2, function(s) rank(-s, ties.method = "min"))
out <- data.frame(unit = x$unit, S, R)
names(out) <- c("unit", paste0("score_", schemes), paste0("rank_", schemes))
write.csv(format(out, digits = 17), "ref_scores.csv", row.names = FALSE, quote = FALSE)
fmt <- function(m) format(m, digits = 17)
write.csv(fmt(cor(S, method = "spearman")), "ref_spearman.csv", quote = FALSE)
write.csv(fmt(cor(S, method = "kendall")), "ref_kendall.csv", quote = FALSE)
shift <- data.frame(scheme = schemes,
                    mean_abs = colMeans(abs(R - R[, "equal"])),
                    max_abs = apply(abs(R - R[, "equal"]), 2, max),
                    top3 = sapply(schemes, function(s) sum(R[, s] <= 3 & R[, "equal"] <= 3) /
                                    max(sum(R[, s] <= 3), sum(R[, "equal"] <= 3))))
write.csv(format(shift, digits = 17), "ref_shift.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
