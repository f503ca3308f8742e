#pragma once
/// \file weight_settings.hpp
/// Variant choices of the weighting methods that the spec's `methods.weights` block selects
/// (docs/spec.md): the entropy variant and shift, the PCA variant, the AHP options, and the
/// combination (`combined`) of several methods. Name tables follow registry.hpp's MethodName.

#include <span>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/entropy.hpp"
#include "methods/weighting/pca_weights.hpp"

namespace cikit {

/// How `combined` weights merge the local weights of their component methods at each node
/// (functions of combine.hpp).
enum class CombineRule {
  Linear,          ///< alpha u_1 + (1 - alpha) u_2 (combine_linear), exactly 2 components
  Multiplicative,  ///< u_1j u_2j / sum (combine_multiplicative), exactly 2 components
  MinEntropy,      ///< sqrt(u_1j u_2j) / sum (combine_min_entropy), exactly 2 components
  GameTheory,      ///< game-theory combination (combine_game_theory), 2 or more components
};

/// Which PCA weights `pca` computes at each node (pca_weights.hpp).
enum class PcaVariant {
  Handbook,  ///< OECD/JRC Handbook (2008) §6.1: retained factors, varimax, squared scaled loadings
  Pc1,       ///< COINr get_PCA: first principal component (Pc1Variant below)
};

/// `combined` weights: the components and the rule.
struct CombineSettings {
  std::vector<WeightMethod> of;  ///< component methods (none may be `combined`); empty = not configured
  CombineRule rule = CombineRule::GameTheory;
  double alpha = 0.5;            ///< Linear: weight of the first component, in [0, 1]
};

/// Variants of the weighting methods (defaults = the behaviour before they were selectable).
struct WeightVariants {
  EntropyVariant entropy = EntropyVariant::MinMax;  ///< on node scores (already oriented)
  EntropyShift entropy_shift = EntropyShift::None;
  double entropy_delta = 0.0;                       ///< > 0 when entropy_shift != None
  PcaVariant pca = PcaVariant::Handbook;
  Pc1Variant pc1 = Pc1Variant::Signed;              ///< PcaVariant::Pc1 only
  CombineSettings combined;
};

[[nodiscard]] std::span<const MethodName<CombineRule>> combine_rules();
[[nodiscard]] std::span<const MethodName<EntropyVariant>> entropy_variants();
[[nodiscard]] std::span<const MethodName<EntropyShift>> entropy_shifts();
/// "handbook", "pc1" (= COINr signed), "pc1_abs", "pc1_squared": the PCA variant and Pc1Variant.
struct PcaChoice {
  PcaVariant variant;
  Pc1Variant pc1;
};
[[nodiscard]] std::span<const MethodName<PcaChoice>> pca_variants();
[[nodiscard]] std::span<const MethodName<AhpPriorityMethod>> ahp_priority_methods();
[[nodiscard]] std::span<const MethodName<GroupAggregation>> ahp_group_rules();
[[nodiscard]] std::span<const MethodName<MissingJudgments>> ahp_missing_rules();

/// Name of the PCA choice of `v` ("handbook", "pc1", "pc1_abs", "pc1_squared").
[[nodiscard]] std::string_view pca_variant_name(const WeightVariants& v);

/// "game_theory(ahp, entropy)" / "linear(ahp, entropy; alpha = 0.5)": for reports.
[[nodiscard]] std::string describe_combination(const CombineSettings& c);

/// Checks a combination: at least 2 components (exactly 2 for linear, multiplicative and
/// min_entropy), no `combined` among them, no component twice, alpha in [0, 1].
/// @throws InvalidInput with a message starting "methods.weights: ".
void validate_combination(const CombineSettings& c);

/// The spec's block these settings are parsed from and stored under (Spec::settings).
inline constexpr const char* kWeightsBlock = "methods.weights";

/// What the spec's `methods.weights` mapping says beyond the method name: the variants of the
/// weighting methods and the AHP options (parsed by the weighting family's registered
/// SettingsParser, methods/core/settings.hpp).
struct WeightSettings {
  WeightVariants variants;  ///< entropy, pca, combine/of/alpha
  AhpTreeOptions ahp;       ///< methods.weights.ahp: priorities, random index, group rule, missing judgments
};

/// The spec's weight settings (defaults when the spec has no `methods.weights` mapping).
[[nodiscard]] const WeightSettings& weight_settings(const Spec& spec);
/// The same, modifiable (command-line overrides, specs built in code); created with defaults.
[[nodiscard]] WeightSettings& weight_settings(Spec& spec);

}  // namespace cikit
