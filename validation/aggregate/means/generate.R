#!/usr/bin/env Rscript
# Reference values for methods/aggregate/means (weighted_geometric, weighted_harmonic,
# weighted_power_mean), base R 4.2.2.
# Writes input.csv (12 units x 4 children scores in (0, 100], NA = missing: unit 3 child 2,
# unit 8 children 1 and 4, unit 12 all four) and ref_means.csv: per unit the means over the
# AVAILABLE children with the weights re-normalised over them (NA when none is available):
#   geometric  exp(sum w log x / sum w)
#   harmonic   sum w / sum (w / x)
#   power_r    (sum w x^r / sum w)^(1/r) for r = 2, 0.5, -2
#   geometric_shift  exp(sum w log(x + 1) / sum w) - 1   (ZeroRule::Shift, delta = 1) on the
#                    input with unit 1's child 3 set to 0
# Weights: w = (0.4, 0.3, 0.2, 0.1).
# Regenerate:  Rscript validation/aggregate/means/generate.R   (from anywhere)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(42)
n <- 12
q <- function(v) round(v * 256) / 256
x <- matrix(q(runif(n * 4, 1, 100)), n, 4, dimnames = list(NULL, paste0("c", 1:4)))
x[3, 2] <- NA; x[8, c(1, 4)] <- NA; x[12, ] <- NA
w <- c(0.4, 0.3, 0.2, 0.1)
fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write.csv(data.frame(unit = sprintf("u%02d", 1:n), apply(x, 2, fmt17)), file.path(here, "input.csv"),
          row.names = FALSE, quote = FALSE)
avail <- function(f) apply(x, 1, function(r) { ok <- !is.na(r); if (!any(ok)) NA else f(r[ok], w[ok] / sum(w[ok])) })
pm <- function(r) function(v, ww) sum(ww * v^r)^(1 / r)
x0 <- x; x0[1, 3] <- 0
out <- data.frame(
  unit = sprintf("u%02d", 1:n),
  geometric = avail(function(v, ww) exp(sum(ww * log(v)))),
  harmonic = avail(function(v, ww) 1 / sum(ww / v)),
  power_2 = avail(pm(2)), power_0.5 = avail(pm(0.5)), power_m2 = avail(pm(-2)),
  geometric_shift = apply(x0, 1, function(r) { ok <- !is.na(r); if (!any(ok)) NA else
    exp(sum(w[ok] / sum(w[ok]) * log(r[ok] + 1))) - 1 }))
for (k in names(out)[-1]) out[[k]] <- fmt17(out[[k]])
write.csv(out, file.path(here, "ref_means.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
