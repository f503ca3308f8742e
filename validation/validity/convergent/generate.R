# Reference values for cikit convergent/discriminant validity (methods/validity/convergent).
# Run from the worktree root: Rscript validation/validity/convergent/generate.R
# Blocks = first-level dimensions of each spec; indicators direction-corrected (common.R).
#   loadings/CR/AVE: one-factor minres per block, converged (common.R fa_tight);
#   htmt/htmt2: semTools::htmt(sample.cov = pairwise R) and the base-R formula;
#   *_listwise: semTools::htmt(data, missing = "listwise") (lavaan::lavCor);
#   score_cor: Pearson r (pairwise) of the per-unit mean of available z-scores per block.
source("validation/validity/common.R")
suppressPackageStartupMessages(library(semTools))

htmt_base <- function(R, blocks, geometric) {
  A <- abs(R)
  mfun <- if (geometric) function(v) exp(mean(log(v))) else mean
  mono <- sapply(blocks, function(b) { s <- A[b, b]; mfun(s[upper.tri(s)]) })
  nb <- length(blocks); H <- diag(nb)
  for (f in 1:nb) for (g in 1:nb) if (f != g)
    H[f, g] <- mfun(as.vector(A[blocks[[f]], blocks[[g]]])) / sqrt(mono[f] * mono[g])
  H
}
model_of <- function(X, blocks) paste(sapply(names(blocks), function(b)
  paste0(b, " =~ ", paste(colnames(X)[blocks[[b]]], collapse = " + "))), collapse = "\n")

for (nm in names(datasets)) {
  cs <- load_case(datasets[[nm]])
  X <- cs$X; blocks <- cs$blocks
  R <- cor(X, use = "pairwise")
  for (b in names(blocks)) {
    l <- fa_tight(R[blocks[[b]], blocks[[b]]], 1)$loadings[, 1]
    put(paste0(nm, "/", b), "loadings", l)
    put_scalar(paste0(nm, "/", b), "cr", sum(l)^2 / (sum(l)^2 + sum(1 - l^2)))
    put_scalar(paste0(nm, "/", b), "ave", mean(l^2))
  }
  put(nm, "htmt_base", htmt_base(R, blocks, FALSE))
  put(nm, "htmt2_base", htmt_base(R, blocks, TRUE))
  mod <- model_of(X, blocks)
  put(nm, "htmt_semtools", semTools::htmt(mod, sample.cov = R, htmt2 = FALSE))
  put(nm, "htmt2_semtools", semTools::htmt(mod, sample.cov = R, htmt2 = TRUE))
  df <- as.data.frame(X)
  # lavCor stops for governance (35 complete rows < 56 indicators): listwise only for sims.
  if (nm != "governance")
    put(nm, "htmt_semtools_listwise", semTools::htmt(mod, data = df, missing = "listwise", htmt2 = FALSE))
  Z <- scale(X)
  S <- sapply(blocks, function(b) rowMeans(Z[, b, drop = FALSE], na.rm = TRUE))
  S[is.nan(S)] <- NA
  put(nm, "score_cor", cor(S, use = "pairwise"))
}
write_ref("validation/validity/convergent/ref_convergent.csv")
cat(R.version.string, " psych", as.character(packageVersion("psych")), " semTools",
    as.character(packageVersion("semTools")), " lavaan", as.character(packageVersion("lavaan")), "\n")
