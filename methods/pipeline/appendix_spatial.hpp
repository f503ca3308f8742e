#pragma once
/// \file appendix_spatial.hpp
/// The appendix's analyses of the index over space and distribution (issue 22): disparity
/// (E1–E3), kernel density (E4 and two figures) and spatial autocorrelation (E5–E6), each only
/// when the appendix configuration's `analyses:` block names what it needs (group column,
/// density, coordinates). Computed per cross-section (analysis_cross_sections).

#include <string>
#include <utility>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/config.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// Appends the tables and figures of the analyses `a` asks for to `blocks`. Returns the parts
/// left out (an analysis whose data does not allow it), each as (warning in English, note in
/// `lang`).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> append_spatial_blocks(
    std::vector<report::Block>& blocks, const Spec& spec, const Dataset& data, const IndexResult& index,
    const report::AnalysesSettings& a, Lang lang);

}  // namespace cikit::pipeline
