# Reference values for methods/cfa/fiml.{hpp,cpp} (tests/cfa/fiml_test.cpp) from lavaan 0.6.
# Run from this folder: Rscript generate.R   (R 4.2, lavaan, psychTools from Debian)
suppressMessages({ library(lavaan); library(psychTools) })
options(warn = 1)
fmt <- function(x) sprintf("%.17g", x)

# ---- data ----------------------------------------------------------------------------------
bfi_items <- psychTools::bfi[, 1:25]           # 2800 x 25, items A1..O5 with their NAs
write.csv(bfi_items, "bfi_items.csv", row.names = FALSE, na = "NA")

# small hand-made set: 20 units x 5 variables, several patterns, one entirely missing row,
# a pattern with a single unit, a unit observing one variable only
set.seed(20261206)
f <- rnorm(20)
small <- sapply(1:5, function(k) round(10 + (0.6 + 0.1 * k) * f + rnorm(20, sd = 0.7), 2))
colnames(small) <- paste0("y", 1:5)
mask <- rbind(c(3, 1), c(5, 2), c(5, 3), c(7, 5), c(8, 5), c(9, 5), c(11, 1), c(11, 2),
              c(12, 4), c(13, 1), c(13, 2), c(13, 3), c(13, 4), c(14, 5), c(16, 2), c(16, 3))
small[mask] <- NA
small[18, ] <- NA                               # entirely missing: dropped by lavaan and cikit
write.csv(small, "small.csv", row.names = FALSE, na = "NA")

sets <- list(
  bfi = list(data = bfi_items, model = '
    A =~ A1 + A2 + A3 + A4 + A5
    C =~ C1 + C2 + C3 + C4 + C5
    E =~ E1 + E2 + E3 + E4 + E5
    N =~ N1 + N2 + N3 + N4 + N5
    O =~ O1 + O2 + O3 + O4 + O5'),
  small = list(data = as.data.frame(small), model = 'F =~ y1 + y2 + y3 + y4 + y5'))

loglik_rows <- list(); moment_rows <- list(); grad_rows <- list(); hess_rows <- list()
score_rows <- list()
add <- function(lst, df) c(lst, list(df))
long <- function(set, kind, m) {
  m <- as.matrix(m)
  data.frame(dataset = set, kind = kind, i = as.vector(row(m)), j = as.vector(col(m)),
             value = fmt(as.vector(m)))
}

for (set in names(sets)) {
  d <- sets[[set]]$data
  vars <- colnames(d)
  Y <- as.matrix(d)
  keep <- rowSums(!is.na(Y)) > 0
  Yk <- Y[keep, , drop = FALSE]
  fit <- cfa(sets[[set]]$model, data = d, missing = "ml")
  stopifnot(lavInspect(fit, "converged"))
  fm <- fitMeasures(fit, c("logl", "unrestricted.logl", "ntotal"))
  h1 <- lavInspect(fit, "sampstat.h1")
  imp <- lavInspect(fit, "implied")
  mu_m <- imp$mean[vars]; sigma_m <- imp$cov[vars, vars]
  mu_h1 <- h1$mean[vars]; sigma_h1 <- h1$cov[vars, vars]
  # EM run to (near) machine precision with lavaan's own EM (default tol 1e-5, max.iter 500)
  em <- lavaan:::lav_mvnorm_missing_h1_estimate_moments(Y = Yk, tol = 1e-13, max.iter = 100000L)
  ll_em <- lavaan:::lav_mvnorm_missing_loglik_data(Y = Yk, Mu = em$Mu, Sigma = em$Sigma)
  ll_m <- lavaan:::lav_mvnorm_missing_loglik_data(Y = Yk, Mu = mu_m, Sigma = sigma_m)
  ll_h1 <- lavaan:::lav_mvnorm_missing_loglik_data(Y = Yk, Mu = mu_h1, Sigma = sigma_h1)
  npat <- lavaan:::lav_data_missing_patterns(Yk)$npatterns
  loglik_rows <- add(loglik_rows, data.frame(dataset = set,
    quantity = c("fit_logl", "fit_unrestricted_logl", "loglik_model_moments",
                 "loglik_h1_lavaan_default", "loglik_em_tight", "ntotal", "n_rows", "n_patterns"),
    value = fmt(c(fm[["logl"]], fm[["unrestricted.logl"]], ll_m, ll_h1, ll_em,
                  fm[["ntotal"]], nrow(Y), npat))))
  moment_rows <- add(moment_rows, long(set, "model_mu", mu_m))
  moment_rows <- add(moment_rows, long(set, "model_sigma", sigma_m))
  moment_rows <- add(moment_rows, long(set, "h1_lavaan_default_mu", mu_h1))
  moment_rows <- add(moment_rows, long(set, "h1_lavaan_default_sigma", sigma_h1))
  moment_rows <- add(moment_rows, long(set, "em_tight_mu", em$Mu))
  moment_rows <- add(moment_rows, long(set, "em_tight_sigma", em$Sigma))
  # gradients at the model-implied moments
  g_mu <- lavaan:::lav_mvnorm_missing_dlogl_dmu(Y = Yk, Mu = mu_m, Sigma = sigma_m)
  g_S <- lavaan:::lav_mvnorm_missing_dlogl_dSigma(Y = Yk, Mu = mu_m, Sigma = sigma_m)
  g_v <- lavaan:::lav_mvnorm_missing_dlogl_dvechSigma(Y = Yk, Mu = mu_m, Sigma = sigma_m)
  grad_rows <- add(grad_rows, long(set, "d_mu", g_mu))
  grad_rows <- add(grad_rows, long(set, "d_sigma", g_S))
  grad_rows <- add(grad_rows, long(set, "d_vech_sigma", g_v))
  # Hessian wrt (mu, vech Sigma) at the model-implied moments
  Mp <- lavaan:::lav_data_missing_patterns(Yk)
  Yp <- lavaan:::lav_samplestats_missing_patterns(Y = Yk, Mp = Mp)
  H <- lavaan:::lav_mvnorm_missing_logl_hessian_samplestats(Yp = Yp, Mu = mu_m, Sigma = sigma_m)
  hl <- long(set, "hessian", H)
  if (set == "bfi") hl <- hl[hl$i %in% seq(1, nrow(H), by = 25), ]   # 14 full rows of 350
  hess_rows <- add(hess_rows, hl)
  # casewise scores (rows = units in input order, empty rows dropped)
  SC <- lavaan:::lav_mvnorm_missing_scores_mu_vech_sigma(Y = Yk, Mu = mu_m, Sigma = sigma_m)
  unit_row <- which(keep)
  sel <- seq_len(nrow(SC))
  if (set == "bfi") {
    miss <- which(rowSums(is.na(Yk)) > 0)
    sel <- sort(c(1:3, miss[1:7]))
  }
  sl <- long(set, "scores", SC[sel, , drop = FALSE])
  sl$i <- unit_row[sel][sl$i]                  # 1-based input row
  score_rows <- add(score_rows, sl)
  score_rows <- add(score_rows, long(set, "scores_colsum", colSums(SC)))
}
write.csv(do.call(rbind, loglik_rows), "ref_loglik.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, moment_rows), "ref_moments.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, grad_rows), "ref_gradient.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, hess_rows), "ref_hessian.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, score_rows), "ref_scores.csv", row.names = FALSE, quote = FALSE)
cat("lavaan", as.character(packageVersion("lavaan")), "psychTools",
    as.character(packageVersion("psychTools")), R.version.string, "\n")
