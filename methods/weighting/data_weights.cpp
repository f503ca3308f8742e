#include "methods/weighting/data_weights.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/weighting/ahp_tree.hpp"
#include "methods/weighting/bod.hpp"
#include "methods/weighting/objective_common.hpp"
#include "methods/weighting/combine.hpp"
#include "methods/weighting/deviation.hpp"
#include "methods/weighting/entropy.hpp"
#include "methods/weighting/pca_weights.hpp"
#include "methods/weighting/variation.hpp"

namespace cikit {

namespace {

/// The notice of units dropped by listwise deletion (complete_cases' warning), when any were.
void units_dropped_notice(NodeWeights& out, WeightMethod method, Eigen::Index n_used, Eigen::Index n_total,
                          const std::string& node_id) {
  if (n_used >= n_total) return;
  const std::string what = fmt::format("{} of {} units dropped", n_total - n_used, n_total);
  std::string text;
  for (const auto& w : out.warnings)
    if (w.find(what) != std::string::npos) text = w;
  out.notices.push_back(Notice{"weights.units_dropped", node_id,
                               {std::string(method_info(weight_methods(), method).name),
                                std::to_string(n_total - n_used), std::to_string(n_total)},
                               text});
}

/// The notice of components kept beyond the eigenvalue/share rules (pca_weights' warning), when any were.
void components_added_notice(NodeWeights& out, const PcaWeights& r, const PcaWeightOptions& o, const std::string& node_id) {
  if (r.components_added == 0) return;
  std::string text;
  for (const auto& w : out.warnings)
    if (w.find("added beyond the eigenvalue/share rules") != std::string::npos) text = w;
  out.notices.push_back(Notice{"weights.pca_components_added", node_id,
                               {std::to_string(r.components_added), fmt::format("{:.1f}", 100 * r.cumulative_explained),
                                fmt::format("{:.0f}", 100 * o.min_cumulative)},
                               text});
}

/// One notice per negative raw combination coefficient (|alpha| used), with the warning it explains.
void negative_coefficient_notices(NodeWeights& out, const CombinedWeights& r, const std::vector<WeightMethod>& of,
                                  const std::string& node_id) {
  if (r.raw_coefficients.size() != r.coefficients.size()) return;
  for (Eigen::Index k = 0; k < r.raw_coefficients.size(); ++k) {
    if (!(r.raw_coefficients(k) < 0)) continue;
    const std::string what = fmt::format("coefficient of vector {} is negative", k + 1);
    std::string text;
    for (const auto& w : out.warnings)
      if (w.find(what) != std::string::npos) text = w;
    out.notices.push_back(Notice{"combine.negative", node_id,
                                 {std::string(method_info(weight_methods(), of[static_cast<std::size_t>(k)]).name),
                                  fmt::format("{:.3f}", r.raw_coefficients(k)), fmt::format("{:.3f}", r.coefficients(k))},
                                 text});
  }
}

template <class Result>
NodeWeights take(const Result& r, const std::string& node_id, WeightMethod method, Eigen::Index n_total) {
  NodeWeights out;
  out.weights = r.weights;
  for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("node '{}': {}", node_id, w));
  out.diagnostics.per_node.emplace_back("n_used", static_cast<double>(r.n_used));
  units_dropped_notice(out, method, static_cast<Eigen::Index>(r.n_used), n_total, node_id);
  return out;
}

using PerChild = std::vector<std::pair<std::string, Eigen::VectorXd>>;

/// The weightings whose result is a VariationWeights (CV, SD, CRITIC, maximising deviation,
/// mean deviation, independence): the same options, the same take(); `diagnostics` gives the
/// per-child diagnostics of each.
template <class Fn, class Diagnostics>
NodeWeights variation_method(Fn weights_of, Diagnostics diagnostics, const Eigen::MatrixXd& x,
                             const std::vector<std::string>& ids, const std::string& node_id, WeightMethod method) {
  VariationOptions o;
  o.ids = ids;
  const VariationWeights r = weights_of(x, o);
  NodeWeights out = take(r, node_id, method, x.rows());
  out.diagnostics.per_child = diagnostics(r);
  return out;
}

NodeWeights compute(WeightMethod method, const Eigen::MatrixXd& x, const std::vector<std::string>& ids,
                    const std::string& node_id, const WeightVariants& v) {
  switch (method) {
    case WeightMethod::Entropy: {
      EntropyOptions o;
      o.variant = v.entropy;
      o.shift = v.entropy_shift;
      o.delta = v.entropy_delta;
      o.ids = ids;
      const EntropyWeights r = entropy_weights(x, o);
      NodeWeights out = take(r, node_id, method, x.rows());
      out.diagnostics.per_child = {{"entropy", r.entropy}, {"divergence", r.divergence}};
      return out;
    }
    case WeightMethod::CV:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return cv_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            return {{"mean", r.mean}, {"sd", r.sd}, {"cv", r.score}};
          },
          x, ids, node_id, method);
    case WeightMethod::SD:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return sd_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            return {{"sd", r.sd}};
          },
          x, ids, node_id, method);
    case WeightMethod::Critic:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return critic_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            const Eigen::VectorXd conflict = (1.0 - r.correlation.array()).matrix().colwise().sum().transpose();
            return {{"sd", r.sd}, {"conflict", conflict}, {"information", r.score}};
          },
          x, ids, node_id, method);
    case WeightMethod::Pca: {
      if (v.pca == PcaVariant::Pc1) {
        Pc1Options o;
        o.variant = v.pc1;
        o.ids = ids;
        const Pc1Weights r = pc1_weights(x, o);
        NodeWeights out = take(r, node_id, method, x.rows());
        out.diagnostics.per_child = {{"eigenvector", r.eigenvector}};
        out.diagnostics.per_node.emplace_back("n_factors", 1.0);
        out.diagnostics.per_node.emplace_back("explained_variance", r.explained);
        out.diagnostics.per_node.emplace_back("eigenvalue_1", r.eigenvalue);
        return out;
      }
      PcaWeightOptions o;
      o.ids = ids;
      const PcaWeights r = pca_weights(x, o);
      NodeWeights out = take(r, node_id, method, x.rows());
      components_added_notice(out, r, o, node_id);
      Eigen::VectorXd factor(r.weights.size()), loading(r.weights.size());
      for (Eigen::Index j = 0; j < factor.size(); ++j) {
        const int f = r.assigned[static_cast<std::size_t>(j)];
        factor(j) = f + 1;
        loading(j) = r.scaled_squared(j, f);
      }
      out.diagnostics.per_child = {{"factor", factor}, {"scaled_squared_loading", loading}};
      out.diagnostics.per_node.emplace_back("n_factors", r.n_factors);
      out.diagnostics.per_node.emplace_back("explained_variance", r.explained.head(r.n_factors).sum());
      out.diagnostics.per_node.emplace_back("eigenvalue_1", r.eigenvalues(0));
      return out;
    }
    case WeightMethod::Bod: {
      std::vector<std::string> cw;
      const CompleteCases cc = complete_cases(x, CompleteCaseRule::Listwise, "bod", ids, cw);
      BodOptions o;
      o.ids = ids;
      o.node = node_id;
      const BodResult r = benefit_of_doubt(cc.x, o);
      NodeWeights out;
      out.weights = r.mean_share;
      for (const auto& w : cw) out.warnings.push_back(fmt::format("node '{}': {}", node_id, w));
      for (const auto& w : r.warnings) out.warnings.push_back(w);
      out.diagnostics.per_node.emplace_back("n_used", static_cast<double>(cc.x.rows()));
      out.diagnostics.per_node.emplace_back("n_score_1", static_cast<double>((r.score.array() >= 1 - 1e-9).count()));
      units_dropped_notice(out, method, cc.x.rows(), x.rows(), node_id);
      out.diagnostics.per_child = {{"mean_share", r.mean_share}};
      return out;
    }
    case WeightMethod::MaxDeviation:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return max_deviation_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            return {{"deviation", r.score}};
          },
          x, ids, node_id, method);
    case WeightMethod::MeanDeviation:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return mean_deviation_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            return {{"mean_deviation", r.score}};
          },
          x, ids, node_id, method);
    case WeightMethod::Independence:
      return variation_method(
          [](const Eigen::MatrixXd& m, const VariationOptions& o) { return independence_weights(m, o); },
          [](const VariationWeights& r) -> PerChild {
            const Eigen::VectorXd r2 = (1.0 - r.score.array()).matrix();
            return {{"r_squared", r2}, {"one_minus_r_squared", r.score}};
          },
          x, ids, node_id, method);
    case WeightMethod::Equal:
    case WeightMethod::Given:
    case WeightMethod::Ahp:
    case WeightMethod::Combined:
    case WeightMethod::Bwm:
      break;
  }
  throw InvalidInput(fmt::format("node_data_weights: method '{}' does not use data",
                                 method_info(weight_methods(), method).name));
}

}  // namespace

NodeWeights node_data_weights(WeightMethod method, const Eigen::MatrixXd& x, const std::vector<std::string>& child_ids,
                              const std::string& node_id) {
  return node_data_weights(method, x, child_ids, node_id, WeightVariants{});
}

NodeWeights node_data_weights(WeightMethod method, const Eigen::MatrixXd& x, const std::vector<std::string>& child_ids,
                              const std::string& node_id, const WeightVariants& variants) {
  if (method == WeightMethod::Combined)
    throw InvalidInput("node_data_weights: 'combined' weights need the tree and their components "
                       "(methods.weights.combine/of): use NodeWeighter or build_index");
  if (!is_data_driven(method))
    throw InvalidInput(fmt::format("node_data_weights: method '{}' does not use data",
                                   method_info(weight_methods(), method).name));
  if (x.cols() == 1) return NodeWeights{Eigen::VectorXd::Ones(1), {}};
  const std::string prefix =
      fmt::format("weights ({}): ", method_info(weight_methods(), method).name);
  try {
    return compute(method, x, child_ids, node_id, variants);
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
    w.notices.insert(w.notices.end(), nw.notices.begin(), nw.notices.end());
  }
  compute_global_weights(tree, w);
  return w;
}

NodeWeighter::NodeWeighter(const IndicatorTree& tree, WeightMethod method, const WeightInputs& inputs)
    : tree_(&tree), method_(method), variants_(inputs.variants) {
  std::vector<WeightMethod> fixed;
  if (method == WeightMethod::Combined) {
    if (variants_.combined.of.empty())
      throw InvalidInput("weights: combined needs its components: set methods.weights.combine and .of in the spec "
                         "(e.g. weights: {combine: game_theory, of: [ahp, entropy]})");
    validate_combination(variants_.combined);
    for (WeightMethod m : variants_.combined.of)
      if (!is_data_driven(m)) fixed.push_back(m);
  } else if (!is_data_driven(method)) {
    fixed.push_back(method);
  }
  for (WeightMethod m : fixed) fixed_.emplace_back(m, tree_weights(tree, m, inputs));
}

TreeWeights NodeWeighter::start() const {
  TreeWeights w;
  w.local = Eigen::VectorXd::Ones(tree_->size());
  for (const auto& [m, tw] : fixed_) {
    w.warnings.insert(w.warnings.end(), tw.warnings.begin(), tw.warnings.end());
    w.consistency.insert(w.consistency.end(), tw.consistency.begin(), tw.consistency.end());
  }
  return w;
}

NodeWeights NodeWeighter::component(WeightMethod m, int i, const Eigen::MatrixXd& x,
                                    const std::vector<std::string>& ids) const {
  const Node& node = tree_->node(i);
  if (is_data_driven(m)) return node_data_weights(m, x, ids, node.id, variants_);
  for (const auto& [fm, tw] : fixed_)
    if (fm == m) {
      NodeWeights out;
      out.weights.resize(static_cast<Eigen::Index>(node.children.size()));
      for (std::size_t c = 0; c < node.children.size(); ++c)
        out.weights(static_cast<Eigen::Index>(c)) = tw.local(node.children[c]);
      return out;
    }
  throw InternalError("NodeWeighter: component weights not precomputed");
}

NodeWeights NodeWeighter::node(int i, const Eigen::MatrixXd& x, const std::vector<std::string>& ids) const {
  if (method_ != WeightMethod::Combined) return component(method_, i, x, ids);
  const Node& node = tree_->node(i);
  if (x.cols() == 1) return NodeWeights{Eigen::VectorXd::Ones(1), {}, {}};
  const CombineSettings& c = variants_.combined;
  NodeWeights out;
  std::vector<Eigen::VectorXd> parts;
  for (WeightMethod m : c.of) {
    NodeWeights p = component(m, i, x, ids);
    out.warnings.insert(out.warnings.end(), p.warnings.begin(), p.warnings.end());
    out.notices.insert(out.notices.end(), p.notices.begin(), p.notices.end());
    out.diagnostics.per_child.emplace_back(std::string(method_info(weight_methods(), m).name), p.weights);
    parts.push_back(std::move(p.weights));
  }
  bool same = true;
  for (const auto& p : parts) same = same && (p - parts.front()).cwiseAbs().maxCoeff() <= 1e-12;
  if (same) {
    out.weights = parts.front();
    out.warnings.push_back(fmt::format("node '{}': weights (combined): all components give the same weights; "
                                       "the combination is that vector",
                                       node.id));
    return out;
  }
  CombinedWeights r;
  try {
    switch (c.rule) {
      case CombineRule::Linear:
        r = combine_linear(parts[0], parts[1], c.alpha);
        break;
      case CombineRule::Multiplicative:
        r = combine_multiplicative(parts[0], parts[1]);
        break;
      case CombineRule::MinEntropy:
        r = combine_min_entropy(parts[0], parts[1]);
        break;
      case CombineRule::GameTheory:
        r = combine_game_theory(parts);
        break;
    }
  } catch (const DomainError& e) {
    throw DomainError(fmt::format("weights (combined): {}", e.what()), Location{.node = node.id});
  } catch (const InvalidInput& e) {
    throw InvalidInput(fmt::format("weights (combined): {}", e.what()), Location{.node = node.id});
  }
  out.weights = r.weights;
  for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("node '{}': {}", node.id, w));
  negative_coefficient_notices(out, r, c.of, node.id);
  for (Eigen::Index k = 0; k < r.coefficients.size(); ++k) {
    const auto name = method_info(weight_methods(), c.of[static_cast<std::size_t>(k)]).name;
    out.diagnostics.per_node.emplace_back(fmt::format("coefficient:{}", name), r.coefficients(k));
    if (r.raw_coefficients.size() == r.coefficients.size())
      out.diagnostics.per_node.emplace_back(fmt::format("raw_coefficient:{}", name), r.raw_coefficients(k));
  }
  return out;
}

}  // namespace cikit
