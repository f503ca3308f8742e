#!/usr/bin/env Rscript
# Reference values for methods/weighting/entropy (entropy_weights), base R only (R 4.2.2).
#
# Writes, next to this script:
#   input.csv        25 units x 5 indicators (NA = missing; c3 has two zeros; c5 two NAs)
#   ref_entropy.csv  per case: entropy E_j, divergence d_j = 1 - E_j, weight w_j (cols c1..c5)
# Cases (all on the 23 complete rows: listwise deletion of the 2 rows with NA):
#   ratio          p = x / colSums(x) on the raw data, 0 log 0 := 0
#   ratio_add      p = (x + 0.01) / colSums(x + 0.01)
#   minmax         z = (x - min)/(max - min), c3 reversed (cost): (max - x)/(max - min); p = z/colSums(z)
#   minmax_floor   z' = 1e-4 + (1 - 1e-4) z  (min-max to [0.0001, 1]), same directions
# Regenerate:  Rscript validation/weighting/entropy/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

set.seed(20261126)
n <- 25
q <- function(v) round(v * 256) / 256           # dyadic: decimal text is exact
x <- data.frame(
  c1 = q(rlnorm(n, 3, 0.6)),
  c2 = q(runif(n, 10, 20)),
  c3 = q(pmax(rnorm(n, 2, 2), 0)),              # several exact zeros
  c4 = as.numeric(rpois(n, 8)),
  c5 = q(rgamma(n, 2, 0.5)))
x$c5[c(7, 19)] <- NA
stopifnot(sum(x$c3 == 0) >= 2)

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
out <- x
for (k in names(out)) out[[k]] <- fmt17(out[[k]])
write.table(cbind(unit = sprintf("u%02d", seq_len(n)), out), file.path(here, "input.csv"), sep = ",",
            quote = FALSE, row.names = FALSE)
back <- read.csv(file.path(here, "input.csv"))
for (k in names(x)) stopifnot(identical(as.numeric(back[[k]]), x[[k]]))

xc <- as.matrix(na.omit(x))
m <- nrow(xc)

entropy_of <- function(v) {
  p <- sweep(v, 2, colSums(v), "/")
  plogp <- ifelse(p > 0, p * log(p), 0)           # 0 log 0 := 0
  E <- -colSums(plogp) / log(m)
  d <- 1 - E
  list(E = E, d = d, w = d / sum(d))
}
minmax <- function(v, cost) {
  z <- v
  for (j in seq_len(ncol(v))) {
    lo <- min(v[, j]); hi <- max(v[, j])
    z[, j] <- if (cost[j]) (hi - v[, j]) / (hi - lo) else (v[, j] - lo) / (hi - lo)
  }
  z
}
cost <- c(FALSE, FALSE, TRUE, FALSE, FALSE)
cases <- list(
  ratio = entropy_of(xc),
  ratio_add = entropy_of(xc + 0.01),
  minmax = entropy_of(minmax(xc, cost)),
  minmax_floor = entropy_of(1e-4 + (1 - 1e-4) * minmax(xc, cost)))

rows <- list()
for (nm in names(cases)) {
  r <- cases[[nm]]
  rows[[length(rows) + 1]] <- c(case = nm, quantity = "entropy", fmt17(r$E))
  rows[[length(rows) + 1]] <- c(case = nm, quantity = "divergence", fmt17(r$d))
  rows[[length(rows) + 1]] <- c(case = nm, quantity = "weight", fmt17(r$w))
}
tab <- do.call(rbind, rows)
colnames(tab) <- c("case", "quantity", paste0("c", 1:5))
write.table(tab, file.path(here, "ref_entropy.csv"), sep = ",", quote = FALSE, row.names = FALSE)
cat(R.version.string, ": ", m, "complete units of", n, "\n")
