#!/usr/bin/env Rscript
# Reference values for methods/audit (node correlations, spline correlation ratios S_i, and
# COINr's weight optimisation). R 4.2, splines (base R), COINr 1.1.14. Run from the worktree root:
#   Rscript validation/audit/generate.R
# Inputs:
#   validation/audit/governance_built.csv  the built index of cikit's bundled governance example,
#       exported by `cikit index datasets/governance/governance.yaml --out DIR` (scores.csv:
#       normalised indicators and aggregated scores at %.17g) and reshaped by export_governance.sh:
#       columns unit, then every tree node id (index first); and governance_tree.csv (node, parent)
#   /work/shared/data/coinr-asem (or ../shared/data/coinr-asem): COINr's built ASEM index
#       (stage_Aggregated.csv) and its metadata (ASEM_iMeta.csv)
# Outputs (%.17g):
#   ref_governance.csv, ref_asem.csv   per non-root node: r_parent, r_index (cor, complete pairs),
#       rho_parent, rho_index (cor(method = "spearman")), s_parent, s_index
#       (summary(lm(y ~ splines::bs(x, df = 5)))$r.squared), and s_index_df4 (df = 4)
#   ref_asem_optim.csv  COINr get_opt_weights(build_example_coin(), itarg = "equal",
#       dset = "Aggregated", Level = 2, optype = "balance"): objective value, evaluations,
#       optimised weights per pillar (COINr's defaults: Nelder-Mead, reltol 0.1, maxit 500)
suppressPackageStartupMessages({ library(splines) })
here <- "validation/audit"
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

node_refs <- function(scores, parent, root) {
  rows <- list()
  for (node in names(parent)) {
    if (node == root) next
    p <- parent[[node]]
    one <- function(y, x, df) {
      ok <- !is.na(x) & !is.na(y)
      summary(lm(y[ok] ~ bs(x[ok], df = df)))$r.squared
    }
    x <- scores[[node]]; yp <- scores[[p]]; yi <- scores[[root]]
    okp <- !is.na(x) & !is.na(yp); oki <- !is.na(x) & !is.na(yi)
    rows[[length(rows) + 1]] <- data.frame(
      node = node, parent = p,
      r_parent = f17(cor(x[okp], yp[okp])), r_index = f17(cor(x[oki], yi[oki])),
      rho_parent = f17(cor(x[okp], yp[okp], method = "spearman")),
      rho_index = f17(cor(x[oki], yi[oki], method = "spearman")),
      s_parent = f17(one(yp, x, 5)), s_index = f17(one(yi, x, 5)), s_index_df4 = f17(one(yi, x, 4)))
  }
  do.call(rbind, rows)
}

# ---- governance example (cikit's built index) -------------------------------------------
g <- read.csv(file.path(here, "governance_built.csv"), check.names = FALSE)
gt <- read.csv(file.path(here, "governance_tree.csv"), stringsAsFactors = FALSE)
gparent <- setNames(as.list(gt$parent), gt$node)
write.csv(node_refs(g, gparent, gt$node[1]), file.path(here, "ref_governance.csv"), row.names = FALSE, quote = FALSE)

# ---- COINr ASEM (COINr's built index) -----------------------------------------------------
asem <- Filter(dir.exists, c("/work/shared/data/coinr-asem", "../shared/data/coinr-asem"))[1]
if (!is.na(asem)) {
  a <- read.csv(file.path(asem, "stage_Aggregated.csv"), check.names = FALSE)
  m <- read.csv(file.path(asem, "ASEM_iMeta.csv"), stringsAsFactors = FALSE)
  m <- m[m$Type %in% c("Indicator", "Aggregate"), ]
  aparent <- setNames(as.list(ifelse(is.na(m$Parent) | m$Parent == "", "Index", m$Parent)), m$iCode)
  aparent[["Index"]] <- "Index"
  aparent <- aparent[c("Index", setdiff(names(aparent), "Index"))]
  write.csv(node_refs(a, aparent, "Index"), file.path(here, "ref_asem.csv"), row.names = FALSE, quote = FALSE)

  suppressPackageStartupMessages(library(COINr))
  coin <- suppressMessages(build_example_coin(quietly = TRUE))
  res <- suppressMessages(get_opt_weights(coin, itarg = "equal", dset = "Aggregated", Level = 2,
                                          optype = "balance"))
  w <- res$WeightsOpt
  w <- w[w$Level == 2, ]
  write.csv(data.frame(pillar = w$iCode, weight = f17(w$Weight),
                       objective = f17(res$OptResults$value),
                       evaluations = res$OptResults$counts[["function"]],
                       obtained = f17(res$CorrResultsNorm$Obtained)),
            file.path(here, "ref_asem_optim.csv"), row.names = FALSE, quote = FALSE)
}
cat(R.version.string, "; COINr", as.character(packageVersion("COINr")), "\n")
