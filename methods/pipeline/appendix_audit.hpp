#pragma once
/// \file appendix_audit.hpp
/// The statistical-coherence audit's part of `cikit appendix`: tables C1–C4 and the figure of
/// nominal weight vs importance (methods/report/audit_tables.hpp), computed on the index the
/// appendix reports. The weight optimisation (C3) runs on the dimensions with the nominal
/// weights as target (COINr "balance").

#include <string>
#include <utility>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// Appends the audit's tables and figure to `blocks`. Returns the parts left out, each as
/// (warning in English, note in `lang` for the document's "not included" list).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> append_audit_blocks(
    std::vector<report::Block>& blocks, const Spec& spec, const Dataset& data, const IndexResult& index, Lang lang);

}  // namespace cikit::pipeline
