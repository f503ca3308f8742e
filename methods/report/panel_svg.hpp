#pragma once
/// \file panel_svg.hpp
/// Small multiples of score trajectories over periods (`cikit panel`, the panel appendix):
/// one small panel per unit, all on the same y axis, the unit's line drawn over the faint lines
/// of the others so that each is read against the whole group.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit::report {

/// `scores`: units × periods (NaN = absent; the line breaks there); `show`: the rows to draw,
/// one small panel each, in order, `columns` per row of panels. Texts: `title`, `y_title`,
/// `periods` (x tick labels), `names` (one per row of `scores`).
/// @throws InvalidInput if sizes disagree, `show` is empty or names a row out of range.
[[nodiscard]] std::string trajectories_svg(const Eigen::MatrixXd& scores, const std::vector<int>& show,
                                           const std::vector<std::string>& names,
                                           const std::vector<std::string>& periods, const std::string& title,
                                           const std::string& y_title, int columns = 4);

}  // namespace cikit::report
