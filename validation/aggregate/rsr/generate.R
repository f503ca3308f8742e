#!/usr/bin/env Rscript
# Reference values for methods/aggregate/rsr (rank-sum ratio), base R 4.2, written from Tian
# (1988) and the textbook convention (孙振球《医学统计学》): integer ranks rank(ties = "average")
# with the best value ranked n (cost criteria reversed), non-integer ranks 1 + (n-1)(x-min)/(max-min);
# WRSR = sum_j w_j R_ij / n; distinct RSR values with average rank Rbar, p = Rbar/n (last
# 1 - 1/(4n)), probit = 5 + qnorm(p); lm(RSR ~ probit) over the distinct values; tiers from the
# probit cut-offs (3 tiers: 4, 6; 5 tiers: 3.2, 4.4, 5.6, 6.8), tier 1 = best.
# Input ../mcda_input.R (13 complete units, c2 and c5 cost). Writes ref_rsr.csv and ref_rsr_fit.csv.
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
k <- nrow(xc)
rsr <- function(integer, cuts) {
  R <- if (integer) sapply(1:ncol(xc), function(j) rank(if (cost[j]) -xc[, j] else xc[, j], ties.method = "average"))
       else 1 + (k - 1) * oriented01(xc)
  v <- as.vector(R %*% w) / k
  u <- sort(unique(v)); f <- as.vector(table(factor(v, levels = u))); cf <- cumsum(f)
  rbar <- cf - f + (f + 1) / 2
  p <- rbar / k; p[length(p)] <- 1 - 1 / (4 * k)
  pr <- 5 + qnorm(p)
  fit <- lm(u ~ pr)
  probit <- pr[match(v, u)]
  tier <- 1 + sapply(probit, function(z) sum(z < cuts))
  list(rsr = v, probit = probit, fitted = as.vector(predict(fit, data.frame(pr = probit))), tier = tier,
       coef = coef(fit), r2 = summary(fit)$r.squared)
}
a <- rsr(TRUE, c(4, 6)); b <- rsr(FALSE, c(3.2, 4.4, 5.6, 6.8))
write_ref(data.frame(int_rsr = full(a$rsr), int_probit = full(a$probit), int_fitted = full(a$fitted), int_tier3 = full(a$tier),
                     nonint_rsr = full(b$rsr), nonint_probit = full(b$probit), nonint_fitted = full(b$fitted),
                     nonint_tier5 = full(b$tier)), "ref_rsr.csv")
fit <- data.frame(case = c("integer", "noninteger"), intercept = fmt17(c(a$coef[1], b$coef[1])),
                  slope = fmt17(c(a$coef[2], b$coef[2])), r_squared = fmt17(c(a$r2, b$r2)))
write.csv(fit, file.path(here, "ref_rsr_fit.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
