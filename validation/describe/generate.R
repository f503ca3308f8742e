#!/usr/bin/env Rscript
# Reference values for methods/describe (describe / describe_column).
#
# Writes, next to this script:
#   input.csv         40 units x 8 indicators, NA = missing (the test reads it as NaN)
#   ref_describe.csv  one row per indicator: n, n_missing, mean, sd, min, max,
#                     skewness (G1), kurtosis (G2), outlier_flag, zero_variance, all_missing
# Base R only (R 4.2.2). e1071 is not installed, so its type-2 formulas are written out below
# exactly as in e1071 1.7-16 (R/skewness.R, R/kurtosis.R) and cross-checked against published
# values (Excel SKEW/KURT documentation example; agricolae::kurtosis example).
#
# Regenerate:  Rscript validation/describe/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

# --- e1071 type 2 (Joanes & Gill 1998, G1 and G2), copied formula by formula -------------
skewness_type2 <- function(x) {
  n <- length(x)
  x <- x - mean(x)
  y <- sqrt(n) * sum(x^3) / (sum(x^2)^(3 / 2))   # g1 = m3 / m2^(3/2)
  y * sqrt(n * (n - 1)) / (n - 2)                 # G1
}
kurtosis_type2 <- function(x) {
  n <- length(x)
  x <- x - mean(x)
  r <- n * sum(x^4) / (sum(x^2)^2)                # m4 / m2^2
  ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))   # G2
}

# --- cross-checks against published values ------------------------------------------------
excel <- c(3, 4, 5, 2, 3, 4, 5, 6, 4, 7)
# Microsoft Excel SKEW() help: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543
stopifnot(abs(skewness_type2(excel) - 0.359543) < 5e-7)
# Microsoft Excel KURT() help and agricolae::kurtosis example (same data): -0.1517996
stopifnot(abs(kurtosis_type2(excel) - (-0.151799637)) < 5e-10)
# Hand case used in the C++ test: x = 1,2,3,4,10 -> G1 = 1.2*sqrt(2), G2 = 3.152 exactly
stopifnot(abs(skewness_type2(c(1, 2, 3, 4, 10)) - 1.2 * sqrt(2)) < 1e-14,
          abs(kurtosis_type2(c(1, 2, 3, 4, 10)) - 3.152) < 1e-14)

# --- input ----------------------------------------------------------------------------------
# Values are multiples of 1/1024 (dyadic), so their decimal text is exact and R and C++ parse
# the very same doubles (checked after writing); only `constant` uses 41.2.
set.seed(20240611)
n <- 40
q <- function(v) round(v * 1024) / 1024
gdp_pc <- q(rnorm(n, 50, 10))                       # symmetric
pm25 <- q(exp(rnorm(n, 3, 0.4)))                     # right-skewed, plus two gross outliers
pm25[c(7, 23)] <- c(400, 650)
unemployment <- q(runif(n, 2, 12))                   # with 6 missing values
unemployment[c(3, 11, 12, 19, 30, 40)] <- NA
constant <- rep(41.2, n)                             # zero variance
hospital_beds <- as.numeric(rpois(n, 30))            # integers, ties
life_exp <- q(rnorm(n, 75, 5))
sparse <- rep(NA_real_, n)                           # only 3 values: G1 defined, G2 undefined
sparse[c(2, 17, 33)] <- c(1.5, 2.25, 7)
empty <- rep(NA_real_, n)                            # all missing

x <- data.frame(unit = sprintf("u%02d", seq_len(n)), gdp_pc, pm25, unemployment, constant,
                hospital_beds, life_exp, sparse, empty)

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_table <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt17(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}
write_table(x, file.path(here, "input.csv"))
back <- read.csv(file.path(here, "input.csv"))
for (k in names(x)[-1])                              # exact round trip of every value
  stopifnot(identical(as.numeric(back[[k]]), x[[k]]))

# --- reference statistics -------------------------------------------------------------------
zero_variance_tol <- 1e-12    # DescribeOptions defaults
skew_threshold <- 2
kurt_threshold <- 3.5
ref <- do.call(rbind, lapply(names(x)[-1], function(id) {
  v <- x[[id]]
  a <- v[!is.na(v)]
  k <- length(a)
  m <- if (k >= 1) mean(a) else NA_real_
  s <- if (k >= 2) sd(a) else NA_real_
  zv <- k < 2 || !(s > zero_variance_tol * max(1, abs(m)))
  g1 <- if (k >= 3 && !zv) skewness_type2(a) else NA_real_
  g2 <- if (k >= 4 && !zv) kurtosis_type2(a) else NA_real_
  flag <- isTRUE(abs(g1) > skew_threshold && g2 > kurt_threshold)
  data.frame(id = id, n = k, n_missing = sum(is.na(v)), mean = m, sd = s,
             min = if (k >= 1) min(a) else NA_real_, max = if (k >= 1) max(a) else NA_real_,
             skewness = g1, kurtosis = g2, outlier_flag = flag, zero_variance = zv,
             all_missing = k == 0)
}))
# The data must exercise every branch.
stopifnot(ref$outlier_flag[ref$id == "pm25"], sum(ref$outlier_flag) == 1,
          ref$zero_variance[ref$id == "constant"], ref$all_missing[ref$id == "empty"],
          is.na(ref$kurtosis[ref$id == "sparse"]), !is.na(ref$skewness[ref$id == "sparse"]))
write_table(ref, file.path(here, "ref_describe.csv"))
cat(R.version.string, "\n")
print(ref, digits = 6)
