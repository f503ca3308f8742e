#include "methods/weighting/data_weights.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/weighting/entropy.hpp"
#include "methods/weighting/pca_weights.hpp"
#include "methods/weighting/variation.hpp"

namespace cikit {

namespace {

template <class Result>
NodeWeights take(const Result& r, const std::string& node_id) {
  NodeWeights out;
  out.weights = r.weights;
  for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("node '{}': {}", node_id, w));
  return out;
}

NodeWeights compute(WeightMethod method, const Eigen::MatrixXd& x, const std::vector<std::string>& ids,
                    const std::string& node_id) {
  switch (method) {
    case WeightMethod::Entropy: {
      EntropyOptions o;
      o.variant = EntropyVariant::MinMax;
      o.ids = ids;
      return take(entropy_weights(x, o), node_id);
    }
    case WeightMethod::CV: {
      VariationOptions o;
      o.ids = ids;
      return take(cv_weights(x, o), node_id);
    }
    case WeightMethod::SD: {
      VariationOptions o;
      o.ids = ids;
      return take(sd_weights(x, o), node_id);
    }
    case WeightMethod::Critic: {
      VariationOptions o;
      o.ids = ids;
      return take(critic_weights(x, o), node_id);
    }
    case WeightMethod::Pca: {
      PcaWeightOptions o;
      o.ids = ids;
      return take(pca_weights(x, o), node_id);
    }
    case WeightMethod::Equal:
    case WeightMethod::Given:
    case WeightMethod::Ahp:
      break;
  }
  throw InvalidInput(fmt::format("node_data_weights: method '{}' does not use data",
                                 method_info(weight_methods(), method).name));
}

}  // namespace

NodeWeights node_data_weights(WeightMethod method, const Eigen::MatrixXd& x, const std::vector<std::string>& child_ids,
                              const std::string& node_id) {
  if (!is_data_driven(method))
    throw InvalidInput(fmt::format("node_data_weights: method '{}' does not use data",
                                   method_info(weight_methods(), method).name));
  if (x.cols() == 1) return NodeWeights{Eigen::VectorXd::Ones(1), {}};
  const std::string prefix =
      fmt::format("weights ({}): ", method_info(weight_methods(), method).name);
  try {
    return compute(method, x, child_ids, node_id);
  } catch (const DomainError& e) {
    throw DomainError(prefix + e.what(), Location{.node = node_id});
  } catch (const InvalidInput& e) {
    throw InvalidInput(prefix + e.what(), Location{.node = node_id});
  }
}

TreeWeights tree_weights(const IndicatorTree& tree, WeightMethod method, const Eigen::MatrixXd& node_scores) {
  if (!is_data_driven(method)) return tree_weights(tree, method);
  if (node_scores.cols() != tree.size())
    throw InvalidInput(fmt::format("tree_weights: scores have {} columns but the tree has {} nodes",
                                   node_scores.cols(), tree.size()));
  TreeWeights w;
  w.local = Eigen::VectorXd::Ones(tree.size());
  for (int i : tree.inner_postorder()) {
    const Node& node = tree.node(i);
    const auto k = static_cast<Eigen::Index>(node.children.size());
    Eigen::MatrixXd x(node_scores.rows(), k);
    std::vector<std::string> ids;
    for (Eigen::Index c = 0; c < k; ++c) {
      const int child = node.children[static_cast<std::size_t>(c)];
      x.col(c) = node_scores.col(child);
      ids.push_back(tree.node(child).id);
    }
    NodeWeights nw = node_data_weights(method, x, ids, node.id);
    for (Eigen::Index c = 0; c < k; ++c) w.local(node.children[static_cast<std::size_t>(c)]) = nw.weights(c);
    w.warnings.insert(w.warnings.end(), nw.warnings.begin(), nw.warnings.end());
  }
  compute_global_weights(tree, w);
  return w;
}

}  // namespace cikit
