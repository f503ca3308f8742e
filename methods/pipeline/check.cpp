#include "methods/pipeline/check.hpp"

#include "methods/core/panel_data.hpp"
#include "methods/pipeline/common.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "methods/pipeline/treatment_view.hpp"

namespace cikit::pipeline {

namespace {

/// Blocking problems of the data: an indicator that cannot be normalised or aggregated.
std::vector<std::string> data_problems(const Spec& spec, const DescribeResult& d) {
  std::vector<std::string> problems;
  for (std::size_t j = 0; j < d.indicators.size(); ++j) {
    const auto& s = d.indicators[j];
    const Node& leaf = spec.tree.node(spec.tree.leaves()[j]);
    const std::string where = fmt::format("{}: indicator '{}' (data column '{}')", leaf.where.to_string(), s.id, leaf.column);
    if (s.all_missing)
      problems.push_back(fmt::format("{}: every value is missing", where));
    else if (s.zero_variance && !(s.min < s.max))
      problems.push_back(fmt::format("{}: constant (all values {}); it cannot be normalised", where, s.min));
    else if (s.zero_variance)  // values differ, but by less than the zero-variance tolerance
      problems.push_back(fmt::format("{}: numerically constant (values {} to {}, sd {:.3g} below the zero-variance "
                                     "tolerance 1e-12 x max(1, |mean|)); it cannot be normalised",
                                     where, s.min, s.max, s.sd));
  }
  return problems;
}

/// The per-indicator table (text and check.csv) and its JSON.
TextTable indicator_table(const Spec& spec, const DescribeResult& d, Lang lang, nlohmann::json& jind) {
  TextTable t;
  t.header = {tr(lang, "Indicator", "指标"), tr(lang, "Dir", "方向"), "n", tr(lang, "Missing", "缺失"),
              tr(lang, "Mean", "均值"), tr(lang, "SD", "标准差"), tr(lang, "Min", "最小值"), tr(lang, "Max", "最大值"),
              tr(lang, "Skew", "偏度"), tr(lang, "Kurt", "峰度"), tr(lang, "Flags", "标记")};
  t.right_align = {false, false, true, true, true, true, true, true, true, true, false};
  jind = nlohmann::json::array();
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
  return t;
}

}  // namespace

CheckRun run_check(const CheckOptions& o) {
  CheckRun run;
  run.spec = read_spec_with(o.spec);
  run.data = load_data(run.spec);
  run.describe = describe(run.data);
  const Spec& spec = run.spec;
  const Dataset& data = run.data;
  const DescribeResult& d = run.describe;
  run.problems = data_problems(spec, d);

  // Method combinations that cannot work (same check as the index pipeline), and the
  // treatment the spec asks for (methods.treat), so its effect can be reviewed before building.
  run.issues = preflight(spec.tree, spec.config, data.values, data.unit_ids);
  for (const auto& is : run.issues) run.problems.push_back(fmt::format("{}: {}", spec.path, is.message));
  const bool treating = treatment_requested(spec.config.treat);
  if (treating) {
    try {
      run.treated = treat(data.values, data.indicator_ids, data.unit_ids, spec.config.treat, data.unit_groups);
    } catch (const DomainError& e) {
      run.problems.push_back(fmt::format("{}: treatment: {}", spec.path, e.what()));
    }
  }

  nlohmann::json jind;
  run.table = indicator_table(spec, d, o.lang, jind);
  nlohmann::json& doc = run.json;
  doc = json_header("check", spec);
  doc["n_units"] = data.n_units();
  doc["n_indicators"] = data.n_indicators();
  doc["n_missing"] = d.n_missing;
  doc["n_units_incomplete"] = std::count_if(d.unit_missing.begin(), d.unit_missing.end(), [](auto m) { return m > 0; });
  doc["outlier_rule"] = {{"abs_skewness_above", 2.0}, {"kurtosis_above", 3.5}};
  doc["indicators"] = jind;
  doc["preflight"] = preflight_json(run.issues);
  doc["treatment"] = treating && !run.treated.columns.empty() ? treatment_json(run.treated, spec.config.treat, data)
                                                              : nlohmann::json(nullptr);
  doc["problems"] = run.problems;
  run.warnings = data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.warnings.insert(run.warnings.end(), d.warnings.begin(), d.warnings.end());
  run.warnings.insert(run.warnings.end(), run.treated.warnings.begin(), run.treated.warnings.end());
  if (is_panel(spec)) {
    // Panel data (data.time): the table describes the latest period (load_data); the counts of
    // every period follow, in the JSON and as one note per period.
    const PanelData pd = load_panel_data(spec);
    nlohmann::json jp = nlohmann::json::array();
    for (std::size_t p = 0; p < pd.periods.size(); ++p) {
      const Dataset& sec = pd.sections[p];
      const Eigen::Index incomplete = (sec.values.array().isNaN().rowwise().any()).count();
      jp.push_back({{"period", pd.periods[p]},
                    {"n_units", sec.n_units()},
                    {"n_missing", sec.n_missing()},
                    {"n_units_incomplete", incomplete},
                    {"absent", pd.absent[p]}});
      run.warnings.push_back(fmt::format("period {}: {} units ({} absent), {} missing values in {} units",
                                         pd.periods[p], sec.n_units(), pd.absent[p].size(), sec.n_missing(),
                                         incomplete));
    }
    doc["panel"] = {{"time", pd.time_column}, {"n_units", pd.units.size()}, {"periods", jp}};
  }
  doc["warnings"] = run.warnings;

  run.files = OutputSet(o.out);
  run.files.add("check.csv", run.table.csv());
  run.files.add("check.json", doc.dump(2) + "\n");
  if (!run.treated.columns.empty()) {
    run.files.add("treatment.csv", treatment_table(run.treated, Lang::En).csv());
    run.files.add("treated_points.csv", treated_points_table(run.treated, data).csv());
  }
  return run;
}

}  // namespace cikit::pipeline
