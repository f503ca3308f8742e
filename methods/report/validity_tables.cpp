#include "methods/report/validity_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

namespace {
const std::string& label_of(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto i = tree.find(id);
  return i ? tree.node(*i).label.get(lang, id) : id;
}
std::string block_label(const BlockEvidence& b, const IndicatorTree& tree, Lang lang, const char* whole_key) {
  return b.node == tree.root() ? msg(whole_key, lang) : tree.node(b.node).label.get(lang, b.id);
}
std::string missing_word(const Evidence& ev, Lang lang) {
  return msg(ev.options.missing == MissingRule::Listwise ? "repro.missing.listwise" : "repro.missing.pairwise", lang);
}
Cell dash(Lang lang) { return Cell::txt(msg("common.na_dash", lang)); }
Cell opt_number(const std::optional<double>& v, int decimals, Lang lang) {
  return v ? Cell::number(*v, decimals) : dash(lang);
}
/// First-level dimensions holding indicators, in tree order (the order of structure_validity's
/// declared_dimension indices).
std::vector<int> dimensions_with_leaves(const IndicatorTree& tree) {
  std::vector<int> out;
  for (const int d : tree.node(tree.root()).children)
    if (!tree.leaf_positions_under(d).empty()) out.push_back(d);
  return out;
}
}  // namespace

Table reliability_table(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("A3_reliability", "A3", "a3.title", lang);
  const bool boot = ev.options.bootstrap_replicates > 0;
  const bool z = ev.options.standardize;  // α on z-scores is the standardised α: one column
  for (const char* h : {"a3.h.dimension", "a3.h.k", "a3.h.n", "a3.h.alpha"}) t.header.push_back(msg(h, lang));
  if (!z) t.header.push_back(msg("a3.h.std_alpha", lang));
  t.header.push_back(msg("a3.h.feldt", lang));
  if (boot) t.header.push_back(msg("a3.h.bca", lang));
  for (const char* h : {"a3.h.omega", "a3.h.split_half", "a3.h.lambda4"}) t.header.push_back(msg(h, lang));
  SplitHalfOptions split_defaults;
  std::vector<std::string> failures;
  for (const auto& b : ev.blocks) {
    const std::string label = block_label(b, tree, lang, "common.whole_system");
    std::vector<Cell> row{Cell::txt(label)};
    if (b.alpha) {
      const AlphaResult& a = *b.alpha;
      row.push_back(Cell::integer(a.k));
      row.push_back(Cell::integer(a.n_obs));
      row.push_back(Cell::number(a.raw_alpha, 3));
      if (!z) row.push_back(Cell::number(a.std_alpha, 3));
      row.push_back(a.feldt ? Cell::interval(a.feldt->lower, a.feldt->upper, 3) : dash(lang));
      if (boot)
        row.push_back(a.bootstrap && a.bootstrap->bca
                          ? Cell::interval(a.bootstrap->bca->interval.lower, a.bootstrap->bca->interval.upper, 3)
                          : dash(lang));
    } else {
      row.push_back(Cell::integer(static_cast<long long>(b.positions.size())));
      // n, alpha, [std. alpha], Feldt CI, [BCa CI]: the cells of the branch above
      for (int k = 0; k < (boot ? 4 : 3) + (z ? 0 : 1); ++k) row.push_back(dash(lang));
      failures.push_back(msgf("a3.note.failed", lang, label, b.alpha_error));
    }
    row.push_back(b.omega ? Cell::number(b.omega->omega_observed, 3) : dash(lang));
    if (!b.omega && b.positions.size() < 3) failures.push_back(msgf("a3.note.omega_missing", lang, label));
    else if (!b.omega) failures.push_back(msgf("a3.note.failed", lang, label, b.omega_error));
    row.push_back(b.split_half ? Cell::number(b.split_half->odd_even.spearman_brown, 3) : dash(lang));
    row.push_back(b.split_half ? opt_number(b.split_half->lambda4_max, 3, lang) : dash(lang));
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msgf(z ? "a3.note.method_z" : "a3.note.method", lang, missing_word(ev, lang),
                         ev.options.bootstrap_replicates));
  t.notes.push_back(msgf("a3.note.omega", lang, split_defaults.max_exhaustive_items));
  for (auto& f : failures) t.notes.push_back(std::move(f));
  return t;
}

Table item_analysis_table(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("A4_item_analysis", "A4", "a4.title", lang);
  for (const char* h : {"a4.h.dimension", "a4.h.indicator", "a4.h.citc", "a4.h.alpha_deleted", "a4.h.alpha"})
    t.header.push_back(msg(h, lang));
  for (const auto& b : ev.blocks) {
    if (b.node == tree.root() || !b.alpha) continue;
    const AlphaResult& a = *b.alpha;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      const bool first = i == 0;
      t.rows.push_back({first ? Cell::txt(tree.node(b.node).label.get(lang, b.id)) : Cell::empty(),
                        Cell::txt(label_of(tree, a.items[i], lang)), Cell::number(a.item_stats[i].r_drop, 3),
                        Cell::number(a.alpha_drop[i].raw_alpha, 3),
                        first ? Cell::number(a.raw_alpha, 3) : Cell::empty()});
    }
  }
  t.notes.push_back(msg("a4.note", lang));
  return t;
}

Table factorability_table(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("A5_kmo_bartlett", "A5", "a5.title", lang);
  for (const char* h : {"a5.h.scope", "a5.h.k", "a5.h.kmo", "a5.h.min_msa", "a5.h.min_msa_item", "a5.h.chi2", "a5.h.df",
                        "a5.h.p"})
    t.header.push_back(msg(h, lang));
  t.groups = {{"", 5}, {msg("a5.g.bartlett", lang), 3}};
  std::vector<std::string> extra;
  Eigen::Index n = 0;
  for (const auto& b : ev.blocks) {
    const std::string label = block_label(b, tree, lang, "common.whole_system_scope");
    std::vector<Cell> row{Cell::txt(label), Cell::integer(static_cast<long long>(b.positions.size()))};
    if (b.kmo && b.kmo->msa_items.size() > 0) {
      Eigen::Index lo = 0;
      b.kmo->msa_items.minCoeff(&lo);
      row.push_back(Cell::number(b.kmo->msa, 3));
      row.push_back(Cell::number(b.kmo->msa_items(lo), 3));
      row.push_back(Cell::txt(label_of(tree, b.kmo->items[static_cast<std::size_t>(lo)], lang)));
      if (b.kmo->singular) extra.push_back(msgf("a5.note.singular", lang, label));
    } else {
      for (int k = 0; k < 3; ++k) row.push_back(dash(lang));
      extra.push_back(msgf("a3.note.failed", lang, label, b.kmo_error));
    }
    if (b.bartlett) {
      n = b.bartlett->n;
      row.push_back(Cell::number(b.bartlett->chi_square, 3));
      row.push_back(Cell::integer(std::llround(b.bartlett->df)));
      row.push_back(Cell::pvalue(b.bartlett->p_value));
    } else {
      for (int k = 0; k < 3; ++k) row.push_back(dash(lang));
      extra.push_back(msgf("a5.note.bartlett_failed", lang, label, b.bartlett_error));
    }
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msgf("a5.note", lang, missing_word(ev, lang), n));
  for (auto& e : extra) t.notes.push_back(std::move(e));
  return t;
}

Table variance_table(const Evidence& ev, Lang lang, const std::string& scree_figure_number) {
  Table t = make_table("A6_variance_explained", "A6", "a6.title", lang);
  const BlockStructure& s = ev.structure.system;
  const Eigen::MatrixXd& L = ev.structure.system_varimax.loadings;
  const auto p = s.pca.eigenvalues.size();
  const auto m = L.cols();
  const int q = static_cast<int>(std::lround(100.0 * ev.options.parallel_quantile));
  t.header = {msg("a6.h.component", lang), msg("a6.h.eigen", lang),  msg("a6.h.pct", lang),
              msg("a6.h.cum", lang),       msg("a6.h.rot_ss", lang), msg("a6.h.rot_pct", lang),
              msg("a6.h.rot_cum", lang),   msg("a6.h.rand_mean", lang), msgf("a6.h.rand_q", lang, q)};
  t.groups = {{"", 1}, {msg("a6.g.initial", lang), 3}, {msg("a6.g.rotated", lang), 3}, {msg("a6.g.parallel", lang), 2}};
  const Eigen::Index shown =
      std::min<Eigen::Index>(p, std::max<Eigen::Index>({s.pca.kaiser_count, s.parallel.n_components, m}) + 1);
  double rot_cum = 0;
  for (Eigen::Index k = 0; k < shown; ++k) {
    std::vector<Cell> row{Cell::integer(k + 1), Cell::number(s.pca.eigenvalues(k), 3),
                          Cell::number(100.0 * s.pca.proportion(k), 3), Cell::number(100.0 * s.pca.cumulative(k), 3)};
    if (k < m) {
      const double ss = L.col(k).squaredNorm();
      rot_cum += ss;
      row.push_back(Cell::number(ss, 3));
      row.push_back(Cell::number(100.0 * ss / static_cast<double>(p), 3));
      row.push_back(Cell::number(100.0 * rot_cum / static_cast<double>(p), 3));
    } else {
      for (int c = 0; c < 3; ++c) row.push_back(Cell::empty());
    }
    row.push_back(k < s.parallel.simulated_mean.size() ? Cell::number(s.parallel.simulated_mean(k), 3) : Cell::empty());
    row.push_back(k < s.parallel.simulated_quantile.size() ? Cell::number(s.parallel.simulated_quantile(k), 3)
                                                           : Cell::empty());
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msgf("a6.note.method", lang, p, shown, p, scree_figure_number, s.pca.kaiser_count,
                         s.parallel.replicates, q, s.parallel.n_components));
  t.notes.push_back(msgf("a6.note.rotation", lang, m));
  return t;
}

Table loadings_table(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("A7_rotated_loadings", "A7", "a7.title", lang);
  const StructureValidityResult& r = ev.structure;
  const Eigen::MatrixXd& L = r.system_varimax.loadings;
  const auto m = L.cols();
  const std::vector<int> dims = dimensions_with_leaves(tree);
  const auto dim_label = [&](int d) { return tree.node(dims[static_cast<std::size_t>(d)]).label.get(lang, ""); };
  t.header = {msg("a7.h.indicator", lang), msg("a7.h.declared", lang)};
  for (Eigen::Index k = 0; k < m; ++k) t.header.push_back(fmt::format("RC{}", k + 1));
  for (const char* h : {"a7.h.communality", "a7.h.highest", "a7.h.matches"}) t.header.push_back(msg(h, lang));
  t.groups = {{"", 2}, {msg("a7.g.loadings", lang), static_cast<int>(m)}, {"", 3}};
  int matches = 0;
  for (Eigen::Index j = 0; j < L.rows(); ++j) {
    const auto jj = static_cast<std::size_t>(j);
    const Node& leaf = tree.node(tree.leaves()[jj]);
    std::vector<Cell> row{Cell::txt(leaf.label.get(lang, leaf.id)), Cell::txt(dim_label(r.declared_dimension[jj]))};
    for (Eigen::Index k = 0; k < m; ++k) row.push_back(Cell::number(L(j, k), 3));
    row.push_back(Cell::number(L.row(j).squaredNorm(), 3));
    row.push_back(Cell::txt(fmt::format("RC{}", r.highest_component[jj] + 1)));
    row.push_back(Cell::txt(msg(r.matches_declared[jj] ? "common.yes" : "common.no", lang)));
    matches += r.matches_declared[jj] ? 1 : 0;
    t.rows.push_back(std::move(row));
  }
  std::string map;
  for (std::size_t k = 0; k < r.component_dimension.size(); ++k)
    map += fmt::format("{}RC{} ↔ {}", k ? (lang == Lang::Zh ? "；" : "; ") : "", k + 1,
                       dim_label(r.component_dimension[k]));
  t.notes.push_back(msgf("a7.note.method", lang, m));
  t.notes.push_back(msgf("a7.note.map", lang, map));
  t.notes.push_back(msgf("a7.note.count", lang, matches, L.rows()));
  return t;
}

std::vector<Table> convergent_tables(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  const StructureValidityResult& r = ev.structure;
  if (!r.convergent_computed) return {};
  const ConvergentResult& c = r.convergent;
  const auto nb = static_cast<Eigen::Index>(c.blocks.size());
  std::vector<std::string> names;
  for (const auto& b : c.blocks) names.push_back(label_of(tree, b.name, lang));

  Table a = make_table("A8_convergent_validity", "A8-1", "a8.title", lang);
  for (const char* h : {"a8.h.dimension", "a8.h.k", "a8.h.cr", "a8.h.ave", "a8.h.sqrt_ave", "a8.h.fl_ok"})
    a.header.push_back(msg(h, lang));
  for (const auto& n : names) a.header.push_back(n);
  a.groups = {{"", 6}, {msg("a8.g.correlations", lang), static_cast<int>(nb)}};
  for (Eigen::Index f = 0; f < nb; ++f) {
    const auto& b = c.blocks[static_cast<std::size_t>(f)];
    std::vector<Cell> row{Cell::txt(names[static_cast<std::size_t>(f)]),
                          Cell::integer(static_cast<long long>(b.columns.size())), Cell::number(b.cr, 3),
                          Cell::number(b.ave, 3), Cell::number(std::sqrt(b.ave), 3),
                          Cell::txt(msg(c.fornell_larcker_ok[static_cast<std::size_t>(f)] ? "common.yes" : "common.no", lang))};
    for (Eigen::Index g = 0; g < nb; ++g) row.push_back(g <= f ? Cell::number(c.fornell_larcker(f, g), 3) : Cell::empty());
    a.rows.push_back(std::move(row));
  }
  a.notes.push_back(msg("a8.note", lang));

  Table h = make_table("A8_htmt", "A8-2", "a8b.title", lang);
  h.header.push_back(msg("a8.h.dimension", lang));
  for (const auto& n : names) h.header.push_back(n);
  for (Eigen::Index f = 0; f < nb; ++f) {
    std::vector<Cell> row{Cell::txt(names[static_cast<std::size_t>(f)])};
    for (Eigen::Index g = 0; g < nb; ++g)
      row.push_back(f == g ? Cell::txt("—") : Cell::number(f > g ? c.htmt(f, g) : c.htmt2(f, g), 3));
    h.rows.push_back(std::move(row));
  }
  h.notes.push_back(msgf("a8b.note", lang, missing_word(ev, lang)));
  return {std::move(a), std::move(h)};
}

Figure scree_figure(const Evidence& ev, Lang lang, const std::string& number) {
  const BlockStructure& s = ev.structure.system;
  const int q = static_cast<int>(std::lround(100.0 * ev.options.parallel_quantile));
  Figure f;
  f.id = str_cat("F", number, "_scree");
  f.number = number;
  f.lang = lang;
  f.title = msg("fig.scree.title", lang);
  f.svg = scree_svg(s.pca.eigenvalues, s.parallel.simulated_quantile,
                    {msg("fig.scree.observed", lang), msgf("fig.scree.random", lang, q), msg("fig.scree.kaiser", lang)},
                    {msg("fig.scree.x", lang), msg("fig.scree.y", lang)});
  f.notes.push_back(msgf("fig.scree.note", lang, s.pca.eigenvalues.size(), s.parallel.replicates));
  return f;
}

Figure heatmap_figure(const Evidence& ev, const IndicatorTree& tree, Lang lang, const std::string& number) {
  std::vector<std::string> labels;
  std::vector<int> sizes;
  for (const int d : dimensions_with_leaves(tree)) {
    labels.push_back(tree.node(d).label.get(lang, tree.node(d).id));
    sizes.push_back(static_cast<int>(tree.leaf_positions_under(d).size()));
  }
  Figure f;
  f.id = str_cat("F", number, "_correlation_heatmap");
  f.number = number;
  f.lang = lang;
  f.title = msg("fig.heatmap.title", lang);
  f.svg = heatmap_svg(ev.structure.system.pca.r, labels, sizes);
  f.notes.push_back(msgf("fig.heatmap.note", lang, ev.structure.system.pca.r.rows(), missing_word(ev, lang)));
  return f;
}


// ---- interpretation sentences ----------------------------------------------------------

namespace {
/// "< 0.001" or "= 0.023" (the sentence's own p-value wording, both languages).
std::string p_text(double p) { return p < 0.001 ? std::string("< 0.001") : fmt::format("= {:.3f}", p); }
const std::string& level_word(const ValueVerdict& v, Lang lang) { return v.label(lang); }
}  // namespace

std::vector<std::string> reliability_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                    const VerdictTable& verdicts, Lang lang) {
  std::vector<std::string> out;
  const int level = static_cast<int>(std::lround(100.0 * ev.options.level));
  for (const auto& b : ev.blocks) {
    if (!b.alpha) continue;
    const AlphaResult& a = *b.alpha;
    const auto v = verdicts.judge("alpha", a.raw_alpha);
    if (!v) continue;
    const std::string label = block_label(b, tree, lang, "common.whole_system_inline");
    std::optional<Interval> ci;
    if (a.bootstrap && a.bootstrap->bca) ci = a.bootstrap->bca->interval;
    else if (a.feldt) ci = a.feldt;
    std::string s = ci ? msgf("interp.alpha.ci", lang, label, a.raw_alpha, level, ci->lower, ci->upper,
                              level_word(*v, lang), v->rule, v->citation)
                       : msgf("interp.alpha", lang, label, a.raw_alpha, level_word(*v, lang), v->rule, v->citation);
    // The level is stated for the point estimate; say so when the interval reaches below it.
    if (ci && v->level != VerdictLevel::Poor) {
      const double cut = verdicts.rule("alpha").cut(v->level);
      if (ci->lower < cut) s += msgf("interp.alpha.ci_below", lang, level, ci->lower, cut);
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> factorability_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                      const VerdictTable& verdicts, Lang lang) {
  std::vector<std::string> out;
  std::vector<std::string> low;
  const VerdictRule& kmo_rule = verdicts.rule("kmo");
  const double acceptable = kmo_rule.cut(VerdictLevel::Acceptable);
  for (const auto& b : ev.blocks) {
    if (!b.kmo || b.kmo->msa_items.size() == 0) continue;
    const auto v = verdicts.judge("kmo", b.kmo->msa);
    if (!v) continue;
    const std::string label = block_label(b, tree, lang, "common.whole_system_scope");
    if (b.node != tree.root()) {
      if (v->level > VerdictLevel::Acceptable) low.push_back(fmt::format("{} ({:.3f})", label, b.kmo->msa));
      continue;
    }
    std::string s = msgf("interp.kmo", lang, msg("common.whole_system_scope_inline", lang), b.kmo->msa, level_word(*v, lang), v->rule, v->citation);
    if (b.bartlett) {
      const auto pv = verdicts.judge("bartlett_p", b.bartlett->p_value);
      const bool rejects = pv && pv->level != VerdictLevel::Poor;
      s += msgf(rejects ? "interp.bartlett.sig" : "interp.bartlett.ns", lang, std::llround(b.bartlett->df),
                b.bartlett->chi_square, p_text(b.bartlett->p_value), pv ? pv->citation : std::string());
      s += msg(rejects && v->level <= VerdictLevel::Acceptable ? "interp.factorable.yes" : "interp.factorable.no", lang);
    } else {
      s += msg("interp.period", lang);
    }
    out.push_back(std::move(s));
  }
  if (!low.empty()) {
    std::string list;
    for (std::size_t i = 0; i < low.size(); ++i) list += (i ? msg("interp.list_sep", lang) : "") + low[i];
    out.push_back(msgf("interp.kmo.low", lang, acceptable, list));
  }
  return out;
}

std::vector<std::string> variance_interpretation(const Evidence& ev, const VerdictTable& verdicts, Lang lang) {
  const BlockStructure& s = ev.structure.system;
  const auto m = ev.structure.system_varimax.loadings.cols();
  if (m < 1 || m > s.pca.cumulative.size()) return {};
  // The m rotated components explain what the first m unrotated ones do (rotation is orthogonal).
  const double cum = s.pca.cumulative(m - 1);
  std::vector<std::string> out{msgf("interp.components", lang, s.parallel.n_components, s.pca.kaiser_count)};
  if (const auto v = verdicts.judge("cumulative_variance", cum))
    // The rule in percent, as the value (the threshold is a fraction in the verdict table).
    out.push_back(msgf("interp.cumvar", lang, m, 100.0 * cum, level_word(*v, lang),
                       fmt::format("{} {:g}%", v->at_least ? "≥" : "<", 100.0 * v->cut), v->citation));
  return out;
}

std::vector<std::string> convergent_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                   const VerdictTable& verdicts, Lang lang) {
  const StructureValidityResult& r = ev.structure;
  if (!r.convergent_computed) return {};
  const ConvergentResult& c = r.convergent;
  std::vector<std::string> out;
  for (const auto& b : c.blocks) {
    const auto cr = verdicts.judge("cr", b.cr);
    const auto ave = verdicts.judge("ave", b.ave);
    if (!cr || !ave) continue;
    out.push_back(msgf("interp.cr_ave", lang, label_of(tree, b.name, lang), b.cr, level_word(*cr, lang), cr->rule,
                       b.ave, level_word(*ave, lang), ave->rule, cr->citation, ave->citation));
  }
  return out;
}

std::vector<std::string> htmt_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                             const VerdictTable& verdicts, Lang lang) {
  const StructureValidityResult& r = ev.structure;
  if (!r.convergent_computed) return {};
  const ConvergentResult& c = r.convergent;
  std::vector<std::string> out;
  const auto nb = c.htmt.rows();
  if (nb >= 2) {
    Eigen::Index fi = 1, gi = 0;
    for (Eigen::Index f = 1; f < nb; ++f)
      for (Eigen::Index g = 0; g < f; ++g)
        if (c.htmt(f, g) > c.htmt(fi, gi)) {
          fi = f;
          gi = g;
        }
    if (const auto v = verdicts.judge("htmt", c.htmt(fi, gi)))
      out.push_back(msgf("interp.htmt", lang, c.htmt(fi, gi), level_word(*v, lang),
                         label_of(tree, c.blocks[static_cast<std::size_t>(fi)].name, lang),
                         label_of(tree, c.blocks[static_cast<std::size_t>(gi)].name, lang), v->rule, v->citation));
  }
  return out;
}

}  // namespace cikit::report
