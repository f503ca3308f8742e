# Reference values for cikit's robust FIML (estimator = "MLR", missing = "ml") and a held-out
# incomplete-data case, from lavaan 0.6-14 cfa().
# Run from the worktree root: Rscript validation/cfa/ml/generate_fiml_mlr.R
# Writes
#  validation/cfa/ml/bfi5_fiml/ref_{fit,est}_mlr{,_default}.csv  (bfi, 2800 x 25, 5 factors);
#  validation/cfa/ml/hs3_fiml_holdout/: HolzingerSwineford1939 x1..x9 (301 x 9) with 12% of the
#    cells set missing completely at random (set.seed(15), rows keep >= 1 value), the 3-factor
#    model; ref_{fit,est}_{ml,mlr}{,_default}.csv. Held out of the tuning loop.
# Tight references: BFGS with reltol = 1e-16 (lavaan's GN does not handle missing = "ml") and
# the EM of the saturated model run to em.h1.tol = 1e-12 (lavaan's default 1e-5 leaves the EM
# moments ~1e-6 from the MLE on the small HS case, which moves SRMR and the FIML-corrected robust
# indices, both linear in those moments, by up to 1e-5); "_default": lavaan's defaults
# (kept if already written: they do not change).
suppressPackageStartupMessages({ library(lavaan); library(psychTools) })
options(digits = 17)
write_refs <- function(dir, syntax, d, est) {
  for (tight in c(TRUE, FALSE)) {
    sfx <- if (tight) "" else "_default"
    if (!tight && file.exists(file.path(dir, paste0("ref_fit_", tolower(est), sfx, ".csv")))) next
    t0 <- proc.time()[["elapsed"]]
    fit <- if (tight) cfa(syntax, data = d, missing = "ml", estimator = est, optim.method = "BFGS",
                          control = list(reltol = 1e-16, maxit = 1e5), em.h1.tol = 1e-12,
                          em.h1.iter.max = 1e5) else
             cfa(syntax, data = d, missing = "ml", estimator = est)
    cat(dir, est, sfx, "seconds", proc.time()[["elapsed"]] - t0, "\n")
    stopifnot(lavInspect(fit, "converged"))
    e <- tolower(est)
    pe <- parameterEstimates(fit, standardized = TRUE)
    write.csv(pe[, c("lhs", "op", "rhs", "est", "se", "z", "pvalue", "std.lv", "std.all")],
              file.path(dir, paste0("ref_est_", e, sfx, ".csv")), row.names = FALSE)
    fm <- fitMeasures(fit)  # with missing = "ml" this refits for the FIML-corrected robust indices
    write.csv(data.frame(measure = names(fm), value = as.numeric(fm)),
              file.path(dir, paste0("ref_fit_", e, sfx, ".csv")), row.names = FALSE)
    if (tight) cat("fmin", sprintf("%.15g", fm[["fmin"]]), "\n")
  }
  if (exists("fit")) print(lavInspect(fit, "options")[c("information", "h1.information", "observed.information", "se", "test",
                                     "information.meat", "h1.information.meat")])
}
only_bfi <- identical(Sys.getenv("ONLY_BFI"), "1")  # rerun the bfi MLR references alone
# held-out small case first (fast)
dir <- "validation/cfa/ml/hs3_fiml_holdout"
dir.create(dir, showWarnings = FALSE)
hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
set.seed(15)
miss <- matrix(runif(nrow(hs) * ncol(hs)) < 0.12, nrow(hs))
hs[miss] <- NA
hs <- hs[rowSums(!is.na(hs)) > 0, ]
write.csv(hs, file.path(dir, "data.csv"), row.names = FALSE, na = "")
rows <- data.frame(lhs = rep(c("visual", "textual", "speed"), each = 3), op = "=~", rhs = paste0("x", 1:9))
write.csv(rows, file.path(dir, "model.csv"), row.names = FALSE)
syntax <- paste(with(rows, paste(lhs, op, rhs)), collapse = "\n")
if (!only_bfi) {
  write_refs(dir, syntax, hs, "ML")
  write_refs(dir, syntax, hs, "MLR")
}
# bfi, MLR (the ML references are written by generate_fiml.R)
dir <- "validation/cfa/ml/bfi5_fiml"
d <- read.csv(file.path(dir, "data.csv"))
rows <- read.csv(file.path(dir, "model.csv"))
syntax <- paste(with(rows, paste(lhs, op, rhs)), collapse = "\n")
write_refs(dir, syntax, d, "MLR")
