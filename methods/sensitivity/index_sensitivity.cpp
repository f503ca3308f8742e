#include "methods/sensitivity/index_sensitivity.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/reliability/alpha.hpp"
#include "methods/reliability/omega.hpp"
#include "methods/sensitivity/detail/fast_index.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/validity/factorability.hpp"

namespace cikit {

using stats::resolve_threads;

UncertaintySpec uncertainty_inputs(const UncertaintyBlock& b, const IndicatorTree& tree, const IndexConfig& nominal) {
  validate_uncertainty_block(b);
  UncertaintySpec s;
  const auto discrete = [&](const std::string& name, const NamedSet& set) {
    if (!set.given) return;
    UncertainInput in;
    in.name = name;
    in.kind = UncertainKind::Discrete;
    in.labels = set.names;
    s.inputs.push_back(std::move(in));
  };
  for (std::size_t i = 0; i < b.impute.names.size(); ++i)
    if (b.impute.names[i] == "group_mean" && nominal.treat.group.empty())
      throw InvalidInput("uncertainty: 'group_mean' in uncertainty.impute needs the unit groups: name their data "
                         "column in methods.treat.group",
                         i < b.impute.where.size() ? b.impute.where[i] : b.impute.key);
  discrete("impute", b.impute);
  discrete("normalize", b.normalize);
  discrete("weights", b.weights);
  discrete("aggregate", b.aggregate);
  // Per level: level L = the nodes at depth L, aggregated by their parents (depth L - 1).
  bool balanced = true;
  for (int leaf : tree.leaves()) balanced = balanced && tree.node(leaf).depth == tree.height();
  std::map<int, std::string> level_key;
  for (const auto& l : b.aggregate_levels) {
    int level = l.level;
    if (level == kIndicatorLevel) {
      if (!balanced)
        throw InvalidInput("uncertainty: 'indicators' in uncertainty.aggregate needs every indicator at the same depth; "
                           "this tree's indicators are at different depths: name the levels (level1, level2, ...)",
                           l.set.key);
      level = tree.height();
    }
    if (level > tree.height())
      throw InvalidInput(fmt::format("uncertainty: uncertainty.aggregate.{}: the tree has {} level(s) below the index "
                                     "(level1 .. level{})",
                                     l.key, tree.height(), tree.height()),
                         l.set.key);
    const auto [it, fresh] = level_key.emplace(level, l.key);
    if (!fresh)
      throw InvalidInput(fmt::format("uncertainty: uncertainty.aggregate: '{}' and '{}' name the same level ({}) of "
                                     "this tree",
                                     it->second, l.key, level),
                         l.set.key);
    UncertainInput in{.name = "aggregate." + l.key, .kind = UncertainKind::Discrete, .labels = l.set.names};
    for (int node : tree.preorder())
      if (!tree.node(node).is_leaf() && tree.node(node).depth == level - 1) in.nodes.push_back(tree.node(node).id);
    s.inputs.push_back(std::move(in));
  }
  const auto removable = [&](int node) { return tree.node(tree.node(node).parent).children.size() >= 2; };
  if (b.exclude_any) {
    UncertainInput in{.name = "exclude", .kind = UncertainKind::Discrete, .labels = {"none"}};
    for (int leaf : tree.leaves())
      if (removable(leaf)) in.labels.push_back(tree.node(leaf).id);
    s.inputs.push_back(std::move(in));
  } else if (b.exclude.given) {
    for (std::size_t i = 0; i < b.exclude.names.size(); ++i) {
      const std::string& id = b.exclude.names[i];
      if (id == "none") continue;
      const Location& at = i < b.exclude.where.size() ? b.exclude.where[i] : b.exclude.key;
      const auto node = tree.find(id);
      if (!node || !tree.node(*node).is_leaf())
        throw InvalidInput(fmt::format("uncertainty: '{}' in uncertainty.exclude is not an indicator id (or 'none')",
                                       id),
                           at);
      if (!removable(*node))
        throw InvalidInput(fmt::format("uncertainty: indicator '{}' is the only indicator of '{}' and cannot be "
                                       "excluded",
                                       id, tree.node(tree.node(*node).parent).id),
                           at);
    }
    discrete("exclude", b.exclude);
  }
  if (b.weight_noise.kind != WeightNoiseKind::None) {
    UncertainInput in;
    in.name = "weight_noise";
    in.kind = b.weight_noise.kind == WeightNoiseKind::Uniform ? UncertainKind::WeightPerturbation
                                                              : UncertainKind::WeightDirichlet;
    in.percent = b.weight_noise.percent;
    in.concentration = b.weight_noise.concentration;
    s.inputs.push_back(std::move(in));
  }
  if (b.ahp.enabled) {
    UncertainInput in;
    in.name = "ahp_judgments";
    in.kind = UncertainKind::JudgmentPerturbation;
    in.steps = b.ahp.steps;
    in.reject_cr = b.ahp.reject_cr;
    s.inputs.push_back(std::move(in));
  }
  return s;
}

namespace {

Dataset rows_of(const Dataset& d, const std::vector<Eigen::Index>& rows) {
  Dataset o;
  o.indicator_ids = d.indicator_ids;
  o.source_columns = d.source_columns;
  o.values.resize(static_cast<Eigen::Index>(rows.size()), d.n_indicators());
  o.unit_ids.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    o.values.row(static_cast<Eigen::Index>(i)) = d.values.row(rows[i]);
    o.unit_ids.push_back(fmt::format("{}#{}", d.unit_ids[static_cast<std::size_t>(rows[i])], i));
  }
  return o;
}

// Half-width of the goalposts that reproduce z-scores exactly (range [-L, L]).
constexpr double kZBound = 1e6;

// The resample's model applied to every original unit (see bootstrap_index).
Eigen::VectorXi score_all(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                          const IndexResult& fit) {
  std::vector<Node> nodes = tree.nodes();
  IndexConfig cfg = config;
  const auto& leaves = tree.leaves();
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    const double c = fit.normalization.center(static_cast<Eigen::Index>(j));
    const double s = fit.normalization.scale(static_cast<Eigen::Index>(j));
    Node& n = nodes[static_cast<std::size_t>(leaves[j])];
    if (config.normalize == NormalizeMethod::MinMax) n.goalposts = std::make_pair(c, c + s);
    if (config.normalize == NormalizeMethod::ZScore) n.goalposts = std::make_pair(c - kZBound * s, c + kZBound * s);
  }
  if (config.normalize == NormalizeMethod::ZScore) {
    cfg.range_lo = -kZBound;
    cfg.range_hi = kZBound;
  }
  for (int i = 1; i < tree.size(); ++i) nodes[static_cast<std::size_t>(i)].weight = fit.weights.local(i);
  cfg.normalize = NormalizeMethod::Goalposts;
  cfg.weights = WeightMethod::Given;
  IndicatorTree scored(std::move(nodes));
  // Weighted means everywhere (and no treatment, no reference unit): build_index's steps that
  // matter here (pre-flight, normalisation, aggregation, ranks) without the rest (weights'
  // bookkeeping, per-node copies and messages): the same ranks (sensitivity_detail::
  // index_from_leaf_scores); anything it would reject goes to build_index for its message.
  if (!treatment_requested(cfg.treat) && cfg.reference_unit.empty() && sensitivity_detail::means_only(scored, cfg)) {
    require_preflight(scored, cfg, data.values, data.unit_ids);
    NormalizeOptions nopt;
    nopt.method = cfg.normalize;
    nopt.range_lo = cfg.range_lo;
    nopt.range_hi = cfg.range_hi;
    nopt.cap_at_target = cfg.cap_at_target;
    nopt.unit_ids = data.unit_ids;
    std::vector<ColumnInfo> columns = leaf_columns(scored);
    std::vector<int> leaf_col(static_cast<std::size_t>(scored.size()), -1);
    for (std::size_t j = 0; j < leaves.size(); ++j) {
      columns[j].method = leaf_normalize_method(scored, leaves[j], cfg);
      leaf_col[static_cast<std::size_t>(leaves[j])] = static_cast<int>(j);
    }
    const NormalizeResult nr = normalize(data.values, columns, nopt);
    thread_local sensitivity_detail::RunScratch scratch;
    Eigen::VectorXi ranks;
    if (sensitivity_detail::index_from_leaf_scores(scored, nr.values, leaf_col, fit.weights.local, cfg, scratch, ranks))
      return ranks;
  }
  return build_index(data, scored, cfg, {}, RankScope::IndexOnly).ranks.col(0);
}

NodeStatisticInterval interval_row(std::string stat, std::string node, const BootstrapUnitsResult& r, Eigen::Index s) {
  NodeStatisticInterval row;
  row.statistic = std::move(stat);
  row.node_id = std::move(node);
  row.interval = r.intervals[static_cast<std::size_t>(s)];
  return row;
}

}  // namespace

IndexBootstrapResult bootstrap_index(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                                     const WeightInputs& inputs, const IndexBootstrapOptions& options) {
  IndexBootstrapResult out;
  out.replicates = options.replicates;
  out.level = options.level;
  out.seed = options.seed;
  const Eigen::Index n = data.n_units();
  const IndexResult nominal = build_index(data, tree, config, inputs);
  const bool data_weights = is_data_driven(config.weights);
  const bool can_score = config.normalize == NormalizeMethod::MinMax || config.normalize == NormalizeMethod::ZScore ||
                         config.normalize == NormalizeMethod::Goalposts;
  const int m = tree.size() - 1;
  BootstrapUnitsOptions bo;
  bo.replicates = options.replicates;
  bo.level = options.level;
  bo.seed = options.seed;
  bo.threads = options.threads;
  bo.bca = true;
  IndexConfig inner = config;
  inner.threads = 1;

  // (1) Index: data-driven local weights, then every unit's rank under the resampled model.
  const Eigen::Index n_w = data_weights ? m : 0;
  const Eigen::Index n_r = can_score ? n : 0;
  if (n_w + n_r > 0) {
    const UnitRowsStatistic stat = [&](const std::vector<Eigen::Index>& rows) {
      const IndexResult fit = build_index(rows_of(data, rows), tree, inner, inputs, RankScope::IndexOnly);
      Eigen::VectorXd t(n_w + n_r);
      if (n_w > 0) t.head(n_w) = fit.weights.local.tail(m);
      if (n_r > 0) t.tail(n_r) = score_all(data, tree, inner, fit).cast<double>();
      return t;
    };
    BootstrapUnitsOptions io = bo;
    io.bca = data_weights;  // BCa of ranks is not reported; its jackknife costs n index builds
    io.progress = options.progress;
    const BootstrapUnitsResult r = bootstrap_units(n, stat, io);
    out.failures = r.failures;
    for (Eigen::Index s = 0; s < n_w; ++s) out.weights.push_back(interval_row("local_weight", tree.node(static_cast<int>(s) + 1).id, r, s));
    if (n_r > 0) {
      std::vector<Eigen::Index> ok;
      for (Eigen::Index b = 0; b < r.replicates.rows(); ++b)
        if (std::isfinite(r.replicates(b, n_w))) ok.push_back(b);
      if (ok.empty()) {
        out.warnings.push_back("bootstrap: every replicate of the index failed; no rank intervals");
      } else {
        Eigen::MatrixXi rk(static_cast<Eigen::Index>(ok.size()), n);
        for (std::size_t i = 0; i < ok.size(); ++i)
          for (Eigen::Index u = 0; u < n; ++u)
            rk(static_cast<Eigen::Index>(i), u) = static_cast<int>(std::lround(r.replicates(ok[i], n_w + u)));
        out.ranks = rank_statistics(rk, nominal.ranks.col(0),
                                    RankStatsOptions{(1.0 - options.level) / 2.0, (1.0 + options.level) / 2.0});
        for (const auto& w : out.ranks->warnings) out.warnings.push_back("bootstrap ranks: " + w);
      }
    }
    if (!r.failures.empty())
      out.warnings.push_back(fmt::format("bootstrap: {} of {} index replicates failed and are left out (first: "
                                         "replicate {}: {})",
                                         r.failures.size(), options.replicates, r.failures.front().first,
                                         r.failures.front().second));
    for (const auto& iv : out.weights)
      if (!iv.interval.bca_available)
        out.warnings.push_back(fmt::format("bootstrap: BCa interval of the weight of '{}' unavailable: {}", iv.node_id,
                                           iv.interval.bca_note));
  }
  switch (config.normalize) {
    case NormalizeMethod::MinMax:
      out.scoring_rule = "every unit scored with the resample's min-max bounds as goalposts (values beyond the "
                         "resample's range clipped) and the resample's weights";
      break;
    case NormalizeMethod::ZScore:
      out.scoring_rule = "every unit scored with the resample's means and standard deviations and the resample's "
                         "weights";
      break;
    case NormalizeMethod::Goalposts:
      out.scoring_rule = "every unit scored with the fixed goalposts and the resample's weights";
      break;
    default:
      out.scoring_rule = "no rank intervals: this normalisation cannot score units outside the resample";
      out.warnings.push_back("bootstrap: " + out.scoring_rule);
  }
  if (!data_weights)
    out.warnings.push_back(fmt::format("bootstrap: weights '{}' do not depend on the units; no weight intervals",
                                       method_info(weight_methods(), config.weights).name));

  // (2) Reliability per inner node on its (direction-corrected) indicators.
  if (options.reliability) {
    for (int node : tree.preorder()) {
      if (tree.node(node).is_leaf()) continue;
      const std::vector<int> pos = tree.leaf_positions_under(node);
      if (pos.size() < 2) continue;
      Eigen::MatrixXd x(n, static_cast<Eigen::Index>(pos.size()));
      for (std::size_t c = 0; c < pos.size(); ++c) {
        const double sign = tree.node(tree.leaves()[static_cast<std::size_t>(pos[c])]).direction == Direction::Negative
                                ? -1.0
                                : 1.0;
        x.col(static_cast<Eigen::Index>(c)) = sign * data.values.col(pos[c]);
      }
      const std::string& id = tree.node(node).id;
      const auto run_stat = [&](const char* name, const UnitMatrixStatistic& f) {
        try {
          const BootstrapUnitsResult r = bootstrap_units(x, f, bo);
          NodeStatisticInterval row = interval_row(name, id, r, 0);
          row.failures = r.failures;
          // bootstrap_units' warnings count the failed replicates and give the first reason.
          for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("bootstrap: {} of node '{}': {}", name, id, w));
          out.reliability.push_back(std::move(row));
        } catch (const Cancelled&) {
          throw;
        } catch (const std::exception& e) {
          out.warnings.push_back(fmt::format("bootstrap: {} of node '{}' not computed: {}", name, id, e.what()));
        }
      };
      run_stat("alpha", [](const Eigen::MatrixXd& xs) {
        const double a = raw_alpha(xs);
        if (!std::isfinite(a)) throw DomainError("alpha undefined (a pair without common rows, or zero total variance)");
        return Eigen::VectorXd::Constant(1, a);
      });
      if (pos.size() >= 3) {
        run_stat("kmo", [](const Eigen::MatrixXd& xs) { return Eigen::VectorXd::Constant(1, kmo(xs).msa); });
        if (options.omega) run_stat("omega", [](const Eigen::MatrixXd& xs) {
          return Eigen::VectorXd::Constant(1, omega_one_factor(xs).omega_observed);
        });
      }
    }
  }
  return out;
}

LeaveOneOutResult leave_one_out(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                                const WeightInputs& inputs, int threads) {
  LeaveOneOutResult out;
  out.nominal = build_index(data, tree, config, inputs).ranks.col(0);
  std::vector<int> targets;
  for (int leaf : tree.leaves()) {
    targets.push_back(leaf);
    out.rows.push_back({.kind = "indicator", .id = tree.node(leaf).id});
  }
  if (tree.node(tree.root()).children.size() >= 2 && tree.height() >= 2)
    for (int d : tree.node(tree.root()).children) {
      targets.push_back(d);
      out.rows.push_back({.kind = "dimension", .id = tree.node(d).id});
    }
  const int rows = static_cast<int>(targets.size());
  const int nt = resolve_threads(threads);
  IndexConfig inner = config;
  inner.threads = 1;
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
  for (int t = 0; t < rows; ++t) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    LeaveOneOutRow& row = out.rows[static_cast<std::size_t>(t)];
    const int node = targets[static_cast<std::size_t>(t)];
    try {
      const IndicatorTree reduced = tree_without_node(tree, node);
      WeightInputs wi = inputs;
      Judgments j;
      if (inputs.judgments) {
        j = judgments_for_tree(*inputs.judgments, tree, reduced);
        wi.judgments = &j;
      }
      row.ranks = build_index(data_without_node(data, tree, node), reduced, inner, wi, RankScope::IndexOnly).ranks.col(0);
      row.mean_abs_rank_shift = mean_abs_rank_shift(row.ranks.transpose(), out.nominal)(0);
      int mx = 0;
      for (Eigen::Index u = 0; u < row.ranks.size(); ++u)
        if (row.ranks(u) > 0 && out.nominal(u) > 0) mx = std::max(mx, std::abs(row.ranks(u) - out.nominal(u)));
      row.max_abs_rank_shift = mx;
      row.computed = true;
    } catch (const std::exception& e) {
      row.error = e.what();
    }
  }
  throw_if_cancelled();
  const Eigen::Index n = out.nominal.size();
  out.most_moving_row.assign(static_cast<std::size_t>(n), -1);
  out.most_moving_shift = Eigen::VectorXi::Zero(n);
  for (std::size_t t = 0; t < out.rows.size(); ++t) {
    const auto& row = out.rows[t];
    if (!row.computed) {
      out.warnings.push_back(fmt::format("leave-one-out: without {} '{}' not computed: {}", row.kind, row.id, row.error));
      continue;
    }
    for (Eigen::Index u = 0; u < n; ++u) {
      if (row.ranks(u) == 0 || out.nominal(u) == 0) continue;
      const int shift = row.ranks(u) - out.nominal(u);
      if (std::abs(shift) > std::abs(out.most_moving_shift(u))) {
        out.most_moving_shift(u) = shift;
        out.most_moving_row[static_cast<std::size_t>(u)] = static_cast<int>(t);
      }
    }
  }
  return out;
}

std::vector<int> dominant_inputs(const Eigen::MatrixXd& total) {
  std::vector<int> d(static_cast<std::size_t>(total.cols()), -1);
  for (Eigen::Index u = 0; u < total.cols(); ++u) {
    double best = 0.0;
    for (Eigen::Index i = 0; i < total.rows(); ++i)
      if (total(i, u) > best) {
        best = total(i, u);
        d[static_cast<std::size_t>(u)] = static_cast<int>(i);
      }
  }
  return d;
}

Eigen::Index design_base_size(Eigen::Index replicates, int k) {
  if (replicates < 1 || k < 1)
    throw InvalidInput(fmt::format("design_base_size: {} replicates for {} inputs", replicates, k));
  Eigen::Index n = 4;
  while (n * (k + 2) < replicates) n *= 2;
  return n;
}

SensitivityAnalysis analyse_sensitivity(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                                        const WeightInputs& weight_inputs, const UncertaintySpec& inputs,
                                        const SensitivityOptions& options) {
  SensitivityAnalysis a;
  a.seed = options.seed;
  a.unit_ids = data.unit_ids;
  a.inputs = inputs;
  a.nominal_ranks = build_index(data, tree, config, weight_inputs).ranks.col(0);
  if (!inputs.inputs.empty()) {
    MonteCarloOptions mo;
    const int k = static_cast<int>(inputs.inputs.size());
    mo.n = options.sobol_n > 0 ? options.sobol_n : design_base_size(options.replicates, k);
    mo.design.seed = options.seed;
    // Coordinates: one per input, one per non-root node for a weight perturbation.
    int d = 0;
    for (const auto& in : inputs.inputs)
      d += (in.kind == UncertainKind::WeightPerturbation || in.kind == UncertainKind::WeightDirichlet) ? tree.size() - 1
                                                                                                       : 1;
    a.design = 2 * d <= kSobolMaxDimension ? DesignKind::Sobol : DesignKind::Random;
    mo.design.kind = a.design;
    if (a.design == DesignKind::Random) {
      a.warnings.push_back(fmt::format("the inputs own {} design coordinates (> {}): pseudo-random base points are "
                                       "used instead of scrambled Sobol' points",
                                       d, kSobolMaxDimension / 2));
      a.notices.push_back(Notice{"design.random", "", {std::to_string(d), std::to_string(kSobolMaxDimension / 2)},
                                 a.warnings.back()});
    }
    mo.sobol.seed = options.seed;
    mo.sobol.bootstrap_resamples = options.sobol_bootstrap;
    mo.sobol.threads = options.threads;
    mo.sobol_of_unit_ranks = options.unit_sobol;
    mo.unit_rank_bootstrap = options.unit_sobol_bootstrap;
    mo.threads = options.threads;
    mo.progress = options.progress;
    a.monte_carlo = run_uncertainty(data, tree, config, inputs, mo, weight_inputs);
  }
  if (options.bootstrap > 0) {
    IndexBootstrapOptions bo;
    bo.replicates = options.bootstrap;
    bo.seed = options.seed;
    bo.threads = options.threads;
    bo.omega = options.bootstrap_omega;
    bo.progress = options.bootstrap_progress;
    a.bootstrap = bootstrap_index(data, tree, config, weight_inputs, bo);
  }
  if (options.leave_one_out) a.leave_one_out = leave_one_out(data, tree, config, weight_inputs, options.threads);
  return a;
}

}  // namespace cikit
