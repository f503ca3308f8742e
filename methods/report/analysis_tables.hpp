#pragma once
/// \file analysis_tables.hpp
/// Appendix tables and figures of the analyses of a built index: coupling coordination
/// (K1 per unit, K2 distribution over the ten levels, a bar chart of the levels) and obstacle
/// degree (O1 per unit: the groups' obstacles and the top obstacles; O2 the indicators most often
/// among the top obstacles, with a bar chart). Inputs are the library results
/// (methods/coupling, methods/obstacles); the pipeline computes them (appendix_analyses.cpp).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/coupling/coupling.hpp"
#include "methods/obstacles/obstacles.hpp"
#include "methods/report/render.hpp"

namespace cikit::report {

/// What the coupling tables show.
struct CouplingView {
  std::vector<int> nodes;             ///< the subsystems (tree nodes)
  Eigen::MatrixXd u;                  ///< units × subsystems on [0, 1]
  Eigen::VectorXd w;                  ///< subsystem weights of T
  coupling::Formula formula = coupling::Formula::Corrected;
  coupling::CouplingResult result;
};

/// What the obstacle tables show.
struct ObstacleView {
  std::vector<int> groups;                     ///< tree nodes whose obstacle is summed
  obstacles::ObstacleResult result;            ///< indicator columns in leaf order
  std::vector<std::vector<Eigen::Index>> top;  ///< per unit: leaf positions of its top-k
  Eigen::VectorXi frequency;                   ///< per leaf: units with it among their top-k
  Eigen::Index counted_units = 0;
  int k = 5;
};

[[nodiscard]] Table coupling_table(const CouplingView& v, const IndicatorTree& tree, const Dataset& data, Lang lang);
[[nodiscard]] Table coupling_levels_table(const CouplingView& v, Lang lang);
/// Bar chart of the units per coordination level; `number` is the provisional figure number.
[[nodiscard]] Figure coupling_levels_figure(const CouplingView& v, Lang lang, const std::string& number);
[[nodiscard]] Table obstacle_table(const ObstacleView& v, const IndicatorTree& tree, const Dataset& data, Lang lang);
[[nodiscard]] Table obstacle_frequency_table(const ObstacleView& v, const IndicatorTree& tree, Lang lang);
/// Bar chart of the share of units having each indicator among their top-k obstacles (the 15
/// most frequent).
[[nodiscard]] Figure obstacle_frequency_figure(const ObstacleView& v, const IndicatorTree& tree, Lang lang,
                                               const std::string& number);

}  // namespace cikit::report
