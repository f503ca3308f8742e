#include "methods/pipeline/appendix_analyses.hpp"

#include "methods/core/text.hpp"
#include "methods/pipeline/coupling.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/obstacles.hpp"
#include "methods/report/analysis_tables.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"

namespace cikit::pipeline {

std::vector<std::pair<std::string, std::string>> append_analysis_blocks(std::vector<report::Block>& blocks,
                                                                        const Spec& spec, const Dataset& data,
                                                                        const IndexResult& index,
                                                                        const report::AnalysesSettings& settings,
                                                                        Lang lang) {
  std::vector<std::pair<std::string, std::string>> left_out;
  const IndicatorTree& tree = spec.tree;
  // The usual reason first (an index not on a bounded scale), in the document's language.
  const auto reason = [&](const std::string& what) {
    if (what.find("bounded range") != std::string::npos || what.find("unbounded scale") != std::string::npos)
      return report::msg("analysis.omit.unbounded", lang);
    return report::localised_reason(what, lang);
  };
  if (settings.coupling) {
    try {
      CouplingRunOptions o;
      o.formula = coupling::parse_formula(settings.coupling_formula);
      o.weights = settings.coupling_weights;
      CouplingRun run;
      run.spec = spec;
      run.data = data;
      analyse_coupling(run, index, on_range_scale(index, tree), o);
      report::CouplingView v{run.nodes, run.u, run.w, o.formula, run.result};
      blocks.emplace_back(report::coupling_table(v, tree, data, lang));
      blocks.emplace_back(report::coupling_levels_table(v, lang));
      blocks.emplace_back(report::coupling_levels_figure(v, lang, "9"));
    } catch (const std::exception& e) {
      left_out.emplace_back(str_cat("coupling coordination (K1, K2) left out: ", e.what()),
                            report::msgf("analysis.omit.coupling", lang, reason(e.what())));
    }
  }
  if (settings.obstacles) {
    try {
      ObstaclesRunOptions o;
      o.top = settings.obstacles_top;
      ObstaclesRun run;
      run.spec = spec;
      run.data = data;
      analyse_obstacles(run, index, o);
      report::ObstacleView v{run.groups, run.result, run.top, run.frequency, run.counted_units, o.top};
      blocks.emplace_back(report::obstacle_table(v, tree, data, lang));
      blocks.emplace_back(report::obstacle_frequency_table(v, tree, lang));
      blocks.emplace_back(report::obstacle_frequency_figure(v, tree, lang, "10"));
    } catch (const std::exception& e) {
      left_out.emplace_back(str_cat("obstacle degree (O1, O2) left out: ", e.what()),
                            report::msgf("analysis.omit.obstacles", lang, reason(e.what())));
    }
  }
  return left_out;
}

}  // namespace cikit::pipeline
