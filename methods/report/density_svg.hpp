#pragma once
/// \file density_svg.hpp
/// Figures of kernel densities across periods (methods/density): all curves on one pair of
/// axes (overlay), or one curve per period stacked vertically with a shared x axis
/// (ridgeline, the usual 核密度 figure of 时空演变 studies). Self-contained <svg> strings,
/// CJK-capable fonts, byte-identical for identical inputs (methods/report/svg.hpp).

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit::report {

/// One curve: its label (the period, or the node for one period) and the density on a grid.
struct DensityCurve {
  std::string label;
  Eigen::VectorXd x, y;
};

/// Overlay: every curve on shared axes, a legend below. `axes` = {x title, y title}.
/// @throws InvalidInput if there is no curve, a curve's x and y differ in size, or axes.size() != 2.
[[nodiscard]] std::string density_overlay_svg(const std::vector<DensityCurve>& curves, const std::string& title,
                                              const std::vector<std::string>& axes);

/// Ridgeline: one band per curve, first curve at the top, each filled and scaled to the largest
/// density of all curves (so heights compare); labels at the left. `x_title` under the axis.
/// @throws InvalidInput as density_overlay_svg.
[[nodiscard]] std::string density_ridgeline_svg(const std::vector<DensityCurve>& curves, const std::string& title,
                                                const std::string& x_title);

}  // namespace cikit::report
