#include "methods/report/analysis_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

namespace {

std::string label(const IndicatorTree& tree, int node, Lang lang) {
  return tree.node(node).label.get(lang, tree.node(node).id);
}

const char* band_name(int b, Lang lang) {
  if (b < 0) return "—";
  const auto& band = coupling::coordination_bands()[static_cast<std::size_t>(b)];
  return lang == Lang::Zh ? band.zh : band.en;
}

/// Horizontal bars: one row per label, values on [0, xmax], tick labels by `tick`.
std::string hbar_svg(const std::vector<std::string>& labels, const std::vector<double>& values, const std::string& axis,
                     bool percent) {
  constexpr double kPlot = 380.0, kRow = 20.0, kBar = 12.0, kTop = 16.0;
  double left = 160.0;
  for (const auto& l : labels) left = std::max(left, 14.0 + 0.55 * 10.0 * static_cast<double>(display_width(l)));
  const double height = kTop + static_cast<double>(labels.size()) * kRow + 48.0;
  Svg svg(left + kPlot + 60.0, height);
  double vmax = 0.0;
  for (double v : values) vmax = std::max(vmax, v);
  const std::vector<double> ticks = nice_ticks(0.0, std::max(vmax, 1e-9), 5);
  const double xmax = ticks.back();
  const auto xpos = [&](double v) { return left + kPlot * v / xmax; };
  double y = kTop;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    svg.text(left - 6, y + kBar - 2, labels[i], 10, "end");
    svg.rect(left, y, xpos(values[i]) - left, kBar, "#4c78a8");
    svg.text(xpos(values[i]) + 4, y + kBar - 2, percent ? fmt::format("{:.1f}%", 100.0 * values[i]) : fmt::format("{:g}", values[i]), 9);
    y += kRow;
  }
  for (double tk : ticks) {
    svg.line(xpos(tk), kTop, xpos(tk), y, "#cccccc", 0.5, "2,2");
    svg.text(xpos(tk), y + 14, percent ? fmt::format("{:g}%", 100.0 * tk) : fmt::format("{:g}", tk), 10, "middle");
  }
  svg.line(left, kTop, left, y, "#333333", 1.0);
  svg.text(left + kPlot / 2, y + 34, axis, 10, "middle");
  return svg.str();
}

std::vector<int> level_counts(const CouplingView& v) {
  std::vector<int> counts(coupling::coordination_bands().size(), 0);
  for (int b : v.result.band)
    if (b >= 0) ++counts[static_cast<std::size_t>(b)];
  return counts;
}

}  // namespace

Table coupling_table(const CouplingView& v, const IndicatorTree& tree, const Dataset& data, Lang lang) {
  Table t = make_table("K1_coupling", "K1", "analysis.coupling.title", lang);
  t.header = {msg("analysis.col.unit", lang)};
  for (int n : v.nodes) t.header.push_back(label(tree, n, lang));
  t.header.insert(t.header.end(), {"C", "T", "D", msg("analysis.col.level", lang)});
  std::vector<Eigen::Index> order(static_cast<std::size_t>(v.u.rows()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const double da = v.result.d(a), db = v.result.d(b);
    if (std::isnan(db)) return !std::isnan(da);
    return !std::isnan(da) && da > db;
  });
  for (Eigen::Index i : order) {
    std::vector<Cell> row = {Cell::txt(data.unit_name(i, lang_code(lang)))};
    for (Eigen::Index j = 0; j < v.u.cols(); ++j) row.push_back(Cell::number(v.u(i, j), 3));
    row.insert(row.end(), {Cell::number(v.result.c(i), 3), Cell::number(v.result.t(i), 3), Cell::number(v.result.d(i), 3),
                           Cell::txt(band_name(v.result.band[static_cast<std::size_t>(i)], lang))});
    t.rows.push_back(std::move(row));
  }
  std::string weights;
  for (Eigen::Index j = 0; j < v.w.size(); ++j)
    weights += fmt::format("{}{} {:.3f}", j ? msg("interp.list_sep", lang) : "", label(tree, v.nodes[static_cast<std::size_t>(j)], lang), v.w(j));
  t.notes.push_back(msgf(v.formula == coupling::Formula::Corrected ? "analysis.coupling.note.corrected"
                                                                  : "analysis.coupling.note.traditional",
                         lang, weights));
  if (!v.result.undefined.empty()) t.notes.push_back(msgf("analysis.coupling.undefined", lang, v.result.undefined.size()));
  const auto counts = level_counts(v);
  const int modal = static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  double dmean = 0.0;
  int nd = 0;
  for (Eigen::Index i = 0; i < v.result.d.size(); ++i)
    if (!std::isnan(v.result.d(i))) dmean += v.result.d(i), ++nd;
  if (nd > 0)
    t.interpretation.push_back(msgf("analysis.coupling.interp", lang, dmean / nd, band_name(coupling::band_of(dmean / nd), lang),
                                    band_name(modal, lang), counts[static_cast<std::size_t>(modal)], nd));
  return t;
}

Table coupling_levels_table(const CouplingView& v, Lang lang) {
  Table t = make_table("K2_coupling_levels", "K2", "analysis.levels.title", lang);
  t.header = {msg("analysis.col.level", lang), msg("analysis.col.range", lang), msg("analysis.col.units", lang),
              msg("analysis.col.share", lang)};
  const auto& bands = coupling::coordination_bands();
  const auto counts = level_counts(v);
  const int total = std::accumulate(counts.begin(), counts.end(), 0);
  for (std::size_t b = 0; b < bands.size(); ++b)
    t.rows.push_back({Cell::txt(band_name(static_cast<int>(b), lang)),
                      Cell::txt(fmt::format("[{:.1f}, {:.1f}{}", bands[b].lo, bands[b].hi, b + 1 == bands.size() ? "]" : ")")),
                      Cell::integer(counts[b]), Cell::percent(total > 0 ? counts[b] / static_cast<double>(total) : std::nan(""), 1)});
  t.notes.push_back(msg("analysis.levels.note", lang));
  return t;
}

Figure coupling_levels_figure(const CouplingView& v, Lang lang, const std::string& number) {
  Figure f;
  f.number = number;
  f.id = str_cat("F", number, "_coupling_levels");
  f.lang = lang;
  f.title = msg("analysis.levels.fig", lang);
  std::vector<std::string> labels;
  std::vector<double> values;
  const auto counts = level_counts(v);
  for (std::size_t b = 0; b < counts.size(); ++b) {
    labels.emplace_back(band_name(static_cast<int>(b), lang));
    values.push_back(counts[b]);
  }
  f.svg = hbar_svg(labels, values, msg("analysis.col.units", lang), false);
  f.notes.push_back(msg("analysis.levels.note", lang));
  return f;
}

Table obstacle_table(const ObstacleView& v, const IndicatorTree& tree, const Dataset& data, Lang lang) {
  Table t = make_table("O1_obstacles", "O1", "analysis.obstacles.title", lang);
  const auto& leaves = tree.leaves();
  t.header = {msg("analysis.col.unit", lang)};
  for (int g : v.groups) t.header.push_back(label(tree, g, lang));
  const int shown = std::min(v.k, 3);
  for (int r = 1; r <= shown; ++r) t.header.push_back(msgf("analysis.col.top", lang, r));
  for (Eigen::Index i = 0; i < v.result.indicator.rows(); ++i) {
    std::vector<Cell> row = {Cell::txt(data.unit_name(i, lang_code(lang)))};
    for (Eigen::Index g = 0; g < v.result.group.cols(); ++g) row.push_back(Cell::percent(v.result.group(i, g), 1));
    const auto& top = v.top[static_cast<std::size_t>(i)];
    for (int r = 0; r < shown; ++r) {
      if (static_cast<std::size_t>(r) < top.size()) {
        const Eigen::Index j = top[static_cast<std::size_t>(r)];
        row.push_back(Cell::txt(fmt::format(fmt::runtime(lang == Lang::Zh ? "{}（{:.1f}%）" : "{} ({:.1f}%)"),
                                            label(tree, leaves[static_cast<std::size_t>(j)], lang),
                                            100.0 * v.result.indicator(i, j))));
      } else {
        row.push_back(Cell::txt("—"));
      }
    }
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msg("analysis.obstacles.note", lang));
  if (!v.result.incomplete.empty()) t.notes.push_back(msgf("analysis.obstacles.incomplete", lang, v.result.incomplete.size()));
  if (!v.result.no_shortfall.empty()) t.notes.push_back(msgf("analysis.obstacles.none", lang, v.result.no_shortfall.size()));
  // The group with the largest mean obstacle.
  Eigen::Index best = -1;
  double best_mean = -1.0;
  for (Eigen::Index g = 0; g < v.result.group.cols(); ++g) {
    double s = 0.0;
    int n = 0;
    for (Eigen::Index i = 0; i < v.result.group.rows(); ++i)
      if (!std::isnan(v.result.group(i, g))) s += v.result.group(i, g), ++n;
    if (n > 0 && s / n > best_mean) best_mean = s / n, best = g;
  }
  if (best >= 0)
    t.interpretation.push_back(msgf("analysis.obstacles.interp", lang, label(tree, v.groups[static_cast<std::size_t>(best)], lang),
                                    100.0 * best_mean));
  return t;
}

namespace {

std::vector<Eigen::Index> by_frequency(const ObstacleView& v) {
  std::vector<Eigen::Index> order(static_cast<std::size_t>(v.frequency.size()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return v.frequency(a) > v.frequency(b); });
  return order;
}

}  // namespace

Table obstacle_frequency_table(const ObstacleView& v, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("O2_obstacle_frequency", "O2", "analysis.frequency.title", lang);
  t.title = msgf("analysis.frequency.title", lang, v.k);
  const auto& leaves = tree.leaves();
  t.header = {msg("analysis.col.indicator", lang), msg("analysis.col.dimension", lang), msg("analysis.col.units", lang),
              msg("analysis.col.share", lang)};
  const double n = static_cast<double>(std::max<Eigen::Index>(1, v.counted_units));
  std::vector<std::string> leading;
  for (Eigen::Index j : by_frequency(v)) {
    if (v.frequency(j) == 0) continue;
    const int leaf = leaves[static_cast<std::size_t>(j)];
    int dim = leaf;
    while (tree.node(dim).depth > 1) dim = tree.node(dim).parent;
    t.rows.push_back({Cell::txt(label(tree, leaf, lang)), Cell::txt(label(tree, dim, lang)), Cell::integer(v.frequency(j)),
                      Cell::percent(v.frequency(j) / n, 1)});
    if (leading.size() < 3) leading.push_back(label(tree, leaf, lang));
  }
  t.notes.push_back(msgf("analysis.frequency.note", lang, v.k, v.counted_units));
  std::string names;
  for (const auto& l : leading) names += (names.empty() ? "" : msg("interp.list_sep", lang)) + l;
  if (!leading.empty()) t.interpretation.push_back(msgf("analysis.frequency.interp", lang, names));
  return t;
}

Figure obstacle_frequency_figure(const ObstacleView& v, const IndicatorTree& tree, Lang lang, const std::string& number) {
  Figure f;
  f.number = number;
  f.id = str_cat("F", number, "_obstacle_frequency");
  f.lang = lang;
  f.title = msgf("analysis.frequency.fig", lang, v.k);
  std::vector<std::string> labels;
  std::vector<double> values;
  const double n = static_cast<double>(std::max<Eigen::Index>(1, v.counted_units));
  for (Eigen::Index j : by_frequency(v)) {
    if (v.frequency(j) == 0 || labels.size() >= 15) continue;
    labels.push_back(label(tree, tree.leaves()[static_cast<std::size_t>(j)], lang));
    values.push_back(v.frequency(j) / n);
  }
  f.svg = hbar_svg(labels, values, msgf("analysis.frequency.axis", lang, v.k), true);
  f.notes.push_back(msgf("analysis.frequency.note", lang, v.k, v.counted_units));
  return f;
}

}  // namespace cikit::report
