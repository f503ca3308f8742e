# Reference values for the panel family (methods/panel), written from the formulas in
# docs/methods.md "Panel data" in plain R (COINr is not installed on the build machine; its
# purse normalisation with global = TRUE is the pooled case below).
# Run: Rscript generate.R   (writes panel_data.csv and ref_*.csv next to this script)
# Cases (spec files case*.yaml in this folder):
#   1 pooled:    min-max constants over all periods stacked; entropy weights (min-max variant)
#                node by node on the stacked normalised panel (全局熵值法)
#   2 reference: min-max constants of 2021 applied to every period (not clipped); entropy weights
#                from 2021's normalised rows
#   3 reference: z-scores with 2021's mean and sd (n - 1); equal weights
# Trends (case 1 index): lm(score ~ year) slope, se, p, R^2; change; CAGR.
set.seed(20221219)
units <- sprintf("u%02d", 1:10)
years <- 2019:2022
d <- expand.grid(unit = units, year = years, stringsAsFactors = FALSE)
lvl <- rep(rnorm(10), times = 4)
g <- rep(runif(10, 0, 0.5), times = 4)
k <- d$year - 2019
d$x1 <- round(50 + 10 * lvl + 5 * g * k + rnorm(40, 0, 3), 2)
d$x2 <- round(20 - 3 * lvl - 2 * g * k + rnorm(40, 0, 1.5), 2)   # direction "-"
d$x3 <- round(exp(1 + 0.3 * lvl + 0.1 * g * k + rnorm(40, 0, 0.1)), 3)
d$x4 <- round(70 + 6 * lvl + 4 * g * k + rnorm(40, 0, 4), 2)
d <- d[order(d$year, d$unit), ]
write.csv(d[, c("unit", "year", "x1", "x2", "x3", "x4")], "panel_data.csv", row.names = FALSE, quote = FALSE)

ind <- c("x1", "x2", "x3", "x4"); neg <- c(FALSE, TRUE, FALSE, FALSE)
minmax_fixed <- function(x, lo, hi, negative) if (negative) 100 * (hi - x) / (hi - lo) else 100 * (x - lo) / (hi - lo)
entropy_mm <- function(m) {  # min-max variant: z = (x - min)/(max - min); p = z / sum z; 0 ln 0 = 0
  z <- apply(m, 2, function(v) (v - min(v)) / (max(v) - min(v)))
  p <- sweep(z, 2, colSums(z), "/")
  e <- apply(p, 2, function(q) -sum(ifelse(q > 0, q * log(q), 0)) / log(nrow(m)))
  (1 - e) / sum(1 - e)
}
build <- function(nrm, fit_rows, weights) {
  if (weights == "entropy") {
    wa <- entropy_mm(nrm[fit_rows, c("x1", "x2")]); wb <- entropy_mm(nrm[fit_rows, c("x3", "x4")])
  } else { wa <- c(0.5, 0.5); wb <- c(0.5, 0.5) }
  A <- as.vector(as.matrix(nrm[, c("x1", "x2")]) %*% wa); B <- as.vector(as.matrix(nrm[, c("x3", "x4")]) %*% wb)
  wr <- if (weights == "entropy") entropy_mm(cbind(A, B)[fit_rows, ]) else c(0.5, 0.5)
  list(scores = data.frame(period = d$year, unit = d$unit, nrm, A = A, B = B, index = wr[1] * A + wr[2] * B),
       weights = data.frame(node = c("x1", "x2", "x3", "x4", "A", "B"), local = c(wa, wb, wr)))
}
out <- function(res, case) {
  s <- res$scores; s[, -(1:2)] <- lapply(s[, -(1:2)], function(v) sprintf("%.17g", v))
  write.csv(s, sprintf("ref_scores_case%d.csv", case), row.names = FALSE, quote = FALSE)
  w <- res$weights; w$local <- sprintf("%.17g", w$local)
  write.csv(w, sprintf("ref_weights_case%d.csv", case), row.names = FALSE, quote = FALSE)
}
# Case 1: pooled
n1 <- as.data.frame(sapply(seq_along(ind), function(j) minmax_fixed(d[[ind[j]]], min(d[[ind[j]]]), max(d[[ind[j]]]), neg[j])))
names(n1) <- ind
r1 <- build(n1, rep(TRUE, nrow(d)), "entropy"); out(r1, 1)
# Case 2: reference 2021 (min-max), weights from 2021
ref <- d$year == 2021
n2 <- as.data.frame(sapply(seq_along(ind), function(j) minmax_fixed(d[[ind[j]]], min(d[[ind[j]]][ref]), max(d[[ind[j]]][ref]), neg[j])))
names(n2) <- ind
out(build(n2, ref, "entropy"), 2)
# Case 3: reference 2021 z-scores, equal weights
n3 <- as.data.frame(sapply(seq_along(ind), function(j) {
  m <- mean(d[[ind[j]]][ref]); s <- sd(d[[ind[j]]][ref]); if (neg[j]) (m - d[[ind[j]]]) / s else (d[[ind[j]]] - m) / s }))
names(n3) <- ind
out(build(n3, ref, "equal"), 3)
# Trends of case 1's index: lm per unit, change and CAGR between 2019 and 2022.
s <- r1$scores
tr <- do.call(rbind, lapply(units, function(u) {
  su <- s[s$unit == u, ]; f <- summary(lm(index ~ period, data = su)); co <- f$coefficients
  first <- su$index[su$period == 2019]; last <- su$index[su$period == 2022]
  data.frame(unit = u, change = sprintf("%.17g", last - first),
             cagr = if (first > 0 && last > 0) sprintf("%.17g", (last / first)^(1 / 3) - 1) else "NA",
             slope = sprintf("%.17g", co[2, 1]), intercept = sprintf("%.17g", co[1, 1]),
             se = sprintf("%.17g", co[2, 2]), p = sprintf("%.17g", co[2, 4]), r2 = sprintf("%.17g", f$r.squared))
}))
write.csv(tr, "ref_trends_case1.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "\n")
