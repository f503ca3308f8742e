# Reference values for methods/spatial from R's spdep (Debian r-cran-spdep).
# Run: Rscript generate.R   (R 4.2.2, spdep 1.2.7). Writes input.csv and ref_*.csv.
suppressMessages(library(spdep))
set.seed(20221219)
n <- 40
x <- runif(n, 0, 100); y <- runif(n, 0, 100)                     # planar coordinates
lon <- runif(n, 100, 122); lat <- runif(n, 22, 42)               # longitude/latitude (degrees)
v <- 50 + 0.3 * x + 0.2 * y + rnorm(n, 0, 8)                     # a value with a spatial trend
vl <- 50 + 1.5 * (lon - 100) + rnorm(n, 0, 6)
ids <- sprintf("c%02d", 1:n)
write.csv(data.frame(unit = ids, x = sprintf("%.17g", x), y = sprintf("%.17g", y), lon = sprintf("%.17g", lon),
                     lat = sprintf("%.17g", lat), value = sprintf("%.17g", v), value_ll = sprintf("%.17g", vl)),
          "input.csv", row.names = FALSE, quote = FALSE)
P <- cbind(x, y); L <- cbind(lon, lat)

schemes <- list(
  knn4 = list(nb = knn2nb(knearneigh(P, k = 4)), glist = NULL, style = "W", value = v),
  band25 = list(nb = dnearneigh(P, 0, 25), glist = NULL, style = "W", value = v),
  band25B = list(nb = dnearneigh(P, 0, 25), glist = NULL, style = "B", value = v),
  idw = {nb <- dnearneigh(P, 0, 200); list(nb = nb, glist = lapply(nbdists(nb, P), function(d) 1 / d), style = "W",
                                          value = v)},
  knn5ll = list(nb = knn2nb(knearneigh(L, k = 5, longlat = TRUE)), glist = NULL, style = "W", value = vl),
  band600ll = list(nb = dnearneigh(L, 0, 600, longlat = TRUE), glist = NULL, style = "W", value = vl),
  idw2ll = {nb <- dnearneigh(L, 0, 5000, longlat = TRUE)
            list(nb = nb, glist = lapply(nbdists(nb, L, longlat = TRUE), function(d) 1 / d^2), style = "W", value = vl)}
)
stopifnot(all(card(schemes$idw$nb) == n - 1), all(card(schemes$idw2ll$nb) == n - 1))
f <- function(z) sprintf("%.17g", z)
for (s in names(schemes)) {
  sc <- schemes[[s]]
  stopifnot(all(card(sc$nb) > 0))
  lw <- nb2listw(sc$nb, glist = sc$glist, style = sc$style)
  mn <- moran.test(sc$value, lw, randomisation = FALSE)            # alternative = "greater"
  mr <- moran.test(sc$value, lw, randomisation = TRUE)
  write.csv(data.frame(name = c("moran_i", "expectation", "variance_normality", "variance_randomisation",
                                "z_normality", "z_randomisation", "p_normality", "p_randomisation"),
                       value = f(c(mr$estimate[1], mr$estimate[2], mn$estimate[3], mr$estimate[3],
                                   mn$statistic, mr$statistic, mn$p.value, mr$p.value))),
            paste0("ref_global_", s, ".csv"), row.names = FALSE, quote = FALSE)
  lc <- localmoran(sc$value, lw)                                   # conditional = TRUE, two.sided
  lt <- localmoran(sc$value, lw, conditional = FALSE)
  q <- attr(lc, "quadr")$mean
  qn <- c("Low-Low" = "LL", "High-Low" = "HL", "Low-High" = "LH", "High-High" = "HH")[as.character(q)]
  write.csv(data.frame(unit = ids, ii = f(lc[, 1]), e_cond = f(lc[, 2]), var_cond = f(lc[, 3]), z_cond = f(lc[, 4]),
                       p_cond = f(lc[, 5]), e_total = f(lt[, 2]), var_total = f(lt[, 3]), z_total = f(lt[, 4]),
                       p_total = f(lt[, 5]), quadrant = qn),
            paste0("ref_local_", s, ".csv"), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(unit = ids, neighbours = sapply(sc$nb, function(z) paste(ids[z], collapse = ";"))),
            paste0("ref_nb_", s, ".csv"), row.names = FALSE, quote = FALSE)
}
# Permutation test (moran.mc, nsim = 9999): R's draws differ from cikit's streams, so only the
# p-value's order of magnitude is comparable (Monte Carlo error); stored for the record.
set.seed(1)
mc <- moran.mc(v, nb2listw(schemes$knn4$nb), nsim = 9999)
write.csv(data.frame(name = c("statistic", "rank", "p_value"), value = f(c(mc$statistic, mc$parameter, mc$p.value))),
          "ref_mc_knn4.csv", row.names = FALSE, quote = FALSE)
# Great-circle distances (km) between consecutive units, as nbdists(longlat = TRUE) uses them.
d <- sapply(1:(n - 1), function(i) spDistsN1(L[i, , drop = FALSE], L[i + 1, ], longlat = TRUE))
write.csv(data.frame(a = ids[1:(n - 1)], b = ids[2:n], km = f(d)), "ref_distances_ll.csv", row.names = FALSE,
          quote = FALSE)
cat("R", as.character(getRversion()), "spdep", as.character(packageVersion("spdep")), "\n")
# A weakly autocorrelated case for the permutation p-value: value_ll (a trend in longitude)
# under the planar knn4 weights. moran.mc with 99,999 draws; cikit's p with its own streams must
# agree within Monte Carlo error.
set.seed(2)
mc2 <- moran.mc(vl, nb2listw(schemes$knn4$nb), nsim = 99999)
write.csv(data.frame(name = c("statistic", "rank", "p_value", "nsim"),
                     value = f(c(mc2$statistic, mc2$parameter, mc2$p.value, 99999))),
          "ref_mc_weak_knn4.csv", row.names = FALSE, quote = FALSE)
