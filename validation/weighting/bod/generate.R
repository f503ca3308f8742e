# Reference benefit-of-the-doubt scores for tests/weighting/bod_test.cpp, computed independently
# of cikit with R's lpSolve (Debian r-cran-lpsolve 5.6.18, lp_solve 5.5), one LP per unit:
#   max_w sum_j w_j y_cj  s.t.  sum_j w_j y_kj <= 1 (all k), w >= 0,
#   optional pie shares L <= w_j y_cj / CI <= U, i.e. w_j y_cj - L sum_i w_i y_ci >= 0, ... <= 0.
# Run from the repository root: Rscript validation/weighting/bod/generate.R
suppressPackageStartupMessages(library(lpSolve))
out <- "validation/weighting/bod"

bod <- function(y, L = NULL, U = NULL) {
  n <- nrow(y); k <- ncol(y)
  sc <- numeric(n)
  for (c in seq_len(n)) {
    A <- y; dir <- rep("<=", n); rhs <- rep(1, n)
    if (!is.null(L)) {
      for (j in seq_len(k)) {
        e <- rep(0, k); e[j] <- y[c, j]
        A <- rbind(A, e - L * y[c, ], e - U * y[c, ])
        dir <- c(dir, ">=", "<="); rhs <- c(rhs, 0, 0)
      }
    }
    r <- lp("max", y[c, ], A, dir, rhs)
    stopifnot(r$status == 0)
    sc[c] <- r$objval
  }
  sc
}

# Case 1 (synthetic): 40 units x 5 indicators, multiples of 1/64 in [0, 1] so the text is exact.
set.seed(20240518)
y <- matrix(round(runif(40 * 5) * 64) / 64, 40, 5)
colnames(y) <- paste0("c", 1:5)
write.csv(y, file.path(out, "input_synthetic.csv"), row.names = FALSE)
write.csv(data.frame(score = bod(y)), file.path(out, "ref_synthetic.csv"), row.names = FALSE)
# Case 2 (held out of tuning): the same data with pie shares 0.05 <= share <= 0.5.
write.csv(data.frame(score = bod(y, L = 0.05, U = 0.5)), file.path(out, "ref_synthetic_shares.csv"),
          row.names = FALSE)

# Case 3: OECD/JRC Handbook TAI (../shared/data/oecd-tai/tai23_raw.csv), min-max over the 23
# countries to [0, 1] (no goalposts); only the reference scores are committed (the data stay in
# the shared folder; the test skips when it is absent).
tai_file <- "../shared/data/oecd-tai/tai23_raw.csv"
if (file.exists(tai_file)) {
  tai <- read.csv(tai_file, check.names = FALSE)
  x <- as.matrix(tai[, -1])
  z <- apply(x, 2, function(v) (v - min(v)) / (max(v) - min(v)))
  write.csv(data.frame(country = tai[, 1], score = bod(z), score_shares = bod(z, L = 0.05, U = 0.3)),
            file.path(out, "ref_tai.csv"), row.names = FALSE)
}
