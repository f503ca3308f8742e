# Reference values for cikit's CFA (methods/cfa) from lavaan::cfa(), estimators ML and MLR,
# complete data (listwise). Run from the worktree root:
#   Rscript validation/cfa/ml/generate.R
# Writes, per case, validation/cfa/ml/<case>/: data.csv (the complete rows used), model.csv
# (lhs,op,rhs lines of the lavaan model: "F =~ x" with the marker first, "G =~ F" for a
# second-order factor, "a ~~ b" for a residual covariance), and for each estimator E in
# {ml, mlr}: ref_fit_E.csv (every fitMeasures() value), ref_est_E.csv (parameterEstimates
# with std.all), and for ML ref_mi.csv (modindices()). Also ref_rmsea_ci_exact.csv: the RMSEA
# confidence limits solved with uniroot(tol = 1e-13) (lavaan's own use tol 1.2e-4).
# lavaan's default optimiser stop (nlminb rel.tol 1e-10 on the objective) leaves the estimates
# accurate to ~1e-5 only (nlminb cannot be tightened: it reports false convergence), so the
# references are computed with lavaan's own Gauss-Newton optimiser run to a tight stop
# (optim.method = "GN", optim.gn.tol.x = 1e-14; a lower fmin than the default run; or BFGS
# with reltol 1e-16 where GN fails; <case>/optim.txt says which); the
# default-stop results are kept as ref_*_default.csv to show the difference is the stop rule.
suppressPackageStartupMessages({ library(lavaan); library(psych); library(psychTools) })
options(digits = 17)
out_dir <- "validation/cfa/ml"

write_case <- function(name, data, model_rows, estimators = c("ml", "mlr")) {
  dir <- file.path(out_dir, name)
  dir.create(dir, showWarnings = FALSE, recursive = TRUE)
  data <- data[complete.cases(data), , drop = FALSE]
  write.csv(data, file.path(dir, "data.csv"), row.names = FALSE)
  write.csv(model_rows, file.path(dir, "model.csv"), row.names = FALSE)
  syntax <- paste(with(model_rows, paste(lhs, op, rhs)), collapse = "\n")
  for (est in estimators) for (tight in c(TRUE, FALSE)) {
    sfx <- if (tight) "" else "_default"
    fit <- if (tight) tight_fit(syntax, data, est, dir) else cfa(syntax, data = data, estimator = toupper(est))
    stopifnot(lavInspect(fit, "converged"))
    fm <- fitMeasures(fit)
    write.csv(data.frame(measure = names(fm), value = as.numeric(fm)),
              file.path(dir, paste0("ref_fit_", est, sfx, ".csv")), row.names = FALSE)
    pe <- parameterEstimates(fit, standardized = TRUE)
    write.csv(pe[, c("lhs", "op", "rhs", "est", "se", "z", "pvalue", "std.lv", "std.all")],
              file.path(dir, paste0("ref_est_", est, sfx, ".csv")), row.names = FALSE)
    if (est == "ml" && tight) {
      mi <- modindices(fit)
      write.csv(mi[, c("lhs", "op", "rhs", "mi", "epc", "sepc.all")], file.path(dir, "ref_mi.csv"), row.names = FALSE)
      X2 <- fm[["chisq"]]; df <- fm[["df"]]; N <- fm[["ntotal"]]
      lo <- if (pchisq(X2, df, 0) < 0.95) 0 else
        sqrt(uniroot(function(l) pchisq(X2, df, ncp = l) - 0.95, c(0, X2), tol = 1e-13)$root / (N * df))
      up <- if (pchisq(X2, df, 0) < 0.05) 0 else
        sqrt(uniroot(function(l) pchisq(X2, df, ncp = l) - 0.05, c(0, max(N, 4 * X2)), tol = 1e-13)$root / (N * df))
      write.csv(data.frame(lower = lo, upper = up), file.path(dir, "ref_rmsea_ci_exact.csv"), row.names = FALSE)
    }
  }
}

# lavaan's Gauss-Newton to the tightest stop (1e-14, else 1e-13, 1e-12) at which it converges;
# lavaan's GN fails on models with residual covariances: then optim BFGS with reltol 1e-16.
tight_fit <- function(syntax, data, est, dir) {
  for (tol in c(1e-14, 1e-13, 1e-12)) {
    fit <- try(suppressWarnings(cfa(syntax, data = data, estimator = toupper(est), optim.method = "GN",
                                    optim.gn.tol.x = tol, optim.gn.iter.max = 1000)), silent = TRUE)
    if (!inherits(fit, "try-error") && lavInspect(fit, "converged")) {
      cat(est, ": GN optim.gn.tol.x =", tol, "\n", file = file.path(dir, "optim.txt"), append = est != "ml")
      return(fit)
    }
  }
  fit <- cfa(syntax, data = data, estimator = toupper(est), optim.method = "BFGS",
             control = list(reltol = 1e-16, maxit = 1e5))
  stopifnot(lavInspect(fit, "converged"))
  cat(est, ": BFGS reltol = 1e-16\n", file = file.path(dir, "optim.txt"), append = est != "ml")
  fit
}

rows <- function(...) {
  spec <- list(...)
  do.call(rbind, lapply(spec, function(s) data.frame(lhs = s[1], op = s[2], rhs = s[-(1:2)])))
}

hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
hs3 <- rows(c("visual", "=~", "x1", "x2", "x3"), c("textual", "=~", "x4", "x5", "x6"),
            c("speed", "=~", "x7", "x8", "x9"))
write_case("hs3", hs, hs3)
write_case("hs_second", hs, rbind(hs3, rows(c("g", "=~", "visual", "textual", "speed"))))
write_case("hs_rescov", hs, rbind(hs3, rows(c("x7", "~~", "x8"), c("x1", "~~", "x9"))))
# Held out of the tuning loop: written once the code was final, checked once.
write_case("hs2_holdout", hs, rows(c("f1", "=~", "x1", "x2", "x3", "x7", "x8", "x9"),
                                   c("f2", "=~", "x4", "x5", "x6")))
data(bfi, package = "psychTools")
items <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5), paste0("N", 1:5), paste0("O", 1:5))
bfi5 <- rows(c("agree", "=~", paste0("A", 1:5)), c("consc", "=~", paste0("C", 1:5)),
             c("extra", "=~", paste0("E", 1:5)), c("neuro", "=~", paste0("N", 1:5)),
             c("open", "=~", paste0("O", 1:5)))
write_case("bfi5", bfi[, items], bfi5)

writeLines(c(paste("R", getRversion()), paste("lavaan", packageVersion("lavaan")),
             paste("psychTools", packageVersion("psychTools"))), file.path(out_dir, "versions.txt"))
