# Shared helpers for the validity/reliability reference scripts (run from the worktree root).
# Reads a cikit spec (YAML) and its data, returns the indicator matrix in the tree's leaf
# (pre-)order with negative-direction indicators multiplied by -1 (direction correction), and
# the first-level dimensions as blocks of column indices.
suppressPackageStartupMessages({ library(yaml); library(psych); library(GPArotation) })
options(digits = 17)

load_case <- function(spec_path) {
  s <- yaml::read_yaml(spec_path)
  d <- read.csv(file.path(dirname(spec_path), s$data$file), na.strings = c("", "NA"),
                check.names = FALSE, encoding = "UTF-8")
  leaves <- list()
  walk <- function(node, top) {
    if (is.null(node$children)) {
      col <- if (is.null(node$column)) node$id else node$column
      leaves[[length(leaves) + 1]] <<- list(id = node$id, col = col,
                                            neg = identical(node$direction, "-"), top = top)
    } else for (ch in node$children) walk(ch, top)
  }
  for (t in s$tree) walk(t, t$id)
  X <- sapply(leaves, function(l) as.numeric(d[[l$col]]) * ifelse(l$neg, -1, 1))
  colnames(X) <- sapply(leaves, `[[`, "id")
  top <- sapply(leaves, `[[`, "top")
  blocks <- lapply(unique(top), function(t) which(top == t))
  names(blocks) <- unique(top)
  list(X = X, blocks = blocks)
}

# The datasets every script uses: (name, spec path).
datasets <- list(
  governance = "datasets/governance/governance.yaml",
  sim1 = "validation/validity/data/sim1/spec.yaml",
  sim2 = "validation/validity/data/sim2/spec.yaml",
  sim3 = "validation/validity/data/sim3/spec.yaml")

# Cases: each dataset as a whole ("<data>/all") and each first-level dimension ("<data>/<dim>").
cases <- function() {
  out <- list()
  for (nm in names(datasets)) {
    cs <- load_case(datasets[[nm]])
    out[[paste0(nm, "/all")]] <- cs$X
    for (b in names(cs$blocks)) out[[paste0(nm, "/", b)]] <- cs$X[, cs$blocks[[b]], drop = FALSE]
  }
  out
}

# Long-format writer: case, quantity, i, j, value (i, j 1-based; 0 when not applicable).
ref <- new.env(); ref$rows <- list()
put <- function(case, quantity, x) {
  x <- as.matrix(x)
  for (j in seq_len(ncol(x))) for (i in seq_len(nrow(x)))
    ref$rows[[length(ref$rows) + 1]] <- data.frame(case = case, quantity = quantity, i = i,
      j = if (ncol(x) == 1) 0L else j, value = sprintf("%.17g", x[i, j]))
}
put_scalar <- function(case, quantity, v) put(case, quantity, matrix(v, 1, 1))
write_ref <- function(path) {
  out <- do.call(rbind, ref$rows)
  out$i[out$quantity %in% character(0)] <- 0
  write.csv(out, path, row.names = FALSE, quote = TRUE)
  ref$rows <- list()
}

# ---- psych's minres pieces, copied verbatim from psych 2.2.9 fac() (closures there) ----
fit.residuals <- function(Psi, S, nf) {
  diag(S) <- 1 - Psi
  eigens <- eigen(S)
  eigens$values[eigens$values < .Machine$double.eps] <- 100 * .Machine$double.eps
  loadings <- eigens$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(eigens$values[1:nf]), nf)
  model <- loadings %*% t(loadings)
  residual <- (S - model)
  residual <- residual[lower.tri(residual)]
  sum(residual^2)
}
FAgr.minres <- function(Psi, S, nf) {
  Sstar <- S - diag(Psi)
  E <- eigen(Sstar, symmetric = TRUE)
  L <- E$vectors[, 1:nf, drop = FALSE]
  load <- L %*% diag(sqrt(pmax(E$values[1:nf], 0)), nf)
  g <- load %*% t(load) + diag(Psi) - S
  diag(g)
}
FAout.wls <- function(Psi, S, q) {
  diag(S) <- diag(S) - Psi
  E <- eigen(S, symmetric = TRUE)
  E$vectors[, 1L:q, drop = FALSE] %*% diag(sqrt(pmax(E$values[1L:q, drop = FALSE], 0)), q)
}

# "Tight" minres: psych's objective and gradient, optim L-BFGS-B with the same bounds, started
# at psych's own solution, run to factr = 1, pgtol = 0 (psych uses the default factr = 1e7).
# Then psych's post-processing (sign, rotation, sign, order by SS loadings).
fa_tight <- function(R, nf, rotate = "none") {
  f0 <- fa(R, nf, rotate = "none", fm = "minres", warnings = FALSE)
  psi0 <- 1 - f0$communalities
  res <- optim(psi0, function(p) fit.residuals(p, R, nf), function(p) FAgr.minres(p, R, nf),
               method = "L-BFGS-B", lower = 0.005, upper = 1,
               control = list(factr = 1, pgtol = 0, maxit = 10000, parscale = rep(0.01, nf * 0 + ncol(R))))
  # L-BFGS-B stops with |gradient| ~1e-6 even at factr = 1 (psych's objective and gradient are
  # not exactly consistent: the gradient is that of the full ULS criterion), so polish with the
  # classic minres fixed point psi <- clamp(1 - diag(L L'), 0.005, 1) (Harman & Jones 1966),
  # whose fixed points are exactly the zeros of psych's gradient (or bound-active KKT points).
  psi <- res$par
  for (k in 1:200000) {
    Lk <- FAout.wls(psi, R, nf)
    new <- pmin(pmax(1 - rowSums(Lk^2), 0.005), 1)
    step <- max(abs(new - psi))
    psi <- new
    if (step < 1e-15) break
  }
  g <- FAgr.minres(psi, R, nf)
  res$par <- psi
  res$grad <- max(abs(g[psi > 0.005 + 1e-12 & psi < 1 - 1e-12]), 0)
  res$fp_iter <- k
  L <- FAout.wls(res$par, R, nf)
  s <- sign(colSums(L)); s[s == 0] <- 1
  L <- L %*% diag(s, nf)
  unrot <- L
  if (nf > 1 && rotate == "varimax") L <- unclass(stats::varimax(L)$loadings)
  s <- sign(colSums(L)); s[s == 0] <- 1
  L <- L %*% diag(s, nf)
  if (nf > 1) L <- L[, order(colSums(L^2), decreasing = TRUE), drop = FALSE]
  model <- unrot %*% t(unrot)
  list(psi = res$par, unrotated = unrot, loadings = L, communality = diag(model),
       objective = fit.residuals(res$par, R, nf), grad = res$grad, fp_iter = res$fp_iter, psych = f0)
}
