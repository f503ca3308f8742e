#include "methods/report/compare_tables.hpp"

#include <algorithm>
#include <cmath>

#include "methods/core/registry.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

std::string scheme_label(const std::string& name, Lang lang) {
  if (lang == Lang::En) return name;
  std::string out;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    std::string shown = part;
    const auto look = [&](auto table) {
      for (const auto& m : table)
        if (m.name == part) {
          shown = std::string(m.zh);
          return true;
        }
      return false;
    };
    (void)(look(weight_methods()) || look(normalize_methods()) || look(aggregate_methods()));
    out += (out.empty() ? "" : "/") + shown;
    start = end + 1;
  }
  return out;
}

std::vector<Table> ranking_comparison_tables(const CompareResult& r, const Dataset& data, Lang lang) {
  const auto S = static_cast<Eigen::Index>(r.schemes.size());
  // A scheme named after its weighting method alone gets that method's label in `lang`.
  const auto name = [&](Eigen::Index s) {
    const SchemeIndex& x = r.schemes[static_cast<std::size_t>(s)];
    const auto& info = method_info(weight_methods(), x.config.weights);
    if (x.name != info.name) return scheme_label(x.name, lang);
    return std::string(lang == Lang::Zh ? info.zh : info.en);
  };
  const std::string ref = name(r.reference);

  Table c = make_table("A11_rank_correlations", "A11-1", "a11.title", lang);
  c.header.push_back(msg("a11.h.scheme", lang));
  for (Eigen::Index s = 0; s < S; ++s) c.header.push_back(name(s));
  for (Eigen::Index a = 0; a < S; ++a) {
    std::vector<Cell> row{Cell::txt(name(a))};
    for (Eigen::Index b = 0; b < S; ++b)
      row.push_back(a == b ? Cell::txt("—") : Cell::number(a > b ? r.spearman(a, b) : r.kendall(a, b), 3));
    c.rows.push_back(std::move(row));
  }
  c.notes.push_back(msg("a11.note", lang));

  Table v;
  v.id = "A11_rank_shifts";
  v.number = "A11-2";
  v.lang = lang;
  v.title = msgf("a11b.title", lang, ref);
  for (const char* h : {"a11.h.scheme", "a11b.h.rho", "a11b.h.tau", "a11b.h.mean_shift", "a11b.h.max_shift"})
    v.header.push_back(msg(h, lang));
  v.header.push_back(msgf("a11b.h.top", lang, r.top));
  double rho_lo = 1, rho_hi = -1, shift_hi = 0;
  for (Eigen::Index s = 0; s < S; ++s) {
    const auto i = r.reference;
    v.rows.push_back({Cell::txt(name(s)), Cell::number(r.spearman(s, i), 3), Cell::number(r.kendall(s, i), 3),
                      Cell::number(r.mean_abs_shift(s), 2), Cell::integer(r.max_abs_shift(s)),
                      Cell::percent(r.top_overlap(s), 1)});
    if (s == i || std::isnan(r.spearman(s, i))) continue;
    rho_lo = std::min(rho_lo, r.spearman(s, i));
    rho_hi = std::max(rho_hi, r.spearman(s, i));
    shift_hi = std::max(shift_hi, r.mean_abs_shift(s));
  }
  v.notes.push_back(msgf("a11b.note", lang, r.top));
  if (rho_lo <= rho_hi) v.interpretation.push_back(msgf("a11b.interp", lang, ref, rho_lo, rho_hi, shift_hi));

  std::vector<Table> out{std::move(c), std::move(v)};
  if (!r.movers.empty()) {
    Table m = make_table("A11_largest_movers", "A11-3", "a11c.title", lang);
    for (const char* h : {"a11c.h.unit", "a11c.h.reference", "a11c.h.best", "a11c.h.worst", "a11c.h.shift", "a11.h.scheme"})
      m.header.push_back(msg(h, lang));
    for (const auto& mv : r.movers)
      m.rows.push_back({Cell::txt(data.unit_name(mv.unit, lang_code(lang))), Cell::integer(mv.reference_rank),
                        Cell::integer(mv.best_rank), Cell::integer(mv.worst_rank), Cell::integer(mv.max_shift),
                        Cell::txt(name(mv.max_shift_scheme))});
    m.notes.push_back(msgf("a11c.note", lang, ref));
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::string> localised_compare_warnings(const std::vector<std::string>& warnings, const CompareResult& r,
                                                    const IndicatorTree& tree, const Dataset* data, Lang lang) {
  if (lang == Lang::En) return warnings;
  std::vector<std::string> out;
  for (const auto& w : warnings) {
    // Not a scheme's: reading the data (Excel errors, full-width digits, denominators) and others.
    std::string shown = localised_warnings({w}, {}, tree, data, lang).front();
    for (const auto& s : r.schemes) {
      const std::string prefix = "scheme " + s.name + ": ";
      if (w.rfind(prefix, 0) != 0 || std::find(s.warnings.begin(), s.warnings.end(), w) == s.warnings.end()) continue;
      const auto text = localised_warnings({w.substr(prefix.size())}, s.notices, tree, data, lang);
      shown = msgf("compare.scheme_warning", lang, scheme_label(s.name, lang), text.front());
      break;
    }
    out.push_back(std::move(shown));
  }
  return out;
}

}  // namespace cikit::report
