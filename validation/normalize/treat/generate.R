#!/usr/bin/env Rscript
# Reference values for methods/treat (cikit::treat, log_transform, log_ct_transform):
# imputation (mean, median, group mean), the plain and the COINr "log_CT" transforms, and the
# JRC/COINr outlier treatment (winsorise while |skew| > 2 and kurtosis > 3.5, up to winmax = 2 points,
# then log_CT of the original values if still flagged).
#
# Independent R implementation (COINr itself is not installed here): skewness/kurtosis from
# e1071::skewness/kurtosis(type = 2), the estimators COINr's check_SkewKurt uses; the
# winsorisation loop follows COINr's winsorise() (R/treat.R, COINr 1.1: "reassigning the point
# with the highest/lowest value with the value of the next highest/lowest point", side chosen by
# the sign of the current skew, ties moved together) and its point count (units changed).
# log_CT: log(x - min(x) + 0.01*(max(x) - min(x))) as documented in COINr's log_CT().
#
# Writes: input.csv (30 units, group column, 6 indicators), ref_impute_{mean,median,group}.csv,
# ref_log.csv (column 'positive'), ref_log_ct.csv (every column), ref_winsorise.csv (treated
# matrix), ref_winsorise_points.csv and ref_winsorise_summary.csv.
# Regenerate:  Rscript validation/normalize/treat/generate.R   (R 4.2.2, e1071 1.7)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(20240613)
n <- 30
q <- function(v) round(v * 1024) / 1024   # dyadic values: exact decimal text
skewed_hi <- q(rnorm(n, 20, 3)); skewed_hi[c(5, 17)] <- c(95, 60)          # two high outliers
skewed_lo <- q(rnorm(n, 50, 4)); skewed_lo[c(9)] <- -40                     # one low outlier
heavy <- q(exp(rnorm(n, 0, 1.2))); heavy[c(2, 3, 4)] <- c(900, 800, 700)
with_na <- q(rnorm(n, 10, 2)); with_na[c(1, 8, 15, 22, 29)] <- NA
mixed_sign <- q(rnorm(n, 0, 5)); mixed_sign[6] <- 0
positive <- q(runif(n, 0.5, 40))
group <- rep(c("east", "west", "north"), length.out = n)
x <- data.frame(unit = sprintf("t%02d", seq_len(n)), group, skewed_hi, skewed_lo, heavy, with_na,
                mixed_sign, positive)
ind <- names(x)[-(1:2)]

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_table <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt17(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}
write_table(x, file.path(here, "input.csv"))

# --- imputation ---------------------------------------------------------------------------
imp <- function(f) {
  out <- x
  for (k in ind) {
    v <- x[[k]]
    if (identical(f, "group")) {
      gm <- tapply(v, x$group, mean, na.rm = TRUE)
      v[is.na(v)] <- gm[x$group[is.na(v)]]
    } else {
      v[is.na(v)] <- f(v[!is.na(v)])
    }
    out[[k]] <- v
  }
  out
}
write_table(imp(mean), file.path(here, "ref_impute_mean.csv"))
write_table(imp(median), file.path(here, "ref_impute_median.csv"))
write_table(imp("group"), file.path(here, "ref_impute_group.csv"))

# --- log transforms -----------------------------------------------------------------------
log_ct <- function(v) log(v - min(v, na.rm = TRUE) + 0.01 * (max(v, na.rm = TRUE) - min(v, na.rm = TRUE)))
write_table(data.frame(unit = x$unit, positive = log(x$positive)), file.path(here, "ref_log.csv"))
lc <- x
for (k in ind) lc[[k]] <- log_ct(x[[k]])
write_table(lc, file.path(here, "ref_log_ct.csv"))

# --- JRC/COINr outlier treatment ------------------------------------------------------------
sk <- function(v) e1071::skewness(v, na.rm = TRUE, type = 2)
ku <- function(v) e1071::kurtosis(v, na.rm = TRUE, type = 2)
flag <- function(v) abs(sk(v)) > 2 && ku(v) > 3.5
winmax <- 2   # small, so that "heavy" (7 outliers) exercises the log fallback
treated <- x
points <- NULL
summary <- NULL
for (k in ind) {
  v0 <- x[[k]]
  v <- v0
  changed <- rep(FALSE, n); high <- rep(FALSE, n)
  while (flag(v) && sum(changed) < winmax) {
    if (sk(v) >= 0) {
      i <- which(v == max(v, na.rm = TRUE)); v[i] <- max(v[-i], na.rm = TRUE); high[i & !changed] <- TRUE
    } else {
      i <- which(v == min(v, na.rm = TRUE)); v[i] <- min(v[-i], na.rm = TRUE)
    }
    changed[i] <- TRUE
  }
  action <- "none"
  if (flag(v)) {  # winsorising up to winmax failed: log_CT of the original values
    v <- log_ct(v0)
    action <- "log_ct"
    ok <- !is.na(v0)
    points <- rbind(points, data.frame(unit = x$unit[ok], indicator = k, action = "log_ct", before = v0[ok], after = v[ok]))
  } else if (any(changed)) {
    action <- "winsorise"
    w <- which(changed)
    points <- rbind(points, data.frame(unit = x$unit[w], indicator = k,
                                       action = ifelse(high[w], "winsorise_high", "winsorise_low"),
                                       before = v0[w], after = v[w]))
  }
  summary <- rbind(summary, data.frame(indicator = k, skew_before = sk(v0), kurt_before = ku(v0),
                                       n_low = if (action == "winsorise") sum(changed & !high) else 0,
                                       n_high = if (action == "winsorise") sum(changed & high) else 0,
                                       action = action, skew_after = sk(v), kurt_after = ku(v)))
  treated[[k]] <- v
}
# The data must exercise high and low winsorisation and the log fallback.
print(summary, digits = 5)
stopifnot(summary$n_high[summary$indicator == "skewed_hi"] == 2,
          summary$n_low[summary$indicator == "skewed_lo"] >= 1,
          summary$action[summary$indicator == "heavy"] == "log_ct")
write_table(treated, file.path(here, "ref_winsorise.csv"))
write_table(points, file.path(here, "ref_winsorise_points.csv"))
write_table(summary, file.path(here, "ref_winsorise_summary.csv"))
cat(R.version.string, "e1071", as.character(packageVersion("e1071")), "\n")
print(summary, digits = 5)
