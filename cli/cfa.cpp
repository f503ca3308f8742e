// cikit cfa SPEC: confirmatory factor analysis of the tree's measurement model (lavaan cfa()
// conventions). Thin front end over pipeline::run_cfa().
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <utility>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/cfa.hpp"

namespace cikit::cli {

namespace {

struct CfaCliOptions {
  CommonOptions common;
  std::string observed;       ///< --observed indicators|node_scores
  int level = 0;              ///< --level N (0 = spec/default)
  bool second_order = false;  ///< --second-order
  std::string estimator;      ///< --estimator ml|mlr
  std::string missing;        ///< --missing listwise|fiml
  int top_mi = 10;            ///< --mi K
};

std::string verdict_text(const std::optional<ValueVerdict>& v, Lang lang) { return v ? v->text(lang) : ""; }

TextTable fit_table(const pipeline::CfaRun& run, Lang lang) {
  const cfa::CfaFit& f = run.fit;
  const VerdictTable& vt = run.spec.thresholds;
  TextTable t;
  t.header = {tr(lang, "Index", "指标"), tr(lang, "Value", "值"), tr(lang, "Verdict", "评价")};
  t.right_align = {false, true, false};
  // Verdicts as A15 and the JSON fit_verdicts: under MLR on the scaled chi-square per df and the
  // robust CFI, TLI and RMSEA; SRMR always.
  const bool robust = run.estimator == "mlr";
  auto judged = [&](const char* id, double v) { return robust ? std::string() : verdict_text(vt.judge(id, v), lang); };
  const double cd = f.measure("chisq") / f.measure("df");
  t.rows.push_back({"χ²", num(f.measure("chisq"), 3), ""});
  t.rows.push_back({"df", num(f.measure("df"), 0), ""});
  t.rows.push_back({"p", num(f.measure("pvalue"), 4), ""});
  t.rows.push_back({"χ²/df", num(cd, 3), judged("chisq_df", cd)});
  t.rows.push_back({"CFI", num(f.measure("cfi"), 3), judged("cfi", f.measure("cfi"))});
  t.rows.push_back({"TLI", num(f.measure("tli"), 3), judged("tli", f.measure("tli"))});
  t.rows.push_back({"NFI", num(f.measure("nfi"), 3), ""});
  t.rows.push_back({"IFI", num(f.measure("ifi"), 3), ""});
  t.rows.push_back({"RMSEA", num(f.measure("rmsea"), 3), judged("rmsea", f.measure("rmsea"))});
  t.rows.push_back({tr(lang, "RMSEA 90% CI", "RMSEA 90% 置信区间"),
                    fmt::format("[{}, {}]", num(f.measure("rmsea.ci.lower"), 3), num(f.measure("rmsea.ci.upper"), 3)), ""});
  t.rows.push_back({tr(lang, "p(close fit)", "p(近似拟合)"), num(f.measure("rmsea.pvalue"), 3), ""});
  t.rows.push_back({"SRMR", num(f.measure("srmr"), 3), verdict_text(vt.judge("srmr", f.measure("srmr")), lang)});
  if (!robust && !f.fiml) {  // GFI/AGFI: complete-data ML only (lavaan gives NA with FIML)
    t.rows.push_back({"GFI", num(f.measure("gfi"), 3), ""});
    t.rows.push_back({"AGFI", num(f.measure("agfi"), 3), ""});
  }
  if (robust) {
    const double csd = f.measure("chisq.scaled") / f.measure("df");
    t.rows.push_back({tr(lang, "χ² scaled (Yuan-Bentler)", "校正χ²（Yuan-Bentler）"), num(f.measure("chisq.scaled"), 3), ""});
    t.rows.push_back({tr(lang, "scaling factor", "校正因子"), num(f.measure("chisq.scaling.factor"), 4), ""});
    t.rows.push_back({tr(lang, "χ² scaled/df", "校正χ²/df"), num(csd, 3), verdict_text(vt.judge("chisq_df", csd), lang)});
    for (const auto& [k, label] : {std::pair{"cfi", "CFI"}, std::pair{"tli", "TLI"}, std::pair{"rmsea", "RMSEA"}}) {
      const std::string name = std::string(k) + ".robust";
      t.rows.push_back({std::string(label) + tr(lang, " (robust)", "（稳健）"), num(f.measure(name), 3),
                        verdict_text(vt.judge(k, f.measure(name)), lang)});
    }
    t.rows.push_back({tr(lang, "CFI (scaled)", "CFI（校正）"), num(f.measure("cfi.scaled"), 3), ""});
  }
  t.rows.push_back({"AIC", num(f.measure("aic"), 2), ""});
  t.rows.push_back({"BIC", num(f.measure("bic"), 2), ""});
  t.rows.push_back({"N", num(f.measure("ntotal"), 0), ""});
  return t;
}

TextTable loadings_table(const pipeline::CfaRun& run, Lang lang) {
  TextTable t;
  t.header = {tr(lang, "Factor", "因子"), tr(lang, "Indicator", "指标"), "est", "se", "z", "p", "std.all", "R²"};
  t.right_align = {false, false, true, true, true, true, true, true};
  for (const auto& e : run.fit.estimates) {
    if (e.kind != cfa::ParKind::Loading && e.kind != cfa::ParKind::Regression) continue;
    const bool ind = e.kind == cfa::ParKind::Loading;
    t.rows.push_back({e.lhs, e.rhs, num(e.est, 3), e.free ? num(e.se, 3) : "—", e.free ? num(e.z, 2) : "—",
                      e.free ? num(e.pvalue, 3) : "—", num(e.std_all, 3), ind ? num(run.fit.r2(e.row), 3) : ""});
  }
  return t;
}

TextTable validity_table(const pipeline::CfaRun& run, Lang lang) {
  const VerdictTable& vt = run.spec.thresholds;
  TextTable t;
  t.header = {tr(lang, "Factor", "因子"), "k", "CR", "AVE", "√AVE", tr(lang, "Fornell–Larcker", "Fornell–Larcker 准则")};
  t.right_align = {false, true, true, true, true, false};
  for (std::size_t f = 0; f < run.validity.size(); ++f) {
    const auto& v = run.validity[f];
    t.rows.push_back({v.label.get(lang, v.factor), std::to_string(v.k), num(v.cr, 3) + " " + verdict_text(vt.judge("cr", v.cr), lang),
                      num(v.ave, 3) + " " + verdict_text(vt.judge("ave", v.ave), lang), num(std::sqrt(v.ave), 3),
                      v.fornell_larcker_ok ? tr(lang, "met", "满足") : tr(lang, "not met", "不满足")});
  }
  return t;
}

TextTable mi_table(const pipeline::CfaRun& run, Lang lang) {
  TextTable t;
  t.header = {tr(lang, "Parameter", "参数"), "MI", "EPC", "sepc.all"};
  t.right_align = {false, true, true, true};
  for (const auto& m : run.mi)
    t.rows.push_back({m.lhs + " " + m.op + " " + m.rhs, num(m.mi, 3), num(m.epc, 3), num(m.sepc_all, 3)});
  return t;
}

void print_tables(const pipeline::CfaRun& run, Lang lang) {
  const auto& f = run.fit;
  std::cout << fmt::format("{} — {} ({}, {}, N = {})\n", run.spec.label.get(lang, run.spec.id),
                           tr(lang, "confirmatory factor analysis", "验证性因子分析"), run.estimator, run.missing, run.n_used);
  if (run.observed == "node_scores")
    std::cout << tr(lang, "Observed variables: the index's scores of the nodes one level below each factor (parcels)\n",
                    "观测变量：各因子下一层节点的指数得分（题目打包）\n");
  if (!f.converged) {
    std::cout << tr(lang, "NOT CONVERGED: the fit indices are not valid and are not shown.\n",
                    "未收敛：拟合指标无效，不予显示。\n");
  } else {
    std::cout << fmt::format("{} ({} {})\n", tr(lang, "Model fit", "模型拟合"), f.iterations,
                             tr(lang, "iterations, converged", "次迭代，已收敛"))
              << fit_table(run, lang).render();
  }
  std::cout << "\n" << tr(lang, "Loadings (first loading of each factor fixed to 1)", "因子载荷（各因子首个载荷固定为 1）")
            << "\n" << loadings_table(run, lang).render();
  std::cout << "\n" << tr(lang, "Composite reliability, AVE (standardised CFA loadings)", "组合信度与平均方差提取量（标准化 CFA 载荷）")
            << "\n" << validity_table(run, lang).render();
  if (!run.mi.empty())
    std::cout << "\n" << tr(lang, "Largest modification indices", "最大的修正指数") << "\n" << mi_table(run, lang).render();
  for (const char* k : {"chisq_df", "cfi", "tli", "rmsea", "srmr"})
    std::cout << run.spec.thresholds.rule(k).describe(lang) << "\n";
}

void run_cfa_cli(const CfaCliOptions& co) {
  const CommonOptions& o = co.common;
  pipeline::CfaOptions po{.spec = o.spec, .out = o.out};
  if (co.level > 0) po.level = co.level;
  if (co.second_order) po.second_order = true;
  po.observed = co.observed;
  po.estimator = co.estimator;
  po.missing = co.missing;
  po.top_mi = co.top_mi;
  const pipeline::CfaRun run = pipeline::run_cfa(po);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.fit_csv.csv();
  else print_tables(run, o.language());
  print_warnings("cfa", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_cfa(CLI::App& app) {
  auto opt = std::make_shared<CfaCliOptions>();
  auto* sub = app.add_subcommand(
      "cfa",
      "Confirmatory factor analysis of the tree's measurement model (lavaan cfa() conventions): chi-square, CFI, TLI, "
      "RMSEA with 90% CI, SRMR, loadings with SEs and standardised values, CR/AVE, Fornell-Larcker, HTMT, "
      "modification indices.");
  add_common_options(*sub, opt->common);
  sub->add_option("--observed", opt->observed,
                  "What the factors are measured by: indicators (the tree's indicators, oriented by direction; "
                  "default unless the spec's cfa.observed says otherwise) or node_scores (parcels: each factor's observed variables are the index's scores of "
                  "the nodes one level below it, normalised and aggregated as `cikit index` builds them; use it when "
                  "the indicator-level model has more free parameters than units or a group with one indicator)")
      ->check(CLI::IsMember({"indicators", "node_scores"}));
  sub->add_option("--level", opt->level,
                  "Tree level whose groups are the factors (default: the spec's cfa.level, else the indicators' "
                  "parents; with --observed node_scores: 1, the dimensions)")
      ->check(CLI::Range(1, 100));
  sub->add_flag("--second-order", opt->second_order,
                "Add the next level up as second-order factor(s) (for a two-level tree: one general factor); also "
                "the spec's cfa.second_order");
  sub->add_option("--estimator", opt->estimator,
                  "ml (maximum likelihood) or mlr (Huber-White robust SEs, Yuan-Bentler scaled chi-square, robust "
                  "CFI/TLI/RMSEA, which the verdicts then judge); default: the spec's cfa.estimator, else ml")
      ->check(CLI::IsMember({"ml", "mlr"}));
  sub->add_option("--missing", opt->missing,
                  "listwise (drop units with a missing value in the model's variables) or fiml (full-information ML "
                  "on every unit with an observed value, lavaan missing = \"ml\"); default: the spec's cfa.missing, "
                  "else listwise")
      ->check(CLI::IsMember({"listwise", "fiml"}));
  sub->add_option("--mi", opt->top_mi, "Modification indices to report (largest first)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->callback([opt] { run_cfa_cli(*opt); });
}

}  // namespace cikit::cli
