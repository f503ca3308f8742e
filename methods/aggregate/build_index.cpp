#include "methods/aggregate/build_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/aggregate/aggregate.hpp"
#include "methods/aggregate/copeland.hpp"
#include "methods/aggregate/mcda_dispatch.hpp"
#include "methods/aggregate/means.hpp"
#include "methods/aggregate/mpi.hpp"
#include "methods/aggregate/preflight.hpp"
#include "methods/aggregate/topsis.hpp"
#include "methods/weighting/bod.hpp"
#include "methods/weighting/data_weights.hpp"

namespace cikit {

std::vector<ColumnInfo> leaf_columns(const IndicatorTree& tree) {
  std::vector<ColumnInfo> cols;
  cols.reserve(tree.leaves().size());
  for (int leaf : tree.leaves()) {
    const Node& n = tree.node(leaf);
    ColumnInfo c;
    c.id = n.id;
    c.direction = n.direction;
    c.goalposts = n.goalposts;
    c.target = n.target;
    cols.push_back(std::move(c));
  }
  return cols;
}

namespace {

/// Units (rows) with at least one missing child.
Eigen::VectorXi missing_children(const Eigen::MatrixXd& x) {
  return x.array().isNaN().rowwise().count().cast<int>();
}

/// The node's children as MCDA criteria: ids, directions (a `-` indicator kept raw by
/// normalize none is a cost criterion; every other child score is oriented) and preferences.
McdaNode mcda_node(const IndicatorTree& tree, int i, const IndexConfig& config) {
  McdaNode mn;
  mn.node_id = tree.node(i).id;
  for (int child : tree.node(i).children) {
    const Node& c = tree.node(child);
    mn.child_ids.push_back(c.id);
    const bool raw = c.children.empty() && leaf_normalize_method(tree, child, config) == NormalizeMethod::None;
    mn.directions.push_back(raw && c.direction == Direction::Negative ? Direction::Negative : Direction::Positive);
    const auto p = config.preference_by_node.find(c.id);
    mn.preferences.push_back(p == config.preference_by_node.end() ? Preference{} : p->second);
  }
  return mn;
}

/// Aggregates one node's children (rows = units) with its method; see build_index().
AggregateResult aggregate_node(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const NodeAggregate& how,
                               const IndexConfig& config, const McdaNode& node,
                               const std::vector<std::string>& unit_ids, std::vector<std::string>& warnings) {
  const std::vector<std::string>& ids = node.child_ids;
  const std::string& node_id = node.node_id;
  MeanOptions mopt;
  mopt.missing = config.missing;
  if (config.aggregate_params.zeros == ZeroPolicy::Shift) {
    mopt.zero = ZeroRule::Shift;
    mopt.delta = config.aggregate_params.shift;
  }
  const CompleteCaseRule listwise =
      config.missing == MissingPolicy::Error ? CompleteCaseRule::Error : CompleteCaseRule::Listwise;
  AggregateResult a;
  switch (how.method) {
    case AggregateMethod::Arithmetic: return weighted_arithmetic(x, w, config.missing, ids, unit_ids);
    case AggregateMethod::Geometric: return weighted_geometric(x, w, mopt, ids, unit_ids);
    case AggregateMethod::Harmonic: return weighted_harmonic(x, w, mopt, ids, unit_ids);
    case AggregateMethod::Power: return weighted_power_mean(x, w, how.power, mopt, ids, unit_ids);
    case AggregateMethod::Topsis: {
      TopsisOptions o;
      o.normalization =
          config.aggregate_params.topsis == TopsisNorm::MinMax ? TopsisNormalization::MinMax : TopsisNormalization::Vector;
      o.missing = listwise;
      o.ids = ids;
      o.directions = node.directions;
      TopsisResult t = topsis(x, w, o);
      for (auto& s : t.warnings) warnings.push_back(fmt::format("node '{}' (topsis): {}", node_id, s));
      a.score = std::move(t.closeness);
      break;
    }
    case AggregateMethod::MazziottaPareto: {
      MpiOptions o;
      o.missing = listwise;
      o.ids = ids;
      if ((w.array() - w.mean()).abs().maxCoeff() > 1e-12 * std::abs(w.mean()))
        warnings.push_back(fmt::format("node '{}' (mpi): the Mazziotta-Pareto index is unweighted; the node's unequal "
                                       "weights are not used",
                                       node_id));
      MpiResult p = mazziotta_pareto(x, o);
      for (auto& s : p.warnings) warnings.push_back(fmt::format("node '{}' (mpi): {}", node_id, s));
      a.score = std::move(p.score);
      break;
    }
    case AggregateMethod::Bod: {
      const BodParams& bp = config.aggregate_params.bod;
      BodOptions o;
      o.ids = ids;
      o.unit_ids = unit_ids;
      o.node = node_id;
      o.seed = config.seed;
      o.threads = config.threads;
      o.robust_m = bp.robust_m;
      o.robust_b = bp.robust_b;
      if (bp.share_min > 0 || bp.share_max < 1) {
        o.share_lower = Eigen::VectorXd::Constant(x.cols(), bp.share_min);
        o.share_upper = Eigen::VectorXd::Constant(x.cols(), bp.share_max);
      }
      if ((w.array() - w.mean()).abs().maxCoeff() > 1e-12 * std::abs(w.mean()))
        warnings.push_back(fmt::format("node '{}' (bod): benefit of the doubt chooses each unit's own weights; the "
                                       "node's weights are not used",
                                       node_id));
      BodResult b = benefit_of_doubt(x, o);
      for (auto& s : b.warnings) warnings.push_back(s);
      // index JSON units[].details.NODE: each unit's own weights (raw, on the children's
      // scales) and pie shares w_cj y_cj / CI_c per child; the deterministic score beside the
      // order-m one when robust.
      for (Eigen::Index j = 0; j < b.weights.cols(); ++j)
        a.details.add("weights/" + ids[static_cast<std::size_t>(j)], b.weights.col(j));
      for (Eigen::Index j = 0; j < b.shares.cols(); ++j)
        a.details.add("shares/" + ids[static_cast<std::size_t>(j)], b.shares.col(j));
      if (bp.robust_m > 0) a.details.add("score_deterministic", b.score);
      a.score = bp.robust_m > 0 ? std::move(b.robust_score) : std::move(b.score);
      break;
    }
    case AggregateMethod::Copeland: {
      CopelandOptions o;
      o.missing = config.missing;
      CopelandResult c = copeland(x, w, ids, unit_ids, o);
      a.score = std::move(c.score);
      a.n_missing = std::move(c.n_missing);
      return a;
    }
    case AggregateMethod::Gra:
    case AggregateMethod::Vikor:
    case AggregateMethod::Promethee:
    case AggregateMethod::Copras:
    case AggregateMethod::Edas:
    case AggregateMethod::Rsr:
    case AggregateMethod::Fuzzy: return aggregate_mcda(how.method, x, w, config, node, warnings);
  }
  a.n_missing = missing_children(x);
  return a;
}


/// Notices of the values the treatment changed besides imputation: winsorised points and log
/// transforms, one per indicator (the treatment's summary is their English text).
void treatment_notices(IndexResult& r) {
  for (const ColumnTreatment& c : r.treatment.columns) {
    const Eigen::Index n_wins = c.n_winsorised_low + c.n_winsorised_high;
    if (n_wins > 0)
      r.notices.push_back(Notice{"treat.winsorised", c.id,
                                 {std::to_string(n_wins), std::to_string(c.n_winsorised_high),
                                  std::to_string(c.n_winsorised_low)},
                                 ""});
    if (c.transform != TransformMethod::None)
      r.notices.push_back(Notice{"treat.transformed", c.id,
                                 {std::string(method_info(transform_methods(), c.transform).name)}, ""});
  }
}

}  // namespace

IndexResult build_index(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                        const WeightInputs& inputs, RankScope scope) {
  const auto& leaves = tree.leaves();
  if (data.n_indicators() != static_cast<Eigen::Index>(leaves.size()))
    throw InvalidInput(fmt::format("build_index: data has {} indicator columns but the tree has {} indicators",
                                   data.n_indicators(), leaves.size()));
  for (std::size_t j = 0; j < leaves.size(); ++j)
    if (data.indicator_ids.at(j) != tree.node(leaves[j]).id)
      throw InvalidInput(fmt::format("build_index: data column {} is '{}' but the tree's indicator {} is '{}'",
                                     j + 1, data.indicator_ids[j], j + 1, tree.node(leaves[j]).id));
  if (data.n_units() < 2)
    throw DomainError(fmt::format("build_index: {} unit(s); an index needs at least 2 units to normalise and rank",
                                  data.n_units()));

  IndexResult r;
  const Eigen::Index n = data.n_units();
  const int m = tree.size();
  r.n_missing_values = data.n_missing();
  r.n_units_incomplete = (data.values.array().isNaN().rowwise().any()).count();

  require_preflight(tree, config, data.values, data.unit_ids);
  const Eigen::MatrixXd* values = &data.values;
  if (treatment_requested(config.treat)) {
    r.treatment = treat(data.values, data.indicator_ids, data.unit_ids, config.treat, data.unit_groups);
    values = &r.treatment.values;
    r.warnings.insert(r.warnings.end(), r.treatment.warnings.begin(), r.treatment.warnings.end());
  }

  NormalizeOptions nopt;
  nopt.method = config.normalize;
  nopt.range_lo = config.range_lo;
  nopt.range_hi = config.range_hi;
  nopt.cap_at_target = config.cap_at_target;
  nopt.unit_ids = data.unit_ids;
  if (!config.reference_unit.empty()) {
    const auto it = std::find(data.unit_ids.begin(), data.unit_ids.end(), config.reference_unit);
    if (it == data.unit_ids.end())
      throw InvalidInput(fmt::format("build_index: methods.normalize.reference is '{}', which is not a unit of the data",
                                     config.reference_unit));
    nopt.reference_row = static_cast<Eigen::Index>(it - data.unit_ids.begin());
  }
  std::vector<ColumnInfo> columns = leaf_columns(tree);
  for (std::size_t j = 0; j < leaves.size(); ++j) columns[j].method = leaf_normalize_method(tree, leaves[j], config);
  r.normalization = normalize(*values, columns, nopt);
  r.warnings.insert(r.warnings.end(), r.normalization.warnings.begin(), r.normalization.warnings.end());
  const NodeWeighter weigher(tree, config.weights, inputs);
  const bool data_weights = weigher.node_by_node();
  if (data_weights) {
    // Filled node by node below, from the children's scores (post-order).
    r.weights = weigher.start();
  } else {
    r.weights = tree_weights(tree, config.weights, inputs);
  }
  r.warnings.insert(r.warnings.end(), r.weights.warnings.begin(), r.weights.warnings.end());
  r.aggregation.assign(static_cast<std::size_t>(m), NodeAggregate{config.aggregate, config.aggregate_params.power});
  r.details.assign(static_cast<std::size_t>(m), AggregateDetails{});

  r.scores = Eigen::MatrixXd::Constant(n, m, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t j = 0; j < leaves.size(); ++j)
    r.scores.col(leaves[j]) = r.normalization.values.col(static_cast<Eigen::Index>(j));
  // The leaf columns of scores now hold the normalised values: no second n x k copy (40 MB for
  // 50,000 x 100) is kept in the result, and n_missing is allocated only after it is gone.
  r.normalization.values.resize(0, 0);
  r.n_missing = Eigen::MatrixXi::Zero(n, m);
  for (std::size_t j = 0; j < leaves.size(); ++j)
    r.n_missing.col(leaves[j]) = values->col(static_cast<Eigen::Index>(j)).array().isNaN().cast<int>();
  for (int i : tree.inner_postorder()) {
    const Node& node = tree.node(i);
    const auto k = static_cast<Eigen::Index>(node.children.size());
    Eigen::MatrixXd x(n, k);
    McdaNode mn = mcda_node(tree, i, config);
    const std::vector<std::string>& ids = mn.child_ids;
    for (Eigen::Index c = 0; c < k; ++c) x.col(c) = r.scores.col(node.children[static_cast<std::size_t>(c)]);
    if (data_weights) {
      NodeWeights nw = weigher.node(i, x, ids);
      for (Eigen::Index c = 0; c < k; ++c) r.weights.local(node.children[static_cast<std::size_t>(c)]) = nw.weights(c);
      r.weights.warnings.insert(r.weights.warnings.end(), nw.warnings.begin(), nw.warnings.end());
      r.warnings.insert(r.warnings.end(), nw.warnings.begin(), nw.warnings.end());
      r.weights.notices.insert(r.weights.notices.end(), nw.notices.begin(), nw.notices.end());
    }
    Eigen::VectorXd w(k);
    for (Eigen::Index c = 0; c < k; ++c) w(c) = r.weights.local(node.children[static_cast<std::size_t>(c)]);
    const NodeAggregate how = node_aggregate(tree, i, config);
    r.aggregation[static_cast<std::size_t>(i)] = how;
    AggregateResult a = aggregate_node(x, w, how, config, mn, data.unit_ids, r.warnings);
    r.scores.col(i) = a.score;
    r.details[static_cast<std::size_t>(i)] = std::move(a.details);
    r.n_missing.col(i) = a.n_missing;
    const Eigen::Index n_nan = a.score.array().isNaN().count();
    if (n_nan > 0) {
      std::string units;
      for (Eigen::Index u = 0; u < n; ++u) {
        if (!std::isnan(a.score(u))) continue;
        if (!units.empty()) units += ", ";
        units += data.unit_ids[static_cast<std::size_t>(u)];
      }
      const bool listwise = how.method == AggregateMethod::Topsis || how.method == AggregateMethod::MazziottaPareto ||
                            is_mcda_method(how.method);
      r.notices.push_back(Notice{listwise ? "units.dropped_listwise" : "units.no_score", node.id,
                                 {std::to_string(n_nan), units}, ""});
      r.warnings.push_back(listwise ? fmt::format("node '{}' ({}): {} unit(s) with a missing child score are dropped "
                                                  "(listwise) ({}); their score and rank are missing",
                                                  node.id, method_info(aggregate_methods(), how.method).name, n_nan,
                                                  units)
                                    : fmt::format("node '{}': no available indicator for {} unit(s) ({}); "
                                                  "their score and rank are missing",
                                                  node.id, n_nan, units));
      r.notices.back().text = r.warnings.back();
    }
  }
  const Eigen::Index left_missing = values->array().isNaN().count();
  if (left_missing < r.n_missing_values) {
    r.warnings.push_back(fmt::format("{} of {} missing value(s) imputed (methods.treat.impute: {})",
                                     r.n_missing_values - left_missing, r.n_missing_values,
                                     method_info(impute_methods(), config.treat.impute).name));
    r.notices.push_back(Notice{"treat.imputed", "",
                               {std::to_string(r.n_missing_values - left_missing), std::to_string(r.n_missing_values),
                                std::string(method_info(impute_methods(), config.treat.impute).name)},
                               r.warnings.back()});
  }
  if (left_missing > 0 && config.missing == MissingPolicy::Available) {
    const Eigen::Index n_incomplete = (values->array().isNaN().rowwise().any()).count();
    r.warnings.push_back(fmt::format(
        "{} missing value(s) in {} unit(s): those units' group scores average the available "
        "indicators with re-normalised weights (methods.aggregate.missing: available)",
        left_missing, n_incomplete));
    r.notices.push_back(Notice{"missing.available", "", {std::to_string(left_missing), std::to_string(n_incomplete)},
                               r.warnings.back()});
  }
  treatment_notices(r);
  r.notices.insert(r.notices.begin(), r.weights.notices.begin(), r.weights.notices.end());
  if (data_weights) compute_global_weights(tree, r.weights);
  const int ranked = scope == RankScope::IndexOnly ? 1 : m;  // node 0 is the root (the index)
  r.ranks.resize(n, ranked);
  for (int i = 0; i < ranked; ++i) r.ranks.col(i) = rank_descending(r.scores.col(i));
  return r;
}

}  // namespace cikit
