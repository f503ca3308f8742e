# lavaan references for the parcel CFA of the governance example (validation/cfa/ml/governance.sh
# writes input.csv = cikit's cfa_observed.csv and model.csv). Uses the functions of generate.R
# (write_case, tight_fit, ...) without running its cases. Run from the worktree root.
suppressPackageStartupMessages({ library(lavaan) })
options(digits = 17)
for (e in parse("validation/cfa/ml/generate.R")) {
  if (is.call(e) && identical(e[[1]], as.name("<-")) &&
      (identical(e[[2]], as.name("out_dir")) || (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function")))))
    eval(e, globalenv())
}
for (case in c("gov_parcels", "gov_parcels_second")) {
  dir <- file.path(out_dir, case)
  input <- read.csv(file.path(dir, "input.csv"), check.names = FALSE)
  model <- read.csv(file.path(dir, "model.csv"), stringsAsFactors = FALSE)
  data <- input[, setdiff(names(input), names(input)[1]), drop = FALSE]
  write_case(case, data, model, estimators = if (case == "gov_parcels") c("ml", "mlr") else "ml")
}
writeLines(c(paste("R", getRversion()), paste("lavaan", packageVersion("lavaan"))),
           file.path(out_dir, "versions_governance.txt"))
