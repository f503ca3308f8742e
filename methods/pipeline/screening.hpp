#pragma once
/// \file screening.hpp
/// The expert consultation decides the system: read_spec_with (common.hpp) calls
/// apply_delphi_screening on every spec, so every command's analyses see the screened tree.

#include <string>
#include <vector>

#include "methods/core/delphi_key.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"
#include "methods/delphi/delphi_analysis.hpp"

namespace cikit::pipeline {

/// The indicators (leaves of `tree`, tree order) a consultation screened out: those whose
/// verdict in the last round that rated them is drop (so an indicator dropped in round 1 and not
/// rated again is out, and so is one dropped in the final round). Leaves never rated are kept.
[[nodiscard]] std::vector<std::string> delphi_screened_out(const DelphiResult& result, const IndicatorTree& tree);

/// When the spec names a consultation (`delphi:`): reads it against the spec's tree (the
/// proposed system), runs its screening, records DelphiKey::proposed_tree and
/// DelphiKey::screened_out (methods/core/delphi_key.hpp), and, when `delphi.apply` is true (the
/// default), replaces Spec::tree by tree_without_leaves(proposed, screened out). Data columns
/// and AHP judgments then follow the screened tree (load_data reads only its columns;
/// read_spec_judgments drops the removed children's rows and columns). Does nothing when the
/// spec has no `delphi:` or was already screened.
/// @throws InvalidInput as read_delphi/analyse_delphi, or when the screening leaves no indicator.
void apply_delphi_screening(Spec& spec);

}  // namespace cikit::pipeline
