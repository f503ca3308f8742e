// The audit's entry point: options checked, parts (1) and (2), and the summary (4) with
// Cronbach's α (methods/reliability) and the first-eigenvalue share (methods/validity PCA).
#include "methods/audit/audit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/reliability/alpha.hpp"
#include "methods/validity/pca.hpp"

namespace cikit::audit {

AuditInput audit_input(const IndicatorTree& tree, const IndexResult& index, const IndexConfig& config,
                       std::vector<std::string> unit_ids) {
  AuditInput in;
  in.tree = &tree;
  in.scores = index.scores;
  in.local_weights = index.weights.local;
  in.global_weights = index.weights.global;
  in.aggregation = index.aggregation;
  in.means.missing = config.missing;
  if (config.aggregate_params.zeros == ZeroPolicy::Shift) {
    in.means.zero = ZeroRule::Shift;
    in.means.delta = config.aggregate_params.shift;
  }
  in.unit_ids = std::move(unit_ids);
  return in;
}

namespace {

void check_options(const AuditOptions& o) {
  const auto unit = [](double v, const char* name) {
    if (!(v >= 0.0 && v <= 1.0)) throw InvalidInput(fmt::format("audit: {} is {}, but must be in [0, 1]", name, v));
  };
  unit(o.weak_r, "weak_r");
  unit(o.redundant_r, "redundant_r");
  unit(o.alpha_min, "alpha_min");
  unit(o.eigen_share_min, "eigen_share_min");
  if (!(o.divergence > 0.0)) throw InvalidInput(fmt::format("audit: divergence is {}, but must be > 0", o.divergence));
  if (o.spline_degree < 1 || o.spline_df < o.spline_degree)
    throw InvalidInput(fmt::format("audit: spline df is {} and degree {}; the df must be >= the degree (>= 1)",
                                   o.spline_df, o.spline_degree));
  if (o.bootstrap < 0) throw InvalidInput(fmt::format("audit: bootstrap is {}, but must be >= 0", o.bootstrap));
  if (o.bootstrap == 1) throw InvalidInput("audit: bootstrap is 1, but needs at least 2 replicates (or 0 for none)");
  if (!(o.level > 0.0 && o.level < 1.0))
    throw InvalidInput(fmt::format("audit: level is {}, but must be in (0, 1)", o.level));
}

void check_input(const AuditInput& in) {
  if (!in.tree) throw InvalidInput("audit: no tree");
  const auto n = static_cast<Eigen::Index>(in.tree->size());
  if (in.scores.cols() != n || in.local_weights.size() != n || in.global_weights.size() != n ||
      static_cast<Eigen::Index>(in.aggregation.size()) != n)
    throw InvalidInput(fmt::format("audit: the built index has {} score columns, {} local and {} global weights and "
                                   "{} aggregations, but the tree has {} nodes",
                                   in.scores.cols(), in.local_weights.size(), in.global_weights.size(),
                                   in.aggregation.size(), n));
}

GroupSummary summarise(const AuditInput& in, int node, const AuditOptions& o, const AuditResult& r) {
  const IndicatorTree& tree = *in.tree;
  GroupSummary g;
  g.node = node;
  const std::vector<int> pos = tree.leaf_positions_under(node);
  g.k = static_cast<int>(pos.size());
  if (g.k >= 2) {
    Eigen::MatrixXd x(in.scores.rows(), g.k);
    AlphaOptions ao;
    ao.bootstrap_replicates = 0;
    for (int j = 0; j < g.k; ++j) {
      const int leaf = tree.leaves()[static_cast<std::size_t>(pos[static_cast<std::size_t>(j)])];
      x.col(j) = in.scores.col(leaf);
      ao.item_ids.push_back(tree.node(leaf).id);
    }
    try {
      const AlphaResult a = alpha(x, ao);
      g.alpha = a.raw_alpha;
      g.std_alpha = a.std_alpha;
    } catch (const std::exception&) {
      g.reasons.push_back("alpha_undefined");
    }
    try {
      PcaOptions po;
      po.n_components = 1;
      po.correlation.names = ao.item_ids;
      const PcaResult p = pca(x, po);
      g.eigen_share = p.proportion(0);
    } catch (const std::exception&) {
      g.reasons.push_back("eigen_share_undefined");
    }
  }
  const auto& ch = tree.node(node).children;
  const auto is_child = [&](int c) { return std::find(ch.begin(), ch.end(), c) != ch.end(); };
  for (const auto& c : r.correlations)
    if (is_child(c.node)) {
      g.n_negative += c.negative ? 1 : 0;
      g.n_weak += c.weak ? 1 : 0;
    }
  for (const auto& m : r.importance)
    if (is_child(m.node)) g.n_divergent += m.divergent ? 1 : 0;
  for (const auto& gc : r.groups)
    if (gc.node == node) g.n_redundant = static_cast<int>(gc.redundant.size());
  if (g.std_alpha && *g.std_alpha < o.alpha_min) g.reasons.push_back("alpha");
  if (g.eigen_share && *g.eigen_share < o.eigen_share_min) g.reasons.push_back("eigen_share");
  if (g.n_negative) g.reasons.push_back("negative");
  if (g.n_weak) g.reasons.push_back("weak");
  if (g.n_redundant) g.reasons.push_back("redundant");
  if (g.n_divergent) g.reasons.push_back("divergent");
  if (g.k < 2) {
    g.reasons = {"single_indicator"};
    g.verdict = "not_applicable";
    return g;
  }
  g.verdict = g.reasons.empty() ? "coherent" : "review";
  return g;
}

}  // namespace

AuditResult run_audit(const AuditInput& in, const AuditOptions& options) {
  check_options(options);
  check_input(in);
  AuditResult r;
  r.options = options;
  r.n_units = in.scores.rows();
  r.correlations = node_correlations(in, options);
  r.groups = group_correlations(in, options);
  r.importance = node_importance(in, options, &r.bootstrap_failed);
  if (r.bootstrap_failed)
    r.warnings.push_back(fmt::format("audit: {} of {} bootstrap replicates failed (a resample with a constant score) "
                                     "and were left out of the S_i intervals",
                                     r.bootstrap_failed, options.bootstrap));
  const IndicatorTree& tree = *in.tree;
  for (int node : tree.preorder())
    if (node != tree.root() && !tree.node(node).children.empty()) r.summary.push_back(summarise(in, node, options, r));
  return r;
}

}  // namespace cikit::audit
