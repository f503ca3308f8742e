#include "methods/report/delphi_tables.hpp"

#include <fmt/format.h>

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
}  // namespace

std::vector<Table> delphi_tables(const DelphiResult& result, const DelphiInput& input, const IndicatorTree& tree,
                                 Lang lang) {
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

  for (const auto& r : result.rounds) {
    const DelphiGroup* g = nullptr;
    for (const auto& cand : r.groups)
      if (!result.aspects.empty() && cand.aspect == result.aspects.front()) {
        g = &cand;
        break;
      }
    if (g == nullptr) continue;
    Table s;
    s.id = fmt::format("D3_delphi_screening_round{}", r.round);
    s.number = fmt::format("D3-{}", r.round);
    s.lang = lang;
    s.title = msgf("d3.title", lang, r.round, aspect_text(g->aspect, lang));
    for (const char* h : {"d3.h.indicator", "d3.h.mean", "d3.h.sd", "d3.h.cv", "d3.h.full", "d3.h.verdict"})
      s.header.push_back(msg(h, lang));
    for (std::size_t j = 0; j < g->indicators.size(); ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      s.rows.push_back({Cell::txt(label_of(tree, g->indicators[j], lang)), Cell::number(g->stats.mean(jj), 3),
                        Cell::number(g->stats.sd(jj), 3), Cell::number(g->stats.cv(jj), 3),
                        Cell::number(g->stats.full_score_ratio(jj), 3),
                        Cell::txt(j < g->screening.verdict.size() ? verdict_text(g->screening.verdict[j], lang) : "")});
    }
    const auto& th = g->screening.thresholds;
    s.notes.push_back(msgf("d3.note", lang, th.mean, th.full_score, th.cv, input.screening.min_mean,
                           input.screening.max_cv));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cikit::report
