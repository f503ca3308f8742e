// cikit panel SPEC: trajectories, changes, CAGR, trends, a small-multiples figure and per-period
// reliability of a panel spec (data.time). The pipeline is methods/pipeline/panel
// (pipeline::run_panel); this file parses, prints and writes.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/panel.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct PanelCli {
  CommonOptions common;
  pipeline::PanelOptions run;
  int rows = 20;
};

std::string dir_text(const std::string& d, Lang lang) {
  if (d.empty()) return "";
  return report::msg("panel.dir." + d, lang);
}

void print_panel(const pipeline::PanelRun& run, int rows, Lang lang) {
  const PanelData& pd = run.panel.data;
  const PanelSettings& s = run.panel.result.settings;
  std::cout << run.spec.label.get(lang, run.spec.id) << "\n"
            << report::msgf("panel.summary", lang, pd.units.size(), pd.periods.size(), pd.periods.front(),
                            pd.periods.back(), pipeline::panel_mode_text(s, false, lang),
                            pipeline::panel_mode_text(s, true, lang))
            << "\n\n"
            << report::msgf("panel.trend.title", lang, pd.periods.front(), pd.periods.back()) << "\n";
  TextTable t;
  t.header = {report::msg("panel.col.unit", lang),  report::msg("panel.col.first", lang),
              report::msg("panel.col.last", lang),  report::msg("panel.col.change", lang),
              report::msg("panel.col.cagr", lang),  report::msg("panel.col.slope", lang),
              report::msg("panel.col.p", lang),     report::msg("panel.col.direction", lang)};
  t.right_align = {false, true, true, true, true, true, true, false};
  // Units in the order of the last period's rank.
  std::vector<std::size_t> order(run.trends.size());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
  const auto P = run.index.ranks.cols();
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const int ra = run.index.ranks(static_cast<Eigen::Index>(a), P - 1), rb = run.index.ranks(static_cast<Eigen::Index>(b), P - 1);
    return (ra == 0 ? INT32_MAX : ra) < (rb == 0 ? INT32_MAX : rb);
  });
  for (std::size_t k = 0; k < order.size() && static_cast<int>(k) < rows; ++k) {
    const UnitTrend& tr = run.trends[order[k]];
    t.rows.push_back({run.unit_names[order[k]].get(lang, tr.unit), num(tr.first, 2), num(tr.last, 2), num(tr.change, 2),
                      std::isnan(tr.cagr) ? "NA" : num(100 * tr.cagr, 2), num(tr.slope, 3), num(tr.p_value, 3),
                      dir_text(tr.direction, lang)});
  }
  std::cout << t.render() << report::msg("panel.trend.note", lang) << "\n\n"
            << report::msg("panel.alpha.title", lang) << "\n";
  TextTable a;
  a.header = {report::msg("panel.col.node", lang)};
  for (const auto& p : pd.periods) a.header.push_back(p);
  for (std::size_t k = 0; k < run.alpha.nodes.size(); ++k) {
    const Node& nd = run.spec.tree.node(run.alpha.nodes[k]);
    if (nd.depth > 1) continue;
    std::vector<std::string> row{nd.label.get(lang, nd.id)};
    for (Eigen::Index p = 0; p < run.alpha.std_alpha.cols(); ++p)
      row.push_back(num(run.alpha.std_alpha(static_cast<Eigen::Index>(k), p), 3));
    a.rows.push_back(std::move(row));
  }
  std::cout << a.render();
}

void run_panel_cli(const PanelCli& o) {
  pipeline::PanelOptions po = o.run;
  po.spec = o.common.spec;
  po.out = o.common.out;
  po.lang = o.common.language();
  const pipeline::PanelRun run = pipeline::run_panel(po);
  const Lang lang = o.common.language();
  if (o.common.format == "json") std::cout << run.json.dump(2) << "\n";
  else print_panel(run, o.rows, lang);
  print_warnings("panel", run.warnings, lang);
  run.files.write();
  if (run.files.enabled() && o.common.format == "table")
    std::cout << trf(lang,
                     "Wrote scores_wide.csv, ranks_wide.csv, trends.csv, alpha_by_period.csv, trajectories.svg, "
                     "panel.json to {}\n",
                     "已写出 scores_wide.csv、ranks_wide.csv、trends.csv、alpha_by_period.csv、trajectories.svg、"
                     "panel.json 至 {}\n",
                     o.common.out);
}

}  // namespace

void setup_panel(CLI::App& app) {
  auto opt = std::make_shared<PanelCli>();
  auto* sub = app.add_subcommand(
      "panel", "Panel data (data.time): score and rank trajectories per unit and period, change and CAGR between the "
               "first and last period, OLS trends, a small-multiples figure and Cronbach's alpha per period");
  add_common_options(*sub, opt->common);
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize: " + method_names(normalize_methods()))
      ->check(CLI::IsMember(names_of(normalize_methods())));
  std::vector<std::string> wnames;
  for (const auto& m : weight_methods()) wnames.emplace_back(m.name);
  sub->add_option("--weights", opt->run.methods.weights, "Override methods.weights: " + method_names(weight_methods()))
      ->check(CLI::IsMember(wnames));
  sub->add_option("--top", opt->run.top, "Units in the small-multiples figure (the best of the last period)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  sub->add_option("--rows", opt->rows, "Units in the printed trend table")->check(CLI::Range(1, 100000))->capture_default_str();
  sub->callback([opt] { run_panel_cli(*opt); });
}

}  // namespace cikit::cli
