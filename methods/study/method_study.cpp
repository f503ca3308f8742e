#include "methods/study/method_study.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "methods/core/cancel.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/yaml_context.hpp"
#include "methods/stats/bootstrap_units.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weight_settings.hpp"

namespace cikit {

namespace {

template <class E>
std::vector<E> pick(std::span<const MethodName<E>> table, const std::vector<std::string>& requested, const char* what,
                    const std::vector<std::string>& defaults = {}) {
  std::vector<E> out;
  const std::vector<std::string>& names = requested.empty() ? defaults : requested;
  if (names.empty() || (names.size() == 1 && names[0] == "all")) {
    for (const auto& m : table) out.push_back(m.value);
    return out;
  }
  for (const auto& n : names) {
    E v{};
    if (!parse_method(table, n, v))
      throw InvalidInput(fmt::format("benchmark-methods: unknown {} method '{}' (known: {})", what, n, method_names(table)));
    out.push_back(v);
  }
  return out;
}

Dataset rows_of(const Dataset& d, const std::vector<Eigen::Index>& rows) {
  Dataset s;
  s.indicator_ids = d.indicator_ids;
  s.values.resize(static_cast<Eigen::Index>(rows.size()), d.values.cols());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    s.values.row(static_cast<Eigen::Index>(k)) = d.values.row(rows[k]);
    s.unit_ids.push_back(fmt::format("b{}", k));  // unit ids must be unique
  }
  return s;
}

Eigen::VectorXd leaf_global(const IndexResult& r, const IndicatorTree& t) {
  const auto& leaves = t.leaves();
  Eigen::VectorXd w(static_cast<Eigen::Index>(leaves.size()));
  for (std::size_t j = 0; j < leaves.size(); ++j) w(static_cast<Eigen::Index>(j)) = r.weights.global(leaves[j]);
  return w;
}

/// The tree with every node's weight set to its local weight in `w` (for WeightMethod::Given).
IndicatorTree with_weights(const IndicatorTree& t, const TreeWeights& w) {
  std::vector<Node> nodes = t.nodes();
  for (std::size_t k = 1; k < nodes.size(); ++k) nodes[k].weight = w.local(static_cast<Eigen::Index>(k));
  return IndicatorTree(std::move(nodes));
}

/// Contaminated copy: each available cell, with probability rate, x += shift · sd_j.
Dataset contaminate(const Dataset& d, double rate, double shift, std::uint64_t seed) {
  Dataset c = d;
  auto g = make_stream(seed, StreamTag::MethodStudy, std::uint64_t{1} << 40);
  Eigen::VectorXd sd(d.values.cols());
  for (Eigen::Index j = 0; j < d.values.cols(); ++j) {
    double s = 0, s2 = 0;
    Eigen::Index k = 0;
    for (Eigen::Index i = 0; i < d.values.rows(); ++i)
      if (!std::isnan(d.values(i, j))) s += d.values(i, j), s2 += d.values(i, j) * d.values(i, j), ++k;
    const double mean = s / static_cast<double>(k);
    sd(j) = std::sqrt(std::max(0.0, (s2 - static_cast<double>(k) * mean * mean) / static_cast<double>(k - 1)));
  }
  for (Eigen::Index i = 0; i < c.values.rows(); ++i)
    for (Eigen::Index j = 0; j < c.values.cols(); ++j)
      if (uniform01(g) < rate && !std::isnan(c.values(i, j))) c.values(i, j) += shift * sd(j);
  return c;
}

std::uint64_t replicate_seed(std::uint64_t seed, int s, int r) {
  auto g = make_stream(seed, StreamTag::MethodStudy,
                       (static_cast<std::uint64_t>(s) << 20) + static_cast<std::uint64_t>(r));
  return g();
}

/// Scores one method on one replicate. Throws what build_index throws.
void score_method(StudyCell& cell, const ScenarioResult& sc, const Dataset& dirty, const IndexConfig& cfg,
                  const WeightInputs& inputs, const StudyOptions& opt, std::uint64_t seed,
                  const std::vector<Eigen::Index>& true_top, bool stability) {
  const IndicatorTree& tree = sc.tree;
  const Dataset& data = sc.sim.data;
  const auto n = data.n_units();
  const auto t0 = std::chrono::steady_clock::now();
  const IndexResult res = build_index(data, tree, cfg, inputs);
  cell.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const Eigen::VectorXd w = leaf_global(res, tree);
  cell.weight_mae = (w - sc.sim.true_weights).cwiseAbs().mean();
  const Eigen::VectorXd index = res.scores.col(0);
  if (!index.allFinite()) throw DomainError("the index is missing for some unit");
  cell.spearman = spearman_rho(index, sc.sim.true_index);
  cell.kendall = kendall_tau_b(index, sc.sim.true_index);
  int hits = 0;
  for (Eigen::Index i : true_top) hits += res.ranks(i, 0) >= 1 && res.ranks(i, 0) <= 10 ? 1 : 0;
  cell.top10 = hits / 10.0;
  const Eigen::VectorXi nominal = res.ranks.col(0);

  if (opt.inject_rate > 0) {
    const IndexResult d = build_index(dirty, tree, cfg, inputs, RankScope::IndexOnly);
    Eigen::MatrixXi r(1, n);
    r.row(0) = d.ranks.col(0).transpose();
    cell.outlier_shift = 100.0 * mean_abs_rank_shift(r, nominal)(0) / static_cast<double>(n);
  } else {
    cell.outlier_shift = std::numeric_limits<double>::quiet_NaN();
  }

  if (opt.bootstrap > 0 && !is_data_driven(cfg.weights)) {
    cell.weight_cv = cell.rank_width = 0.0;  // weights do not depend on the units: exactly 0
  } else if (opt.bootstrap <= 0 || !stability) {
    cell.weight_cv = cell.rank_width = std::numeric_limits<double>::quiet_NaN();
  } else {
    const auto p = static_cast<Eigen::Index>(tree.leaves().size());
    IndexConfig given = cfg;
    given.weights = WeightMethod::Given;
    const UnitRowsStatistic stat = [&](const std::vector<Eigen::Index>& rows) {
      const IndexResult b = build_index(rows_of(data, rows), tree, cfg, inputs, RankScope::IndexOnly);
      const IndexResult all = build_index(data, with_weights(tree, b.weights), given, inputs, RankScope::IndexOnly);
      Eigen::VectorXd v(p + n);
      v.head(p) = leaf_global(b, tree);
      v.tail(n) = all.ranks.col(0).cast<double>();
      return v;
    };
    BootstrapUnitsOptions bo;
    bo.replicates = opt.bootstrap;
    bo.seed = seed;
    bo.bca = false;
    bo.threads = 1;
    const BootstrapUnitsResult br = bootstrap_units(n, stat, bo);
    std::vector<Eigen::Index> good;
    for (Eigen::Index b = 0; b < br.replicates.rows(); ++b)
      if (br.replicates.row(b).allFinite()) good.push_back(b);
    if (good.size() < 2) throw DomainError("fewer than 2 bootstrap replicates succeeded");
    double cv = 0;
    for (Eigen::Index j = 0; j < p; ++j) {
      double s = 0, s2 = 0;
      for (Eigen::Index b : good) s += br.replicates(b, j), s2 += br.replicates(b, j) * br.replicates(b, j);
      const double k = static_cast<double>(good.size());
      const double mean = s / k;
      cv += std::sqrt(std::max(0.0, (s2 - k * mean * mean) / (k - 1))) / mean;
    }
    cell.weight_cv = cv / static_cast<double>(p);
    Eigen::MatrixXi ranks(static_cast<Eigen::Index>(good.size()), n);
    for (std::size_t k = 0; k < good.size(); ++k)
      for (Eigen::Index i = 0; i < n; ++i)
        ranks(static_cast<Eigen::Index>(k), i) = static_cast<int>(std::lround(br.replicates(good[k], p + i)));
    cell.rank_width = rank_statistics(ranks, nominal).mean_interval_width;
  }
}

/// Best-worst vectors for `bwm` read off each simulated expert's AHP matrix: best = the child
/// with the largest row geometric mean, worst = the smallest; a_Bj = a_B,j and a_jW = a_j,W of the
/// matrix, floored at 1 (a noisy matrix can rank a child above the best in one cell).
void add_bwm_from_ahp(Judgments& j) {
  for (auto& e : j.experts)
    for (const auto& nj : e.nodes) {
      const Eigen::MatrixXd& a = nj.matrix;
      if (a.rows() < 2 || !a.allFinite()) continue;
      const Eigen::VectorXd g = a.array().log().rowwise().mean().exp().matrix();
      BwmNodeJudgments b;
      b.node = nj.node, b.node_id = nj.node_id, b.where = nj.where;
      g.maxCoeff(&b.best);
      g.minCoeff(&b.worst);
      if (b.best == b.worst) b.worst = b.best == 0 ? 1 : 0;
      b.best_to_others = a.row(b.best).transpose().cwiseMax(1.0);
      b.others_to_worst = a.col(b.worst).cwiseMax(1.0);
      b.best_to_others(b.best) = 1.0;
      b.others_to_worst(b.worst) = 1.0;
      b.others_to_worst(b.best) = b.best_to_others(b.worst);
      e.bwm.push_back(std::move(b));
    }
}

}  // namespace

bool is_core_method(const StudyMethod& m) {
  const bool norm = m.normalize == NormalizeMethod::MinMax || m.normalize == NormalizeMethod::ZScore ||
                    m.normalize == NormalizeMethod::Goalposts;
  const bool agg = m.aggregate == AggregateMethod::Arithmetic || m.aggregate == AggregateMethod::Geometric ||
                   m.aggregate == AggregateMethod::Harmonic;
  return norm && agg;
}

FuzzyParams study_fuzzy_grades(const StudyMethod& m, const StudyOptions& o) {
  FuzzyParams f;
  f.grades = {"1", "2", "3", "4", "5"};
  f.thresholds["default"] =
      m.normalize == NormalizeMethod::ZScore
          ? std::vector<double>{-2.0, -1.0, 0.0, 1.0, 2.0}
          : std::vector<double>{o.range_lo, o.range_lo + 0.25 * (o.range_hi - o.range_lo),
                                o.range_lo + 0.5 * (o.range_hi - o.range_lo),
                                o.range_lo + 0.75 * (o.range_hi - o.range_lo), o.range_hi};
  return f;
}

std::vector<StudyMethod> study_methods(const StudyOptions& o) {
  std::vector<StudyMethod> out;
  // Defaults: the three normalisations and three means the study was designed around (rank-based,
  // distance, ratio normalisations and TOPSIS/MPI/Copeland put scores on other scales; ask for
  // them by name or with "all"), and every weighting method.
  std::vector<NormalizeMethod> norms = pick(normalize_methods(), o.normalize, "normalisation", {"minmax", "zscore", "goalposts"});
  // `all` means every normalisation that needs no per-indicator input: distance to a target and
  // to a reference unit need `target:` values or a reference unit, which scenarios do not have
  // (name them explicitly to see the pre-flight error); `none` keeps raw values, which only the
  // MCDA aggregations (gra, vikor, promethee, copras, edas, rsr, topsis) orient.
  if (o.normalize.size() == 1 && o.normalize[0] == "all")
    std::erase_if(norms, [](NormalizeMethod m) {
      return m == NormalizeMethod::DistanceToTarget || m == NormalizeMethod::DistanceToReference ||
             m == NormalizeMethod::None;  // raw values: only with the MCDA aggregations (name it)
    });
  for (NormalizeMethod nm : norms)
    for (WeightMethod wm : pick(weight_methods(), o.weights, "weighting"))
      for (AggregateMethod am : pick(aggregate_methods(), o.aggregate, "aggregation", {"arithmetic", "geometric", "harmonic"}))
        out.push_back({nm, wm, am,
                       fmt::format("{}/{}/{}", method_info(normalize_methods(), nm).name,
                                   method_info(weight_methods(), wm).name, method_info(aggregate_methods(), am).name)});
  return out;
}

StudyResult run_method_study(const std::vector<StudyScenario>& scenarios, const StudyOptions& opt) {
  if (scenarios.empty()) throw InvalidInput("benchmark-methods: no scenarios");
  if (opt.replicates < 1) throw InvalidInput("benchmark-methods: replicates must be >= 1");
  if (opt.bootstrap < 0 || opt.bootstrap == 1) throw InvalidInput("benchmark-methods: bootstrap must be 0 or >= 2");
  if (!(opt.inject_rate >= 0 && opt.inject_rate < 1)) throw InvalidInput("benchmark-methods: inject_rate must be in [0, 1)");
  if (!(opt.ahp_experts >= 1)) throw InvalidInput("benchmark-methods: ahp_experts must be >= 1");
  for (const auto& s : scenarios) {
    try {
      check_scenario_options(s.options);
    } catch (const InvalidInput& e) {
      throw InvalidInput(fmt::format("benchmark-methods: scenario '{}': {}", s.id, e.what()));
    }
  }
  StudyResult out;
  out.scenarios = scenarios;
  out.options = opt;
  out.methods = study_methods(opt);
  const int S = static_cast<int>(scenarios.size()), R = opt.replicates, M = static_cast<int>(out.methods.size());
  out.cells.resize(static_cast<std::size_t>(S) * static_cast<std::size_t>(R) * static_cast<std::size_t>(M));
  const int tasks = S * R;
  std::vector<std::string> fatal(static_cast<std::size_t>(tasks));
  const int nt = opt.threads > 0 ? opt.threads : omp_get_max_threads();
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
  for (int task = 0; task < tasks; ++task) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    const int s = task / R, r = task % R;
    try {
      const std::uint64_t seed = replicate_seed(opt.seed, s, r);
      ScenarioOptions so = scenarios[static_cast<std::size_t>(s)].options;
      so.seed = seed;
      const ScenarioResult sc = simulate_scenario(so);
      Judgments judg = scenario_judgments(sc.tree, opt.ahp_experts, opt.ahp_noise, seed);
      add_bwm_from_ahp(judg);
      WeightInputs inputs;
      inputs.judgments = &judg;
      // `combined` is the game-theory combination of AHP (simulated judgments) and entropy.
      inputs.variants.combined.of = {WeightMethod::Ahp, WeightMethod::Entropy};
      inputs.variants.combined.rule = CombineRule::GameTheory;
      const Dataset dirty = opt.inject_rate > 0 ? contaminate(sc.sim.data, opt.inject_rate, opt.inject_shift, seed)
                                                : sc.sim.data;
      std::vector<Eigen::Index> order(static_cast<std::size_t>(sc.sim.true_index.size()));
      std::iota(order.begin(), order.end(), Eigen::Index{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](Eigen::Index a, Eigen::Index b) { return sc.sim.true_index(a) > sc.sim.true_index(b); });
      order.resize(std::min<std::size_t>(10, order.size()));
      for (int k = 0; k < M; ++k) {
        const StudyMethod& m = out.methods[static_cast<std::size_t>(k)];
        StudyCell& cell = out.cells[static_cast<std::size_t>(task) * static_cast<std::size_t>(M) + static_cast<std::size_t>(k)];
        cell.scenario = s, cell.replicate = r, cell.method = k;
        IndexConfig cfg;
        cfg.normalize = m.normalize, cfg.weights = m.weights, cfg.aggregate = m.aggregate;
        cfg.range_lo = opt.range_lo, cfg.range_hi = opt.range_hi;
        cfg.aggregate_params.power = opt.power_order;
        if (m.aggregate == AggregateMethod::Fuzzy) cfg.aggregate_params.fuzzy = study_fuzzy_grades(m, opt);
        cfg.seed = seed, cfg.threads = 1;
        try {
          score_method(cell, sc, dirty, cfg, inputs, opt, seed, order, opt.stability_all || is_core_method(m));
          cell.ok = true;
        } catch (const InvalidInput& e) {
          cell.note = e.what();
        } catch (const DomainError& e) {
          cell.note = e.what();
        }
      }
    } catch (const std::exception& e) {
      fatal[static_cast<std::size_t>(task)] = e.what();
    }
  }
  throw_if_cancelled();
  for (const auto& f : fatal)
    if (!f.empty()) throw InternalError("benchmark-methods: " + f);

  for (int s = 0; s < S; ++s)
    for (int k = 0; k < M; ++k) {
      StudySummary sm;
      sm.scenario = s, sm.method = k;
      std::vector<double> rho;
      for (int r = 0; r < R; ++r) {
        const StudyCell& c = out.cells[(static_cast<std::size_t>(s) * static_cast<std::size_t>(R) + static_cast<std::size_t>(r)) *
                                           static_cast<std::size_t>(M) + static_cast<std::size_t>(k)];
        if (!c.ok) {
          if (sm.note.empty()) sm.note = c.note;
          continue;
        }
        ++sm.n_ok;
        sm.weight_mae += c.weight_mae, sm.spearman += c.spearman, sm.kendall += c.kendall, sm.top10 += c.top10;
        sm.weight_cv += c.weight_cv, sm.rank_width += c.rank_width, sm.outlier_shift += c.outlier_shift;
        sm.seconds += c.seconds;
        rho.push_back(c.spearman);
      }
      const double k_ok = sm.n_ok > 0 ? static_cast<double>(sm.n_ok) : std::numeric_limits<double>::quiet_NaN();
      for (double* v : {&sm.weight_mae, &sm.spearman, &sm.kendall, &sm.top10, &sm.weight_cv, &sm.rank_width,
                        &sm.outlier_shift, &sm.seconds})
        *v /= k_ok;
      double ss = 0;
      for (double x : rho) ss += (x - sm.spearman) * (x - sm.spearman);
      sm.spearman_sd = rho.size() > 1 ? std::sqrt(ss / static_cast<double>(rho.size() - 1))
                                      : std::numeric_limits<double>::quiet_NaN();
      out.summary.push_back(sm);
    }
  return out;
}

std::vector<StudyScenario> parse_study_scenarios(const std::string& text, const std::string& file_label,
                                                 StudyOptions& options) {
  const YamlContext ctx{file_label, "scenarios: ", ""};
  const YAML::Node doc = ctx.load(text, "the scenarios file is empty");
  std::vector<StudyScenario> out;
  auto integer = [&](const YAML::Node& v, const std::string& what, int lo, int hi) {
    const double x = ctx.number(v, what);
    if (x > std::floor(x) || x < lo || x > hi) ctx.fail(v, fmt::format("{} must be an integer in [{}, {}]", what, lo, hi));
    return static_cast<int>(x);
  };
  auto names = [&](const YAML::Node& v, const std::string& what) {
    std::vector<std::string> list;
    if (v.IsScalar()) {
      list.push_back(ctx.scalar(v, what));
    } else if (v.IsSequence()) {
      for (const auto& e : v) list.push_back(ctx.scalar(e, what));
    } else {
      ctx.fail(v, what + " must be a list of method names or `all`");
    }
    return list;
  };
  bool have_scenarios = false;
  ctx.each_key(doc, "the scenarios file",
               {"seed", "replicates", "bootstrap", "stability", "power_order", "inject_rate", "inject_shift", "ahp_experts", "ahp_noise", "methods",
                "scenarios"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
                 if (key == "seed") {
                   const double x = ctx.number(v, "seed");
                   if (x < 0 || x > std::floor(x) || x > 9007199254740992.0) ctx.fail(v, "seed must be a non-negative integer");
                   options.seed = static_cast<std::uint64_t>(x);
                 } else if (key == "replicates") {
                   options.replicates = integer(v, "replicates", 1, 100000);
                 } else if (key == "bootstrap") {
                   options.bootstrap = integer(v, "bootstrap", 0, 100000);
                   if (options.bootstrap == 1) ctx.fail(v, "bootstrap must be 0 or >= 2");
                 } else if (key == "stability") {
                   const std::string v_s = ctx.scalar(v, "stability");
                   if (v_s != "core" && v_s != "all") ctx.fail(v, "stability must be `core` or `all`");
                   options.stability_all = v_s == "all";
                 } else if (key == "power_order") {
                   options.power_order = ctx.number(v, "power_order");
                   if (!std::isfinite(options.power_order)) ctx.fail(v, "power_order must be a finite number");
                 } else if (key == "inject_rate") {
                   options.inject_rate = ctx.number(v, "inject_rate");
                   if (!(options.inject_rate >= 0 && options.inject_rate < 1)) ctx.fail(v, "inject_rate must be in [0, 1)");
                 } else if (key == "inject_shift") {
                   options.inject_shift = ctx.number(v, "inject_shift");
                 } else if (key == "ahp_experts") {
                   options.ahp_experts = integer(v, "ahp_experts", 1, 1000);
                 } else if (key == "ahp_noise") {
                   options.ahp_noise = ctx.number(v, "ahp_noise");
                   if (options.ahp_noise < 0) ctx.fail(v, "ahp_noise must be >= 0");
                 } else if (key == "methods") {
                   ctx.each_key(v, "methods", {"normalize", "weights", "aggregate"},
                                [&](const std::string& mk, const YAML::Node&, const YAML::Node& mv) {
                                  auto list = names(mv, mk);
                                  if (mk == "normalize") options.normalize = list;
                                  if (mk == "weights") options.weights = list;
                                  if (mk == "aggregate") options.aggregate = list;
                                });
                 } else if (key == "scenarios") {
                   have_scenarios = true;
                   if (!v.IsSequence() || v.size() == 0) ctx.fail(v, "scenarios must be a non-empty list");
                   for (const auto& e : v) {
                     StudyScenario sc;
                     auto& so = sc.options;
                     ctx.each_key(
                         e, "a scenario",
                         {"id", "description", "units", "dimensions", "indicators_per_dimension", "loading", "correlation",
                          "weight_spread", "noise", "skewed_share", "skewness", "outlier_rate", "outlier_shift",
                          "missing_rate", "negative_share"},
                         [&](const std::string& sk, const YAML::Node&, const YAML::Node& sv) {
                           if (sk == "id") sc.id = ctx.scalar(sv, "id");
                           else if (sk == "description") sc.description = ctx.scalar(sv, "description");
                           else if (sk == "units") so.units = integer(sv, "units", 10, 1000000);
                           else if (sk == "dimensions") so.dimensions = integer(sv, "dimensions", 1, 1000);
                           else if (sk == "indicators_per_dimension")
                             so.indicators_per_dimension = integer(sv, "indicators_per_dimension", 2, 10000);
                           else if (sk == "loading") so.loading = ctx.number(sv, sk);
                           else if (sk == "correlation") so.dimension_correlation = ctx.number(sv, sk);
                           else if (sk == "weight_spread") so.weight_spread = ctx.number(sv, sk);
                           else if (sk == "noise") so.noise = ctx.number(sv, sk);
                           else if (sk == "skewed_share") so.skewed_share = ctx.number(sv, sk);
                           else if (sk == "skewness") so.skewness = ctx.number(sv, sk);
                           else if (sk == "outlier_rate") so.outlier_rate = ctx.number(sv, sk);
                           else if (sk == "outlier_shift") so.outlier_shift = ctx.number(sv, sk);
                           else if (sk == "missing_rate") so.missing_rate = ctx.number(sv, sk);
                           else if (sk == "negative_share") so.negative_share = ctx.number(sv, sk);
                         });
                     if (sc.id.empty()) ctx.fail(e, "a scenario needs an id");
                     for (const auto& prev : out)
                       if (prev.id == sc.id) ctx.fail(e, fmt::format("duplicate scenario id '{}'", sc.id));
                     try {
                       check_scenario_options(so);
                     } catch (const InvalidInput& err) {
                       ctx.fail(e, fmt::format("scenario '{}': {}", sc.id, err.what()));
                     }
                     out.push_back(std::move(sc));
                   }
                 }
               });
  if (!have_scenarios) ctx.fail(doc, "the file has no `scenarios:` list");
  (void)study_methods(options);  // unknown method names fail here
  return out;
}

const std::string& default_study_scenarios_yaml() {
  static const std::string text = R"SCENARIOS(# Scenarios of the method-comparison study (cikit benchmark-methods; docs/simulate.md, "Scenarios").
# The built-in default of `cikit benchmark-methods` is this file (a test checks they are equal).
# Every scenario is a SYNTHETIC latent-factor system with known true weights and true composite.
seed: 20221219
replicates: 10
bootstrap: 25
# bootstrap stability (weight CV, rank width) for the core methods only: minmax, zscore,
# goalposts x arithmetic, geometric, harmonic (every weighting); `all` = every method (6x slower)
stability: core
# order r of the power mean (r = 1 would repeat the arithmetic mean)
power_order: 0.5
inject_rate: 0.02
inject_shift: 5
ahp_experts: 3
ahp_noise: 0.35
methods:
  normalize: all   # every one except distance_target/distance_ref (need targets or a reference unit)
  weights: all
  aggregate: all
scenarios:
  - id: baseline
    description: equal true weights, clean data
    units: 200
    dimensions: 4
    indicators_per_dimension: 5
    loading: 0.8
    correlation: 0.5
    noise: 0.5
  - id: unequal
    description: unequal true weights (spread 1), else baseline
    units: 200
    weight_spread: 1.0
  - id: small_n
    description: 30 units, unequal weights
    units: 30
    weight_spread: 0.6
  - id: large_n
    description: 3,000 units, unequal weights
    units: 3000
    weight_spread: 0.6
  - id: weak_signal
    description: weak loadings and heavy measurement noise
    units: 200
    loading: 0.5
    noise: 1.0
    weight_spread: 0.6
  - id: correlated
    description: dimensions correlated 0.9
    units: 200
    correlation: 0.9
    weight_spread: 0.6
  - id: skew_outliers
    description: half the indicators log-normal (sdlog 0.8), 2% outlier cells
    units: 200
    skewed_share: 0.5
    skewness: 0.8
    outlier_rate: 0.02
    weight_spread: 0.6
  - id: missing
    description: 15% of values missing at random
    units: 200
    missing_rate: 0.15
    weight_spread: 0.6
  - id: negative
    description: 40% negatively oriented indicators
    units: 200
    negative_share: 0.4
    weight_spread: 0.6
  - id: wide
    description: 6 dimensions x 8 indicators, 300 units
    units: 300
    dimensions: 6
    indicators_per_dimension: 8
    weight_spread: 0.6
)SCENARIOS";
  return text;
}

}  // namespace cikit
