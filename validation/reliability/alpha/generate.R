#!/usr/bin/env Rscript
# Reference values for methods/reliability/alpha (alpha(), alpha_from_covariance()) and
# methods/reliability/bootstrap (percentile_interval(), bca_interval()).
# R 4.2.2, psych 2.2.9, boot 1.3-28.1. Run from the worktree root:
#   Rscript validation/reliability/alpha/generate.R
# Inputs: the blocks of validation/reliability/datasets.R (written to ../blocks.csv).
# Outputs (next to this script, %.17g):
#   ref_total.csv       psych::alpha()$total + var.r, Feldt ($feldt), Duhachek (raw ± 1.96 ase), N, k
#   ref_drop.csv        $alpha.drop (alpha se NA where psych omits it)
#   ref_items.csv       $item.stats
#   boot_index_<case>.csv  B x n matrix of 1-based resampled row indices (set.seed), read by the C++ test
#   ref_boot_t_<case>.csv  raw alpha of every resample (alpha.1 on pairwise cov of x[idx, ]) and
#                          the jackknife values
#   ref_boot.csv        t0, type-7 percentile (psych boot.ci) and boot::boot.ci(type = "bca") bounds
#                       given the same t, t0 and L = (n - 1)(mean(jack) - jack)
suppressPackageStartupMessages({ library(psych); library(boot) })
source("validation/reliability/datasets.R")
here <- "validation/reliability/alpha"
write_ref(blocks, "validation/reliability/blocks.csv")

totals <- list(); drops <- list(); items <- list()
run <- function(ds, blk, variant, x, keys, nobs_matrix = NULL) {
  a <- if (is.null(nobs_matrix)) {
    suppressWarnings(psych::alpha(x, keys = if (any(keys < 0)) keys else NULL, check.keys = FALSE,
                                  warnings = FALSE))
  } else {
    suppressWarnings(psych::alpha(cov(x), n.obs = nobs_matrix, warnings = FALSE))
  }
  t <- a$total
  n <- if (is.null(nobs_matrix)) nrow(x) else nobs_matrix
  # psych's matrix path calls alpha.ci(alpha, nsub = nrow(C) = k): a quirk cikit does not copy;
  # the reference uses psych's own alpha.ci with N = n.obs.
  if (!is.null(nobs_matrix)) a$feldt <- psych:::alpha.ci(t$raw_alpha, nobs_matrix, a$nvar)
  totals[[length(totals) + 1]] <<- data.frame(dataset = ds, block = blk, variant = variant,
    k = a$nvar, n_obs = n, raw_alpha = t$raw_alpha, std_alpha = t$std.alpha, g6_smc = t$`G6(smc)`,
    average_r = t$average_r, median_r = t$median_r, var_r = a$var.r[[1]], signal_noise = t$`S/N`,
    ase = t$ase, total_mean = if (is.null(t$mean)) NA else t$mean, total_sd = if (is.null(t$sd)) NA else t$sd,
    feldt_lower = a$feldt$lower.ci[[1]], feldt_upper = a$feldt$upper.ci[[1]],
    duhachek_lower = t$raw_alpha - 1.96 * t$ase, duhachek_upper = t$raw_alpha + 1.96 * t$ase)
  d <- a$alpha.drop
  drops[[length(drops) + 1]] <<- data.frame(dataset = ds, block = blk, variant = variant,
    item = sub("-$", "", rownames(d)), raw_alpha = d$raw_alpha, std_alpha = d$std.alpha,
    g6_smc = d$`G6(smc)`, average_r = d$average_r, signal_noise = d$`S/N`,
    alpha_se = if (is.null(d$`alpha se`)) NA else d$`alpha se`, var_r = d$var.r, median_r = d$med.r)
  s <- a$item.stats
  items[[length(items) + 1]] <<- data.frame(dataset = ds, block = blk, variant = variant,
    item = sub("-$", "", rownames(s)), n = if (is.null(s$n)) NA else s$n,
    raw_r = if (is.null(s$raw.r)) NA else s$raw.r, std_r = if (is.null(s$std.r)) s$r else s$std.r,
    r_cor = s$r.cor, r_drop = s$r.drop, mean = if (is.null(s$mean)) NA else s$mean,
    sd = if (is.null(s$sd)) NA else s$sd)
  invisible(a)
}

for (i in seq_len(nrow(block_ids))) {
  ds <- block_ids$dataset[i]; blk <- block_ids$block[i]
  b <- block_x(ds, blk)
  run(ds, blk, "pairwise", b$x, b$keys)
  if (anyNA(b$x)) run(ds, blk, "listwise", na.omit(b$x), b$keys)
}
# Matrix input with n.obs (complete data).
b <- block_x("sim_small", "all"); run("sim_small", "all", "matrix", b$x, b$keys, nobs_matrix = nrow(b$x))
# A constant item inserted as 3rd column (value 5): psych deletes it and still counts it in the total.
xc <- cbind(b$x[, 1:2], const = 5, b$x[, 3:8]); run("sim_small_const", "all", "pairwise", xc, rep(1, 9))
# n <= k: the first 6 units of sim_small (8 items).
run("sim_small_n6", "all", "pairwise", b$x[1:6, ], b$keys)
# k = 2 (psych's special alpha.drop case).
run("sim_small_k2", "all", "pairwise", b$x[, 1:2], c(1, 1))

write_ref(do.call(rbind, totals), file.path(here, "ref_total.csv"))
write_ref(do.call(rbind, drops), file.path(here, "ref_drop.csv"))
write_ref(do.call(rbind, items), file.path(here, "ref_items.csv"))

# ---- bootstrap: fixed index matrices, replicate values, percentile and BCa --------------------
alpha_raw <- function(x) {               # psych's alpha.1 raw alpha on the pairwise covariance
  C <- cov(x, use = "pairwise"); k <- ncol(C)
  (1 - sum(diag(C)) / sum(C)) * (k / (k - 1))
}
boot_refs <- list()
boot_case <- function(case, x, keys, B, seed) {
  if (any(keys < 0)) {                    # psych reversal, as alpha() does before resampling
    adj <- max(x, na.rm = TRUE) + min(x, na.rm = TRUE)
    x[, keys < 0] <- adj - x[, keys < 0]
  }
  n <- nrow(x)
  set.seed(seed)
  idx <- t(replicate(B, sample.int(n, replace = TRUE)))
  write.table(idx, file.path(here, sprintf("boot_index_%s.csv", case)), sep = ",", row.names = FALSE,
              col.names = FALSE)
  tt <- apply(idx, 1, function(i) alpha_raw(x[i, , drop = FALSE]))
  t0 <- alpha_raw(x)
  jack <- sapply(seq_len(n), function(i) alpha_raw(x[-i, , drop = FALSE]))
  L <- (n - 1) * (mean(jack) - jack)
  bo <- list(t0 = t0, t = matrix(tt, ncol = 1), R = B, sim = "ordinary", stype = "i",
             data = x, strata = rep(1, n), weights = rep(1 / n, n), call = quote(boot()))
  class(bo) <- "boot"
  ci <- boot.ci(bo, conf = 0.95, type = c("perc", "bca"), t0 = t0, t = tt, L = L)
  q7 <- quantile(tt, c(0.025, 0.5, 0.975), type = 7)
  write_ref(data.frame(kind = c(rep("t", B), rep("jack", n)), value = c(tt, jack)),
            file.path(here, sprintf("ref_boot_t_%s.csv", case)))
  z0 <- qnorm(sum(tt < t0) / B); acc <- sum(L^3) / (6 * sum(L^2)^1.5)
  boot_refs[[length(boot_refs) + 1]] <<- data.frame(case = case, B = B, n = n, t0 = t0,
    perc7_lower = q7[[1]], median = q7[[2]], perc7_upper = q7[[3]],
    bca_lower = ci$bca[1, 4], bca_upper = ci$bca[1, 5], z0 = z0, acceleration = acc,
    bootperc_lower = ci$percent[1, 4], bootperc_upper = ci$percent[1, 5])
}
b <- block_x("sim_small", "all"); boot_case("sim_small", b$x, b$keys, 1000, 20240601)
b <- block_x("sim_missing", "d1"); boot_case("sim_missing_d1", b$x, b$keys, 500, 20240602)
b <- block_x("sim_keyed", "all"); boot_case("sim_keyed", b$x, b$keys, 400, 20240603)
write_ref(do.call(rbind, boot_refs), file.path(here, "ref_boot.csv"))
cat("wrote", here, "\n")
