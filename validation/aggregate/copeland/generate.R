#!/usr/bin/env Rscript
# Reference values for cikit::copeland (methods/aggregate/copeland.hpp): weighted Condorcet
# pairwise comparisons and Copeland scores (Munda & Nardo 2009, Applied Economics 41:1513).
# Independent base-R implementation written from the formula, by pairwise loops:
#   e_ab = sum_{j shared} w_j (1[x_aj > x_bj] + 0.5 1[x_aj == x_bj]) / sum_{j shared} w_j
#   a beats b if e_ab > 1/2, loses if e_ab < 1/2; score = wins - losses.
# Input: 25 units x 4 criteria (integers 1..6, so ties are frequent), two missing cells,
# unequal weights (0.4, 0.3, 0.2, 0.1), plus an equal-weight run (ties between weighted votes).
# Writes input.csv, ref_copeland.csv (score, wins, losses per unit for both weightings).
# Regenerate:  Rscript validation/aggregate/copeland/generate.R   (R 4.2.2)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(20240614)
n <- 25
x <- matrix(sample(1:6, n * 4, replace = TRUE), n, 4, dimnames = list(NULL, paste0("c", 1:4)))
x[3, 2] <- NA
x[11, 4] <- NA
cope <- function(x, w) {
  n <- nrow(x); wins <- losses <- integer(n)
  for (a in 1:(n - 1)) for (b in (a + 1):n) {
    ok <- !is.na(x[a, ]) & !is.na(x[b, ])
    e <- sum(w[ok] * ((x[a, ok] > x[b, ok]) + 0.5 * (x[a, ok] == x[b, ok]))) / sum(w[ok])
    if (e > 0.5 + 1e-12) { wins[a] <- wins[a] + 1L; losses[b] <- losses[b] + 1L }
    if (e < 0.5 - 1e-12) { wins[b] <- wins[b] + 1L; losses[a] <- losses[a] + 1L }
  }
  data.frame(score = wins - losses, wins = wins, losses = losses)
}
w1 <- c(0.4, 0.3, 0.2, 0.1)
w2 <- rep(0.25, 4)
r1 <- cope(x, w1)
r2 <- cope(x, w2)
write.csv(data.frame(unit = sprintf("k%02d", 1:n), x), file.path(here, "input.csv"), row.names = FALSE,
          quote = FALSE, na = "NA")
write.csv(data.frame(unit = sprintf("k%02d", 1:n), score_w = r1$score, wins_w = r1$wins, losses_w = r1$losses,
                     score_eq = r2$score, wins_eq = r2$wins, losses_eq = r2$losses),
          file.path(here, "ref_copeland.csv"), row.names = FALSE, quote = FALSE)
stopifnot(sum(r2$wins) < choose(n, 2))  # equal weights produce tied pairs
cat(R.version.string, "\n")
