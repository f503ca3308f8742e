# Reference values for cikit's index pipeline (methods/aggregate/build_index.cpp), computed
# independently in base R on tests/cli/cases/good.csv (6 units, 2 dimensions x 2 indicators,
# one missing value, one negative indicator):
#   min-max to 0-100 with direction, equal weights, weighted arithmetic mean over the
#   available children (weights re-normalised), ranks = rank(-score, ties.method = "min").
# Run from the repository root:  Rscript validation/aggregate/generate.R
x <- read.csv("tests/cli/cases/good.csv", na.strings = c("", "NA"))
minmax <- function(v, negative = FALSE) {
  lo <- min(v, na.rm = TRUE); hi <- max(v, na.rm = TRUE)
  if (negative) 100 * (hi - v) / (hi - lo) else 100 * (v - lo) / (hi - lo)
}
n <- data.frame(a1 = minmax(x$a1), a2 = minmax(x$a2, TRUE), b1 = minmax(x$b1), b2 = minmax(x$b2))
avail_mean <- function(m, w) apply(m, 1, function(r) { ok <- !is.na(r); sum(w[ok] * r[ok]) / sum(w[ok]) })
a <- avail_mean(n[, c("a1", "a2")], c(0.5, 0.5))
b <- avail_mean(n[, c("b1", "b2")], c(0.5, 0.5))
idx <- avail_mean(cbind(a, b), c(0.5, 0.5))
out <- data.frame(unit = x$id, a1 = n$a1, a2 = n$a2, b1 = n$b1, b2 = n$b2, a = a, b = b, mini = idx,
                  rank_mini = rank(-idx, ties.method = "min"), rank_a = rank(-a, ties.method = "min"),
                  rank_b = rank(-b, ties.method = "min"))
options(digits = 17)
write.csv(format(out, digits = 17), "validation/aggregate/ref_good_index.csv", row.names = FALSE, quote = FALSE)
# Ties: competition ("min") ranking of a vector with ties and a missing value (NA kept, not ranked).
s <- c(3, 1, 3, NA, 2, 3, 0.5)
r <- rank(-s, ties.method = "min", na.last = "keep")
write.csv(data.frame(score = s, rank = r), "validation/aggregate/ref_ties.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
