#pragma once
/// \file appendix_analyses.hpp
/// The analyses of the built index in `cikit appendix` (section "analyses"): coupling
/// coordination of the dimensions (K1, K2, a figure) and obstacle degree (O1, O2, a figure),
/// computed on the index the appendix reports with the settings of AppendixConfig::analyses
/// (the same code as `cikit coupling` and `cikit obstacles`).

#include <string>
#include <utility>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/config.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// Appends the analyses' tables and figures to `blocks`. Returns the parts left out (an index
/// not on a bounded scale, fewer than 2 dimensions), each as (warning in English, note in `lang`).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> append_analysis_blocks(
    std::vector<report::Block>& blocks, const Spec& spec, const Dataset& data, const IndexResult& index,
    const report::AnalysesSettings& settings, Lang lang);

}  // namespace cikit::pipeline
