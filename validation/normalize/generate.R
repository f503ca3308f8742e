#!/usr/bin/env Rscript
# Reference values for methods/normalize (normalize(): min-max, z-score, goalposts).
#
# Writes, next to this script:
#   input.csv       40 units x 5 indicators (NA = missing)
#   columns.csv     per indicator: direction (positive/negative) and goalposts
#   ref_minmax.csv  min-max to [0, 100], negative columns reversed
#   ref_zscore.csv  z-scores (sd with n-1), negative columns sign-flipped
#   ref_goalposts.csv goalposts to [0, 100]: values clipped to [gmin, gmax] first
#   ref_params.csv  per method and indicator: center, scale, n_truncated (NormalizeResult)
# Base R only (R 4.2.2): the z-scores come from base::scale() and are checked against the
# explicit formula; min-max and goalposts are the formulas of normalize.hpp.
#
# Regenerate:  Rscript validation/normalize/generate.R   (from anywhere)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

# --- input ----------------------------------------------------------------------------------
# Multiples of 1/1024 (dyadic): the decimal text is exact, so R and C++ read identical doubles.
set.seed(20240612)
n <- 40
q <- function(v) round(v * 1024) / 1024
gdp_pc <- q(rnorm(n, 50, 12))                 # positive; goalposts 30-70 clip both tails
unemployment <- q(runif(n, 1, 14))            # negative, 5 missing; goalposts 0-10 clip the top
unemployment[c(4, 9, 21, 22, 37)] <- NA
pm25 <- q(exp(rnorm(n, 3, 0.5)))              # negative, skewed with one outlier; goalposts 5-100
pm25[13] <- 480
life_exp <- q(rnorm(n, 78, 4))                # positive; HDI goalposts 20-85
hospital_beds <- as.numeric(rpois(n, 30))     # positive, integer ties; goalposts 0-50
hospital_beds[c(6, 28)] <- NA
x <- data.frame(unit = sprintf("u%02d", seq_len(n)), gdp_pc, unemployment, pm25, life_exp,
                hospital_beds)
cols <- data.frame(id = names(x)[-1],
                   direction = c("positive", "negative", "negative", "positive", "positive"),
                   goal_min = c(30, 0, 5, 20, 0),
                   goal_max = c(70, 10, 100, 85, 50))

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_table <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt17(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}
write_table(x, file.path(here, "input.csv"))
write_table(cols, file.path(here, "columns.csv"))
back <- read.csv(file.path(here, "input.csv"))
for (k in names(x)[-1]) stopifnot(identical(as.numeric(back[[k]]), x[[k]]))

# --- reference normalisations ----------------------------------------------------------------
lo <- 0
hi <- 100
minmax <- function(v, neg) {
  mn <- min(v, na.rm = TRUE)
  mx <- max(v, na.rm = TRUE)
  if (neg) lo + (hi - lo) * (mx - v) / (mx - mn) else lo + (hi - lo) * (v - mn) / (mx - mn)
}
zscore <- function(v, neg) {
  z <- as.vector(scale(v))                     # centre = mean, scale = sd (n - 1), NA skipped
  explicit <- (v - mean(v, na.rm = TRUE)) / sd(v, na.rm = TRUE)
  stopifnot(isTRUE(all.equal(z, explicit, tolerance = 1e-14)))
  if (neg) -z else z
}
goalposts <- function(v, neg, gmin, gmax) {
  c <- pmin(pmax(v, gmin), gmax)
  if (neg) lo + (hi - lo) * (gmax - c) / (gmax - gmin) else lo + (hi - lo) * (c - gmin) / (gmax - gmin)
}

out_mm <- x
out_z <- x
out_g <- x
params <- NULL
for (j in seq_len(nrow(cols))) {
  id <- cols$id[j]
  v <- x[[id]]
  neg <- cols$direction[j] == "negative"
  gmin <- cols$goal_min[j]
  gmax <- cols$goal_max[j]
  out_mm[[id]] <- minmax(v, neg)
  out_z[[id]] <- zscore(v, neg)
  out_g[[id]] <- goalposts(v, neg, gmin, gmax)
  a <- v[!is.na(v)]
  params <- rbind(params,
    data.frame(method = "minmax", id = id, center = min(a), scale = max(a) - min(a),
               n_truncated = 0),
    data.frame(method = "zscore", id = id, center = mean(a), scale = sd(a), n_truncated = 0),
    data.frame(method = "goalposts", id = id, center = gmin, scale = gmax - gmin,
               n_truncated = sum(a < gmin | a > gmax)))
}
# The data must exercise clipping at both ends and on a negative column.
stopifnot(params$n_truncated[params$method == "goalposts" & params$id == "gdp_pc"] > 0,
          any(x$gdp_pc < 30, na.rm = TRUE), any(x$gdp_pc > 70, na.rm = TRUE),
          params$n_truncated[params$method == "goalposts" & params$id == "unemployment"] > 0,
          params$n_truncated[params$method == "goalposts" & params$id == "pm25"] > 0)
write_table(out_mm, file.path(here, "ref_minmax.csv"))
write_table(out_z, file.path(here, "ref_zscore.csv"))
write_table(out_g, file.path(here, "ref_goalposts.csv"))
write_table(params, file.path(here, "ref_params.csv"))
cat(R.version.string, "\n")
print(params, digits = 6)
