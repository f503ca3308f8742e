# Reference values for cikit minres factor analysis (methods/validity/fa).
# Run from the worktree root: Rscript validation/validity/fa/generate.R
# Two references per case and m:
#   psych_*  = psych::fa(R, m, fm = "minres", rotate = ...) as returned (optim L-BFGS-B with
#              psych's default factr = 1e7: stops before full convergence);
#   tight_*  = psych's own objective/gradient (copied in common.R) re-optimised from psych's
#              solution to factr = 1, pgtol = 0, then psych's sign/rotation/order steps.
source("validation/validity/common.R")
cs <- cases()
for (nm in names(cs)) {
  R <- cor(cs[[nm]], use = "pairwise")
  p <- ncol(R)
  for (m in 1:min(3, p - 2)) {
    key <- paste0(nm, "#", m)
    for (rot in c("none", "varimax")) {
      if (m == 1 && rot == "varimax") next
      f <- suppressWarnings(fa(R, m, fm = "minres", rotate = rot, warnings = FALSE))
      t <- suppressWarnings(fa_tight(R, m, rot))
      put(key, paste0("psych_loadings_", rot), unclass(f$loadings))
      put(key, paste0("tight_loadings_", rot), t$loadings)
      if (rot == "none") {
        put(key, "psych_communality", f$communality)
        put(key, "psych_psi", 1 - f$communalities)
        put(key, "tight_communality", t$communality)
        put(key, "tight_psi", t$psi)
        put_scalar(key, "tight_objective", t$objective)
        put_scalar(key, "tight_gradient", t$grad)
        put_scalar(key, "tight_fp_iterations", t$fp_iter)
        put_scalar(key, "psych_objective", f$fit.off * 0 + fit.residuals(1 - f$communalities, R, m))
        put_scalar(key, "dof", f$dof)
      } else {
        put(key, "psych_ss_loadings", f$Vaccounted[1, ])
      }
    }
  }
}
write_ref("validation/validity/fa/ref_fa.csv")
cat(R.version.string, " psych", as.character(packageVersion("psych")), "\n")

# A Heywood case (one factor, r12 r13 / r23 = 1.62 > 1): psych bounds psi_1 at 0.005.
H <- matrix(c(1, .9, .9, .3, .9, 1, .5, .2, .9, .5, 1, .25, .3, .2, .25, 1), 4, 4)
f <- suppressWarnings(fa(H, 1, fm = "minres", rotate = "none", warnings = FALSE))
t <- fa_tight(H, 1)
put("heywood#1", "psych_loadings_none", unclass(f$loadings))
put("heywood#1", "psych_psi", 1 - f$communalities)
put("heywood#1", "tight_loadings_none", t$loadings)
put("heywood#1", "tight_psi", t$psi)
write_ref("validation/validity/fa/ref_heywood.csv")
