#!/usr/bin/env Rscript
# Reference values for methods/aggregate/promethee (PROMETHEE II), base R 4.2, written from
# Brans & Vincke (1985): P_j(d) of the six criterion types, pi(a,b) = sum_j w_j P_j(d_j(a,b)),
# phi+ = sum_b pi(a,b)/(n-1), phi- = sum_b pi(b,a)/(n-1), phi = phi+ - phi-.
# Case "mixed": c1 usual; c2 v_shape p = 2; c3 level q = 1, p = 2; c4 linear q = 1, p = 5;
# c5 gaussian s = 1.5. Case "ushape": every criterion u_shape with q = 0.5.
# Input ../mcda_input.R (13 complete units, c2 and c5 cost). Writes ref_promethee.csv.
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
P <- function(type, d, q, p, s) {
  switch(type,
         usual = as.numeric(d > 0),
         u_shape = as.numeric(d > q),
         v_shape = ifelse(d <= 0, 0, ifelse(d <= p, d / p, 1)),
         level = ifelse(d <= q, 0, ifelse(d <= p, 0.5, 1)),
         linear = ifelse(d <= q, 0, ifelse(d <= p, (d - q) / (p - q), 1)),
         gaussian = ifelse(d <= 0, 0, 1 - exp(-d^2 / (2 * s^2))))
}
flows <- function(types, qs, ps, ss) {
  k <- nrow(xc); pi <- matrix(0, k, k)
  for (a in 1:k) for (b in 1:k) if (a != b) for (j in 1:ncol(xc)) {
    d <- xc[a, j] - xc[b, j]; if (cost[j]) d <- -d
    pi[a, b] <- pi[a, b] + w[j] * P(types[j], d, qs[j], ps[j], ss[j])
  }
  list(plus = rowSums(pi) / (k - 1), minus = colSums(pi) / (k - 1))
}
m <- flows(c("usual", "v_shape", "level", "linear", "gaussian"), c(0, 0, 1, 1, 0), c(0, 2, 2, 5, 0), c(0, 0, 0, 0, 1.5))
u <- flows(rep("u_shape", 5), rep(0.5, 5), rep(0, 5), rep(0, 5))
write_ref(data.frame(mixed_phi_plus = full(m$plus), mixed_phi_minus = full(m$minus), mixed_phi = full(m$plus - m$minus),
                     ushape_phi_plus = full(u$plus), ushape_phi_minus = full(u$minus), ushape_phi = full(u$plus - u$minus)),
          "ref_promethee.csv")
cat(R.version.string, "\n")
