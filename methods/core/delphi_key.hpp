#pragma once
/// \file delphi_key.hpp
/// The spec's `delphi:` key beyond its file (Spec::delphi): whether the consultation's screening
/// decides the system, and what the screening removed. Stored in Spec::settings under "delphi"
/// (read_spec parses `apply`/`reason`; pipeline::apply_delphi_screening fills the rest).

#include <optional>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

struct DelphiKey {
  /// `delphi.apply` (default true; `delphi: FILE` means true): the indicators the consultation
  /// screened out are removed from Spec::tree. false keeps the proposed system.
  bool apply = true;
  std::string reason;     ///< `delphi.reason`: why the screening is not applied (or a remark)
  Location apply_where;   ///< position of `apply:` (unknown when not written)
  /// Filled by pipeline::apply_delphi_screening: the indicators screened out (tree order) and
  /// the tree as the spec writes it (the proposed system). When apply is true, Spec::tree is
  /// tree_without_leaves(*proposed_tree, screened_out); otherwise Spec::tree == *proposed_tree.
  std::vector<std::string> screened_out;
  std::optional<IndicatorTree> proposed_tree;
  bool screened = false;  ///< apply_delphi_screening has run
};

/// The spec's DelphiKey (defaults when the spec wrote only `delphi: FILE` or no `delphi:`).
[[nodiscard]] inline DelphiKey delphi_key(const Spec& spec) {
  const DelphiKey* k = spec.settings.find<DelphiKey>("delphi");
  return k ? *k : DelphiKey{};
}

/// The tree the consultation rated: the proposed system when the screening has run, else Spec::tree.
[[nodiscard]] inline const IndicatorTree& proposed_tree(const Spec& spec) {
  const DelphiKey* k = spec.settings.find<DelphiKey>("delphi");
  return k && k->proposed_tree ? *k->proposed_tree : spec.tree;
}

}  // namespace cikit
