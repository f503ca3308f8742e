/// \file validity_summary.cpp
/// A6-2, A8-3 and the overall conclusions on reliability and structural validity
/// (validity_summary.hpp).
#include "methods/report/validity_summary.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {

const std::string& label_of(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto i = tree.find(id);
  return i ? tree.node(*i).label.get(lang, id) : id;
}

/// Items joined in `lang` ("a、b" / "a, b").
std::string joined(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? msg("interp.list_sep", lang) : "") + items[i];
  return out;
}

std::string p_words(double p) { return p < 0.001 ? std::string("< 0.001") : fmt::format("= {:.3f}", p); }

/// The label of a criterion column (the spec's label, else the column).
std::string criterion_label(const std::vector<Criterion>& criteria, const std::string& column, Lang lang) {
  for (const auto& c : criteria)
    if (c.column == column) return c.label.get(lang, column);
  return column;
}

std::string criterion_unit(const std::vector<Criterion>& criteria, const std::string& column, Lang lang) {
  for (const auto& c : criteria)
    if (c.column == column) return c.unit.get(lang, "");
  return {};
}

/// "label (value)", with full-width parentheses in Chinese.
std::string flagged(const std::string& label, const std::string& value, Lang lang) {
  return lang == Lang::Zh ? fmt::format("{}（{}）", label, value) : fmt::format("{} ({})", label, value);
}

/// Leaf label at a leaf position.
const std::string& leaf_label(const IndicatorTree& tree, std::size_t pos, Lang lang) {
  const Node& n = tree.node(tree.leaves()[pos]);
  return n.label.get(lang, n.id);
}

}  // namespace

Table dimension_parallel_table(const Evidence& ev, const IndicatorTree& tree, Lang lang) {
  Table t = make_table("A6_dimension_parallel", "A6-2", "a62.title", lang);
  for (const char* h : {"a62.h.scope", "a62.h.k", "a62.h.ratio", "a62.h.eigen1", "a62.h.share1", "a62.h.kaiser",
                        "a62.h.parallel"})
    t.header.push_back(msg(h, lang));
  const auto add = [&](const BlockStructure& b, const std::string& label) {
    const auto k = b.pca.eigenvalues.size();
    if (k == 0) return;
    const double n = static_cast<double>(b.parallel.n_units > 0 ? b.parallel.n_units : b.pca.n_units);
    t.rows.push_back({Cell::txt(label), Cell::integer(k), Cell::txt(fmt::format("{:.1f} : 1", n / static_cast<double>(k))),
                      Cell::number(b.pca.eigenvalues(0), 3), Cell::percent(b.pca.proportion(0), 1),
                      Cell::integer(b.pca.kaiser_count), Cell::integer(b.parallel.n_components)});
  };
  for (const auto& b : ev.structure.dimensions) add(b, label_of(tree, b.id, lang));
  add(ev.structure.system, msg("common.whole_system", lang));
  t.notes.push_back(msgf("a62.note", lang, ev.options.parallel_replicates, 100.0 * ev.options.parallel_quantile));
  std::vector<std::string> dims_multi;
  for (const auto& b : ev.structure.dimensions)
    if (b.parallel.n_components > 1)
      dims_multi.push_back(fmt::format("{}（{}）", label_of(tree, b.id, lang), b.parallel.n_components));
  t.interpretation.push_back(dims_multi.empty() ? msg("a62.interp.uni", lang)
                                                : msgf("a62.interp.multi", lang, joined(dims_multi, lang)));
  return t;
}

Table criterion_table(const std::vector<CriterionCorrelation>& results, const std::vector<Criterion>& criteria,
                      const IndicatorTree& tree, const std::string& index_id, const VerdictTable& verdicts, Lang lang) {
  Table t = make_table("A8_criterion_validity", "A8-3", "a83.title", lang);
  for (const char* h : {"a83.h.criterion", "a83.h.unit", "a83.h.score", "a83.h.n", "a83.h.r", "a83.h.ci", "a83.h.p",
                        "a83.h.rho", "a83.h.ci", "a83.h.p", "a83.h.verdict"})
    t.header.push_back(msg(h, lang));
  for (const auto& x : results) {
    const auto v = verdicts.judge("criterion_r", x.pearson.r);
    const bool index = x.score == index_id;
    t.rows.push_back({Cell::txt(criterion_label(criteria, x.criterion, lang)),
                      Cell::txt(criterion_unit(criteria, x.criterion, lang)),
                      Cell::txt(index ? msg("a83.index", lang) : label_of(tree, x.score, lang)),
                      Cell::integer(x.pearson.n), Cell::number(x.pearson.r, 3),
                      Cell::interval(x.pearson.lower, x.pearson.upper, 3), Cell::pvalue(x.pearson.p_value),
                      Cell::number(x.spearman.r, 3), Cell::interval(x.spearman.lower, x.spearman.upper, 3),
                      Cell::pvalue(x.spearman.p_value), Cell::txt(v ? v->label(lang) : msg("common.na_dash", lang))});
    if (index && v)
      t.interpretation.push_back(msgf("a83.interp", lang, criterion_label(criteria, x.criterion, lang), x.pearson.r,
                                      x.pearson.lower, x.pearson.upper, p_words(x.pearson.p_value), v->label(lang),
                                      v->rule, v->citation));
  }
  t.notes.push_back(msg("a83.note", lang));
  return t;
}

std::vector<std::string> reliability_conclusion(const Evidence& ev, const IndicatorTree& tree,
                                                const VerdictTable& verdicts, Lang lang) {
  std::vector<std::string> poor, citc, rise;
  double lo = 1, hi = -1;
  std::string whole;
  for (const auto& b : ev.blocks) {
    if (!b.alpha) continue;
    const AlphaResult& a = *b.alpha;
    const auto v = verdicts.judge("alpha", a.raw_alpha);
    if (b.node == tree.root()) {
      if (v) whole = msgf("concl.rel.whole", lang, a.raw_alpha, v->label(lang));
      continue;
    }
    const std::string label = tree.node(b.node).label.get(lang, b.id);
    lo = std::min(lo, a.raw_alpha);
    hi = std::max(hi, a.raw_alpha);
    if (v && v->level > VerdictLevel::Acceptable) poor.push_back(flagged(label, fmt::format("{:.3f}", a.raw_alpha), lang));
    for (const auto& it : a.item_stats)
      if (it.r_drop < kLowCitc) citc.push_back(flagged(label_of(tree, it.item, lang), fmt::format("{:.3f}", it.r_drop), lang));
    for (const auto& d : a.alpha_drop)
      if (d.raw_alpha > a.raw_alpha + kAlphaRise)
        rise.push_back(flagged(label_of(tree, d.item, lang), fmt::format("{:.3f} → {:.3f}", a.raw_alpha, d.raw_alpha), lang));
  }
  std::string s = msg("concl.rel.head", lang) + whole;
  if (lo <= hi) s += msgf("concl.rel.dims", lang, lo, hi);
  s += poor.empty() ? msg("concl.rel.no_poor", lang) : msgf("concl.rel.poor", lang, joined(poor, lang));
  s += citc.empty() ? msgf("concl.rel.citc_ok", lang, kLowCitc) : msgf("concl.rel.citc", lang, kLowCitc, joined(citc, lang));
  s += rise.empty() ? msgf("concl.rel.rise_ok", lang, kAlphaRise) : msgf("concl.rel.rise", lang, kAlphaRise, joined(rise, lang));
  s += msg(poor.empty() && citc.empty() && rise.empty() ? "concl.rel.good" : "concl.rel.mixed", lang);
  return {s};
}

std::vector<std::string> validity_conclusion(const Evidence& ev, const IndicatorTree& tree, const VerdictTable& verdicts,
                                             const std::vector<CriterionCorrelation>& criterion,
                                             const std::vector<Criterion>& criteria, const std::string& index_id,
                                             Lang lang) {
  const StructureValidityResult& r = ev.structure;
  const auto k = static_cast<double>(tree.leaves().size());
  const auto n = static_cast<double>(r.system.parallel.n_units > 0 ? r.system.parallel.n_units : r.system.pca.n_units);
  std::string s = msg("concl.val.head", lang);
  int flags = 0;
  // n : k
  const double ratio = n / k;
  s += msgf(ratio < kMinUnitsPerIndicator ? "concl.val.ratio.low" : "concl.val.ratio.ok", lang, n, k, ratio,
            kMinUnitsPerIndicator);
  flags += ratio < kMinUnitsPerIndicator ? 1 : 0;
  // MSA of the whole system
  std::vector<std::string> low_msa;
  const Eigen::VectorXd& msa = r.system.kmo.msa_items;
  for (Eigen::Index j = 0; j < msa.size(); ++j)
    if (msa(j) < kLowMsa)
      low_msa.push_back(flagged(leaf_label(tree, static_cast<std::size_t>(j), lang), fmt::format("{:.3f}", msa(j)), lang));
  s += low_msa.empty() ? msgf("concl.val.msa_ok", lang, kLowMsa) : msgf("concl.val.msa", lang, kLowMsa, joined(low_msa, lang));
  flags += low_msa.empty() ? 0 : 1;
  // Rotated loadings and communalities
  const Eigen::MatrixXd& L = r.system_varimax.loadings;
  std::vector<std::string> low_load, mismatched;
  int low_comm = 0;
  for (Eigen::Index j = 0; j < L.rows(); ++j) {
    const double top = L.row(j).cwiseAbs().maxCoeff();
    const double h2 = L.row(j).squaredNorm();
    low_comm += h2 < kLowCommunality ? 1 : 0;
    const auto jj = static_cast<std::size_t>(j);
    if (top < kLowLoading) low_load.push_back(flagged(leaf_label(tree, jj, lang), fmt::format("{:.3f}{}h² = {:.3f}", top, lang == Lang::Zh ? "，" : ", ", h2), lang));
    if (jj < r.matches_declared.size() && !r.matches_declared[jj]) mismatched.push_back(leaf_label(tree, jj, lang));
  }
  s += low_load.empty() ? msgf("concl.val.load_ok", lang, kLowLoading)
                        : msgf("concl.val.load", lang, kLowLoading, joined(low_load, lang));
  s += msgf("concl.val.comm", lang, low_comm, L.rows(), kLowCommunality);
  s += mismatched.empty() ? msg("concl.val.match_ok", lang)
                          : msgf("concl.val.match", lang, mismatched.size(), L.rows(), joined(mismatched, lang));
  flags += (low_load.empty() ? 0 : 1) + (mismatched.empty() ? 0 : 1);
  // Convergent and discriminant validity
  if (r.convergent_computed) {
    std::vector<std::string> poor_ave;
    for (const auto& b : r.convergent.blocks) {
      const auto v = verdicts.judge("ave", b.ave);
      if (v && v->level > VerdictLevel::Acceptable)
        poor_ave.push_back(flagged(label_of(tree, b.name, lang), fmt::format("{:.3f}", b.ave), lang));
    }
    s += poor_ave.empty() ? msg("concl.val.ave_ok", lang) : msgf("concl.val.ave", lang, joined(poor_ave, lang));
    flags += poor_ave.empty() ? 0 : 1;
    const Eigen::MatrixXd& h = r.convergent.htmt;
    double hmax = 0;
    for (Eigen::Index f = 1; f < h.rows(); ++f)
      for (Eigen::Index g = 0; g < f; ++g) hmax = std::max(hmax, h(f, g));
    if (h.rows() >= 2)
      if (const auto v = verdicts.judge("htmt", hmax))
        s += msgf("concl.val.htmt", lang, hmax, v->label(lang), v->rule);
  }
  // Criterion validity of the index
  for (const auto& x : criterion)
    if (x.score == index_id)
      if (const auto v = verdicts.judge("criterion_r", x.pearson.r))
        s += msgf("concl.val.criterion", lang, criterion_label(criteria, x.criterion, lang), x.pearson.r, v->label(lang));
  // The list of findings ends with a full stop, then the verdict.
  for (const std::string& sep : {std::string("; "), std::string("；")})
    if (s.ends_with(sep)) {
      s.erase(s.size() - sep.size());
      s += msg("adj.sentence.end", lang) + (lang == Lang::En ? " " : "");
      break;
    }
  s += msg(flags == 0 ? "concl.val.good" : "concl.val.mixed", lang);
  return {s};
}

}  // namespace cikit::report
