// Part (2) of the audit: effective importance S_i = V(E[y | x_i]) / V(y) of every node on the
// index and on its parent (spline R², bspline.hpp), Pearson r², normalised importance versus
// normalised nominal weight, divergence flags and bootstrap percentile CIs over units.
#include <fmt/format.h>

#include <cmath>

#include "methods/audit/audit.hpp"
#include "methods/audit/bspline.hpp"
#include "methods/audit/detail/pairs.hpp"
#include "methods/core/error.hpp"
#include "methods/stats/bootstrap_units.hpp"

namespace cikit::audit {

namespace {

/// S_i of `node` on `target` from the complete pairs; the error names the node.
double node_s(const Eigen::MatrixXd& scores, const IndicatorTree& tree, int node, int target, const AuditOptions& o) {
  const auto p = detail::complete_pairs(scores, node, target);
  if (p.x.size() < o.spline_df + 2)
    throw InvalidInput(fmt::format("audit: node '{}' and '{}' have {} unit(s) with both scores, but the spline with "
                                   "df = {} needs at least {}; lower --spline-df or use more units",
                                   tree.node(node).id, tree.node(target).id, p.x.size(), o.spline_df,
                                   o.spline_df + 2),
                       Location{.node = tree.node(node).id});
  try {
    return spline_r_squared(p.x, p.y, o.spline_df, o.spline_degree);
  } catch (const DomainError& e) {
    throw DomainError(fmt::format("audit: importance of node '{}' on '{}': {}", tree.node(node).id,
                                  tree.node(target).id, e.what()),
                      Location{.node = tree.node(node).id});
  }
}

/// (S on the index, S on the parent) of every non-root node in pre-order, stacked.
Eigen::VectorXd all_s(const Eigen::MatrixXd& scores, const IndicatorTree& tree, const AuditOptions& o) {
  const auto m = static_cast<Eigen::Index>(tree.size() - 1);
  Eigen::VectorXd s(2 * m);
  Eigen::Index k = 0;
  for (int node : tree.preorder()) {
    if (node == tree.root()) continue;
    s(k) = node_s(scores, tree, node, tree.root(), o);
    s(m + k) = node_s(scores, tree, node, tree.node(node).parent, o);
    ++k;
  }
  return s;
}

}  // namespace

std::vector<NodeImportance> node_importance(const AuditInput& in, const AuditOptions& o, int* bootstrap_failed) {
  const IndicatorTree& tree = *in.tree;
  std::vector<NodeImportance> out;
  std::vector<int> pos(static_cast<std::size_t>(tree.size()), -1);
  for (int node : tree.preorder()) {
    if (node == tree.root()) continue;
    const Node& nd = tree.node(node);
    NodeImportance m;
    m.node = node;
    m.parent = nd.parent;
    m.s_index = node_s(in.scores, tree, node, tree.root(), o);
    m.s_parent = node_s(in.scores, tree, node, nd.parent, o);
    const auto pi = detail::complete_pairs(in.scores, node, tree.root());
    const auto pp = detail::complete_pairs(in.scores, node, nd.parent);
    const double ri = detail::pearson(pi.x, pi.y, fmt::format("node '{}' with the index", nd.id));
    const double rp = detail::pearson(pp.x, pp.y, fmt::format("node '{}' with its parent", nd.id));
    m.r2_index = ri * ri;
    m.r2_parent = rp * rp;
    m.weight = in.local_weights(node);
    pos[static_cast<std::size_t>(node)] = static_cast<int>(out.size());
    out.push_back(m);
  }
  // Normalise within each parent: importance by the siblings' S on the parent, weights by the
  // siblings' nominal weights.
  for (int p : tree.preorder()) {
    const auto& ch = tree.node(p).children;
    if (ch.empty()) continue;
    double ssum = 0.0, wsum = 0.0;
    for (int c : ch) {
      ssum += out[static_cast<std::size_t>(pos[static_cast<std::size_t>(c)])].s_parent;
      wsum += out[static_cast<std::size_t>(pos[static_cast<std::size_t>(c)])].weight;
    }
    for (int c : ch) {
      NodeImportance& m = out[static_cast<std::size_t>(pos[static_cast<std::size_t>(c)])];
      m.importance_norm = ssum > 0.0 ? m.s_parent / ssum : 0.0;
      m.weight_norm = wsum > 0.0 ? m.weight / wsum : 0.0;
      m.ratio = m.weight_norm > 0.0 ? m.importance_norm / m.weight_norm : 0.0;
      m.divergent = m.weight_norm > 0.0 ? std::abs(m.ratio - 1.0) > o.divergence : m.importance_norm > 0.0;
    }
  }
  if (o.bootstrap > 0) {
    BootstrapUnitsOptions bo;
    bo.replicates = o.bootstrap;
    bo.level = o.level;
    bo.seed = o.seed;
    bo.bca = false;
    bo.threads = o.threads;
    const Eigen::MatrixXd& scores = in.scores;
    const auto stat = [&](const std::vector<Eigen::Index>& rows) {
      Eigen::MatrixXd sub(static_cast<Eigen::Index>(rows.size()), scores.cols());
      for (std::size_t i = 0; i < rows.size(); ++i) sub.row(static_cast<Eigen::Index>(i)) = scores.row(rows[i]);
      return all_s(sub, tree, o);
    };
    const BootstrapUnitsResult b = bootstrap_units(scores.rows(), stat, bo);
    const auto m = static_cast<std::size_t>(out.size());
    for (std::size_t k = 0; k < m; ++k) {
      const auto& ii = b.intervals[k];
      const auto& ip = b.intervals[m + k];
      if (ii.replicates_used > 1) out[k].s_index_ci = std::pair{ii.percentile_lower, ii.percentile_upper};
      if (ip.replicates_used > 1) out[k].s_parent_ci = std::pair{ip.percentile_lower, ip.percentile_upper};
    }
    if (bootstrap_failed) *bootstrap_failed = static_cast<int>(b.failures.size());
  }
  return out;
}

}  // namespace cikit::audit
