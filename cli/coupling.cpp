// cikit coupling SPEC: coupling coordination degree (耦合协调度) of one level's nodes (default the
// dimensions) per unit, with the ten-band classification. Thin front end over
// pipeline::run_coupling().
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/coupling.hpp"

namespace cikit::cli {

namespace {

struct CouplingCli {
  CommonOptions common;
  pipeline::CouplingRunOptions run;
  std::string formula = "corrected";
};

void print_tables(const pipeline::CouplingRun& run, const std::string& formula, Lang lang) {
  const Spec& spec = run.spec;
  const IndicatorTree& tree = spec.tree;
  const auto& bands = coupling::coordination_bands();
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                           tr(lang, "coupling coordination degree of the subsystems", "子系统耦合协调度"));
  TextTable t;
  t.header = {tr(lang, "Unit", "单位")};
  for (int n : run.nodes) t.header.push_back(tree.node(n).label.get(lang, tree.node(n).id));
  t.header.insert(t.header.end(), {tr(lang, "C (coupling)", "C（耦合度）"), tr(lang, "T (development)", "T（综合发展）"),
                                   tr(lang, "D (coordination)", "D（耦合协调度）"), tr(lang, "Level", "协调等级")});
  t.right_align.assign(t.header.size(), true);
  t.right_align.front() = t.right_align.back() = false;
  for (Eigen::Index i = 0; i < run.u.rows(); ++i) {
    std::vector<std::string> row = {run.data.unit_ids[static_cast<std::size_t>(i)]};
    for (Eigen::Index j = 0; j < run.u.cols(); ++j) row.push_back(num(run.u(i, j), 3));
    const int b = run.result.band[static_cast<std::size_t>(i)];
    row.insert(row.end(), {num(run.result.c(i), 3), num(run.result.t(i), 3), num(run.result.d(i), 3),
                           b >= 0 ? tr(lang, bands[static_cast<std::size_t>(b)].en, bands[static_cast<std::size_t>(b)].zh)
                                  : "—"});
    t.rows.push_back(std::move(row));
  }
  std::cout << t.render();
  if (run.doc["periods"].size() > 1)
    std::cout << trf(lang, "Panel data: the latest period ({}) is shown; every period is in the --out files and --format json.\n",
                     "面板数据：此处显示最新一期（{}）；各期结果见 --out 输出文件与 --format json。\n",
                     run.doc["periods"].back()["period"].get<std::string>());
  std::string weights;
  for (Eigen::Index j = 0; j < run.w.size(); ++j)
    weights += fmt::format("{}{} {}", j ? ", " : "", tree.node(run.nodes[static_cast<std::size_t>(j)]).id, num(run.w(j), 3));
  std::cout << (formula == "corrected"
                    ? trf(lang,
                          "Note: U = subsystem scores rescaled to [0, 1]; C by the corrected model of Wang et al. (2021), "
                          "T = weighted mean of U (weights: {}), D = sqrt(C·T).\n",
                          "注：U 为子系统得分换算到 [0, 1]；C 采用王淑佳等（2021）修正模型，T 为 U 的加权平均（权重：{}），D = √(C·T)。\n",
                          weights)
                    : trf(lang,
                          "Note: U = subsystem scores rescaled to [0, 1]; C by the traditional model m·(ΠU)^(1/m)/ΣU, "
                          "T = weighted mean of U (weights: {}), D = sqrt(C·T).\n",
                          "注：U 为子系统得分换算到 [0, 1]；C 采用传统模型 m·(ΠU)^(1/m)/ΣU，T 为 U 的加权平均（权重：{}），D = √(C·T)。\n",
                          weights));
  TextTable d;
  d.header = {tr(lang, "Level", "协调等级"), tr(lang, "D range", "D 区间"), tr(lang, "Units", "单位数"),
              tr(lang, "Share", "占比")};
  d.right_align = {false, false, true, true};
  std::vector<int> counts(bands.size(), 0);
  int defined = 0;
  for (int b : run.result.band)
    if (b >= 0) ++counts[static_cast<std::size_t>(b)], ++defined;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (counts[b] == 0) continue;
    d.rows.push_back({tr(lang, bands[b].en, bands[b].zh), fmt::format("[{:.1f}, {:.1f}{}", bands[b].lo, bands[b].hi,
                                                                    b + 1 == bands.size() ? "]" : ")"),
                      std::to_string(counts[b]), num(100.0 * counts[b] / std::max(1, defined), 1) + "%"});
  }
  std::cout << "\n" << tr(lang, "Distribution over coordination levels", "耦合协调等级分布") << "\n" << d.render();
}

void run_coupling_cli(const CouplingCli& c) {
  pipeline::CouplingRunOptions ro = c.run;
  ro.spec = c.common.spec;
  ro.out = c.common.out;
  ro.formula = coupling::parse_formula(c.formula);
  const pipeline::CouplingRun run = pipeline::run_coupling(ro);
  if (c.common.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (c.common.format == "csv") std::cout << run.units_csv.csv();
  else print_tables(run, c.formula, c.common.language());
  print_warnings("coupling", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_coupling(CLI::App& app) {
  auto opt = std::make_shared<CouplingCli>();
  auto* sub = app.add_subcommand(
      "coupling",
      "Coupling coordination degree (耦合协调度) of the subsystems (default: the dimensions) for every unit: coupling "
      "degree C, comprehensive development T, coordination degree D = sqrt(C·T) and its level (ten bands, 极度失调 … "
      "优质协调). Needs an index on a bounded score range (minmax/goalposts/percentile, weighted means).");
  add_common_options(*sub, opt->common);
  sub->add_option("--level", opt->run.level, "The subsystems: dimensions or levelN")->capture_default_str();
  sub->add_option("--formula", opt->formula,
                  "corrected (Wang et al. 2021, default: spreads C over [0, 1]) or traditional (m·(ΠU)^(1/m)/ΣU)")
      ->check(CLI::IsMember({"corrected", "traditional"}))
      ->capture_default_str();
  sub->add_option("--subsystem-weights", opt->run.weights,
                  "Weights of T: equal, index (the nodes' weights in the index) or ID=W,ID=W,... (renormalised)")
      ->capture_default_str();
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize: " + method_names(normalize_methods()))
      ->check(CLI::IsMember(names_of(normalize_methods())));
  sub->callback([opt] { run_coupling_cli(*opt); });
}

}  // namespace cikit::cli
