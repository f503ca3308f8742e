# Reference values for methods/disparity: Dagum (1997) Gini decomposition and Theil T/L,
# written from the papers with plain loops (independent of the C++ code).
# Run: Rscript generate.R   (R 4.2.2, base R only). Writes input_*.csv and ref_*.csv.
#
# Dagum C (1997) Empirical Economics 22:515-531:
#   G    = sum_j sum_h sum_i sum_r |y_ji - y_hr| / (2 n^2 mu)                     (eq. 2)
#   G_jj = sum_i sum_r |y_ji - y_jr| / (2 n_j^2 Ybar_j)                           (eq. 3)
#   G_jh = sum_i sum_r |y_ji - y_hr| / (n_j n_h (Ybar_j + Ybar_h))                (eq. 6)
#   G_w  = sum_j G_jj p_j s_j                                                      (eq. 7)
#   G_nb = sum_{j=2}^k sum_{h=1}^{j-1} G_jh (p_j s_h + p_h s_j) D_jh                (eq. 8)
#   G_t  = sum_{j=2}^k sum_{h=1}^{j-1} G_jh (p_j s_h + p_h s_j) (1 - D_jh)          (eq. 11)
#   D_jh = (d_jh - p_jh)/(d_jh + p_jh), groups ordered Ybar_j >= Ybar_h,
#   d_jh = int_0^inf dF_j(y) int_0^y (y - x) dF_h(x)   (empirical: mean of (y_ji - y_hr)+)
#   p_jh = int_0^inf dF_h(y) int_0^y (y - x) dF_j(x)   (empirical: mean of (y_hr - y_ji)+)
# Theil (1967); Shorrocks (1980): T = mean((y/mu) log(y/mu)), L = mean(log(mu/y)).

dagum <- function(y, g) {
  groups <- unique(g)                       # order of first appearance
  k <- length(groups); n <- length(y); mu <- mean(y)
  tot <- 0
  for (i in 1:n) for (r in 1:n) tot <- tot + abs(y[i] - y[r])
  G <- tot / (2 * n^2 * mu)
  nj <- numeric(k); mj <- numeric(k)
  for (j in 1:k) { nj[j] <- sum(g == groups[j]); mj[j] <- mean(y[g == groups[j]]) }
  p <- nj / n; s <- nj * mj / (n * mu)
  Gjj <- numeric(k)
  for (j in 1:k) {
    a <- y[g == groups[j]]; acc <- 0
    for (i in seq_along(a)) for (r in seq_along(a)) acc <- acc + abs(a[i] - a[r])
    Gjj[j] <- acc / (2 * nj[j]^2 * mj[j])
  }
  Gw <- sum(Gjj * p * s)
  Gjh <- matrix(0, k, k); Djh <- matrix(0, k, k); Gnb <- 0; Gt <- 0
  for (j in 1:k) for (h in 1:k) if (h < j) {
    a <- y[g == groups[j]]; b <- y[g == groups[h]]
    if (mj[j] < mj[h]) { tmp <- a; a <- b; b <- tmp }   # a: the group with the larger mean
    acc <- 0; d <- 0; pp <- 0
    for (i in seq_along(a)) for (r in seq_along(b)) {
      acc <- acc + abs(a[i] - b[r])
      if (a[i] > b[r]) d <- d + (a[i] - b[r])
      if (b[r] > a[i]) pp <- pp + (b[r] - a[i])
    }
    d <- d / (length(a) * length(b)); pp <- pp / (length(a) * length(b))
    Gjh[j, h] <- Gjh[h, j] <- acc / (nj[j] * nj[h] * (mj[j] + mj[h]))
    D <- if (d + pp > 0) (d - pp) / (d + pp) else 0
    Djh[j, h] <- Djh[h, j] <- D
    Gnb <- Gnb + Gjh[j, h] * (p[j] * s[h] + p[h] * s[j]) * D
    Gt  <- Gt  + Gjh[j, h] * (p[j] * s[h] + p[h] * s[j]) * (1 - D)
  }
  out <- data.frame(name = c("gini", "gini_within", "gini_between", "gini_transvariation"),
                    value = c(G, Gw, Gnb, Gt))
  for (j in 1:k) out <- rbind(out, data.frame(name = paste0("group_gini:", groups[j]), value = Gjj[j]))
  for (j in 1:k) for (h in 1:k) if (h < j) {
    out <- rbind(out, data.frame(name = paste0("pair_gini:", groups[j], "|", groups[h]), value = Gjh[j, h]))
    out <- rbind(out, data.frame(name = paste0("pair_d:", groups[j], "|", groups[h]), value = Djh[j, h]))
  }
  out
}

theil <- function(y, g) {
  groups <- unique(g); n <- length(y); mu <- mean(y)
  T <- 0; L <- 0
  for (i in 1:n) { T <- T + (y[i] / mu) * log(y[i] / mu); L <- L + log(mu / y[i]) }
  T <- T / n; L <- L / n
  Tw <- 0; Tb <- 0; Lw <- 0; Lb <- 0
  out <- data.frame(name = character(), value = numeric())
  for (j in seq_along(groups)) {
    a <- y[g == groups[j]]; m <- mean(a); nj <- length(a)
    Tj <- 0; Lj <- 0
    for (i in seq_along(a)) { Tj <- Tj + (a[i] / m) * log(a[i] / m); Lj <- Lj + log(m / a[i]) }
    Tj <- Tj / nj; Lj <- Lj / nj
    sj <- nj * m / (n * mu); pj <- nj / n
    Tw <- Tw + sj * Tj; Tb <- Tb + sj * log(m / mu)
    Lw <- Lw + pj * Lj; Lb <- Lb + pj * log(mu / m)
    out <- rbind(out, data.frame(name = c(paste0("group_theil_t:", groups[j]), paste0("group_theil_l:", groups[j])),
                                 value = c(Tj, Lj)))
  }
  rbind(data.frame(name = c("theil_t", "theil_t_within", "theil_t_between", "theil_l", "theil_l_within",
                            "theil_l_between"), value = c(T, Tw, Tb, L, Lw, Lb)), out)
}

write_ref <- function(df, file) write.csv(df, file, row.names = FALSE, quote = FALSE)
fmt <- function(df) { df$value <- sprintf("%.17g", df$value); df }

# Case 1: 60 synthetic units in 4 regions of different level and spread (lognormal).
set.seed(20221219)
g1 <- rep(c("east", "central", "west", "northeast"), times = c(20, 16, 14, 10))
y1 <- c(rlnorm(20, log(70), 0.25), rlnorm(16, log(55), 0.2), rlnorm(14, log(45), 0.3), rlnorm(10, log(50), 0.15))
perm <- sample(60); g1 <- g1[perm]; y1 <- y1[perm]       # groups interleaved in the file
write.csv(data.frame(unit = sprintf("u%02d", 1:60), group = g1, value = sprintf("%.17g", y1)),
          "input_regions.csv", row.names = FALSE, quote = FALSE)
write_ref(fmt(dagum(y1, g1)), "ref_dagum_regions.csv")
write_ref(fmt(theil(y1, g1)), "ref_theil_regions.csv")

# Case 2: a group with a single unit and tied values (G_jj = 0 for it; D_jh with overlap).
y2 <- c(3, 5, 5, 8, 2, 9, 4, 4, 7, 6, 10)
g2 <- c("a", "a", "b", "b", "a", "c", "b", "a", "b", "a", "b")
g2[6] <- "solo"
write.csv(data.frame(unit = sprintf("v%02d", seq_along(y2)), group = g2, value = y2),
          "input_small.csv", row.names = FALSE, quote = FALSE)
write_ref(fmt(dagum(y2, g2)), "ref_dagum_small.csv")
write_ref(fmt(theil(y2, g2)), "ref_theil_small.csv")
cat("R", as.character(getRversion()), "\n")
