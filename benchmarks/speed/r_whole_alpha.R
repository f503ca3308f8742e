# Whole-run R counterpart of `cikit reliability SPEC` on a scenario system of D dimensions × 5
# indicators (benchmarks/speed/run.sh): start R, load psych, read the CSV, psych::alpha for the
# whole system and for each dimension (columns in blocks of 5), print the alphas.
# usage: Rscript r_whole_alpha.R data.csv
suppressPackageStartupMessages(library(psych))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1], check.names = FALSE)
x <- as.matrix(d[, grep("^x", names(d))])
groups <- c(list(seq_len(ncol(x))), split(seq_len(ncol(x)), (seq_len(ncol(x)) - 1) %/% 5))
for (g in groups) print(suppressWarnings(psych::alpha(x[, g], check.keys = FALSE, warnings = FALSE))$total)
