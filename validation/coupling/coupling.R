# Independent reference for methods/coupling and methods/obstacles (base R only, R >= 4),
# written from the formulas in docs/methods.md#coupling and #obstacles, not from the C++.
# Run: Rscript coupling.R   (from this folder). Writes the inputs and the ref_*.csv files.
set.seed(20261206)

## Coupling coordination: 40 units x 3 subsystems on [0, 1], plus edge rows.
n <- 40
U <- matrix(runif(n * 3), n, 3)
U <- rbind(U,
           c(0.2, 0.8, 0.5),  # hand case
           c(0.5, 0.5, 0.5),  # equal subsystems
           c(0, 0.4, 0.9),    # one subsystem at 0
           c(1, 1, 1))        # all at the top
colnames(U) <- c("u1", "u2", "u3")
w <- c(0.5, 0.3, 0.2)
write.csv(data.frame(U), "coupling_input.csv", row.names = FALSE)

c_traditional <- function(u) { m <- length(u); m * prod(u)^(1 / m) / sum(u) }
c_corrected <- function(u) {
  m <- length(u)
  pairs <- combn(m, 2)
  first <- 1 - sum(abs(u[pairs[1, ]] - u[pairs[2, ]])) / sum(seq_len(m - 1))
  second <- prod(u / max(u))^(1 / (m - 1))
  sqrt(first * second)
}
band <- function(d) pmin(floor(d * 10), 9)  # 0 = [0, 0.1) ... 9 = [0.9, 1]
TT <- as.vector(U %*% w)
out <- data.frame(t = TT)
for (f in c("corrected", "traditional")) {
  C <- apply(U, 1, if (f == "corrected") c_corrected else c_traditional)
  D <- sqrt(C * TT)
  out[[paste0("c_", f)]] <- C
  out[[paste0("d_", f)]] <- D
  out[[paste0("band_", f)]] <- band(D)
}
# Two subsystems: the corrected model's closed form sqrt((1 - |U1 - U2|) * min / max).
U2 <- U[, 1:2]
out$c_corrected_2 <- apply(U2, 1, c_corrected)
out$c_corrected_2_closed <- sqrt((1 - abs(U2[, 1] - U2[, 2])) * pmin(U2[, 1], U2[, 2]) / pmax(U2[, 1], U2[, 2]))
stopifnot(max(abs(out$c_corrected_2 - out$c_corrected_2_closed)) < 1e-14)
write.csv(out, "ref_coupling.csv", row.names = FALSE)

## Obstacle degree: 30 units x 6 indicators on [0, 1] (groups {1,2,3}, {4,5,6}), edge rows.
X <- matrix(runif(30 * 6), 30, 6)
X[5, 2] <- NA                       # a missing score
X <- rbind(X, rep(1, 6), c(0, 0, 0, 0, 0, 0), c(1, 1, 1, 0.5, 1, 1))
colnames(X) <- paste0("x", 1:6)
f <- c(0.10, 0.25, 0.15, 0.20, 0.05, 0.25)
write.csv(data.frame(X), "obstacles_input.csv", row.names = FALSE, na = "")
FI <- sweep(1 - X, 2, f, "*")
tot <- rowSums(FI, na.rm = TRUE)
O <- FI / ifelse(tot > 0, tot, 1)    # no shortfall: 0 (documented)
G <- cbind(g1 = rowSums(O[, 1:3], na.rm = TRUE), g2 = rowSums(O[, 4:6], na.rm = TRUE))
top3 <- t(apply(O, 1, function(o) { o[is.na(o)] <- -Inf; order(-o, seq_along(o))[1:3] - 1 }))  # 0-based
colnames(O) <- paste0("o", 1:6); colnames(top3) <- c("top1", "top2", "top3")
write.csv(data.frame(O, G, top3), "ref_obstacles.csv", row.names = FALSE, na = "")
skip <- which(tot == 0)
freq <- tabulate(as.vector(top3[-skip, ]) + 1, nbins = 6)
write.csv(data.frame(indicator = 0:5, top3_count = freq), "ref_obstacles_frequency.csv", row.names = FALSE)
cat("wrote coupling_input.csv ref_coupling.csv obstacles_input.csv ref_obstacles.csv ref_obstacles_frequency.csv\n")
