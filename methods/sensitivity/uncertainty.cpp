#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "methods/core/error.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct KindName {
  UncertainKind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {{UncertainKind::Discrete, "discrete"},
                               {UncertainKind::Continuous, "continuous"},
                               {UncertainKind::WeightPerturbation, "perturb"},
                               {UncertainKind::WeightDirichlet, "dirichlet"},
                               {UncertainKind::JudgmentPerturbation, "ahp"}};

bool is_weight_kind(UncertainKind k) {
  return k == UncertainKind::WeightPerturbation || k == UncertainKind::WeightDirichlet;
}

InvalidInput spec_error(const UncertainInput& in, const std::string& what) {
  return InvalidInput(fmt::format("uncertainty: input '{}' ({}): {}", in.name, uncertain_kind_name(in.kind), what),
                      Location{.node = in.name});
}

}  // namespace

std::string_view uncertain_kind_name(UncertainKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.name;
  return "unknown";
}

UncertainKind parse_uncertain_kind(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  throw InvalidInput(fmt::format("uncertainty: unknown kind '{}'; accepted: discrete, continuous, perturb, dirichlet, ahp",
                                 name));
}

int UncertainInput::coordinates() const {
  return is_weight_kind(kind) ? static_cast<int>(nominal_weights.size()) : 1;
}

void validate_uncertainty_spec(const UncertaintySpec& spec, bool require_weights) {
  if (spec.inputs.empty()) throw InvalidInput("uncertainty: no uncertain input declared");
  std::set<std::string> names;
  for (const auto& in : spec.inputs) {
    if (in.name.empty()) throw InvalidInput("uncertainty: an uncertain input has an empty name");
    if (!names.insert(in.name).second)
      throw InvalidInput(fmt::format("uncertainty: input name '{}' is declared twice", in.name),
                         Location{.node = in.name});
    switch (in.kind) {
      case UncertainKind::Discrete: {
        if (in.labels.empty()) throw spec_error(in, "the set of choices is empty; give at least one label");
        std::set<std::string> seen;
        for (const auto& l : in.labels)
          if (!seen.insert(l).second) throw spec_error(in, fmt::format("label '{}' appears twice", l));
        break;
      }
      case UncertainKind::JudgmentPerturbation:
        if (in.steps < 1 || in.steps > 8)
          throw spec_error(in, fmt::format("steps is {}, but must be 1..8 (positions on Saaty's scale)", in.steps));
        if (!(in.reject_cr >= 0.0 && in.reject_cr < 1.0))
          throw spec_error(in, fmt::format("reject_cr is {}, but must be in [0, 1) (0 = keep every draw)",
                                           in.reject_cr));
        break;
      case UncertainKind::Continuous:
        if (!(std::isfinite(in.lower) && std::isfinite(in.upper) && in.lower < in.upper))
          throw spec_error(in, fmt::format("range is [{}, {}), but must be finite with lower < upper", in.lower,
                                           in.upper));
        break;
      case UncertainKind::WeightPerturbation:
      case UncertainKind::WeightDirichlet: {
        if (in.kind == UncertainKind::WeightPerturbation && !(in.percent > 0.0 && in.percent < 100.0))
          throw spec_error(in, fmt::format("perturbation is {}%, but must be in (0, 100): at 100% or more a weight "
                                           "can become zero or negative",
                                           in.percent));
        if (in.kind == UncertainKind::WeightDirichlet && !(in.concentration > 0.0 && std::isfinite(in.concentration)))
          throw spec_error(in, fmt::format("concentration is {}, but must be finite and > 0", in.concentration));
        if (!require_weights) break;
        const auto m = in.nominal_weights.size();
        if (m == 0) throw spec_error(in, "no nominal weights");
        for (Eigen::Index j = 0; j < m; ++j)
          if (!(in.nominal_weights(j) >= 0.0 && std::isfinite(in.nominal_weights(j))))
            throw spec_error(in, fmt::format("nominal weight {} is {}, but must be finite and >= 0", j + 1,
                                             in.nominal_weights(j)));
        if (!in.weight_groups.empty() && in.weight_groups.size() != static_cast<std::size_t>(m))
          throw spec_error(in, fmt::format("{} weight groups for {} weights", in.weight_groups.size(), m));
        std::map<int, double> sums;
        for (Eigen::Index j = 0; j < m; ++j)
          sums[in.weight_groups.empty() ? 0 : in.weight_groups[static_cast<std::size_t>(j)]] += in.nominal_weights(j);
        for (const auto& [g, s] : sums)
          if (!(s > 0.0)) throw spec_error(in, fmt::format("the nominal weights of group {} sum to 0", g));
        break;
      }
    }
  }
}

Eigen::VectorXd perturbed_weights(UncertainKind kind, const Eigen::VectorXd& nominal, const std::vector<int>& groups,
                                  double percent, double concentration, const Eigen::VectorXd& u) {
  const Eigen::Index m = nominal.size();
  if (u.size() != m)
    throw InvalidInput(fmt::format("perturbed_weights: {} coordinates for {} weights", u.size(), m));
  if (!groups.empty() && groups.size() != static_cast<std::size_t>(m))
    throw InvalidInput(fmt::format("perturbed_weights: {} groups for {} weights", groups.size(), m));
  if (!is_weight_kind(kind)) throw InvalidInput("perturbed_weights: kind is not a weight kind");
  const auto group = [&](Eigen::Index j) { return groups.empty() ? 0 : groups[static_cast<std::size_t>(j)]; };
  Eigen::VectorXd w(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    if (kind == UncertainKind::WeightPerturbation) {
      w(j) = nominal(j) * (1.0 + percent / 100.0 * (2.0 * u(j) - 1.0));
    } else {
      // Gamma(shape c w_j, 1) quantile at u_j; a zero weight stays zero.
      w(j) = nominal(j) > 0.0 ? boost::math::gamma_p_inv(concentration * nominal(j), u(j)) : 0.0;
    }
  }
  std::map<int, std::pair<double, double>> sums;  // group -> (nominal sum, new sum)
  for (Eigen::Index j = 0; j < m; ++j) {
    sums[group(j)].first += nominal(j);
    sums[group(j)].second += w(j);
  }
  for (const auto& [g, s] : sums)
    if (!(s.second > 0.0))
      throw DomainError(fmt::format("perturbed_weights: the weights of group {} all became 0", g));
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto& s = sums[group(j)];
    w(j) = w(j) / s.second * s.first;
  }
  return w;
}

std::vector<int> coordinate_groups(const UncertaintySpec& spec) {
  std::vector<int> g;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i)
    for (int c = 0; c < spec.inputs[i].coordinates(); ++c) g.push_back(static_cast<int>(i));
  return g;
}

std::vector<InputValue> decode_design_row(const UncertaintySpec& spec, const Eigen::VectorXd& row) {
  Eigen::Index d = 0;
  for (const auto& in : spec.inputs) d += in.coordinates();
  if (row.size() != d)
    throw InvalidInput(fmt::format("decode_design_row: row has {} coordinates, but the inputs own {}", row.size(), d));
  for (Eigen::Index c = 0; c < d; ++c)
    if (!(row(c) >= 0.0 && row(c) <= 1.0))
      throw InvalidInput(fmt::format("decode_design_row: coordinate {} is {}, but must be in [0, 1)", c + 1, row(c)));
  std::vector<InputValue> out(spec.inputs.size());
  Eigen::Index at = 0;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const UncertainInput& in = spec.inputs[i];
    InputValue& v = out[i];
    const int nc = in.coordinates();
    v.u = row.segment(at, nc);
    at += nc;
    switch (in.kind) {
      case UncertainKind::Discrete:
        v.choice = discrete_choice(v.u(0), static_cast<int>(in.labels.size()));
        v.label = in.labels[static_cast<std::size_t>(v.choice)];
        break;
      case UncertainKind::Continuous:
        v.value = in.lower + (in.upper - in.lower) * v.u(0);
        break;
      case UncertainKind::JudgmentPerturbation:
        v.value = v.u(0);
        break;
      case UncertainKind::WeightPerturbation:
      case UncertainKind::WeightDirichlet:
        if (nc > 0)
          v.weights = perturbed_weights(in.kind, in.nominal_weights, in.weight_groups, in.percent, in.concentration,
                                        v.u);
        break;
    }
  }
  return out;
}

MonteCarloResult run_monte_carlo(const UncertaintySpec& spec, const Eigen::VectorXi& nominal, const RanksModel& model,
                                 const MonteCarloOptions& options) {
  validate_uncertainty_spec(spec, true);
  if (!model) throw InvalidInput("run_monte_carlo: the model is empty");
  if (nominal.size() < 1) throw InvalidInput("run_monte_carlo: no nominal ranks (no units)");
  const auto k = static_cast<int>(spec.inputs.size());
  const SaltelliDesign design = saltelli_design(options.n, coordinate_groups(spec), options.design);
  const Eigen::Index units = nominal.size();
  const BatchModel f = [&](const Eigen::VectorXd& row) {
    const Eigen::VectorXi rk = model(decode_design_row(spec, row));
    if (rk.size() != units)
      throw InvalidInput(fmt::format("run_monte_carlo: the model returned {} ranks for {} units", rk.size(), units));
    Eigen::VectorXd y(units + 1);
    y(0) = mean_abs_rank_shift(rk.transpose(), nominal)(0);
    y.tail(units) = rk.cast<double>();
    return y;
  };
  DesignOutputs out = evaluate_design(design, f, EvaluateOptions{options.threads, options.progress});

  MonteCarloResult r;
  for (const auto& in : spec.inputs) r.input_names.push_back(in.name);
  r.n = design.n;
  r.runs = design.runs();
  r.nominal = nominal;
  r.failures = std::move(out.failures);
  r.warnings = std::move(out.warnings);
  r.run_ranks = Eigen::MatrixXi::Zero(r.runs, units);
  r.rank_shift = out.y.col(0);
  std::vector<char> failed(static_cast<std::size_t>(r.runs), 0);
  for (const auto& fl : r.failures) failed[static_cast<std::size_t>(fl.run)] = 1;
  for (Eigen::Index run = 0; run < r.runs; ++run)
    if (!failed[static_cast<std::size_t>(run)])
      for (Eigen::Index u = 0; u < units; ++u) r.run_ranks(run, u) = static_cast<int>(std::lround(out.y(run, u + 1)));

  // Rank statistics over the successful A and B runs.
  std::vector<Eigen::Index> ab;
  for (Eigen::Index run = 0; run < 2 * r.n; ++run)
    if (!failed[static_cast<std::size_t>(run)]) ab.push_back(run);
  r.rank_stats_runs = static_cast<Eigen::Index>(ab.size());
  Eigen::MatrixXi abr(r.rank_stats_runs, units);
  double shift_sum = 0.0;
  for (std::size_t i = 0; i < ab.size(); ++i) {
    abr.row(static_cast<Eigen::Index>(i)) = r.run_ranks.row(ab[i]);
    shift_sum += r.rank_shift(ab[i]);
  }
  if (ab.empty()) throw DomainError("run_monte_carlo: every A and B run failed; no rank statistics");
  r.rank_stats = rank_statistics(abr, nominal, options.rank_stats);
  r.mean_rank_shift = shift_sum / static_cast<double>(ab.size());
  for (const auto& w : r.rank_stats.warnings) r.warnings.push_back(w);

  if (!r.failures.empty()) {
    r.warnings.push_back(fmt::format("Sobol' indices omitted: {} run(s) failed and every run of the design is needed",
                                     r.failures.size()));
    return r;
  }
  SobolIndexOptions so = options.sobol;
  so.input_names = r.input_names;
  so.output_names = {"mean_abs_rank_shift"};
  r.sobol_rank_shift = sobol_indices(out.y.leftCols(1), r.n, k, so);
  for (const auto& w : r.sobol_rank_shift->warnings) r.warnings.push_back("R̄s: " + w);
  if (options.sobol_of_unit_ranks) {
    so.output_names.clear();
    so.bootstrap_resamples = options.unit_rank_bootstrap;
    r.sobol_unit_ranks = sobol_indices(out.y.rightCols(units), r.n, k, so);
    for (const auto& w : r.sobol_unit_ranks->warnings) r.warnings.push_back("unit ranks: " + w);
  }
  return r;
}

IndicatorTree tree_without_node(const IndicatorTree& tree, int node) {
  if (node <= 0 || node >= tree.size())
    throw InvalidInput(fmt::format("tree_without_node: node {} is the root or does not exist", node));
  const Node& gone = tree.node(node);
  if (tree.node(gone.parent).children.size() < 2)
    throw DomainError(fmt::format("removing '{}' leaves node '{}' without children", gone.id, tree.node(gone.parent).id),
                      Location{.node = tree.node(gone.parent).id});
  std::vector<char> removed(static_cast<std::size_t>(tree.size()), 0);
  std::vector<int> stack{node};
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    removed[static_cast<std::size_t>(i)] = 1;
    for (int c : tree.node(i).children) stack.push_back(c);
  }
  std::vector<int> remap(static_cast<std::size_t>(tree.size()), -1);
  int next = 0;
  for (int i = 0; i < tree.size(); ++i)
    if (!removed[static_cast<std::size_t>(i)]) remap[static_cast<std::size_t>(i)] = next++;
  std::vector<Node> nodes;
  nodes.reserve(static_cast<std::size_t>(next));
  for (int i = 0; i < tree.size(); ++i) {
    if (removed[static_cast<std::size_t>(i)]) continue;
    Node n = tree.node(i);
    if (n.parent >= 0) n.parent = remap[static_cast<std::size_t>(n.parent)];
    std::vector<int> ch;
    for (int c : n.children)
      if (!removed[static_cast<std::size_t>(c)]) ch.push_back(remap[static_cast<std::size_t>(c)]);
    n.children = std::move(ch);
    nodes.push_back(std::move(n));
  }
  return IndicatorTree(std::move(nodes));
}

IndicatorTree tree_without_leaf(const IndicatorTree& tree, int leaf) {
  if (leaf <= 0 || leaf >= tree.size() || !tree.node(leaf).is_leaf())
    throw InvalidInput(fmt::format("tree_without_leaf: node {} is not an indicator (leaf)", leaf));
  const Node& gone = tree.node(leaf);
  if (tree.node(gone.parent).children.size() < 2)
    throw DomainError(fmt::format("excluding indicator '{}' leaves node '{}' without indicators", gone.id,
                                  tree.node(gone.parent).id),
                      Location{.indicator = gone.id, .node = tree.node(gone.parent).id});
  return tree_without_node(tree, leaf);
}

Dataset data_without_node(const Dataset& d, const IndicatorTree& tree, int node) {
  const std::vector<int> gone = tree.leaf_positions_under(node);
  std::vector<char> drop(static_cast<std::size_t>(d.n_indicators()), 0);
  for (int p : gone) drop[static_cast<std::size_t>(p)] = 1;
  std::vector<Eigen::Index> keep;
  for (Eigen::Index j = 0; j < d.n_indicators(); ++j)
    if (!drop[static_cast<std::size_t>(j)]) keep.push_back(j);
  Dataset o = d;
  o.values.resize(d.n_units(), static_cast<Eigen::Index>(keep.size()));
  o.indicator_ids.clear();
  const bool with_sources = static_cast<Eigen::Index>(d.source_columns.size()) == d.n_indicators();
  if (with_sources) o.source_columns.clear();
  for (std::size_t c = 0; c < keep.size(); ++c) {
    o.values.col(static_cast<Eigen::Index>(c)) = d.values.col(keep[c]);
    o.indicator_ids.push_back(d.indicator_ids[static_cast<std::size_t>(keep[c])]);
    if (with_sources) o.source_columns.push_back(d.source_columns[static_cast<std::size_t>(keep[c])]);
  }
  return o;
}

Judgments judgments_for_tree(const Judgments& j, const IndicatorTree& full, const IndicatorTree& reduced) {
  Judgments out = j;
  for (auto& e : out.experts) {
    std::vector<NodeJudgments> kept;
    for (const auto& nj : e.nodes) {
      const auto r = reduced.find(nj.node_id);
      if (!r) continue;
      const auto& fc = full.node(nj.node).children;
      const auto& rc = reduced.node(*r).children;
      if (rc.size() < 2) continue;
      std::vector<Eigen::Index> pos;  // position in the full child order of each reduced child
      for (int c : rc)
        for (std::size_t q = 0; q < fc.size(); ++q)
          if (full.node(fc[q]).id == reduced.node(c).id) pos.push_back(static_cast<Eigen::Index>(q));
      const auto m = static_cast<Eigen::Index>(pos.size());
      NodeJudgments n = nj;
      n.node = *r;
      n.matrix.resize(m, m);
      n.n_missing = 0;
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = 0; b < m; ++b) n.matrix(a, b) = nj.matrix(pos[static_cast<std::size_t>(a)], pos[static_cast<std::size_t>(b)]);
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = a + 1; b < m; ++b) n.n_missing += std::isnan(n.matrix(a, b)) ? 1 : 0;
      kept.push_back(std::move(n));
    }
    e.nodes = std::move(kept);
  }
  return out;
}

namespace {

// Saaty's scale position s = -8..8 <-> value 1/9 .. 1/2, 1, 2 .. 9.
double saaty_at(int s) { return s >= 0 ? 1.0 + s : 1.0 / (1.0 - s); }
int saaty_position(double x) {
  const double v = nearest_saaty_value(x);
  return v >= 1.0 ? static_cast<int>(std::lround(v - 1.0)) : -static_cast<int>(std::lround(1.0 / v - 1.0));
}

}  // namespace

Judgments perturb_judgments(const Judgments& judgments, int steps, std::mt19937_64& g) {
  if (steps < 1 || steps > 8) throw InvalidInput(fmt::format("perturb_judgments: steps is {}, but must be 1..8", steps));
  Judgments out = judgments;
  const auto width = static_cast<std::uint64_t>(2 * steps + 1);
  for (auto& e : out.experts)
    for (auto& nj : e.nodes) {
      const Eigen::Index m = nj.matrix.rows();
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = a + 1; b < m; ++b) {
          const double x = nj.matrix(a, b);
          if (std::isnan(x)) continue;
          const int d = static_cast<int>(uniform_index(g, width)) - steps;
          if (d == 0) continue;
          const double y = saaty_at(std::clamp(saaty_position(x) + d, -8, 8));
          nj.matrix(a, b) = y;
          nj.matrix(b, a) = 1.0 / y;
        }
    }
  return out;
}

namespace {

struct Variant {
  std::string label;
  IndicatorTree tree;
  Dataset data;
  Judgments judgments;  // restated for this tree (when AHP judgments are given)
};

bool any_cr_above(const TreeWeights& w, double limit) {
  for (const auto& c : w.consistency)
    if (!c.expert_id.empty() && c.m >= 3 && c.cr > limit) return true;
  return false;
}

}  // namespace

MonteCarloResult run_uncertainty(const Dataset& data, const IndicatorTree& tree, const IndexConfig& nominal,
                                 const UncertaintySpec& spec_in, const MonteCarloOptions& options,
                                 const WeightInputs& inputs) {
  validate_uncertainty_spec(spec_in, false);
  UncertaintySpec spec = spec_in;
  int i_imp = -1, i_norm = -1, i_weights = -1, i_excl = -1, i_noise = -1, i_ahp = -1;
  std::vector<int> agg_inputs;  // "aggregate" (global) and "aggregate.<level>" (nodes), in declaration order
  std::set<std::string> agg_nodes;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    UncertainInput& in = spec.inputs[i];
    const auto ii = static_cast<int>(i);
    if (in.kind == UncertainKind::Continuous)
      throw spec_error(in, "build_index has no continuous modelling choice yet (supported: impute, normalize, "
                           "weights, aggregate, aggregate.<level>, exclude, one perturb/dirichlet weight input, one "
                           "ahp input)");
    if (is_weight_kind(in.kind)) {
      if (i_noise >= 0) throw spec_error(in, "only one weight perturbation input is supported");
      if (in.nominal_weights.size() != 0)
        throw spec_error(in, "leave nominal_weights empty: run_uncertainty perturbs the tree's local weights");
      i_noise = ii;
      continue;
    }
    if (in.kind == UncertainKind::JudgmentPerturbation) {
      if (i_ahp >= 0) throw spec_error(in, "only one AHP judgment perturbation input is supported");
      if (!inputs.judgments) throw spec_error(in, "AHP judgment perturbation needs the judgments (spec `judgments:`)");
      i_ahp = ii;
      continue;
    }
    if (in.name == "impute") {
      for (const auto& l : in.labels) {
        ImputeMethod m{};
        if (!parse_method(impute_methods(), l, m))
          throw spec_error(in, fmt::format("unknown imputation '{}'; accepted: {}", l, method_names(impute_methods())));
        if (m == ImputeMethod::GroupMean &&
            (nominal.treat.group.empty() || static_cast<Eigen::Index>(data.unit_groups.size()) != data.n_units()))
          throw spec_error(in, "'group_mean' needs the unit groups (methods.treat.group: a data column)");
      }
      i_imp = ii;
    } else if (in.name == "normalize") {
      for (const auto& l : in.labels) {
        NormalizeMethod m{};
        if (!parse_method(normalize_methods(), l, m))
          throw spec_error(in, fmt::format("unknown normalisation '{}'; accepted: {}", l,
                                           method_names(normalize_methods())));
      }
      i_norm = ii;
    } else if (in.name == "weights") {
      for (const auto& l : in.labels) {
        WeightMethod m{};
        if (!parse_method(weight_methods(), l, m))
          throw spec_error(in, fmt::format("unknown weighting '{}'; accepted: {}", l, method_names(weight_methods())));
        if (m == WeightMethod::Ahp && !inputs.judgments)
          throw spec_error(in, "weights 'ahp' needs the AHP judgments (spec `judgments:`)");
      }
      i_weights = ii;
    } else if (in.name == "aggregate" || in.name.rfind("aggregate.", 0) == 0) {
      for (const auto& l : in.labels) {
        AggregateMethod m{};
        if (!parse_method(aggregate_methods(), l, m))
          throw spec_error(in, fmt::format("unknown aggregation '{}'; accepted: {}", l,
                                           method_names(aggregate_methods())));
      }
      if (in.name == "aggregate" && !in.nodes.empty())
        throw spec_error(in, "'aggregate' sets the method of every node; name per-node inputs 'aggregate.<level>'");
      if (in.name != "aggregate" && in.nodes.empty())
        throw spec_error(in, "no node: give the ids of the inner nodes whose aggregation this input sets");
      for (const auto& id : in.nodes) {
        const auto node = tree.find(id);
        if (!node || tree.node(*node).is_leaf())
          throw spec_error(in, fmt::format("'{}' is not an inner node of the tree", id));
        if (!agg_nodes.insert(id).second)
          throw spec_error(in, fmt::format("the aggregation of node '{}' is set by two inputs", id));
      }
      agg_inputs.push_back(ii);
    } else if (in.name == "exclude") {
      for (const auto& l : in.labels) {
        if (l == "none") continue;
        const auto node = tree.find(l);
        if (!node || !tree.node(*node).is_leaf())
          throw spec_error(in, fmt::format("'{}' is not an indicator id (or 'none')", l));
      }
      i_excl = ii;
    } else {
      throw spec_error(in, "unknown input name; build_index supports 'impute', 'normalize', 'weights', 'aggregate', "
                           "'aggregate.<level>', 'exclude' (discrete), one perturb/dirichlet weight input and one "
                           "ahp input");
    }
  }
  const auto labels_or = [&](int i, std::string nominal_name) {
    return i >= 0 ? spec.inputs[static_cast<std::size_t>(i)].labels : std::vector<std::string>{std::move(nominal_name)};
  };
  const std::vector<std::string> excl_labels = labels_or(i_excl, "none");
  const std::vector<std::string> imp_labels =
      labels_or(i_imp, std::string(method_info(impute_methods(), nominal.treat.impute).name));
  const std::vector<std::string> norm_labels =
      labels_or(i_norm, std::string(method_info(normalize_methods(), nominal.normalize).name));
  const std::vector<std::string> weight_labels =
      labels_or(i_weights, std::string(method_info(weight_methods(), nominal.weights).name));
  const std::string nominal_agg(method_info(aggregate_methods(), nominal.aggregate).name);
  const bool data_complete = !data.values.array().isNaN().any();

  // Exclusion variants (index 0 = nothing excluded when there is no exclude input).
  std::vector<Variant> variants;
  for (const auto& l : excl_labels) {
    if (l == "none") {
      variants.push_back({l, tree, data, inputs.judgments ? *inputs.judgments : Judgments{}});
      continue;
    }
    const int node = *tree.find(l);
    Variant v{l, tree_without_leaf(tree, node), data_without_node(data, tree, node), {}};
    if (inputs.judgments) v.judgments = judgments_for_tree(*inputs.judgments, tree, v.tree);
    variants.push_back(std::move(v));
  }
  // Non-root nodes of the full tree: one coordinate each for the weight input.
  std::map<std::string, Eigen::Index> coord_of;
  if (i_noise >= 0) {
    UncertainInput& in = spec.inputs[static_cast<std::size_t>(i_noise)];
    std::vector<double> nw;
    for (int i = 1; i < tree.size(); ++i) {
      coord_of[tree.node(i).id] = static_cast<Eigen::Index>(nw.size());
      nw.push_back(1.0);  // placeholder: the run's own weights are perturbed (validated shape only)
      in.weight_groups.push_back(tree.node(i).parent);
    }
    in.nominal_weights = Eigen::Map<const Eigen::VectorXd>(nw.data(), static_cast<Eigen::Index>(nw.size()));
  }
  validate_uncertainty_spec(spec, true);

  // Aggregation combinations: mixed radix over the aggregation inputs (the last one fastest).
  std::size_t na = 1;
  for (int q : agg_inputs) na *= spec.inputs[static_cast<std::size_t>(q)].labels.size();
  const auto agg_choices = [&](std::size_t ai) {
    std::vector<std::size_t> c(agg_inputs.size());
    for (std::size_t q = agg_inputs.size(); q-- > 0;) {
      const std::size_t m = spec.inputs[static_cast<std::size_t>(agg_inputs[q])].labels.size();
      c[q] = ai % m;
      ai /= m;
    }
    return c;
  };
  const auto config_of = [&](std::size_t ii, std::size_t ni, std::size_t wi, std::size_t ai) {
    IndexConfig cfg = nominal;
    (void)parse_method(impute_methods(), imp_labels[ii], cfg.treat.impute);
    (void)parse_method(normalize_methods(), norm_labels[ni], cfg.normalize);
    (void)parse_method(weight_methods(), weight_labels[wi], cfg.weights);
    const std::vector<std::size_t> c = agg_choices(ai);
    for (std::size_t q = 0; q < agg_inputs.size(); ++q) {
      const UncertainInput& in = spec.inputs[static_cast<std::size_t>(agg_inputs[q])];
      AggregateMethod m{};
      (void)parse_method(aggregate_methods(), in.labels[c[q]], m);
      if (in.nodes.empty()) cfg.aggregate = m;
      for (const auto& id : in.nodes) {
        const auto own = nominal.aggregate_by_node.find(id);
        const double power = own != nominal.aggregate_by_node.end() && own->second.method == AggregateMethod::Power
                                 ? own->second.power
                                 : nominal.aggregate_params.power;
        cfg.aggregate_by_node[id] = NodeAggregate{m, power};
      }
    }
    return cfg;
  };
  const auto inputs_of = [&](const Variant& var) {
    WeightInputs wi = inputs;
    if (inputs.judgments) wi.judgments = &var.judgments;
    return wi;
  };
  const std::size_t nimp = imp_labels.size(), nn = norm_labels.size(), nw = weight_labels.size();
  const auto combo = [&](std::size_t e, std::size_t ii, std::size_t ni, std::size_t wi, std::size_t ai) {
    return (((e * nimp + ii) * nn + ni) * nw + wi) * na + ai;
  };
  const auto combo_text = [&](std::size_t e, std::size_t ii, std::size_t ni, std::size_t wi, std::size_t ai) {
    std::string t = fmt::format("exclude = {}, ", excl_labels[e]);
    if (i_imp >= 0) t += fmt::format("impute = {}, ", imp_labels[ii]);
    t += fmt::format("normalize = {}, weights = {}", norm_labels[ni], weight_labels[wi]);
    if (agg_inputs.empty()) t += ", aggregate = " + nominal_agg;
    const std::vector<std::size_t> c = agg_choices(ai);
    for (std::size_t q = 0; q < agg_inputs.size(); ++q) {
      const UncertainInput& in = spec.inputs[static_cast<std::size_t>(agg_inputs[q])];
      t += fmt::format(", {} = {}", in.name, in.labels[c[q]]);
    }
    return t;
  };
  // Pre-flight: every exclusion × imputation × normalisation × weighting × aggregation
  // combination once (in parallel; the first failure in combination order is reported); its
  // local weights are kept (the base of a weight perturbation).
  const std::size_t n_combos = variants.size() * nimp * nn * nw * na;
  std::vector<Eigen::VectorXd> base_local(n_combos);
  std::vector<std::string> failed(n_combos);
  std::vector<std::optional<InvalidInput>> cr_failed(n_combos);
  {
    const int n_combos_i = static_cast<int>(n_combos);
    const int nt = stats::resolve_threads(options.threads);
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
    for (int c = 0; c < n_combos_i; ++c) {
      auto rest = static_cast<std::size_t>(c);
      const std::size_t ai = rest % na;
      rest /= na;
      const std::size_t wi = rest % nw;
      rest /= nw;
      const std::size_t ni = rest % nn;
      rest /= nn;
      const std::size_t ii = rest % nimp;
      const std::size_t e = rest / nimp;
      IndexConfig cfg = config_of(ii, ni, wi, ai);
      cfg.threads = 1;
      IndexResult r;
      try {
        r = build_index(variants[e].data, variants[e].tree, cfg, inputs_of(variants[e]));
      } catch (const std::exception& ex) {
        failed[static_cast<std::size_t>(c)] = fmt::format("run_uncertainty: pre-flight: {} cannot be computed: {}",
                                                          combo_text(e, ii, ni, wi, ai), ex.what());
        continue;
      }
      base_local[static_cast<std::size_t>(c)] = r.weights.local;
      if (i_ahp >= 0 && cfg.weights == WeightMethod::Ahp && e == 0) {
        const double lim = spec.inputs[static_cast<std::size_t>(i_ahp)].reject_cr;
        for (const auto& cc : r.weights.consistency)
          if (lim > 0.0 && !cc.expert_id.empty() && cc.m >= 3 && cc.cr > lim) {
            cr_failed[static_cast<std::size_t>(c)] =
                InvalidInput(fmt::format("uncertainty: the nominal judgments of expert '{}' at node '{}' have CR = "
                                         "{:.4f} > reject_cr = {}: rejection would discard nearly every draw; raise "
                                         "reject_cr or revise the judgments",
                                         cc.expert_id, cc.node_id, cc.cr, lim),
                             Location{.node = cc.node_id});
            break;
          }
      }
    }
  }
  for (std::size_t c = 0; c < n_combos; ++c) {
    if (!failed[c].empty()) throw InvalidInput(failed[c]);
    if (cr_failed[c]) throw *cr_failed[c];
  }

  std::atomic<long long> draws{0}, rejected{0};
  const auto choice = [&](int i, const std::vector<InputValue>& v) {
    return i >= 0 ? static_cast<std::size_t>(v[static_cast<std::size_t>(i)].choice) : std::size_t{0};
  };
  const std::uint64_t ahp_seed = options.design.seed;
  const auto ranks_of = [&](const std::vector<InputValue>& v) -> Eigen::VectorXi {
    const std::size_t e = choice(i_excl, v), ii = choice(i_imp, v), ni = choice(i_norm, v), wi = choice(i_weights, v);
    std::size_t ai = 0;
    for (int q : agg_inputs) ai = ai * spec.inputs[static_cast<std::size_t>(q)].labels.size() + choice(q, v);
    const Variant& var = variants[e];
    IndexConfig cfg = config_of(ii, ni, wi, ai);
    const bool perturb_ahp = i_ahp >= 0 && cfg.weights == WeightMethod::Ahp;
    if (!perturb_ahp && i_noise < 0) return build_index(var.data, var.tree, cfg, inputs_of(var)).ranks.col(0);
    Eigen::VectorXd local = base_local[combo(e, ii, ni, wi, ai)];
    if (perturb_ahp) {
      const UncertainInput& in = spec.inputs[static_cast<std::size_t>(i_ahp)];
      const auto key = static_cast<std::uint64_t>(std::ldexp(v[static_cast<std::size_t>(i_ahp)].value, 53));
      auto g = make_stream(ahp_seed, StreamTag::AhpPerturbation, key);
      bool accepted = false;
      for (int attempt = 0; attempt < kMaxJudgmentDraws && !accepted; ++attempt) {
        const Judgments pj = perturb_judgments(var.judgments, in.steps, g);
        WeightInputs wi2 = inputs;
        wi2.judgments = &pj;
        const TreeWeights tw = tree_weights(var.tree, WeightMethod::Ahp, wi2);
        draws.fetch_add(1, std::memory_order_relaxed);
        if (in.reject_cr > 0.0 && any_cr_above(tw, in.reject_cr)) {
          rejected.fetch_add(1, std::memory_order_relaxed);
          continue;
        }
        local = tw.local;
        accepted = true;
      }
      if (!accepted)
        throw DomainError(fmt::format("AHP judgment perturbation: no draw with every CR <= {} in {} attempts",
                                      in.reject_cr, kMaxJudgmentDraws));
    }
    if (i_noise >= 0) {
      const UncertainInput& in = spec.inputs[static_cast<std::size_t>(i_noise)];
      const InputValue& nv = v[static_cast<std::size_t>(i_noise)];
      const int m = var.tree.size() - 1;
      Eigen::VectorXd bw(m), u(m);
      std::vector<int> groups(static_cast<std::size_t>(m));
      for (int i = 1; i <= m; ++i) {
        bw(i - 1) = local(i);
        u(i - 1) = nv.u(coord_of.at(var.tree.node(i).id));
        groups[static_cast<std::size_t>(i - 1)] = var.tree.node(i).parent;
      }
      const Eigen::VectorXd w = perturbed_weights(in.kind, bw, groups, in.percent, in.concentration, u);
      for (int i = 1; i <= m; ++i) local(i) = w(i - 1);
    }
    std::vector<Node> nodes = var.tree.nodes();
    for (int i = 1; i < var.tree.size(); ++i) nodes[static_cast<std::size_t>(i)].weight = local(i);
    cfg.weights = WeightMethod::Given;
    return build_index(var.data, IndicatorTree(std::move(nodes)), cfg).ranks.col(0);
  };

  const Eigen::VectorXi nominal_ranks = build_index(data, tree, nominal, inputs).ranks.col(0);
  MonteCarloResult r = run_monte_carlo(spec, nominal_ranks, ranks_of, options);
  if (i_imp >= 0 && data_complete)
    r.warnings.push_back("impute: the data have no missing value, so the imputation method cannot change any rank "
                         "(its Sobol' indices are 0)");
  r.judgment_draws = draws.load();
  r.judgment_rejected = rejected.load();
  return r;
}

}  // namespace cikit
