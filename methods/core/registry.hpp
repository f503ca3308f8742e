#pragma once
/// \file registry.hpp
/// Method choices (IndexConfig) and the one registry mapping their names to enums, used by
/// the spec reader, the CLI and the reports alike.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/random.hpp"

namespace cikit {

/// Normalisation of indicators (after direction handling).
enum class NormalizeMethod {
  MinMax,     ///< lo + (hi-lo)(x - min)/(max - min), min/max over the available units
  ZScore,     ///< (x - mean)/sd, sd with n-1
  Goalposts,  ///< min-max with each indicator's fixed goalposts [min, max], truncated to them
};

/// Weights of the children of each inner node.
enum class WeightMethod {
  Equal,  ///< 1/m for m children
  Given,  ///< the nodes' `weight:` values, renormalised to sum to 1 within each parent
  // Data-driven: computed per inner node from its children's scores (methods/weighting/data_weights.hpp).
  Entropy,  ///< entropy weight method (MinMax variant on the children's scores)
  CV,       ///< coefficient of variation sd/|mean|
  SD,       ///< standard deviation of the min-max rescaled children's scores
  Critic,   ///< CRITIC (Diakoulaki et al. 1995)
  Pca,      ///< OECD/JRC Handbook PCA weights (varimax, squared scaled loadings)
  Ahp,    ///< AHP priorities from the spec's judgments file (methods/weighting/ahp_tree.hpp)
  /// Combination of other methods' local weights per inner node (methods.weights.combine:
  /// linear, multiplicative, min_entropy, game_theory; methods/weighting/weight_settings.hpp).
  Combined,
};

/// True for the weighting methods that need the data (computed per node from the children's scores).
[[nodiscard]] constexpr bool is_data_driven(WeightMethod m) {
  return m == WeightMethod::Entropy || m == WeightMethod::CV || m == WeightMethod::SD || m == WeightMethod::Critic ||
         m == WeightMethod::Pca || m == WeightMethod::Combined;  // Combined: computed node by node
}

/// Aggregation of children scores into a parent score.
enum class AggregateMethod {
  Arithmetic,  ///< sum_j w_j y_j
  Geometric,   ///< exp(sum_j w_j ln y_j); zeros are an error (normalise to a range above 0)
  Harmonic,    ///< 1 / sum_j (w_j / y_j); zeros are an error
};

/// What aggregation does when a child's score is missing for a unit.
enum class MissingPolicy {
  Available,  ///< average the available children with their weights renormalised to sum 1
  Error,      ///< stop with an error naming the unit and the indicator
};

/// A registry entry: the enum value, its spec/CLI name, and bilingual display names.
template <class E>
struct MethodName {
  E value;
  std::string_view name;  ///< as written in the spec and on the command line
  std::string_view zh;
  std::string_view en;
};

[[nodiscard]] std::span<const MethodName<NormalizeMethod>> normalize_methods();
[[nodiscard]] std::span<const MethodName<WeightMethod>> weight_methods();
[[nodiscard]] std::span<const MethodName<AggregateMethod>> aggregate_methods();
[[nodiscard]] std::span<const MethodName<MissingPolicy>> missing_policies();

/// Looks a name up in a registry table. Returns false when unknown.
template <class E>
bool parse_method(std::span<const MethodName<E>> table, std::string_view name, E& out) {
  for (const auto& m : table)
    if (m.name == name) {
      out = m.value;
      return true;
    }
  return false;
}
/// The registry entry of a value.
template <class E>
const MethodName<E>& method_info(std::span<const MethodName<E>> table, E value) {
  for (const auto& m : table)
    if (m.value == value) return m;
  return table.front();
}
/// "a, b, c": the accepted names, for error messages and --help.
template <class E>
std::string method_names(std::span<const MethodName<E>> table) {
  std::string out;
  for (const auto& m : table) {
    if (!out.empty()) out += ", ";
    out += m.name;
  }
  return out;
}
[[nodiscard]] std::vector<std::string> names_of(std::span<const MethodName<NormalizeMethod>> t);

/// Every modelling choice of one index build. Defaults are the documented defaults.
struct IndexConfig {
  NormalizeMethod normalize = NormalizeMethod::MinMax;
  /// Target range of min-max and goalposts normalisation (default 0–100, as COINr).
  double range_lo = 0.0;
  double range_hi = 100.0;
  WeightMethod weights = WeightMethod::Equal;
  AggregateMethod aggregate = AggregateMethod::Arithmetic;
  MissingPolicy missing = MissingPolicy::Available;
  std::uint64_t seed = kDefaultSeed;  ///< master seed of every random stream
  int threads = 0;                    ///< 0 = OpenMP default
};

}  // namespace cikit
