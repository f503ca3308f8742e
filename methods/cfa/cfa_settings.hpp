#pragma once
/// \file cfa_settings.hpp
/// The spec's optional `cfa:` block (docs/spec.md), parsed by the cfa family's registered
/// SettingsParser (methods/core/settings.hpp):
///   cfa:
///     observed: indicators           # indicators | node_scores (parcels: each factor's observed variables
///                                    #   are the index's scores of the nodes one level below it)
///     level: 1                       # tree level whose groups are the factors (default: parents of the
///                                    #   indicators; with node_scores: 1)
///     second_order: false            # add the next level up as second-order factor(s)
///     estimator: ml                  # ml | mlr
///     missing: listwise              # listwise | fiml
///     residual_covariances: [[a, b], [c, d]]   # indicator ids
///     factors: {F1: [a, b, c], F2: [d, e, f]}   # alternative assignment (replaces the tree's)
/// Indicator ids are checked against the tree by the cfa pipeline (errors carry the YAML
/// position kept here).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"

namespace cikit::cfa {

struct CfaSettings {
  std::optional<std::string> observed;  ///< "indicators" or "node_scores"
  std::optional<int> level;
  std::optional<bool> second_order;
  std::optional<std::string> estimator;
  std::optional<std::string> missing;
  struct Pair {
    std::string a, b;
    Location where;
  };
  std::vector<Pair> residual_covariances;
  struct Factor {
    std::string name;
    std::vector<std::string> indicators;
    Location where;
  };
  std::vector<Factor> factors;  ///< empty = the tree's grouping
  bool present = false;         ///< the spec has a `cfa:` block
};

inline constexpr const char* kCfaBlock = "cfa";

/// The spec's `cfa:` settings (defaults when absent).
[[nodiscard]] const CfaSettings& cfa_settings(const Spec& spec);

}  // namespace cikit::cfa
