#pragma once
/// \file appendix_cfa.hpp
/// The confirmatory factor analysis's part of `cikit appendix`: tables A15 (fit), A16
/// (loadings, CR, AVE) and the CFA variant of A8 (methods/report/cfa_tables.hpp), fitted on the
/// index the appendix reports (pipeline/cfa.hpp cfa_of). The model is the spec's `cfa:` block;
/// without one, the indicator-level model, and when that is not estimable (a group with one
/// indicator, more free parameters than units) the parcel model (observed = node_scores, the
/// dimensions as factors), saying so under the tables. Missing values: the spec's cfa.missing;
/// when unset and listwise deletion would leave units out, the same model by FIML (all units
/// with an observed value) is shown if it converges, the note giving both N. When no model is
/// estimable the tables are left out and the document says why, in its language.

#include <string>
#include <utility>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// Appends the CFA tables to `blocks`; a warning in `lang` goes to `warnings` when the solution is
/// not admissible (not converged, a Heywood case). Returns the parts
/// left out, each as (warning in English, note in `lang` for the "not included" list).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> append_cfa_blocks(
    std::vector<report::Block>& blocks, const Spec& spec, const Dataset& data, const IndexResult& index, Lang lang,
    std::vector<std::string>& warnings);

/// Why a CFA model cannot be estimated, in `lang`: a group with too few observed variables or
/// fewer units than free parameters in words of the catalogue, anything else as
/// report::localised_reason() gives it.
[[nodiscard]] std::string cfa_reason(const std::string& what, const Spec& spec, Lang lang);

}  // namespace cikit::pipeline
