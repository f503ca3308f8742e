# Reference values for methods/density: bandwidths bw.nrd0 and bw.SJ (method "ste") and
# stats::density(x, bw, n = 512, cut = 3) of R 4.2.2, plus the exact kernel sum on R's grid
# (plain dnorm sums, independent of the C++ code). Run: Rscript generate.R
set.seed(20221219)
samples <- list(
  s60 = rlnorm(60, log(55), 0.3),                                      # n <= nb/2: bw_den
  s800 = c(rnorm(500, 40, 6), rnorm(300, 70, 9)),                     # n > nb/2: bw_den_binned, bimodal
  s25 = round(runif(25, 0, 100), 1)                                    # small, rounded (ties)
)
f <- function(z) sprintf("%.17g", z)
bw <- data.frame(sample = character(), nrd0 = character(), sj = character())
for (s in names(samples)) {
  x <- samples[[s]]
  writeLines(f(x), paste0("input_", s, ".txt"))
  bw <- rbind(bw, data.frame(sample = s, nrd0 = f(bw.nrd0(x)), sj = f(bw.SJ(x))))
  for (rule in c("nrd0", "SJ")) {
    d <- density(x, bw = rule)                                         # n = 512, cut = 3
    exact <- sapply(d$x, function(g) { s <- 0; for (xi in x) s <- s + dnorm((g - xi) / d$bw); s / (length(x) * d$bw) })
    write.csv(data.frame(x = f(d$x), r_density = f(d$y), exact = f(exact)),
              paste0("ref_density_", s, "_", rule, ".csv"), row.names = FALSE, quote = FALSE)
  }
}
write.csv(bw, "ref_bandwidths.csv", row.names = FALSE, quote = FALSE)
cat("R", as.character(getRversion()), "\n")
