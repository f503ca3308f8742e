// cikit reliability SPEC: Cronbach's alpha for every inner node of the tree on the indicators
// under it (alpha_by_node()), one row per node.
#include <Eigen/Core>
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/spec.hpp"
#include "methods/reliability/tree_alpha.hpp"

namespace cikit::cli {

namespace {

struct ReliabilityOptions {
  CommonOptions common;
  int bootstrap = 0;                    ///< --bootstrap B (0 = none)
  std::uint64_t seed = kDefaultSeed;    ///< --seed
  std::string missing = "pairwise";     ///< --missing pairwise|listwise
};

nlohmann::json json_opt(const std::optional<double>& v) {
  return v ? json_num(*v) : nlohmann::json(nullptr);
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
  j["alpha_drop"] = drop;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : a.item_stats)
    items.push_back({{"item", s.item},
                     {"n", s.n},
                     {"raw_r", json_opt(s.raw_r)},
                     {"std_r", json_num(s.std_r)},
                     {"r_cor", json_num(s.r_cor)},
                     {"r_drop", json_num(s.r_drop)},
                     {"r_drop_verdict", json_verdict(verdicts.judge("item_total_r", s.r_drop))},
                     {"mean", json_opt(s.mean)},
                     {"sd", json_opt(s.sd)}});
  j["item_stats"] = items;
  return j;
}

void run_reliability(const ReliabilityOptions& ro) {
  const CommonOptions& o = ro.common;
  const Spec spec = read_spec(o.spec);
  const Dataset data = load_data(spec);
  const Lang lang = o.language();
  AlphaOptions ao;
  ao.bootstrap_replicates = ro.bootstrap;
  ao.seed = ro.seed;
  ao.missing = ro.missing == "listwise" ? MissingRule::Listwise : MissingRule::Pairwise;
  NodeReliabilityOptions extra;
  extra.split_half = true;
  extra.omega = true;
  const std::vector<NodeAlpha> nodes = alpha_by_node(data, spec.tree, ao, extra);

  TextTable t;  // human table (one language)
  t.header = {tr(lang, "Node", "节点"), "k", "n", "raw_alpha", "std.alpha", tr(lang, "Feldt 95% CI", "Feldt 95% 置信区间"),
              "G6(smc)", "average_r", tr(lang, "Verdict (std.alpha)", "评价(标准化α)")};
  t.right_align = {false, true, true, true, true, true, true, true, false};
  if (ro.bootstrap > 0) {
    t.header.push_back(tr(lang, "Bootstrap BCa 95% CI", "Bootstrap BCa 95% 置信区间"));
    t.right_align.push_back(true);
  }
  TextTable c;  // CSV: both labels, full precision
  c.header = {"node", "label_zh", "label_en", "depth", "k", "n", "raw_alpha", "std_alpha", "feldt_lower", "feldt_upper",
              "g6_smc", "average_r", "boot_percentile_lower", "boot_percentile_upper", "boot_bca_lower",
              "boot_bca_upper", "verdict", "note"};
  // Split-half and omega per node (second table; JSON `split_half`, `omega`, `omega_sl`).
  TextTable t2;
  t2.header = {tr(lang, "Node", "节点"), "k", tr(lang, "odd-even SB", "奇偶折半 SB"),
               tr(lang, "first-second SB", "前后折半 SB"), tr(lang, "λ4 max", "λ4 最大"), "omega_total",
               tr(lang, "ω (model)", "ω（模型）"), "omega_h", tr(lang, "Verdict (ω_total)", "评价(ω_total)")};
  t2.right_align = {false, true, true, true, true, true, true, true, false};
  TextTable c2;
  c2.header = {"node", "k", "odd_even_r", "odd_even_sb", "first_second_r", "first_second_sb", "lambda4_max",
               "lambda4_min", "lambda4_mean", "lambda2", "omega_total", "omega_model", "omega_h", "omega_sl_total",
               "sl_factors", "note"};
  nlohmann::json jn = nlohmann::json::array();
  std::vector<std::string> warnings;
  for (const auto& n : nodes) {
    const Node& node = spec.tree.node(n.node);
    const std::string label = std::string(static_cast<std::size_t>(2 * n.depth), ' ') + node.label.get(lang, node.id);
    nlohmann::json j = {{"id", n.id}, {"label", json_labels(node.label)}, {"depth", n.depth}, {"indicators", n.indicators}};
    if (!n.result) {
      t.rows.push_back({label, std::to_string(n.indicators.size()), "", "", "", "", "", "", ""});
      if (ro.bootstrap > 0) t.rows.back().push_back("");
      t.rows.back()[3] = tr(lang, "not computed", "未计算");
      c.rows.push_back({n.id, node.label.zh, node.label.en, std::to_string(n.depth), std::to_string(n.indicators.size()),
                        "", "", "", "", "", "", "", "", "", "", "", "", n.error});
      j["error"] = n.error;
      if (n.indicators.size() >= 2) warnings.push_back(fmt::format("node '{}': {}", n.id, n.error));
      jn.push_back(j);
      continue;
    }
    const AlphaResult& a = *n.result;
    const auto g17 = [](double v) { return fmt::format("{:.17g}", v); };
    // The table judges std.alpha: indicators of a composite index have different units, which
    // makes raw alpha (covariances) mostly a statement about the units (docs/cli.md).
    const auto verdict = spec.thresholds.judge("alpha", a.std_alpha);
    t.rows.push_back({label, std::to_string(a.k), std::to_string(a.n_obs), num(a.raw_alpha, 3), num(a.std_alpha, 3),
                      a.feldt ? fmt::format("[{}, {}]", num(a.feldt->lower, 3), num(a.feldt->upper, 3)) : "",
                      num(a.g6_smc, 3), num(a.average_r, 3), verdict ? verdict->text(lang) : ""});
    std::string bp_lo, bp_hi, bb_lo, bb_hi;
    if (a.bootstrap) {
      bp_lo = g17(a.bootstrap->percentile.lower);
      bp_hi = g17(a.bootstrap->percentile.upper);
      if (a.bootstrap->bca) {
        bb_lo = g17(a.bootstrap->bca->interval.lower);
        bb_hi = g17(a.bootstrap->bca->interval.upper);
      }
    }
    if (ro.bootstrap > 0)
      t.rows.back().push_back(a.bootstrap && a.bootstrap->bca
                                  ? fmt::format("[{}, {}]", num(a.bootstrap->bca->interval.lower, 3),
                                                num(a.bootstrap->bca->interval.upper, 3))
                                  : "");
    c.rows.push_back({n.id, node.label.zh, node.label.en, std::to_string(n.depth), std::to_string(a.k),
                      std::to_string(a.n_obs), g17(a.raw_alpha), g17(a.std_alpha), a.feldt ? g17(a.feldt->lower) : "",
                      a.feldt ? g17(a.feldt->upper) : "", g17(a.g6_smc), g17(a.average_r), bp_lo, bp_hi, bb_lo, bb_hi,
                      verdict ? std::string(verdict->id()) : "", ""});
    j["alpha"] = json_result(a, spec.thresholds);
    {
      std::vector<std::string> notes;
      std::string oe_r, oe_sb, fs_r, fs_sb, l4max, l4min, l4mean, l2, om_t, om_m, om_h, sl_t, sl_m;
      if (n.split_half) {
        const SplitHalfResult& h = *n.split_half;
        oe_r = g17(h.odd_even.r_halves), oe_sb = g17(h.odd_even.spearman_brown);
        fs_r = g17(h.first_second.r_halves), fs_sb = g17(h.first_second.spearman_brown), l2 = g17(h.lambda2);
        if (h.lambda4_max) l4max = g17(*h.lambda4_max), l4min = g17(*h.lambda4_min), l4mean = g17(*h.lambda4_mean);
        const auto split_json = [](const HalfSplit& s) {
          return nlohmann::json{{"half_a", s.half_a}, {"r", json_num(s.r_halves)},
                                {"spearman_brown", json_num(s.spearman_brown)}, {"lambda4", json_num(s.lambda4)}};
        };
        j["split_half"] = {{"odd_even", split_json(h.odd_even)},
                           {"first_second", split_json(h.first_second)},
                           {"lambda4_max", json_opt(h.lambda4_max)},
                           {"lambda4_min", json_opt(h.lambda4_min)},
                           {"lambda4_mean", json_opt(h.lambda4_mean)},
                           {"n_splits", h.n_splits},
                           {"lambda2", json_num(h.lambda2)},
                           {"lambda6", json_num(h.lambda6)},
                           {"warnings", h.warnings}};
      } else {
        notes.push_back("split-half: " + n.split_half_error);
        j["split_half_error"] = n.split_half_error;
      }
      if (n.omega) {
        om_t = g17(n.omega->omega_observed), om_m = g17(n.omega->omega_model);
        j["omega"] = {{"omega_total", json_num(n.omega->omega_observed)},
                      {"omega_model", json_num(n.omega->omega_model)},
                      {"verdict", json_verdict(spec.thresholds.judge("omega", n.omega->omega_observed))},
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
      const auto v = n.omega ? spec.thresholds.judge("omega", n.omega->omega_observed) : std::nullopt;
      const auto short_num = [&](const std::string& full) { return full.empty() ? std::string() : num(std::stod(full), 3); };
      t2.rows.push_back({label, std::to_string(a.k), short_num(oe_sb), short_num(fs_sb), short_num(l4max),
                         short_num(om_t), short_num(om_m), short_num(om_h), v ? v->text(lang) : ""});
      std::string note;
      for (const auto& x : notes) note += (note.empty() ? "" : "; ") + x;
      c2.rows.push_back({n.id, std::to_string(a.k), oe_r, oe_sb, fs_r, fs_sb, l4max, l4min, l4mean, l2, om_t, om_m,
                         om_h, sl_t, sl_m, note});
    }
    for (const auto& w : a.warnings) warnings.push_back(fmt::format("node '{}': {}", n.id, w));
    jn.push_back(j);
  }
  nlohmann::json doc = json_header("reliability", spec);
  doc["options"] = {{"missing", ro.missing},
                    {"bootstrap", ro.bootstrap},
                    {"seed", ro.seed},
                    {"direction", "indicators with direction '-' multiplied by -1"}};
  doc["nodes"] = jn;
  doc["thresholds"] = {{"alpha", spec.thresholds.rule("alpha").describe(Lang::En)},
                       {"item_total_r", spec.thresholds.rule("item_total_r").describe(Lang::En)}};
  doc["warnings"] = warnings;

  OutputSet out(o.out);
  out.add("reliability.csv", c.csv());
  out.add("reliability.json", doc.dump(2) + "\n");
  out.add("split_half_omega.csv", c2.csv());
  if (o.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.format == "csv") {
    std::cout << c.csv();
  } else {
    std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                             tr(lang, "reliability (Cronbach's alpha per node)", "信度（各节点 Cronbach's α）"));
    std::cout << t.render();
    std::cout << tr(lang,
                    "Indicators with direction '-' multiplied by -1; covariances pairwise (psych 2.2.9), n = all "
                    "units; Feldt CI on raw_alpha.\n",
                    "方向为“-”的指标乘以 -1；协方差按成对删除（psych 2.2.9），n 为全部单位；Feldt 置信区间基于 raw_alpha。\n");
    std::cout << tr(lang, "Verdict on std.alpha: ", "标准化α评价标准：") << spec.thresholds.rule("alpha").describe(lang) << "\n";
    std::cout << "\n"
              << tr(lang, "Split-half reliability and McDonald's omega per node", "各节点折半信度与 McDonald's ω")
              << "\n"
              << t2.render();
    std::cout << tr(lang,
                    "SB = Spearman-Brown corrected correlation of the half totals (standardised items, psych "
                    "splitHalf); λ4 max over all splits for k <= 16; omega_total = 1 - Σθ/ΣR of a one-factor minres "
                    "fit (psych::omega, nfactors = 1), ω (model) = (Σλ)²/((Σλ)² + Σθ) (k >= 3); omega_h: "
                    "Schmid-Leiman with one group factor per sub-group (nodes with >= 2 sub-groups).\n",
                    "SB 为 Spearman-Brown 校正的两半总分相关（标准化指标，psych splitHalf）；λ4 最大值在 k <= 16 时遍历全部折半；"
                    "omega_total = 1 - Σθ/ΣR（单因子 minres，psych::omega nfactors = 1），ω（模型）= (Σλ)²/((Σλ)² + Σθ)（k >= 3）；"
                    "omega_h：Schmid-Leiman 法，每个子维度一个群因子（含 >= 2 个子维度的节点）。\n");
    std::cout << tr(lang, "Verdict on omega_total: ", "ω_total 评价标准：") << spec.thresholds.rule("omega").describe(lang)
              << "\n";
  }
  print_warnings("reliability", warnings);
  out.write();
}

}  // namespace

void setup_reliability(CLI::App& app) {
  auto opt = std::make_shared<ReliabilityOptions>();
  auto* sub = app.add_subcommand(
      "reliability",
      "Cronbach's alpha for every inner node of the tree on the indicators under it (direction-corrected): k, n, "
      "raw and standardised alpha, Feldt 95% CI, Guttman's lambda6 (G6), average inter-item r; JSON adds "
      "alpha-if-dropped and item statistics.");
  add_common_options(*sub, opt->common);
  sub->add_option("--bootstrap,-B", opt->bootstrap, "Bootstrap replicates for percentile and BCa CIs of raw alpha (0 = none)")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  sub->add_option("--seed", opt->seed, "Master seed of the bootstrap streams")->capture_default_str();
  sub->add_option("--missing", opt->missing, "Missing values: pairwise (psych) or listwise")
      ->check(CLI::IsMember({"pairwise", "listwise"}))
      ->capture_default_str();
  sub->callback([opt] { run_reliability(*opt); });
}

}  // namespace cikit::cli
