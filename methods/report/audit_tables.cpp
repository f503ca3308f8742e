#include "methods/report/audit_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

namespace {

Cell node_cell(const IndicatorTree& tree, int node, Lang lang) {
  const Node& nd = tree.node(node);
  return Cell::txt(nd.label.get(lang, nd.id), std::max(0, nd.depth - 1));
}

std::string label(const IndicatorTree& tree, int node, Lang lang) {
  return tree.node(node).label.get(lang, tree.node(node).id);
}

std::vector<std::string> flag_keys(const audit::AuditResult& r, int node) {
  std::vector<std::string> f;
  for (const auto& c : r.correlations)
    if (c.node == node) {
      if (c.negative) f.emplace_back("negative");
      if (c.weak) f.emplace_back("weak");
    }
  for (const auto& g : r.groups)
    for (const auto& p : g.redundant)
      if ((p.a == node || p.b == node) && std::find(f.begin(), f.end(), "redundant") == f.end())
        f.emplace_back("redundant");
  for (const auto& m : r.importance)
    if (m.node == node && m.divergent) f.emplace_back("divergent");
  return f;
}

std::string joined(const std::vector<std::string>& parts, Lang lang) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : msg("audit.flag.sep", lang)) + p;
  return s;
}

}  // namespace

std::string audit_flags_text(const audit::AuditResult& r, int node, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& k : flag_keys(r, node)) parts.push_back(msg("audit.flag." + k, lang));
  return joined(parts, lang);
}

std::string audit_verdict_text(const audit::GroupSummary& s, Lang lang) {
  if (s.verdict == "coherent") return msg("audit.verdict.coherent", lang);
  std::vector<std::string> parts;
  for (const auto& k : s.reasons) parts.push_back(msg("audit.reason." + k, lang));
  if (s.verdict == "not_applicable") return msgf("audit.verdict.not_applicable", lang, joined(parts, lang));
  return msgf("audit.verdict.review", lang, joined(parts, lang));
}

std::string audit_node_note(const audit::AuditResult& r, Lang lang) {
  std::string s = msgf("audit.c1.note", lang, r.options.weak_r, r.options.redundant_r) + "\n" +
                  msgf("audit.c2.note", lang, r.options.spline_df, 1.0 - r.options.divergence, 1.0 + r.options.divergence);
  if (r.options.bootstrap > 0) s += "\n" + msgf("audit.c2.ci", lang, r.options.bootstrap, r.options.seed);
  return s;
}

std::string audit_summary_note(const audit::AuditResult& r, Lang lang) {
  return msgf("audit.c4.note", lang, r.options.alpha_min, r.options.eigen_share_min);
}

std::string audit_optimisation_title(const audit::OptimiseResult& o, Lang lang) {
  return msg("audit.c3.title", lang) + " — " + msgf("audit.c3.level", lang, o.level);
}

std::string audit_optimisation_note(const audit::OptimiseResult& o, const IndicatorTree& tree,
                                    const std::string& target_kind, Lang lang) {
  std::string s = o.objective_kind == audit::OptimiseObjective::Infomax
                      ? msgf("audit.c3.note.infomax", lang, o.objective, o.objective_nominal, o.starts, o.evaluations,
                             o.stop_reason, o.mean_abs_shift, o.max_abs_shift)
                      : msgf("audit.c3.note", lang, msg("audit.c3.target." + target_kind, lang), o.objective,
                             o.objective_nominal, o.starts, o.evaluations, o.stop_reason, o.mean_abs_shift,
                             o.max_abs_shift);
  if (!o.at_lower_bound.empty()) {
    std::vector<std::string> names;
    for (int i : o.at_lower_bound) names.push_back(label(tree, o.nodes[static_cast<std::size_t>(i)], lang));
    s += msgf("audit.c3.bound", lang, joined(names, lang));
  }
  return s;
}

Table audit_correlation_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("C1_audit_correlations", "C1", "audit.c1.title", lang);
  t.header = {msg("audit.col.node", lang), msg("audit.col.r_parent", lang), msg("audit.col.r_index", lang)};
  if (r.options.spearman) t.header.insert(t.header.end(), {msg("audit.col.rho_parent", lang), msg("audit.col.rho_index", lang)});
  t.header.insert(t.header.end(), {msg("audit.col.n", lang), msg("audit.col.flags", lang)});
  std::vector<std::string> flagged;
  for (const auto& c : r.correlations) {
    std::vector<Cell> row = {node_cell(tree, c.node, lang), Cell::number(c.r_parent, 3), Cell::number(c.r_index, 3)};
    if (r.options.spearman) row.insert(row.end(), {Cell::number(*c.rho_parent, 3), Cell::number(*c.rho_index, 3)});
    std::vector<std::string> parts;
    for (const auto& k : flag_keys(r, c.node))
      if (k != "divergent") parts.push_back(msg("audit.flag." + k, lang));
    if (!parts.empty()) flagged.push_back(label(tree, c.node, lang));
    row.insert(row.end(), {Cell::integer(static_cast<long long>(c.n)), Cell::txt(joined(parts, lang))});
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msgf("audit.c1.note", lang, r.options.weak_r, r.options.redundant_r));
  std::vector<std::string> pairs;
  for (const auto& g : r.groups)
    for (const auto& p : g.redundant)
      pairs.push_back(fmt::format("{}–{} ({:.3f})", label(tree, p.a, lang), label(tree, p.b, lang), p.r));
  if (flagged.empty()) t.interpretation.push_back(msg("audit.c1.none", lang));
  else t.interpretation.push_back(msgf("audit.c1.some", lang, flagged.size(), r.correlations.size(), joined(flagged, lang)));
  if (!pairs.empty()) t.interpretation.push_back(msgf("audit.c1.redundant", lang, r.options.redundant_r, joined(pairs, lang)));
  return t;
}

Table audit_importance_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("C2_audit_importance", "C2", "audit.c2.title", lang);
  const bool ci = r.options.bootstrap > 0;
  t.header = {msg("audit.col.node", lang),       msg("audit.col.weight", lang), msg("audit.col.s_parent", lang),
              msg("audit.col.importance", lang), msg("audit.col.ratio", lang),  msg("audit.col.s_index", lang)};
  if (ci) t.header.push_back(msg("audit.col.ci", lang));
  t.header.insert(t.header.end(), {msg("audit.col.r2", lang), msg("audit.col.flags", lang)});
  std::vector<std::string> divergent;
  for (const auto& m : r.importance) {
    std::vector<Cell> row = {node_cell(tree, m.node, lang),      Cell::number(m.weight_norm, 3),
                             Cell::number(m.s_parent, 3),       Cell::number(m.importance_norm, 3),
                             Cell::number(m.ratio, 2),          Cell::number(m.s_index, 3)};
    if (ci) row.push_back(m.s_index_ci ? Cell::interval(m.s_index_ci->first, m.s_index_ci->second, 3) : Cell::empty());
    row.insert(row.end(), {Cell::number(m.r2_parent, 3), Cell::txt(m.divergent ? msg("audit.flag.divergent", lang) : "")});
    if (m.divergent) divergent.push_back(label(tree, m.node, lang));
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msgf("audit.c2.note", lang, r.options.spline_df, 1.0 - r.options.divergence, 1.0 + r.options.divergence));
  if (ci) t.notes.push_back(msgf("audit.c2.ci", lang, r.options.bootstrap, r.options.seed));
  if (divergent.empty()) t.interpretation.push_back(msg("audit.c2.none", lang));
  else t.interpretation.push_back(msgf("audit.c2.some", lang, divergent.size(), joined(divergent, lang)));
  return t;
}

Table audit_optimisation_table(const audit::OptimiseResult& o, const IndicatorTree& tree,
                               const std::string& target_kind, Lang lang) {
  Table t = make_table("C3_audit_optimised_weights", "C3", "audit.c3.title", lang);
  t.header = {msg("audit.col.node", lang), msg("audit.col.nominal", lang), msg("audit.col.optimised", lang),
              msg("audit.col.desired", lang), msg("audit.col.obtained_nominal", lang), msg("audit.col.obtained", lang)};
  for (std::size_t i = 0; i < o.nodes.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    t.rows.push_back({node_cell(tree, o.nodes[i], lang), Cell::number(o.nominal_weights(k), 3),
                      Cell::number(o.weights(k), 3),
                      o.objective_kind == audit::OptimiseObjective::Balance ? Cell::number(o.target(k), 3) : Cell::empty(),
                      Cell::number(o.obtained_nominal(k), 3), Cell::number(o.obtained(k), 3)});
  }
  t.notes.push_back(audit_optimisation_note(o, tree, target_kind, lang));
  return t;
}

Table audit_summary_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("C4_audit_summary", "C4", "audit.c4.title", lang);
  t.header = {msg("audit.col.group", lang), msg("audit.col.k", lang),     msg("audit.col.alpha", lang),
              msg("audit.col.std_alpha", lang), msg("audit.col.eigen", lang), msg("audit.col.nflags", lang),
              msg("audit.col.verdict", lang)};
  const auto opt = [](const std::optional<double>& v, int d) { return v ? Cell::number(*v, d) : Cell::empty(); };
  for (const auto& s : r.summary)
    t.rows.push_back({node_cell(tree, s.node, lang), Cell::integer(s.k), opt(s.alpha, 3), opt(s.std_alpha, 3),
                      s.eigen_share ? Cell::percent(*s.eigen_share, 1) : Cell::empty(),
                      Cell::integer(s.n_negative + s.n_weak + s.n_redundant + s.n_divergent),
                      Cell::txt(audit_verdict_text(s, lang))});
  t.notes.push_back(audit_summary_note(r, lang));
  return t;
}

namespace {

/// The bar chart of the given groups (inner nodes, pre-order) with one shared x axis.
std::string importance_svg(const audit::AuditResult& r, const IndicatorTree& tree, const std::vector<int>& groups,
                           Lang lang) {
  constexpr double kPlot = 420.0, kBar = 7.0, kRow = 20.0, kGroupGap = 22.0, kTop = 46.0;
  int rows = 0;
  // The label column fits the longest indicator name at 10 px (CJK ≈ 1 em, Latin ≈ 0.55 em),
  // at least 200 px: names are never cut at the left edge.
  double left = 200.0;
  for (int p : groups) {
    rows += static_cast<int>(tree.node(p).children.size());
    for (int c : tree.node(p).children)
      left = std::max(left, 14.0 + 0.55 * 10.0 * static_cast<double>(display_width(label(tree, c, lang))));
  }
  const double height = kTop + rows * kRow + static_cast<double>(groups.size()) * kGroupGap + 40.0;
  Svg svg(left + kPlot + 40.0, height);
  double vmax = 0.0;
  for (const auto& m : r.importance) vmax = std::max({vmax, m.weight_norm, m.importance_norm});
  const std::vector<double> ticks = nice_ticks(0.0, std::max(vmax, 1e-9), 5);
  const double xmax = ticks.back();
  const auto xpos = [&](double v) { return left + kPlot * v / xmax; };
  const std::string cw = "#4c78a8", ci = "#f58518";
  svg.rect(left, 10, 10, 10, cw);
  svg.text(left + 14, 19, msg("audit.fig.weight", lang), 10);
  svg.rect(left + 220, 10, 10, 10, ci);
  svg.text(left + 234, 19, msg("audit.fig.importance", lang), 10);
  double y = kTop;
  for (int p : groups) {
    svg.text(8, y + 12, label(tree, p, lang), 11, "start", 0, true);
    y += kGroupGap;
    for (int c : tree.node(p).children) {
      const auto it = std::find_if(r.importance.begin(), r.importance.end(), [c](const auto& m) { return m.node == c; });
      if (it == r.importance.end()) continue;
      svg.text(left - 6, y + kBar + 3, label(tree, c, lang), 10, "end");
      svg.rect(left, y, xpos(it->weight_norm) - left, kBar, cw);
      svg.rect(left, y + kBar, xpos(it->importance_norm) - left, kBar, ci);
      y += kRow;
    }
  }
  for (double tk : ticks) {
    svg.line(xpos(tk), kTop, xpos(tk), y, "#cccccc", 0.5, "2,2");
    svg.text(xpos(tk), y + 14, fmt::format("{:g}", tk), 10, "middle");
  }
  svg.line(left, kTop, left, y, "#333333", 1.0);
  return svg.str();
}

/// Inner nodes of the subtree of `top` (itself included), pre-order.
std::vector<int> inner_nodes_under(const IndicatorTree& tree, int top) {
  std::vector<int> out;
  std::vector<int> stack{top};
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    if (tree.node(n).children.empty()) continue;
    out.push_back(n);
    const auto& ch = tree.node(n).children;
    for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

}  // namespace

std::vector<Figure> audit_importance_figures(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang,
                                             const std::string& number) {
  // Panels: the index's children; then each dimension with the groups below it.
  std::vector<std::pair<std::string, std::vector<int>>> panels;
  const int root = tree.root();
  std::vector<std::pair<std::string, std::vector<int>>> below;
  for (int d : tree.node(root).children)
    if (!tree.node(d).children.empty()) below.emplace_back(label(tree, d, lang), inner_nodes_under(tree, d));
  if (below.empty() || tree.height() <= 2) {
    panels.emplace_back("", inner_nodes_under(tree, root));
  } else {
    panels.emplace_back(label(tree, root, lang), std::vector<int>{root});
    for (auto& b : below) panels.push_back(std::move(b));
  }
  std::vector<Figure> out;
  for (std::size_t i = 0; i < panels.size(); ++i) {
    Figure f;
    const bool many = panels.size() > 1;
    f.number = many ? fmt::format("{}-{}", number, i + 1) : number;
    f.id = many ? fmt::format("F{}_audit_importance_{}", number, i + 1) : str_cat("F", number, "_audit_importance");
    f.lang = lang;
    f.title = many ? msgf("audit.fig.title.panel", lang, panels[i].first) : msg("audit.fig.title", lang);
    f.svg = importance_svg(r, tree, panels[i].second, lang);
    f.notes.push_back(msg("audit.fig.note", lang));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cikit::report
