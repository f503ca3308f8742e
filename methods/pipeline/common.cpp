#include "methods/pipeline/common.hpp"

#include "methods/weighting/ahp.hpp"

namespace cikit::pipeline {

Spec read_spec_with(const std::string& path, const MethodOverrides& overrides) {
  Spec spec = read_spec(path);
  IndexConfig& cfg = spec.config;
  override_method(overrides.normalize, normalize_methods(), cfg.normalize);
  override_method(overrides.weights, weight_methods(), cfg.weights);
  override_method(overrides.aggregate, aggregate_methods(), cfg.aggregate);
  override_method(overrides.missing, missing_policies(), cfg.missing);
  return spec;
}

WeightInputs override_ahp(const AhpOverrides& o, WeightInputs in) {
  if (!o.group.empty()) {
    if (o.group == "aij") in.ahp.group = GroupAggregation::AIJ;
    else if (o.group == "aip-geometric") in.ahp.group = GroupAggregation::AIPGeometric;
    else if (o.group == "aip-arithmetic") in.ahp.group = GroupAggregation::AIPArithmetic;
    else throw InvalidInput("unknown AHP group rule '" + o.group + "'; use one of: aij, aip-geometric, aip-arithmetic");
  }
  if (!o.random_index.empty() && !parse_random_index_table(o.random_index, in.ahp.ahp.random_index))
    throw InvalidInput("unknown random index table '" + o.random_index + "'");
  return in;
}

std::string node_kind(const IndicatorTree& tree, int node) {
  if (node == tree.root()) return "index";
  return tree.node(node).children.empty() ? "indicator" : "group";
}

}  // namespace cikit::pipeline
