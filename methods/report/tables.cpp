#include "methods/report/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cikit::report {

namespace {
const char* tr(Lang lang, const char* en, const char* zh) { return lang == Lang::Zh ? zh : en; }
std::string level_text(int depth, Lang lang) {
  static constexpr const char* kZh[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (lang == Lang::Zh && depth > 0 && depth < 10) return fmt::format("{}级维度", kZh[depth]);
  return lang == Lang::Zh ? fmt::format("{}级维度", depth) : fmt::format("Level {}", depth);
}
std::string direction_text(Direction d, Lang lang) {
  if (d == Direction::Negative) return tr(lang, "− (less is better)", "负向");
  return tr(lang, "+ (more is better)", "正向");
}
}  // namespace

Table indicator_system_table(const IndicatorTree& tree, const TreeWeights& weights, const std::string& method_label,
                             Lang lang) {
  Table t;
  t.id = "A1_indicator_system";
  t.number = "A1";
  t.lang = lang;
  t.title = tr(lang, "Indicator system and weights", "指标体系及权重");
  t.header = {tr(lang, "Level", "层级"), tr(lang, "Dimension / indicator", "维度 / 指标"), tr(lang, "Unit", "单位"),
              tr(lang, "Direction", "属性"), tr(lang, "Local weight", "局部权重"), tr(lang, "Global weight", "综合权重"),
              tr(lang, "Source", "数据来源"), "ID"};
  for (int i : tree.preorder()) {
    const Node& n = tree.node(i);
    const bool leaf = n.children.empty() && i != tree.root();
    std::string level = i == tree.root() ? tr(lang, "Index", "目标层")
                                         : (leaf ? tr(lang, "Indicator", "指标") : level_text(n.depth, lang));
    t.rows.push_back({Cell::txt(level), Cell::txt(n.label.get(lang, n.id), n.depth), Cell::txt(leaf ? n.unit : ""),
                      Cell::txt(leaf ? direction_text(n.direction, lang) : ""), Cell::number(weights.local(i), 4),
                      Cell::percent(weights.global(i), 2), Cell::txt(leaf ? n.source : ""), Cell::txt(n.id)});
  }
  t.notes.push_back(fmt::format(
      fmt::runtime(tr(lang, "Weights: {}. Local weights sum to 1 within each group; a global weight is the product "
                            "of the local weights from the index down to the node.",
                      "权重方法：{}。局部权重在每个上级维度内之和为 1；综合权重为自目标层至该节点各级局部权重之积。")),
      method_label));
  return t;
}

Table descriptive_table(const IndicatorTree& tree, const DescribeResult& d, Lang lang) {
  Table t;
  t.id = "A2_descriptive_statistics";
  t.number = "A2";
  t.lang = lang;
  t.title = tr(lang, "Descriptive statistics and data quality", "描述性统计与数据质量");
  t.header = {tr(lang, "Indicator", "指标"), "n", tr(lang, "Missing", "缺失"), tr(lang, "Mean", "均值"),
              tr(lang, "SD", "标准差"), tr(lang, "Min", "最小值"), tr(lang, "Max", "最大值"),
              tr(lang, "Skewness", "偏度"), tr(lang, "Kurtosis", "峰度"), tr(lang, "Flag", "标记")};
  int flagged = 0;
  for (std::size_t j = 0; j < d.indicators.size(); ++j) {
    const auto& s = d.indicators[j];
    const Node& leaf = tree.node(tree.leaves()[j]);
    std::string flag;
    if (s.all_missing) flag = tr(lang, "all missing", "全部缺失");
    else if (s.zero_variance) flag = tr(lang, "constant", "常数");
    else if (s.outlier_flag) flag = tr(lang, "outliers", "异常值"), ++flagged;
    t.rows.push_back({Cell::txt(leaf.label.get(lang, leaf.id)), Cell::integer(s.n), Cell::integer(s.n_missing),
                      Cell::number(s.mean, 3), Cell::number(s.sd, 3), Cell::number(s.min, 3), Cell::number(s.max, 3),
                      Cell::number(s.skewness, 3), Cell::number(s.kurtosis, 3), Cell::txt(flag)});
  }
  const double cells = static_cast<double>(d.n_units) * static_cast<double>(d.indicators.size());
  t.notes.push_back(fmt::format(
      fmt::runtime(tr(lang,
                      "{} units; {} missing values ({:.1f}% of cells). SD with divisor n−1; skewness and excess "
                      "kurtosis are the sample statistics G1 and G2 (as SPSS and Excel). Outlier flag: |skewness| > 2 "
                      "and kurtosis > 3.5 (OECD/JRC 2008); {} indicator(s) flagged.",
                      "共 {} 个单位；缺失值 {} 个（占 {:.1f}%）。标准差按 n−1 计算；偏度与峰度为样本统计量 G1、G2（与 SPSS、Excel "
                      "一致，峰度为超额峰度）。异常值标记：|偏度|>2 且峰度>3.5（OECD/JRC 2008），共 {} 个指标。")),
      d.n_units, d.n_missing, cells > 0 ? 100.0 * static_cast<double>(d.n_missing) / cells : 0.0, flagged));
  return t;
}

Table index_table(const Dataset& data, const IndicatorTree& tree, const IndexResult& r, const std::string& methods_note,
                  Lang lang) {
  Table t;
  t.id = "index_scores";
  t.number = "B1";
  t.lang = lang;
  t.title = tr(lang, "Index scores and ranks", "指数得分与排名");
  const int root = tree.root();
  const auto& dims = tree.node(root).children;
  t.header = {tr(lang, "Rank", "排名"), tr(lang, "Unit", "单位"), tr(lang, "Score", "得分")};
  t.groups = {{"", 2}, {tree.node(root).label.get(lang, tree.node(root).id), 1}};
  for (int d : dims) {
    t.header.push_back(tr(lang, "Score", "得分"));
    t.header.push_back(tr(lang, "Rank", "排名"));
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
  t.notes.push_back(tr(lang, "Rank 1 = best; ties share the smallest rank.", "排名 1 为最优；得分相同者并列，取最小名次。"));
  return t;
}

}  // namespace cikit::report
