# Pooled ("global") min-max normalisation of a panel by COINr 1.1.14's purse, for
# tests/panel: COINr's Normalise(purse, global = TRUE) computes the min and max of each indicator
# over all periods, as cikit's panel.normalize: pooled. Equal weights, arithmetic means up the
# tree (COINr Aggregate a_amean) — cikit case coinr.yaml. Writes ref_coinr_pooled.csv.
# Run: Rscript coinr_purse.R   (from this folder; needs COINr: ../shared/tools/install-coinr.sh).
suppressPackageStartupMessages(library(COINr))
d <- read.csv("panel_data.csv")
iData <- data.frame(uCode = d$unit, uName = d$unit, Time = d$year, x1 = d$x1, x2 = d$x2, x3 = d$x3, x4 = d$x4)
iMeta <- data.frame(
  iCode = c("x1", "x2", "x3", "x4", "A", "B", "idx"),
  iName = c("x1", "x2", "x3", "x4", "A", "B", "idx"),
  Level = c(1, 1, 1, 1, 2, 2, 3),
  Parent = c("A", "A", "B", "B", "idx", "idx", NA),
  Direction = c(1, -1, 1, 1, 1, 1, 1),
  Weight = 1,
  Type = c(rep("Indicator", 4), rep("Aggregate", 3)))
purse <- new_coin(iData, iMeta, split_to = "all", quietly = TRUE)
purse <- Normalise(purse, dset = "Raw", global = TRUE,
                   global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))))
purse <- Aggregate(purse, dset = "Normalised", f_ag = "a_amean")
a <- get_dset(purse, dset = "Aggregated")
a <- a[order(a$Time, a$uCode), c("Time", "uCode", "x1", "x2", "x3", "x4", "A", "B", "idx")]
names(a) <- c("period", "unit", "x1", "x2", "x3", "x4", "A", "B", "index")
write.csv(a, "ref_coinr_pooled.csv", row.names = FALSE)
cat("COINr", as.character(packageVersion("COINr")), ":", nrow(a), "rows written to ref_coinr_pooled.csv\n")
