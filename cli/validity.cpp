// cikit validity SPEC: does the data support the declared structure? Per first-level dimension
// and for the whole system: eigenvalues, parallel analysis, varimax loadings vs the declared
// dimensions, CR/AVE, Fornell-Larcker, HTMT. Thin front end over pipeline::run_validity().
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/validity.hpp"

namespace cikit::cli {

namespace {

struct ValidityCliOptions {
  CommonOptions common;
  int replicates = 100;
  std::uint64_t seed = kDefaultSeed;
  bool listwise = false;
};

void print_tables(const pipeline::ValidityRun& run, const ValidityCliOptions& o) {
  const Lang lang = o.common.language();
  const Spec& spec = run.spec;
  const pipeline::ValidityTables& t = run.tables;
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id), tr(lang, "structure validity", "结构效度"));
  std::cout << trf(lang, "{} units × {} indicators; correlations {}; parallel analysis: {} replicates, seed {}\n\n",
                   "{} 个单位 × {} 个指标；相关系数：{}；平行分析：{} 次重复，种子 {}\n\n", run.n_units,
                   run.n_indicators, o.listwise ? "listwise" : "pairwise", o.replicates, o.seed);
  std::cout << t.summary.render() << "\n";
  std::cout << t.eigenvalues.render() << "\n";
  std::cout << trf(lang, "Varimax loadings of {} principal components (whole system):\n",
                   "整体 {} 个主成分的方差最大旋转载荷：\n", run.structure.system_varimax.loadings.cols());
  std::cout << t.loadings.render() << "\n";
  if (run.structure.convergent_computed) std::cout << t.htmt.render() << "\n";
  std::cout << tr(lang, "Indicators vs dimension scores (mean z-scores; p for the item-dropped r):\n",
                  "指标与维度得分（标准化均值）的相关（p 值对应剔除该指标后的 r）：\n");
  std::cout << t.item_dimension.render() << "\n";
  std::cout << tr(lang, "Correlations of dimension scores (r below, p above the diagonal):\n",
                  "维度得分相关矩阵（对角线下方为 r，上方为 p）：\n");
  std::cout << t.dimension_scores.render() << "\n";
  if (!run.criteria.empty()) {
    std::cout << tr(lang, "Criterion validity (index and dimension scores as built by `cikit index`):\n",
                    "效标效度（指数与维度得分按 `cikit index` 计算）：\n");
    std::cout << t.criterion.render() << "\n";
  }
  std::cout << tr(lang,
                  "Negative indicators are reversed (x -> -x) first. PCA of the Pearson correlation matrix; "
                  "parallel analysis: Horn (1965), 95th percentile of random-normal eigenvalues (psych::fa.parallel); "
                  "varimax: stats::varimax; CR/AVE from one-factor minres loadings; Fornell-Larcker against "
                  "correlations of dimension scores (mean z-scores); HTMT above, HTMT2 below the diagonal.\n",
                  "负向指标先取相反数。基于 Pearson 相关矩阵的主成分分析；平行分析：Horn (1965)，随机正态特征值的第 95 百分位数"
                  "（同 psych::fa.parallel）；方差最大旋转同 stats::varimax；CR/AVE 基于单因子 minres 载荷；Fornell-Larcker "
                  "准则与维度得分（标准化均值）相关比较；对角线上方为 HTMT，下方为 HTMT2。\n");
  for (const char* stat : {"kmo", "bartlett_p", "cr", "ave", "htmt", "criterion_r"})
    std::cout << "  " << spec.thresholds.rule(stat).describe(lang) << "\n";
}

void run_validity(const ValidityCliOptions& o) {
  const pipeline::ValidityRun run =
      pipeline::run_validity({.spec = o.common.spec, .out = o.common.out, .lang = o.common.language(),
                              .replicates = o.replicates, .seed = o.seed, .listwise = o.listwise});
  if (o.common.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.tables.summary.csv();
  else print_tables(run, o);
  print_warnings("validity", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_validity(CLI::App& app) {
  auto opt = std::make_shared<ValidityCliOptions>();
  auto* sub = app.add_subcommand(
      "validity", "Structure validity per first-level dimension and for the whole system: eigenvalues and "
                  "explained variance, parallel analysis, varimax loadings vs the declared dimensions, CR/AVE, "
                  "Fornell-Larcker, HTMT/HTMT2");
  add_common_options(*sub, opt->common);
  sub->add_option("--replicates", opt->replicates, "Parallel-analysis replicates")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  sub->add_option("--seed", opt->seed, "Master seed of the parallel analysis")->capture_default_str();
  sub->add_flag("--listwise", opt->listwise, "Listwise deletion for correlations (default: pairwise)");
  sub->callback([opt] { run_validity(*opt); });
}

}  // namespace cikit::cli
