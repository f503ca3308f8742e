#!/usr/bin/env Rscript
# Reference values for methods/aggregate/gra (grey relational grade), base R 4.2, written from
# Deng (1989): oriented min-max, reference sequence = 1, Delta = |1 - r|, global Delta min/max,
# xi = (Dmin + rho Dmax)/(Delta + rho Dmax), grade = sum_j w_j xi_ij. Input: ../mcda_input.R.
# Writes ref_gra.csv: grade for rho = 0.5 (grade_05) and rho = 0.3 (grade_03) on the 13
# complete units (unit u05 is dropped: NA).   Regenerate: Rscript validation/aggregate/gra/generate.R
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
gra <- function(rho) {
  delta <- abs(1 - oriented01(xc))
  dmin <- min(delta); dmax <- max(delta)
  xi <- (dmin + rho * dmax) / (delta + rho * dmax)
  full(as.vector(xi %*% w))
}
write_ref(data.frame(grade_05 = gra(0.5), grade_03 = gra(0.3)), "ref_gra.csv")
cat(R.version.string, "\n")
