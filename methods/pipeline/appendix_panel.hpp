#pragma once
/// \file appendix_panel.hpp
/// The panel part of `cikit appendix` on a panel spec (data.time): tables P1 (index scores by
/// period), P2 (change, CAGR, trend), P3 (Cronbach's α by period) and the small-multiples figure
/// of trajectories (methods/report/panel_tables.hpp), after the results. The rest of the
/// appendix describes the latest period (load_data), which a note says.

#include <string>
#include <utility>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// The latest period's index of a panel spec, built with the spec's panel: rules (rows in the
/// order load_data(spec) returns them). @throws as build_panel.
[[nodiscard]] IndexResult panel_latest_index(const Spec& spec, const WeightInputs& inputs);

/// Appends the panel blocks when `spec` is a panel (nothing otherwise). Returns the parts left
/// out, each as (warning in English, note in `lang`).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> append_panel_blocks(std::vector<report::Block>& blocks,
                                                                                   const Spec& spec, Lang lang);

}  // namespace cikit::pipeline
