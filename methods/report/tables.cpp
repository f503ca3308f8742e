#include "methods/report/tables.hpp"

#include "methods/report/messages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cikit::report {

namespace {
std::string level_text(int depth, Lang lang) {
  static constexpr const char* kZh[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (lang == Lang::Zh && depth > 0 && depth < 10) return msgf("a1.level.n", lang, kZh[depth]);
  return msgf("a1.level.n", lang, depth);
}
std::string direction_text(Direction d, Lang lang) {
  return msg(d == Direction::Negative ? "a1.direction.negative" : "a1.direction.positive", lang);
}
}  // namespace

Table indicator_system_table(const IndicatorTree& tree, const TreeWeights& weights, const std::string& method_label,
                             Lang lang) {
  Table t = make_table("A1_indicator_system", "A1", "a1.title", lang);
  t.header = {msg("a1.h.level", lang),  msg("a1.h.node", lang),   msg("a1.h.unit", lang),
              msg("a1.h.direction", lang), msg("a1.h.local", lang), msg("a1.h.global", lang),
              msg("a1.h.source", lang), msg("a1.h.id", lang)};
  int number = 0;  // indicators numbered 1, 2, … in this order: the axes of the correlation heatmap
  for (int i : tree.preorder()) {
    const Node& n = tree.node(i);
    const bool leaf = n.children.empty() && i != tree.root();
    std::string level = i == tree.root() ? msg("a1.level.index", lang)
                                         : (leaf ? msgf("a1.level.indicator_n", lang, ++number) : level_text(n.depth, lang));
    t.rows.push_back({Cell::txt(level), Cell::txt(n.label.get(lang, n.id), n.depth), Cell::txt(leaf ? n.unit.get(lang, "") : ""),
                      Cell::txt(leaf ? direction_text(n.direction, lang) : ""), Cell::number(weights.local(i), 4),
                      Cell::percent(weights.global(i), 2), Cell::txt(leaf ? n.source.get(lang, "") : ""), Cell::txt(n.id)});
  }
  t.notes.push_back(msgf("a1.note", lang, method_label));
  for (int i : tree.leaves()) {  // indicators built by a denominator (spec `denominator:`, `scale:`)
    const Node& n = tree.node(i);
    if (n.denominator.empty()) continue;
    const std::string scale = n.scale < 1 || n.scale > 1 ? msgf("a1.note.scale", lang, fmt::format("{:g}", n.scale)) : "";
    t.notes.push_back(msgf("a1.note.denominator", lang, n.label.get(lang, n.id), n.denominator, scale));
  }
  t.machine_columns = {t.header.size() - 1};  // the spec ids: in the CSV and XLSX files, not in the documents
  return t;
}

Table descriptive_table(const IndicatorTree& tree, const DescribeResult& d, Lang lang) {
  Table t = make_table("A2_descriptive_statistics", "A2", "a2.title", lang);
  for (const char* h : {"a2.h.indicator", "a2.h.unit", "a2.h.n", "a2.h.missing", "a2.h.mean", "a2.h.sd", "a2.h.min",
                        "a2.h.max", "a2.h.skewness", "a2.h.kurtosis", "a2.h.flag"})
    t.header.push_back(msg(h, lang));
  int flagged = 0;
  for (std::size_t j = 0; j < d.indicators.size(); ++j) {
    const auto& s = d.indicators[j];
    const Node& leaf = tree.node(tree.leaves()[j]);
    std::string flag;
    if (s.all_missing) flag = msg("a2.flag.all_missing", lang);
    else if (s.zero_variance) flag = msg("a2.flag.constant", lang);
    else if (s.outlier_flag) flag = msg("a2.flag.outliers", lang), ++flagged;
    // Decimals by magnitude: yuan and counts in the thousands as whole numbers with separators,
    // shares and rates in the tens with two decimals, small ratios with three; whole-number
    // data (counts) show their minimum and maximum without decimals.
    const double mag = std::max(std::abs(s.min), std::abs(s.max));
    const int dec = mag >= 1000 ? 0 : mag >= 100 ? 1 : mag >= 10 ? 2 : 3;
    const auto whole = [](double v) { return !(std::abs(v - std::round(v)) > 0.0); };
    const int ends = whole(s.min) && whole(s.max) ? 0 : dec;
    const bool sep = mag >= 10000;
    const auto num = [sep](double v, int k) { return sep ? Cell::grouped_number(v, k) : Cell::number(v, k); };
    t.rows.push_back({Cell::txt(leaf.label.get(lang, leaf.id)), Cell::txt(leaf.unit.get(lang, "")), Cell::integer(s.n),
                      Cell::integer(s.n_missing), num(s.mean, dec), num(s.sd, dec), num(s.min, ends), num(s.max, ends),
                      Cell::number(s.skewness, 3), Cell::number(s.kurtosis, 3), Cell::txt(flag)});
  }
  const double cells = static_cast<double>(d.n_units) * static_cast<double>(d.indicators.size());
  t.notes.push_back(msgf("a2.note", lang,
      d.n_units, d.n_missing, cells > 0 ? 100.0 * static_cast<double>(d.n_missing) / cells : 0.0, flagged));
  return t;
}

Table index_table(const Dataset& data, const IndicatorTree& tree, const IndexResult& r, const std::string& methods_note,
                  Lang lang) {
  Table t = make_table("index_scores", "B1", "b1.title", lang);
  const int root = tree.root();
  const auto& dims = tree.node(root).children;
  t.header = {msg("b1.h.rank", lang), msg("b1.h.unit", lang), msg("b1.h.score", lang)};
  t.groups = {{"", 2}, {tree.node(root).label.get(lang, tree.node(root).id), 1}};
  for (int d : dims) {
    t.header.push_back(msg("b1.h.score", lang));
    t.header.push_back(msg("b1.h.rank", lang));
    t.groups.push_back({tree.node(d).label.get(lang, tree.node(d).id), 2});
  }
  std::vector<Eigen::Index> order(static_cast<std::size_t>(data.n_units()));
  for (Eigen::Index i = 0; i < data.n_units(); ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const int ra = r.ranks(a, root), rb = r.ranks(b, root);
    return (ra == 0 ? INT32_MAX : ra) < (rb == 0 ? INT32_MAX : rb);
  });
  const auto rank_cell = [](int rank) { return rank == 0 ? Cell::txt("NA") : Cell::integer(rank); };
  for (Eigen::Index i : order) {
    std::vector<Cell> row{rank_cell(r.ranks(i, root)), Cell::txt(data.unit_name(i, lang_code(lang))),
                          Cell::number(r.scores(i, root), 2)};
    for (int d : dims) {
      row.push_back(Cell::number(r.scores(i, d), 2));
      row.push_back(rank_cell(r.ranks(i, d)));
    }
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(methods_note);
  t.notes.push_back(msg("b1.note.ranks", lang));
  return t;
}

}  // namespace cikit::report
