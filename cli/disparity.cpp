// cikit disparity SPEC --group COLUMN: Dagum Gini decomposition and Theil T/L of the index (or
// --node) scores over the groups of a data column, per period. Thin front end over
// pipeline::run_disparity().
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/disparity.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct DisparityCliOptions {
  CommonOptions common;
  pipeline::DisparityRunOptions run;
};

std::string period_title(const std::string& period, Lang lang) {
  return period.empty() ? std::string() : fmt::format("{} {}\n", report::msg("disparity.col.period", lang), period);
}

void print_period(const pipeline::DisparityPeriod& p, const std::string& group, Lang lang) {
  using report::msg;
  const auto& g = p.gini;
  const auto& t = p.theil;
  std::cout << period_title(p.period, lang) << msg("disparity.e1.title", lang) << "\n";
  TextTable s;
  s.header = {msg("disparity.col.gini", lang), msg("disparity.col.within", lang), msg("disparity.col.between", lang),
              msg("disparity.col.transvariation", lang), msg("disparity.col.share_within", lang),
              msg("disparity.col.share_between", lang), msg("disparity.col.share_transvariation", lang)};
  s.right_align.assign(s.header.size(), true);
  s.rows.push_back({num(g.gini, 4), num(g.within, 4), num(g.between, 4), num(g.transvariation, 4),
                    num(100 * g.share_within, 2) + "%", num(100 * g.share_between, 2) + "%",
                    num(100 * g.share_transvariation, 2) + "%"});
  std::cout << s.render() << report::msgf("disparity.note", lang, group, p.n) << "\n\n";
  TextTable gt;
  gt.header = {msg("disparity.col.group", lang), msg("disparity.col.n", lang), msg("disparity.col.mean", lang),
               msg("disparity.col.group_gini", lang), msg("disparity.col.theil_t", lang), msg("disparity.col.theil_l", lang)};
  gt.right_align = {false, true, true, true, true, true};
  for (std::size_t j = 0; j < g.groups.size(); ++j) {
    const auto k = static_cast<Eigen::Index>(j);
    gt.rows.push_back({g.groups[j].group, std::to_string(g.groups[j].n), num(g.groups[j].mean, 3),
                       num(g.group_gini(k), 4), num(t.group_t(k), 4), num(t.group_l(k), 4)});
  }
  std::cout << msg("disparity.e2.title", lang) << "\n" << gt.render();
  TextTable pt;
  pt.header = {msg("disparity.col.pair", lang), msg("disparity.col.pair_gini", lang), msg("disparity.col.pair_d", lang)};
  pt.right_align = {false, true, true};
  for (Eigen::Index j = 0; j < g.pair_gini.rows(); ++j)
    for (Eigen::Index h = 0; h < j; ++h)
      pt.rows.push_back({g.groups[static_cast<std::size_t>(j)].group + " – " + g.groups[static_cast<std::size_t>(h)].group,
                         num(g.pair_gini(j, h), 4), num(g.pair_d(j, h), 4)});
  if (!pt.rows.empty()) std::cout << "\n" << pt.render();
  TextTable th;
  th.header = {msg("disparity.col.theil_t", lang), msg("disparity.col.theil_t_within", lang),
               msg("disparity.col.theil_t_between", lang), msg("disparity.col.theil_l", lang),
               msg("disparity.col.theil_l_within", lang), msg("disparity.col.theil_l_between", lang)};
  th.right_align.assign(th.header.size(), true);
  th.rows.push_back({num(t.t, 4), num(t.t_within, 4), num(t.t_between, 4), num(t.l, 4), num(t.l_within, 4),
                     num(t.l_between, 4)});
  std::cout << "\n" << msg("disparity.e3.title", lang) << "\n" << th.render() << msg("disparity.theil.note", lang) << "\n";
}

void run_disparity_cli(const DisparityCliOptions& d) {
  const CommonOptions& o = d.common;
  pipeline::DisparityRunOptions ro = d.run;
  ro.spec = o.spec;
  ro.out = o.out;
  const pipeline::DisparityRun run = pipeline::run_disparity(ro);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.groups_csv.csv();
  else
    for (const auto& p : run.periods) print_period(p, ro.group, o.language());
  print_warnings("disparity", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_disparity(CLI::App& app) {
  auto opt = std::make_shared<DisparityCliOptions>();
  auto* sub = app.add_subcommand(
      "disparity",
      "Regional disparity of the index scores per period: Dagum (1997) Gini coefficient decomposed into within-group, "
      "net between-group and transvariation parts (per group, per pair, contribution shares), and Theil T and L with "
      "their within/between decomposition.");
  add_common_options(*sub, opt->common);
  sub->add_option("--group,-g", opt->run.group, "Data column holding each unit's group (e.g. region)")->required();
  sub->add_option("--node", opt->run.node, "Analyse this node's scores instead of the index");
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize");
  sub->add_option("--aggregate", opt->run.methods.aggregate, "Override methods.aggregate");
  sub->callback([opt] { run_disparity_cli(*opt); });
}

}  // namespace cikit::cli
