#include "methods/weighting/weighting.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/weighting/ahp_tree.hpp"
#include "methods/weighting/bwm_tree.hpp"

namespace cikit {

namespace {
/// Tolerance for "weights sum to one" before renormalising with a warning.
constexpr double kSumTolerance = 1e-9;
}  // namespace

void compute_global_weights(const IndicatorTree& tree, TreeWeights& w) {
  w.global = Eigen::VectorXd::Ones(tree.size());
  for (int i : tree.preorder()) {
    const Node& n = tree.node(i);
    if (n.parent >= 0) w.global(i) = w.global(n.parent) * w.local(i);
  }
}

TreeWeights equal_tree_weights(const IndicatorTree& tree) {
  TreeWeights w;
  w.local = Eigen::VectorXd::Ones(tree.size());
  for (int i : tree.inner_postorder()) {
    const auto& ch = tree.node(i).children;
    for (int c : ch) w.local(c) = 1.0 / static_cast<double>(ch.size());
  }
  compute_global_weights(tree, w);
  return w;
}

TreeWeights given_tree_weights(const IndicatorTree& tree) {
  TreeWeights w;
  w.local = Eigen::VectorXd::Ones(tree.size());
  for (int i : tree.inner_postorder()) {
    const Node& parent = tree.node(i);
    double sum = 0;
    for (int c : parent.children) {
      const Node& child = tree.node(c);
      if (!child.weight)
        throw InvalidInput(fmt::format("weights: given: node '{}' (child of '{}') has no weight; "
                                       "under weights: given every child needs 'weight:'",
                                       child.id, parent.id),
                           child.where);
      sum += *child.weight;
    }
    if (!(sum > 0))
      throw DomainError(fmt::format("weights: given: all children of node '{}' have weight 0", parent.id),
                        Location{.node = parent.id});
    if (!(std::abs(sum - 1.0) <= kSumTolerance))
      w.warnings.push_back(fmt::format(
          "weights of the children of '{}' sum to {:.6g}, not 1; renormalised to sum to 1", parent.id, sum));
    for (int c : parent.children) w.local(c) = *tree.node(c).weight / sum;
  }
  compute_global_weights(tree, w);
  return w;
}

TreeWeights tree_weights(const IndicatorTree& tree, WeightMethod method, const WeightInputs& inputs) {
  switch (method) {
    case WeightMethod::Ahp:
      if (inputs.judgments == nullptr)
        throw InvalidInput("weights: ahp needs pairwise judgments; name a judgments file in the spec "
                           "('judgments: ahp_judgments.yaml')");
      return ahp_tree_weights(tree, *inputs.judgments, inputs.ahp).weights;
    case WeightMethod::Bwm:
      if (inputs.judgments == nullptr)
        throw InvalidInput("weights: bwm needs best-worst judgments; name a judgments file with 'bwm:' blocks in the "
                           "spec ('judgments: judgments.yaml')");
      return bwm_tree_weights(tree, *inputs.judgments);
    case WeightMethod::Equal:
      return equal_tree_weights(tree);
    case WeightMethod::Given:
      return given_tree_weights(tree);
    case WeightMethod::Entropy:
    case WeightMethod::CV:
    case WeightMethod::SD:
    case WeightMethod::Critic:
    case WeightMethod::Pca:
    case WeightMethod::Combined:
    case WeightMethod::Bod:
    case WeightMethod::MaxDeviation:
    case WeightMethod::MeanDeviation:
    case WeightMethod::Independence:
      throw InvalidInput(fmt::format("tree_weights: '{}' weights are computed from the data; use the "
                                     "overload with the node scores (data_weights.hpp) or build_index",
                                     method_info(weight_methods(), method).name));
  }
  throw InternalError("tree_weights: unknown method");
}

}  // namespace cikit
