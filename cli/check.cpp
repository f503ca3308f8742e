// cikit check SPEC: data checks per indicator (describe()). The pipeline is
// methods/pipeline/check (pipeline::run_check); this file parses, renders and writes.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/check.hpp"
#include "methods/pipeline/treatment_view.hpp"
#include "methods/report/notices.hpp"

namespace cikit::cli {

namespace {

void print_table(const pipeline::CheckRun& run, Lang lang) {
  const Dataset& data = run.data;
  std::cout << fmt::format("{} — {}\n", run.spec.label.get(lang, run.spec.id), tr(lang, "data check", "数据检查"));
  std::cout << trf(lang, "{} units × {} indicators from {}; {} missing values ({:.1f}%)\n",
                   "{} 个单位 × {} 个指标（{}）；缺失值 {} 个（{:.1f}%）\n", data.n_units(), data.n_indicators(),
                   run.spec.data.file_as_written, run.describe.n_missing,
                   100.0 * static_cast<double>(run.describe.n_missing) /
                       static_cast<double>(data.n_units() * data.n_indicators()));
  std::cout << run.table.render();
  std::cout << tr(lang,
                  "SD with n-1; skewness and excess kurtosis: sample G1/G2 (as SPSS, Excel, e1071 type 2); "
                  "outlier flag: |skew| > 2 and kurtosis > 3.5 (OECD/JRC).\n",
                  "标准差按 n-1 计算；偏度与超额峰度为样本 G1/G2（同 SPSS、Excel）；异常值标记：|偏度|>2 且峰度>3.5（OECD/JRC）。\n");
  if (!run.treated.columns.empty()) {
    std::cout << trf(lang, "\nTreatment (methods.treat; {} treated value(s), listed in treated_points.csv with --out):\n",
                     "\n数据处理（methods.treat；共处理 {} 个数值，--out 时列于 treated_points.csv）：\n",
                     run.treated.points.size());
    std::cout << treatment_table(run.treated, lang).render();
  }
}

void run_check_cli(const CommonOptions& o) {
  const pipeline::CheckRun run = pipeline::run_check({o.spec, o.language(), o.out});
  if (o.format == "json") std::cout << run.json.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.table.csv();
  else print_table(run, o.language());
  print_warnings("check", report::localised_warnings(run.warnings, {}, run.spec.tree, &run.data, o.language()),
                 o.language());
  run.files.write();
  if (!run.problems.empty()) {
    for (const auto& p : run.problems) std::cerr << "cikit check: error: " << p << "\n";
    throw ReportedFailure{1};
  }
}

}  // namespace

void setup_check(CLI::App& app) {
  auto opt = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand(
      "check", "Data checks per indicator: n, missing, mean, SD, min, max, skewness, kurtosis, outlier and "
               "constant-column flags. Exits 1 if an indicator is constant or entirely missing.");
  add_common_options(*sub, *opt);
  sub->callback([opt] { run_check_cli(*opt); });
}

}  // namespace cikit::cli
