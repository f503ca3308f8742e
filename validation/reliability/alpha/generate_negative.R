#!/usr/bin/env Rscript
# Regression reference (issue 19): items that correlate negatively on average.
# R 4.2.2, psych 2.2.9. Run from the worktree root:
#   Rscript validation/reliability/alpha/generate_negative.R
# Input: sim_small/data.csv (x01, -x02, x03, -x04: two directions deliberately wrong).
# There sum(R with smc on the diagonal) < 0, so psych's item.stats r.cor is NaN ("In sqrt(Vtc):
# NaNs produced"); cikit leaves r_cor absent with a warning (it used to stop with the internal
# error "alpha: a non-finite statistic escaped"). Everything else is compared as in generate.R.
# Outputs (%.17g, same columns as generate.R's): ref_neg_total.csv, ref_neg_drop.csv, ref_neg_items.csv.
# (generate.R needs R's yaml package, which is not a Debian package here, so this case has its
# own script that reads the CSV directly.)
suppressPackageStartupMessages(library(psych))
here <- "validation/reliability/alpha"
fmt17 <- function(v) ifelse(is.na(v), NA, sprintf("%.17g", v))
write_ref <- function(df, file) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- fmt17(df[[n]])
  write.csv(df, file, row.names = FALSE, quote = TRUE)
}
d <- read.csv(file.path(here, "sim_small/data.csv"))
x <- as.matrix(d[, c("x01", "x02", "x03", "x04")])
x[, c(2, 4)] <- -x[, c(2, 4)]
a <- suppressWarnings(psych::alpha(x, check.keys = FALSE, warnings = FALSE))
stopifnot(all(is.nan(a$item.stats$r.cor)))
t <- a$total; n <- nrow(x); ds <- "sim_small_neg"; blk <- "all"; variant <- "pairwise"
write_ref(data.frame(dataset = ds, block = blk, variant = variant,
  k = a$nvar, n_obs = n, raw_alpha = t$raw_alpha, std_alpha = t$std.alpha, g6_smc = t$`G6(smc)`,
  average_r = t$average_r, median_r = t$median_r, var_r = a$var.r[[1]], signal_noise = t$`S/N`,
  ase = t$ase, total_mean = t$mean, total_sd = t$sd,
  feldt_lower = a$feldt$lower.ci[[1]], feldt_upper = a$feldt$upper.ci[[1]],
  duhachek_lower = t$raw_alpha - 1.96 * t$ase, duhachek_upper = t$raw_alpha + 1.96 * t$ase),
  file.path(here, "ref_neg_total.csv"))
dd <- a$alpha.drop
write_ref(data.frame(dataset = ds, block = blk, variant = variant,
  item = sub("-$", "", rownames(dd)), raw_alpha = dd$raw_alpha, std_alpha = dd$std.alpha,
  g6_smc = dd$`G6(smc)`, average_r = dd$average_r, signal_noise = dd$`S/N`,
  alpha_se = if (is.null(dd$`alpha se`)) NA else dd$`alpha se`, var_r = dd$var.r, median_r = dd$med.r),
  file.path(here, "ref_neg_drop.csv"))
s <- a$item.stats
write_ref(data.frame(dataset = ds, block = blk, variant = variant,
  item = sub("-$", "", rownames(s)), n = s$n, raw_r = s$raw.r, std_r = s$std.r,
  r_cor = s$r.cor, r_drop = s$r.drop, mean = s$mean, sd = s$sd),
  file.path(here, "ref_neg_items.csv"))
cat("wrote", here, "\n")
