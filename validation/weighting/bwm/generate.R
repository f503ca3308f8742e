# Reference Best-Worst Method results for tests/weighting/bwm_test.cpp, computed independently of
# cikit with R's lpSolve (Debian r-cran-lpsolve 5.6.18):
#  - linear model (Rezaei 2016): min xi s.t. |w_B - a_Bj w_j| <= xi, |w_j - a_jW w_W| <= xi,
#    sum w = 1, w >= 0 (variables w_1..w_n, xi);
#  - nonlinear model (Rezaei 2015) xi*: bisection on xi (60 halvings) over the feasibility of
#    w_B - (a_Bj + xi) w_j <= 0, (a_Bj - xi) w_j - w_B <= 0 (and the same with a_jW, w_W),
#    sum w = 1, w >= 0.
# Run from the repository root: Rscript validation/weighting/bwm/generate.R
suppressPackageStartupMessages(library(lpSolve))
out <- "validation/weighting/bwm"

linear <- function(ab, aw, B, W) {
  n <- length(ab); A <- NULL
  for (j in seq_len(n)) {
    if (j != B) { r <- rep(0, n + 1); r[B] <- 1; r[j] <- r[j] - ab[j]; r[n + 1] <- -1; A <- rbind(A, r)
                  r <- -r; r[n + 1] <- -1; A <- rbind(A, r) }
    if (j != W) { r <- rep(0, n + 1); r[j] <- 1; r[W] <- r[W] - aw[j]; r[n + 1] <- -1; A <- rbind(A, r)
                  r <- -r; r[n + 1] <- -1; A <- rbind(A, r) }
  }
  A <- rbind(A, c(rep(1, n), 0))
  res <- lp("min", c(rep(0, n), 1), A, c(rep("<=", nrow(A) - 1), "="), c(rep(0, nrow(A) - 1), 1))
  stopifnot(res$status == 0)
  res$solution
}
feasible <- function(ab, aw, B, W, xi) {
  n <- length(ab); A <- NULL
  for (j in seq_len(n)) {
    if (j != B) { r <- rep(0, n); r[B] <- 1; r[j] <- r[j] - (ab[j] + xi); A <- rbind(A, r)
                  r <- rep(0, n); r[B] <- -1; r[j] <- r[j] + (ab[j] - xi); A <- rbind(A, r) }
    if (j != W) { r <- rep(0, n); r[j] <- 1; r[W] <- r[W] - (aw[j] + xi); A <- rbind(A, r)
                  r <- rep(0, n); r[j] <- -1; r[W] <- r[W] + (aw[j] - xi); A <- rbind(A, r) }
  }
  A <- rbind(A, rep(1, n))
  lp("min", rep(0, n), A, c(rep("<=", nrow(A) - 1), "="), c(rep(0, nrow(A) - 1), 1))$status == 0
}
xi_star <- function(ab, aw, B, W) {
  lo <- 0; hi <- max(c(ab, aw))
  if (feasible(ab, aw, B, W, 0)) return(0)
  for (i in 1:60) { mid <- (lo + hi) / 2; if (feasible(ab, aw, B, W, mid)) hi <- mid else lo <- mid }
  hi
}
cases <- list(
  # car-selection-like example (quality, price, comfort, safety, style; best price, worst style)
  car = list(ab = c(2, 1, 4, 2, 8), aw = c(4, 8, 4, 4, 1), B = 2, W = 5),
  consistent = list(ab = c(1, 2, 4), aw = c(4, 2, 1), B = 1, W = 3),
  six = list(ab = c(3, 1, 5, 2, 9, 4), aw = c(3, 9, 2, 5, 1, 3), B = 2, W = 5),
  # the car-selection vectors as given in the documentation example of the R package
  # jakub-tomczak/BWM (quality, price, comfort, safety, style), which implements Rezaei (2016)
  car_doc = list(ab = c(2, 1, 4, 2, 8), aw = c(4, 8, 2, 4, 1), B = 2, W = 5),
  # held out of tuning (added after the C++ passed the three above)
  held_out = list(ab = c(1, 3, 7, 2), aw = c(7, 3, 1, 5), B = 1, W = 3)
)
rows <- NULL
for (nm in names(cases)) {
  cs <- cases[[nm]]
  s <- linear(cs$ab, cs$aw, cs$B, cs$W)
  n <- length(cs$ab)
  rows <- rbind(rows, data.frame(case = nm, n = n, best = cs$B, worst = cs$W,
                                 ab = paste(cs$ab, collapse = " "), aw = paste(cs$aw, collapse = " "),
                                 weights = paste(sprintf("%.15g", s[1:n]), collapse = " "),
                                 xi_linear = s[n + 1], xi_star = xi_star(cs$ab, cs$aw, cs$B, cs$W)))
}
write.csv(rows, file.path(out, "ref_bwm.csv"), row.names = FALSE)
