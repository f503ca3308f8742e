// cikit index SPEC: build the index (normalise, weight, aggregate over the tree) and rank units.
// The pipeline is methods/pipeline/index (pipeline::run_index); this file parses, renders and writes.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/report/messages.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/treatment_view.hpp"
#include "methods/report/notices.hpp"

namespace cikit::cli {

namespace {

struct IndexCli {
  CommonOptions common;
  pipeline::IndexOptions run;  // method overrides; spec, out and formats are set from `common`
  int top = 20;
  bool print_config = false;
};

std::string_view method_label(Lang lang, const auto& info) { return lang == Lang::Zh ? info.zh : info.en; }

/// Title, sizes and methods, per-indicator overrides.
void print_summary(const pipeline::IndexRun& run, Lang lang) {
  const IndexConfig& cfg = run.spec.config;
  std::cout << fmt::format("{}\n", run.spec.label.get(lang, run.spec.id));
  std::cout << trf(lang, "{} units, {} indicators, {} levels; normalisation: {}; weights: {}; aggregation: {}\n",
                   "{} 个单位，{} 个指标，{} 层；标准化：{}；权重：{}；合成：{}\n", run.data.n_units(),
                   run.data.n_indicators(), run.spec.tree.height(),
                   method_label(lang, method_info(normalize_methods(), cfg.normalize)),
                   method_label(lang, method_info(weight_methods(), cfg.weights)),
                   method_label(lang, method_info(aggregate_methods(), cfg.aggregate)));
  if (!cfg.normalize_by_indicator.empty() || !cfg.aggregate_by_node.empty())
    std::cout << trf(lang, "Overrides: {} indicator(s) with their own normalisation, {} node(s) with their own aggregation\n",
                     "单独设定：{} 个指标使用自身的标准化方法，{} 个节点使用自身的合成方法\n",
                     cfg.normalize_by_indicator.size(), cfg.aggregate_by_node.size());
}

/// The treatment before normalisation, only indicators that something happened to.
void print_treatment(const TreatResult& treatment, Lang lang) {
  std::cout << trf(lang, "Treatment before normalisation ({} treated value(s); --out DIR writes treated_points.csv):\n",
                   "标准化前的数据处理（共处理 {} 个数值；--out DIR 输出 treated_points.csv）：\n", treatment.points.size());
  TextTable tt = treatment_table(treatment, lang);
  std::erase_if(tt.rows, [](const std::vector<std::string>& row) { return row.back() == "none"; });
  if (!tt.rows.empty()) std::cout << tt.render();
}

/// Rank, unit, index, first-level dimensions, missing values; the first `top` units (0 = all).
void print_ranking(const pipeline::IndexRun& run, int top, Lang lang) {
  const IndicatorTree& tree = run.spec.tree;
  const IndexResult& r = run.result;
  const int root = tree.root();
  const auto& dims = tree.node(root).children;
  TextTable t;
  t.header = {tr(lang, "Rank", "排名"), tr(lang, "Unit", "单位"), tree.node(root).label.get(lang, run.spec.id)};
  t.right_align = {true, false, true};
  for (int d : dims) {
    t.header.push_back(tree.node(d).label.get(lang, tree.node(d).id));
    t.right_align.push_back(true);
  }
  t.header.push_back(tr(lang, "Missing", "缺失"));
  t.right_align.push_back(true);
  const std::size_t n = run.order.size();
  const std::size_t shown = top <= 0 ? n : std::min<std::size_t>(n, static_cast<std::size_t>(top));
  for (std::size_t k = 0; k < shown; ++k) {
    const Eigen::Index i = run.order[k];
    std::vector<std::string> row{r.ranks(i, root) ? std::to_string(r.ranks(i, root)) : "NA",
                                 run.data.unit_name(i, lang_code(lang)), num(r.scores(i, root), 2)};
    for (int d : dims) row.push_back(num(r.scores(i, d), 2));
    row.push_back(std::to_string(run.data.values.row(i).array().isNaN().count()));
    t.rows.push_back(std::move(row));
  }
  std::cout << t.render();
  if (shown < n)
    std::cout << trf(lang, "... {} more units (--top 0 shows all; --out DIR writes every score)\n",
                     "……另有 {} 个单位（--top 0 显示全部；--out DIR 输出全部得分）\n", n - shown);
}

void print_table(const pipeline::IndexRun& run, int top, Lang lang) {
  print_summary(run, lang);
  if (!run.periods.empty()) std::cout << report::msgf("panel.latest", lang, run.periods.back()) << "\n";
  if (!run.result.treatment.columns.empty()) print_treatment(run.result.treatment, lang);
  print_ranking(run, top, lang);
  if (run.range_scale)
    std::cout << trf(lang, "Scores on a {}-{} scale; rank 1 = best; ties share the lowest rank.\n",
                     "得分范围 {}–{}；排名 1 为最优；并列取最小名次。\n", run.spec.config.range_lo,
                     run.spec.config.range_hi);
  else
    std::cout << tr(lang, "Scores on the scales of the chosen methods (docs/methods.md); rank 1 = best; ties share the lowest rank.\n",
                    "得分量纲取决于所选方法（见 docs/methods.md）；排名 1 为最优；并列取最小名次。\n");
}

void run_index_cli(const IndexCli& o) {
  pipeline::IndexOptions po = o.run;
  po.spec = o.common.spec;
  po.out = o.common.out;
  po.config_only = o.print_config;
  po.json = o.common.format == "json";
  po.csv = o.common.format == "csv";
  const pipeline::IndexRun run = pipeline::run_index(po);
  if (o.print_config) {
    std::cout << run.config_yaml;
    return;
  }
  const Lang lang = o.common.language();
  if (o.common.format == "json") std::cout << run.json.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.csv;
  else print_table(run, o.top, lang);
  print_warnings("index", report::localised_warnings(run.warnings, run.result.notices, run.spec.tree, &run.data, lang),
                 lang);
  run.files.write();
  if (run.files.enabled() && o.common.format == "table")
    std::cout << trf(lang, "Wrote scores.csv, indicators_normalized.csv, weights.csv, index.json to {}\n",
                     "已写出 scores.csv、indicators_normalized.csv、weights.csv、index.json 至 {}\n", o.common.out);
}

}  // namespace

void setup_index(CLI::App& app) {
  auto opt = std::make_shared<IndexCli>();
  auto* sub = app.add_subcommand(
      "index", "Build the index: normalise indicators (with their directions), weight and aggregate them "
               "bottom-up over the indicator tree, and rank the units");
  add_common_options(*sub, opt->common);
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize: " + method_names(normalize_methods()))
      ->check(CLI::IsMember(names_of(normalize_methods())));
  std::vector<std::string> wnames, anames, mnames;
  for (const auto& m : weight_methods()) wnames.emplace_back(m.name);
  for (const auto& m : aggregate_methods()) anames.emplace_back(m.name);
  for (const auto& m : missing_policies()) mnames.emplace_back(m.name);
  sub->add_option("--weights", opt->run.methods.weights, "Override methods.weights: " + method_names(weight_methods()))
      ->check(CLI::IsMember(wnames));
  sub->add_option("--aggregate", opt->run.methods.aggregate, "Override methods.aggregate: " + method_names(aggregate_methods()))
      ->check(CLI::IsMember(anames));
  sub->add_option("--missing", opt->run.methods.missing,
                  "Missing values in aggregation: available (re-normalise weights over available children, "
                  "default) or error")
      ->check(CLI::IsMember(mnames));
  sub->add_option("--ahp-group", opt->run.ahp.group,
                  "weights: ahp: group rule over experts: aij (geometric mean of judgments, default), "
                  "aip-geometric or aip-arithmetic (mean of the experts' priorities); default: "
                  "methods.weights.ahp.group of the spec")
      ->check(CLI::IsMember({"aij", "aip-geometric", "aip-arithmetic"}));
  sub->add_option("--random-index", opt->run.ahp.random_index,
                  "weights: ahp: random index table for CR: saaty1980 (default), saaty2005, alonso_lamata, "
                  "alonso_lamata_fit, donegan_dodd, chinese_textbook; default: methods.weights.ahp.random_index")
      ->check(CLI::IsMember({"saaty1980", "saaty2005", "alonso_lamata", "alonso_lamata_fit", "donegan_dodd",
                             "chinese_textbook"}));
  sub->add_option("--top", opt->top, "Rows of the ranked table on stdout (0 = all)")->capture_default_str();
  sub->add_flag("--print-config", opt->print_config, "Print the effective method configuration (YAML) and exit");
  sub->callback([opt] { run_index_cli(*opt); });
}

}  // namespace cikit::cli
