#include "methods/report/evidence.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/normalize/normalize.hpp"

namespace cikit::report {

namespace {
BlockEvidence analyse(const Eigen::MatrixXd& oriented, const IndicatorTree& tree, int node, const EvidenceOptions& o) {
  BlockEvidence b;
  b.node = node;
  b.id = tree.node(node).id;
  b.positions = tree.leaf_positions_under(node);
  const auto k = static_cast<Eigen::Index>(b.positions.size());
  Eigen::MatrixXd x(oriented.rows(), k);
  std::vector<std::string> ids;
  for (Eigen::Index j = 0; j < k; ++j) {
    const int pos = b.positions[static_cast<std::size_t>(j)];
    ids.push_back(tree.node(tree.leaves()[static_cast<std::size_t>(pos)]).id);
    x.col(j) = oriented.col(pos);
  }
  // Each method separately: one that cannot handle the block leaves the others unaffected.
  const auto attempt = [](auto&& compute, std::string& error) {
    try {
      compute();
    } catch (const DomainError& e) {
      error = e.what();
    }
  };
  AlphaOptions ao;
  ao.item_ids = ids;
  ao.missing = o.missing;
  ao.level = o.level;
  ao.bootstrap_replicates = o.bootstrap_replicates;
  ao.seed = o.seed;
  attempt([&] { b.alpha = alpha(x, ao); }, b.alpha_error);
  SplitHalfOptions so;
  so.item_ids = ids;
  so.missing = o.missing;
  std::string split_error;
  attempt([&] { b.split_half = split_half(x, so); }, split_error);
  CorrelationOptions co;
  co.missing = o.missing == MissingRule::Listwise ? MissingCorrelation::Listwise : MissingCorrelation::Pairwise;
  co.names = ids;
  if (k >= 3) {
    OmegaOptions om;
    om.correlation = co;
    attempt([&] { b.omega = omega_one_factor(x, om); }, b.omega_error);
  }
  FactorabilityOptions fo;
  fo.item_ids = ids;
  if (o.missing == MissingRule::Pairwise) {
    attempt([&] { b.kmo = kmo(x, fo); }, b.kmo_error);
    attempt([&] { b.bartlett = bartlett_sphericity(x, fo); }, b.bartlett_error);
  } else {
    // Listwise: KMO and Bartlett of the complete rows' correlation matrix.
    attempt(
        [&] {
          const CorrelationResult c = correlation_matrix(x, co);
          b.kmo = kmo_from_correlation(c.r, fo);
          b.kmo->n_obs = c.n_used;
        },
        b.kmo_error);
    attempt(
        [&] {
          const CorrelationResult c = correlation_matrix(x, co);
          b.bartlett = bartlett_sphericity_from_correlation(c.r, c.n_used, fo);
        },
        b.bartlett_error);
  }
  return b;
}
}  // namespace

Evidence compute_evidence(const Dataset& data, const IndicatorTree& tree, const EvidenceOptions& options) {
  if (static_cast<std::size_t>(data.n_indicators()) != tree.leaves().size())
    throw InvalidInput(fmt::format("compute_evidence: the data have {} indicator columns, the tree {} leaves",
                                   data.n_indicators(), tree.leaves().size()));
  Evidence ev;
  ev.options = options;
  // Direction-aligned indicators; z-scores when standardising (normalize(): y = ±(x − mean)/sd).
  std::vector<ColumnInfo> columns;
  for (const int leaf : tree.leaves()) columns.push_back({tree.node(leaf).id, tree.node(leaf).direction});
  Eigen::MatrixXd oriented = data.values;
  if (options.standardize) {
    NormalizeOptions no;
    no.method = NormalizeMethod::ZScore;
    oriented = normalize(data.values, columns, no).values;
  } else {
    for (std::size_t j = 0; j < columns.size(); ++j)
      if (columns[j].direction == Direction::Negative) oriented.col(static_cast<Eigen::Index>(j)) *= -1.0;
  }
  for (const int d : tree.node(tree.root()).children)
    if (tree.leaf_positions_under(d).size() >= 2) ev.blocks.push_back(analyse(oriented, tree, d, options));
  ev.blocks.push_back(analyse(oriented, tree, tree.root(), options));
  StructureValidityOptions so;
  so.correlation.missing =
      options.missing == MissingRule::Listwise ? MissingCorrelation::Listwise : MissingCorrelation::Pairwise;
  so.parallel.replicates = options.parallel_replicates;
  so.parallel.quantile = options.parallel_quantile;
  so.parallel.seed = options.seed;
  ev.structure = structure_validity(data, tree, so);
  for (const auto& b : ev.blocks) {
    const auto add = [&](const std::vector<std::string>& ws) {
      for (const auto& w : ws) ev.warnings.push_back(fmt::format("'{}': {}", b.id, w));
    };
    if (b.alpha) add(b.alpha->warnings);
    if (b.kmo) add(b.kmo->warnings);
    if (b.bartlett) add(b.bartlett->warnings);
  }
  for (const auto& w : ev.structure.warnings) ev.warnings.push_back(w);
  return ev;
}

}  // namespace cikit::report
