#!/usr/bin/env Rscript
# Reference values for methods/weighting/variation (cv_weights, sd_weights, critic_weights),
# base R only (R 4.2.2: sd(), cor()).
#
# Writes, next to this script:
#   input.csv          30 units x 5 indicators (NA = missing: c2 row 4, c4 rows 11 and 12; c5 has
#                      negative values, mean > 0)
#   ref_variation.csv  per case: quantity rows (mean, sd, score, weight), cols c1..c5
#   ref_critic_cor.csv Pearson correlation of the min-max data, cases critic and critic_cost
# All cases use the 27 complete rows (listwise). Cases:
#   cv           CV_j = sd_j / |mean_j| (sd with n - 1) on the raw data, w = CV / sum CV
#   sd           z = min-max to [0, 1]; w = sd(z_j) / sum sd(z)
#   critic       z = min-max, NO reversal; C_j = sd(z_j) * sum_k (1 - r_jk); w = C / sum C
#   critic_cost  as critic with c4 a cost criterion: z4 = (max - x)/(max - min)
# Regenerate:  Rscript validation/weighting/variation/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

set.seed(1995)
n <- 30
q <- function(v) round(v * 256) / 256
f <- rnorm(n)
x <- data.frame(
  c1 = q(50 + 8 * f + rnorm(n, 0, 6)),
  c2 = q(exp(1 + 0.3 * f + rnorm(n, 0, 0.4))),
  c3 = q(100 - 5 * f + rnorm(n, 0, 10)),
  c4 = q(runif(n, 0, 1) + 0.2 * f),
  c5 = q(1 + 2 * rnorm(n)))
x$c2[4] <- NA
x$c4[c(11, 12)] <- NA

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
out <- x
for (k in names(out)) out[[k]] <- fmt17(out[[k]])
write.table(cbind(unit = sprintf("u%02d", seq_len(n)), out), file.path(here, "input.csv"), sep = ",",
            quote = FALSE, row.names = FALSE)
back <- read.csv(file.path(here, "input.csv"))
for (k in names(x)) stopifnot(identical(as.numeric(back[[k]]), x[[k]]))

xc <- as.matrix(na.omit(x))
minmax <- function(v, cost) {
  z <- v
  for (j in seq_len(ncol(v))) {
    lo <- min(v[, j]); hi <- max(v[, j])
    z[, j] <- if (cost[j]) (hi - v[, j]) / (hi - lo) else (v[, j] - lo) / (hi - lo)
  }
  z
}
rows <- list()
add <- function(case, quantity, v) rows[[length(rows) + 1]] <<- c(case = case, quantity = quantity, fmt17(v))

mu <- colMeans(xc); s <- apply(xc, 2, sd)
cv <- s / abs(mu)
add("cv", "mean", mu); add("cv", "sd", s); add("cv", "score", cv); add("cv", "weight", cv / sum(cv))

z <- minmax(xc, rep(FALSE, 5))
sz <- apply(z, 2, sd)
add("sd", "mean", colMeans(z)); add("sd", "sd", sz); add("sd", "score", sz); add("sd", "weight", sz / sum(sz))

critic <- function(z) {
  r <- cor(z)
  s <- apply(z, 2, sd)
  C <- s * colSums(1 - r)
  list(r = r, s = s, C = C, w = C / sum(C), mean = colMeans(z))
}
cors <- list()
for (case in c("critic", "critic_cost")) {
  cost <- if (case == "critic") rep(FALSE, 5) else c(FALSE, FALSE, FALSE, TRUE, FALSE)
  res <- critic(minmax(xc, cost))
  add(case, "mean", res$mean); add(case, "sd", res$s); add(case, "score", res$C); add(case, "weight", res$w)
  cors[[case]] <- cbind(case = case, row = paste0("c", 1:5), matrix(fmt17(res$r), 5, 5))
}
tab <- do.call(rbind, rows)
colnames(tab) <- c("case", "quantity", paste0("c", 1:5))
write.table(tab, file.path(here, "ref_variation.csv"), sep = ",", quote = FALSE, row.names = FALSE)
ct <- do.call(rbind, cors)
colnames(ct) <- c("case", "row", paste0("c", 1:5))
write.table(ct, file.path(here, "ref_critic_cor.csv"), sep = ",", quote = FALSE, row.names = FALSE)
cat(R.version.string, ":", nrow(xc), "complete units of", n, "\n")
