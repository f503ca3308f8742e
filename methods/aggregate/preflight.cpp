#include "methods/aggregate/preflight.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

ScoreSign weakest(ScoreSign a, ScoreSign b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

const char* sign_words(ScoreSign s) {
  switch (s) {
    case ScoreSign::Positive: return "always > 0";
    case ScoreSign::NonNegative: return "can be 0";
    case ScoreSign::Any: return "can be negative";
  }
  return "";
}

std::string name_of(AggregateMethod m) { return std::string(method_info(aggregate_methods(), m).name); }
std::string name_of(NormalizeMethod m) { return std::string(method_info(normalize_methods(), m).name); }

/// Sign of y = lo + (hi - lo) t, t >= 0 (min-max family).
ScoreSign range_sign(const IndexConfig& c) {
  return c.range_lo > 0 ? ScoreSign::Positive : c.range_lo >= 0 ? ScoreSign::NonNegative : ScoreSign::Any;
}

/// Smallest available value of column j and its row (-1 when all missing).
std::pair<double, Eigen::Index> column_min(const Eigen::MatrixXd& x, Eigen::Index j) {
  double mn = 0;
  Eigen::Index at = -1;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(x(i, j)) && (at < 0 || x(i, j) < mn)) {
      mn = x(i, j);
      at = i;
    }
  return {mn, at};
}

std::string unit_of(const std::vector<std::string>& ids, Eigen::Index i) {
  return static_cast<Eigen::Index>(ids.size()) > i ? ids[static_cast<std::size_t>(i)] : fmt::format("row {}", i + 1);
}

}  // namespace

NormalizeMethod leaf_normalize_method(const IndicatorTree& tree, int leaf, const IndexConfig& config) {
  const auto it = config.normalize_by_indicator.find(tree.node(leaf).id);
  return it == config.normalize_by_indicator.end() ? config.normalize : it->second;
}

NodeAggregate node_aggregate(const IndicatorTree& tree, int node, const IndexConfig& config) {
  const auto it = config.aggregate_by_node.find(tree.node(node).id);
  if (it != config.aggregate_by_node.end()) return it->second;
  return NodeAggregate{config.aggregate, config.aggregate_params.power};
}

std::vector<PreflightIssue> preflight(const IndicatorTree& tree, const IndexConfig& config,
                                      const Eigen::MatrixXd& data, const std::vector<std::string>& unit_ids) {
  std::vector<PreflightIssue> issues;
  const bool have_data = data.size() > 0 && data.cols() == static_cast<Eigen::Index>(tree.leaves().size());
  // Overrides must name existing nodes of the right kind.
  for (const auto& [id, m] : config.normalize_by_indicator) {
    const auto i = tree.find(id);
    if (!i || !tree.node(*i).children.empty() || *i == tree.root())
      issues.push_back({id, fmt::format("normalize: {} is given for '{}', which is not an indicator", name_of(m), id)});
  }
  for (const auto& [id, a] : config.aggregate_by_node) {
    const auto i = tree.find(id);
    if (!i || tree.node(*i).children.empty())
      issues.push_back({id, fmt::format("aggregate: {} is given for '{}', which is not a group or the index", name_of(a.method), id)});
  }
  for (const auto& [id, pr] : config.preference_by_node)
    if (!tree.find(id))
      issues.push_back({id, fmt::format("preference: is given for '{}', which is not a node of the tree", id)});
  for (const auto& [id, t] : config.treat.transform_by_indicator)
    if (const auto i = tree.find(id); !i || tree.leaf_position(*i) < 0)
      issues.push_back({id, fmt::format("transform: is given for '{}', which is not an indicator", id)});

  std::vector<ScoreSign> sign(static_cast<std::size_t>(tree.size()), ScoreSign::Any);
  const auto& leaves = tree.leaves();
  for (std::size_t p = 0; p < leaves.size(); ++p) {
    const int leaf = leaves[p];
    const Node& nd = tree.node(leaf);
    const auto col = static_cast<Eigen::Index>(p);
    const NormalizeMethod m = leaf_normalize_method(tree, leaf, config);
    const auto tr = config.treat.transform_by_indicator.find(nd.id);
    const TransformMethod transform = tr == config.treat.transform_by_indicator.end() ? TransformMethod::None : tr->second;
    const auto [mn, at] = have_data ? column_min(data, col) : std::pair<double, Eigen::Index>{0.0, -1};
    if (transform == TransformMethod::Log && at >= 0 && !(mn > 0))
      issues.push_back({nd.id, fmt::format("indicator '{}' has transform: log, but unit '{}' has value {}; ln(x) needs "
                                           "x > 0 (use transform: log_ct, which shifts by the minimum)",
                                           nd.id, unit_of(unit_ids, at), mn)});
    // Winsorising and mean/median imputation keep values within the observed range, so the raw
    // sign carries over; after an explicit log transform the sign is unknown (ln x < 0 for x < 1).
    const bool sign_known = transform == TransformMethod::None;
    const bool known_positive = sign_known && at >= 0 && mn > 0, known_nonneg = sign_known && at >= 0 && mn >= 0;
    ScoreSign s = ScoreSign::Any;
    switch (m) {
      case NormalizeMethod::MinMax:
      case NormalizeMethod::Goalposts:
      case NormalizeMethod::PercentileRank:
        s = range_sign(config);
        break;
      case NormalizeMethod::DistanceToTarget:
        s = range_sign(config);
        if (!nd.target)
          issues.push_back({nd.id, fmt::format("indicator '{}' uses distance_target but has no `target:`", nd.id)});
        break;
      case NormalizeMethod::DistanceToReference:
        s = range_sign(config);
        if (config.reference_unit.empty())
          issues.push_back({nd.id, fmt::format("indicator '{}' uses distance_ref but methods.normalize.reference "
                                               "names no reference unit",
                                               nd.id)});
        else if (have_data && std::find(unit_ids.begin(), unit_ids.end(), config.reference_unit) == unit_ids.end())
          issues.push_back({nd.id, fmt::format("methods.normalize.reference is '{}', which is not a unit of the data",
                                               config.reference_unit)});
        break;
      case NormalizeMethod::Rank:
        s = ScoreSign::Positive;
        break;
      case NormalizeMethod::RatioToMean:
      case NormalizeMethod::RatioToMax:
        s = ScoreSign::Positive;
        if (have_data && at >= 0 && !(mn > 0))
          issues.push_back({nd.id, fmt::format("indicator '{}' uses {} but unit '{}' has value {}; ratios need every "
                                               "value > 0",
                                               nd.id, name_of(m), unit_of(unit_ids, at), mn)});
        else if (transform != TransformMethod::None)
          issues.push_back({nd.id, fmt::format("indicator '{}' uses {} after a {} transform, whose values can be <= 0; "
                                               "ratios need every value > 0",
                                               nd.id, name_of(m), method_info(transform_methods(), transform).name)});
        break;
      case NormalizeMethod::ZScore:
        s = ScoreSign::Any;
        break;
      case NormalizeMethod::None:
        s = known_positive ? ScoreSign::Positive : known_nonneg ? ScoreSign::NonNegative : ScoreSign::Any;
        break;
      case NormalizeMethod::Vector:
        s = nd.direction == Direction::Negative ? ScoreSign::Any
            : known_positive                    ? ScoreSign::Positive
            : known_nonneg                      ? ScoreSign::NonNegative
                                                : ScoreSign::Any;
        break;
    }
    sign[static_cast<std::size_t>(leaf)] = s;
  }

  for (int i : tree.inner_postorder()) {
    const Node& nd = tree.node(i);
    const NodeAggregate a = node_aggregate(tree, i, config);
    const bool shift = config.aggregate_params.zeros == ZeroPolicy::Shift;
    ScoreSign children = ScoreSign::Positive;
    for (int c : nd.children) children = weakest(children, sign[static_cast<std::size_t>(c)]);
    const bool needs_positive = a.method == AggregateMethod::Geometric || a.method == AggregateMethod::Harmonic ||
                                (a.method == AggregateMethod::Power && !(a.power > 0));
    const bool needs_nonneg = a.method == AggregateMethod::Power && a.power > 0;
    if (!std::isfinite(a.power) && a.method == AggregateMethod::Power)
      issues.push_back({nd.id, fmt::format("node '{}': power mean order {} must be finite", nd.id, a.power)});
    for (int c : nd.children) {
      const ScoreSign cs = sign[static_cast<std::size_t>(c)];
      const Node& ch = tree.node(c);
      const std::string what = ch.children.empty()
                                   ? fmt::format("indicator '{}' ({} normalisation) {}", ch.id,
                                                 name_of(leaf_normalize_method(tree, c, config)), sign_words(cs))
                                   : fmt::format("group '{}' ({} aggregation) {}", ch.id,
                                                 name_of(node_aggregate(tree, c, config).method), sign_words(cs));
      if (needs_positive && (cs == ScoreSign::Any || (cs == ScoreSign::NonNegative && !shift)))
        issues.push_back({nd.id, fmt::format("node '{}' uses the {} mean, which needs scores > 0, but {}; "
                                             "normalise to a range above 0 (e.g. methods.normalize.range: [1, 100])"
                                             "{}",
                                             nd.id, a.method == AggregateMethod::Power ? fmt::format("power (r = {})", a.power)
                                                                                       : name_of(a.method),
                                             what,
                                             cs == ScoreSign::NonNegative ? " or set methods.aggregate.zeros: shift" : "")});
      else if (needs_nonneg && cs == ScoreSign::Any && !(std::abs(a.power - 1) < 1e-15))
        issues.push_back({nd.id, fmt::format("node '{}' uses the power mean (r = {}), which needs scores >= 0, but {}",
                                             nd.id, a.power, what)});
    }
    if (config.weights == WeightMethod::Bod && children == ScoreSign::Any)
      issues.push_back({nd.id, fmt::format("node '{}': benefit-of-the-doubt weights need children >= 0, but a child "
                                           "can be negative (e.g. z-scores); use minmax normalisation",
                                           nd.id)});
    if (config.weights == WeightMethod::CV && children == ScoreSign::Any)
      issues.push_back({nd.id, fmt::format("node '{}': coefficient-of-variation weights sd/|mean| need children "
                                           "of one sign with a mean away from 0, but a child can be negative "
                                           "(e.g. z-scores have mean 0); use minmax normalisation",
                                           nd.id)});
    ScoreSign out = children;
    switch (a.method) {
      case AggregateMethod::Arithmetic:
      case AggregateMethod::Geometric:
      case AggregateMethod::Harmonic:
      case AggregateMethod::Power:
        out = children;
        break;
      case AggregateMethod::Topsis: out = ScoreSign::NonNegative; break;
      case AggregateMethod::MazziottaPareto: out = ScoreSign::Positive; break;
      case AggregateMethod::Copeland: out = ScoreSign::Any; break;
      case AggregateMethod::Bod:
        out = ScoreSign::NonNegative;
        if (children == ScoreSign::Any)
          issues.push_back({nd.id, fmt::format("node '{}' uses benefit of the doubt, which needs children >= 0, but a "
                                               "child can be negative (e.g. z-scores); use minmax normalisation",
                                               nd.id)});
        break;
      case AggregateMethod::Gra:
      case AggregateMethod::Rsr: out = ScoreSign::Positive; break;  // grade in (0, 1], RSR >= 1/n
      case AggregateMethod::Fuzzy:  // weighted-average grade score in [c_1, c_K]
        out = !config.aggregate_params.fuzzy.scores.empty() && config.aggregate_params.fuzzy.scores.front() <= 0
                  ? ScoreSign::Any
                  : ScoreSign::Positive;
        break;
      case AggregateMethod::Edas:
      case AggregateMethod::Vikor: out = ScoreSign::NonNegative; break;  // AS, 1 - Q in [0, 1]
      case AggregateMethod::Copras: out = ScoreSign::Positive; break;
      case AggregateMethod::Promethee: out = ScoreSign::Any; break;
    }
    // A raw (normalize: none) `-` indicator is a cost criterion only for the methods that take
    // criterion directions (TOPSIS and the MCDA methods); the means, MPI and Copeland would
    // treat it as "more is better".
    const bool takes_directions = a.method == AggregateMethod::Topsis || a.method == AggregateMethod::Gra ||
                                  a.method == AggregateMethod::Vikor || a.method == AggregateMethod::Promethee ||
                                  a.method == AggregateMethod::Copras || a.method == AggregateMethod::Edas ||
                                  a.method == AggregateMethod::Rsr || a.method == AggregateMethod::Fuzzy;
    for (int c : nd.children) {
      const Node& ch = tree.node(c);
      if (!takes_directions && ch.children.empty() && ch.direction == Direction::Negative &&
          leaf_normalize_method(tree, c, config) == NormalizeMethod::None)
        issues.push_back({nd.id, fmt::format("node '{}' uses {} aggregation, which cannot reverse indicator '{}' "
                                             "(direction \"-\", normalize: none keeps its raw values); use an MCDA "
                                             "method (gra, vikor, promethee, copras, edas, rsr, fuzzy, topsis) or a "
                                             "normalisation",
                                             nd.id, name_of(a.method), ch.id)});
    }

    sign[static_cast<std::size_t>(i)] = out;
  }
  return issues;
}

void require_preflight(const IndicatorTree& tree, const IndexConfig& config, const Eigen::MatrixXd& data,
                       const std::vector<std::string>& unit_ids) {
  const auto issues = preflight(tree, config, data, unit_ids);
  if (issues.empty()) return;
  // One line (the CLI prints one error line): "(1) ...; (2) ...".
  std::string msg = fmt::format("preflight: {} method combination(s) cannot work:", issues.size());
  for (std::size_t k = 0; k < issues.size(); ++k) msg += fmt::format("{} ({}) {}", k ? ";" : "", k + 1, issues[k].message);
  Location where;
  where.node = issues.front().node;
  throw DomainError(msg, where);
}

}  // namespace cikit
