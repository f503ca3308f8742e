#include "methods/report/panel_tables.hpp"

#include <cmath>

#include "methods/report/messages.hpp"

namespace cikit::report {

Table panel_scores_table(const PanelTrajectories& t, const std::vector<int>& order, const std::vector<std::string>& names,
                         const std::vector<std::string>& periods, const std::string& note, Lang lang) {
  Table tb = make_table("P1_panel_scores", "P1", "panel.traj.title", lang);
  tb.header = {msg("panel.col.unit", lang)};
  for (const auto& p : periods) tb.header.push_back(p);
  tb.header.push_back(msgf("panel.col.rank_last", lang, periods.back()));
  const auto P = t.scores.cols();
  for (int u : order) {
    std::vector<Cell> row{Cell::txt(names[static_cast<std::size_t>(u)])};
    for (Eigen::Index p = 0; p < P; ++p) row.push_back(Cell::number(t.scores(u, p), 2));
    const int rk = t.ranks(u, P - 1);
    row.push_back(rk > 0 ? Cell::integer(rk) : Cell::empty());
    tb.rows.push_back(std::move(row));
  }
  tb.notes.push_back(note);
  return tb;
}

Table panel_trend_table(const std::vector<UnitTrend>& trends, const std::vector<int>& order,
                        const std::vector<std::string>& names, const std::vector<std::string>& periods, Lang lang) {
  Table tb = make_table("P2_panel_trends", "P2", "panel.trend.title", lang);
  tb.title = msgf("panel.trend.title", lang, periods.front(), periods.back());
  tb.header = {msg("panel.col.unit", lang),      msg("panel.col.first", lang), msg("panel.col.last", lang),
               msg("panel.col.change", lang),    msg("panel.col.cagr", lang),  msg("panel.col.slope", lang),
               msg("panel.col.p", lang),         msg("panel.col.direction", lang)};
  for (int u : order) {
    const UnitTrend& tr = trends[static_cast<std::size_t>(u)];
    tb.rows.push_back({Cell::txt(names[static_cast<std::size_t>(u)]), Cell::number(tr.first, 2), Cell::number(tr.last, 2),
                       Cell::number(tr.change, 2), Cell::number(100 * tr.cagr, 2), Cell::number(tr.slope, 3),
                       std::isnan(tr.p_value) ? Cell::empty() : Cell::pvalue(tr.p_value),
                       tr.direction.empty() ? Cell::empty() : Cell::txt(msg("panel.dir." + tr.direction, lang))});
  }
  tb.notes.push_back(msg("panel.trend.note", lang));
  return tb;
}

Table panel_alpha_table(const PanelAlpha& a, const IndicatorTree& tree, const std::vector<std::string>& periods,
                        Lang lang) {
  Table tb = make_table("P3_panel_alpha", "P3", "panel.alpha.title", lang);
  tb.header = {msg("panel.col.node", lang)};
  for (const auto& p : periods) tb.header.push_back(p);
  for (std::size_t k = 0; k < a.nodes.size(); ++k) {
    const Node& nd = tree.node(a.nodes[k]);
    std::vector<Cell> row{Cell::txt(nd.label.get(lang, nd.id), nd.depth)};
    for (Eigen::Index p = 0; p < a.alpha.cols(); ++p) row.push_back(Cell::number(a.std_alpha(static_cast<Eigen::Index>(k), p), 3));
    tb.rows.push_back(std::move(row));
  }
  tb.notes.push_back(msg("panel.alpha.note", lang));
  return tb;
}

}  // namespace cikit::report
