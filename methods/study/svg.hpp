#pragma once
/// \file svg.hpp
/// A minimal self-contained SVG heat map for the method-comparison study (no scripts, no
/// external fonts or styles). Local to methods/study until methods/report gains a chart writer.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

/// Heat map: one row per row label, one column per column label, each cell coloured on a
/// white→blue scale between the finite minimum and maximum of `values` (reversed when
/// higher_is_better is false, so blue always means "better") and labelled with the value at
/// `decimals`; NaN cells are grey and labelled "NA".
[[nodiscard]] std::string svg_heatmap(const std::string& title, const std::vector<std::string>& rows,
                                      const std::vector<std::string>& cols, const Eigen::MatrixXd& values,
                                      int decimals, bool higher_is_better);

}  // namespace cikit
