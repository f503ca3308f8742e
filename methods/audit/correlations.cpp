// Part (1) of the audit: correlations of every node with its parent and with the index, the
// children's correlation matrices, and the flags (negative, weak, redundant).
#include <fmt/format.h>

#include <cmath>

#include "methods/audit/audit.hpp"
#include "methods/audit/detail/pairs.hpp"
#include "methods/core/error.hpp"
#include "methods/stats/matrix.hpp"
#include "methods/stats/rank_stats.hpp"

namespace cikit::audit {

namespace detail {

CompletePairs complete_pairs(const Eigen::MatrixXd& scores, int a, int b) {
  CompletePairs p;
  const Eigen::Index n = scores.rows();
  std::vector<Eigen::Index> rows;
  rows.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i)
    if (!std::isnan(scores(i, a)) && !std::isnan(scores(i, b))) rows.push_back(i);
  p.x.resize(static_cast<Eigen::Index>(rows.size()));
  p.y.resize(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t k = 0; k < rows.size(); ++k) {
    p.x(static_cast<Eigen::Index>(k)) = scores(rows[k], a);
    p.y(static_cast<Eigen::Index>(k)) = scores(rows[k], b);
  }
  return p;
}

double pearson(const Eigen::VectorXd& x, const Eigen::VectorXd& y, const std::string& what) {
  if (x.size() < 3)
    throw DomainError(fmt::format("audit: {}: {} unit(s) with both scores, but a correlation needs at least 3", what,
                                  x.size()));
  Eigen::MatrixXd m(x.size(), 2);
  m.col(0) = x;
  m.col(1) = y;
  return stats::pairwise_correlation(m, 3, {what + " (x)", what + " (y)"}, "audit")(0, 1);
}

}  // namespace detail

std::vector<NodeCorrelation> node_correlations(const AuditInput& in, const AuditOptions& o) {
  const IndicatorTree& tree = *in.tree;
  std::vector<NodeCorrelation> out;
  for (int node : tree.preorder()) {
    if (node == tree.root()) continue;
    const Node& nd = tree.node(node);
    NodeCorrelation c;
    c.node = node;
    c.parent = nd.parent;
    const auto with_parent = detail::complete_pairs(in.scores, node, nd.parent);
    const auto with_index = detail::complete_pairs(in.scores, node, tree.root());
    const std::string wp = fmt::format("node '{}' with its parent '{}'", nd.id, tree.node(nd.parent).id);
    const std::string wi = fmt::format("node '{}' with the index", nd.id);
    c.r_parent = detail::pearson(with_parent.x, with_parent.y, wp);
    c.r_index = detail::pearson(with_index.x, with_index.y, wi);
    c.n = with_index.x.size();
    if (o.spearman) {
      c.rho_parent = spearman_rho(with_parent.x, with_parent.y);
      c.rho_index = spearman_rho(with_index.x, with_index.y);
    }
    c.negative = c.r_parent < 0.0;
    c.weak = !c.negative && c.r_parent < o.weak_r;
    out.push_back(c);
  }
  return out;
}

std::vector<GroupCorrelation> group_correlations(const AuditInput& in, const AuditOptions& o) {
  const IndicatorTree& tree = *in.tree;
  std::vector<GroupCorrelation> out;
  for (int node : tree.preorder()) {
    const Node& nd = tree.node(node);
    if (nd.children.size() < 2) continue;
    GroupCorrelation g;
    g.node = node;
    g.children = nd.children;
    Eigen::MatrixXd x(in.scores.rows(), static_cast<Eigen::Index>(nd.children.size()));
    std::vector<std::string> names;
    for (std::size_t j = 0; j < nd.children.size(); ++j) {
      x.col(static_cast<Eigen::Index>(j)) = in.scores.col(nd.children[j]);
      names.push_back(tree.node(nd.children[j]).id);
    }
    g.r = stats::pairwise_correlation(x, 3, names, "audit: group correlations");
    for (Eigen::Index a = 0; a < g.r.rows(); ++a)
      for (Eigen::Index b = a + 1; b < g.r.cols(); ++b)
        if (std::abs(g.r(a, b)) > o.redundant_r)
          g.redundant.push_back({nd.children[static_cast<std::size_t>(a)], nd.children[static_cast<std::size_t>(b)],
                                 g.r(a, b)});
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace cikit::audit
