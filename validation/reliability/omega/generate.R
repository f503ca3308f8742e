# Reference values for cikit omega (methods/reliability/omega).
# Run from the worktree root: Rscript validation/reliability/omega/generate.R
#   psych_* = psych::omega(R, nfactors, fm = "minres", rotate = "oblimin") as returned;
#   tight_* = the same steps (psych schmid.R / omega.R formulas, transcribed below) on the
#             converged minres solutions of common.R's fa_tight (see validation/validity/fa).
source("validation/validity/common.R")

omega_tight <- function(R, m) {
  orth <- fa_tight(R, m, "varimax")$loadings
  ob <- GPArotation::oblimin(orth)
  fload <- unclass(ob$loadings); Phi <- ob$Phi
  if (m > 2) {
    gload <- fa_tight(Phi, 1)$loadings[, 1]
  } else {
    gload <- c(sqrt(abs(Phi[1, 2])), sign(Phi[1, 2]) * sqrt(abs(Phi[1, 2])))
  }
  g <- drop(fload %*% gload)
  h2 <- rowSums(orth^2); u2 <- 1 - h2
  uniq <- 1 - fload^2
  prime <- fload %*% diag(gload)
  uniq2 <- 1 - uniq - prime^2; uniq2[uniq2 < 0] <- 0
  s <- sign(fload) * sqrt(uniq2)
  key <- sign(g); key[key == 0] <- 1
  if (sum(key) < ncol(R)) { R <- diag(key) %*% R %*% diag(key); g <- g * key; s <- diag(key) %*% s }
  Vt <- sum(R); p <- ncol(R)
  sub <- apply(s, 1, function(x) which.max(abs(x)))
  grp <- sapply(1:m, function(f) { i <- which(sub == f); if (length(i) == 0) return(c(0, 0, 0))
    Vf <- sum(R[i, i]); c((sum(s[i, f])^2 + sum(g[i])^2) / Vf, sum(g[i])^2 / Vf, sum(s[i, f])^2 / Vf) })
  list(g = g, s = s, h2 = h2, u2 = u2, phi = Phi, gload = gload, key = key,
       omega_h = sum(g)^2 / Vt, omega_t = (Vt - sum(u2)) / Vt, omega_lim = sum(g)^2 / (Vt - sum(u2)),
       alpha = (Vt - sum(diag(R))) / Vt * p / (p - 1), ecv = sum(g^2) / (sum(g^2) + sum(s^2)),
       group = grp)
}

cs <- cases()
for (nm in names(cs)) {
  R <- cor(cs[[nm]], use = "pairwise")
  p <- ncol(R)
  if (p < 3) next
  # One factor: both denominators.
  t1 <- fa_tight(R, 1)
  l <- t1$loadings[, 1]
  put(nm, "one_loadings", l)
  put_scalar(nm, "one_omega_model", sum(l)^2 / (sum(l)^2 + sum(1 - l^2)))
  put_scalar(nm, "one_omega_observed", 1 - sum(1 - l^2) / sum(R))
  o1 <- suppressMessages(suppressWarnings(omega(R, nfactors = 1, plot = FALSE)))
  put_scalar(nm, "psych_one_omega_tot", o1$omega.tot)
  if (p < 8) next
  for (m in 2:3) {
    key <- paste0(nm, "#", m)
    o <- suppressMessages(suppressWarnings(omega(R, nfactors = m, plot = FALSE)))
    t <- omega_tight(R, m)
    put_scalar(key, "psych_omega_h", o$omega_h)
    put_scalar(key, "psych_omega_tot", o$omega.tot)
    put_scalar(key, "psych_alpha", o$alpha)
    put(key, "psych_g", o$schmid$sl[, 1])
    put(key, "psych_group", o$schmid$sl[, 2:(m + 1)])
    put_scalar(key, "tight_omega_h", t$omega_h)
    put_scalar(key, "tight_omega_tot", t$omega_t)
    put_scalar(key, "tight_omega_lim", t$omega_lim)
    put_scalar(key, "tight_alpha", t$alpha)
    put_scalar(key, "tight_ecv", t$ecv)
    put(key, "tight_g", t$g)
    put(key, "tight_group", t$s)
    put(key, "tight_h2", t$h2)
    put(key, "tight_phi", t$phi)
    put(key, "tight_gload", t$gload)
    put(key, "tight_key", t$key)
    put(key, "tight_omega_group", t(t$group))  # m x 3: total, general, group
  }
}
write_ref("validation/reliability/omega/ref_omega.csv")
cat(R.version.string, " psych", as.character(packageVersion("psych")), " GPArotation",
    as.character(packageVersion("GPArotation")), "\n")
