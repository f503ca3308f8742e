#include "methods/validity/structure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"
#include "methods/validity/criterion.hpp"

namespace cikit {

namespace {

Eigen::MatrixXd columns_of(const Eigen::MatrixXd& x, const std::vector<Eigen::Index>& cols) {
  Eigen::MatrixXd out(x.rows(), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t j = 0; j < cols.size(); ++j) out.col(static_cast<Eigen::Index>(j)) = x.col(cols[j]);
  return out;
}

BlockStructure analyse_block(const Eigen::MatrixXd& x, const std::string& id, const std::vector<Eigen::Index>& cols,
                             const std::vector<std::string>& names, const StructureValidityOptions& options) {
  BlockStructure b;
  b.id = id;
  b.columns = cols;
  const Eigen::MatrixXd xb = columns_of(x, cols);
  PcaOptions po;
  po.correlation = options.correlation;
  po.correlation.names.clear();
  for (const auto c : cols) po.correlation.names.push_back(names[static_cast<std::size_t>(c)]);
  b.pca = pca(xb, po);
  ParallelOptions pa = options.parallel;
  pa.correlation = po.correlation;
  b.parallel = parallel_analysis(xb, pa);
  FactorabilityOptions fo = options.factorability;
  fo.item_ids = po.correlation.names;
  b.kmo = kmo_from_correlation(b.pca.r, fo);
  Eigen::Index n = xb.rows();
  if (options.correlation.missing == MissingCorrelation::Listwise) n = (!xb.array().isNaN()).rowwise().all().count();
  try {
    b.bartlett = bartlett_sphericity_from_correlation(b.pca.r, n, fo);
  } catch (const std::exception& e) {
    b.kmo.warnings.push_back(fmt::format("Bartlett's test not computed: {}", e.what()));
  }
  return b;
}

/// correlation_test (Pearson), or NaN with a warning when it cannot be computed.
CorrelationTest pearson_or_nan(const Eigen::VectorXd& a, const Eigen::VectorXd& b, const std::string& what,
                               std::vector<std::string>& warnings) {
  try {
    return correlation_test(a, b, CorrelationMethod::Pearson, 0.95, what);
  } catch (const std::exception& e) {
    warnings.push_back(e.what());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan, nan, 0};
  }
}

}  // namespace

ItemDimensionCheck item_dimension_check(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks,
                                        double significance) {
  const auto p = x.cols();
  const auto nd = static_cast<Eigen::Index>(blocks.size());
  ItemDimensionCheck c;
  c.own.assign(static_cast<std::size_t>(p), -1);
  for (Eigen::Index d = 0; d < nd; ++d) {
    c.dimensions.push_back(blocks[static_cast<std::size_t>(d)].name);
    for (const auto j : blocks[static_cast<std::size_t>(d)].columns) {
      if (j < 0 || j >= p || c.own[static_cast<std::size_t>(j)] >= 0)
        throw InvalidInput(fmt::format("item_dimension_check: column {} is out of range or in two dimensions", j + 1));
      c.own[static_cast<std::size_t>(j)] = static_cast<int>(d);
    }
  }
  const Eigen::MatrixXd scores = dimension_scores(x, blocks);
  c.r.resize(p, nd);
  c.p_value.resize(p, nd);
  c.n.resize(p, nd);
  c.r_own_drop.resize(p);
  c.p_own_drop.resize(p);
  c.n_own_drop.resize(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    const int own = c.own[static_cast<std::size_t>(j)];
    if (own < 0) throw InvalidInput(fmt::format("item_dimension_check: column {} is in no dimension", j + 1));
    for (Eigen::Index d = 0; d < nd; ++d) {
      const auto t = pearson_or_nan(x.col(j), scores.col(d),
                                    fmt::format("indicator column {} vs dimension '{}'", j + 1, c.dimensions[static_cast<std::size_t>(d)]),
                                    c.warnings);
      c.r(j, d) = t.r;
      c.p_value(j, d) = t.p_value;
      c.n(j, d) = static_cast<int>(t.n);
    }
    std::vector<Eigen::Index> rest;
    for (const auto k : blocks[static_cast<std::size_t>(own)].columns)
      if (k != j) rest.push_back(k);
    CorrelationTest drop{std::numeric_limits<double>::quiet_NaN(), 0, 0, std::numeric_limits<double>::quiet_NaN(), 0};
    if (!rest.empty())
      drop = pearson_or_nan(x.col(j), mean_z_score(x, rest),
                            fmt::format("indicator column {} vs the rest of dimension '{}'", j + 1,
                                        c.dimensions[static_cast<std::size_t>(own)]),
                            c.warnings);
    c.r_own_drop(j) = drop.r;
    c.p_own_drop(j) = drop.p_value;
    c.n_own_drop(j) = static_cast<int>(drop.n);
    int best = -1;
    for (Eigen::Index d = 0; d < nd; ++d)
      if (d != own && !std::isnan(c.r(j, d)) && (best < 0 || c.r(j, d) > c.r(j, best))) best = static_cast<int>(d);
    c.best_other.push_back(best);
    c.other_higher.push_back(best >= 0 && c.r(j, best) > drop.r);
    c.negative.push_back(drop.r < 0);
    c.not_significant.push_back(drop.p_value >= significance);
  }
  c.score_r = Eigen::MatrixXd::Identity(nd, nd);
  c.score_p = Eigen::MatrixXd::Zero(nd, nd);
  c.score_n = Eigen::MatrixXi::Zero(nd, nd);
  for (Eigen::Index a = 0; a < nd; ++a) {
    c.score_n(a, a) = static_cast<int>((!scores.col(a).array().isNaN()).count());
    for (Eigen::Index b = a + 1; b < nd; ++b) {
      const auto t = pearson_or_nan(scores.col(a), scores.col(b),
                                    fmt::format("dimension scores '{}' and '{}'", c.dimensions[static_cast<std::size_t>(a)],
                                                c.dimensions[static_cast<std::size_t>(b)]),
                                    c.warnings);
      c.score_r(a, b) = c.score_r(b, a) = t.r;
      c.score_p(a, b) = c.score_p(b, a) = t.p_value;
      c.score_n(a, b) = c.score_n(b, a) = static_cast<int>(t.n);
    }
  }
  return c;
}

StructureValidityResult structure_validity(const Dataset& data, const IndicatorTree& tree,
                                           const StructureValidityOptions& options) {
  const auto& leaves = tree.leaves();
  if (static_cast<Eigen::Index>(leaves.size()) != data.n_indicators())
    throw InvalidInput(fmt::format("structure_validity: the tree has {} indicators but the data {} columns",
                                   leaves.size(), data.n_indicators()));
  Eigen::MatrixXd x = data.values;
  std::vector<std::string> names = data.indicator_ids;
  StructureValidityResult out;
  std::vector<std::string> dim_ids;
  std::vector<std::vector<Eigen::Index>> dim_cols;
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    const Node& leaf = tree.node(leaves[k]);
    if (leaf.direction == Direction::Negative) x.col(static_cast<Eigen::Index>(k)) *= -1.0;
    int top = leaves[k];
    while (tree.node(top).parent != tree.root()) top = tree.node(top).parent;
    const std::string& id = tree.node(top).id;
    const auto it = std::find(dim_ids.begin(), dim_ids.end(), id);
    std::size_t d = static_cast<std::size_t>(it - dim_ids.begin());
    if (it == dim_ids.end()) {
      dim_ids.push_back(id);
      dim_cols.emplace_back();
    }
    dim_cols[d].push_back(static_cast<Eigen::Index>(k));
    out.declared_dimension.push_back(static_cast<int>(d));
  }
  bool all_blocks_ok = dim_ids.size() >= 2;
  for (std::size_t d = 0; d < dim_ids.size(); ++d) {
    if (dim_cols[d].size() < 2) {
      all_blocks_ok = false;
      out.warnings.push_back(fmt::format("dimension '{}' has {} indicator: PCA, CR/AVE and HTMT need at least 2; "
                                         "it is skipped",
                                         dim_ids[d], dim_cols[d].size()));
      continue;
    }
    out.dimensions.push_back(analyse_block(x, dim_ids[d], dim_cols[d], names, options));
    for (const auto& w : out.dimensions.back().pca.warnings) out.warnings.push_back(fmt::format("'{}': {}", dim_ids[d], w));
    for (const auto& w : out.dimensions.back().kmo.warnings) out.warnings.push_back(fmt::format("'{}': {}", dim_ids[d], w));
    if (out.dimensions.back().bartlett)
      for (const auto& w : out.dimensions.back().bartlett->warnings) out.warnings.push_back(fmt::format("'{}': {}", dim_ids[d], w));
  }
  std::vector<Eigen::Index> all(static_cast<std::size_t>(x.cols()));
  for (Eigen::Index j = 0; j < x.cols(); ++j) all[static_cast<std::size_t>(j)] = j;
  out.system = analyse_block(x, "", all, names, options);
  for (const auto& w : out.system.pca.warnings) out.warnings.push_back("whole system: " + w);
  for (const auto& w : out.system.kmo.warnings) out.warnings.push_back("whole system: " + w);
  if (out.system.bartlett)
    for (const auto& w : out.system.bartlett->warnings) out.warnings.push_back("whole system: " + w);

  // Whole-system varimax with as many components as declared dimensions.
  const auto p = x.cols();
  const Eigen::Index m = std::max<Eigen::Index>(2, std::min<Eigen::Index>(static_cast<Eigen::Index>(dim_ids.size()), p - 1));
  if (p >= 3) {
    PcaOptions po;
    po.n_components = static_cast<int>(m);
    po.correlation = options.correlation;
    const PcaResult pm = pca_correlation(out.system.pca.r, po);
    out.system_varimax = varimax(pm.loadings);
    psych_sort_sign(out.system_varimax);
    for (const auto& w : out.system_varimax.warnings) out.warnings.push_back("whole system: " + w);
    const auto nd = static_cast<int>(dim_ids.size());
    Eigen::MatrixXi counts = Eigen::MatrixXi::Zero(m, nd);
    for (Eigen::Index j = 0; j < p; ++j) {
      Eigen::Index arg = 0;
      out.system_varimax.loadings.row(j).cwiseAbs().maxCoeff(&arg);
      out.highest_component.push_back(static_cast<int>(arg));
      counts(arg, out.declared_dimension[static_cast<std::size_t>(j)]) += 1;
    }
    for (Eigen::Index k = 0; k < m; ++k) {
      Eigen::Index best = 0;
      counts.row(k).maxCoeff(&best);  // first maximum
      out.component_dimension.push_back(counts.row(k).maxCoeff() > 0 ? static_cast<int>(best) : -1);
    }
    for (Eigen::Index j = 0; j < p; ++j)
      out.matches_declared.push_back(out.component_dimension[static_cast<std::size_t>(
                                         out.highest_component[static_cast<std::size_t>(j)])] ==
                                     out.declared_dimension[static_cast<std::size_t>(j)]);
  }
  std::vector<IndicatorBlock> blocks;
  for (std::size_t d = 0; d < dim_ids.size(); ++d) blocks.push_back({dim_ids[d], dim_cols[d]});
  out.item_dimension = item_dimension_check(x, blocks, options.significance);
  for (const auto& w : out.item_dimension.warnings) out.warnings.push_back(w);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const auto& c = out.item_dimension;
    const auto uj = static_cast<std::size_t>(j);
    if (c.other_higher[uj])
      out.warnings.push_back(fmt::format("indicator '{}' correlates more with dimension '{}' ({:.3f}) than with the rest of "
                                         "its own dimension '{}' ({:.3f})",
                                         names[uj], c.dimensions[static_cast<std::size_t>(c.best_other[uj])],
                                         c.r(j, c.best_other[uj]), c.dimensions[static_cast<std::size_t>(c.own[uj])],
                                         c.r_own_drop(j)));
    if (c.negative[uj] || c.not_significant[uj])
      out.warnings.push_back(fmt::format("indicator '{}' correlates {} with the rest of its dimension '{}' (r = {:.3f}, "
                                         "p = {:.3g})",
                                         names[uj], c.negative[uj] ? "negatively" : "not significantly",
                                         c.dimensions[static_cast<std::size_t>(c.own[uj])], c.r_own_drop(j), c.p_own_drop(j)));
  }
  if (all_blocks_ok) {
    ConvergentOptions co = options.convergent;
    co.correlation = options.correlation;
    co.correlation.names = names;
    out.convergent = convergent_validity(x, blocks, co);
    out.convergent_computed = true;
    out.warnings.insert(out.warnings.end(), out.convergent.warnings.begin(), out.convergent.warnings.end());
  } else {
    out.warnings.push_back("CR/AVE, Fornell-Larcker and HTMT need at least 2 dimensions of at least 2 indicators: "
                           "not computed");
  }
  return out;
}

}  // namespace cikit
