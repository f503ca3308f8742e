/// \file uncertainty.cpp
/// Uncertainty analysis of build_index (run_uncertainty, uncertainty.hpp): maps the declared
/// inputs onto index configurations (imputation, normalisation, weighting, aggregation,
/// exclusion, weight and AHP judgment perturbation), pre-flights every discrete combination,
/// and runs the Monte Carlo engine (monte_carlo.cpp) on the resulting ranks model.
#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <atomic>
#include <limits>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "methods/core/cancel.hpp"
#include "methods/aggregate/preflight.hpp"
#include "methods/core/error.hpp"
#include "methods/sensitivity/detail/fast_index.hpp"
#include "methods/sensitivity/detail/uncertain_input.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

using sensitivity_detail::index_from_leaf_scores;
using sensitivity_detail::is_weight_kind;
using sensitivity_detail::means_only;
using sensitivity_detail::RunScratch;
using sensitivity_detail::spec_error;

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
        if (m == WeightMethod::Bwm && !inputs.judgments)
          throw spec_error(in, "weights 'bwm' needs the best-worst judgments (spec `judgments:` with `bwm:` blocks)");
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
  // What a run reuses (computed once here; see ranks_of): without a weight or judgment
  // perturbation a run is its combination's build, so its ranks; with one, the normalised
  // indicators of its (exclusion, imputation, normalisation), which the weights and the
  // aggregation do not change.
  const bool perturbs = i_noise >= 0 || i_ahp >= 0;
  std::vector<Eigen::VectorXi> combo_ranks(n_combos);
  std::vector<char> combo_means(n_combos, 0);
  std::vector<Eigen::MatrixXd> leaf_scores(perturbs ? variants.size() * nimp * nn : 0);
  std::vector<std::vector<int>> leaf_col(variants.size());  // per variant: node -> leaf column (-1: inner)
  for (std::size_t e = 0; e < variants.size(); ++e) {
    const IndicatorTree& t = variants[e].tree;
    leaf_col[e].assign(static_cast<std::size_t>(t.size()), -1);
    for (std::size_t j = 0; j < t.leaves().size(); ++j) leaf_col[e][static_cast<std::size_t>(t.leaves()[j])] = static_cast<int>(j);
  }
  std::vector<std::string> failed(n_combos);
  std::vector<std::optional<InvalidInput>> cr_failed(n_combos);
  {
    const int n_combos_i = static_cast<int>(n_combos);
    const int nt = stats::resolve_threads(options.threads);
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
    for (int c = 0; c < n_combos_i; ++c) {
      if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
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
        r = build_index(variants[e].data, variants[e].tree, cfg, inputs_of(variants[e]), RankScope::IndexOnly);
      } catch (const std::exception& ex) {
        failed[static_cast<std::size_t>(c)] = fmt::format("run_uncertainty: pre-flight: {} cannot be computed: {}",
                                                          combo_text(e, ii, ni, wi, ai), ex.what());
        continue;
      }
      base_local[static_cast<std::size_t>(c)] = r.weights.local;
      combo_ranks[static_cast<std::size_t>(c)] = r.ranks.col(0);
      combo_means[static_cast<std::size_t>(c)] = means_only(variants[e].tree, cfg) ? 1 : 0;
      if (perturbs && wi == 0 && ai == 0) {
        const auto& lv = variants[e].tree.leaves();
        Eigen::MatrixXd& ls = leaf_scores[(e * nimp + ii) * nn + ni];
        ls.resize(r.scores.rows(), static_cast<Eigen::Index>(lv.size()));
        for (std::size_t j = 0; j < lv.size(); ++j) ls.col(static_cast<Eigen::Index>(j)) = r.scores.col(lv[j]);
      }
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
    throw_if_cancelled();
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
    // Nothing perturbed: the run is its combination's pre-flight build (same inputs, same ranks).
    if (!perturb_ahp && i_noise < 0) return combo_ranks[combo(e, ii, ni, wi, ai)];
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
    if (combo_means[combo(e, ii, ni, wi, ai)] != 0) {
      thread_local RunScratch scratch;
      Eigen::VectorXi ranks;
      if (index_from_leaf_scores(var.tree, leaf_scores[(e * nimp + ii) * nn + ni], leaf_col[e], local, cfg, scratch,
                                 ranks))
        return ranks;
    }
    // Other aggregations (or a value the fast path leaves to build_index's checks and messages).
    std::vector<Node> nodes = var.tree.nodes();
    for (int i = 1; i < var.tree.size(); ++i) nodes[static_cast<std::size_t>(i)].weight = local(i);
    cfg.weights = WeightMethod::Given;
    return build_index(var.data, IndicatorTree(std::move(nodes)), cfg, {}, RankScope::IndexOnly).ranks.col(0);
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

