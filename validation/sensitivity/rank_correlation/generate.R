# Reference values for cikit::spearman_rho and cikit::kendall_tau_b (methods/sensitivity/rank_stats).
# R's cor(method = "spearman") = Pearson on average ranks; cor(method = "kendall") = tau-b.
# Run from the worktree root: Rscript validation/sensitivity/rank_correlation/generate.R
set.seed(20221219)
pairs <- list()
# 1: continuous, no ties
x <- rnorm(40); pairs[[1]] <- list(x = x, y = 0.6 * x + rnorm(40))
# 2: values rounded to 1 decimal: ties in both
x <- round(rnorm(50), 1); pairs[[2]] <- list(x = x, y = round(x + rnorm(50, sd = 0.7), 1))
# 3: ranks 1..10 with heavy ties (as competition ranks of a composite index)
pairs[[3]] <- list(x = c(1, 2, 2, 4, 5, 5, 5, 8, 9, 10), y = c(2, 1, 3, 3, 6, 5, 7, 7, 10, 9))
# 4: small integer scores, many ties, negative association
x <- sample(1:5, 30, replace = TRUE); pairs[[4]] <- list(x = x, y = 6 - x + sample(-1:1, 30, replace = TRUE))
# 5: n = 3
pairs[[5]] <- list(x = c(3, 1, 2), y = c(1, 2, 2))
inp <- do.call(rbind, lapply(seq_along(pairs), function(p)
  data.frame(pair = p, x = sprintf("%.17g", pairs[[p]]$x), y = sprintf("%.17g", pairs[[p]]$y))))
write.csv(inp, "validation/sensitivity/rank_correlation/input.csv", row.names = FALSE, quote = FALSE)
ref <- do.call(rbind, lapply(seq_along(pairs), function(p) data.frame(pair = p,
  n = length(pairs[[p]]$x),
  spearman = sprintf("%.17g", cor(pairs[[p]]$x, pairs[[p]]$y, method = "spearman")),
  kendall = sprintf("%.17g", cor(pairs[[p]]$x, pairs[[p]]$y, method = "kendall")))))
write.csv(ref, "validation/sensitivity/rank_correlation/ref_rank_correlation.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "\n")
