#include "methods/report/delphi_tables.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {
std::string verdict_text(Verdict v, Lang lang) {
  switch (v) {
    case Verdict::Keep:
      return msg("d.verdict.keep", lang);
    case Verdict::Revise:
      return msg("d.verdict.revise", lang);
    case Verdict::Drop:
      return msg("d.verdict.drop", lang);
  }
  return "";
}

std::string aspect_text(const std::string& aspect, Lang lang) {
  if (aspect == "importance") return msg("d.aspect.importance", lang);
  if (aspect == "feasibility") return msg("d.aspect.feasibility", lang);
  return aspect;
}

std::string label_of(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto k = tree.find(id);
  return k ? tree.node(*k).label.get(lang, id) : id;
}

/// One screening table of the D3 group (round × aspect × level), numbered D3-k.
Table screening_table(const DelphiRound& r, const DelphiGroup& g, const DelphiResult& result, const DelphiInput& input,
                      const IndicatorTree& tree, Lang lang, int k) {
  Table s;
  const bool first_aspect = !result.aspects.empty() && g.aspect == result.aspects.front();
  bool first_level = true;
  for (const auto& o : r.groups)
    if (o.aspect == g.aspect) {
      first_level = &o == &g;
      break;
    }
  // The first aspect's table keeps its historical id; the others are named by aspect (and level).
  // (Short: an XLSX sheet name has at most 31 characters.)
  s.id = first_aspect ? fmt::format("D3_delphi_screening_round{}", r.round)
                      : fmt::format("D3_screening_round{}_{}", r.round, g.aspect);
  if (!first_level) s.id += fmt::format("_L{}", g.level);
  s.number = fmt::format("D3-{}", k);
  s.lang = lang;
  s.title = first_level ? msgf("d3.title", lang, r.round, aspect_text(g.aspect, lang))
                        : msgf("d3.title.level", lang, r.round, aspect_text(g.aspect, lang), g.level);
  for (const char* h : {"d3.h.indicator", "d3.h.mean", "d3.h.sd", "d3.h.cv", "d3.h.full", "d3.h.icvi", "d3.h.verdict"})
    s.header.push_back(msg(h, lang));
  for (std::size_t j = 0; j < g.indicators.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    s.rows.push_back({Cell::txt(label_of(tree, g.indicators[j], lang)), Cell::number(g.stats.mean(jj), 3),
                      Cell::number(g.stats.sd(jj), 3), Cell::number(g.stats.cv(jj), 3),
                      Cell::number(g.stats.full_score_ratio(jj), 3), Cell::number(g.cvi.i_cvi(jj), 3),
                      Cell::txt(j < g.screening.verdict.size() ? verdict_text(g.screening.verdict[j], lang) : "")});
  }
  const auto& th = g.screening.thresholds;
  s.notes.push_back(msgf("d3.note", lang, th.mean, th.full_score, th.cv, input.screening.min_mean, input.screening.max_cv));
  s.notes.push_back(msgf("d3.note.icvi", lang, input.scale.relevant));
  if (result.aspects.size() > 1) s.notes.push_back(msg("d3.note.worst", lang));
  return s;
}

/// The content validity of every round × aspect (× level): I-CVI range, S-CVI/Ave, S-CVI/UA.
Table cvi_table(const DelphiResult& result, const DelphiInput& input, Lang lang, int k,
                const std::vector<std::string>& final_ids) {
  Table c;
  c.id = "D3_delphi_content_validity";
  c.number = fmt::format("D3-{}", k);
  c.lang = lang;
  c.title = msg("dc.title", lang);
  for (const char* h : {"dc.h.round", "dc.h.aspect", "dc.h.items", "dc.h.experts", "dc.h.icvi_range", "dc.h.low", "dc.h.ave",
                        "dc.h.ua"})
    c.header.push_back(msg(h, lang));
  for (const auto& r : result.rounds)
    for (const auto& g : r.groups) {
      const auto& i = g.cvi.i_cvi;
      const auto low = static_cast<long long>((i.array() < 0.78).count());
      c.rows.push_back({Cell::integer(r.round), Cell::txt(aspect_text(g.aspect, lang)),
                        Cell::integer(static_cast<long long>(g.indicators.size())), Cell::integer(g.n_used),
                        Cell::interval(i.minCoeff(), i.maxCoeff(), 3), Cell::integer(low), Cell::number(g.cvi.s_cvi_ave, 3),
                        Cell::number(g.cvi.s_cvi_ua, 3)});
      const int missed = int(!(g.cvi.s_cvi_ave >= 0.90)) + int(!(g.cvi.s_cvi_ua >= 0.80));
      c.interpretation.push_back(missed == 0 ? msgf("dc.verdict.ok", lang, r.round, aspect_text(g.aspect, lang),
                                                    g.cvi.s_cvi_ave, g.cvi.s_cvi_ua)
                                             : msgf("dc.verdict.low", lang, r.round, aspect_text(g.aspect, lang),
                                                    g.cvi.s_cvi_ave, g.cvi.s_cvi_ua, missed));
    }
  // The final system: the last round's I-CVIs of the indicators that remain.
  if (!final_ids.empty() && !result.rounds.empty())
    for (const auto& g : result.rounds.back().groups) {
      std::vector<double> v;
      for (std::size_t j = 0; j < g.indicators.size(); ++j)
        if (std::find(final_ids.begin(), final_ids.end(), g.indicators[j]) != final_ids.end())
          v.push_back(g.cvi.i_cvi(static_cast<Eigen::Index>(j)));
      if (v.empty()) continue;
      double sum = 0, ua = 0, lo = 1, hi = 0, low = 0;
      for (double x : v) sum += x, ua += x >= 1 ? 1 : 0, lo = std::min(lo, x), hi = std::max(hi, x), low += x < 0.78 ? 1 : 0;
      const auto nv = static_cast<double>(v.size());
      c.rows.push_back({Cell::txt(msg("dc.final", lang)), Cell::txt(aspect_text(g.aspect, lang)),
                        Cell::integer(static_cast<long long>(v.size())), Cell::integer(g.n_used), Cell::interval(lo, hi, 3),
                        Cell::integer(static_cast<long long>(low)), Cell::number(sum / nv, 3), Cell::number(ua / nv, 3)});
      const int missed = int(!(sum / nv >= 0.90)) + int(!(ua / nv >= 0.80));
      c.interpretation.push_back(missed == 0 ? msgf("dc.verdict.final_ok", lang, aspect_text(g.aspect, lang), sum / nv, ua / nv)
                                             : msgf("dc.verdict.final_low", lang, aspect_text(g.aspect, lang), sum / nv,
                                                    ua / nv, missed));
    }
  c.notes.push_back(msgf("dc.note", lang, input.scale.relevant));
  return c;
}
}  // namespace

std::vector<Table> delphi_tables(const DelphiResult& result, const DelphiInput& input, const IndicatorTree& tree,
                                 Lang lang, const std::vector<std::string>& final_ids) {
  std::vector<Table> out;

  Table panel = make_table("D1_delphi_panel", "D1", "d1.title", lang);
  for (const char* h : {"d1.h.round", "d1.h.sent", "d1.h.returned", "d1.h.positive", "d1.h.ca", "d1.h.cs", "d1.h.cr"})
    panel.header.push_back(msg(h, lang));
  for (const auto& r : result.rounds) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    panel.rows.push_back({Cell::integer(r.round), Cell::integer(r.sent), Cell::integer(r.returned),
                          Cell::percent(r.positive_coefficient, 1),
                          Cell::number(r.authority ? r.authority->ca_mean : nan, 3),
                          Cell::number(r.authority ? r.authority->cs_mean : nan, 3),
                          Cell::number(r.authority ? r.authority->cr_mean : nan, 3)});
  }
  panel.notes.push_back(msg("d1.note", lang));
  if (const std::string note = input.note.get(lang, ""); !note.empty()) panel.notes.push_back(note);
  out.push_back(std::move(panel));

  Table w = make_table("D2_delphi_concordance", "D2", "d2.title", lang);
  for (const char* h : {"d2.h.round", "d2.h.aspect", "d2.h.indicators", "d2.h.experts", "d2.h.w", "d2.h.chi2", "d2.h.df",
                        "d2.h.p"})
    w.header.push_back(msg(h, lang));
  for (const auto& r : result.rounds)
    for (const auto& g : r.groups) {
      if (!g.kendall) continue;
      const auto& k = *g.kendall;
      w.rows.push_back({Cell::integer(r.round), Cell::txt(aspect_text(g.aspect, lang)),
                        Cell::integer(static_cast<long long>(g.indicators.size())), Cell::integer(g.n_used),
                        Cell::number(k.w, 3), Cell::number(k.chi2, 3), Cell::integer(k.df), Cell::pvalue(k.p)});
    }
  w.notes.push_back(msg("d2.note", lang));
  out.push_back(std::move(w));

  // D3: the screening of every round × aspect (× level), then the content validity (CVI).
  int k = 0;
  for (const auto& r : result.rounds)
    for (const auto& aspect : result.aspects)
      for (const auto& g : r.groups) {
        if (g.aspect != aspect) continue;
        out.push_back(screening_table(r, g, result, input, tree, lang, ++k));
      }
  out.push_back(cvi_table(result, input, lang, ++k, final_ids));
  return out;
}

}  // namespace cikit::report
