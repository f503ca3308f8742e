#include "methods/pipeline/reliability.hpp"
#include "methods/pipeline/common.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"

namespace cikit::pipeline {

namespace {

nlohmann::json json_opt(const std::optional<double>& v) { return v ? json_num(*v) : nlohmann::json(nullptr); }

std::string g17(double v) { return fmt::format("{:.17g}", v); }

nlohmann::json json_alpha_drop(const AlphaResult& a) {
  nlohmann::json drop = nlohmann::json::array();
  for (const auto& d : a.alpha_drop)
    drop.push_back({{"item", d.item},
                    {"raw_alpha", json_num(d.raw_alpha)},
                    {"std_alpha", json_num(d.std_alpha)},
                    {"g6_smc", json_num(d.g6_smc)},
                    {"average_r", json_num(d.average_r)},
                    {"signal_noise", json_num(d.signal_noise)},
                    {"alpha_se", json_opt(d.alpha_se)},
                    {"var_r", json_opt(d.var_r)},
                    {"median_r", json_num(d.median_r)}});
  return drop;
}

nlohmann::json json_item_stats(const AlphaResult& a, const VerdictTable& verdicts) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : a.item_stats)
    items.push_back({{"item", s.item},
                     {"n", s.n},
                     {"raw_r", json_opt(s.raw_r)},
                     {"std_r", json_num(s.std_r)},
                     {"r_cor", json_opt(s.r_cor)},
                     {"r_drop", json_num(s.r_drop)},
                     {"r_drop_verdict", json_verdict(verdicts.judge("item_total_r", s.r_drop))},
                     {"mean", json_opt(s.mean)},
                     {"sd", json_opt(s.sd)}});
  return items;
}

nlohmann::json json_result(const AlphaResult& a, const VerdictTable& verdicts) {
  nlohmann::json j = {{"k", a.k},
                      {"n_obs", a.n_obs},
                      {"n_complete", a.n_complete},
                      {"raw_alpha", json_num(a.raw_alpha)},
                      {"verdict", json_verdict(verdicts.judge("alpha", a.raw_alpha))},
                      {"std_verdict", json_verdict(verdicts.judge("alpha", a.std_alpha))},
                      {"std_alpha", json_num(a.std_alpha)},
                      {"g6_smc", json_num(a.g6_smc)},
                      {"average_r", json_num(a.average_r)},
                      {"median_r", json_num(a.median_r)},
                      {"var_r", json_opt(a.var_r)},
                      {"signal_noise", json_num(a.signal_noise)},
                      {"ase", json_opt(a.ase)},
                      {"total_mean", json_opt(a.total_mean)},
                      {"total_sd", json_opt(a.total_sd)},
                      {"dropped_items", a.dropped_items},
                      {"warnings", a.warnings}};
  if (a.feldt) j["feldt"] = {json_num(a.feldt->lower), json_num(a.feldt->upper)};
  if (a.duhachek) j["duhachek"] = {json_num(a.duhachek->lower), json_num(a.duhachek->upper)};
  if (a.bootstrap) {
    const auto& b = *a.bootstrap;
    j["bootstrap"] = {{"replicates", b.replicates},
                      {"failed", b.failed},
                      {"seed", b.seed},
                      {"median", json_num(b.median)},
                      {"percentile", {json_num(b.percentile.lower), json_num(b.percentile.upper)}}};
    if (b.bca) j["bootstrap"]["bca"] = {json_num(b.bca->interval.lower), json_num(b.bca->interval.upper)};
  }
  j["alpha_drop"] = json_alpha_drop(a);
  j["item_stats"] = json_item_stats(a, verdicts);
  return j;
}

/// reliability.csv row of a computed node.
std::vector<std::string> alpha_csv_row(const NodeAlpha& n, const Node& node, const VerdictTable& vt) {
  const AlphaResult& a = *n.result;
  std::string bp_lo, bp_hi, bb_lo, bb_hi;
  if (a.bootstrap) {
    bp_lo = g17(a.bootstrap->percentile.lower);
    bp_hi = g17(a.bootstrap->percentile.upper);
    if (a.bootstrap->bca) {
      bb_lo = g17(a.bootstrap->bca->interval.lower);
      bb_hi = g17(a.bootstrap->bca->interval.upper);
    }
  }
  // The verdict judges std.alpha: indicators of a composite index have different units, which
  // makes raw alpha (covariances) mostly a statement about the units (docs/cli.md).
  const auto verdict = vt.judge("alpha", a.std_alpha);
  return {n.id, node.label.zh, node.label.en, std::to_string(n.depth), std::to_string(a.k),
          std::to_string(a.n_obs), g17(a.raw_alpha), g17(a.std_alpha), a.feldt ? g17(a.feldt->lower) : "",
          a.feldt ? g17(a.feldt->upper) : "", g17(a.g6_smc), g17(a.average_r), bp_lo, bp_hi, bb_lo, bb_hi,
          verdict ? std::string(verdict->id()) : "", ""};
}

nlohmann::json json_split_half(const SplitHalfResult& h) {
  const auto split_json = [](const HalfSplit& s) {
    return nlohmann::json{{"half_a", s.half_a}, {"r", json_num(s.r_halves)},
                          {"spearman_brown", json_num(s.spearman_brown)}, {"lambda4", json_num(s.lambda4)}};
  };
  return {{"odd_even", split_json(h.odd_even)},
          {"first_second", split_json(h.first_second)},
          {"lambda4_max", json_opt(h.lambda4_max)},
          {"lambda4_min", json_opt(h.lambda4_min)},
          {"lambda4_mean", json_opt(h.lambda4_mean)},
          {"n_splits", h.n_splits},
          {"lambda2", json_num(h.lambda2)},
          {"lambda6", json_num(h.lambda6)},
          {"warnings", h.warnings}};
}

/// Split-half and omega of a computed node (those of them asked for): their JSON keys into `j`,
/// its split_half_omega.csv row.
std::vector<std::string> split_half_omega(const NodeAlpha& n, const NodeReliabilityOptions& asked,
                                          const VerdictTable& vt, nlohmann::json& j) {
  std::vector<std::string> notes;
  std::string oe_r, oe_sb, fs_r, fs_sb, l4max, l4min, l4mean, l2, om_t, om_m, om_h, sl_t, sl_m;
  if (!asked.split_half) {
  } else if (n.split_half) {
    const SplitHalfResult& h = *n.split_half;
    oe_r = g17(h.odd_even.r_halves), oe_sb = g17(h.odd_even.spearman_brown);
    fs_r = g17(h.first_second.r_halves), fs_sb = g17(h.first_second.spearman_brown), l2 = g17(h.lambda2);
    if (h.lambda4_max) l4max = g17(*h.lambda4_max), l4min = g17(*h.lambda4_min), l4mean = g17(*h.lambda4_mean);
    j["split_half"] = json_split_half(h);
  } else {
    notes.push_back("split-half: " + n.split_half_error);
    j["split_half_error"] = n.split_half_error;
  }
  if (!asked.omega) {
  } else if (n.omega) {
    om_t = g17(n.omega->omega_observed), om_m = g17(n.omega->omega_model);
    j["omega"] = {{"omega_total", json_num(n.omega->omega_observed)},
                  {"omega_model", json_num(n.omega->omega_model)},
                  {"verdict", json_verdict(vt.judge("omega", n.omega->omega_observed))},
                  {"loadings", std::vector<double>(n.omega->loadings.data(),
                                                   n.omega->loadings.data() + n.omega->loadings.size())},
                  {"warnings", n.omega->warnings}};
  } else {
    notes.push_back("omega: " + n.omega_error);
    j["omega_error"] = n.omega_error;
  }
  if (n.omega_sl) {
    om_h = g17(n.omega_sl->omega_h), sl_t = g17(n.omega_sl->omega_total);
    sl_m = std::to_string(n.omega_sl->group_total.size());
    j["omega_sl"] = {{"omega_h", json_num(n.omega_sl->omega_h)},
                     {"omega_total", json_num(n.omega_sl->omega_total)},
                     {"omega_limit", json_num(n.omega_sl->omega_limit)},
                     {"ecv", json_num(n.omega_sl->ecv)},
                     {"factors", n.omega_sl->group_total.size()},
                     {"warnings", n.omega_sl->warnings}};
  } else if (!n.omega_sl_error.empty()) {
    notes.push_back("omega_h: " + n.omega_sl_error);
    j["omega_sl_error"] = n.omega_sl_error;
  }
  std::string note;
  for (const auto& x : notes) note += (note.empty() ? "" : "; ") + x;
  return {n.id, std::to_string(n.result->k), oe_r, oe_sb, fs_r, fs_sb, l4max, l4min, l4mean, l2, om_t, om_m,
          om_h, sl_t, sl_m, note};
}

/// The statistics asked for besides alpha (ReliabilityOptions::statistics).
/// @throws InvalidInput for an unknown name or a list without alpha.
NodeReliabilityOptions asked_statistics(const std::vector<std::string>& statistics) {
  NodeReliabilityOptions extra;
  bool alpha = false;
  for (const auto& s : statistics) {
    if (s == "alpha") alpha = true;
    else if (s == "split-half") extra.split_half = true;
    else if (s == "omega") extra.omega = true;
    else
      throw InvalidInput(fmt::format("run_reliability: statistic '{}' is unknown; it must be alpha, split-half or omega",
                                     s));
  }
  if (!alpha)
    throw InvalidInput("run_reliability: the statistics must include alpha (reliability.csv is its table; "
                       "split-half and omega come on top of it)");
  return extra;
}

std::vector<std::string> split_half_csv_header(const NodeReliabilityOptions& asked) {
  if (!asked.split_half && !asked.omega) return {};
  return {"node", "k", "odd_even_r", "odd_even_sb", "first_second_r", "first_second_sb",
          "lambda4_max", "lambda4_min", "lambda4_mean", "lambda2", "omega_total",
          "omega_model", "omega_h", "omega_sl_total", "sl_factors", "note"};
}

}  // namespace

ReliabilityRun run_reliability(const ReliabilityOptions& o) {
  if (o.missing != "pairwise" && o.missing != "listwise")
    throw InvalidInput(fmt::format("run_reliability: missing is '{}', but must be pairwise or listwise", o.missing));
  if (o.bootstrap < 0)
    throw InvalidInput(fmt::format("run_reliability: bootstrap is {}, but must be >= 0", o.bootstrap));
  const NodeReliabilityOptions extra = asked_statistics(o.statistics);
  ReliabilityRun run;
  run.split_half = extra.split_half;
  run.omega = extra.omega;
  run.spec = read_spec_with(o.spec);
  const Spec& spec = run.spec;
  const Dataset data = load_data(spec);
  run.warnings = data.warnings;  // reading the data (Excel errors, denominators, ...)
  AlphaOptions ao;
  ao.bootstrap_replicates = o.bootstrap;
  ao.seed = o.seed;
  ao.missing = o.missing == "listwise" ? MissingRule::Listwise : MissingRule::Pairwise;
  run.nodes = alpha_by_node(data, spec.tree, ao, extra);

  run.csv.header = {"node", "label_zh", "label_en", "depth", "k", "n", "raw_alpha", "std_alpha", "feldt_lower",
                    "feldt_upper", "g6_smc", "average_r", "boot_percentile_lower", "boot_percentile_upper",
                    "boot_bca_lower", "boot_bca_upper", "verdict", "note"};
  run.split_half_csv.header = split_half_csv_header(extra);
  nlohmann::json jn = nlohmann::json::array();
  for (const auto& n : run.nodes) {
    const Node& node = spec.tree.node(n.node);
    nlohmann::json j = {{"id", n.id}, {"label", json_labels(node.label)}, {"depth", n.depth}, {"indicators", n.indicators}};
    if (!n.result) {
      run.csv.rows.push_back({n.id, node.label.zh, node.label.en, std::to_string(n.depth),
                              std::to_string(n.indicators.size()), "", "", "", "", "", "", "", "", "", "", "", "",
                              n.error});
      j["error"] = n.error;
      if (n.indicators.size() >= 2) run.warnings.push_back(fmt::format("node '{}': {}", n.id, n.error));
      jn.push_back(j);
      continue;
    }
    run.csv.rows.push_back(alpha_csv_row(n, node, spec.thresholds));
    j["alpha"] = json_result(*n.result, spec.thresholds);
    auto sh_row = split_half_omega(n, extra, spec.thresholds, j);
    if (extra.split_half || extra.omega) run.split_half_csv.rows.push_back(std::move(sh_row));
    for (const auto& w : n.result->warnings) run.warnings.push_back(fmt::format("node '{}': {}", n.id, w));
    jn.push_back(j);
  }
  run.doc = json_header("reliability", spec);
  run.doc["options"] = {{"missing", o.missing},
                        {"bootstrap", o.bootstrap},
                        {"seed", o.seed},
                        {"statistics", o.statistics},
                        {"direction", "indicators with direction '-' multiplied by -1"}};
  run.doc["nodes"] = jn;
  run.doc["thresholds"] = {{"alpha", spec.thresholds.rule("alpha").describe(Lang::En)},
                           {"item_total_r", spec.thresholds.rule("item_total_r").describe(Lang::En)}};
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("reliability.csv", run.csv.csv());
  run.outputs.add("reliability.json", run.doc.dump(2) + "\n");
  if (extra.split_half || extra.omega) run.outputs.add("split_half_omega.csv", run.split_half_csv.csv());
  return run;
}

}  // namespace cikit::pipeline
