#include "methods/pipeline/sensitivity_outputs.hpp"

#include "methods/sensitivity/sobol_convergence.hpp"

#include <fmt/format.h>

namespace cikit::pipeline {

namespace {

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

/// Unit u's Monte Carlo, bootstrap, Sobol' and leave-one-out entries: into `ju` and the CSV row.
void unit_entries(const SensitivityRun& run, Eigen::Index u, nlohmann::json& ju, std::vector<std::string>& crow) {
  const SensitivityAnalysis& a = run.analysis;
  const MonteCarloResult* mc = a.monte_carlo ? &*a.monte_carlo : nullptr;
  const IndexBootstrapResult* bs = a.bootstrap ? &*a.bootstrap : nullptr;
  const LeaveOneOutResult* loo = a.leave_one_out ? &*a.leave_one_out : nullptr;
  const auto iu = static_cast<std::size_t>(u);
  if (mc) {
    const auto& rs = mc->rank_stats;
    ju["monte_carlo"] = {{"mean_rank", json_num(rs.mean(u))}, {"median_rank", json_num(rs.median(u))},
                         {"q05", json_num(rs.lower(u))}, {"q95", json_num(rs.upper(u))}, {"runs", rs.n_runs(u)}};
    for (double v : {rs.mean(u), rs.median(u), rs.lower(u), rs.upper(u)}) crow.push_back(num(v, 4));
    crow.push_back(std::to_string(rs.n_runs(u)));
  } else {
    for (int i = 0; i < 5; ++i) crow.emplace_back("");
  }
  if (bs && bs->ranks) {
    const auto& br = *bs->ranks;
    ju["bootstrap"] = {{"median_rank", json_num(br.median(u))}, {"lower", json_num(br.lower(u))},
                       {"upper", json_num(br.upper(u))}, {"replicates", br.n_runs(u)}};
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
    const int d = run.dominant[iu];
    const std::string dn = d >= 0 ? mc->input_names[static_cast<std::size_t>(d)] : "";
    ju["sobol_dominant_input"] = d >= 0 ? nlohmann::json(dn) : nlohmann::json(nullptr);
    if (d >= 0) {
      // Whether that largest S_T converged (sobol_convergence.hpp) and is <= 1: only then is the
      // input established as the unit's main driver.
      const IndexConvergence c = sobol_convergence_status(su, u, run.sobol_tolerance).total[static_cast<std::size_t>(d)];
      ju["sobol_dominant_converged"] = c.converged && !c.above_one;
    }
    crow.push_back(dn);
  } else {
    crow.emplace_back("");
  }
  if (loo) {
    const int r = loo->most_moving_row[iu];
    const std::string what = r >= 0 ? loo->rows[static_cast<std::size_t>(r)].id : "";
    ju["leave_one_out"] = {{"most_moving", r >= 0 ? nlohmann::json(what) : nlohmann::json(nullptr)},
                           {"shift", loo->most_moving_shift(u)}};
    crow.push_back(what);
    crow.push_back(std::to_string(loo->most_moving_shift(u)));
  } else {
    crow.emplace_back("");
    crow.emplace_back("");
  }
}

/// The per-unit JSON array and rank_intervals.csv, units in rank order.
nlohmann::json units_json(SensitivityRun& run) {
  const Dataset& data = run.data;
  const SensitivityAnalysis& a = run.analysis;
  run.units_csv.header = {"unit_id", "name_zh", "name_en", "nominal_rank", "mc_mean_rank", "mc_median_rank", "mc_q05",
                          "mc_q95", "mc_runs", "boot_median_rank", "boot_lower", "boot_upper", "boot_replicates",
                          "sobol_dominant_input", "loo_most_moving", "loo_shift"};
  nlohmann::json junits = nlohmann::json::array();
  for (const Eigen::Index u : run.order) {
    const std::string& id = data.unit_ids[static_cast<std::size_t>(u)];
    nlohmann::json ju = {{"id", id},
                         {"name", {{"zh", data.unit_name(u, "zh")}, {"en", data.unit_name(u, "en")}}},
                         {"nominal_rank", a.nominal_ranks(u) > 0 ? nlohmann::json(a.nominal_ranks(u)) : nlohmann::json(nullptr)}};
    std::vector<std::string> crow{id, data.unit_name(u, "zh"), data.unit_name(u, "en"), rank_text(a.nominal_ranks(u))};
    unit_entries(run, u, ju, crow);
    junits.push_back(std::move(ju));
    run.units_csv.rows.push_back(std::move(crow));
  }
  return junits;
}

/// One index's convergence status (sobol_convergence.hpp) as JSON.
nlohmann::json status_json(const IndexConvergence& c, const SobolConvergenceStatus& st) {
  nlohmann::json reasons = nlohmann::json::array();
  if (c.reasons & kCiIncludesZero) reasons.push_back("ci_includes_zero");
  if (c.reasons & kCiTooWide) reasons.push_back("ci_too_wide");
  if (c.reasons & kUnstable) reasons.push_back("unstable");
  nlohmann::json j = {{"converged", c.converged},
                      {"reasons", reasons},
                      {"half_width", json_num(c.half_width)},
                      {"change", json_num(c.change)},
                      {"n_needed", c.n_needed > 0 ? nlohmann::json(c.n_needed) : nlohmann::json(nullptr)},
                      {"runs_needed", c.n_needed > 0 ? nlohmann::json(st.runs(c.n_needed)) : nlohmann::json(nullptr)}};
  if (c.above_one) j["above_one"] = true;
  return j;
}

/// Sobol' indices of the mean absolute rank shift: JSON, sobol.csv and sobol_convergence.csv.
nlohmann::json sobol_rank_shift_json(SensitivityRun& run) {
  const MonteCarloResult& mc = *run.analysis.monte_carlo;
  if (!mc.sobol_rank_shift) return nullptr;
  const auto& s = *mc.sobol_rank_shift;
  const int k = static_cast<int>(mc.input_names.size());
  const SobolConvergenceStatus st = sobol_convergence_status(s, 0, run.sobol_tolerance);
  nlohmann::json ji = nlohmann::json::array();
  for (int i = 0; i < k; ++i) {
    const std::string& name = mc.input_names[static_cast<std::size_t>(i)];
    nlohmann::json e = {{"input", name}, {"first", json_num(s.first(i, 0))}, {"total", json_num(s.total(i, 0))},
                        {"first_status", status_json(st.first[static_cast<std::size_t>(i)], st)},
                        {"total_status", status_json(st.total[static_cast<std::size_t>(i)], st)}};
    std::vector<std::string> crow{"mean_abs_rank_shift", name, num(s.first(i, 0), 6), "", "", "",
                                  num(s.total(i, 0), 6), "", "", ""};
    if (s.bootstrap_resamples > 0) {
      e["first_ci"] = {json_num(s.first_lower(i, 0)), json_num(s.first_upper(i, 0))};
      e["total_ci"] = {json_num(s.total_lower(i, 0)), json_num(s.total_upper(i, 0))};
      e["first_half_width"] = json_num(s.first_half_width(i, 0));
      e["total_half_width"] = json_num(s.total_half_width(i, 0));
      crow = {"mean_abs_rank_shift", name, num(s.first(i, 0), 6), num(s.first_lower(i, 0), 6),
              num(s.first_upper(i, 0), 6), num(s.first_half_width(i, 0), 6), num(s.total(i, 0), 6),
              num(s.total_lower(i, 0), 6), num(s.total_upper(i, 0), 6), num(s.total_half_width(i, 0), 6)};
    }
    run.sobol_csv.rows.push_back(std::move(crow));
    ji.push_back(std::move(e));
  }
  nlohmann::json jc = nlohmann::json::array();
  for (const auto& c : s.convergence) {
    nlohmann::json f = nlohmann::json::object(), tt = nlohmann::json::object();
    for (int i = 0; i < k; ++i) {
      const std::string& name = mc.input_names[static_cast<std::size_t>(i)];
      f[name] = json_num(c.first(i, 0));
      tt[name] = json_num(c.total(i, 0));
      run.convergence_csv.rows.push_back({name, std::to_string(c.n), num(c.first(i, 0), 6), num(c.total(i, 0), 6)});
    }
    jc.push_back({{"n", c.n}, {"first", f}, {"total", tt}});
  }
  return {{"variance", json_num(s.variance(0))},
          {"bootstrap_resamples", s.bootstrap_resamples},
          {"convergence_rule",
           {{"tolerance", st.tolerance},
            {"rule", "converged when the CI half-width <= tolerance, a first-order CI excludes 0, and "
                     "|S(N) - S(N/2)| <= tolerance; n_needed = N (max(half_width, change)/tolerance)^2 rounded up "
                     "to a power of 2"},
            {"n", st.n},
            {"not_converged", st.not_converged()},
            {"n_needed", st.n_needed > 0 ? nlohmann::json(st.n_needed) : nlohmann::json(nullptr)},
            {"runs_needed", st.n_needed > 0 ? nlohmann::json(st.runs(st.n_needed)) : nlohmann::json(nullptr)}}},
          {"indices", ji},
          {"convergence", jc}};
}

/// The Monte Carlo section (null without uncertain inputs) and its CSV tables.
nlohmann::json monte_carlo_json(SensitivityRun& run) {
  const SensitivityAnalysis& a = run.analysis;
  if (!a.monte_carlo) {
    run.warnings.push_back("no uncertain input declared (spec `uncertainty:` or --impute-set, --normalize-set, "
                           "--weights-set, --aggregate-set, --exclude, --weight-noise, --dirichlet, --ahp-perturb): no "
                           "Monte Carlo analysis");
    return nullptr;
  }
  const MonteCarloResult& mc = *a.monte_carlo;
  nlohmann::json jm = {{"design", a.design == DesignKind::Sobol ? "scrambled Sobol' (Saltelli N(k+2))"
                                                                : "pseudo-random (Saltelli N(k+2))"},
                       {"n", mc.n},
                       {"k", static_cast<int>(mc.input_names.size())},
                       {"runs", mc.runs},
                       {"failed_runs", mc.failures.size()},
                       {"rank_statistics_runs", mc.rank_stats_runs},
                       {"mean_abs_rank_shift", json_num(mc.mean_rank_shift)},
                       {"mean_interval_width", json_num(mc.rank_stats.mean_interval_width)}};
  if (mc.judgment_draws > 0) jm["ahp_judgment_draws"] = {{"draws", mc.judgment_draws}, {"rejected", mc.judgment_rejected}};
  nlohmann::json jf = nlohmann::json::array();
  for (const auto& f : mc.failures) {
    jf.push_back({{"run", f.run}, {"reason", f.reason}});
    run.failures_csv.rows.push_back({"monte_carlo", std::to_string(f.run), f.reason});
  }
  jm["failures"] = jf;
  jm["sobol_mean_abs_rank_shift"] = sobol_rank_shift_json(run);
  if (mc.sobol_unit_ranks) {
    const auto& su = *mc.sobol_unit_ranks;
    const bool ci = su.bootstrap_resamples > 0;
    for (Eigen::Index u = 0; u < run.data.n_units(); ++u)
      for (int i = 0; i < su.inputs; ++i)
        run.unit_sobol_csv.rows.push_back({run.data.unit_ids[static_cast<std::size_t>(u)],
                                           mc.input_names[static_cast<std::size_t>(i)], num(su.first(i, u), 6),
                                           ci ? num(su.first_lower(i, u), 6) : "", ci ? num(su.first_upper(i, u), 6) : "",
                                           num(su.total(i, u), 6), ci ? num(su.total_lower(i, u), 6) : "",
                                           ci ? num(su.total_upper(i, u), 6) : ""});
  }
  for (const auto& w : mc.warnings) run.warnings.push_back("Monte Carlo: " + w);
  return jm;
}

/// The bootstrap section (null without a bootstrap) and bootstrap_statistics.csv.
nlohmann::json bootstrap_json(SensitivityRun& run) {
  if (!run.analysis.bootstrap) return nullptr;
  const IndexBootstrapResult& bs = *run.analysis.bootstrap;
  nlohmann::json jb = {{"replicates", bs.replicates}, {"level", bs.level}, {"seed", bs.seed},
                       {"scoring_rule", bs.scoring_rule}, {"failed_replicates", bs.failures.size()}};
  nlohmann::json jw = nlohmann::json::array(), jr = nlohmann::json::array();
  const auto add = [&](const NodeStatisticInterval& s, nlohmann::json& into) {
    nlohmann::json j = json_interval(s.interval);
    j["statistic"] = s.statistic;
    j["node"] = s.node_id;
    j["failed_replicates"] = s.failures.size();
    into.push_back(std::move(j));
    const auto& iv = s.interval;
    run.bootstrap_csv.rows.push_back({s.statistic, s.node_id, num(iv.estimate, 6), num(iv.percentile_lower, 6),
                                      num(iv.percentile_upper, 6), iv.bca_available ? num(iv.bca_lower, 6) : "",
                                      iv.bca_available ? num(iv.bca_upper, 6) : "", std::to_string(iv.replicates_used),
                                      iv.bca_note});
  };
  for (const auto& s : bs.weights) add(s, jw);
  for (const auto& s : bs.reliability) add(s, jr);
  for (const auto& f : bs.failures) run.failures_csv.rows.push_back({"bootstrap", std::to_string(f.first), f.second});
  jb["weights"] = jw;
  jb["reliability"] = jr;
  jb["rank_replicates_used"] = bs.ranks ? nlohmann::json(bs.ranks->n_runs.maxCoeff()) : nlohmann::json(nullptr);
  for (const auto& w : bs.warnings) run.warnings.push_back(w);
  return jb;
}

/// The leave-one-out section (null when skipped) and leave_one_out.csv.
nlohmann::json leave_one_out_json(SensitivityRun& run) {
  if (!run.analysis.leave_one_out) return nullptr;
  const LeaveOneOutResult& loo = *run.analysis.leave_one_out;
  nlohmann::json jl = nlohmann::json::array();
  for (const auto& r : loo.rows) {
    jl.push_back({{"kind", r.kind}, {"id", r.id}, {"computed", r.computed},
                  {"mean_abs_rank_shift", r.computed ? json_num(r.mean_abs_rank_shift) : nlohmann::json(nullptr)},
                  {"max_abs_rank_shift", r.computed ? nlohmann::json(r.max_abs_rank_shift) : nlohmann::json(nullptr)},
                  {"error", r.error}});
    run.leave_one_out_csv.rows.push_back({r.kind, r.id, r.computed ? num(r.mean_abs_rank_shift, 6) : "",
                                          r.computed ? std::to_string(r.max_abs_rank_shift) : "", r.error});
  }
  for (const auto& w : loo.warnings) run.warnings.push_back(w);
  return jl;
}

}  // namespace

void build_sensitivity_outputs(SensitivityRun& run, const std::string& out) {
  const Spec& spec = run.spec;
  const SensitivityAnalysis& a = run.analysis;
  run.warnings = run.data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.warnings.insert(run.warnings.end(), a.warnings.begin(), a.warnings.end());
  nlohmann::json& doc = run.doc;
  doc = json_header("sensitivity", spec);
  doc["seed"] = a.seed;
  doc["methods"] = {{"normalize", std::string(method_info(normalize_methods(), spec.config.normalize).name)},
                    {"weights", std::string(method_info(weight_methods(), spec.config.weights).name)},
                    {"aggregate", std::string(method_info(aggregate_methods(), spec.config.aggregate).name)}};
  doc["n_units"] = run.data.n_units();
  nlohmann::json jinputs = nlohmann::json::array();
  for (const auto& in : run.inputs.inputs)
    jinputs.push_back({{"name", in.name}, {"kind", std::string(uncertain_kind_name(in.kind))},
                       {"description", input_description(in)},
                       {"labels", in.labels},
                       {"nodes", in.nodes}});
  doc["inputs"] = jinputs;
  const nlohmann::json junits = units_json(run);
  run.sobol_csv.header = {"output", "input", "first", "first_lower", "first_upper", "first_half_width", "total",
                          "total_lower", "total_upper", "total_half_width"};
  run.convergence_csv.header = {"input", "n", "first", "total"};
  run.unit_sobol_csv.header = {"unit_id", "input", "first", "first_lower", "first_upper", "total", "total_lower",
                               "total_upper"};
  run.failures_csv.header = {"part", "run", "reason"};
  run.bootstrap_csv.header = {"statistic", "node_id", "estimate", "percentile_lower", "percentile_upper", "bca_lower",
                              "bca_upper", "replicates_used", "note"};
  run.leave_one_out_csv.header = {"kind", "id", "mean_abs_rank_shift", "max_abs_rank_shift", "error"};
  doc["monte_carlo"] = monte_carlo_json(run);
  doc["bootstrap"] = bootstrap_json(run);
  doc["leave_one_out"] = leave_one_out_json(run);
  doc["units"] = junits;
  doc["warnings"] = run.warnings;
  doc["notes"] = run.notes;

  run.outputs = OutputSet(out);
  run.outputs.add("sensitivity.json", doc.dump(2) + "\n");
  run.outputs.add("rank_intervals.csv", run.units_csv.csv());
  if (a.monte_carlo) {
    run.outputs.add("sobol.csv", run.sobol_csv.csv());
    run.outputs.add("sobol_convergence.csv", run.convergence_csv.csv());
    if (a.monte_carlo->sobol_unit_ranks) run.outputs.add("sobol_unit_ranks.csv", run.unit_sobol_csv.csv());
  }
  if (a.bootstrap) run.outputs.add("bootstrap_statistics.csv", run.bootstrap_csv.csv());
  if (a.leave_one_out) run.outputs.add("leave_one_out.csv", run.leave_one_out_csv.csv());
  run.outputs.add("failures.csv", run.failures_csv.csv());
}

}  // namespace cikit::pipeline
