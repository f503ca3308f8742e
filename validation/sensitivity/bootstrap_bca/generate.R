# Reference intervals for cikit::bootstrap_units_with_indices (methods/sensitivity/bootstrap_units):
# boot::boot.ci(type = c("perc", "bca")) on the SAME replicates. R draws the resamples; their
# indices (boot.array(..., indices = TRUE), 1-based) are written so the C++ test recomputes the
# statistic on exactly those resamples. BCa acceleration: boot.ci's default L is a regression
# estimate from the bootstrap frequencies (empinf type "reg"); cikit uses the jackknife, so we
# pass L = jackknife influence values (empinf(type = "jack") equivalent, computed by hand).
# Run from the worktree root: Rscript validation/sensitivity/bootstrap_bca/generate.R
library(boot)
set.seed(20221219)
n <- 30
x <- round(rexp(n, rate = 0.5), 3)           # skewed: BCa differs visibly from percentile
y <- round(0.5 * x + rnorm(n), 3)
d <- data.frame(x = x, y = y)
stat <- function(d, i) c(mean(d$x[i]), sd(d$x[i]), cor(d$x[i], d$y[i]), median(d$y[i]))
B <- 1000
b <- boot(d, stat, R = B)
idx <- boot.array(b, indices = TRUE)
write.csv(data.frame(x = sprintf("%.17g", x), y = sprintf("%.17g", y)),
          "validation/sensitivity/bootstrap_bca/data.csv", row.names = FALSE, quote = FALSE)
write.table(idx, "validation/sensitivity/bootstrap_bca/indices.csv", sep = ",", row.names = FALSE,
            col.names = FALSE)
names_s <- c("mean_x", "sd_x", "cor_xy", "median_y")
out <- NULL
for (s in 1:4) {
  jack <- sapply(1:n, function(i) stat(d, setdiff(1:n, i))[s])
  L <- (n - 1) * (mean(jack) - jack)
  ci <- boot.ci(b, conf = 0.95, type = c("perc", "bca"), index = s, L = L)
  out <- rbind(out, data.frame(statistic = names_s[s], t0 = sprintf("%.17g", b$t0[s]),
    perc_lower = sprintf("%.17g", ci$percent[4]), perc_upper = sprintf("%.17g", ci$percent[5]),
    q7_lower = sprintf("%.17g", quantile(b$t[, s], 0.025, type = 7)),
    q7_upper = sprintf("%.17g", quantile(b$t[, s], 0.975, type = 7)),
    bca_lower = sprintf("%.17g", ci$bca[4]), bca_upper = sprintf("%.17g", ci$bca[5]),
    z0 = sprintf("%.17g", qnorm(sum(b$t[, s] < b$t0[s]) / B)),
    acceleration = sprintf("%.17g", sum(L^3) / (6 * sum(L^2)^1.5))))
}
write.csv(out, "validation/sensitivity/bootstrap_bca/ref_intervals.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "boot", as.character(packageVersion("boot")), "\n")
