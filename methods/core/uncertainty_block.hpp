#pragma once
/// \file uncertainty_block.hpp
/// The spec's `uncertainty:` block (docs/spec.md): which modelling assumptions a sensitivity
/// analysis varies (sets of normalisation, weighting and aggregation methods, indicator
/// exclusion, weight perturbation, AHP judgment perturbation) and the design sizes. Plain
/// data, read by parse_spec; `cikit sensitivity` turns it into uncertain inputs
/// (methods/sensitivity/index_sensitivity.hpp). Method names come from the registry
/// (methods/core/registry.hpp), so methods added there are accepted here unchanged.

#include <string>
#include <vector>

#include "methods/core/error.hpp"

namespace YAML {
class Node;
}

namespace cikit {

struct YamlContext;

/// A set of names with the position of each (for errors found after parsing).
struct NamedSet {
  bool given = false;               ///< the key is present (an empty set is an error)
  std::vector<std::string> names;
  std::vector<Location> where;      ///< one per name
  Location key;                     ///< position of the key
};

/// Weight perturbation around the run's weights.
enum class WeightNoiseKind {
  None,
  Uniform,    ///< each local weight × U(1 − p/100, 1 + p/100), renormalised among siblings
  Dirichlet,  ///< siblings' weights ~ Dirichlet(c · w) (mean w)
};

struct WeightNoiseSpec {
  WeightNoiseKind kind = WeightNoiseKind::None;
  double percent = 25.0;         ///< Uniform: p in (0, 100)
  double concentration = 100.0;  ///< Dirichlet: c > 0
  Location where;
};

/// AHP judgment perturbation: every judgment a_ij (i < j) of every expert moves by one of
/// −steps..+steps positions on Saaty's scale 1/9, …, 1/2, 1, 2, …, 9 (uniformly, clamped to the
/// scale's ends), a_ji = 1/a_ij; optionally a draw with any CR above `reject_cr` is rejected
/// and redrawn (counted).
struct AhpPerturbationSpec {
  bool enabled = false;
  int steps = 1;            ///< 1..8
  double reject_cr = 0.0;   ///< 0 = keep every draw; else reject draws with CR > reject_cr
  Location where;
};

/// One level's aggregation set of the mapping form of `aggregate:` (docs/spec.md): the methods
/// among which the aggregation of the level-`level` nodes into their parents is chosen.
/// Level L = the nodes at depth L (1 = the dimensions, the root's children); its aggregation is
/// the one of every inner node at depth L − 1. Keys: `dimensions` (= level 1), `indicators` (the
/// level of the indicators; the tree must have every indicator at the same depth) and `levelN`.
struct LevelAggregateSet {
  std::string key;  ///< as written: "dimensions", "indicators" or "levelN" (input "aggregate.<key>")
  int level = 0;    ///< 1.. ; kIndicatorLevel for "indicators" (resolved against the tree)
  NamedSet set;     ///< registry aggregate_methods()
};

/// LevelAggregateSet::level of the key `indicators` before the tree is known.
inline constexpr int kIndicatorLevel = -1;

/// The level of a mapping key of `aggregate:` ("dimensions" -> 1, "indicators" ->
/// kIndicatorLevel, "levelN" -> N >= 1); 0 for any other key.
[[nodiscard]] int aggregate_level_of_key(const std::string& key);

struct UncertaintyBlock {
  bool present = false;
  Location where;
  NamedSet normalize;  ///< registry normalize_methods()
  NamedSet weights;    ///< registry weight_methods()
  NamedSet aggregate;  ///< list form: registry aggregate_methods(), the same method at every level
  /// Mapping form (`aggregate: {dimensions: [..], indicators: [..]}`): one set per level, each
  /// its own input; exclusive with the list form in the spec.
  std::vector<LevelAggregateSet> aggregate_levels;
  NamedSet impute;     ///< registry impute_methods(): imputation of missing values (methods.treat.impute)
  NamedSet exclude;    ///< "none" and indicator ids (checked against the tree later)
  bool exclude_any = false;  ///< `exclude: any`: none or any one indicator
  WeightNoiseSpec weight_noise;
  AhpPerturbationSpec ahp;
  long replicates = 0;  ///< model runs of the design (0 = the command's default)
  long sobol = 0;       ///< base size N of the Saltelli design (0 = from replicates)
  long bootstrap = -1;  ///< bootstrap resamples over units (-1 = the command's default)
};

/// Checks a block built by hand or from options: every set non-empty with unique names, method
/// names in the registry, level keys known and not naming the same level twice, not both
/// aggregate forms, 0 < percent < 100, concentration > 0, 1 <= steps <= 8,
/// 0 <= reject_cr < 1, design sizes >= 0.
/// @throws InvalidInput at the offending name's or key's location.
void validate_uncertainty_block(const UncertaintyBlock& block);

/// Parses the `uncertainty:` mapping (keys impute, normalize, weights, aggregate (a list, or a
/// mapping of level keys to lists), exclude, weight_noise, ahp, replicates, sobol, bootstrap) and
/// validates it.
/// @throws InvalidInput at file:line:column for unknown keys, wrong types, empty sets, unknown
///         method names, perturbation >= 100 %.
[[nodiscard]] UncertaintyBlock parse_uncertainty_block(const YamlContext& ctx, const YAML::Node& node);

}  // namespace cikit
