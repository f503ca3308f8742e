#!/usr/bin/env Rscript
# Reference values for methods/aggregate/edas, base R 4.2, written from Keshavarz Ghorabaee et al.
# (2015) eqs. (1)-(9): AV = colMeans; PDA/NDA with orientation; SP, SN; NSP = SP/max SP,
# NSN = 1 - SN/max SN; AS = (NSP + NSN)/2. Input ../mcda_input.R (13 complete units, c2 and c5
# cost). Writes ref_edas.csv.   Regenerate: Rscript validation/aggregate/edas/generate.R
args <- commandArgs(trailingOnly = FALSE)
source(file.path(dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)]))), "..", "mcda_input.R"))
av <- colMeans(xc)
dev <- sweep(sweep(xc, 2, av), 2, av, "/")          # (x - AV)/AV
dev[, cost] <- -dev[, cost]
pda <- pmax(dev, 0); nda <- pmax(-dev, 0)
SP <- as.vector(pda %*% w); SN <- as.vector(nda %*% w)
NSP <- SP / max(SP); NSN <- 1 - SN / max(SN)
write_ref(data.frame(sp = full(SP), sn = full(SN), nsp = full(NSP), nsn = full(NSN), as = full((NSP + NSN) / 2)),
          "ref_edas.csv")
cat(R.version.string, "\n")
