// cikit sensitivity SPEC: how robust is the ranking? Monte Carlo over the modelling assumptions
// declared in the spec's `uncertainty:` block (or options) with Sobol' indices, a bootstrap over
// units, and leave-one-out structure checks. Thin front end over pipeline::run_sensitivity().
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/sensitivity.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"
#include "methods/sensitivity/sobol_convergence.hpp"

namespace cikit::cli {

namespace {

struct SensitivityCliOptions {
  CommonOptions common;
  pipeline::SensitivityOptions run;  ///< the analysis options (spec and out from `common`)
  double weight_noise = std::numeric_limits<double>::quiet_NaN();  // NaN = not given
  double dirichlet = std::numeric_limits<double>::quiet_NaN();
  double ahp_reject_cr = -1.0;  // < 0 = not given
  bool no_loo = false;
  int top = 20;
};

std::string rank_text(int r) { return r > 0 ? std::to_string(r) : "NA"; }

/// The unit's input with the largest total-order index of its rank, named only when that index
/// converged (sobol_convergence.hpp: CI when bootstrapped, change from N/2 to N) and is <= 1.
std::string dominant_text(const MonteCarloResult& mc, int d, Eigen::Index u, double tol, Lang lang) {
  if (d < 0) return "-";
  const SobolIndices& su = *mc.sobol_unit_ranks;
  const IndexConvergence c = sobol_convergence_status(su, u, tol).total[static_cast<std::size_t>(d)];
  if (!c.converged || c.above_one)
    return tr(lang, "not established (not converged)", "未确定（未收敛）");
  return fmt::format("{} ({:.2f})", mc.input_names[static_cast<std::size_t>(d)], su.total(d, u));
}

/// Human table of the units in rank order (the first `shown`).
TextTable units_table(const pipeline::SensitivityRun& run, Lang lang, std::size_t shown) {
  const SensitivityAnalysis& a = run.analysis;
  const MonteCarloResult* mc = a.monte_carlo ? &*a.monte_carlo : nullptr;
  const IndexBootstrapResult* bs = a.bootstrap ? &*a.bootstrap : nullptr;
  const LeaveOneOutResult* loo = a.leave_one_out ? &*a.leave_one_out : nullptr;
  TextTable t;
  t.header = {tr(lang, "Rank", "名次"), tr(lang, "Unit", "单位")};
  t.right_align = {true, false};
  const auto column = [&t](const std::string& h, bool right) {
    t.header.push_back(h);
    t.right_align.push_back(right);
  };
  if (mc)
    for (const char* h : {"MC mean", "MC median", "MC 5–95%"}) column(h, true);
  if (bs && bs->ranks) column(tr(lang, "Bootstrap 95%", "Bootstrap 95%"), true);
  if (!run.dominant.empty()) column(tr(lang, "Main driver (S_T)", "主要来源 (S_T)"), false);
  if (loo) column(tr(lang, "LOO most moving", "剔除影响最大"), false);
  for (std::size_t k = 0; k < shown; ++k) {
    const Eigen::Index u = run.order[k];
    const auto iu = static_cast<std::size_t>(u);
    std::vector<std::string> row{rank_text(a.nominal_ranks(u)), run.data.unit_name(u, lang_code(lang))};
    if (mc) {
      const auto& rs = mc->rank_stats;
      row.push_back(num(rs.mean(u), 1));
      row.push_back(num(rs.median(u), 1));
      row.push_back(num(rs.lower(u), 0) + "–" + num(rs.upper(u), 0));
    }
    if (bs && bs->ranks) row.push_back(num(bs->ranks->lower(u), 0) + "–" + num(bs->ranks->upper(u), 0));
    if (mc && mc->sobol_unit_ranks) row.push_back(dominant_text(*mc, run.dominant[iu], u, run.sobol_tolerance, lang));
    if (loo) {
      const int r = loo->most_moving_row[iu];
      row.push_back(r >= 0 ? fmt::format("{} ({:+d})", loo->rows[static_cast<std::size_t>(r)].id,
                                         loo->most_moving_shift(u))
                           : "-");
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

/// Human table of the Sobol' indices of the mean absolute rank shift (empty without them).
TextTable sobol_table(const pipeline::SensitivityRun& run, Lang lang) {
  TextTable st;
  const auto& mc = run.analysis.monte_carlo;
  if (!mc || !mc->sobol_rank_shift) return st;
  const auto& s = *mc->sobol_rank_shift;
  st.header = {tr(lang, "Input", "输入"), "S_i", "95% CI", tr(lang, "Status", "收敛状态"), "S_Ti", "95% CI",
               tr(lang, "Status", "收敛状态")};
  st.right_align = {false, true, true, false, true, true, false};
  const SobolConvergenceStatus cs = sobol_convergence_status(s, 0, run.sobol_tolerance);
  const auto status = [&](const IndexConvergence& c) {
    if (c.converged) return std::string(tr(lang, "converged", "已收敛"));
    std::string why;
    const auto add = [&why, lang](const std::string& w) { why += (why.empty() ? "" : tr(lang, "; ", "；")) + w; };
    if (c.reasons & kCiIncludesZero) add(tr(lang, "CI includes 0", "区间含0"));
    if (c.reasons & kCiTooWide) add(trf(lang, "half-width > {:.2f}", "半宽 > {:.2f}", cs.tolerance));
    if (c.reasons & kUnstable) add(trf(lang, "N/2→N change > {:.2f}", "N/2→N变化 > {:.2f}", cs.tolerance));
    if (c.above_one) add(tr(lang, "S_T > 1: estimator noise", "S_T > 1：估计误差"));
    return trf(lang, "not converged ({})", "未收敛（{}）", why);
  };
  for (int i = 0; i < static_cast<int>(mc->input_names.size()); ++i) {
    std::string fci = "", tci = "";
    if (s.bootstrap_resamples > 0) {
      fci = "[" + num(s.first_lower(i, 0), 3) + ", " + num(s.first_upper(i, 0), 3) + "]";
      tci = "[" + num(s.total_lower(i, 0), 3) + ", " + num(s.total_upper(i, 0), 3) + "]";
    }
    st.rows.push_back({mc->input_names[static_cast<std::size_t>(i)], num(s.first(i, 0), 3), fci,
                       status(cs.first[static_cast<std::size_t>(i)]), num(s.total(i, 0), 3), tci,
                       status(cs.total[static_cast<std::size_t>(i)])});
  }
  return st;
}

/// Below the Sobol' table: how many indices are not converged and the N (runs) the rule needs.
std::string sobol_needed_line(const MonteCarloResult& mc, double tol, Lang lang) {
  const SobolConvergenceStatus cs = sobol_convergence_status(*mc.sobol_rank_shift, 0, tol);
  if (cs.all_converged())
    return trf(lang, "Every index converged (tolerance {:.2f}).\n", "全部指数均已收敛（容差 {:.2f}）。\n", cs.tolerance);
  std::string s = trf(lang, "{} of {} indices not converged at N = {} (tolerance {:.2f}); ",
                      "N = {2} 时 {1} 个指数中 {0} 个未收敛（容差 {3:.2f}）；", cs.not_converged(), 2 * cs.inputs, cs.n,
                      cs.tolerance);
  if (cs.n_needed > 0)
    return s + trf(lang, "expected to converge at about N = {} ({} runs: --sobol {}).\n",
                   "预计约在 N = {}（{} 次运行：--sobol {}）时收敛。\n", cs.n_needed, cs.runs(cs.n_needed), cs.n_needed);
  return s + tr(lang, "the N needed cannot be estimated (an index consistent with 0).\n",
                "所需 N 无法估计（有指数与 0 无法区分）。\n");
}

/// Human table of the bootstrap intervals of weights and reliability (empty without bootstrap).
TextTable bootstrap_table(const pipeline::SensitivityRun& run, Lang lang) {
  TextTable bt;
  bt.header = {tr(lang, "Statistic", "统计量"), tr(lang, "Node", "节点"), tr(lang, "Estimate", "估计"),
               tr(lang, "Percentile 95%", "百分位 95%"), "BCa 95%", "B"};
  bt.right_align = {false, false, true, true, true, true};
  if (!run.analysis.bootstrap) return bt;
  const auto add = [&bt](const NodeStatisticInterval& s) {
    const auto& iv = s.interval;
    bt.rows.push_back({s.statistic, s.node_id, num(iv.estimate, 3),
                       "[" + num(iv.percentile_lower, 3) + ", " + num(iv.percentile_upper, 3) + "]",
                       iv.bca_available ? "[" + num(iv.bca_lower, 3) + ", " + num(iv.bca_upper, 3) + "]" : "NA",
                       std::to_string(iv.replicates_used)});
  };
  for (const auto& s : run.analysis.bootstrap->weights) add(s);
  for (const auto& s : run.analysis.bootstrap->reliability) add(s);
  return bt;
}

/// Human table of the leave-one-out rows, largest shifts first (the first `top`; 0 = all).
TextTable leave_one_out_table(const LeaveOneOutResult& loo, Lang lang, int top) {
  TextTable lt;
  lt.header = {tr(lang, "Removed", "剔除"), tr(lang, "Kind", "类型"), "R̄s", "max |shift|"};
  lt.right_align = {false, false, true, true};
  std::vector<std::size_t> idx(loo.rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
    return loo.rows[x].mean_abs_rank_shift > loo.rows[y].mean_abs_rank_shift;
  });
  for (std::size_t i = 0; i < idx.size() && (top <= 0 || i < static_cast<std::size_t>(top)); ++i) {
    const auto& r = loo.rows[idx[i]];
    lt.rows.push_back({r.id, r.kind, r.computed ? num(r.mean_abs_rank_shift, 2) : "NA",
                       r.computed ? std::to_string(r.max_abs_rank_shift) : "NA"});
  }
  return lt;
}

void print_summary(const pipeline::SensitivityRun& run, Lang lang) {
  const SensitivityAnalysis& a = run.analysis;
  std::cout << fmt::format("{}\n", run.spec.label.get(lang, run.spec.id));
  std::cout << trf(lang, "Sensitivity analysis, seed {}, {} units\n", "敏感性分析，随机种子 {}，{} 个单位\n", a.seed,
                   run.data.n_units());
  if (a.monte_carlo) {
    const MonteCarloResult& mc = *a.monte_carlo;
    std::cout << trf(lang, "Monte Carlo: {} runs ({} design, N = {}, k = {}); {} failed; rank statistics use {} runs "
                           "(A and B); mean absolute rank shift R̄s = {:.3f}\n",
                     "蒙特卡洛：{} 次运行（{}设计，N = {}，k = {}）；失败 {} 次；名次统计使用 {} 次运行（A、B）；平均绝对名次变动 R̄s = {:.3f}\n",
                     mc.runs, a.design == DesignKind::Sobol ? "Sobol'" : "random", mc.n, mc.input_names.size(),
                     mc.failures.size(), mc.rank_stats_runs, mc.mean_rank_shift);
    for (const auto& in : run.inputs.inputs) std::cout << fmt::format("  {}: {}\n", in.name, pipeline::input_description(in));
    if (mc.judgment_draws > 0)
      std::cout << trf(lang, "  AHP judgment draws: {} ({} rejected for CR)\n", "  AHP 判断抽样：{} 次（因 CR 拒绝 {} 次）\n",
                       mc.judgment_draws, mc.judgment_rejected);
  }
  if (a.bootstrap)
    std::cout << trf(lang, "Bootstrap over units: B = {}, {} failed; {}\n", "单位 Bootstrap：B = {}，失败 {} 次；{}\n",
                     a.bootstrap->replicates, a.bootstrap->failures.size(), a.bootstrap->scoring_rule);
}

void print_tables(const pipeline::SensitivityRun& run, Lang lang, int top) {
  print_summary(run, lang);
  const std::size_t n = run.order.size();
  const std::size_t shown = top <= 0 ? n : std::min<std::size_t>(n, static_cast<std::size_t>(top));
  std::cout << "\n" << units_table(run, lang, shown).render();
  if (shown < n)
    std::cout << trf(lang, "... {} more units (--top 0 shows all; --out DIR writes rank_intervals.csv)\n",
                     "……另有 {} 个单位（--top 0 显示全部；--out DIR 输出 rank_intervals.csv）\n", n - shown);
  if (const TextTable st = sobol_table(run, lang); !st.rows.empty())
    std::cout << "\n" << tr(lang, "Sobol' indices of the mean absolute rank shift R̄s (bootstrap 95% CI):\n",
                            "平均绝对名次变动 R̄s 的 Sobol' 指数（bootstrap 95% 置信区间）：\n")
              << st.render() << sobol_needed_line(*run.analysis.monte_carlo, run.sobol_tolerance, lang);
  if (const TextTable bt = bootstrap_table(run, lang); !bt.rows.empty())
    std::cout << "\n" << tr(lang, "Bootstrap over units:\n", "单位 Bootstrap：\n") << bt.render();
  if (run.analysis.leave_one_out)
    std::cout << "\n" << tr(lang, "Leave one out (largest shifts first):\n", "逐一剔除（按变动从大到小）：\n")
              << leave_one_out_table(*run.analysis.leave_one_out, lang, top).render();
}

void run_sensitivity(const SensitivityCliOptions& o) {
  pipeline::SensitivityOptions po = o.run;
  po.spec = o.common.spec;
  po.out = o.common.out;
  if (!std::isnan(o.weight_noise)) po.weight_noise = o.weight_noise;
  if (!std::isnan(o.dirichlet)) po.dirichlet = o.dirichlet;
  if (o.ahp_reject_cr >= 0.0) po.ahp_reject_cr = o.ahp_reject_cr;
  po.leave_one_out = !o.no_loo;
  po.lang = o.common.language();
  const Lang bar_lang = o.common.language();
  ProgressBar bar("cikit sensitivity: " + report::msg("cli.stage.runs", bar_lang));
  po.progress = [&bar](std::ptrdiff_t d, std::ptrdiff_t t) { bar(d, t); };
  ProgressBar boot_bar("cikit sensitivity: " + report::msg("cli.stage.bootstrap", bar_lang));
  po.bootstrap_progress = [&boot_bar](std::ptrdiff_t d, std::ptrdiff_t t) { boot_bar(d, t); };
  const pipeline::SensitivityRun run = pipeline::run_sensitivity(po);
  const Lang lang = o.common.language();
  if (o.common.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.units_csv.csv();
  else print_tables(run, lang, o.top);
  for (const auto& n : run.notes) std::cerr << "cikit sensitivity: " << tr(lang, "note: ", "说明：") << n << "\n";
  print_warnings("sensitivity", report::localised_warnings(run.warnings, {}, run.spec.tree, &run.data, lang), lang);
  run.outputs.write();
  if (run.outputs.enabled() && o.common.format == "table")
    std::cout << trf(lang, "Wrote sensitivity.json and CSV files to {}\n", "已写出 sensitivity.json 与 CSV 文件至 {}\n",
                     o.common.out);
}

/// The options naming methods to vary (--normalize-set, --weights-set, --aggregate-set, --impute-set).
void add_method_sets(CLI::App* sub, pipeline::SensitivityOptions& o) {
  sub->add_option("--normalize-set", o.normalize_set, "Normalisations to vary: " + method_names(normalize_methods()))
      ->delimiter(',')
      ->check(CLI::IsMember(names_of(normalize_methods())));
  std::vector<std::string> wnames, anames;
  for (const auto& m : weight_methods()) wnames.emplace_back(m.name);
  for (const auto& m : aggregate_methods()) anames.emplace_back(m.name);
  sub->add_option("--weights-set", o.weights_set, "Weighting schemes to vary: " + method_names(weight_methods()))
      ->delimiter(',')
      ->check(CLI::IsMember(wnames));
  sub->add_option("--aggregate-set", o.aggregate_set,
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
  sub->add_option("--impute-set", o.impute_set,
                  "Imputations of missing values to vary: " + method_names(impute_methods()) +
                      " (group_mean needs methods.treat.group)")
      ->delimiter(',')
      ->check(CLI::IsMember(inames));
}

}  // namespace

void setup_sensitivity(CLI::App& app) {
  auto opt = std::make_shared<SensitivityCliOptions>();
  pipeline::SensitivityOptions& r = opt->run;
  auto* sub = app.add_subcommand(
      "sensitivity",
      "Robustness of the ranking: Monte Carlo over the modelling assumptions of the spec's `uncertainty:` block "
      "(or the options below) with Sobol' indices, a bootstrap over units, and leave-one-out checks");
  add_common_options(*sub, opt->common);
  sub->add_option("--replicates,-R", r.replicates,
                  "Model runs R of the Monte Carlo/Sobol' design (default: uncertainty.replicates or 10000). A "
                  "Saltelli design with k inputs makes N(k + 2) runs, N a power of 2: N is the smallest with "
                  "N(k + 2) >= R, so R is rounded up (e.g. R = 2000, k = 4: N = 512, 3072 runs) and a note on "
                  "stderr states the runs made; --sobol sets N directly")
      ->check(CLI::PositiveNumber);
  sub->add_option("--sobol", r.sobol, "Base size N of the Saltelli design (N(k + 2) runs; overrides --replicates)")
      ->check(CLI::Range(2L, 1L << 24));
  sub->add_option("--bootstrap,-B", r.bootstrap, "Bootstrap resamples over units (default 1000; 0 = none)")
      ->check(CLI::Range(0L, 1000000L));
  sub->add_option("--sobol-bootstrap", r.sobol_bootstrap, "Bootstrap resamples of the Sobol' indices' CIs")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->add_option("--sobol-tolerance", r.sobol_tolerance,
                  "Tolerance of the Sobol' convergence rule: an index is converged when its 95% CI half-width and "
                  "its change from N/2 to N are at most this (and a first-order CI excludes 0)")
      ->check(CLI::Range(1e-6, 0.999999))
      ->capture_default_str();
  sub->add_option("--unit-sobol-bootstrap", r.unit_sobol_bootstrap,
                  "Bootstrap resamples of the CIs of every unit's Sobol' indices (0 = point estimates; costs "
                  "B·N·k·units)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->add_option_function<std::uint64_t>(
      "--seed", [opt](const std::uint64_t& s) { opt->run.seed = s; },
      "Master seed (default: methods.seed of the spec, else 20221219)");
  sub->add_option("--threads,-j", r.threads, "Threads (0 = all); results do not depend on it")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  add_method_sets(sub, r);
  sub->add_option("--exclude", r.exclude, "Indicator exclusion: 'any' (none or any one) or a list: none,ID,...")
      ->delimiter(',');
  auto* wn = sub->add_option("--weight-noise", opt->weight_noise,
                             "Perturb every local weight uniformly within ±P % and renormalise (0 < P < 100)");
  auto* dz = sub->add_option("--dirichlet", opt->dirichlet,
                             "Perturb weights as Dirichlet around them with this concentration (> 0)");
  wn->excludes(dz);
  sub->add_flag("--ahp-perturb", r.ahp_perturb, "Perturb every AHP judgment by ±steps on Saaty's scale");
  sub->add_option("--ahp-steps", r.ahp_steps, "Steps of --ahp-perturb (1..8)")->capture_default_str();
  sub->add_option("--ahp-reject-cr", opt->ahp_reject_cr,
                  "Reject and redraw perturbed judgments with a CR above this (e.g. 0.1; counted)");
  sub->add_flag("--no-loo", opt->no_loo, "Skip the leave-one-out checks");
  sub->add_flag("--bootstrap-omega", r.bootstrap_omega,
                "Also bootstrap one-factor omega_total per node with >= 3 indicators (a factor fit per node and "
                "replicate: slow, ~10 s of CPU for B = 1000 on the example)");
  sub->add_option("--top", opt->top, "Rows of the tables on stdout (0 = all)")->capture_default_str();
  sub->callback([opt] {
    // Pure syntax of the option's tokens: a usage error, found before anything is read.
    if (const std::string e = pipeline::aggregate_set_error(opt->run.aggregate_set); !e.empty())
      throw CLI::ValidationError("--aggregate-set", e);
    run_sensitivity(*opt);
  });
}

}  // namespace cikit::cli
