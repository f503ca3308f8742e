// cikit sensitivity SPEC: how robust is the ranking? Monte Carlo over the modelling assumptions
// declared in the spec's `uncertainty:` block (or options) with Sobol' indices, a bootstrap over
// units, and leave-one-out structure checks (methods/sensitivity/index_sensitivity.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/spec.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::cli {

namespace {

struct SensitivityCliOptions {
  CommonOptions common;
  long replicates = -1;   // -1 = spec or default
  long sobol = -1;
  long bootstrap = -1;
  int sobol_bootstrap = 1000;
  int unit_sobol_bootstrap = 0;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int threads = 0;
  std::vector<std::string> impute_set, normalize_set, weights_set, aggregate_set, exclude;
  double weight_noise = std::numeric_limits<double>::quiet_NaN();  // NaN = not given
  double dirichlet = std::numeric_limits<double>::quiet_NaN();
  bool ahp_perturb = false;
  int ahp_steps = 1;
  double ahp_reject_cr = -1.0;
  bool no_loo = false;
  bool bootstrap_omega = false;
  int top = 20;
};

NamedSet cli_set(const std::vector<std::string>& names) {
  NamedSet s;
  s.given = true;
  s.names = names;
  s.where.assign(names.size(), Location{.file = "(command line)"});
  s.key = Location{.file = "(command line)"};
  return s;
}

// The spec's block with the command-line options applied on top.
UncertaintyBlock effective_block(const Spec& spec, const SensitivityCliOptions& o) {
  UncertaintyBlock b = spec.uncertainty;
  if (!o.normalize_set.empty()) b.normalize = cli_set(o.normalize_set);
  if (!o.weights_set.empty()) b.weights = cli_set(o.weights_set);
  if (!o.impute_set.empty()) b.impute = cli_set(o.impute_set);
  if (!o.aggregate_set.empty()) {
    // METHOD,... (every level) or LEVEL=METHOD,METHOD,... per level (tokens after KEY= belong to it).
    b.aggregate = NamedSet{};
    b.aggregate_levels.clear();
    std::vector<std::string> plain;
    for (const auto& tok : o.aggregate_set) {
      const auto eq = tok.find('=');
      if (eq != std::string::npos) {
        const std::string key = tok.substr(0, eq);
        b.aggregate_levels.push_back({key, aggregate_level_of_key(key), cli_set({})});
        if (eq + 1 < tok.size()) b.aggregate_levels.back().set = cli_set({tok.substr(eq + 1)});
      } else if (!b.aggregate_levels.empty()) {
        b.aggregate_levels.back().set.names.push_back(tok);
        b.aggregate_levels.back().set.where.push_back(Location{.file = "(command line)"});
      } else {
        plain.push_back(tok);
      }
    }
    if (!plain.empty() && !b.aggregate_levels.empty())
      throw CLI::ValidationError("--aggregate-set", "either METHOD,... (every level) or LEVEL=METHOD,... per level, "
                                                    "not both");
    if (!plain.empty()) b.aggregate = cli_set(plain);
  }
  if (!o.exclude.empty()) {
    b.exclude_any = o.exclude.size() == 1 && o.exclude[0] == "any";
    b.exclude = b.exclude_any ? NamedSet{} : cli_set(o.exclude);
  }
  const Location cl{.file = "(command line)"};
  if (!std::isnan(o.weight_noise)) b.weight_noise = {WeightNoiseKind::Uniform, o.weight_noise, 100.0, cl};
  if (!std::isnan(o.dirichlet)) b.weight_noise = {WeightNoiseKind::Dirichlet, 25.0, o.dirichlet, cl};
  if (o.ahp_perturb) {
    b.ahp.enabled = true;
    b.ahp.steps = o.ahp_steps;
    b.ahp.where = cl;
  }
  if (o.ahp_reject_cr >= 0.0) b.ahp.reject_cr = o.ahp_reject_cr;
  validate_uncertainty_block(b);
  return b;
}

std::string rank_text(int r) { return r > 0 ? std::to_string(r) : "NA"; }

nlohmann::json json_interval(const BootstrapInterval& iv) {
  nlohmann::json j = {{"estimate", json_num(iv.estimate)},
                      {"percentile", {json_num(iv.percentile_lower), json_num(iv.percentile_upper)}},
                      {"replicates_used", iv.replicates_used}};
  j["bca"] = iv.bca_available ? nlohmann::json{json_num(iv.bca_lower), json_num(iv.bca_upper)} : nlohmann::json(nullptr);
  if (!iv.bca_available && !iv.bca_note.empty()) j["bca_note"] = iv.bca_note;
  if (iv.bca_available) {
    j["z0"] = json_num(iv.z0);
    j["acceleration"] = json_num(iv.acceleration);
  }
  return j;
}

std::string input_description(const UncertainInput& in) {
  switch (in.kind) {
    case UncertainKind::Discrete: {
      std::string s;
      for (const auto& l : in.labels) s += (s.empty() ? "" : ", ") + l;
      if (in.nodes.empty()) return "{" + s + "}";
      std::string nodes;
      for (std::size_t i = 0; i < in.nodes.size() && i < 4; ++i) nodes += (i == 0 ? "" : ", ") + in.nodes[i];
      if (in.nodes.size() > 4) nodes += ", …";
      return fmt::format("{{{}}} at {} node(s): {}", s, in.nodes.size(), nodes);
    }
    case UncertainKind::WeightPerturbation:
      return fmt::format("each local weight ±{}% (uniform), renormalised among siblings", in.percent);
    case UncertainKind::WeightDirichlet:
      return fmt::format("siblings' weights ~ Dirichlet(concentration {} × weights)", in.concentration);
    case UncertainKind::JudgmentPerturbation:
      return fmt::format("every judgment ±{} step(s) on Saaty's 1–9 scale{}", in.steps,
                         in.reject_cr > 0.0 ? fmt::format(", draws with CR > {} rejected", in.reject_cr) : "");
    case UncertainKind::Continuous:
      return fmt::format("[{}, {})", in.lower, in.upper);
  }
  return "";
}

void run_sensitivity(const SensitivityCliOptions& o) {
  Spec spec = read_spec(o.common.spec);
  const Lang lang = o.common.language();
  const UncertaintyBlock block = effective_block(spec, o);
  const UncertaintySpec inputs = block.present || !o.impute_set.empty() || !o.normalize_set.empty() ||
                                         !o.weights_set.empty() || !o.aggregate_set.empty() || !o.exclude.empty() ||
                                         !std::isnan(o.weight_noise) || !std::isnan(o.dirichlet) || o.ahp_perturb
                                     ? uncertainty_inputs(block, spec.tree, spec.config)
                                     : UncertaintySpec{};
  SensitivityOptions so;
  so.seed = o.seed_given ? o.seed : spec.config.seed;
  spec.config.seed = so.seed;
  so.threads = o.threads;
  apply_design_sizes(so, block, {o.replicates, o.sobol, o.bootstrap});
  so.sobol_bootstrap = o.sobol_bootstrap;
  so.unit_sobol_bootstrap = o.unit_sobol_bootstrap;
  so.leave_one_out = !o.no_loo;
  so.bootstrap_omega = o.bootstrap_omega;
  ProgressBar bar("cikit sensitivity: Monte Carlo runs");
  so.progress = [&bar](Eigen::Index d, Eigen::Index t) { bar(d, t); };

  // The weighting methods this analysis can use: the nominal one, the block's set, and AHP when
  // its judgments are perturbed; the spec's variants (entropy/PCA/AHP options, combinations) apply.
  Judgments judgments;
  const WeightInputs wi = spec_weight_inputs(spec, uncertainty_weight_methods(spec.config.weights, block), judgments);
  const Dataset data = load_data(spec);
  const auto t0 = std::chrono::steady_clock::now();
  const SensitivityAnalysis a = analyse_sensitivity(data, spec.tree, spec.config, wi, inputs, so);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  (void)seconds;

  const Eigen::Index n = data.n_units();
  const auto uid = [&](Eigen::Index u) { return data.unit_ids[static_cast<std::size_t>(u)]; };
  std::vector<std::string> warnings = a.warnings;
  nlohmann::json doc = json_header("sensitivity", spec);
  doc["seed"] = a.seed;
  doc["methods"] = {{"normalize", std::string(method_info(normalize_methods(), spec.config.normalize).name)},
                    {"weights", std::string(method_info(weight_methods(), spec.config.weights).name)},
                    {"aggregate", std::string(method_info(aggregate_methods(), spec.config.aggregate).name)}};
  doc["n_units"] = n;
  nlohmann::json jinputs = nlohmann::json::array();
  for (const auto& in : inputs.inputs)
    jinputs.push_back({{"name", in.name}, {"kind", std::string(uncertain_kind_name(in.kind))},
                       {"description", input_description(in)},
                       {"labels", in.labels},
                       {"nodes", in.nodes}});
  doc["inputs"] = jinputs;

  // Per-unit table (rank intervals) in rank order.
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index x, Eigen::Index y) {
    const int rx = a.nominal_ranks(x), ry = a.nominal_ranks(y);
    return (rx == 0 ? INT32_MAX : rx) < (ry == 0 ? INT32_MAX : ry);
  });
  const MonteCarloResult* mc = a.monte_carlo ? &*a.monte_carlo : nullptr;
  const IndexBootstrapResult* bs = a.bootstrap ? &*a.bootstrap : nullptr;
  const LeaveOneOutResult* loo = a.leave_one_out ? &*a.leave_one_out : nullptr;
  std::vector<int> dominant;
  if (mc && mc->sobol_unit_ranks) dominant = dominant_inputs(mc->sobol_unit_ranks->total);

  TextTable units_csv;
  units_csv.header = {"unit_id", "name_zh", "name_en", "nominal_rank", "mc_mean_rank", "mc_median_rank", "mc_q05",
                      "mc_q95", "mc_runs", "boot_median_rank", "boot_lower", "boot_upper", "boot_replicates",
                      "sobol_dominant_input", "loo_most_moving", "loo_shift"};
  TextTable t;
  t.header = {tr(lang, "Rank", "名次"), tr(lang, "Unit", "单位")};
  t.right_align = {true, false};
  if (mc) {
    for (const char* h : {"MC mean", "MC median", "MC 5–95%"}) {
      t.header.push_back(h);
      t.right_align.push_back(true);
    }
  }
  if (bs && bs->ranks) {
    t.header.push_back(tr(lang, "Bootstrap 95%", "Bootstrap 95%"));
    t.right_align.push_back(true);
  }
  if (!dominant.empty()) {
    t.header.push_back(tr(lang, "Main driver (S_T)", "主要来源 (S_T)"));
    t.right_align.push_back(false);
  }
  if (loo) {
    t.header.push_back(tr(lang, "LOO most moving", "剔除影响最大"));
    t.right_align.push_back(false);
  }
  nlohmann::json junits = nlohmann::json::array();
  const std::size_t shown = o.top <= 0 ? order.size() : std::min<std::size_t>(order.size(), static_cast<std::size_t>(o.top));
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Eigen::Index u = order[k];
    const auto iu = static_cast<std::size_t>(u);
    nlohmann::json ju = {{"id", uid(u)},
                         {"name", {{"zh", data.unit_name(u, "zh")}, {"en", data.unit_name(u, "en")}}},
                         {"nominal_rank", a.nominal_ranks(u) > 0 ? nlohmann::json(a.nominal_ranks(u)) : nlohmann::json(nullptr)}};
    std::vector<std::string> row{rank_text(a.nominal_ranks(u)), data.unit_name(u, lang_code(lang))};
    std::vector<std::string> crow{uid(u), data.unit_name(u, "zh"), data.unit_name(u, "en"), rank_text(a.nominal_ranks(u))};
    if (mc) {
      const auto& rs = mc->rank_stats;
      ju["monte_carlo"] = {{"mean_rank", json_num(rs.mean(u))}, {"median_rank", json_num(rs.median(u))},
                           {"q05", json_num(rs.lower(u))}, {"q95", json_num(rs.upper(u))}, {"runs", rs.n_runs(u)}};
      row.push_back(num(rs.mean(u), 1));
      row.push_back(num(rs.median(u), 1));
      row.push_back(num(rs.lower(u), 0) + "–" + num(rs.upper(u), 0));
      for (double v : {rs.mean(u), rs.median(u), rs.lower(u), rs.upper(u)}) crow.push_back(num(v, 4));
      crow.push_back(std::to_string(rs.n_runs(u)));
    } else {
      for (int i = 0; i < 5; ++i) crow.emplace_back("");
    }
    if (bs && bs->ranks) {
      const auto& br = *bs->ranks;
      ju["bootstrap"] = {{"median_rank", json_num(br.median(u))}, {"lower", json_num(br.lower(u))},
                         {"upper", json_num(br.upper(u))}, {"replicates", br.n_runs(u)}};
      row.push_back(num(br.lower(u), 0) + "–" + num(br.upper(u), 0));
      for (double v : {br.median(u), br.lower(u), br.upper(u)}) crow.push_back(num(v, 4));
      crow.push_back(std::to_string(br.n_runs(u)));
    } else {
      for (int i = 0; i < 4; ++i) crow.emplace_back("");
    }
    if (mc && mc->sobol_unit_ranks) {
      const auto& su = *mc->sobol_unit_ranks;
      nlohmann::json js = nlohmann::json::object();
      for (int i = 0; i < su.inputs; ++i) {
        nlohmann::json e = {{"first", json_num(su.first(i, u))}, {"total", json_num(su.total(i, u))}};
        if (su.bootstrap_resamples > 0) {
          e["first_ci"] = {json_num(su.first_lower(i, u)), json_num(su.first_upper(i, u))};
          e["total_ci"] = {json_num(su.total_lower(i, u)), json_num(su.total_upper(i, u))};
        }
        js[mc->input_names[static_cast<std::size_t>(i)]] = e;
      }
      ju["sobol"] = js;
      const int d = dominant[iu];
      const std::string dn = d >= 0 ? mc->input_names[static_cast<std::size_t>(d)] : "";
      ju["sobol_dominant_input"] = d >= 0 ? nlohmann::json(dn) : nlohmann::json(nullptr);
      row.push_back(d >= 0 ? fmt::format("{} ({:.2f})", dn, su.total(d, u)) : "-");
      crow.push_back(dn);
    } else {
      crow.emplace_back("");
    }
    if (loo) {
      const int r = loo->most_moving_row[iu];
      const std::string what = r >= 0 ? loo->rows[static_cast<std::size_t>(r)].id : "";
      ju["leave_one_out"] = {{"most_moving", r >= 0 ? nlohmann::json(what) : nlohmann::json(nullptr)},
                             {"shift", loo->most_moving_shift(u)}};
      row.push_back(r >= 0 ? fmt::format("{} ({:+d})", what, loo->most_moving_shift(u)) : "-");
      crow.push_back(what);
      crow.push_back(std::to_string(loo->most_moving_shift(u)));
    } else {
      crow.emplace_back("");
      crow.emplace_back("");
    }
    junits.push_back(std::move(ju));
    units_csv.rows.push_back(std::move(crow));
    if (k < shown) t.rows.push_back(std::move(row));
  }

  OutputSet out(o.common.out);
  // Monte Carlo / Sobol'.
  TextTable sobol_csv, conv_csv, unit_sobol_csv, failures_csv;
  TextTable st;
  sobol_csv.header = {"output", "input", "first", "first_lower", "first_upper", "first_half_width", "total",
                      "total_lower", "total_upper", "total_half_width"};
  conv_csv.header = {"input", "n", "first", "total"};
  unit_sobol_csv.header = {"unit_id", "input", "first", "first_lower", "first_upper", "total", "total_lower",
                           "total_upper"};
  failures_csv.header = {"part", "run", "reason"};
  if (mc) {
    const int k = static_cast<int>(mc->input_names.size());
    nlohmann::json jm = {{"design", a.design == DesignKind::Sobol ? "scrambled Sobol' (Saltelli N(k+2))"
                                                                  : "pseudo-random (Saltelli N(k+2))"},
                         {"n", mc->n},
                         {"k", k},
                         {"runs", mc->runs},
                         {"failed_runs", mc->failures.size()},
                         {"rank_statistics_runs", mc->rank_stats_runs},
                         {"mean_abs_rank_shift", json_num(mc->mean_rank_shift)},
                         {"mean_interval_width", json_num(mc->rank_stats.mean_interval_width)}};
    if (mc->judgment_draws > 0)
      jm["ahp_judgment_draws"] = {{"draws", mc->judgment_draws}, {"rejected", mc->judgment_rejected}};
    nlohmann::json jf = nlohmann::json::array();
    for (const auto& f : mc->failures) {
      jf.push_back({{"run", f.run}, {"reason", f.reason}});
      failures_csv.rows.push_back({"monte_carlo", std::to_string(f.run), f.reason});
    }
    jm["failures"] = jf;
    if (mc->sobol_rank_shift) {
      const auto& s = *mc->sobol_rank_shift;
      nlohmann::json ji = nlohmann::json::array();
      st.header = {tr(lang, "Input", "输入"), "S_i", "95% CI", "S_Ti", "95% CI"};
      st.right_align = {false, true, true, true, true};
      for (int i = 0; i < k; ++i) {
        const std::string& name = mc->input_names[static_cast<std::size_t>(i)];
        nlohmann::json e = {{"input", name}, {"first", json_num(s.first(i, 0))}, {"total", json_num(s.total(i, 0))}};
        std::vector<std::string> crow{"mean_abs_rank_shift", name, num(s.first(i, 0), 6), "", "", "",
                                      num(s.total(i, 0), 6), "", "", ""};
        std::string fci = "", tci = "";
        if (s.bootstrap_resamples > 0) {
          e["first_ci"] = {json_num(s.first_lower(i, 0)), json_num(s.first_upper(i, 0))};
          e["total_ci"] = {json_num(s.total_lower(i, 0)), json_num(s.total_upper(i, 0))};
          e["first_half_width"] = json_num(s.first_half_width(i, 0));
          e["total_half_width"] = json_num(s.total_half_width(i, 0));
          crow = {"mean_abs_rank_shift", name, num(s.first(i, 0), 6), num(s.first_lower(i, 0), 6),
                  num(s.first_upper(i, 0), 6), num(s.first_half_width(i, 0), 6), num(s.total(i, 0), 6),
                  num(s.total_lower(i, 0), 6), num(s.total_upper(i, 0), 6), num(s.total_half_width(i, 0), 6)};
          fci = "[" + num(s.first_lower(i, 0), 3) + ", " + num(s.first_upper(i, 0), 3) + "]";
          tci = "[" + num(s.total_lower(i, 0), 3) + ", " + num(s.total_upper(i, 0), 3) + "]";
        }
        sobol_csv.rows.push_back(std::move(crow));
        st.rows.push_back({name, num(s.first(i, 0), 3), fci, num(s.total(i, 0), 3), tci});
        ji.push_back(std::move(e));
      }
      nlohmann::json jc = nlohmann::json::array();
      for (const auto& c : s.convergence) {
        nlohmann::json f = nlohmann::json::object(), tt = nlohmann::json::object();
        for (int i = 0; i < k; ++i) {
          const std::string& name = mc->input_names[static_cast<std::size_t>(i)];
          f[name] = json_num(c.first(i, 0));
          tt[name] = json_num(c.total(i, 0));
          conv_csv.rows.push_back({name, std::to_string(c.n), num(c.first(i, 0), 6), num(c.total(i, 0), 6)});
        }
        jc.push_back({{"n", c.n}, {"first", f}, {"total", tt}});
      }
      jm["sobol_mean_abs_rank_shift"] = {{"variance", json_num(s.variance(0))},
                                         {"bootstrap_resamples", s.bootstrap_resamples},
                                         {"indices", ji},
                                         {"convergence", jc}};
    } else {
      jm["sobol_mean_abs_rank_shift"] = nullptr;
    }
    if (mc->sobol_unit_ranks) {
      const auto& su = *mc->sobol_unit_ranks;
      for (Eigen::Index u = 0; u < n; ++u)
        for (int i = 0; i < su.inputs; ++i) {
          const bool ci = su.bootstrap_resamples > 0;
          unit_sobol_csv.rows.push_back({uid(u), mc->input_names[static_cast<std::size_t>(i)], num(su.first(i, u), 6),
                                         ci ? num(su.first_lower(i, u), 6) : "", ci ? num(su.first_upper(i, u), 6) : "",
                                         num(su.total(i, u), 6), ci ? num(su.total_lower(i, u), 6) : "",
                                         ci ? num(su.total_upper(i, u), 6) : ""});
        }
    }
    for (const auto& w : mc->warnings) warnings.push_back("Monte Carlo: " + w);
    doc["monte_carlo"] = jm;
  } else {
    doc["monte_carlo"] = nullptr;
    warnings.push_back("no uncertain input declared (spec `uncertainty:` or --impute-set, --normalize-set, "
                       "--weights-set, --aggregate-set, --exclude, --weight-noise, --dirichlet, --ahp-perturb): no Monte Carlo "
                       "analysis");
  }
  TextTable bstat_csv;
  bstat_csv.header = {"statistic", "node_id", "estimate", "percentile_lower", "percentile_upper", "bca_lower",
                      "bca_upper", "replicates_used", "note"};
  TextTable bt;
  bt.header = {tr(lang, "Statistic", "统计量"), tr(lang, "Node", "节点"), tr(lang, "Estimate", "估计"),
               tr(lang, "Percentile 95%", "百分位 95%"), "BCa 95%", "B"};
  bt.right_align = {false, false, true, true, true, true};
  if (bs) {
    nlohmann::json jb = {{"replicates", bs->replicates}, {"level", bs->level}, {"seed", bs->seed},
                         {"scoring_rule", bs->scoring_rule}, {"failed_replicates", bs->failures.size()}};
    nlohmann::json jw = nlohmann::json::array(), jr = nlohmann::json::array();
    const auto add = [&](const NodeStatisticInterval& s, nlohmann::json& into) {
      nlohmann::json j = json_interval(s.interval);
      j["statistic"] = s.statistic;
      j["node"] = s.node_id;
      j["failed_replicates"] = s.failures.size();
      into.push_back(std::move(j));
      const auto& iv = s.interval;
      bstat_csv.rows.push_back({s.statistic, s.node_id, num(iv.estimate, 6), num(iv.percentile_lower, 6),
                                num(iv.percentile_upper, 6), iv.bca_available ? num(iv.bca_lower, 6) : "",
                                iv.bca_available ? num(iv.bca_upper, 6) : "", std::to_string(iv.replicates_used),
                                iv.bca_note});
      bt.rows.push_back({s.statistic, s.node_id, num(iv.estimate, 3),
                         "[" + num(iv.percentile_lower, 3) + ", " + num(iv.percentile_upper, 3) + "]",
                         iv.bca_available ? "[" + num(iv.bca_lower, 3) + ", " + num(iv.bca_upper, 3) + "]" : "NA",
                         std::to_string(iv.replicates_used)});
    };
    for (const auto& s : bs->weights) add(s, jw);
    for (const auto& s : bs->reliability) add(s, jr);
    for (const auto& f : bs->failures) failures_csv.rows.push_back({"bootstrap", std::to_string(f.first), f.second});
    jb["weights"] = jw;
    jb["reliability"] = jr;
    jb["rank_replicates_used"] = bs->ranks ? nlohmann::json(bs->ranks->n_runs.maxCoeff()) : nlohmann::json(nullptr);
    for (const auto& w : bs->warnings) warnings.push_back(w);
    doc["bootstrap"] = jb;
  } else {
    doc["bootstrap"] = nullptr;
  }
  TextTable loo_csv;
  loo_csv.header = {"kind", "id", "mean_abs_rank_shift", "max_abs_rank_shift", "error"};
  if (loo) {
    nlohmann::json jl = nlohmann::json::array();
    for (const auto& r : loo->rows) {
      jl.push_back({{"kind", r.kind}, {"id", r.id}, {"computed", r.computed},
                    {"mean_abs_rank_shift", r.computed ? json_num(r.mean_abs_rank_shift) : nlohmann::json(nullptr)},
                    {"max_abs_rank_shift", r.computed ? nlohmann::json(r.max_abs_rank_shift) : nlohmann::json(nullptr)},
                    {"error", r.error}});
      loo_csv.rows.push_back({r.kind, r.id, r.computed ? num(r.mean_abs_rank_shift, 6) : "",
                              r.computed ? std::to_string(r.max_abs_rank_shift) : "", r.error});
    }
    doc["leave_one_out"] = jl;
    for (const auto& w : loo->warnings) warnings.push_back(w);
  } else {
    doc["leave_one_out"] = nullptr;
  }
  doc["units"] = junits;
  doc["warnings"] = warnings;

  if (out.enabled()) {
    out.add("sensitivity.json", doc.dump(2) + "\n");
    out.add("rank_intervals.csv", units_csv.csv());
    if (mc) {
      out.add("sobol.csv", sobol_csv.csv());
      out.add("sobol_convergence.csv", conv_csv.csv());
      if (mc->sobol_unit_ranks) out.add("sobol_unit_ranks.csv", unit_sobol_csv.csv());
    }
    if (bs) out.add("bootstrap_statistics.csv", bstat_csv.csv());
    if (loo) out.add("leave_one_out.csv", loo_csv.csv());
    out.add("failures.csv", failures_csv.csv());
  }

  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << units_csv.csv();
  } else {
    std::cout << fmt::format("{}\n", spec.label.get(lang, spec.id));
    std::cout << trf(lang, "Sensitivity analysis, seed {}, {} units\n", "敏感性分析，随机种子 {}，{} 个单位\n", a.seed, n);
    if (mc) {
      std::cout << trf(lang, "Monte Carlo: {} runs ({} design, N = {}, k = {}); {} failed; rank statistics use {} runs "
                             "(A and B); mean absolute rank shift R̄s = {:.3f}\n",
                       "蒙特卡洛：{} 次运行（{}设计，N = {}，k = {}）；失败 {} 次；名次统计使用 {} 次运行（A、B）；平均绝对名次变动 R̄s = {:.3f}\n",
                       mc->runs, a.design == DesignKind::Sobol ? "Sobol'" : "random", mc->n,
                       mc->input_names.size(), mc->failures.size(), mc->rank_stats_runs, mc->mean_rank_shift);
      for (const auto& in : inputs.inputs) std::cout << fmt::format("  {}: {}\n", in.name, input_description(in));
      if (mc->judgment_draws > 0)
        std::cout << trf(lang, "  AHP judgment draws: {} ({} rejected for CR)\n", "  AHP 判断抽样：{} 次（因 CR 拒绝 {} 次）\n",
                         mc->judgment_draws, mc->judgment_rejected);
    }
    if (bs)
      std::cout << trf(lang, "Bootstrap over units: B = {}, {} failed; {}\n", "单位 Bootstrap：B = {}，失败 {} 次；{}\n",
                       bs->replicates, bs->failures.size(), bs->scoring_rule);
    std::cout << "\n" << t.render();
    if (shown < order.size())
      std::cout << trf(lang, "... {} more units (--top 0 shows all; --out DIR writes rank_intervals.csv)\n",
                       "……另有 {} 个单位（--top 0 显示全部；--out DIR 输出 rank_intervals.csv）\n", order.size() - shown);
    if (!st.rows.empty()) {
      std::cout << "\n" << tr(lang, "Sobol' indices of the mean absolute rank shift R̄s (bootstrap 95% CI):\n",
                              "平均绝对名次变动 R̄s 的 Sobol' 指数（bootstrap 95% 置信区间）：\n")
                << st.render();
    }
    if (!bt.rows.empty()) std::cout << "\n" << tr(lang, "Bootstrap over units:\n", "单位 Bootstrap：\n") << bt.render();
    if (loo) {
      TextTable lt;
      lt.header = {tr(lang, "Removed", "剔除"), tr(lang, "Kind", "类型"), "R̄s", "max |shift|"};
      lt.right_align = {false, false, true, true};
      std::vector<std::size_t> idx(loo->rows.size());
      for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
      std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
        return loo->rows[x].mean_abs_rank_shift > loo->rows[y].mean_abs_rank_shift;
      });
      for (std::size_t i = 0; i < idx.size() && (o.top <= 0 || i < static_cast<std::size_t>(o.top)); ++i) {
        const auto& r = loo->rows[idx[i]];
        lt.rows.push_back({r.id, r.kind, r.computed ? num(r.mean_abs_rank_shift, 2) : "NA",
                           r.computed ? std::to_string(r.max_abs_rank_shift) : "NA"});
      }
      std::cout << "\n" << tr(lang, "Leave one out (largest shifts first):\n", "逐一剔除（按变动从大到小）：\n") << lt.render();
    }
  }
  print_warnings("sensitivity", warnings);
  out.write();
  if (out.enabled() && o.common.format == "table")
    std::cout << trf(lang, "Wrote sensitivity.json and CSV files to {}\n", "已写出 sensitivity.json 与 CSV 文件至 {}\n",
                     o.common.out);
}

}  // namespace

void setup_sensitivity(CLI::App& app) {
  auto opt = std::make_shared<SensitivityCliOptions>();
  auto* sub = app.add_subcommand(
      "sensitivity",
      "Robustness of the ranking: Monte Carlo over the modelling assumptions of the spec's `uncertainty:` block "
      "(or the options below) with Sobol' indices, a bootstrap over units, and leave-one-out checks");
  add_common_options(*sub, opt->common);
  sub->add_option("--replicates,-R", opt->replicates,
                  "Model runs of the Monte Carlo/Sobol' design (default: uncertainty.replicates or 10000); the base "
                  "size N is the smallest power of 2 with N(k + 2) >= R")
      ->check(CLI::PositiveNumber);
  sub->add_option("--sobol", opt->sobol, "Base size N of the Saltelli design (N(k + 2) runs; overrides --replicates)")
      ->check(CLI::Range(2L, 1L << 24));
  sub->add_option("--bootstrap,-B", opt->bootstrap, "Bootstrap resamples over units (default 1000; 0 = none)")
      ->check(CLI::Range(0L, 1000000L));
  sub->add_option("--sobol-bootstrap", opt->sobol_bootstrap, "Bootstrap resamples of the Sobol' indices' CIs")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->add_option("--unit-sobol-bootstrap", opt->unit_sobol_bootstrap,
                  "Bootstrap resamples of the CIs of every unit's Sobol' indices (0 = point estimates; costs "
                  "B·N·k·units)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->add_option_function<std::uint64_t>(
      "--seed",
      [opt](const std::uint64_t& s) {
        opt->seed = s;
        opt->seed_given = true;
      },
      "Master seed (default: methods.seed of the spec, else 20221219)");
  sub->add_option("--threads,-j", opt->threads, "Threads (0 = all); results do not depend on it")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  sub->add_option("--normalize-set", opt->normalize_set, "Normalisations to vary: " + method_names(normalize_methods()))
      ->delimiter(',')
      ->check(CLI::IsMember(names_of(normalize_methods())));
  std::vector<std::string> wnames, anames;
  for (const auto& m : weight_methods()) wnames.emplace_back(m.name);
  for (const auto& m : aggregate_methods()) anames.emplace_back(m.name);
  sub->add_option("--weights-set", opt->weights_set, "Weighting schemes to vary: " + method_names(weight_methods()))
      ->delimiter(',')
      ->check(CLI::IsMember(wnames));
  sub->add_option("--aggregate-set", opt->aggregate_set,
                  "Aggregations to vary: METHOD,... (the same at every level) or, per level (one input each), "
                  "LEVEL=METHOD,... with LEVEL dimensions, indicators or levelN (repeat the option for more "
                  "levels); methods: " + method_names(aggregate_methods()))
      ->delimiter(',')
      ->check(CLI::Validator(
          [anames](std::string& tok) -> std::string {
            const auto eq = tok.find('=');
            const std::string m = eq == std::string::npos ? tok : tok.substr(eq + 1);
            if (eq != std::string::npos && aggregate_level_of_key(tok.substr(0, eq)) == 0)
              return "unknown level '" + tok.substr(0, eq) + "' (accepted: dimensions, indicators, level1, level2, ...)";
            if (!(eq != std::string::npos && m.empty()) && std::find(anames.begin(), anames.end(), m) == anames.end())
              return "unknown aggregation '" + m + "' (accepted: " + method_names(aggregate_methods()) + ")";
            return "";
          },
          "METHOD or LEVEL=METHOD"));
  std::vector<std::string> inames;
  for (const auto& m : impute_methods()) inames.emplace_back(m.name);
  sub->add_option("--impute-set", opt->impute_set,
                  "Imputations of missing values to vary: " + method_names(impute_methods()) +
                      " (group_mean needs methods.treat.group)")
      ->delimiter(',')
      ->check(CLI::IsMember(inames));
  sub->add_option("--exclude", opt->exclude, "Indicator exclusion: 'any' (none or any one) or a list: none,ID,...")
      ->delimiter(',');
  auto* wn = sub->add_option("--weight-noise", opt->weight_noise,
                             "Perturb every local weight uniformly within ±P % and renormalise (0 < P < 100)");
  auto* dz = sub->add_option("--dirichlet", opt->dirichlet,
                             "Perturb weights as Dirichlet around them with this concentration (> 0)");
  wn->excludes(dz);
  sub->add_flag("--ahp-perturb", opt->ahp_perturb, "Perturb every AHP judgment by ±steps on Saaty's scale");
  sub->add_option("--ahp-steps", opt->ahp_steps, "Steps of --ahp-perturb (1..8)")->capture_default_str();
  sub->add_option("--ahp-reject-cr", opt->ahp_reject_cr,
                  "Reject and redraw perturbed judgments with a CR above this (e.g. 0.1; counted)");
  sub->add_flag("--no-loo", opt->no_loo, "Skip the leave-one-out checks");
  sub->add_flag("--bootstrap-omega", opt->bootstrap_omega,
                "Also bootstrap one-factor omega_total per node with >= 3 indicators (a factor fit per node and "
                "replicate: slow, ~10 s of CPU for B = 1000 on the example)");
  sub->add_option("--top", opt->top, "Rows of the tables on stdout (0 = all)")->capture_default_str();
  sub->callback([opt] { run_sensitivity(*opt); });
}

}  // namespace cikit::cli
