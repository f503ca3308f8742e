# Reference values for criterion validity (methods/validity/criterion.hpp): Pearson r with
# cor.test (t-test p, Fisher-z 95% CI) and Spearman rho with cor.test(exact = FALSE) (t
# approximation p) plus the Fisher-z CI with the Bonett & Wright (2000) standard error
# sqrt((1 + rho^2/2)/(n - 3)), computed here by formula (cor.test gives no Spearman CI).
# Pairs with a missing value are dropped (as cor.test).
# Cases (scores x criteria):
#   governance: the bundled example's index and first-level dimension scores, as written by
#               `cikit index datasets/governance/governance.yaml --out DIR` (scores.csv, copied
#               to governance_scores.csv with full precision), against the spec's criteria
#               resident_satisfaction and gdp_per_capita of cities.csv (rounded: ties; 2 % NA);
#   sim1:       validation/validity/data/sim1 truth.csv (true_index, true_d1, true_d2; n = 30)
#               against indicators x01 and x05 of its data.csv;
#   sim3:       sim3 truth.csv (true_index, true_d1..d3) against x01 and x07 (5 % missing).
# Output: long CSV case, criterion, score, quantity, value (%.17g).
# Run from the worktree root: Rscript validation/validity/criterion/generate.R
options(digits = 17)
dir <- "validation/validity/criterion"

spearman_ci <- function(rho, n, level = 0.95) {
  se <- sqrt((1 + rho^2 / 2) / (n - 3))
  z <- atanh(rho); q <- qnorm((1 + level) / 2)
  tanh(c(z - q * se, z + q * se))
}

rows <- list()
add <- function(case, crit, score, q, v)
  rows[[length(rows) + 1]] <<- data.frame(case = case, criterion = crit, score = score, quantity = q,
                                          value = sprintf("%.17g", v))
run <- function(case, S, C) {
  for (cn in colnames(C)) for (sn in colnames(S)) {
    x <- S[, sn]; y <- C[, cn]
    n <- sum(complete.cases(x, y))
    p <- cor.test(x, y, method = "pearson")
    s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
    rho <- unname(s$estimate)
    ci <- spearman_ci(rho, n)
    add(case, cn, sn, "n", n)
    add(case, cn, sn, "pearson_r", p$estimate); add(case, cn, sn, "pearson_p", p$p.value)
    add(case, cn, sn, "pearson_lower", p$conf.int[1]); add(case, cn, sn, "pearson_upper", p$conf.int[2])
    add(case, cn, sn, "spearman_r", rho); add(case, cn, sn, "spearman_p", s$p.value)
    add(case, cn, sn, "spearman_lower", ci[1]); add(case, cn, sn, "spearman_upper", ci[2])
  }
}

g_scores <- read.csv(file.path(dir, "governance_scores.csv"), check.names = FALSE)
cities <- read.csv("datasets/governance/cities.csv", na.strings = c("", "NA"), check.names = FALSE)
stopifnot(identical(g_scores[[1]], cities$city_id))
run("governance", as.matrix(g_scores[, -1]), as.matrix(cities[, c("resident_satisfaction", "gdp_per_capita")]))
for (sim in c("sim1", "sim3")) {
  d <- read.csv(sprintf("validation/validity/data/%s/data.csv", sim), na.strings = c("", "NA"))
  t <- read.csv(sprintf("validation/validity/data/%s/truth.csv", sim))
  S <- as.matrix(t[, c("true_index", grep("^true_d", names(t), value = TRUE))])
  run(sim, S, as.matrix(d[, c("x01", if (sim == "sim1") "x05" else "x07")]))
}
write.csv(do.call(rbind, rows), file.path(dir, "ref_criterion.csv"), row.names = FALSE)
