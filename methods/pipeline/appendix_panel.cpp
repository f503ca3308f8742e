#include "methods/pipeline/appendix_panel.hpp"

#include <algorithm>
#include <climits>

#include "methods/compare/weights_report.hpp"
#include "methods/core/text.hpp"
#include "methods/pipeline/panel.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/panel_svg.hpp"
#include "methods/report/panel_tables.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

IndexResult panel_latest_index(const Spec& spec, const WeightInputs& inputs) {
  PanelBuild b = build_panel(spec, inputs);
  return std::move(b.result.results.back());
}

std::vector<std::pair<std::string, std::string>> append_panel_blocks(std::vector<report::Block>& blocks,
                                                                     const Spec& spec, Lang lang) {
  std::vector<std::pair<std::string, std::string>> left_out;
  if (!is_panel(spec)) return left_out;
  PanelBuild b;
  try {
    Judgments judgments;
    const WeightInputs inputs = spec_weight_inputs(spec, {spec.config.weights}, judgments);
    b = build_panel(spec, inputs);
  } catch (const std::exception& e) {
    left_out.emplace_back(str_cat("panel tables (P1-P3) left out: ", e.what()), report::msgf("panel.omit", lang, e.what()));
    return left_out;
  }
  const PanelData& pd = b.data;
  const PanelTrajectories t = panel_trajectories(pd, b.result, spec.tree.root());
  const std::vector<UnitTrend> trends = panel_trends(t.scores, pd.period_values, pd.units);
  std::vector<std::string> names(pd.units.size());
  for (std::size_t u = 0; u < pd.units.size(); ++u)
    for (const Dataset& d : pd.sections) {
      const auto it = std::find(d.unit_ids.begin(), d.unit_ids.end(), pd.units[u]);
      if (it != d.unit_ids.end()) names[u] = d.unit_name(it - d.unit_ids.begin(), lang_code(lang));
    }
  const auto P = t.ranks.cols();
  std::vector<int> order(pd.units.size());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = static_cast<int>(u);
  std::stable_sort(order.begin(), order.end(), [&](int a, int c) {
    const int ra = t.ranks(a, P - 1), rc = t.ranks(c, P - 1);
    return (ra == 0 ? INT_MAX : ra) < (rc == 0 ? INT_MAX : rc);
  });
  const PanelSettings& s = b.result.settings;
  const std::string summary = report::msgf("panel.summary", lang, pd.units.size(), pd.periods.size(), pd.periods.front(),
                                           pd.periods.back(), panel_mode_text(s, false, lang), panel_mode_text(s, true, lang));
  report::Table p1 = report::panel_scores_table(t, order, names, pd.periods, summary, lang);
  p1.notes.push_back(report::msgf("panel.section.note", lang, pd.periods.back()));
  blocks.emplace_back(std::move(p1));
  blocks.emplace_back(report::panel_trend_table(trends, order, names, pd.periods, lang));
  blocks.emplace_back(report::panel_alpha_table(panel_alpha(pd, spec.tree), spec.tree, pd.periods, lang));
  std::vector<int> top(order.begin(), order.begin() + std::min<std::ptrdiff_t>(12, static_cast<std::ptrdiff_t>(order.size())));
  report::Figure f;
  f.id = "P_panel_trajectories";
  f.title = report::msgf("panel.fig.title", lang, report::msgf("panel.fig.top", lang, top.size()));
  f.svg = report::trajectories_svg(t.scores, top, names, pd.periods, f.title, report::msg("panel.fig.axis", lang));
  f.notes.push_back(report::msg("panel.fig.note", lang));
  f.lang = lang;
  blocks.emplace_back(std::move(f));
  return left_out;
}

}  // namespace cikit::pipeline
