/// \file notices.cpp
/// The library's adjustments in the document's language (notices.hpp).
#include "methods/report/notices.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "methods/core/registry.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {

/// A node or indicator id as its label in `lang` ("" = the whole index).
std::string node_label(const std::string& id, const IndicatorTree& tree, Lang lang) {
  if (id.empty()) return msg("notice.whole", lang);
  const auto i = tree.find(id);
  return i ? tree.node(*i).label.get(lang, id) : id;
}

/// A weighting (or imputation, transform) method's spec name as its display name in `lang`.
template <class E>
std::string method_name(std::span<const MethodName<E>> table, const std::string& name, Lang lang) {
  for (const auto& m : table)
    if (m.name == name) return std::string(lang == Lang::Zh ? m.zh : m.en);
  return name;
}

/// "id1, id2" as unit names in `lang`, joined in that language.
std::string unit_list(const std::string& ids, const Dataset* data, Lang lang) {
  std::string out;
  std::size_t start = 0;
  while (start <= ids.size()) {
    const std::size_t end = std::min(ids.find(", ", start), ids.size());
    std::string id = ids.substr(start, end - start);
    if (data != nullptr) {
      const auto it = std::find(data->unit_ids.begin(), data->unit_ids.end(), id);
      if (it != data->unit_ids.end())
        id = data->unit_name(static_cast<Eigen::Index>(it - data->unit_ids.begin()), lang_code(lang));
    }
    if (!out.empty()) out += msg("adj.list.sep", lang);
    out += id;
    start = end + 2;
  }
  return out;
}

const std::string& arg(const Notice& n, std::size_t i) {
  static const std::string none = "-";
  return i < n.args.size() ? n.args[i] : none;
}

/// The notes' numbers already used in a table: the count of notes starting with a number.
int numbered_notes(const Table& t) {
  int k = 0;
  for (int i = 1; i <= static_cast<int>(t.notes.size()); ++i) {
    const std::string prefix = msgf("adj.note.number", t.lang, i);
    if (std::any_of(t.notes.begin(), t.notes.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; }))
      k = i;
  }
  return k;
}

/// The grouped note of one kind: a list form for the per-node kinds that repeat, else the
/// sentences joined.
std::string grouped_note(const std::string& key, const std::vector<const Notice*>& ns, const IndicatorTree& tree,
                         const Dataset* data, Lang lang) {
  std::string nodes;
  for (const auto* n : ns) nodes += (nodes.empty() ? "" : msg("adj.list.sep", lang)) + node_label(n->node, tree, lang);
  if (key == "combine.negative") return msgf("adj.note.combine.negative", lang, ns.size(), nodes);
  if (key == "weights.units_dropped") {
    long lo = 0, hi = 0;
    for (const auto* n : ns) {
      const long d = std::stol(arg(*n, 1));
      lo = lo == 0 ? d : std::min(lo, d);
      hi = std::max(hi, d);
    }
    return msgf("adj.note.weights.units_dropped", lang, ns.size(), nodes, lo, hi);
  }
  std::string out;
  for (const auto* n : ns) out += (out.empty() ? "" : msg("adj.sentence.sep", lang)) + notice_text(*n, tree, data, lang);
  return out + msg("adj.sentence.end", lang);
}

}  // namespace

std::string notice_text(const Notice& n, const IndicatorTree& tree, const Dataset* data, Lang lang) {
  const std::string key = "notice." + n.key;
  const std::string node = node_label(n.node, tree, lang);
  if (n.key == "combine.negative" || n.key == "weights.units_dropped")
    return msgf(key, lang, node, method_name(weight_methods(), arg(n, 0), lang), arg(n, 1), arg(n, 2));
  if (n.key == "units.no_score" || n.key == "units.dropped_listwise")
    return msgf(key, lang, node, arg(n, 0), unit_list(arg(n, 1), data, lang));
  if (n.key == "missing.available" || n.key == "design.random") return msgf(key, lang, arg(n, 0), arg(n, 1));
  if (n.key == "treat.imputed")
    return msgf(key, lang, arg(n, 0), arg(n, 1), method_name(impute_methods(), arg(n, 2), lang));
  if (n.key == "treat.winsorised") return msgf(key, lang, node, arg(n, 0), arg(n, 1), arg(n, 2));
  if (n.key == "weights.pca_components_added") return msgf(key, lang, node, arg(n, 0), arg(n, 1), arg(n, 2));
  if (n.key == "treat.transformed") return msgf(key, lang, node, method_name(transform_methods(), arg(n, 0), lang));
  return msg(key, lang);  // an unknown key is an internal error (msg throws)
}

void add_notice_notes(Table& t, const std::vector<Notice>& notices, const std::vector<std::string>& keys,
                      const IndicatorTree& tree, const Dataset* data, Lang lang) {
  int k = numbered_notes(t);
  for (const auto& key : keys) {
    std::vector<const Notice*> of_key;
    for (const auto& n : notices)
      if (n.key == key) of_key.push_back(&n);
    if (of_key.empty()) continue;
    t.notes.push_back(msgf("adj.note.number", lang, ++k) + grouped_note(key, of_key, tree, data, lang));
  }
}

Table adjustments_table(const std::vector<Notice>& notices, const IndicatorTree& tree, const Dataset* data, Lang lang,
                        const std::function<std::string(const std::string& key)>& where) {
  Table t = make_table("B2_adjustments", "B2", "adj.title", lang);
  t.header = {msg("adj.h.no", lang), msg("adj.h.object", lang), msg("adj.h.what", lang), msg("adj.h.table", lang)};
  long no = 0;
  for (const auto& n : notices) {
    std::string text = notice_text(n, tree, data, lang);
    const std::string label = node_label(n.node, tree, lang);
    // The object column names the node; the sentence then starts after "label: ".
    for (const std::string& sep : {std::string(": "), std::string("：")})
      if (!n.node.empty() && text.rfind(label + sep, 0) == 0) text = text.substr(label.size() + sep.size());
    t.rows.push_back({Cell::integer(++no), Cell::txt(label), Cell::txt(text), Cell::txt(where ? where(n.key) : "")});
  }
  t.notes.push_back(msg(notices.empty() ? "adj.none" : "adj.note.intro", lang));
  return t;
}

std::vector<std::string> localised_warnings(const std::vector<std::string>& warnings, const std::vector<Notice>& notices,
                                            const IndicatorTree& tree, const Dataset* data, Lang lang) {
  if (lang == Lang::En) return warnings;
  static const std::regex pairwise(
      R"((.*)correlations use pairwise-complete units \((\d+) to (\d+) per pair\); the matrix may not be positive semi-definite)");
  static const std::regex ave(R"(dimension '([^']+)': AVE ([0-9.]+) < ([0-9.]+) \(.*\))");
  static const std::regex halfwidth(
      R"(Monte Carlo: .*?(\d+) index pair\(s\) have a (\d+)% CI half-width above ([0-9.]+).*)");
  // Reading the data (core/csv.cpp table_to_dataset, core/data_table.cpp divide_by_denominator).
  static const std::regex excel_errors(
      R"(column '(.*)': (\d+) Excel error value\(s\) read as missing \(data\.excel_errors: missing\): (.*))");
  static const std::regex fullwidth(
      R"(column '(.*)': (\d+) value\(s\) with full-width digits or a Unicode minus read as numbers: (.*))");
  static const std::regex denominator(
      R"(indicator '(.*)': (\d+) value\(s\) set to missing because the denominator '(.*)' is missing or zero: (.*))");
  static const std::regex unit_missing(R"( \(missing\))");
  static const std::regex unit_zero(R"( \(0\))");
  static const std::regex more(R"(; \.\.\. \((\d+) more\)$)");
  std::vector<std::string> out;
  for (const auto& w : warnings) {
    const auto it = std::find_if(notices.begin(), notices.end(), [&](const Notice& n) { return n.text == w; });
    std::smatch m;
    if (it != notices.end()) {
      out.push_back(notice_text(*it, tree, data, lang));
    } else if (std::regex_match(w, m, pairwise)) {
      std::string where = m[1].str();
      if (where == "whole system: ") where = msg("diag.whole_system", lang);
      else if (where.size() > 4 && where.front() == '\'')  // "'id': "
        where = node_label(where.substr(1, where.size() - 4), tree, lang) + "：";
      out.push_back(msgf("diag.pairwise", lang, where, m[2].str(), m[3].str()));
    } else if (std::regex_match(w, m, ave)) {
      out.push_back(msgf("diag.ave", lang, node_label(m[1].str(), tree, lang), m[2].str(), m[3].str()));
    } else if (std::regex_match(w, m, halfwidth)) {
      out.push_back(msgf("diag.mc_halfwidth", lang, m[1].str(), m[2].str(), m[3].str()));
    } else if (std::regex_match(w, m, excel_errors)) {
      out.push_back(msgf("diag.excel_errors", lang, m[1].str(), m[2].str(),
                         std::regex_replace(m[3].str(), more, msg("diag.more", lang))));
    } else if (std::regex_match(w, m, fullwidth)) {
      out.push_back(msgf("diag.fullwidth", lang, m[1].str(), m[2].str(),
                         std::regex_replace(m[3].str(), more, msg("diag.more", lang))));
    } else if (std::regex_match(w, m, denominator)) {
      std::string units = std::regex_replace(m[4].str(), unit_missing, msg("diag.denominator.missing", lang));
      units = std::regex_replace(units, unit_zero, msg("diag.denominator.zero", lang));
      out.push_back(msgf("diag.denominator", lang, node_label(m[1].str(), tree, lang), m[2].str(), m[3].str(), units));
    } else {
      out.push_back(w);
    }
  }
  return out;
}

std::string localised_reason(const std::string& what, Lang lang) {
  if (lang == Lang::En) return what;
  static const std::regex constant(R"(.*?(?:column |indicator |\b)'?([A-Za-z0-9_.]+)'? (?:is constant|has zero variance).*)");
  static const std::regex few_units(R"(.*?(\d+) complete unit\(s\).*)");
  static const std::regex few_indicators(R"(.*?(\d+) indicator\(s\).*)");
  std::smatch m;
  if (std::regex_match(what, m, constant)) return msgf("reason.constant", lang, m[1].str());
  if (std::regex_match(what, m, few_units)) return msgf("reason.few_units", lang, m[1].str());
  if (std::regex_match(what, m, few_indicators)) return msgf("reason.few_indicators", lang, m[1].str());
  if (what.find("singular") != std::string::npos) return msg("reason.singular", lang);
  if (what.find("perfectly correlated") != std::string::npos) return msg("reason.perfect", lang);
  return msg("reason.other", lang);
}

}  // namespace cikit::report
