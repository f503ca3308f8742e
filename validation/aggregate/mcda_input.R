# Shared input of the MCDA reference scripts (gra, vikor, promethee, copras, edas, rsr), base R.
# Sourced by each <method>/generate.R: writes <method>/input.csv (14 units x 5 criteria, values
# > 0; column c3 has ties; NA: unit u05 criterion c4) and defines x, w, cost, ok, xc, n, fmt17,
# full(), write_ref(). Criteria c2 and c5 are cost criteria; weights w below (sum 1).
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
set.seed(2004)
n <- 14
q <- function(v) round(v * 64) / 64
x <- cbind(c1 = q(runif(n, 20, 80)), c2 = q(rlnorm(n, 1.5, 0.4)), c3 = as.numeric(sample(1:5, n, TRUE)),
           c4 = q(rgamma(n, 4, 0.5)), c5 = q(runif(n, 2, 9)))
x[5, 4] <- NA
w <- c(0.25, 0.2, 0.15, 0.25, 0.15)
cost <- c(FALSE, TRUE, FALSE, FALSE, TRUE)
fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write.csv(data.frame(unit = sprintf("u%02d", 1:n), apply(x, 2, fmt17)), file.path(here, "input.csv"),
          row.names = FALSE, quote = FALSE)
ok <- complete.cases(x)
xc <- x[ok, ]
full <- function(a) { o <- rep(NA, n); o[ok] <- a; o }
write_ref <- function(df, name) {
  df[] <- lapply(df, fmt17)
  write.csv(cbind(unit = sprintf("u%02d", 1:n), df), file.path(here, name), row.names = FALSE, quote = FALSE)
}
# Oriented min-max (benefit (x - min)/(max - min), cost (max - x)/(max - min)) of the complete units.
oriented01 <- function(m) {
  sapply(seq_len(ncol(m)), function(j) {
    v <- m[, j]; r <- max(v) - min(v)
    if (cost[j]) (max(v) - v) / r else (v - min(v)) / r
  })
}
