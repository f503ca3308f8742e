#!/usr/bin/env Rscript
# Reference values for methods/aggregate/vikor, base R 4.2, written from Opricovic & Tzeng (2004)
# eqs. (1)-(5): S, R, Q for v = 0.5 and v = 0.25 on the 13 complete units of ../mcda_input.R
# (c2, c5 cost), and the compromise set (1/0) from conditions C1 (DQ = 1/(J-1)) and C2.
# Writes ref_vikor.csv.   Regenerate: Rscript validation/aggregate/vikor/generate.R
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
fstar <- ifelse(cost, apply(xc, 2, min), apply(xc, 2, max))
fminus <- ifelse(cost, apply(xc, 2, max), apply(xc, 2, min))
terms <- sweep(sweep(-sweep(xc, 2, fstar), 2, fstar - fminus, "/"), 2, w, "*")  # w (f* - f)/(f* - f-)
S <- rowSums(terms); R <- apply(terms, 1, max)
vik <- function(v) {
  Q <- v * (S - min(S)) / (max(S) - min(S)) + (1 - v) * (R - min(R)) / (max(R) - min(R))
  o <- order(Q); J <- length(Q); DQ <- 1 / (J - 1)
  c1 <- Q[o[2]] - Q[o[1]] >= DQ
  c2 <- S[o[1]] == min(S) || R[o[1]] == min(R)
  comp <- rep(0, J); comp[o[1]] <- 1
  if (!c1) comp[Q - Q[o[1]] < DQ] <- 1 else if (!c2) comp[o[2]] <- 1
  list(Q = Q, comp = comp, c1 = c1, c2 = c2)
}
a <- vik(0.5); b <- vik(0.25)
write_ref(data.frame(s = full(S), r = full(R), q_05 = full(a$Q), compromise_05 = full(a$comp),
                     q_025 = full(b$Q), compromise_025 = full(b$comp)), "ref_vikor.csv")
cat("C1/C2 v=0.5:", a$c1, a$c2, " v=0.25:", b$c1, b$c2, "\n")
cat(R.version.string, "\n")
