#pragma once
/// \file panel_tables.hpp
/// The panel analyses as publication tables and a figure (`cikit appendix` on a panel spec,
/// methods/pipeline/appendix_panel.cpp): P1 index scores by period, P2 change, CAGR and trend,
/// P3 Cronbach's α by dimension and period, and the small-multiples figure of trajectories.
/// Texts from the message catalogue (messages_panel.cpp), in the table's language.

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/panel/panel.hpp"
#include "methods/report/render.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// P1: one row per unit (in the order of `order`), one score column per period, then the rank
/// in the last period. `names` one per trajectory row; `note` is added as the table's note.
[[nodiscard]] Table panel_scores_table(const PanelTrajectories& t, const std::vector<int>& order,
                                       const std::vector<std::string>& names, const std::vector<std::string>& periods,
                                       const std::string& note, Lang lang);
/// P2: first, last, change, CAGR (%), slope, p, direction per unit (rows in `order`).
[[nodiscard]] Table panel_trend_table(const std::vector<UnitTrend>& trends, const std::vector<int>& order,
                                      const std::vector<std::string>& names, const std::vector<std::string>& periods,
                                      Lang lang);
/// P3: standardised α of every inner node (indented by level) in every period; NA where not computable.
[[nodiscard]] Table panel_alpha_table(const PanelAlpha& a, const IndicatorTree& tree,
                                      const std::vector<std::string>& periods, Lang lang);

}  // namespace cikit::report
