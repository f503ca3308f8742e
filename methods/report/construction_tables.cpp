/// \file construction_tables.cpp
/// The construction of the indicator system before A1 (delphi_tables.hpp): counts per dimension
/// from the proposed to the final system, and the deletions and revisions of each round with
/// their reasons.
#include <fmt/format.h>

#include <map>
#include <set>

#include "methods/report/delphi_tables.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {

std::string aspect_word(const std::string& aspect, Lang lang) {
  if (aspect == "importance") return msg("d.aspect.importance", lang);
  if (aspect == "feasibility") return msg("d.aspect.feasibility", lang);
  return aspect;
}

/// The criteria indicator `id` fails in round `r`, in `lang`, joined.
std::string failed_criteria(const DelphiRound& r, const std::string& id, const DelphiInput& in, Lang lang) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : msg("s.sep", lang)) + s; };
  for (const auto& g : r.groups)
    for (std::size_t j = 0; j < g.indicators.size(); ++j) {
      if (g.indicators[j] != id) continue;
      const auto jj = static_cast<Eigen::Index>(j);
      const auto& s = g.screening;
      const std::string a = aspect_word(g.aspect, lang);
      if (s.fail_mean[j]) add(msgf("s.fail.mean", lang, a, g.stats.mean(jj), in.screening.min_mean));
      if (s.fail_cv[j]) add(msgf("s.fail.cv", lang, a, g.stats.cv(jj), in.screening.max_cv));
      if (s.fail_full_score[j])
        add(msgf("s.fail.full", lang, a, g.stats.full_score_ratio(jj), in.screening.min_full_score));
      if (s.fail_boundary_mean[j]) add(msgf("s.fail.bmean", lang, a, g.stats.mean(jj), s.thresholds.mean));
      if (s.fail_boundary_full_score[j])
        add(msgf("s.fail.bfull", lang, a, g.stats.full_score_ratio(jj), s.thresholds.full_score));
      if (s.fail_boundary_cv[j]) add(msgf("s.fail.bcv", lang, a, g.stats.cv(jj), s.thresholds.cv));
    }
  return out;
}

/// The first-level node (dimension) of a node, by id.
std::string dimension_of(const IndicatorTree& t, int i) {
  while (t.node(i).parent > 0) i = t.node(i).parent;
  return t.node(i).id;
}

bool rated_in(const DelphiRound& r, const std::string& id) {
  for (const auto& v : r.verdicts)
    if (v.indicator == id) return true;
  return false;
}

}  // namespace

std::vector<Table> construction_tables(const DelphiResult& result, const DelphiInput& in, const ConstructionInput& c,
                                       Lang lang) {
  const IndicatorTree& P = c.proposed;
  const IndicatorTree& F = c.final_tree;
  const std::set<std::string> out_ids(c.screened_out.begin(), c.screened_out.end());
  std::map<std::string, int> out_round;  // round that screened each indicator out (last that rated it)
  for (const auto& r : result.rounds)
    for (const auto& v : r.verdicts)
      if (out_ids.count(v.indicator)) out_round[v.indicator] = r.round;
  const bool deep = P.height() >= 3;

  // S1: counts per dimension.
  Table s1 = make_table("S1_system_construction", "S1", "s1.title", lang);
  s1.header.push_back(msg("s1.h.dimension", lang));
  if (deep) s1.header.push_back(msg("s1.h.proposed_groups", lang));
  s1.header.push_back(msg("s1.h.proposed", lang));
  for (const auto& r : result.rounds) s1.header.push_back(msgf("s1.h.deleted", lang, r.round));
  if (deep) s1.header.push_back(msg("s1.h.final_groups", lang));
  s1.header.push_back(msg("s1.h.final", lang));
  std::vector<long long> total(s1.header.size(), 0);
  for (int d : P.node(P.root()).children) {
    const std::string& did = P.node(d).id;
    std::vector<long long> row;
    long long groups = 0, fgroups = 0;
    if (deep) {
      for (int g : P.node(d).children) groups += P.node(g).children.empty() ? 0 : 1;
      if (const auto fd = F.find(did))
        for (int g : F.node(*fd).children) fgroups += F.node(g).children.empty() ? 0 : 1;
      row.push_back(groups);
    }
    const auto under = P.leaf_positions_under(d);
    row.push_back(static_cast<long long>(under.size()));
    for (const auto& r : result.rounds) {
      long long n = 0;
      for (int p : under) {
        const std::string& id = P.node(P.leaves()[static_cast<std::size_t>(p)]).id;
        if (out_round.count(id) && out_round[id] == r.round) ++n;
      }
      row.push_back(n);
    }
    if (deep) row.push_back(fgroups);
    const auto fd = F.find(did);
    row.push_back(fd ? static_cast<long long>(F.leaf_positions_under(*fd).size()) : 0);
    std::vector<Cell> cells{Cell::txt(P.node(d).label.get(lang, did))};
    for (std::size_t k = 0; k < row.size(); ++k) cells.push_back(Cell::integer(row[k])), total[k + 1] += row[k];
    s1.rows.push_back(std::move(cells));
  }
  std::vector<Cell> trow{Cell::txt(msg("s1.total", lang))};
  for (std::size_t k = 1; k < total.size(); ++k) trow.push_back(Cell::integer(total[k]));
  s1.rows.push_back(std::move(trow));

  // The narrative.
  const auto n_proposed = static_cast<long long>(P.leaves().size());
  std::string rounds_text;
  for (const auto& r : result.rounds) {
    long long del = 0, rev = 0;
    for (const auto& v : r.verdicts) {
      if (out_round.count(v.indicator) && out_round[v.indicator] == r.round) ++del;
      else if (v.verdict == Verdict::Revise) ++rev;
    }
    rounds_text += msgf("s1.round", lang, r.round, r.verdicts.size(), del, rev);
  }
  std::string story = msgf("s1.story", lang, P.node(P.root()).children.size(), n_proposed, result.rounds.size(),
                           rounds_text);
  if (c.applied)
    story += msgf("s1.final", lang, F.node(F.root()).children.size(), F.leaves().size(), c.screened_out.size());
  else {
    std::string reason = c.reason.empty() ? msg("s1.no_reason", lang) : c.reason;
    // End the sentence when the spec's reason does not (。 ！ ？ . ! ?).
    static const std::vector<std::string> stops = {"。", "！", "？", ".", "!", "?"};
    bool ended = false;
    for (const auto& e : stops) ended = ended || (reason.size() >= e.size() && reason.compare(reason.size() - e.size(), e.size(), e) == 0);
    if (!ended) reason += lang == Lang::Zh ? "。" : ".";
    story += msgf("s1.kept", lang, c.screened_out.size(), P.leaves().size(), reason);
  }
  s1.interpretation.push_back(story);
  s1.notes.push_back(msg("s1.note", lang));

  // S2: deletions and revisions, round by round.
  Table s2 = make_table("S2_delphi_changes", "S2", "s2.title", lang);
  for (const char* h : {"s2.h.round", "s2.h.indicator", "s2.h.dimension", "s2.h.decision", "s2.h.basis", "s2.h.change"})
    s2.header.push_back(msg(h, lang));
  for (std::size_t k = 0; k < result.rounds.size(); ++k) {
    const DelphiRound& r = result.rounds[k];
    const DelphiRound* next = k + 1 < result.rounds.size() ? &result.rounds[k + 1] : nullptr;
    for (const auto& v : r.verdicts) {
      const bool removed = out_round.count(v.indicator) && out_round[v.indicator] == r.round;
      if (!removed && v.verdict != Verdict::Revise) continue;
      const auto pi = P.find(v.indicator);
      if (!pi) continue;
      std::string decision = removed ? msg(c.applied ? "s2.deleted" : "s2.deleted_kept", lang)
                                     : msg(next ? "s2.revised" : "s2.revised_kept", lang);
      std::string change;
      for (const auto& rv : in.revisions)
        if (rv.round == r.round && rv.indicator == v.indicator) change = rv.change.get(lang, "");
      if (!removed && next && !rated_in(*next, v.indicator))
        change += (change.empty() ? "" : msg("s.sep", lang)) + msgf("s2.not_rated", lang, next->round);
      if (change.empty()) change = removed ? "—" : msg("s2.no_change_given", lang);
      s2.rows.push_back({Cell::integer(r.round), Cell::txt(P.node(*pi).label.get(lang, v.indicator)),
                         Cell::txt(P.node(*P.find(dimension_of(P, *pi))).label.get(lang, "")),
                         Cell::txt(decision), Cell::txt(failed_criteria(r, v.indicator, in, lang)), Cell::txt(change)});
    }
  }
  s2.notes.push_back(msg("s2.note", lang));
  return {std::move(s1), std::move(s2)};
}

}  // namespace cikit::report
