#pragma once
/// \file spec_sensitivity.hpp
/// What a sensitivity analysis of a spec needs besides its inputs, shared by `cikit
/// sensitivity` and `cikit appendix` (A12–A14): the design sizes resolved from the command line,
/// the spec's `uncertainty:` block and the defaults, and the weighting methods whose inputs
/// (judgments, variants) must be prepared.

#include <vector>

#include "methods/core/registry.hpp"
#include "methods/core/uncertainty_block.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"

namespace cikit {

/// Model runs of the Monte Carlo/Sobol' design when neither the command nor the spec sets them.
inline constexpr long kDefaultSensitivityReplicates = 10000;
/// Bootstrap resamples over units when neither the command nor the spec sets them.
inline constexpr long kDefaultSensitivityBootstrap = 1000;

/// Design sizes given on the command line (or a configuration file); -1 = not given.
struct DesignSizes {
  long replicates = -1;  ///< model runs R
  long sobol = -1;       ///< base size N (overrides R)
  long bootstrap = -1;   ///< bootstrap resamples over units (0 = none)
};

/// Sets options.replicates, options.sobol_n and options.bootstrap: a given value wins, then the
/// block's (replicates > 0, sobol > 0, bootstrap >= 0), then the defaults above. A given
/// replicate count also drops the block's base size (the command's R is then what runs).
void apply_design_sizes(SensitivityOptions& options, const UncertaintyBlock& block, const DesignSizes& given);

/// The weighting methods a sensitivity analysis of `block` can use: the nominal one, AHP when
/// the judgments are perturbed, and every method of the block's `weights` set (registry names;
/// unknown names are skipped, validate_uncertainty_block reports them). Pass the result to
/// spec_weight_inputs so that the spec's variants and judgments apply.
[[nodiscard]] std::vector<WeightMethod> uncertainty_weight_methods(WeightMethod nominal, const UncertaintyBlock& block);

}  // namespace cikit
