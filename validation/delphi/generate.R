# Reference values for methods/delphi (tests/delphi/delphi_test.cpp).
# Run from the worktree root:  Rscript validation/delphi/generate.R
# R 4.2.2, psych 2.2.9, vegan 2.6-4. irr is not installed here: Fleiss' kappa, Krippendorff's
# alpha, CVI/CVR are computed by the independent implementations below (written from the
# published formulas, not from cikit's C++), with checks against published values.
#
# Orientation: every input_*.csv has rows = experts (judges), columns = indicators.
suppressMessages({ library(psych); library(vegan) })
out <- "validation/delphi"
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_ref <- function(df, name) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) f17(col) else col)
  write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE)
}

# ---- inputs -------------------------------------------------------------------------------
inputs <- list()
# K1 strawberries (rows = raters A-D), K2 and K3 Chinese textbook examples (DELPHI-REFERENCE §6)
inputs$k1 <- rbind(c(8,4,2,3,5,1,6,7), c(7,3,1,4,5,2,6,8), c(8,2,5,6,7,1,4,3), c(8,3,4,2,5,1,6,7))
inputs$k2 <- rbind(c(3,1,2,5,4,6), c(2,1,3,4,5,6), c(3,2,1,5,4,6), c(4,1,2,6,3,5), c(3,1,2,6,4,5), c(4,2,1,5,3,6))
inputs$k3 <- rbind(c(1,4,2.5,5,6,2.5), c(2,3,1,5,6,4), c(1.5,3,1.5,4,5.5,5.5))
# C1 CVI example (PMC7253559): 12 items x 6 experts given by item -> transpose to experts x items
c1_items <- rbind(c(4,4,4,4,4,4), c(4,3,4,4,3,4), c(4,4,4,4,4,4), c(4,4,4,4,4,4), c(3,4,4,4,4,4),
                  c(2,3,4,3,3,4), c(4,4,4,4,4,4), c(4,4,4,4,4,4), c(3,3,4,2,3,4), c(4,4,4,3,4,4),
                  c(4,4,4,3,4,4), c(4,4,4,3,4,4))
inputs$c1 <- t(c1_items)
# Simulated Likert panels (many ties), deterministic
set.seed(20221219)
lik <- function(m, n, mu_sd = 0.6, noise = 0.8, lo = 1, hi = 5) {
  mu <- 3.8 + rnorm(n, 0, mu_sd); b <- rnorm(m, 0, 0.3)
  x <- outer(b, mu, "+") + matrix(rnorm(m * n, 0, noise), m, n)
  pmin(pmax(round(x), lo), hi)
}
inputs$s1 <- lik(15, 12)
inputs$s2 <- lik(8, 6, noise = 1.1)
inputs$s3 <- lik(20, 30, mu_sd = 0.4, noise = 0.7)
inputs$s4 <- lik(10, 9, lo = 1, hi = 4)   # 4-point relevance scale
for (nm in names(inputs)) {
  x <- inputs[[nm]]
  colnames(x) <- sprintf("i%02d", seq_len(ncol(x)))
  write.csv(x, file.path(out, sprintf("input_%s.csv", nm)), row.names = FALSE, quote = FALSE)
}

# ---- Kendall's W: friedman.test (tie-corrected chi2), vegan (F, W_t), uncorrected formula ---
kendall_rows <- list()
for (nm in names(inputs)) {
  x <- inputs[[nm]]; m <- nrow(x); n <- ncol(x)
  ft <- friedman.test(x)                 # rows = blocks = experts, columns = groups = indicators
  chi2 <- unname(ft$statistic); w <- chi2 / (m * (n - 1))
  r <- t(apply(x, 1, rank)); R <- colSums(r); S <- sum((R - m * (n + 1) / 2)^2)
  w_u <- 12 * S / (m^2 * (n^3 - n))
  kg <- vegan::kendall.global(t(x), nperm = 0)$Concordance_analysis
  kendall_rows[[nm]] <- data.frame(dataset = nm, m = m, n = n, S = S, W = w, W_uncorrected = w_u,
    chi2 = chi2, df = n - 1, p = ft$p.value, chi2_uncorrected = m * (n - 1) * w_u,
    p_uncorrected = pchisq(m * (n - 1) * w_u, n - 1, lower.tail = FALSE),
    W_vegan = kg["W", 1], F = kg["F", 1], p_F = kg["Prob.F", 1],
    F_df1 = n - 1 - 2 / m, F_df2 = (m - 1) * (n - 1 - 2 / m))
}
write_ref(do.call(rbind, kendall_rows), "ref_kendall.csv")
# rank sums
rs <- do.call(rbind, lapply(names(inputs), function(nm) {
  x <- inputs[[nm]]; data.frame(dataset = nm, j = seq_len(ncol(x)), rank_sum = colSums(t(apply(x, 1, rank))))
}))
write_ref(rs, "ref_rank_sums.csv")

# ---- ICC: psych::ICC(t(x), lmer = FALSE) (targets = indicators as rows) ----------------------
icc_rows <- list()
for (nm in c("c1", "s1", "s2", "s3", "s4")) {
  res <- psych::ICC(t(inputs[[nm]]), lmer = FALSE)$results
  icc_rows[[nm]] <- data.frame(dataset = nm, type = res$type, ICC = res$ICC, F = res$F, df1 = res$df1,
                               df2 = res$df2, p = res$p, lower = res[["lower bound"]], upper = res[["upper bound"]])
}
write_ref(do.call(rbind, icc_rows), "ref_icc.csv")

# ---- Fleiss' kappa (formulas of Fleiss 1971 as in irr::kappam.fleiss, exact = FALSE) -------
fleiss <- function(x) {           # x: experts x items
  r <- t(x); ns <- nrow(r); nr <- ncol(r)
  lev <- sort(unique(as.vector(r)))
  tab <- t(apply(r, 1, function(row) sapply(lev, function(l) sum(row == l))))
  P <- sum((rowSums(tab^2) - nr) / (nr * (nr - 1))) / ns
  pj <- colSums(tab) / (ns * nr); qj <- 1 - pj
  Pe <- sum(pj^2); k <- (P - Pe) / (1 - Pe)
  v <- 2 / (sum(pj * qj)^2 * (ns * nr * (nr - 1))) * (sum(pj * qj)^2 - sum(pj * qj * (qj - pj)))
  z <- k / sqrt(v)
  c(kappa = k, z = z, p = 2 * (1 - pnorm(abs(z))))
}
# ---- Krippendorff's alpha by explicit pair enumeration (Krippendorff 2011, §A) -----------------
kripp <- function(x, level) {     # x: raters x units, NA = missing
  vals <- sort(unique(na.omit(as.vector(x))))
  pairs <- NULL; wts <- NULL
  for (u in seq_len(ncol(x))) {
    v <- x[!is.na(x[, u]), u]; mu <- length(v)
    if (mu < 2) next
    for (a in seq_len(mu)) for (b in seq_len(mu)) if (a != b) {
      pairs <- rbind(pairs, c(v[a], v[b])); wts <- c(wts, 1 / (mu - 1))
    }
  }
  nv <- sapply(vals, function(c) sum(wts[pairs[, 1] == c]))
  ntot <- sum(nv)
  d2 <- function(c, k) {
    if (level == "nominal") return(as.numeric(c != k))
    if (level == "interval") return((c - k)^2)
    ic <- match(c, vals); ik <- match(k, vals); lo <- min(ic, ik); hi <- max(ic, ik)
    (sum(nv[lo:hi]) - (nv[ic] + nv[ik]) / 2)^2
  }
  Do <- sum(wts * mapply(d2, pairs[, 1], pairs[, 2])) / ntot
  De <- 0
  for (a in seq_along(vals)) for (b in seq_along(vals)) De <- De + nv[a] * nv[b] * d2(vals[a], vals[b])
  De <- De / (ntot * (ntot - 1))
  1 - Do / De
}
inputs_na <- inputs$s1; inputs_na[2, 3] <- NA; inputs_na[5, 7] <- NA; inputs_na[9, 1] <- NA
colnames(inputs_na) <- sprintf("i%02d", seq_len(ncol(inputs_na)))
write.csv(inputs_na, file.path(out, "input_s1na.csv"), row.names = FALSE, quote = FALSE, na = "NA")
agr <- list()
for (nm in c("c1", "s1", "s2", "s3", "s4")) {
  f <- fleiss(inputs[[nm]])
  agr[[nm]] <- data.frame(dataset = nm, kappa = f[["kappa"]], z = f[["z"]], p = f[["p"]],
                          alpha_nominal = kripp(inputs[[nm]], "nominal"), alpha_ordinal = kripp(inputs[[nm]], "ordinal"),
                          alpha_interval = kripp(inputs[[nm]], "interval"))
}
agr$s1na <- data.frame(dataset = "s1na", kappa = NA, z = NA, p = NA, alpha_nominal = kripp(inputs_na, "nominal"),
                       alpha_ordinal = kripp(inputs_na, "ordinal"), alpha_interval = kripp(inputs_na, "interval"))
write_ref(do.call(rbind, agr), "ref_agreement.csv")

# ---- item statistics, CVI, modified kappa, CVR ---------------------------------------------
crit_n <- function(N, alpha = 0.05) {   # smallest ne with P(X >= ne) < alpha, X ~ Bin(N, 1/2)
  for (k in 0:N) if (pbinom(k - 1, N, 0.5, lower.tail = FALSE) < alpha) return(k)
  NA
}
items <- list(); scale_rows <- list()
cfg <- list(c1 = c(max = 4, relevant = 3, essential = 4), s1 = c(5, 4, 5), s2 = c(5, 4, 5), s3 = c(5, 4, 5),
            s4 = c(4, 3, 4), s1na = c(5, 4, 5))
all_in <- c(inputs, list(s1na = inputs_na))
for (nm in names(cfg)) {
  x <- all_in[[nm]]; cf <- unname(cfg[[nm]])
  N <- colSums(!is.na(x)); A <- colSums(x >= cf[2], na.rm = TRUE); ne <- colSums(x >= cf[3], na.rm = TRUE)
  mean_ <- colMeans(x, na.rm = TRUE); sd_ <- apply(x, 2, sd, na.rm = TRUE)
  icvi <- A / N; pc <- choose(N, A) * 0.5^N; ks <- (icvi - pc) / (1 - pc)
  nc <- sapply(N, crit_n)
  items[[nm]] <- data.frame(dataset = nm, j = seq_len(ncol(x)), n = N, mean = mean_, sd = sd_, cv = sd_ / mean_,
    full_score_ratio = colSums(x >= cf[1], na.rm = TRUE) / N,
    full_score_observed = colSums(x >= max(x, na.rm = TRUE), na.rm = TRUE) / N,
    i_cvi = icvi, pc = pc, kappa = ks, cvr = (ne - N / 2) / (N / 2), n_critical = nc,
    cvr_critical = (nc - N / 2) / (N / 2))
  scale_rows[[nm]] <- data.frame(dataset = nm, s_cvi_ave = mean(icvi), s_cvi_ua = mean(A == N))
}
write_ref(do.call(rbind, items), "ref_items.csv")
write_ref(do.call(rbind, scale_rows), "ref_scale.csv")

# ---- boundary-value thresholds (n - 1 and n) on s3 -----------------------------------------
x <- inputs$s3; M <- colMeans(x); K <- colSums(x >= 5) / nrow(x); CV <- apply(x, 2, sd) / M
psd <- function(v) sqrt(mean((v - mean(v))^2))
write_ref(data.frame(sd = c("sample", "population"),
                     mean = c(mean(M) - sd(M), mean(M) - psd(M)),
                     full_score = c(mean(K) - sd(K), mean(K) - psd(K)),
                     cv = c(mean(CV) + sd(CV), mean(CV) + psd(CV))), "ref_boundary_s3.csv")

# ---- Lawshe critical values (exact binomial) -------------------------------------------------
Ns <- c(5:20, 25, 30, 35, 40)
write_ref(data.frame(N = Ns, n_critical = sapply(Ns, crit_n),
                     cvr_critical = (sapply(Ns, crit_n) - Ns / 2) / (Ns / 2)), "ref_cvr_critical.csv")

# ---- the bundled governance consultation (datasets/governance/delphi_ratings.csv) ----------
d <- read.csv("datasets/governance/delphi_ratings.csv", na.strings = "NA")
gov <- list()
for (rd in sort(unique(d$round))) for (asp in unique(d$aspect)) {
  s <- d[d$round == rd & d$aspect == asp, ]
  w <- reshape(s[, c("expert", "indicator", "score")], idvar = "expert", timevar = "indicator", direction = "wide")
  mat <- as.matrix(w[, -1]); mat <- mat[complete.cases(mat), , drop = FALSE]   # drop incomplete experts
  ft <- friedman.test(mat); m <- nrow(mat); n <- ncol(mat)
  gov[[paste(rd, asp)]] <- data.frame(round = rd, aspect = asp, m = m, n = n,
    W = unname(ft$statistic) / (m * (n - 1)), chi2 = unname(ft$statistic), p = ft$p.value)
}
write_ref(do.call(rbind, gov), "ref_governance_kendall.csv")
cat("written to", out, "\n")

# ---- Why DELPHI-REFERENCE.md's C1 alphas (ordinal 0.235463, interval 0.248041, from irr 0.84.1)
# differ from ours: irr's coincidence matrix divides by (m_u - 1) only when some value is
# missing (`mc <- rep(1, ...)` otherwise). Reproducing that quirk gives irr's numbers; the
# Krippendorff (2011) definition (weight 1/(m_u - 1) always) gives ours. Closed-form check for
# complete interval data: alpha = 1 - (N - 1) MSW / SST (one-way MSW), printed below.
kripp_irr_quirk <- function(x, level) {
  vals <- sort(unique(as.vector(x))); cm <- matrix(0, length(vals), length(vals))
  for (u in seq_len(ncol(x))) for (a in 1:(nrow(x) - 1)) for (b in (a + 1):nrow(x)) {
    i1 <- match(x[a, u], vals); i2 <- match(x[b, u], vals)
    cm[i1, i2] <- cm[i1, i2] + (1 + (i1 == i2)); if (i1 != i2) cm[i2, i1] <- cm[i1, i2]
  }
  nc <- rowSums(cm); nmv <- sum(cm); num <- 0; den <- 0
  for (k in 2:length(vals)) for (c in 1:(k - 1)) {
    d <- if (level == "interval") (vals[c] - vals[k])^2 else (nc[c] / 2 + sum(nc[seq_len(k - 1)[-seq_len(c)]]) + nc[k] / 2)^2
    num <- num + cm[c, k] * d; den <- den + nc[c] * nc[k] * d
  }
  1 - (nmv - 1) * num / den
}
x <- inputs$c1; N <- length(x); msw <- sum((x - rep(colMeans(x), each = nrow(x)))^2) / (ncol(x) * (nrow(x) - 1))
cat(sprintf("C1 alpha: irr-quirk ordinal %.6f interval %.6f; ours interval %.6f; closed form %.6f\n",
            kripp_irr_quirk(x, "ordinal"), kripp_irr_quirk(x, "interval"), kripp(x, "interval"),
            1 - (N - 1) * msw / sum((x - mean(x))^2)))
