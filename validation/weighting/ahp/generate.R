# Reference values for cikit's AHP (methods/weighting/ahp.hpp), computed with base R only
# (eigen(), prod(), log/exp) plus the 'yaml' package to read the bundled judgments.
# Run from the worktree root:  Rscript validation/weighting/ahp/generate.R
# Writes (next to this script): matrices.csv, ref_priorities.csv, ref_group.csv,
# ref_incomplete.csv, ref_diagnosis.csv. Numbers with sprintf("%.17g").

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", "..", ".."))
out <- function(name) file.path(here, name)
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# ---- judgments as text ("3", "1/4", "2.5", "NA") -> numbers ---------------------------------
frac <- function(s) {
  s <- trimws(as.character(s))
  vapply(s, function(t) {
    if (t == "NA") return(NA_real_)
    if (grepl("/", t, fixed = TRUE)) {
      p <- strsplit(t, "/", fixed = TRUE)[[1]]
      return(as.numeric(p[1]) / as.numeric(p[2]))
    }
    as.numeric(t)
  }, numeric(1), USE.NAMES = FALSE)
}
text_matrix <- function(rows) do.call(rbind, lapply(rows, function(r) as.character(r)))
num_matrix <- function(tm) matrix(frac(tm), nrow(tm), ncol(tm))

# ---- AHP in base R --------------------------------------------------------------------------
perron <- function(A) {
  e <- eigen(A)
  k <- which.max(Re(e$values))
  stopifnot(abs(Im(e$values[k])) < 1e-12)
  v <- Re(e$vectors[, k]); v <- v / sum(v)
  stopifnot(all(v > 0))
  list(lambda = Re(e$values[k]), w = v)
}
rgmm <- function(A) { g <- apply(A, 1, function(r) prod(r)^(1 / length(r))); g / sum(g) }
RI <- list(
  saaty1980        = c(0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
  saaty2005        = c(0, 0, .52, .89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
  alonso_lamata    = c(0, 0, .5245, .8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141,
                       1.5365, 1.5551, 1.5713, 1.5838),
  donegan_dodd     = c(0, 0, .4914, .8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213,
                       1.4497, 1.4643, 1.4822, 1.4969),
  chinese_textbook = c(0, 0, .52, .89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59))
ci_of <- function(lambda, m) if (m <= 2) 0 else (lambda - m) / (m - 1)
cr_of <- function(A, table = "saaty1980") {
  m <- nrow(A); if (m <= 2) return(0)
  ci_of(perron(A)$lambda, m) / RI[[table]][m]
}
gci_of <- function(A) {
  m <- nrow(A); if (m <= 2) return(0)
  w <- rgmm(A); s <- 0
  for (i in 1:(m - 1)) for (j in (i + 1):m) s <- s + log(A[i, j] * w[j] / w[i])^2
  2 * s / ((m - 1) * (m - 2))
}

# ---- the matrices ---------------------------------------------------------------------------
M <- list()  # id -> text matrix
# Saaty (1977) J. Math. Psychol. 15:234, light intensity of four chairs (also Saaty 1980, ch. 2):
# published eigenvector .61 .24 .10 .05, lambda_max 4.39.
M$saaty1977_light <- text_matrix(list(
  c("1", "5", "6", "7"), c("1/5", "1", "4", "6"), c("1/6", "1/4", "1", "4"), c("1/7", "1/6", "1/4", "1")))
# Saaty (1980) The Analytic Hierarchy Process, wealth of nations (US, USSR, China, France, UK,
# Japan, W. Germany; Saaty & Khouja 1976): published eigenvector .427 .230 .021 .052 .052 .123
# .094, lambda_max 7.61.
M$saaty1980_wealth <- text_matrix(list(
  c("1", "4", "9", "6", "6", "5", "5"),
  c("1/4", "1", "7", "5", "5", "3", "4"),
  c("1/9", "1/7", "1", "1/5", "1/5", "1/7", "1/5"),
  c("1/6", "1/5", "5", "1", "1", "1/3", "1/3"),
  c("1/6", "1/5", "5", "1", "1", "1/3", "1/3"),
  c("1/5", "1/3", "7", "3", "3", "1", "2"),
  c("1/5", "1/4", "5", "3", "3", "1/2", "1")))
# Saaty (2008) Int. J. Services Sciences 1:83, relative consumption of drinks in the US
# (coffee, wine, tea, beer, sodas, milk, water): published eigenvector .177 .019 .042 .116 .190
# .129 .327. Matrix as in AHPy's README.
M$saaty2008_drinks <- text_matrix(list(
  c("1", "9", "5", "2", "1", "1", "1/2"),
  c("1/9", "1", "1/3", "1/9", "1/9", "1/9", "1/9"),
  c("1/5", "3", "1", "1/3", "1/4", "1/3", "1/9"),
  c("1/2", "9", "3", "1", "1/2", "1", "1/3"),
  c("1", "9", "4", "2", "1", "2", "1/2"),
  c("1", "9", "3", "1", "1/2", "1", "1/3"),
  c("2", "9", "9", "3", "2", "3", "1")))
# OECD/JRC (2008) Handbook, Table 20: TAI, one expert's 8 x 8 matrix (PAT ROY INT EXP TEL ELE SCH UNI).
M$oecd2008_tai_table20 <- text_matrix(list(
  c("1", "2", "3", "2", "5", "5", "1", "3"),
  c("1/2", "1", "2", "1/2", "4", "4", "1/2", "3"),
  c("1/3", "1/2", "1", "1/4", "2", "2", "1/5", "1/2"),
  c("1/2", "2", "4", "1", "4", "4", "1/2", "3"),
  c("1/5", "1/4", "1/2", "1/4", "1", "1", "1/5", "1/2"),
  c("1/5", "1/4", "1/2", "1/4", "1", "1", "1/5", "1/2"),
  c("1", "2", "5", "2", "5", "5", "1", "4"),
  c("1/3", "1/3", "2", "1/3", "2", "2", "1/4", "1")))
# A consistent matrix a_ij = w_i/w_j (w = 1..5 / 15): lambda_max = 5, CR = 0, EM = RGMM = w.
wc <- (1:5) / 15
M$consistent5 <- matrix(sprintf("%d/%d", rep(1:5, 5), rep(1:5, each = 5)), 5, 5)
# Random Saaty-scale matrices (set.seed): w = exp(N(0,1)), a_ij = nearest scale value of
# (w_i/w_j) exp(N(0, 0.5^2)) for i < j, reciprocal below.
scale_vals <- c(1 / (9:2), 1, 2:9)
scale_text <- c(paste0("1/", 9:2), "1", as.character(2:9))
nearest <- function(x) { d <- abs(log(x) - log(scale_vals)); which(d == min(d))[which.min(abs(log(scale_vals[d == min(d)])))] }
set.seed(20240611)
rand_matrix <- function(m, noise) {
  w <- exp(rnorm(m)); T <- matrix("1", m, m)
  for (i in 1:(m - 1)) for (j in (i + 1):m) {
    k <- nearest(w[i] / w[j] * exp(noise * rnorm(1)))
    T[i, j] <- scale_text[k]; T[j, i] <- scale_text[length(scale_vals) + 1 - k]
  }
  T
}
M$random5 <- rand_matrix(5, 0.5)
M$random9 <- rand_matrix(9, 0.8)
M$random12 <- rand_matrix(12, 0.6)
# The bundled example's judgments (datasets/governance/ahp_judgments.yaml), every node with >= 3 children.
J <- yaml::read_yaml(file.path(root, "datasets/governance/ahp_judgments.yaml"))
gov <- list()  # node -> list of expert text matrices
for (ex in J$experts) for (node in names(ex$matrices)) {
  tm <- text_matrix(lapply(ex$matrices[[node]]$matrix, function(r) vapply(r, as.character, "")))
  if (nrow(tm) >= 2) gov[[node]][[ex$id]] <- tm
  if (nrow(tm) >= 3) M[[paste0("gov_", ex$id, "_", node)]] <- tm
}

# ---- matrices.csv (the inputs, as text) -----------------------------------------------------
rows <- list()
for (id in names(M)) {
  tm <- M[[id]]
  for (i in seq_len(nrow(tm))) for (j in seq_len(ncol(tm)))
    rows[[length(rows) + 1]] <- data.frame(matrix_id = id, row = i, col = j, value = tm[i, j])
}

# ---- priorities -------------------------------------------------------------------------------
pr <- list()
add <- function(id, stat, index, value)
  pr[[length(pr) + 1]] <<- data.frame(matrix_id = id, stat = stat, index = index, value = f17(value))
for (id in names(M)) {
  A <- num_matrix(M[[id]]); m <- nrow(A)
  stopifnot(all(abs(A * t(A) - 1) < 1e-15))
  p <- perron(A); g <- rgmm(A)
  for (i in 1:m) add(id, "em_weight", i, p$w[i])
  for (i in 1:m) add(id, "rgmm_weight", i, g[i])
  add(id, "lambda_max", 0, p$lambda)
  add(id, "ci", 0, ci_of(p$lambda, m))
  for (tb in names(RI)) add(id, paste0("cr_", tb), 0, cr_of(A, tb))
  add(id, "rgmm_lambda_mean_ratio", 0, mean((A %*% g) / g))
  add(id, "gci", 0, gci_of(A))
}
# Consistent matrix: checks of the reference itself.
stopifnot(max(abs(perron(num_matrix(M$consistent5))$w - wc)) < 1e-15, abs(cr_of(num_matrix(M$consistent5))) < 1e-14)

# ---- group aggregation (governance nodes, 3 experts) ------------------------------------------
gr <- list()
addg <- function(node, scheme, method, stat, index, value)
  gr[[length(gr) + 1]] <<- data.frame(node = node, scheme = scheme, method = method, stat = stat,
                                      index = index, value = f17(value))
schemes <- list(equal = c(1, 1, 1) / 3, unequal = c(0.5, 0.3, 0.2))
for (node in names(gov)) {
  As <- lapply(gov[[node]], num_matrix); m <- nrow(As[[1]])
  for (sn in names(schemes)) {
    b <- schemes[[sn]]
    G <- exp(Reduce(`+`, Map(function(A, bk) bk * log(A), As, b)))
    pe <- perron(G)
    for (i in 1:m) addg(node, sn, "aij_em", "weight", i, pe$w[i])
    for (i in 1:m) addg(node, sn, "aij_rgmm", "weight", i, rgmm(G)[i])
    addg(node, sn, "aij_em", "lambda_max", 0, pe$lambda)
    addg(node, sn, "aij_em", "cr_saaty1980", 0, cr_of(G))
    W <- sapply(As, function(A) perron(A)$w)              # m x K
    geo <- exp(log(W) %*% b); geo <- geo / sum(geo)
    ari <- W %*% b
    for (i in 1:m) addg(node, sn, "aip_geometric_em", "weight", i, geo[i])
    for (i in 1:m) addg(node, sn, "aip_arithmetic_em", "weight", i, ari[i])
    Wg <- sapply(As, rgmm); geo_g <- exp(log(Wg) %*% b); geo_g <- geo_g / sum(geo_g)
    stopifnot(max(abs(geo_g - rgmm(G))) < 1e-15)  # AIJ-RGMM == AIP-geometric-RGMM
  }
}

# ---- incomplete matrices ----------------------------------------------------------------------
inc <- list()
addi <- function(id, method, stat, i, j, value)
  inc[[length(inc) + 1]] <<- data.frame(matrix_id = id, method = method, stat = stat, row = i, col = j,
                                        value = f17(value))
harker <- function(A) {
  C <- A; C[is.na(C)] <- 0
  diag(C) <- 1 + rowSums(is.na(A))
  w <- perron(C)$w
  B <- A; for (i in seq_len(nrow(A))) for (j in seq_len(ncol(A))) if (is.na(A[i, j])) B[i, j] <- w[i] / w[j]
  list(B = B, w = w, lambda = perron(C)$lambda)
}
# lambda-optimal completion (Bozoki, Fulop & Ronyai 2010) by Newton's method on the gradient
# d lambda / d x_ij = (v_i a_ij w_j - v_j a_ji w_i) / (v'w) in x = log a_ij, with a
# central-difference Jacobian and step halving on lambda; a different algorithm from cikit's
# cyclic coordinate descent.
optimal <- function(A) {
  miss <- which(is.na(A) & upper.tri(A), arr.ind = TRUE)
  fill <- function(x) { B <- A; for (k in seq_len(nrow(miss))) { B[miss[k, 1], miss[k, 2]] <- exp(x[k]); B[miss[k, 2], miss[k, 1]] <- exp(-x[k]) }; B }
  lam <- function(x) perron(fill(x))$lambda
  grad <- function(x) {
    B <- fill(x); w <- perron(B)$w; v <- perron(t(B))$w
    vapply(seq_len(nrow(miss)), function(k) { i <- miss[k, 1]; j <- miss[k, 2]
      (v[i] * B[i, j] * w[j] - v[j] * B[j, i] * w[i]) / sum(v * w) }, 0)
  }
  x <- rep(0, nrow(miss))
  for (it in 1:200) {
    g <- grad(x); h <- 1e-6
    H <- sapply(seq_along(x), function(k) { e <- rep(0, length(x)); e[k] <- h; (grad(x + e) - grad(x - e)) / (2 * h) })
    H <- (H + t(H)) / 2
    step <- -solve(H, g); t <- 1
    while (lam(x + t * step) > lam(x) + 1e-15 && t > 1e-8) t <- t / 2
    x <- x + t * step
    if (max(abs(t * step)) < 1e-14) break
  }
  stopifnot(max(abs(grad(x))) < 1e-13)
  # sanity: a derivative-free search does not find a lower lambda_max
  ov <- if (length(x) == 1) optimize(lam, x + c(-5, 5), tol = 1e-10)$objective else
    optim(x + 0.1, lam, method = "Nelder-Mead", control = list(reltol = 1e-14, maxit = 5000))$value
  stopifnot(ov >= lam(x) - 1e-10)
  B <- fill(x); p <- perron(B)
  list(B = B, w = p$w, lambda = p$lambda)
}
# AHPy README example: {a,b,c,d} with (c,d) missing; AHPy prints b .392, a .3738, d .1357, c .0985.
IM <- list()
IM$ahpy_readme <- text_matrix(list(c("1", "1", "5", "2"), c("1", "1", "3", "4"),
                                   c("1/5", "1/3", "1", "NA"), c("1/2", "1/4", "NA", "1")))
# AHPy's test example 'Incomplete Housing' (8 elements a..h, 16 of 28 pairs given).
hp <- list(c("a","b",5), c("a","c",3), c("a","d",7), c("a","e",6), c("a","f",6), c("b","d",5), c("b","f",3),
           c("c","e",3), c("c","g",6), c("f","d",4), c("g","a",3), c("g","e",5), c("h","a",4), c("h","b",7),
           c("h","d",8), c("h","f",6))
H <- matrix("NA", 8, 8); diag(H) <- "1"; el <- letters[1:8]
for (p in hp) { i <- match(p[1], el); j <- match(p[2], el); H[i, j] <- p[3]; H[j, i] <- paste0("1/", p[3]) }
IM$ahpy_housing <- H
# The TAI matrix with three judgments removed (PAT-EXP, INT-UNI, TEL-ELE).
T20 <- M$oecd2008_tai_table20
for (p in list(c(1, 4), c(3, 8), c(5, 6))) { T20[p[1], p[2]] <- "NA"; T20[p[2], p[1]] <- "NA" }
IM$tai_table20_3missing <- T20
for (id in names(IM)) {
  tm <- IM[[id]]; A <- num_matrix(tm); m <- nrow(A)
  for (i in 1:m) for (j in 1:m) rows[[length(rows) + 1]] <- data.frame(matrix_id = id, row = i, col = j, value = tm[i, j])
  for (meth in c("harker", "optimal")) {
    r <- if (meth == "harker") harker(A) else optimal(A)
    for (i in 1:m) addi(id, meth, "weight", i, 0, r$w[i])
    addi(id, meth, "lambda_max", 0, 0, r$lambda)
    addi(id, meth, "cr_saaty1980", 0, 0, ci_of(r$lambda, m) / RI$saaty1980[m])
    for (i in 1:m) for (j in 1:m) if (is.na(A[i, j])) addi(id, meth, "completed", i, j, r$B[i, j])
  }
}

# ---- diagnosis: CR after revising one judgment -------------------------------------------------
dg <- list()
for (id in c("saaty1977_light", "saaty1980_wealth", "oecd2008_tai_table20", "random9", "gov_E1_system")) {
  A <- num_matrix(M[[id]]); m <- nrow(A); w <- perron(A)$w
  for (i in 1:(m - 1)) for (j in (i + 1):m) {
    rev <- function(v) { B <- A; B[i, j] <- v; B[j, i] <- 1 / v; cr_of(B) }
    cons <- w[i] / w[j]; s <- scale_vals[nearest(cons)]
    dg[[length(dg) + 1]] <- data.frame(matrix_id = id, row = i, col = j, consistent = f17(cons),
      cr_if_consistent = f17(rev(cons)), suggested = f17(s), cr_if_suggested = f17(rev(s)))
  }
}

write.csv(do.call(rbind, rows), out("matrices.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, pr), out("ref_priorities.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, gr), out("ref_group.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, inc), out("ref_incomplete.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, dg), out("ref_diagnosis.csv"), row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "yaml", as.character(packageVersion("yaml")), "\n")
