// cikit obstacles SPEC: obstacle degree (障碍度) of every indicator and dimension for every unit,
// the top-k obstacles per unit and how often each indicator is among them. Thin front end over
// pipeline::run_obstacles().
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/obstacles.hpp"

namespace cikit::cli {

namespace {

struct ObstaclesCli {
  CommonOptions common;
  pipeline::ObstaclesRunOptions run;
};

void print_tables(const pipeline::ObstaclesRun& run, int top, Lang lang) {
  const Spec& spec = run.spec;
  const IndicatorTree& tree = spec.tree;
  const auto& leaves = tree.leaves();
  const auto label = [&](int node) { return tree.node(node).label.get(lang, tree.node(node).id); };
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                           tr(lang, "obstacle degree (which indicators hold each unit back)", "障碍度（制约各单位的主要指标）"));
  TextTable g;
  g.header = {tr(lang, "Unit", "单位")};
  for (int n : run.groups) g.header.push_back(label(n));
  g.header.push_back(trf(lang, "Top {} obstacles", "前 {} 位障碍因子", top));
  g.right_align.assign(g.header.size(), true);
  g.right_align.front() = g.right_align.back() = false;
  for (Eigen::Index i = 0; i < run.result.indicator.rows(); ++i) {
    std::vector<std::string> row = {run.data.unit_ids[static_cast<std::size_t>(i)]};
    for (Eigen::Index c = 0; c < run.result.group.cols(); ++c) row.push_back(num(100.0 * run.result.group(i, c), 1) + "%");
    std::string tops;
    for (Eigen::Index j : run.top[static_cast<std::size_t>(i)])
      tops += fmt::format("{}{} {}%", tops.empty() ? "" : ", ", tree.node(leaves[static_cast<std::size_t>(j)]).id,
                          num(100.0 * run.result.indicator(i, j), 1));
    row.push_back(tops.empty() ? "—" : tops);
    g.rows.push_back(std::move(row));
  }
  std::cout << g.render();
  if (run.doc["periods"].size() > 1)
    std::cout << trf(lang, "Panel data: the latest period ({}) is shown; every period is in the --out files and --format json.\n",
                     "面板数据：此处显示最新一期（{}）；各期结果见 --out 输出文件与 --format json。\n",
                     run.doc["periods"].back()["period"].get<std::string>());

  std::cout << tr(lang,
                  "Note: obstacle degree O = F·I / ΣF·I with F = the indicator's global weight and I = 1 − its "
                  "normalised score on [0, 1]; a dimension's obstacle is the sum over its indicators.\n",
                  "注：障碍度 O = F·I / ΣF·I，F 为指标的全局权重（因子贡献度），I = 1 − 指标标准化得分（[0, 1]，指标偏离度）；"
                  "维度障碍度为其下指标障碍度之和。\n");
  std::vector<Eigen::Index> order(static_cast<std::size_t>(run.frequency.size()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return run.frequency(a) > run.frequency(b); });
  TextTable f;
  f.header = {tr(lang, "Indicator", "指标"), tr(lang, "Weight", "权重"), trf(lang, "In top {} of", "进入前 {} 位的单位数", top),
              tr(lang, "Share of units", "占比")};
  f.right_align = {false, true, true, true};
  for (Eigen::Index j : order) {
    if (run.frequency(j) == 0) continue;
    const int leaf = leaves[static_cast<std::size_t>(j)];
    f.rows.push_back({label(leaf), num(run.weight(j), 4),
                      std::to_string(run.frequency(j)),
                      num(100.0 * run.frequency(j) / std::max<double>(1.0, static_cast<double>(run.counted_units)), 1) + "%"});
  }
  std::cout << "\n" << tr(lang, "Most frequent obstacles", "主要障碍因子出现频次") << "\n" << f.render();
}

void run_obstacles_cli(const ObstaclesCli& c) {
  pipeline::ObstaclesRunOptions ro = c.run;
  ro.spec = c.common.spec;
  ro.out = c.common.out;
  const pipeline::ObstaclesRun run = pipeline::run_obstacles(ro);
  if (c.common.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (c.common.format == "csv") std::cout << run.frequency_csv.csv();
  else print_tables(run, ro.top, c.common.language());
  print_warnings("obstacles", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_obstacles(CLI::App& app) {
  auto opt = std::make_shared<ObstaclesCli>();
  auto* sub = app.add_subcommand(
      "obstacles",
      "Obstacle degree (障碍度) of every indicator and dimension for every unit: O = F·I / ΣF·I (F = global weight, "
      "I = 1 − normalised score on [0, 1]), the top-k obstacles per unit and their frequencies over units. Needs "
      "indicators normalised to a bounded range (minmax, goalposts, percentile).");
  add_common_options(*sub, opt->common);
  sub->add_option("--level", opt->run.level, "Groups whose obstacle is summed: dimensions or levelN")->capture_default_str();
  sub->add_option("--top,-k", opt->run.top, "How many obstacles to list per unit")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize: " + method_names(normalize_methods()))
      ->check(CLI::IsMember(names_of(normalize_methods())));
  sub->callback([opt] { run_obstacles_cli(*opt); });
}

}  // namespace cikit::cli
