# Shared by validation/reliability/*/generate.R and validation/validity/factorability/generate.R
# (run them from the worktree root). Defines the reference data blocks and writes blocks.csv.
#
# A block = item columns of one data file, each with
#   sign: multiply the column by it before anything else (direction correction of the governance
#         example: indicators with direction "-" are multiplied by -1);
#   key:  psych keys (+1/-1); -1 = psych's reversal (max(X) + min(X)) - x, used for sim_keyed's
#         negative-direction indicators (the "negatively keyed item" case).
suppressPackageStartupMessages(library(yaml))
stopifnot(file.exists("datasets/governance/governance.yaml"))  # run from the worktree root

sim_dir <- "validation/reliability/alpha"
files <- c(gov = "datasets/governance/governance.yaml",
           sim_small = file.path(sim_dir, "sim_small/spec.yaml"),
           sim_wide = file.path(sim_dir, "sim_wide/spec.yaml"),
           sim_missing = file.path(sim_dir, "sim_missing/spec.yaml"),
           sim_keyed = file.path(sim_dir, "sim_keyed/spec.yaml"))

leaves <- function(node) {
  if (is.null(node$children)) return(data.frame(item = node$id, direction = node$direction %||% "+"))
  do.call(rbind, lapply(node$children, leaves))
}
`%||%` <- function(a, b) if (is.null(a)) b else a

read_data <- function(ds) {
  spec <- yaml::read_yaml(files[[ds]])
  d <- read.csv(file.path(dirname(files[[ds]]), spec$data$file), na.strings = c("", "NA"),
                check.names = FALSE, encoding = "UTF-8")
  list(spec = spec, data = d)
}

# blocks: data.frame(dataset, block, item, sign, key)
make_blocks <- function() {
  out <- list()
  add <- function(ds, block, lv, use_sign, use_key) {
    neg <- lv$direction == "-"
    out[[length(out) + 1]] <<- data.frame(dataset = ds, block = block, item = lv$item,
      sign = ifelse(use_sign & neg, -1, 1), key = ifelse(use_key & neg, -1, 1))
  }
  g <- read_data("gov")$spec
  for (dim in g$tree) add("gov", dim$id, leaves(dim), TRUE, FALSE)
  for (ds in c("sim_small", "sim_wide", "sim_missing", "sim_keyed")) {
    s <- read_data(ds)$spec
    all <- do.call(rbind, lapply(s$tree, leaves))
    add(ds, "all", all, FALSE, ds == "sim_keyed")
    if (length(s$tree) > 1) for (dim in s$tree) add(ds, dim$id, leaves(dim), FALSE, FALSE)
  }
  do.call(rbind, out)
}

blocks <- make_blocks()
data_cache <- lapply(setNames(names(files), names(files)), function(ds) read_data(ds)$data)

# The (sign-corrected) item matrix of a block, and its keys.
block_x <- function(ds, blk) {
  b <- blocks[blocks$dataset == ds & blocks$block == blk, ]
  x <- as.matrix(data_cache[[ds]][, b$item, drop = FALSE])
  storage.mode(x) <- "double"
  x <- sweep(x, 2, b$sign, `*`)
  list(x = x, keys = b$key, items = b$item)
}
block_ids <- unique(blocks[, c("dataset", "block")])

fmt17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_ref <- function(df, file) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- fmt17(df[[n]])
  write.csv(df, file, row.names = FALSE, quote = TRUE)
}
