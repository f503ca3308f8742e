# Reference values for cikit PCA (methods/validity/pca) and varimax (rotation).
# Run from the worktree root: Rscript validation/validity/pca/generate.R
source("validation/validity/common.R")
cs <- cases()
for (nm in names(cs)) {
  X <- cs[[nm]]
  R <- cor(X, use = "pairwise")
  ev <- eigen(R, symmetric = TRUE)$values
  k <- sum(ev > 1)
  m <- min(max(2, k), ncol(R))
  put_scalar(nm, "kaiser", k)
  put_scalar(nm, "m", m)
  put(nm, "eigenvalues", ev)
  p0 <- principal(R, nfactors = m, rotate = "none")
  put(nm, "loadings", unclass(p0$loadings))
  put(nm, "communalities", p0$communality)
  pv <- principal(R, nfactors = m, rotate = "varimax")
  put(nm, "varimax_psych", unclass(pv$loadings))
  v <- stats::varimax(unclass(p0$loadings))
  put(nm, "varimax_stats", unclass(v$loadings))
  put(nm, "rotmat_stats", v$rotmat)
}
write_ref("validation/validity/pca/ref_pca.csv")

# Correlation matrices with missing values: pairwise and listwise.
X <- load_case(datasets$sim3)$X
put("sim3/all", "cor_pairwise", cor(X, use = "pairwise"))
put("sim3/all", "cor_listwise", cor(X, use = "complete.obs"))
put_scalar("sim3/all", "n_complete", sum(complete.cases(X)))
put("sim3/all", "smc", smc(cor(X, use = "pairwise")))
write_ref("validation/validity/pca/ref_correlation.csv")
cat(R.version.string, " psych", as.character(packageVersion("psych")), "\n")
