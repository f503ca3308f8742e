# Reference DEMATEL results for tests/weighting/dematel_test.cpp, written independently in base
# R 4.2.2 from Fontela & Gabus (1976) / Tzeng et al. (2007): A = mean of the experts' matrices,
# N = A / max(max row sum, max column sum), T = N (I - N)^-1, D = rowSums(T), R = colSums(T),
# w = sqrt((D+R)^2 + (D-R)^2) / sum. Run from the repository root.
out <- "validation/weighting/dematel"
x <- read.csv(file.path(out, "input.csv"))
ids <- names(x)[-(1:2)]
A <- Reduce(`+`, lapply(split(x, x$expert), function(e) as.matrix(e[match(ids, e$criterion), ids]))) /
  length(unique(x$expert))
N <- A / max(rowSums(A), colSums(A))
T <- N %*% solve(diag(length(ids)) - N)
D <- rowSums(T); R <- colSums(T)
w <- sqrt((D + R)^2 + (D - R)^2); w <- w / sum(w)
write.csv(data.frame(id = ids, T, D = D, R = R, prominence = D + R, relation = D - R, weight = w),
          file.path(out, "ref_dematel.csv"), row.names = FALSE)
