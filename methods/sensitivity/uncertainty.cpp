#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "methods/core/error.hpp"
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
                               {UncertainKind::WeightDirichlet, "dirichlet"}};

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
  throw InvalidInput(fmt::format("uncertainty: unknown kind '{}'; accepted: discrete, continuous, perturb, dirichlet",
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
  DesignOutputs out = evaluate_design(design, f, EvaluateOptions{options.threads});

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
    r.sobol_unit_ranks = sobol_indices(out.y.rightCols(units), r.n, k, so);
    for (const auto& w : r.sobol_unit_ranks->warnings) r.warnings.push_back("unit ranks: " + w);
  }
  return r;
}

IndicatorTree tree_without_leaf(const IndicatorTree& tree, int leaf) {
  if (leaf <= 0 || leaf >= tree.size() || !tree.node(leaf).is_leaf())
    throw InvalidInput(fmt::format("tree_without_leaf: node {} is not an indicator (leaf)", leaf));
  const Node& gone = tree.node(leaf);
  if (tree.node(gone.parent).children.size() < 2)
    throw DomainError(fmt::format("excluding indicator '{}' leaves node '{}' without indicators", gone.id,
                                  tree.node(gone.parent).id),
                      Location{.indicator = gone.id, .node = tree.node(gone.parent).id});
  std::vector<int> remap(static_cast<std::size_t>(tree.size()), -1);
  int next = 0;
  for (int i = 0; i < tree.size(); ++i)
    if (i != leaf) remap[static_cast<std::size_t>(i)] = next++;
  std::vector<Node> nodes;
  nodes.reserve(static_cast<std::size_t>(next));
  for (int i = 0; i < tree.size(); ++i) {
    if (i == leaf) continue;
    Node n = tree.node(i);
    if (n.parent >= 0) n.parent = remap[static_cast<std::size_t>(n.parent)];
    std::vector<int> ch;
    for (int c : n.children)
      if (c != leaf) ch.push_back(remap[static_cast<std::size_t>(c)]);
    n.children = std::move(ch);
    nodes.push_back(std::move(n));
  }
  return IndicatorTree(std::move(nodes));
}

namespace {

struct Variant {
  IndicatorTree tree;
  Dataset data;
};

Dataset drop_column(const Dataset& d, Eigen::Index j) {
  Dataset o = d;
  const Eigen::Index p = d.n_indicators();
  o.values.resize(d.n_units(), p - 1);
  o.values.leftCols(j) = d.values.leftCols(j);
  o.values.rightCols(p - 1 - j) = d.values.rightCols(p - 1 - j);
  o.indicator_ids.erase(o.indicator_ids.begin() + j);
  if (!o.source_columns.empty() && static_cast<Eigen::Index>(o.source_columns.size()) == p)
    o.source_columns.erase(o.source_columns.begin() + j);
  return o;
}

}  // namespace

MonteCarloResult run_uncertainty(const Dataset& data, const IndicatorTree& tree, const IndexConfig& nominal,
                                 const UncertaintySpec& spec_in, const MonteCarloOptions& options) {
  validate_uncertainty_spec(spec_in, false);
  UncertaintySpec spec = spec_in;
  int i_norm = -1;
  int i_weights = -1;
  int i_excl = -1;
  int i_noise = -1;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    UncertainInput& in = spec.inputs[i];
    const auto ii = static_cast<int>(i);
    if (in.kind == UncertainKind::Continuous)
      throw spec_error(in, "build_index has no continuous modelling choice yet (supported: normalize, weights, "
                           "exclude, and one perturb/dirichlet weight input)");
    if (is_weight_kind(in.kind)) {
      if (i_noise >= 0) throw spec_error(in, "only one weight perturbation input is supported");
      if (in.nominal_weights.size() != 0)
        throw spec_error(in, "leave nominal_weights empty: run_uncertainty perturbs the tree's local weights");
      i_noise = ii;
      continue;
    }
    if (in.name == "normalize") {
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
      }
      i_weights = ii;
    } else if (in.name == "exclude") {
      for (const auto& l : in.labels) {
        if (l == "none") continue;
        const auto node = tree.find(l);
        if (!node || !tree.node(*node).is_leaf())
          throw spec_error(in, fmt::format("'{}' is not an indicator id (or 'none')", l));
      }
      i_excl = ii;
    } else {
      throw spec_error(in, "unknown input name; build_index supports 'normalize', 'weights', 'exclude' (discrete) "
                           "and one perturb/dirichlet weight input");
    }
  }

  // Exclusion variants (index 0 = nothing excluded when there is no exclude input).
  std::vector<Variant> variants;
  const std::vector<std::string> excl_labels =
      i_excl >= 0 ? spec.inputs[static_cast<std::size_t>(i_excl)].labels : std::vector<std::string>{"none"};
  for (const auto& l : excl_labels) {
    if (l == "none") {
      variants.push_back({tree, data});
      continue;
    }
    const int node = *tree.find(l);
    const int pos = tree.leaf_position(node);
    variants.push_back({tree_without_leaf(tree, node), drop_column(data, pos)});
  }
  // Non-root nodes of the full tree: one coordinate each for the weight input.
  std::map<std::string, Eigen::Index> coord_of;
  if (i_noise >= 0) {
    UncertainInput& in = spec.inputs[static_cast<std::size_t>(i_noise)];
    const TreeWeights w = tree_weights(tree, nominal.weights);
    std::vector<double> nw;
    for (int i = 1; i < tree.size(); ++i) {
      coord_of[tree.node(i).id] = static_cast<Eigen::Index>(nw.size());
      nw.push_back(w.local(i));
      in.weight_groups.push_back(tree.node(i).parent);
    }
    in.nominal_weights = Eigen::Map<const Eigen::VectorXd>(nw.data(), static_cast<Eigen::Index>(nw.size()));
  }
  validate_uncertainty_spec(spec, true);

  const auto choice_configs = [&](const std::vector<InputValue>& v) {
    IndexConfig cfg = nominal;
    if (i_norm >= 0) (void)parse_method(normalize_methods(), v[static_cast<std::size_t>(i_norm)].label, cfg.normalize);
    if (i_weights >= 0) (void)parse_method(weight_methods(), v[static_cast<std::size_t>(i_weights)].label, cfg.weights);
    return cfg;
  };
  const auto ranks_of = [&](const std::vector<InputValue>& v) -> Eigen::VectorXi {
    const Variant& var = variants[i_excl >= 0 ? static_cast<std::size_t>(v[static_cast<std::size_t>(i_excl)].choice) : 0];
    IndexConfig cfg = choice_configs(v);
    if (i_noise < 0) return build_index(var.data, var.tree, cfg).ranks.col(0);
    const UncertainInput& in = spec.inputs[static_cast<std::size_t>(i_noise)];
    const InputValue& nv = v[static_cast<std::size_t>(i_noise)];
    const TreeWeights base = tree_weights(var.tree, cfg.weights);
    const int m = var.tree.size() - 1;
    Eigen::VectorXd bw(m);
    Eigen::VectorXd u(m);
    std::vector<int> groups(static_cast<std::size_t>(m));
    for (int i = 1; i <= m; ++i) {
      bw(i - 1) = base.local(i);
      u(i - 1) = nv.u(coord_of.at(var.tree.node(i).id));
      groups[static_cast<std::size_t>(i - 1)] = var.tree.node(i).parent;
    }
    const Eigen::VectorXd w = perturbed_weights(in.kind, bw, groups, in.percent, in.concentration, u);
    std::vector<Node> nodes = var.tree.nodes();
    for (int i = 1; i <= m; ++i) nodes[static_cast<std::size_t>(i)].weight = w(i - 1);
    cfg.weights = WeightMethod::Given;
    return build_index(var.data, IndicatorTree(std::move(nodes)), cfg).ranks.col(0);
  };

  // Pre-flight: every exclusion × normalisation × weighting combination once.
  const std::vector<std::string> norm_labels =
      i_norm >= 0 ? spec.inputs[static_cast<std::size_t>(i_norm)].labels
                  : std::vector<std::string>{std::string(method_info(normalize_methods(), nominal.normalize).name)};
  const std::vector<std::string> weight_labels =
      i_weights >= 0 ? spec.inputs[static_cast<std::size_t>(i_weights)].labels
                     : std::vector<std::string>{std::string(method_info(weight_methods(), nominal.weights).name)};
  for (std::size_t e = 0; e < variants.size(); ++e)
    for (const auto& nl : norm_labels)
      for (const auto& wl : weight_labels) {
        IndexConfig cfg = nominal;
        (void)parse_method(normalize_methods(), nl, cfg.normalize);
        (void)parse_method(weight_methods(), wl, cfg.weights);
        try {
          (void)build_index(variants[e].data, variants[e].tree, cfg);
        } catch (const std::exception& ex) {
          throw InvalidInput(fmt::format("run_uncertainty: pre-flight: exclude = {}, normalize = {}, weights = {} "
                                         "cannot be computed: {}",
                                         excl_labels[e], nl, wl, ex.what()));
        }
      }

  const Eigen::VectorXi nominal_ranks = build_index(data, tree, nominal).ranks.col(0);
  return run_monte_carlo(spec, nominal_ranks, ranks_of, options);
}

}  // namespace cikit
