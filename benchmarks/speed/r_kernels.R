# R reference timings for benchmarks/speed/run.sh: the same kernels as cikit_speed on the same
# data (CSV files written by `cikit simulate --preset scenario`), in-process, median of REPS.
# usage: Rscript r_kernels.R DIR REPS   (DIR has data_<n>x<p>.csv)  -> CSV on stdout
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
time_it <- function(f) {
  t <- numeric(reps)
  for (k in seq_len(reps)) t[k] <- system.time(f())[["elapsed"]]
  median(t)
}
cat("kernel,n,p,seconds\n")
for (np in list(c(100, 20), c(1000, 40), c(3000, 60))) {
  d <- read.csv(file.path(dir, sprintf("data_%dx%d.csv", np[1], np[2])), check.names = FALSE)
  x <- as.matrix(d[, grep("^x", names(d))])
  k <- np[2] / 5
  out <- function(name, s) cat(sprintf("%s,%d,%d,%.6g\n", name, np[1], np[2], s))
  out("correlation", time_it(function() cor(x)))
  out("alpha", time_it(function() suppressWarnings(psych::alpha(x, check.keys = FALSE, warnings = FALSE))))
  out("kmo", time_it(function() psych::KMO(x)))
  out("pca", time_it(function() psych::principal(x, nfactors = k, rotate = "none")))
  out("eigen_of_cor", time_it(function() eigen(cor(x), symmetric = TRUE)))
  out("fa_minres", time_it(function() suppressWarnings(psych::fa(x, nfactors = k, rotate = "none", fm = "minres"))))
}
