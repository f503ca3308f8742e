#include "methods/validity/structure.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "methods/core/error.hpp"

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
  return b;
}

}  // namespace

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
  }
  std::vector<Eigen::Index> all(static_cast<std::size_t>(x.cols()));
  for (Eigen::Index j = 0; j < x.cols(); ++j) all[static_cast<std::size_t>(j)] = j;
  out.system = analyse_block(x, "", all, names, options);
  for (const auto& w : out.system.pca.warnings) out.warnings.push_back("whole system: " + w);

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
  if (all_blocks_ok) {
    std::vector<IndicatorBlock> blocks;
    for (std::size_t d = 0; d < dim_ids.size(); ++d) blocks.push_back({dim_ids[d], dim_cols[d]});
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
