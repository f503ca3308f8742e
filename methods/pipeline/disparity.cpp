#include "methods/pipeline/disparity.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/pipeline/cross_sections.hpp"
#include "methods/pipeline/index.hpp"

namespace cikit::pipeline {

namespace {

nlohmann::json period_json(const DisparityPeriod& p) {
  const auto& g = p.gini;
  const auto& t = p.theil;
  nlohmann::json groups = nlohmann::json::array();
  for (std::size_t j = 0; j < g.groups.size(); ++j) {
    const auto k = static_cast<Eigen::Index>(j);
    const auto& s = g.groups[j];
    groups.push_back({{"group", s.group}, {"n", s.n}, {"mean", json_num(s.mean)}, {"population_share", json_num(s.p)},
                      {"score_share", json_num(s.s)}, {"gini", json_num(g.group_gini(k))},
                      {"gini_contribution", json_num(g.group_gini(k) * s.p * s.s)},
                      {"theil_t", json_num(t.group_t(k))}, {"theil_l", json_num(t.group_l(k))}});
  }
  nlohmann::json pairs = nlohmann::json::array();
  for (Eigen::Index j = 0; j < g.pair_gini.rows(); ++j)
    for (Eigen::Index h = 0; h < j; ++h)
      pairs.push_back({{"a", g.groups[static_cast<std::size_t>(j)].group},
                       {"b", g.groups[static_cast<std::size_t>(h)].group},
                       {"gini", json_num(g.pair_gini(j, h))},
                       {"d", json_num(g.pair_d(j, h))},
                       {"gross_affluence", json_num(g.pair_gross(j, h))},
                       {"transvariation_moment", json_num(g.pair_transvariation_moment(j, h))}});
  return {{"period", p.period},
          {"node", p.node},
          {"n", p.n},
          {"gini", json_num(g.gini)},
          {"gini_within", json_num(g.within)},
          {"gini_between", json_num(g.between)},
          {"gini_transvariation", json_num(g.transvariation)},
          {"share_within", json_num(g.share_within)},
          {"share_between", json_num(g.share_between)},
          {"share_transvariation", json_num(g.share_transvariation)},
          {"theil_t", json_num(t.t)},
          {"theil_t_within", json_num(t.t_within)},
          {"theil_t_between", json_num(t.t_between)},
          {"theil_l", json_num(t.l)},
          {"theil_l_within", json_num(t.l_within)},
          {"theil_l_between", json_num(t.l_between)},
          {"groups", groups},
          {"pairs", pairs}};
}

void add_outputs(DisparityRun& run, const std::string& out) {
  TextTable summary, pairs;
  summary.header = {"period", "node", "n", "gini", "gini_within", "gini_between", "gini_transvariation",
                    "share_within", "share_between", "share_transvariation", "theil_t", "theil_t_within",
                    "theil_t_between", "theil_l", "theil_l_within", "theil_l_between"};
  run.groups_csv.header = {"period", "group", "n", "mean", "population_share", "score_share", "gini", "theil_t",
                           "theil_l"};
  pairs.header = {"period", "a", "b", "gini", "d"};
  for (const auto& p : run.periods) {
    const auto& g = p.gini;
    const auto& t = p.theil;
    summary.rows.push_back({p.period, p.node, std::to_string(p.n), num_full(g.gini), num_full(g.within),
                            num_full(g.between), num_full(g.transvariation), num_full(g.share_within),
                            num_full(g.share_between), num_full(g.share_transvariation), num_full(t.t),
                            num_full(t.t_within), num_full(t.t_between), num_full(t.l), num_full(t.l_within),
                            num_full(t.l_between)});
    for (std::size_t j = 0; j < g.groups.size(); ++j) {
      const auto k = static_cast<Eigen::Index>(j);
      const auto& s = g.groups[j];
      run.groups_csv.rows.push_back({p.period, s.group, std::to_string(s.n), num_full(s.mean), num_full(s.p),
                                     num_full(s.s), num_full(g.group_gini(k)), num_full(t.group_t(k)),
                                     num_full(t.group_l(k))});
      for (std::size_t h = 0; h < j; ++h)
        pairs.rows.push_back({p.period, s.group, g.groups[h].group,
                              num_full(g.pair_gini(k, static_cast<Eigen::Index>(h))),
                              num_full(g.pair_d(k, static_cast<Eigen::Index>(h)))});
    }
  }
  run.outputs = OutputSet(out);
  run.outputs.add("disparity.json", run.doc.dump(2) + "\n");
  run.outputs.add("disparity_summary.csv", summary.csv());
  run.outputs.add("disparity_groups.csv", run.groups_csv.csv());
  run.outputs.add("disparity_pairs.csv", pairs.csv());
}

}  // namespace

DisparityRun run_disparity(const DisparityRunOptions& o) {
  if (o.group.empty()) throw InvalidInput("disparity: --group COLUMN is required (the data column of the regions)");
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  const IndexRun index = run_index(io);
  DisparityRun run;
  run.spec = index.spec;
  run.warnings = index.warnings;
  run.doc = json_header("disparity", run.spec);
  run.doc["group_column"] = o.group;
  nlohmann::json periods = nlohmann::json::array();
  for (const CrossSection& cs : analysis_cross_sections(index)) {
    DisparityPeriod p;
    p.period = cs.period;
    p.node = o.node.empty() ? cs.node_ids.front() : o.node;
    const Complete c = complete_values(cs.node(o.node));
    const std::vector<std::string> all_groups = cs.text_column(o.group, "--group");
    std::vector<std::string> groups, names;
    for (std::size_t k : c.kept) {
      groups.push_back(all_groups[k]);
      names.push_back(cs.units[k]);
    }
    if (c.kept.size() < cs.units.size())
      run.warnings.push_back(fmt::format("disparity{}: {} of {} units have no score for node '{}' and are left out",
                                         p.period.empty() ? "" : " (period " + p.period + ")",
                                         cs.units.size() - c.kept.size(), cs.units.size(), p.node));
    p.n = static_cast<int>(c.kept.size());
    p.gini = disparity::dagum_gini(c.values, groups);
    p.theil = disparity::theil(c.values, groups, names);
    for (const auto& w : p.gini.warnings)
      run.warnings.push_back(p.period.empty() ? w : fmt::format("period {}: {}", p.period, w));
    periods.push_back(period_json(p));
    run.periods.push_back(std::move(p));
  }
  run.doc["periods"] = periods;
  run.doc["warnings"] = run.warnings;
  add_outputs(run, o.out);
  return run;
}

}  // namespace cikit::pipeline
