# COINr get_sensitivity on ASEM, timed inside R, for benchmarks/sensitivity/coinr_ratio.sh.
# usage: Rscript coinr_ratio.R OUTDIR N
#   Writes OUTDIR/asem.csv (COINr::ASEM_iData: uCode, EurAsia_group and the 49 raw indicators)
#   and OUTDIR/asem.yaml (the same tree as COINr::ASEM_iMeta: 49 indicators -> 8 pillars ->
#   2 sub-indices -> Index, directions from the metadata, equal weights) with the uncertainty
#   block of the design below, then runs get_sensitivity(SA_type = "UA", N) on the same design
#   and prints one line: "seconds runs COINr-version".
# Design (both tools): imputation {mean, median} (whole sample) x normalisation {min-max 0-100,
# z-score} x +-25 % uniform noise on every weight (indicators, pillars, sub-indices), arithmetic
# means, no denominators and no outlier treatment (so both pipelines do the same steps).
# COINr: new_coin -> Impute (i_mean) -> Normalise (n_minmax 0-100) -> Aggregate (a_amean); the
# noisy weights are get_noisy_weights(Nrep = N) with NoiseFactor 0.25 at levels 1-3.
suppressMessages(library(COINr))
a <- commandArgs(TRUE)
out <- a[1]; N <- as.integer(a[2])
dir.create(out, showWarnings = FALSE, recursive = TRUE)
meta <- COINr::ASEM_iMeta
ind <- meta[meta$Type == "Indicator", ]
d <- COINr::ASEM_iData
write.csv(d[, c("uCode", "EurAsia_group", ind$iCode)], file.path(out, "asem.csv"), row.names = FALSE, na = "")

# The spec: the tree from the metadata (Parent column), leaves with their direction.
node <- function(code, depth) {
  pad <- strrep("  ", depth)
  kids <- meta$iCode[!is.na(meta$Parent) & meta$Parent == code & meta$Type %in% c("Indicator", "Aggregate")]
  if (length(kids) == 0) {
    dir <- if (meta$Direction[meta$iCode == code] < 0) "-" else "+"
    return(sprintf('%s- {id: "%s", direction: "%s"}', pad, code, dir))
  }
  c(sprintf('%s- id: "%s"', pad, code), sprintf("%s  children:", pad), unlist(lapply(kids, node, depth + 2)))
}
top <- meta$iCode[!is.na(meta$Parent) & meta$Parent == "Index"]
spec <- c("index: {id: Index, label: {zh: ASEM 可持续互联指数, en: ASEM Sustainable Connectivity}}",
          "data: {file: asem.csv, unit: uCode}",
          "methods:",
          "  normalize: {method: minmax, range: [0, 100]}",
          "  weights: equal",
          "  aggregate: arithmetic",
          "  treat: {impute: mean}",
          "uncertainty:",
          "  impute: [mean, median]",
          "  normalize: [minmax, zscore]",
          "  weight_noise: {percent: 25}",
          "tree:", unlist(lapply(top, node, 1)))
writeLines(spec, file.path(out, "asem.yaml"))

coin <- suppressMessages({
  co <- new_coin(COINr::ASEM_iData, COINr::ASEM_iMeta, level_names = c("Indicator", "Pillar", "Sub-index", "Index"),
                 quietly = TRUE)
  co <- Impute(co, dset = "Raw", f_i = "i_mean")
  co <- Normalise(co, dset = "Imputed", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0, 100))))
  Aggregate(co, dset = "Normalised", f_ag = "a_amean")
})
w_nom <- coin$Meta$Weights$Original
set.seed(1)
noisy <- get_noisy_weights(w = w_nom, noise_specs = data.frame(Level = 1:3, NoiseFactor = rep(0.25, 3)), Nrep = N)
specs <- list(
  Imputation = list(Address = "$Log$Impute$f_i", Distribution = c("i_mean", "i_median"), Type = "discrete"),
  Normalisation = list(Address = "$Log$Normalise$global_specs",
                       Distribution = list(list(f_n = "n_minmax", f_n_para = list(c(0, 100))),
                                           list(f_n = "n_zscore", f_n_para = list(c(0, 1)))),
                       Type = "discrete"),
  Weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"))
t <- system.time(res <- suppressMessages(suppressWarnings(
  get_sensitivity(coin, SA_specs = specs, N = N, SA_type = "UA", dset = "Aggregated", iCode = "Index"))))[["elapsed"]]
runs <- ncol(res$Scores) - 2  # uCode, Nominal, then one column per run (r_1 .. r_N)
cat(t, runs, as.character(packageVersion("COINr")), "\n")
