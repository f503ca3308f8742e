#!/usr/bin/env Rscript
# Reference values for methods/aggregate/mpi (mazziotta_pareto), base R 4.2.2.
# Writes input.csv (20 units x 4 indicators, c3 negative polarity) and ref_mpi.csv with, per
# unit, the MPI for four cases:
#   pop_neg   population sd (divide by n and by m; the authors' formulas), MPI- = M - S cv
#   pop_pos   population sd, MPI+ = M + S cv
#   samp_neg  sample sd (R sd()/var(), n - 1 and m - 1), MPI-  -- what Compind's
#             normalise_ci(method = 1, z.mean = 100, z.std = 10) + ci_mpi(penalty = "POS") compute
#   samp_pos  sample sd, MPI+ (Compind penalty = "NEG")
# z_ij = 100 + 10 (x_ij - M_j)/S_j for positive polarity, 100 - 10 (...) for negative.
# Regenerate:  Rscript validation/aggregate/mpi/generate.R   (from anywhere)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(2011)
n <- 20
q <- function(v) round(v * 256) / 256
x <- cbind(c1 = q(rnorm(n, 70, 8)), c2 = q(rlnorm(n, 3, 0.4)), c3 = q(runif(n, 2, 12)), c4 = q(rnorm(n, 0, 1)))
fmt17 <- function(v) sprintf("%.17g", v)
write.csv(data.frame(unit = sprintf("u%02d", 1:n), apply(x, 2, fmt17)), file.path(here, "input.csv"),
          row.names = FALSE, quote = FALSE)
pol <- c(1, 1, -1, 1)
mpi <- function(sample, penalty) {
  sdv <- function(v) if (sample) sd(v) else sqrt(mean((v - mean(v))^2))
  z <- sapply(1:4, function(j) 100 + pol[j] * 10 * (x[, j] - mean(x[, j])) / sdv(x[, j]))
  M <- rowMeans(z)
  S <- apply(z, 1, sdv)
  cv <- S / M
  M + penalty * S * cv
}
out <- data.frame(unit = sprintf("u%02d", 1:n), pop_neg = fmt17(mpi(FALSE, -1)), pop_pos = fmt17(mpi(FALSE, 1)),
                  samp_neg = fmt17(mpi(TRUE, -1)), samp_pos = fmt17(mpi(TRUE, 1)))
write.csv(out, file.path(here, "ref_mpi.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
