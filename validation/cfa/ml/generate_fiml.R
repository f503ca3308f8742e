# Reference values for cikit's CFA with missing = "ml" (FIML), from lavaan::cfa(missing = "ml").
# Run from the worktree root: Rscript validation/cfa/ml/generate_fiml.R
# Writes validation/cfa/ml/bfi5_fiml/: data.csv (all 2800 rows of the 25 bfi items, NA kept),
# model.csv, ref_fit_ml.csv, ref_est_ml.csv (BFGS to reltol 1e-16 and the default stop as
# ref_*_default.csv).
suppressPackageStartupMessages({ library(lavaan); library(psychTools) })
options(digits = 17)
dir <- "validation/cfa/ml/bfi5_fiml"
dir.create(dir, showWarnings = FALSE)
data(bfi, package = "psychTools")
items <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5), paste0("N", 1:5), paste0("O", 1:5))
d <- bfi[, items]
write.csv(d, file.path(dir, "data.csv"), row.names = FALSE, na = "")
rows <- do.call(rbind, lapply(c("A", "C", "E", "N", "O"), function(f)
  data.frame(lhs = paste0(f, "f"), op = "=~", rhs = paste0(f, 1:5))))
write.csv(rows, file.path(dir, "model.csv"), row.names = FALSE)
syntax <- paste(with(rows, paste(lhs, op, rhs)), collapse = "\n")
for (tight in c(TRUE, FALSE)) {
  sfx <- if (tight) "" else "_default"
  fit <- if (tight) cfa(syntax, data = d, missing = "ml", optim.method = "BFGS",
                        control = list(reltol = 1e-16, maxit = 1e5)) else cfa(syntax, data = d, missing = "ml")
  stopifnot(lavInspect(fit, "converged"))
  fm <- fitMeasures(fit)
  write.csv(data.frame(measure = names(fm), value = as.numeric(fm)), file.path(dir, paste0("ref_fit_ml", sfx, ".csv")),
            row.names = FALSE)
  pe <- parameterEstimates(fit, standardized = TRUE)
  write.csv(pe[, c("lhs", "op", "rhs", "est", "se", "z", "pvalue", "std.lv", "std.all")],
            file.path(dir, paste0("ref_est_ml", sfx, ".csv")), row.names = FALSE)
  if (tight) cat("fmin", sprintf("%.15g", fm[["fmin"]]), "\n")
}
print(lavInspect(fit, "options")[c("information", "h1.information", "se", "test", "meanstructure")])
