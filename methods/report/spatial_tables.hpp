#pragma once
/// \file spatial_tables.hpp
/// Appendix tables and figures of the analyses over space and distribution (issue 22), in one
/// language each: E1 Dagum Gini decomposition, E2 Gini within and between groups, E3 Theil
/// indices, E4 kernel densities (with the overlay and ridgeline figures), E5 global Moran's I,
/// E6 LISA. Inputs are the library results per period; no statistics are computed here.

#include <string>
#include <vector>

#include "methods/density/density.hpp"
#include "methods/disparity/disparity.hpp"
#include "methods/report/render.hpp"
#include "methods/report/table.hpp"
#include "methods/spatial/spatial.hpp"

namespace cikit::report {

/// One period's disparity results ("" period when not a panel).
struct DisparityPeriodResult {
  std::string period;
  int n = 0;
  disparity::DagumGini gini;
  disparity::TheilResult theil;
};

/// E1 (decomposition per period), E2 (G_jj per group, G_jh and D_jh per pair), E3 (Theil).
[[nodiscard]] std::vector<Table> disparity_tables(const std::vector<DisparityPeriodResult>& periods,
                                                  const std::string& group_column, Lang lang);

/// One period's density.
struct DensityPeriodResult {
  std::string period;
  std::string node;
  density::DensityResult result;
};

/// E4 (bandwidth and mode per period) and the overlay and ridgeline figures.
[[nodiscard]] std::vector<Block> density_blocks(const std::vector<DensityPeriodResult>& periods, Lang lang);

/// One period's spatial results.
struct SpatialPeriodResult {
  std::string period;
  std::vector<std::string> units;   ///< display names, one per analysed unit
  spatial::SpatialWeights weights;
  spatial::MoranResult moran;
  spatial::LocalMoranResult local;
};

/// E5 (global Moran's I per period) and E6 (LISA per unit and period).
[[nodiscard]] std::vector<Table> spatial_tables(const std::vector<SpatialPeriodResult>& periods, Lang lang);

}  // namespace cikit::report
