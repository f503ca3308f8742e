# Workbooks written by an independent writer (R's openxlsx) for cikit's .xlsx reader, and the
# same data as CSV (written by R's write.csv) so the tests can demand identical scores.
# Run from this folder:  Rscript generate.R
# Outputs (committed): cells.xlsx + cells.csv, big.xlsx + ref_big_sample.csv + ref_big_sums.csv,
# bad_merged.xlsx, bad_formula.xlsx, denominate ref (ref_denominate.csv, via COINr::Denominate).
suppressMessages({
  library(openxlsx)
  library(COINr)
})
set.seed(20261206)

# ---- cells.xlsx: every cell type, a title row, a Chinese sheet name --------------------------
n <- 40
ids <- sprintf("C%02d", seq_len(n))
names_zh <- paste0("城市", seq_len(n))
x1 <- round(runif(n, 10, 90), 3)            # doubles
x2 <- as.integer(round(runif(n, 100, 5000)))  # integers
x3 <- round(rnorm(n, 50, 12), 2)
x4 <- round(rlnorm(n, 3, 0.6), 4)
pop <- round(runif(n, 20, 900), 1)         # denominator column
flag <- runif(n) > 0.5                     # booleans: read as 1 / 0
day <- as.Date("2020-01-01") + as.integer(runif(n, 0, 365))  # dates: read as serial numbers
x3[c(5, 17)] <- NA                          # empty cells (missing)
df <- data.frame(city_id = ids, name_zh = names_zh, x1 = x1, x2 = x2, x3 = x3, x4 = x4,
                 pop = pop, flag = flag, day = day, stringsAsFactors = FALSE)
wb <- createWorkbook()
addWorksheet(wb, "城市数据")
writeData(wb, 1, "城市治理指标数据（示例，2020年）", startRow = 1, startCol = 1)  # title row
writeData(wb, 1, df, startRow = 2, startCol = 1, keepNA = FALSE)
addWorksheet(wb, "notes")
writeData(wb, 2, data.frame(note = c("second sheet", "not data")))
saveWorkbook(wb, "cells.xlsx", overwrite = TRUE)
# The same data as CSV. Dates as Excel serial numbers (days since 1899-12-30), booleans 1/0.
csv <- df
csv$flag <- as.integer(csv$flag)
csv$day <- as.numeric(csv$day - as.Date("1899-12-30"))
write.csv(csv, "cells.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")

# ---- errors.xlsx: Excel error values (openxlsx writes NA as a #N/A error cell with keepNA) --
e <- data.frame(id = c("a", "b", "c", "d"), v = c(1.5, NA, 2.5, 4), w = c(3, 2, NA, 1))
wb <- createWorkbook()
addWorksheet(wb, "data")
writeData(wb, 1, e, keepNA = TRUE)  # NA -> <c t="e"><v>#N/A</v></c>
saveWorkbook(wb, "errors.xlsx", overwrite = TRUE)

# ---- big.xlsx: 10^5 rows --------------------------------------------------------------------
N <- 100000
big <- data.frame(unit = seq_len(N),  # numeric ids (compress better than 10^5 shared strings)
                  a = round(runif(N, 0, 100), 1),
                  b = as.integer(round(runif(N, 0, 1000))))
wb <- createWorkbook()
addWorksheet(wb, "big")
writeData(wb, 1, big)
saveWorkbook(wb, "big.xlsx", overwrite = TRUE)
sample_rows <- seq(1, N, by = 997)
write.csv(big[sample_rows, ], "ref_big_sample.csv", row.names = FALSE)
write.csv(data.frame(column = c("a", "b"),
                     sum = sprintf("%.10f", c(sum(big$a), sum(big$b)))),
          "ref_big_sums.csv", row.names = FALSE, quote = FALSE)

# ---- bad workbooks ----------------------------------------------------------------------------
wb <- createWorkbook()
addWorksheet(wb, "data")
writeData(wb, 1, data.frame(id = c("a", "b"), x = c(1, 2), y = c(3, 4)))
mergeCells(wb, 1, cols = 2:3, rows = 1)  # header cells B1:C1 merged
saveWorkbook(wb, "bad_merged.xlsx", overwrite = TRUE)

wb <- createWorkbook()
addWorksheet(wb, "data")
writeData(wb, 1, data.frame(id = c("a", "b"), x = c(1, 2)))
writeData(wb, 1, "y", startCol = 3, startRow = 1)
writeFormula(wb, 1, x = c("B2*2", "B3*2"), startCol = 3, startRow = 2)  # openxlsx stores no cached value
saveWorkbook(wb, "bad_formula.xlsx", overwrite = TRUE)

# ---- COINr Denominate reference (x1 / (pop / 1000)) ------------------------------------------
x <- data.frame(uCode = ids, x1 = x1, x2 = as.numeric(x2))
den <- data.frame(uCode = ids, pop = pop)
by <- data.frame(iCode = c("x1", "x2"), Denominator = c("pop", "pop"), ScaleFactor = c(1000, 1))
out <- COINr::Denominate(x, denoms = den, denomby = by)
write.csv(data.frame(uCode = out$uCode, x1 = sprintf("%.17g", out$x1), x2 = sprintf("%.17g", out$x2)),
          "ref_denominate.csv", row.names = FALSE, quote = FALSE)
cat("openxlsx", as.character(packageVersion("openxlsx")), "COINr", as.character(packageVersion("COINr")),
    R.version.string, "\n")
