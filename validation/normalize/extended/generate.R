#!/usr/bin/env Rscript
# Reference values for the extended normalisations of cikit::normalize (methods/normalize):
# rank, percentile rank, distance to a target, distance to a reference unit, ratio to the mean,
# ratio to the maximum and vector normalisation, with direction handling.
#
# Input: ../input.csv and ../columns.csv (40 units x 5 indicators, written by ../generate.R),
# plus targets (columns_ext.csv, written here). Base R only (R 4.2.2); formulas are those of
# COINr's n_rank, n_prank, n_dist2targ, n_dist2ref, n_fracmax (R/normalise.R, COINr 1.1) and the
# OECD/JRC (2008) Handbook Table 3, mapped to [lo, hi] = [0, 100] where normalize.hpp says so.
# Writes ref_<method>.csv (same layout as input.csv) and ref_ext_params.csv.
#
# Regenerate:  Rscript validation/normalize/extended/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
x <- read.csv(file.path(here, "..", "input.csv"))
cols <- read.csv(file.path(here, "..", "columns.csv"))
lo <- 0; hi <- 100
# Targets: inside the data range (some units beyond the target), on the "good" side.
cols$target <- c(70, 3, 10, 82, 40)
# Reference unit: u07 (no missing value; checked not to be the worst on any indicator).
ref <- "u07"
iref <- which(x$unit == ref)

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_table <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt17(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}
write_table(cols, file.path(here, "columns_ext.csv"))

rank_min <- function(s) rank(s, ties.method = "min", na.last = "keep")
methods <- list(
  rank = function(v, neg, targ) rank_min(if (neg) -v else v),
  percentile = function(v, neg, targ) {
    r <- rank_min(if (neg) -v else v)
    lo + (hi - lo) * (r - 1) / (sum(!is.na(v)) - 1)
  },
  distance_target = function(v, neg, targ) {
    t <- if (neg) (max(v, na.rm = TRUE) - v) / (max(v, na.rm = TRUE) - targ)
         else (v - min(v, na.rm = TRUE)) / (targ - min(v, na.rm = TRUE))
    lo + (hi - lo) * t
  },
  distance_target_cap = function(v, neg, targ) {
    t <- if (neg) (max(v, na.rm = TRUE) - v) / (max(v, na.rm = TRUE) - targ)
         else (v - min(v, na.rm = TRUE)) / (targ - min(v, na.rm = TRUE))
    lo + (hi - lo) * pmin(t, 1)
  },
  distance_ref = function(v, neg, targ) {
    xr <- v[iref]
    t <- if (neg) (max(v, na.rm = TRUE) - v) / (max(v, na.rm = TRUE) - xr)
         else (v - min(v, na.rm = TRUE)) / (xr - min(v, na.rm = TRUE))
    lo + (hi - lo) * t
  },
  ratio_mean = function(v, neg, targ) if (neg) mean(v, na.rm = TRUE) / v else v / mean(v, na.rm = TRUE),
  ratio_max = function(v, neg, targ) if (neg) min(v, na.rm = TRUE) / v else v / max(v, na.rm = TRUE),
  vector = function(v, neg, targ) (if (neg) -v else v) / sqrt(sum(v^2, na.rm = TRUE))
)
stopifnot(all(!is.na(x[iref, -1])))
for (j in seq_len(nrow(cols))) {
  v <- x[[cols$id[j]]]
  neg <- cols$direction[j] == "negative"
  stopifnot(if (neg) v[iref] < max(v, na.rm = TRUE) else v[iref] > min(v, na.rm = TRUE))
  stopifnot(all(v > 0, na.rm = TRUE))
}
for (m in names(methods)) {
  out <- x
  for (j in seq_len(nrow(cols))) {
    id <- cols$id[j]
    out[[id]] <- methods[[m]](x[[id]], cols$direction[j] == "negative", cols$target[j])
  }
  write_table(out, file.path(here, paste0("ref_", m, ".csv")))
}
# The data must exercise ties (hospital_beds) and units beyond the targets.
stopifnot(any(duplicated(na.omit(x$hospital_beds))), any(x$gdp_pc > 70, na.rm = TRUE))
cat(R.version.string, "\n")
