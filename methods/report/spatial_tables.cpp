#include "methods/report/spatial_tables.hpp"

#include "methods/report/density_svg.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {

Cell period_cell(const std::string& p) { return Cell::txt(p.empty() ? "—" : p); }

}  // namespace

namespace {

/// A catalogue note without its "Note. " / "注：" lead: the CLI prints the sentence as is, the
/// renderers add the lead to a table's notes themselves.
std::string bare(std::string s) {
  for (const std::string lead : {"Note. ", "注："})
    if (s.rfind(lead, 0) == 0) return s.substr(lead.size());
  return s;
}

}  // namespace

std::vector<Table> disparity_tables(const std::vector<DisparityPeriodResult>& periods, const std::string& group_column,
                                    Lang lang) {
  Table e1 = make_table("E1_dagum_gini", "E1", "disparity.e1.title", lang);
  e1.header = {msg("disparity.col.period", lang), msg("disparity.col.n", lang), msg("disparity.col.gini", lang),
               msg("disparity.col.within", lang), msg("disparity.col.between", lang),
               msg("disparity.col.transvariation", lang), msg("disparity.col.share_within", lang),
               msg("disparity.col.share_between", lang), msg("disparity.col.share_transvariation", lang)};
  Table e2 = make_table("E2_gini_groups", "E2", "disparity.e2.title", lang);
  e2.header = {msg("disparity.col.period", lang), msg("disparity.col.group", lang), msg("disparity.col.n", lang),
               msg("disparity.col.mean", lang), msg("disparity.col.group_gini", lang),
               msg("disparity.col.pair_gini", lang), msg("disparity.col.pair_d", lang)};
  Table e3 = make_table("E3_theil", "E3", "disparity.e3.title", lang);
  e3.header = {msg("disparity.col.period", lang), msg("disparity.col.theil_t", lang),
               msg("disparity.col.theil_t_within", lang), msg("disparity.col.theil_t_between", lang),
               msg("disparity.col.theil_l", lang), msg("disparity.col.theil_l_within", lang),
               msg("disparity.col.theil_l_between", lang)};
  int n = 0;
  for (const auto& p : periods) {
    const auto& g = p.gini;
    const auto& t = p.theil;
    n = p.n;
    e1.rows.push_back({period_cell(p.period), Cell::integer(p.n), Cell::number(g.gini, 4), Cell::number(g.within, 4),
                       Cell::number(g.between, 4), Cell::number(g.transvariation, 4), Cell::percent(g.share_within, 2),
                       Cell::percent(g.share_between, 2), Cell::percent(g.share_transvariation, 2)});
    for (std::size_t j = 0; j < g.groups.size(); ++j) {
      const auto k = static_cast<Eigen::Index>(j);
      e2.rows.push_back({period_cell(p.period), Cell::txt(g.groups[j].group), Cell::integer(g.groups[j].n),
                         Cell::number(g.groups[j].mean, 3), Cell::number(g.group_gini(k), 4), Cell::empty(),
                         Cell::empty()});
    }
    for (Eigen::Index j = 0; j < g.pair_gini.rows(); ++j)
      for (Eigen::Index h = 0; h < j; ++h)
        e2.rows.push_back({period_cell(p.period),
                           Cell::txt(g.groups[static_cast<std::size_t>(j)].group + " – " +
                                     g.groups[static_cast<std::size_t>(h)].group),
                           Cell::empty(), Cell::empty(), Cell::empty(), Cell::number(g.pair_gini(j, h), 4),
                           Cell::number(g.pair_d(j, h), 4)});
    e3.rows.push_back({period_cell(p.period), Cell::number(t.t, 4), Cell::number(t.t_within, 4),
                       Cell::number(t.t_between, 4), Cell::number(t.l, 4), Cell::number(t.l_within, 4),
                       Cell::number(t.l_between, 4)});
  }
  e1.notes.push_back(bare(msgf("disparity.note", lang, group_column, n)));
  e2.notes.push_back(bare(msgf("disparity.note", lang, group_column, n)));
  e3.notes.push_back(bare(msg("disparity.theil.note", lang)));
  return {e1, e2, e3};
}

std::vector<Block> density_blocks(const std::vector<DensityPeriodResult>& periods, Lang lang) {
  Table e4 = make_table("E4_kernel_density", "E4", "density.e4.title", lang);
  e4.header = {msg("disparity.col.period", lang), msg("disparity.col.node", lang), msg("disparity.col.n", lang),
               msg("density.col.bandwidth", lang), msg("density.col.peak", lang), msg("density.col.peak_density", lang)};
  std::vector<DensityCurve> curves;
  for (const auto& p : periods) {
    Eigen::Index at = 0;
    p.result.y.maxCoeff(&at);
    e4.rows.push_back({period_cell(p.period), Cell::txt(p.node), Cell::integer(p.result.n_obs),
                       Cell::number(p.result.bandwidth, 4), Cell::number(p.result.x(at), 3),
                       Cell::number(p.result.y(at), 5)});
    curves.push_back({p.period.empty() ? p.node : p.period, p.result.x, p.result.y});
  }
  const auto& r = periods.front().result;
  e4.notes.push_back(bare(msgf("density.note", lang, r.rule, r.rule, r.x.size())));
  const std::string title = msgf("density.fig.title", lang, periods.front().node, r.rule);
  Figure overlay{"E4_density_overlay", "", title,
                 density_overlay_svg(curves, title, {msg("density.fig.x", lang), msg("density.fig.y", lang)}), {}, {}, lang};
  Figure ridge{"E4_density_ridgeline", "", title, density_ridgeline_svg(curves, title, msg("density.fig.x", lang)), {}, {},
               lang};
  return {e4, overlay, ridge};
}

std::vector<Table> spatial_tables(const std::vector<SpatialPeriodResult>& periods, Lang lang) {
  Table e5 = make_table("E5_moran", "E5", "spatial.e5.title", lang);
  e5.header = {msg("disparity.col.period", lang), msg("spatial.col.scheme", lang), msg("spatial.col.moran_i", lang),
               msg("spatial.col.expectation", lang), msg("spatial.col.variance", lang), msg("spatial.col.z", lang),
               msg("spatial.col.p", lang)};
  Table e6 = make_table("E6_lisa", "E6", "spatial.e6.title", lang);
  e6.header = {msg("disparity.col.period", lang), msg("spatial.col.unit", lang), msg("spatial.col.local_i", lang),
               msg("spatial.col.z", lang), msg("spatial.col.p", lang), msg("spatial.col.quadrant", lang)};
  for (const auto& p : periods) {
    const auto& m = p.moran;
    e5.rows.push_back({period_cell(p.period), Cell::txt(p.weights.scheme + " (" + p.weights.style + ")"),
                       Cell::number(m.moran_i, 4), Cell::number(m.expectation, 4),
                       Cell::number(m.variance_randomisation, 6), Cell::number(m.z_randomisation, 3),
                       Cell::pvalue(m.p_randomisation)});
    if (&p != &periods.back()) continue;  // local indicators: the latest period (one row per unit)
    for (std::size_t i = 0; i < p.units.size(); ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      e6.rows.push_back({period_cell(p.period), Cell::txt(p.units[i]), Cell::number(p.local.ii(k), 4),
                         Cell::number(p.local.z(k), 3), Cell::pvalue(p.local.p(k)),
                         Cell::txt(spatial::quadrant_name(p.local.quadrant[i]))});
    }
  }
  if (!periods.empty())
    e5.notes.push_back(bare(msgf("spatial.note", lang, periods.front().weights.scheme, periods.front().weights.style,
                            periods.front().units.size())));
  e6.notes.push_back(bare(msg("spatial.lisa.note", lang)));
  if (periods.size() > 1) e6.notes.push_back(msgf("spatial.lisa.latest", lang, periods.back().period));
  return {e5, e6};
}

}  // namespace cikit::report
