#include "methods/pipeline/density.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/pipeline/cross_sections.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/report/density_svg.hpp"
#include "methods/report/messages.hpp"

namespace cikit::pipeline {

DensityRun run_density(const DensityRunOptions& o) {
  if (o.bw != "nrd0" && o.bw != "SJ")
    throw InvalidInput(fmt::format("density: --bw '{}' is not nrd0 or SJ", o.bw));
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  const IndexRun index = run_index(io);
  DensityRun run;
  run.spec = index.spec;
  run.warnings = index.warnings;
  run.doc = json_header("density", run.spec);
  run.doc["options"] = {{"bw", o.bw}, {"n", o.n}, {"cut", o.cut}, {"kernel", "gaussian"}};
  nlohmann::json periods = nlohmann::json::array();
  TextTable csv;
  csv.header = {"period", "node", "bandwidth", "x", "density"};
  std::vector<report::DensityCurve> curves;
  for (const CrossSection& cs : analysis_cross_sections(index)) {
    DensityPeriod p;
    p.period = cs.period;
    p.node = o.node.empty() ? cs.node_ids.front() : o.node;
    const Complete c = complete_values(cs.node(o.node));
    if (c.kept.size() < cs.units.size())
      run.warnings.push_back(fmt::format("density{}: {} of {} units have no score for node '{}' and are left out",
                                         p.period.empty() ? "" : " (period " + p.period + ")",
                                         cs.units.size() - c.kept.size(), cs.units.size(), p.node));
    p.result = density::kernel_density(
        c.values, {.bandwidth = o.bw == "SJ" ? density::Bandwidth::SJ : density::Bandwidth::Nrd0, .n = o.n, .cut = o.cut});
    nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
    for (Eigen::Index g = 0; g < p.result.x.size(); ++g) {
      xs.push_back(json_num(p.result.x(g)));
      ys.push_back(json_num(p.result.y(g)));
      csv.rows.push_back({p.period, p.node, num_full(p.result.bandwidth), num_full(p.result.x(g)),
                          num_full(p.result.y(g))});
    }
    periods.push_back({{"period", p.period}, {"node", p.node}, {"n", p.result.n_obs},
                       {"bandwidth", json_num(p.result.bandwidth)}, {"rule", p.result.rule}, {"x", xs}, {"y", ys}});
    curves.push_back({p.period.empty() ? p.node : p.period, p.result.x, p.result.y});
    run.periods.push_back(std::move(p));
  }
  run.doc["periods"] = periods;
  run.doc["warnings"] = run.warnings;
  // The figures name the node by its label in the figure's language (the files keep the id).
  const std::string& node_id = run.periods.front().node;
  const auto found = run.spec.tree.find(node_id);
  const std::string node_label = found ? run.spec.tree.node(*found).label.get(o.lang, node_id) : node_id;
  const std::string title = report::msgf("density.fig.title", o.lang, node_label, o.bw);
  run.overlay_svg = report::density_overlay_svg(curves, title,
                                                {report::msg("density.fig.x", o.lang), report::msg("density.fig.y", o.lang)});
  run.ridgeline_svg = report::density_ridgeline_svg(curves, title, report::msg("density.fig.x", o.lang));
  run.outputs = OutputSet(o.out);
  run.outputs.add("density.json", run.doc.dump(2) + "\n");
  run.outputs.add("density.csv", csv.csv());
  run.outputs.add("density_overlay.svg", run.overlay_svg + "\n");
  run.outputs.add("density_ridgeline.svg", run.ridgeline_svg + "\n");
  return run;
}

}  // namespace cikit::pipeline
