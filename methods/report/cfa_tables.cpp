#include "methods/report/cfa_tables.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "methods/core/error.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {

std::string joined(const std::vector<std::string>& parts, Lang lang) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : msg("cfa.sep", lang)) + p;
  return s;
}

/// "≥ 0.95 good; ≥ 0.9 acceptable" from the rule's bands.
std::string criterion_text(const VerdictRule& r, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& b : r.bands)
    parts.push_back(fmt::format("{} {:g} {}", r.higher_is_better ? "≥" : "<", b.cut,
                                verdict_level_label(b.level).get(lang, "")));
  return joined(parts, lang);
}

/// The value judged for a fit index: the robust version under MLR (Savalei 2018; lavaan
/// cfi.robust, tli.robust, rmsea.robust), χ²/df from the scaled χ² under MLR.
double judged_value(const CfaTablesInput& in, const std::string& id) {
  const cfa::CfaFit& f = *in.fit;
  const bool robust = in.estimator == "mlr";
  if (id == "chisq_df") return (robust ? f.measure("chisq.scaled") : f.measure("chisq")) / f.measure("df");
  if (id == "srmr") return f.measure("srmr");  // no scaled/robust version: the same under ML and MLR
  return f.measure(robust ? id + ".robust" : id);
}

const std::vector<std::string>& judged_ids() {
  static const std::vector<std::string> ids = {"chisq_df", "cfi", "tli", "rmsea", "srmr"};
  return ids;
}

}  // namespace

std::vector<std::string> cfa_inadmissible(const CfaTablesInput& in, Lang lang) {
  const cfa::CfaFit& f = *in.fit;
  std::vector<std::string> out;
  if (!f.converged) out.push_back(msgf("cfa.bad.not_converged", lang, f.iterations));
  for (Eigen::Index i = 0; i < f.mm.theta.rows(); ++i)
    if (!(f.mm.theta(i, i) >= 0))
      out.push_back(msgf("cfa.bad.residual", lang, in.observed_names[static_cast<std::size_t>(i)], f.mm.theta(i, i)));
  for (Eigen::Index j = 0; j < f.mm.psi.rows(); ++j)
    if (!(f.mm.psi(j, j) >= 0)) out.push_back(msgf("cfa.bad.factor", lang, in.factor_names[static_cast<std::size_t>(j)]));
  bool beyond = false;
  for (Eigen::Index i = 0; i < f.latent_correlation.rows(); ++i)
    for (Eigen::Index j = 0; j < i; ++j) beyond = beyond || !(std::abs(f.latent_correlation(i, j)) <= 1.0);
  if (beyond) out.push_back(msg("cfa.bad.correlation", lang));
  return out;
}

Table cfa_fit_table(const CfaTablesInput& in, Lang lang) {
  if (in.fit == nullptr || in.verdicts == nullptr) throw InternalError("cfa_fit_table: no fit");
  const cfa::CfaFit& f = *in.fit;
  const VerdictTable& vt = *in.verdicts;
  const std::vector<std::string> bad = cfa_inadmissible(in, lang);
  const bool valid = bad.empty();
  const bool robust = in.estimator == "mlr";
  Table t = make_table("A15_cfa_fit", "A15", "cfa.a15.title", lang);
  t.header = {msg("cfa.h.index", lang), msg("cfa.h.value", lang), msg("cfa.h.criterion", lang), msg("cfa.h.verdict", lang)};
  auto value = [&](Cell c) { return f.converged ? c : Cell::txt("—"); };
  auto row = [&](const std::string& label, Cell c, const std::string& judged = "") {
    Cell crit = Cell::empty(), verdict = Cell::empty();
    if (!judged.empty()) {
      crit = Cell::txt(criterion_text(vt.rule(judged), lang));
      if (!valid) verdict = Cell::txt(msg("cfa.verdict.invalid", lang));
      else if (const auto v = vt.judge(judged, judged_value(in, judged))) verdict = Cell::txt(v->label(lang));
    }
    t.rows.push_back({Cell::txt(label), value(std::move(c)), std::move(crit), std::move(verdict)});
  };
  const double df = f.measure("df");
  row("χ²", Cell::number(f.measure("chisq"), 3));
  row("df", Cell::integer(std::llround(df)));
  row("p", Cell::pvalue(f.measure("pvalue")));
  if (robust) {
    row(msg("cfa.row.chisq_scaled", lang), Cell::number(f.measure("chisq.scaled"), 3));
    row(msg("cfa.row.scaling", lang), Cell::number(f.measure("chisq.scaling.factor"), 4));
    row(msg("cfa.row.p_scaled", lang), Cell::pvalue(f.measure("pvalue.scaled")));
  }
  row(robust ? msg("cfa.row.chisq_df_scaled", lang) : std::string("χ²/df"), Cell::number(judged_value(in, "chisq_df"), 3),
      "chisq_df");
  row("CFI", Cell::number(f.measure("cfi"), 3), robust ? "" : "cfi");
  if (robust) row(msg("cfa.row.cfi_robust", lang), Cell::number(f.measure("cfi.robust"), 3), "cfi");
  row("TLI", Cell::number(f.measure("tli"), 3), robust ? "" : "tli");
  if (robust) row(msg("cfa.row.tli_robust", lang), Cell::number(f.measure("tli.robust"), 3), "tli");
  row("NFI", Cell::number(f.measure("nfi"), 3));
  row("IFI", Cell::number(f.measure("ifi"), 3));
  row("RMSEA", Cell::number(f.measure("rmsea"), 3), robust ? "" : "rmsea");
  row(msg("cfa.row.rmsea_ci", lang), Cell::interval(f.measure("rmsea.ci.lower"), f.measure("rmsea.ci.upper"), 3));
  row(msg("cfa.row.rmsea_p", lang), Cell::pvalue(f.measure("rmsea.pvalue")));
  if (robust) row(msg("cfa.row.rmsea_robust", lang), Cell::number(f.measure("rmsea.robust"), 3), "rmsea");
  row("SRMR", Cell::number(f.measure("srmr"), 3), "srmr");
  if (!robust && !f.fiml) {
    row("GFI", Cell::number(f.measure("gfi"), 3));
    row("AGFI", Cell::number(f.measure("agfi"), 3));
  }
  row("AIC", Cell::number(f.measure("aic"), 2));
  row("BIC", Cell::number(f.measure("bic"), 2));
  t.notes.push_back(msgf("cfa.a15.note.model", lang, in.model_note,
                         msg(robust ? "cfa.estimator.mlr" : "cfa.estimator.ml", lang),
                         msg(in.missing == "fiml" ? "cfa.missing.fiml" : "cfa.missing.listwise", lang), f.n, in.n_units,
                         f.converged ? msgf("cfa.converged", lang, f.iterations) : msgf("cfa.not_converged", lang, f.iterations)));
  std::vector<std::string> rules;
  for (const auto& id : judged_ids()) rules.push_back(vt.rule(id).describe(lang));
  t.notes.push_back(msgf("cfa.a15.note.rules", lang, joined(rules, lang)));
  if (robust) t.notes.push_back(msg("cfa.a15.note.robust", lang));
  if (robust && f.fiml) t.notes.push_back(msg("cfa.a15.note.robust_fiml", lang));
  if (!valid) {
    t.interpretation.push_back(msgf("cfa.interp.invalid", lang, joined(bad, lang)));
    return t;
  }
  std::vector<std::string> parts;
  bool good = true, acceptable = true;
  for (const auto& id : judged_ids()) {
    const double v = judged_value(in, id);
    const auto vv = vt.judge(id, v);
    if (!vv) continue;
    const char* name = id == "chisq_df" ? "χ²/df" : id == "cfi" ? "CFI" : id == "tli" ? "TLI" : id == "rmsea" ? "RMSEA" : "SRMR";
    parts.push_back(msgf("cfa.interp.part", lang, name, v, vv->label(lang)));
    const bool is_good_level = vv->level <= VerdictLevel::Good;
    const bool is_ok = vv->level <= VerdictLevel::Acceptable;
    if (id != "chisq_df" && !is_good_level) good = false;
    if ((id == "chisq_df" || id == "cfi") && !is_ok) acceptable = false;
  }
  t.interpretation.push_back(msgf("cfa.interp.fit", lang, t.number, joined(parts, lang)));
  t.interpretation.push_back(msg(good ? "cfa.interp.good" : acceptable ? "cfa.interp.acceptable" : "cfa.interp.poor", lang));
  return t;
}

Table cfa_loadings_table(const CfaTablesInput& in, Lang lang) {
  if (in.fit == nullptr) throw InternalError("cfa_loadings_table: no fit");
  const cfa::CfaFit& f = *in.fit;
  const auto nf = static_cast<int>(f.model.factors.size());
  Table t = make_table("A16_cfa_loadings", "A16", "cfa.a16.title", lang);
  t.header = {msg("cfa.h.factor", lang), msg("cfa.h.observed", lang), msg("cfa.h.est", lang), msg("cfa.h.se", lang),
              "z", "p", msg("cfa.h.std", lang), "R²", "CR", "AVE"};
  int last_factor = -1;
  for (const auto& e : f.estimates) {
    if (e.kind != cfa::ParKind::Loading && e.kind != cfa::ParKind::Regression) continue;
    const bool ind = e.kind == cfa::ParKind::Loading;
    const std::string& factor = in.factor_names[static_cast<std::size_t>(e.col)];
    const std::string& child = ind ? in.observed_names[static_cast<std::size_t>(e.row)]
                                   : in.factor_names[static_cast<std::size_t>(e.row)];
    const double r2 = ind ? f.r2(e.row) : 1.0 - f.mm.psi(e.row, e.row) / f.mm.lat_cov(e.row, e.row);
    std::vector<Cell> row{Cell::txt(factor), Cell::txt(child), Cell::number(e.est, 3),
                          e.free ? Cell::number(e.se, 3) : Cell::txt("—"), e.free ? Cell::number(e.z, 3) : Cell::txt("—"),
                          e.free ? Cell::pvalue(e.pvalue) : Cell::txt("—"), Cell::number(e.std_all, 3), Cell::number(r2, 3)};
    const bool first = e.col != last_factor;
    last_factor = e.col;
    if (first && e.col < nf && static_cast<std::size_t>(e.col) < in.cr.size()) {
      row.push_back(Cell::number(in.cr[static_cast<std::size_t>(e.col)], 3));
      row.push_back(Cell::number(in.ave[static_cast<std::size_t>(e.col)], 3));
    } else {
      row.push_back(Cell::empty());
      row.push_back(Cell::empty());
    }
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(msg("cfa.a16.note", lang));
  t.notes.push_back(in.model_note);
  const std::vector<std::string> bad = cfa_inadmissible(in, lang);
  if (!bad.empty()) {
    t.interpretation.push_back(msgf("cfa.interp.invalid", lang, joined(bad, lang)));
    return t;
  }
  std::vector<std::string> weak;
  double lo = 1e300, hi = -1e300;
  for (const auto& e : f.estimates)
    if (e.kind == cfa::ParKind::Loading) {
      lo = std::min(lo, e.std_all);
      hi = std::max(hi, e.std_all);
      if (!(e.std_all >= 0.5)) weak.push_back(in.observed_names[static_cast<std::size_t>(e.row)]);
    }
  t.interpretation.push_back(weak.empty() ? msgf("cfa.interp.loadings", lang, lo, hi)
                                          : msgf("cfa.interp.loadings_weak", lang, lo, hi, weak.size(), joined(weak, lang)));
  if (in.verdicts != nullptr)
    for (std::size_t k = 0; k < in.cr.size(); ++k) {
      const auto cr = in.verdicts->judge("cr", in.cr[k]);
      const auto ave = in.verdicts->judge("ave", in.ave[k]);
      if (!cr || !ave) continue;
      t.interpretation.push_back(msgf("cfa.interp.cr_ave", lang, in.factor_names[k], in.cr[k], cr->label(lang), cr->rule,
                                      in.ave[k], ave->label(lang), ave->rule));
    }
  return t;
}

Table cfa_convergent_table(const CfaTablesInput& in, Lang lang) {
  if (in.fit == nullptr) throw InternalError("cfa_convergent_table: no fit");
  const auto nf = static_cast<Eigen::Index>(in.cr.size());
  Table a = make_table("A8_convergent_validity_cfa", "A8-4", "cfa.a8.title", lang);
  for (const char* h : {"a8.h.dimension", "a8.h.k", "a8.h.cr", "a8.h.ave", "a8.h.sqrt_ave", "a8.h.fl_ok"})
    a.header.push_back(msg(h, lang));
  for (Eigen::Index f = 0; f < nf; ++f) a.header.push_back(in.factor_names[static_cast<std::size_t>(f)]);
  a.groups = {{"", 6}, {msg("cfa.a8.g.correlations", lang), static_cast<int>(nf)}};
  const auto& lo = in.fit->model.loadings;
  for (Eigen::Index f = 0; f < nf; ++f) {
    const auto k = static_cast<std::size_t>(f);
    std::vector<Cell> row{Cell::txt(in.factor_names[k]), Cell::integer(static_cast<long long>(lo[k].size())),
                          Cell::number(in.cr[k], 3), Cell::number(in.ave[k], 3), Cell::number(std::sqrt(in.ave[k]), 3),
                          Cell::txt(msg(in.fornell_larcker_ok[k] ? "common.yes" : "common.no", lang))};
    for (Eigen::Index g = 0; g < nf; ++g) row.push_back(g <= f ? Cell::number(in.fornell_larcker(f, g), 3) : Cell::empty());
    a.rows.push_back(std::move(row));
  }
  a.notes.push_back(msg("cfa.a8.note", lang));
  a.notes.push_back(in.model_note);
  const std::vector<std::string> bad = cfa_inadmissible(in, lang);
  if (!bad.empty()) {
    a.interpretation.push_back(msgf("cfa.interp.invalid", lang, joined(bad, lang)));
    return a;
  }
  std::vector<std::string> failed;
  for (std::size_t k = 0; k < static_cast<std::size_t>(nf); ++k)
    if (!in.fornell_larcker_ok[k]) failed.push_back(in.factor_names[k]);
  a.interpretation.push_back(failed.empty() ? msg("cfa.interp.fl_ok", lang)
                                            : msgf("cfa.interp.fl_failed", lang, failed.size(), joined(failed, lang)));
  return a;
}

}  // namespace cikit::report
