#pragma once
/// \file weights_report.hpp
/// Local and global weights of every node under several weighting methods side by side, with
/// each method's diagnostics per node (`cikit weights`; rendered later by the appendix layer).

#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"
#include "methods/weighting/data_weights.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// The weights of one method.
struct MethodWeightsReport {
  WeightMethod method = WeightMethod::Equal;
  std::string name;     ///< registry name ("entropy")
  /// The variant in force: entropy "minmax"/"ratio" (+ shift), pca "handbook"/"pc1…", ahp
  /// "eigenvector, saaty1980, aij", combined "game_theory(ahp, entropy)"; "" otherwise.
  std::string variant;
  /// local(i), global(i) per tree node (global = product of local weights from the root);
  /// warnings; AHP consistency per node and expert (ahp, or combined with an ahp component).
  TreeWeights weights;
  /// Per tree node (index = node): the diagnostics of data-driven and combined weights at
  /// inner nodes with ≥ 2 children; empty elsewhere and for equal/given/ahp.
  std::vector<NodeDiagnostics> diagnostics;
};

struct WeightsReport {
  std::vector<MethodWeightsReport> methods;
};

/// The weight inputs a spec defines: its methods.weights variants and AHP options; when one of
/// `methods` uses AHP (uses_ahp), the spec's judgments file is read into `storage` and
/// WeightInputs::judgments points at it (else it is null).
/// @throws InvalidInput as read_spec_judgments (no `judgments:` in the spec, a bad file).
[[nodiscard]] WeightInputs spec_weight_inputs(const Spec& spec, const std::vector<WeightMethod>& methods,
                                              Judgments& storage);

/// True when `method` is ahp, or combined with an ahp component.
[[nodiscard]] bool uses_ahp(WeightMethod method, const WeightVariants& variants);

/// The methods that can run on this tree and inputs, in registry order: equal; given when every
/// non-root node has a `weight:`; entropy, cv, sd, critic, pca; ahp when judgments are given;
/// combined when a combination is configured (and its ahp component has judgments).
[[nodiscard]] std::vector<WeightMethod> available_weight_methods(const IndicatorTree& tree, const WeightInputs& inputs);

/// The methods of a side-by-side report (`cikit weights`, `cikit compare`): `requested`, or
/// available_weight_methods() when it is empty. Sets `inputs` (spec_weight_inputs), reading the
/// judgments when a requested method uses AHP or, for an empty request, when the spec names a
/// judgments file.
[[nodiscard]] std::vector<WeightMethod> select_weight_methods(const Spec& spec,
                                                              const std::vector<WeightMethod>& requested,
                                                              WeightInputs& inputs, Judgments& storage);

/// Weights of every method in `methods` (each once, in the given order). Data-driven weights
/// are computed as build_index computes them under `config` (same normalisation and
/// aggregation: the scores above the indicators are aggregates), so they equal the weights
/// `cikit index --weights METHOD` uses.
/// @throws InvalidInput if `methods` is empty or names a method twice; whatever build_index
///         throws for a method, the message prefixed "weights METHOD: ".
[[nodiscard]] WeightsReport weights_report(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                                           const std::vector<WeightMethod>& methods, const WeightInputs& inputs);

/// "minmax", "handbook", "eigenvector, saaty1980, aij", "game_theory(ahp, entropy)", "" as in
/// MethodWeightsReport::variant.
[[nodiscard]] std::string weight_variant_label(WeightMethod method, const WeightInputs& inputs);

}  // namespace cikit
