#pragma once
/// \file dematel_svg.hpp
/// The DEMATEL cause/effect diagram (methods/weighting/dematel.hpp): each criterion a point at
/// (prominence D + R, relation D − R), labelled with its id; the horizontal line D − R = 0
/// separates the net causes (above) from the net effects (below). Drawn with the report
/// layer's Svg canvas (svg.hpp); byte-identical for identical inputs.

#include <string>
#include <vector>

#include "methods/weighting/dematel.hpp"

namespace cikit::report {

/// `labels`: x-axis title, y-axis title, the "cause" and the "effect" region labels (in the
/// report's language, from the message catalogue).
/// @throws InvalidInput when `labels` does not hold 4 strings or the result is empty.
[[nodiscard]] std::string dematel_svg(const DematelResult& r, const std::vector<std::string>& labels);

}  // namespace cikit::report
