#include "methods/sensitivity/spec_sensitivity.hpp"

namespace cikit {

void apply_design_sizes(SensitivityOptions& options, const UncertaintyBlock& block, const DesignSizes& given) {
  options.replicates = given.replicates > 0 ? given.replicates
                                            : (block.replicates > 0 ? block.replicates : kDefaultSensitivityReplicates);
  options.sobol_n = given.sobol > 0 ? given.sobol : (given.replicates > 0 ? 0 : block.sobol);
  options.bootstrap = static_cast<int>(given.bootstrap >= 0
                                           ? given.bootstrap
                                           : (block.bootstrap >= 0 ? block.bootstrap : kDefaultSensitivityBootstrap));
}

std::vector<WeightMethod> uncertainty_weight_methods(WeightMethod nominal, const UncertaintyBlock& block) {
  std::vector<WeightMethod> used = {nominal};
  if (block.ahp.enabled) used.push_back(WeightMethod::Ahp);
  for (const auto& w : block.weights.names) {
    WeightMethod m{};
    if (parse_method(weight_methods(), w, m)) used.push_back(m);
  }
  return used;
}

}  // namespace cikit
