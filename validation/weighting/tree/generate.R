#!/usr/bin/env Rscript
# Reference values for data-driven weights inside the index pipeline (build_index with
# methods.weights = entropy | sd | critic, and methods.aggregate = geometric), base R 4.2.2.
# Input: validation/weighting/pca/sim1 (the project's simulator, seed 5: 200 units, groups
# d1 = x01..x04, d2 = x05..x08, d3 = x09..x12; x05 and x10 negative; 42 missing values).
# Pipeline restated here independently:
#   1. min-max to [lo, 100] per indicator, x05 and x10 reversed (lo = 0; lo = 1 for geometric);
#   2. per group, bottom-up: weights from the children's scores over the complete units
#      (listwise) — entropy: min-max of the scores then p = z / sum z, E = -sum p log p / log n
#      (0 log 0 = 0), w ∝ 1 - E; sd: w ∝ sd(min-max scores); critic: C = sd * sum(1 - r);
#   3. group score = weighted mean over the AVAILABLE children, weights re-normalised
#      (arithmetic; or geometric exp(sum w log x / sum w));
#   4. the index = the same one level up, from the group scores.
# Writes ref_tree.csv (long): case, quantity (weight | index), id (node or unit), value.
# Regenerate:  Rscript validation/weighting/tree/generate.R   (from anywhere)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", "..", ".."))
d <- read.csv(file.path(root, "validation", "weighting", "pca", "sim1", "data.csv"), na.strings = c("", "NA"))
groups <- list(d1 = sprintf("x%02d", 1:4), d2 = sprintf("x%02d", 5:8), d3 = sprintf("x%02d", 9:12))
negative <- c("x05", "x10")

mm01 <- function(v) (v - min(v)) / (max(v) - min(v))
norm <- function(v, lo, neg = FALSE) {
  a <- min(v, na.rm = TRUE); b <- max(v, na.rm = TRUE)
  lo + (100 - lo) * (if (neg) (b - v) else (v - a)) / (b - a)
}
wfun <- list(
  entropy = function(x) {
    z <- apply(x, 2, mm01); p <- sweep(z, 2, colSums(z), "/")
    E <- -colSums(ifelse(p > 0, p * log(p), 0)) / log(nrow(x)); (1 - E) / sum(1 - E) },
  sd = function(x) { s <- apply(apply(x, 2, mm01), 2, sd); s / sum(s) },
  critic = function(x) { z <- apply(x, 2, mm01); C <- apply(z, 2, sd) * colSums(1 - cor(z)); C / sum(C) })
agg <- function(x, w, geometric) apply(x, 1, function(r) {
  ok <- !is.na(r); ww <- w[ok] / sum(w[ok])
  if (geometric) exp(sum(ww * log(r[ok]))) else sum(ww * r[ok]) })

run <- function(method, geometric = FALSE) {
  lo <- if (geometric) 1 else 0
  ids <- unname(unlist(groups))
  n <- sapply(ids, function(k) norm(d[[k]], lo, k %in% negative))
  w <- c(); g <- NULL
  for (gn in names(groups)) {
    wg <- wfun[[method]](na.omit(n[, groups[[gn]]]))
    w <- c(w, wg)
    g <- cbind(g, agg(n[, groups[[gn]]], wg, geometric))
  }
  colnames(g) <- names(groups)
  wr <- wfun[[method]](na.omit(g))
  names(wr) <- names(groups)
  idx <- agg(g, wr, geometric)
  rbind(data.frame(case = method, quantity = "weight", id = c(names(w), names(wr)), value = sprintf("%.17g", c(w, wr))),
        data.frame(case = method, quantity = "index", id = d$unit_id, value = sprintf("%.17g", idx)))
}
out <- rbind(run("entropy"), run("sd"), run("critic"), transform(run("entropy", TRUE), case = "entropy_geometric"))
write.csv(out, file.path(here, "ref_tree.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
