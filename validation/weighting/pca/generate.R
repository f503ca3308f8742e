#!/usr/bin/env Rscript
# Reference values for methods/weighting/pca_weights (pca_weights, pc1_weights, varimax):
# a base-R reimplementation with stats::prcomp(scale. = TRUE) and stats::varimax
# (normalize = TRUE, eps = 1e-5), R 4.2.2.
#
# Input: sim1/data.csv, written by the project's simulator:
#   build/dev/cikit simulate --units 200 --indicators 12 --dimensions 3 --seed 5 \
#       --out validation/weighting/pca/sim1
# (12 indicators x01..x12, 3 dimensions, 42 missing values -> listwise: complete rows only).
# Indicators x05 and x10 are "-" in sim1/spec.yaml; pc1 cases use the ORIENTED data (those two
# columns multiplied by -1), the OECD cases the data as read (signs do not matter there).
#
# Writes:
#   ref_pca_sim1.csv  long format: case, quantity, row, col, value
#     case oecd_m3:  3 factors (fixed), varimax; eigenvalues, loadings (unrotated, columns
#                    oriented to positive sums), rotated (oriented), factor_variance,
#                    scaled_squared, assigned (1-based), weights
#     case oecd_rules: Handbook rules (eigenvalue > 1, share > 10%, cumulative >= 60%) -> m
#     case pc1:      eigenvector (sum > 0) and the Signed / Absolute / Squared weights
#   ref_pca_tai.csv   the OECD weights for the Handbook's TAI data (4 factors), only when
#                     ../shared/data/oecd-tai/tai23_raw.csv exists (derived numbers only).
# Regenerate:  Rscript validation/weighting/pca/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
fmt17 <- function(v) sprintf("%.17g", v)

orient <- function(L) { for (f in seq_len(ncol(L))) if (sum(L[, f]) < 0) L[, f] <- -L[, f]; L }

oecd <- function(x, m = NULL, min_eig = 1, min_share = 0.1, min_cum = 0.6) {
  pc <- prcomp(x, center = TRUE, scale. = TRUE)
  ev <- pc$sdev^2
  k <- ncol(x)
  share <- ev / sum(ev)
  if (is.null(m)) {
    m <- 0
    while (m < k && ev[m + 1] > min_eig && share[m + 1] > min_share) m <- m + 1
    while (m < k && sum(share[seq_len(m)]) < min_cum) m <- m + 1
    m <- max(m, 1)
  }
  L <- orient(pc$rotation[, 1:m, drop = FALSE] %*% diag(pc$sdev[1:m], m, m))
  R <- if (m >= 2) orient(unclass(varimax(L, normalize = TRUE, eps = 1e-5)$loadings)) else L
  EV <- colSums(R^2)
  S <- sweep(R^2, 2, EV, "/")
  assigned <- apply(S, 1, which.max)                    # ties: first factor
  w <- (EV / sum(EV))[assigned] * S[cbind(seq_len(k), assigned)]
  list(m = m, ev = ev, L = L, R = R, EV = EV, S = S, assigned = assigned, w = w / sum(w))
}

long <- function(case, quantity, v) {
  v <- as.matrix(v)
  data.frame(case = case, quantity = quantity, row = rep(seq_len(nrow(v)), ncol(v)),
             col = rep(seq_len(ncol(v)), each = nrow(v)), value = fmt17(as.vector(v)))
}
dump_oecd <- function(case, r) {
  rbind(long(case, "n_factors", r$m), long(case, "eigenvalues", r$ev), long(case, "loadings", r$L),
        long(case, "rotated", r$R), long(case, "factor_variance", r$EV), long(case, "scaled_squared", r$S),
        long(case, "assigned", r$assigned), long(case, "weights", r$w))
}

d <- read.csv(file.path(here, "sim1", "data.csv"), na.strings = c("", "NA"))
x <- as.matrix(na.omit(d[, sprintf("x%02d", 1:12)]))
cat("sim1:", nrow(x), "complete rows of", nrow(d), "\n")
out <- rbind(dump_oecd("oecd_m3", oecd(x, m = 3)), dump_oecd("oecd_rules", oecd(x)))

xo <- x
xo[, c("x05", "x10")] <- -xo[, c("x05", "x10")]
v <- prcomp(xo, center = TRUE, scale. = TRUE)$rotation[, 1]
if (sum(v) < 0) v <- -v
stopifnot(all(v > 0))
out <- rbind(out, long("pc1", "eigenvector", v), long("pc1", "signed", v / sum(v)),
             long("pc1", "absolute", abs(v) / sum(abs(v))), long("pc1", "squared", v^2 / sum(v^2)))
write.csv(out, file.path(here, "ref_pca_sim1.csv"), row.names = FALSE, quote = FALSE)

tai <- file.path(here, "..", "..", "..", "..", "shared", "data", "oecd-tai", "tai23_raw.csv")
if (file.exists(tai)) {
  t <- read.csv(tai, check.names = FALSE)
  r <- oecd(as.matrix(t[, -1]), m = 4)
  write.csv(dump_oecd("tai_m4", r), file.path(here, "ref_pca_tai.csv"), row.names = FALSE, quote = FALSE)
  print(round(r$w, 3)); print(r$assigned); print(round(r$EV, 3))
  print(oecd(as.matrix(t[, -1]), min_eig = 0)$m)
}
cat(R.version.string, "\n")
