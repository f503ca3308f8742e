// cikit reliability SPEC: Cronbach's alpha for every inner node of the tree on the indicators
// under it, one row per node. Thin front end over pipeline::run_reliability().
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/reliability.hpp"

namespace cikit::cli {

namespace {

struct ReliabilityCliOptions {
  CommonOptions common;
  int bootstrap = 0;                    ///< --bootstrap B (0 = none)
  std::uint64_t seed = kDefaultSeed;    ///< --seed
  std::string missing = "pairwise";     ///< --missing pairwise|listwise
  std::vector<std::string> statistics = {"alpha", "split-half", "omega"};  ///< --statistics
};

/// Human table of alpha per node (one language).
TextTable alpha_table(const pipeline::ReliabilityRun& run, Lang lang, bool bootstrap) {
  const Spec& spec = run.spec;
  TextTable t;
  t.header = {tr(lang, "Node", "节点"), "k", "n", "raw_alpha", "std.alpha", tr(lang, "Feldt 95% CI", "Feldt 95% 置信区间"),
              "G6(smc)", "average_r", tr(lang, "Verdict (std.alpha)", "评价(标准化α)")};
  t.right_align = {false, true, true, true, true, true, true, true, false};
  if (bootstrap) {
    t.header.push_back(tr(lang, "Bootstrap BCa 95% CI", "Bootstrap BCa 95% 置信区间"));
    t.right_align.push_back(true);
  }
  for (const auto& n : run.nodes) {
    const Node& node = spec.tree.node(n.node);
    const std::string label = std::string(static_cast<std::size_t>(2 * n.depth), ' ') + node.label.get(lang, node.id);
    if (!n.result) {
      t.rows.push_back({label, std::to_string(n.indicators.size()), "", tr(lang, "not computed", "未计算"), "", "", "",
                        "", ""});
      if (bootstrap) t.rows.back().push_back("");
      continue;
    }
    const AlphaResult& a = *n.result;
    const auto verdict = spec.thresholds.judge("alpha", a.std_alpha);
    t.rows.push_back({label, std::to_string(a.k), std::to_string(a.n_obs), num(a.raw_alpha, 3), num(a.std_alpha, 3),
                      a.feldt ? fmt::format("[{}, {}]", num(a.feldt->lower, 3), num(a.feldt->upper, 3)) : "",
                      num(a.g6_smc, 3), num(a.average_r, 3), verdict ? verdict->text(lang) : ""});
    if (bootstrap)
      t.rows.back().push_back(a.bootstrap && a.bootstrap->bca
                                  ? fmt::format("[{}, {}]", num(a.bootstrap->bca->interval.lower, 3),
                                                num(a.bootstrap->bca->interval.upper, 3))
                                  : "");
  }
  return t;
}

/// Human table of split-half reliability and omega per computed node.
TextTable split_half_table(const pipeline::ReliabilityRun& run, Lang lang) {
  const Spec& spec = run.spec;
  TextTable t;
  t.header = {tr(lang, "Node", "节点"), "k", tr(lang, "odd-even SB", "奇偶折半 SB"),
              tr(lang, "first-second SB", "前后折半 SB"), tr(lang, "λ4 max", "λ4 最大"), "omega_total",
              tr(lang, "ω (model)", "ω（模型）"), "omega_h", tr(lang, "Verdict (ω_total)", "评价(ω_total)")};
  t.right_align = {false, true, true, true, true, true, true, true, false};
  const auto opt = [](const auto& o, auto value) { return o ? num(value(*o), 3) : std::string(); };
  for (const auto& n : run.nodes) {
    if (!n.result) continue;
    const Node& node = spec.tree.node(n.node);
    const std::string label = std::string(static_cast<std::size_t>(2 * n.depth), ' ') + node.label.get(lang, node.id);
    const auto& h = n.split_half;
    const auto v = n.omega ? spec.thresholds.judge("omega", n.omega->omega_observed) : std::nullopt;
    t.rows.push_back({label, std::to_string(n.result->k),
                      opt(h, [](const SplitHalfResult& x) { return x.odd_even.spearman_brown; }),
                      opt(h, [](const SplitHalfResult& x) { return x.first_second.spearman_brown; }),
                      h && h->lambda4_max ? num(*h->lambda4_max, 3) : "",
                      opt(n.omega, [](const OmegaOneFactorResult& x) { return x.omega_observed; }),
                      opt(n.omega, [](const OmegaOneFactorResult& x) { return x.omega_model; }),
                      opt(n.omega_sl, [](const OmegaSlResult& x) { return x.omega_h; }), v ? v->text(lang) : ""});
  }
  return t;
}

void print_tables(const pipeline::ReliabilityRun& run, Lang lang, bool bootstrap) {
  const Spec& spec = run.spec;
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                           tr(lang, "reliability (Cronbach's alpha per node)", "信度（各节点 Cronbach's α）"));
  std::cout << alpha_table(run, lang, bootstrap).render();
  std::cout << tr(lang,
                  "Indicators with direction '-' multiplied by -1; covariances pairwise (psych 2.2.9), n = all "
                  "units; Feldt CI on raw_alpha.\n",
                  "方向为“-”的指标乘以 -1；协方差按成对删除（psych 2.2.9），n 为全部单位；Feldt 置信区间基于 raw_alpha。\n");
  std::cout << tr(lang, "Verdict on std.alpha: ", "标准化α评价标准：") << spec.thresholds.rule("alpha").describe(lang) << "\n";
  if (!run.split_half && !run.omega) return;  // --statistics alpha: the second table was not asked for
  std::cout << "\n"
            << tr(lang, "Split-half reliability and McDonald's omega per node", "各节点折半信度与 McDonald's ω") << "\n"
            << split_half_table(run, lang).render();
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

void run_reliability(const ReliabilityCliOptions& ro) {
  const CommonOptions& o = ro.common;
  // A usage error (exit 2), before reading anything; the pipeline checks the same for Python.
  if (std::find(ro.statistics.begin(), ro.statistics.end(), "alpha") == ro.statistics.end())
    throw CLI::ValidationError("--statistics", "must include alpha (split-half and omega come on top of it)");
  const pipeline::ReliabilityRun run =
      pipeline::run_reliability({.spec = o.spec, .out = o.out, .bootstrap = ro.bootstrap, .seed = ro.seed,
                                 .missing = ro.missing, .statistics = ro.statistics});
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.csv.csv();
  else print_tables(run, o.language(), ro.bootstrap > 0);
  print_warnings("reliability", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_reliability(CLI::App& app) {
  auto opt = std::make_shared<ReliabilityCliOptions>();
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
  sub->add_option("--statistics", opt->statistics,
                  "Statistics per node, comma-separated: alpha (required: alpha and its companions, item statistics, "
                  "alpha if dropped, CIs; reliability.csv), split-half, omega (split_half_omega.csv and the second "
                  "table). Default all three; e.g. --statistics alpha for what psych::alpha reports, which skips the "
                  "minres fits of omega")
      ->delimiter(',')
      ->check(CLI::IsMember({"alpha", "split-half", "omega"}))
      ->capture_default_str();
  sub->callback([opt] { run_reliability(*opt); });
}

}  // namespace cikit::cli
