# Reference weights for tests/weighting/deviation_test.cpp, written independently in base R
# 4.2.2 from the formulas (no packages):
#  - maximising deviation (Wang 1998): z = min-max per column, D_j = sum_i sum_k |z_ij - z_kj|;
#  - mean deviation: MD_j = mean |z_ij - mean(z_j)|;
#  - independence weights: 1 - R^2_j from lm(x_j ~ all other columns) (summary()$r.squared).
# Weights = the score / its sum. Run from the repository root.
out <- "validation/weighting/deviation"
set.seed(7031)
n <- 30
x <- cbind(a = round(runif(n) * 100) / 4, b = round(rnorm(n, 50, 10) * 8) / 8, c = NA, d = round(rexp(n) * 64) / 64)
x[, "c"] <- round((0.6 * x[, "a"] + rnorm(n, 0, 5)) * 16) / 16   # correlated with a
write.csv(x, file.path(out, "input.csv"), row.names = FALSE)
z <- apply(x, 2, function(v) (v - min(v)) / (max(v) - min(v)))
D <- apply(z, 2, function(v) sum(abs(outer(v, v, "-"))))
MD <- apply(z, 2, function(v) mean(abs(v - mean(v))))
ind <- sapply(seq_len(ncol(x)), function(j) 1 - summary(lm(x[, j] ~ x[, -j]))$r.squared)
ref <- data.frame(quantity = c("maxdev_score", "maxdev_weight", "meandev_score", "meandev_weight",
                               "indep_score", "indep_weight"),
                  rbind(D, D / sum(D), MD, MD / sum(MD), ind, ind / sum(ind)))
names(ref) <- c("quantity", colnames(x))
write.csv(ref, file.path(out, "ref_deviation.csv"), row.names = FALSE)
