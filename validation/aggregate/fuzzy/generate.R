#!/usr/bin/env Rscript
# Reference values for methods/aggregate/fuzzy (fuzzy comprehensive evaluation), base R 4.2,
# written from the textbook formulas (杜栋, 庞庆华, 吴炎 2008, 现代综合评价方法与案例精选, ch. 3):
#  - membership of value x in K grades with characteristic values v_1 < ... < v_K, written per
#    grade as the textbook's piecewise functions: grade 1 a falling semi-trapezoid (1 up to v_1,
#    linear to 0 at v_2), grade K a rising semi-trapezoid (0 up to v_(K-1), linear to 1 at v_K),
#    inner grades triangles peaking at v_k with feet at v_(k-1) and v_(k+1); a cost criterion
#    (c2, c5) lists increasing values too and its grade order is reversed (v_1 = best grade);
#  - B = W o R with M(.,+) b_k = min(1, sum_j w_j r_jk), M(^,v) b_k = max_j min(w_j, r_jk),
#    M(.,v) b_k = max_j w_j r_jk, M(^,+) b_k = min(1, sum_j min(w_j, r_jk)); b / sum(b) for all
#    but M(.,+);
#  - score = sum_k b_k c_k with grade scores c = (1, 2, 3, 4); grade by maximum membership
#    (first maximum) and by the grade score nearest the score (first nearest).
# Input: ../mcda_input.R (14 units x 5 criteria, u05 missing -> NA). Thresholds below.
# Writes ref_fuzzy.csv: per operator the 4 memberships, the score and both grades.
# Regenerate: Rscript validation/aggregate/fuzzy/generate.R
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
V <- rbind(c1 = c(30, 45, 60, 75),    # benefit: grade 1 (worst) .. 4 (best)
           c2 = c(3, 4, 6, 8),        # cost: 3 is the best grade's value
           c3 = c(1, 2, 4, 5),
           c4 = c(4, 6, 9, 12),
           c5 = c(3, 4.5, 6, 7.5))    # cost
write.csv(data.frame(criterion = rownames(V), V), file.path(here, "thresholds.csv"), row.names = FALSE, quote = FALSE)
K <- 4
mu <- function(x, v, k) {
  if (k == 1) return(if (x <= v[1]) 1 else if (x < v[2]) (v[2] - x) / (v[2] - v[1]) else 0)
  if (k == K) return(if (x >= v[K]) 1 else if (x > v[K - 1]) (x - v[K - 1]) / (v[K] - v[K - 1]) else 0)
  if (x > v[k - 1] && x <= v[k]) return((x - v[k - 1]) / (v[k] - v[k - 1]))
  if (x > v[k] && x < v[k + 1]) return((v[k + 1] - x) / (v[k + 1] - v[k]))
  0
}
Rmat <- function(xi) {
  t(sapply(seq_along(xi), function(j) {
    r <- sapply(1:K, function(k) mu(xi[j], V[j, ], k))
    if (cost[j]) rev(r) else r
  }))
}
ops <- list(
  product_sum = function(R) pmin(1, colSums(w * R)),
  min_max = function(R) apply(pmin(matrix(w, nrow(R), K), R), 2, max),
  product_max = function(R) apply(w * R, 2, max),
  min_sum = function(R) pmin(1, colSums(pmin(matrix(w, nrow(R), K), R))))
cs <- 1:K
out <- list()
for (op in names(ops)) {
  res <- t(sapply(seq_len(nrow(xc)), function(i) {
    b <- ops[[op]](Rmat(xc[i, ]))
    if (op != "product_sum") b <- b / sum(b)
    s <- sum(b * cs)
    c(b, s, which.max(b), which.min(abs(cs - s)))
  }))
  df <- as.data.frame(apply(res, 2, full))
  names(df) <- paste0(op, "_", c(paste0("b", 1:K), "score", "grade_max", "grade_score"))
  out[[op]] <- df
}
write_ref(do.call(cbind, unname(out)), "ref_fuzzy.csv")
cat(R.version.string, "\n")
