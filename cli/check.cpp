// cikit check SPEC: data checks per indicator (describe()).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/treatment_view.hpp"
#include "methods/core/spec.hpp"
#include "methods/describe/describe.hpp"

namespace cikit::cli {

namespace {

void run_check(const CommonOptions& o) {
  const Spec spec = read_spec(o.spec);
  const Dataset data = load_data(spec);
  const DescribeResult d = describe(data);
  const Lang lang = o.language();

  // Blocking problems: an indicator that cannot be normalised or aggregated.
  std::vector<std::string> problems;
  for (std::size_t j = 0; j < d.indicators.size(); ++j) {
    const auto& s = d.indicators[j];
    const Node& leaf = spec.tree.node(spec.tree.leaves()[j]);
    const std::string where = fmt::format("{}: indicator '{}' (data column '{}')", leaf.where.to_string(), s.id, leaf.column);
    if (s.all_missing)
      problems.push_back(fmt::format("{}: every value is missing", where));
    else if (s.zero_variance)
      problems.push_back(fmt::format("{}: constant (all values {}); it cannot be normalised", where, s.min));
  }

  // Method combinations that cannot work (same check as `cikit index`), and the treatment the
  // spec asks for (methods.treat), so its effect can be reviewed before building.
  const std::vector<PreflightIssue> issues = preflight(spec.tree, spec.config, data.values, data.unit_ids);
  for (const auto& is : issues) problems.push_back(fmt::format("{}: {}", spec.path, is.message));
  TreatResult treated;
  const bool treating = treatment_requested(spec.config.treat);
  if (treating) {
    try {
      treated = treat(data.values, data.indicator_ids, data.unit_ids, spec.config.treat, data.unit_groups);
    } catch (const DomainError& e) {
      problems.push_back(fmt::format("{}: treatment: {}", spec.path, e.what()));
    }
  }

  TextTable t;
  t.header = {tr(lang, "Indicator", "指标"), tr(lang, "Dir", "方向"), "n", tr(lang, "Missing", "缺失"),
              tr(lang, "Mean", "均值"), tr(lang, "SD", "标准差"), tr(lang, "Min", "最小值"), tr(lang, "Max", "最大值"),
              tr(lang, "Skew", "偏度"), tr(lang, "Kurt", "峰度"), tr(lang, "Flags", "标记")};
  t.right_align = {false, false, true, true, true, true, true, true, true, true, false};
  nlohmann::json jind = nlohmann::json::array();
  for (std::size_t j = 0; j < d.indicators.size(); ++j) {
    const auto& s = d.indicators[j];
    const Node& leaf = spec.tree.node(spec.tree.leaves()[j]);
    std::string flags;
    if (s.all_missing) flags = tr(lang, "ALL MISSING", "全部缺失");
    else if (s.zero_variance) flags = tr(lang, "CONSTANT", "常数列");
    else if (s.outlier_flag) flags = tr(lang, "outliers (|skew|>2, kurt>3.5)", "异常值（|偏度|>2且峰度>3.5）");
    t.rows.push_back({leaf.label.get(lang, leaf.id), leaf.direction == Direction::Negative ? "-" : "+",
                      std::to_string(s.n), std::to_string(s.n_missing), num(s.mean, 3), num(s.sd, 3),
                      num(s.min, 3), num(s.max, 3), num(s.skewness, 2), num(s.kurtosis, 2), flags});
    jind.push_back({{"id", s.id},
                    {"label", json_labels(leaf.label)},
                    {"column", leaf.column},
                    {"direction", leaf.direction == Direction::Negative ? "-" : "+"},
                    {"n", s.n},
                    {"missing", s.n_missing},
                    {"mean", json_num(s.mean)},
                    {"sd", json_num(s.sd)},
                    {"min", json_num(s.min)},
                    {"max", json_num(s.max)},
                    {"skewness", json_num(s.skewness)},
                    {"kurtosis", json_num(s.kurtosis)},
                    {"outlier_flag", s.outlier_flag},
                    {"zero_variance", s.zero_variance},
                    {"all_missing", s.all_missing}});
  }
  nlohmann::json doc = json_header("check", spec);
  doc["n_units"] = data.n_units();
  doc["n_indicators"] = data.n_indicators();
  doc["n_missing"] = d.n_missing;
  doc["n_units_incomplete"] = std::count_if(d.unit_missing.begin(), d.unit_missing.end(), [](auto m) { return m > 0; });
  doc["outlier_rule"] = {{"abs_skewness_above", 2.0}, {"kurtosis_above", 3.5}};
  doc["indicators"] = jind;
  doc["preflight"] = preflight_json(issues);
  doc["treatment"] = treating && !treated.columns.empty() ? treatment_json(treated, spec.config.treat, data)
                                                          : nlohmann::json(nullptr);
  doc["problems"] = problems;
  std::vector<std::string> warnings = d.warnings;
  warnings.insert(warnings.end(), treated.warnings.begin(), treated.warnings.end());
  doc["warnings"] = warnings;

  OutputSet out(o.out);
  out.add("check.csv", t.csv());
  out.add("check.json", doc.dump(2) + "\n");
  if (!treated.columns.empty()) {
    out.add("treatment.csv", treatment_table(treated, Lang::En).csv());
    out.add("treated_points.csv", treated_points_table(treated, data).csv());
  }

  if (o.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.format == "csv") {
    std::cout << t.csv();
  } else {
    std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id), tr(lang, "data check", "数据检查"));
    std::cout << trf(lang, "{} units × {} indicators from {}; {} missing values ({:.1f}%)\n", "{} 个单位 × {} 个指标（{}）；缺失值 {} 个（{:.1f}%）\n",
                             data.n_units(), data.n_indicators(), spec.data.file_as_written, d.n_missing,
                             100.0 * static_cast<double>(d.n_missing) /
                                 static_cast<double>(data.n_units() * data.n_indicators()));
    std::cout << t.render();
    std::cout << tr(lang,
                    "SD with n-1; skewness and excess kurtosis: sample G1/G2 (as SPSS, Excel, e1071 type 2); "
                    "outlier flag: |skew| > 2 and kurtosis > 3.5 (OECD/JRC).\n",
                    "标准差按 n-1 计算；偏度与超额峰度为样本 G1/G2（同 SPSS、Excel）；异常值标记：|偏度|>2 且峰度>3.5（OECD/JRC）。\n");
    if (!treated.columns.empty()) {
      std::cout << trf(lang, "\nTreatment (methods.treat; {} treated value(s), listed in treated_points.csv with --out):\n",
                       "\n数据处理（methods.treat；共处理 {} 个数值，--out 时列于 treated_points.csv）：\n",
                       treated.points.size());
      std::cout << treatment_table(treated, lang).render();
    }
  }
  print_warnings("check", warnings);
  out.write();
  if (!problems.empty()) {
    for (const auto& p : problems) std::cerr << "cikit check: error: " << p << "\n";
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
  sub->callback([opt] { run_check(*opt); });
}

}  // namespace cikit::cli
