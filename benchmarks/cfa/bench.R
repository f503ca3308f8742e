# Times `cikit cfa` against lavaan cfa(); see README.md. usage: Rscript bench.R PATH/TO/cikit
suppressPackageStartupMessages({ library(lavaan); library(psychTools) })
args <- commandArgs(trailingOnly = TRUE)
cikit <- normalizePath(args[1])
dir <- tempfile("cfa_bench"); dir.create(dir)
write_spec <- function(name, data, groups) {
  d <- data.frame(id = paste0("u", seq_len(nrow(data))), data)
  write.csv(d, file.path(dir, paste0(name, ".csv")), row.names = FALSE, na = "")
  tree <- vapply(names(groups), function(g) sprintf("  - {id: %s, label: {zh: %s, en: %s}, children: [%s]}", g, g, g,
                 paste0("{id: ", groups[[g]], ", direction: \"+\"}", collapse = ", ")), "")
  writeLines(c(sprintf("index: {id: %s, label: {zh: %s, en: %s}}", name, name, name),
               sprintf("data: {file: %s.csv, unit: id}", name), "tree:", tree), file.path(dir, paste0(name, ".yaml")))
  paste(vapply(names(groups), function(g) paste(g, "=~", paste(groups[[g]], collapse = " + ")), ""), collapse = "\n")
}
# Each timer returns c(elapsed, cpu): medians of the wall-clock and of the CPU seconds (user + sys;
# of the child process for cikit, of this R process for lavaan). On a shared machine the CPU
# seconds compare the work done; the elapsed seconds include waiting for a core.
time_cikit <- function(name, extra = character()) {
  t <- replicate(5, system.time(system2(cikit, c("cfa", file.path(dir, paste0(name, ".yaml")), "--format", "json", extra),
                                         stdout = FALSE, stderr = FALSE)))
  c(median(t["elapsed", ]), median(t["user.child", ] + t["sys.child", ]))
}
# (replicate() wraps its expression in a function(...): pass the options explicitly.)
time_lavaan <- function(model, data, ..., reps = 5) {
  opts <- list(...)
  t <- replicate(reps, system.time(do.call("cfa", c(list(model = model, data = quote(data)), opts))))
  t <- matrix(t, nrow = 5)  # rows: user.self, sys.self, elapsed, user.child, sys.child
  c(median(t[3, ]), median(t[1, ] + t[2, ]))
}
data(bfi)
items <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5), paste0("N", 1:5), paste0("O", 1:5))
g <- split(items, substr(items, 1, 1)); names(g) <- paste0("f", names(g))
m_bfi <- write_spec("bfi", bfi[, items], g)
set.seed(20261206)
n <- 3000; k <- 12; per <- 5
phi <- matrix(0.3, k, k); diag(phi) <- 1
eta <- MASS::mvrnorm(n, rep(0, k), phi)
x <- do.call(cbind, lapply(seq_len(k), function(f) sapply(1:per, function(j) 0.7 * eta[, f] + rnorm(n, sd = 0.7))))
colnames(x) <- paste0("v", seq_len(k * per))
g12 <- split(colnames(x), rep(paste0("F", seq_len(k)), each = per))
m_sim <- write_spec("sim", x, g12)
# Robust FIML (MLR): lavaan takes minutes here (numerical Hessian, FIML-corrected robust
# indices), so it is timed once; cikit as the others (median of 5).
ck <- rbind(time_cikit("bfi"), time_cikit("bfi", c("--missing", "fiml")), time_cikit("sim"),
            time_cikit("bfi", c("--missing", "fiml", "--estimator", "mlr")))
lv <- rbind(time_lavaan(m_bfi, bfi[, items]), time_lavaan(m_bfi, bfi[, items], missing = "ml"),
            time_lavaan(m_sim, as.data.frame(x)),
            time_lavaan(m_bfi, bfi[, items], missing = "ml", estimator = "MLR", reps = 1))
res <- data.frame(case = c("bfi listwise ML", "bfi FIML", "sim 3000x60 12 factors ML", "bfi FIML MLR (lavaan once)"),
                  cikit_s = ck[, 1], lavaan_s = lv[, 1], ratio = lv[, 1] / ck[, 1],
                  cikit_cpu = ck[, 2], lavaan_cpu = lv[, 2], ratio_cpu = lv[, 2] / ck[, 2])
print(res, digits = 3)
cat("load:", system("uptime", intern = TRUE), "\n")
cat("threads: OMP_NUM_THREADS =", Sys.getenv("OMP_NUM_THREADS"), ", OPENBLAS_NUM_THREADS =", Sys.getenv("OPENBLAS_NUM_THREADS"), "\n")
