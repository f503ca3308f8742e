// Part (3) of the audit: weights of one level optimised towards target importances (Becker et
// al. 2017; COINr get_opt_weights), by NLopt's BOBYQA from several starts.
#include <fmt/format.h>
#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "methods/aggregate/aggregate.hpp"
#include "methods/audit/audit.hpp"
#include "methods/audit/detail/pairs.hpp"
#include "methods/core/error.hpp"
#include "methods/core/uncertainty_block.hpp"

namespace cikit::audit {

namespace {

/// Floor of the mean squared difference before the log (a perfect match would give −∞).
constexpr double kMinMeanSquare = 1e-300;

/// Re-aggregation of the nodes above one level for given weights of that level's nodes.
class Reaggregator {
 public:
  Reaggregator(const AuditInput& in, int level) : in_(in), work_(in.scores) {
    const IndicatorTree& tree = *in.tree;
    for (int node : tree.preorder())
      if (tree.node(node).depth == level) nodes_.push_back(node);
    for (int node : tree.inner_postorder()) {
      if (tree.node(node).depth >= level) continue;
      const NodeAggregate& how = in.aggregation.at(static_cast<std::size_t>(node));
      if (how.method != AggregateMethod::Arithmetic && how.method != AggregateMethod::Geometric &&
          how.method != AggregateMethod::Harmonic && how.method != AggregateMethod::Power)
        throw DomainError(fmt::format("audit: weight optimisation re-aggregates node '{}', which uses '{}'; only the "
                                      "weighted means (arithmetic, geometric, harmonic, power) take weights that "
                                      "can be optimised",
                                      tree.node(node).id, method_info(aggregate_methods(), how.method).name),
                          Location{.node = tree.node(node).id});
      std::vector<std::string> ids;
      for (int c : tree.node(node).children) ids.push_back(tree.node(c).id);
      above_.push_back({node, std::move(ids)});
    }
  }
  [[nodiscard]] const std::vector<int>& nodes() const { return nodes_; }

  /// The index column after re-aggregating with the level's local weights `w` (nodes() order).
  const Eigen::MatrixXd& run(const Eigen::VectorXd& w) {
    const IndicatorTree& tree = *in_.tree;
    Eigen::VectorXd local = in_.local_weights;
    for (std::size_t i = 0; i < nodes_.size(); ++i) local(nodes_[i]) = w(static_cast<Eigen::Index>(i));
    for (const auto& [node, ids] : above_) {
      const auto& ch = tree.node(node).children;
      Eigen::MatrixXd x(work_.rows(), static_cast<Eigen::Index>(ch.size()));
      Eigen::VectorXd cw(static_cast<Eigen::Index>(ch.size()));
      for (std::size_t j = 0; j < ch.size(); ++j) {
        x.col(static_cast<Eigen::Index>(j)) = work_.col(ch[j]);
        cw(static_cast<Eigen::Index>(j)) = local(ch[j]);
      }
      cw /= cw.sum();
      const NodeAggregate& how = in_.aggregation[static_cast<std::size_t>(node)];
      AggregateResult a;
      switch (how.method) {
        case AggregateMethod::Arithmetic: a = weighted_arithmetic(x, cw, in_.means.missing, ids, in_.unit_ids); break;
        case AggregateMethod::Geometric: a = weighted_geometric(x, cw, in_.means, ids, in_.unit_ids); break;
        case AggregateMethod::Harmonic: a = weighted_harmonic(x, cw, in_.means, ids, in_.unit_ids); break;
        default: a = weighted_power_mean(x, cw, how.power, in_.means, ids, in_.unit_ids); break;
      }
      work_.col(node) = a.score;
    }
    return work_;
  }

 private:
  const AuditInput& in_;
  Eigen::MatrixXd work_;
  std::vector<int> nodes_;
  std::vector<std::pair<int, std::vector<std::string>>> above_;
};

/// Correlations of the level's nodes with the index column of `scores`.
Eigen::VectorXd level_correlations(const Eigen::MatrixXd& scores, const IndicatorTree& tree,
                                   const std::vector<int>& nodes) {
  Eigen::VectorXd r(static_cast<Eigen::Index>(nodes.size()));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto p = detail::complete_pairs(scores, nodes[i], tree.root());
    r(static_cast<Eigen::Index>(i)) = detail::pearson(p.x, p.y, fmt::format("node '{}' with the index",
                                                                            tree.node(nodes[i]).id));
  }
  return r;
}

double objective_of(const Eigen::VectorXd& r, const Eigen::VectorXd& target, OptimiseObjective kind) {
  if (kind == OptimiseObjective::Infomax) return -r.sum();
  const Eigen::VectorXd c = r / r.sum();
  const double msq = (target - c).squaredNorm() / static_cast<double>(r.size());
  return std::log(std::max(msq, kMinMeanSquare));
}

struct Search {
  Reaggregator* agg;
  const IndicatorTree* tree;
  Eigen::VectorXd target;
  OptimiseObjective kind;
  long evaluations = 0;
  std::exception_ptr error;
  nlopt_opt opt = nullptr;
};

double nlopt_objective(unsigned n, const double* x, double* /*grad*/, void* data) {
  auto* s = static_cast<Search*>(data);
  ++s->evaluations;
  try {
    const Eigen::VectorXd w = Eigen::Map<const Eigen::VectorXd>(x, static_cast<Eigen::Index>(n));
    const Eigen::VectorXd r = level_correlations(s->agg->run(w), *s->tree, s->agg->nodes());
    const double f = objective_of(r, s->target, s->kind);
    return std::isfinite(f) ? f : 1e300;
  } catch (...) {
    s->error = std::current_exception();
    nlopt_force_stop(s->opt);
    return 1e300;
  }
}

std::string nlopt_reason(nlopt_result r) {
  switch (r) {
    case NLOPT_SUCCESS: return "success";
    case NLOPT_STOPVAL_REACHED: return "stopval_reached";
    case NLOPT_FTOL_REACHED: return "ftol_reached";
    case NLOPT_XTOL_REACHED: return "xtol_reached";
    case NLOPT_MAXEVAL_REACHED: return "maxeval_reached";
    case NLOPT_MAXTIME_REACHED: return "maxtime_reached";
    default: return fmt::format("nlopt_error_{}", static_cast<int>(r));
  }
}

/// Local weights of the level's nodes normalised within each parent.
Eigen::VectorXd within_parents(const IndicatorTree& tree, const std::vector<int>& nodes, const Eigen::VectorXd& w) {
  Eigen::VectorXd out = w;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    double sum = 0.0;
    for (std::size_t j = 0; j < nodes.size(); ++j)
      if (tree.node(nodes[j]).parent == tree.node(nodes[i]).parent) sum += w(static_cast<Eigen::Index>(j));
    out(static_cast<Eigen::Index>(i)) = w(static_cast<Eigen::Index>(i)) / sum;
  }
  return out;
}

Eigen::VectorXd checked_target(const OptimiseOptions& o, Eigen::Index m) {
  if (o.objective == OptimiseObjective::Infomax) return Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
  if (o.target.size() == 0) return Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
  if (o.target.size() != m)
    throw InvalidInput(fmt::format("audit: the target has {} value(s), but the level has {} node(s)", o.target.size(),
                                   m));
  for (Eigen::Index i = 0; i < m; ++i)
    if (!(o.target(i) >= 0.0) || !std::isfinite(o.target(i)))
      throw InvalidInput(fmt::format("audit: target value {} is {}, but must be finite and >= 0", i + 1,
                                     o.target(i)));
  if (!(o.target.sum() > 0.0))
    throw InvalidInput(fmt::format("audit: the target values sum to {}, but must sum to a positive number",
                                   o.target.sum()));
  return o.target / o.target.sum();
}

}  // namespace

int level_depth(const IndicatorTree& tree, const std::string& name) {
  const int key = aggregate_level_of_key(name);
  const std::string accepted = fmt::format("dimensions, indicators, level1 .. level{}", tree.height());
  if (key == 0)
    throw InvalidInput(fmt::format("audit: unknown level '{}' (accepted: {})", name, accepted));
  if (key == kIndicatorLevel) {
    const int d = tree.node(tree.leaves().front()).depth;
    for (int leaf : tree.leaves())
      if (tree.node(leaf).depth != d)
        throw InvalidInput(fmt::format("audit: level 'indicators' needs every indicator at the same depth; indicator "
                                       "'{}' is at depth {} and '{}' at {}: name the level as levelN",
                                       tree.node(tree.leaves().front()).id, d, tree.node(leaf).id,
                                       tree.node(leaf).depth));
    return d;
  }
  if (key > tree.height())
    throw InvalidInput(fmt::format("audit: level '{}' does not exist: the tree has {} level(s) below the index "
                                   "(accepted: {})",
                                   name, tree.height(), accepted));
  return key;
}

double optimise_objective(const AuditInput& in, int level, const Eigen::VectorXd& level_weights,
                          const OptimiseOptions& options) {
  Reaggregator agg(in, level);
  const Eigen::VectorXd target = checked_target(options, static_cast<Eigen::Index>(agg.nodes().size()));
  const Eigen::VectorXd r = level_correlations(agg.run(level_weights), *in.tree, agg.nodes());
  return objective_of(r, target, options.objective);
}

OptimiseResult optimise_weights(const AuditInput& in, int level, const OptimiseOptions& o) {
  const IndicatorTree& tree = *in.tree;
  Reaggregator agg(in, level);
  const std::vector<int>& nodes = agg.nodes();
  const auto m = static_cast<Eigen::Index>(nodes.size());
  if (m < 2)
    throw InvalidInput(fmt::format("audit: level {} has {} node(s); weight optimisation needs at least 2", level, m));
  if (!(o.min_weight > 0.0 && o.min_weight < 1.0))
    throw InvalidInput(fmt::format("audit: min_weight is {}, but must be in (0, 1)", o.min_weight));
  OptimiseResult res;
  res.level = level;
  res.nodes = nodes;
  res.objective_kind = o.objective;
  res.target = checked_target(o, m);
  res.nominal_weights.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) res.nominal_weights(i) = in.local_weights(nodes[static_cast<std::size_t>(i)]);
  const Eigen::VectorXd r0 = level_correlations(agg.run(res.nominal_weights), tree, nodes);
  res.objective_nominal = objective_of(r0, res.target, o.objective);
  res.obtained_nominal = r0 / r0.sum();

  // Starts, each scaled to max 1 and clipped to the bounds.
  std::vector<Eigen::VectorXd> starts;
  const auto add = [&](Eigen::VectorXd s) {
    s /= s.maxCoeff();
    starts.push_back(s.cwiseMax(o.min_weight).cwiseMin(1.0));
  };
  if (o.objective == OptimiseObjective::Balance) add(res.target.cwiseMax(o.min_weight));
  add(res.nominal_weights.cwiseMax(o.min_weight));
  add(Eigen::VectorXd::Ones(m));
  for (Eigen::Index k = 0; k < m && static_cast<int>(starts.size()) < o.max_starts; ++k) {
    Eigen::VectorXd s = Eigen::VectorXd::Constant(m, 0.5);
    s(k) = 1.0;
    add(s);
  }
  Search search{&agg, &tree, res.target, o.objective};
  double best = std::numeric_limits<double>::infinity();
  Eigen::VectorXd best_x;
  nlopt_result best_code = NLOPT_FAILURE;
  const auto n = static_cast<unsigned>(m);
  for (const Eigen::VectorXd& s : starts) {
    nlopt_opt opt = nlopt_create(NLOPT_LN_BOBYQA, n);
    search.opt = opt;
    std::vector<double> lo(n, o.min_weight), hi(n, 1.0), x(s.data(), s.data() + s.size());
    nlopt_set_lower_bounds(opt, lo.data());
    nlopt_set_upper_bounds(opt, hi.data());
    nlopt_set_min_objective(opt, nlopt_objective, &search);
    nlopt_set_xtol_rel(opt, o.xtol_rel);
    nlopt_set_ftol_abs(opt, o.ftol_abs);
    nlopt_set_maxeval(opt, o.max_evaluations);
    double f = 0.0;
    const nlopt_result code = nlopt_optimize(opt, x.data(), &f);
    nlopt_destroy(opt);
    ++res.starts;
    if (search.error) std::rethrow_exception(search.error);
    if (code < 0) {
      res.warnings.push_back(fmt::format("start {}: NLopt stopped with {}", res.starts, nlopt_reason(code)));
      continue;
    }
    if (f < best) {
      best = f;
      best_x = Eigen::Map<Eigen::VectorXd>(x.data(), m);
      best_code = code;
    }
  }
  res.evaluations = search.evaluations;
  if (best_x.size() == 0) throw DomainError("audit: weight optimisation failed from every start");
  res.weights = within_parents(tree, nodes, best_x);
  for (Eigen::Index i = 0; i < m; ++i)
    if (best_x(i) <= o.min_weight * (1.0 + 1e-6)) res.at_lower_bound.push_back(static_cast<int>(i));
  if (!res.at_lower_bound.empty()) {
    std::string ids;
    for (int i : res.at_lower_bound) ids += (ids.empty() ? "" : ", ") + tree.node(nodes[static_cast<std::size_t>(i)]).id;
    res.warnings.push_back(fmt::format("weight optimisation: the weight of {} stopped at the lower bound {}: the target "
                                       "is met only by (almost) removing it",
                                       ids, o.min_weight));
  }
  const Eigen::MatrixXd& scores = agg.run(res.weights);
  res.r_index = level_correlations(scores, tree, nodes);
  res.objective = objective_of(res.r_index, res.target, o.objective);
  res.obtained = res.r_index / res.r_index.sum();
  res.weights_level.resize(m);
  for (Eigen::Index i = 0; i < m; ++i)
    res.weights_level(i) = res.weights(i) * in.global_weights(tree.node(nodes[static_cast<std::size_t>(i)]).parent);
  res.weights_level /= res.weights_level.sum();
  res.converged = best_code > 0 && best_code != NLOPT_MAXEVAL_REACHED && best_code != NLOPT_MAXTIME_REACHED;
  res.stop_reason = nlopt_reason(best_code);
  if (!res.converged)
    res.warnings.push_back(fmt::format("weight optimisation: the best start stopped with {} after the evaluation "
                                       "limit ({}); the weights may not be optimal",
                                       res.stop_reason, o.max_evaluations));
  const Eigen::VectorXi nominal = rank_descending(in.scores.col(tree.root()));
  const Eigen::VectorXi optimised = rank_descending(scores.col(tree.root()));
  double total = 0.0;
  int counted = 0;
  for (Eigen::Index u = 0; u < nominal.size(); ++u) {
    if (nominal(u) == 0 || optimised(u) == 0) continue;
    res.ranks.push_back({u, nominal(u), optimised(u)});
    const int shift = std::abs(optimised(u) - nominal(u));
    total += shift;
    res.max_abs_shift = std::max(res.max_abs_shift, shift);
    ++counted;
  }
  res.mean_abs_shift = counted ? total / counted : 0.0;
  return res;
}

}  // namespace cikit::audit
