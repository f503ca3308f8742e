#!/usr/bin/env Rscript
# Reference values for methods/aggregate/topsis, base R 4.2.2 (Hwang & Yoon 1981 formulas).
# Writes input.csv (15 units x 5 criteria, positive; NA: unit 6 criterion 2) and ref_topsis.csv
# with, per unit, d_plus, d_minus, closeness for two cases on the 14 complete units:
#   vector  r = x / sqrt(colSums(x^2))
#   minmax  r = (x - min)/(max - min)
# weights w = (0.3, 0.2, 0.2, 0.15, 0.15); criteria 3 and 5 are cost (ideal = min).
# Regenerate:  Rscript validation/aggregate/topsis/generate.R   (from anywhere)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(1981)
n <- 15
q <- function(v) round(v * 256) / 256
x <- cbind(c1 = q(runif(n, 10, 90)), c2 = q(rlnorm(n, 2, 0.5)), c3 = q(runif(n, 1, 5)),
           c4 = as.numeric(rpois(n, 20)), c5 = q(rgamma(n, 3, 1)))
x[6, 2] <- NA
fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write.csv(data.frame(unit = sprintf("u%02d", 1:n), apply(x, 2, fmt17)), file.path(here, "input.csv"),
          row.names = FALSE, quote = FALSE)
w <- c(0.3, 0.2, 0.2, 0.15, 0.15)
cost <- c(FALSE, FALSE, TRUE, FALSE, TRUE)
ok <- complete.cases(x)
xc <- x[ok, ]
res <- function(r) {
  v <- sweep(r, 2, w, "*")
  ideal <- ifelse(cost, apply(v, 2, min), apply(v, 2, max))
  anti <- ifelse(cost, apply(v, 2, max), apply(v, 2, min))
  dp <- sqrt(rowSums(sweep(v, 2, ideal)^2)); dm <- sqrt(rowSums(sweep(v, 2, anti)^2))
  full <- function(a) { o <- rep(NA, n); o[ok] <- a; o }
  list(d_plus = full(dp), d_minus = full(dm), closeness = full(dm / (dp + dm)))
}
rv <- res(sweep(xc, 2, sqrt(colSums(xc^2)), "/"))
rm <- res(apply(xc, 2, function(v) (v - min(v)) / (max(v) - min(v))))
out <- data.frame(unit = sprintf("u%02d", 1:n),
                  vector_d_plus = fmt17(rv$d_plus), vector_d_minus = fmt17(rv$d_minus),
                  vector_closeness = fmt17(rv$closeness),
                  minmax_d_plus = fmt17(rm$d_plus), minmax_d_minus = fmt17(rm$d_minus),
                  minmax_closeness = fmt17(rm$closeness))
write.csv(out, file.path(here, "ref_topsis.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
