#include "methods/report/weights_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "methods/core/error.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/svg.hpp"
#include "methods/weighting/weight_settings.hpp"

namespace cikit::report {

namespace {
std::string method_label(const MethodWeightsReport& m, Lang lang) {
  const auto& info = method_info(weight_methods(), m.method);
  return std::string(lang == Lang::Zh ? info.zh : info.en);
}
const std::string& node_label(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto i = tree.find(id);
  return i ? tree.node(*i).label.get(lang, id) : id;
}
}  // namespace

const std::vector<NodeConsistency>& ahp_consistency(const WeightsReport& report) {
  static const std::vector<NodeConsistency> none;
  for (const auto& m : report.methods)
    if (m.method == WeightMethod::Ahp && !m.weights.consistency.empty()) return m.weights.consistency;
  for (const auto& m : report.methods)
    if (!m.weights.consistency.empty()) return m.weights.consistency;
  return none;
}

Table ahp_consistency_table(const std::vector<NodeConsistency>& rows, const IndicatorTree& tree, Lang lang) {
  if (rows.empty()) throw InternalError("ahp_consistency_table: no consistency rows");
  Table t = make_table("A9_ahp_consistency", "A9", "a9.title", lang);
  for (const char* h : {"a9.h.node", "a9.h.expert", "a9.h.m", "a9.h.missing", "a9.h.lambda", "a9.h.ci", "a9.h.ri",
                        "a9.h.cr", "a9.h.passed"})
    t.header.push_back(msg(h, lang));
  int passed = 0, listed = 0;
  std::vector<std::string> failed, pairs;  // pairs: nodes with 2x2 matrices (one line in a note)
  std::size_t pair_matrices = 0;
  for (const auto& c : rows) {
    const std::string& node = node_label(tree, c.node_id, lang);
    if (c.m < 3) {  // a 2x2 (or 1x1) matrix is consistent by construction: CR is not defined
      ++pair_matrices;
      if (std::find(pairs.begin(), pairs.end(), node) == pairs.end()) pairs.push_back(node);
      continue;
    }
    ++listed;
    const std::string expert = c.expert_id.empty() ? msg("a9.group", lang) : c.expert_id;
    t.rows.push_back({Cell::txt(node), Cell::txt(expert), Cell::integer(c.m), Cell::integer(c.n_missing),
                      Cell::number(c.lambda_max, 4), Cell::number(c.ci, 4), Cell::number(c.ri, 2),
                      Cell::number(c.cr, 4), Cell::txt(msg(c.acceptable ? "common.yes" : "common.no", lang))});
    if (c.acceptable) ++passed;
    else failed.push_back(fmt::format("{}/{} ({:.3f})", node, expert, c.cr));
  }
  const double threshold = rows.front().cr_threshold;
  t.notes.push_back(msgf("a9.note", lang, threshold));
  if (!pairs.empty()) {
    std::string list;
    for (std::size_t i = 0; i < pairs.size(); ++i) list += (i ? msg("interp.list_sep", lang) : "") + pairs[i];
    t.notes.push_back(msgf("a9.note.pairs", lang, pair_matrices, pairs.size(), list));
  }
  t.interpretation.push_back(msgf("a9.interp", lang, passed, listed, threshold));
  if (!failed.empty()) {
    std::string list;
    for (std::size_t i = 0; i < failed.size(); ++i) list += (i ? msg("interp.list_sep", lang) : "") + failed[i];
    t.interpretation.push_back(msgf("a9.interp.failed", lang, list));
  }
  return t;
}

namespace {

/// A spec name as its display name in `lang`, from the first registry table that has it (for
/// a method's variant: entropy "minmax", ahp "eigenvector", "aij", combine "game_theory"); RI
/// table names from the catalogue ("term.ri.saaty1980"); unknown names stay as they are.
std::string term(const std::string& name, Lang lang) {
  std::string out = name;
  const auto look = [&](auto table) {
    for (const auto& m : table)
      if (m.name == name) {
        out = std::string(lang == Lang::Zh ? m.zh : m.en);
        return true;
      }
    return false;
  };
  if (has_msg("term.ri." + name)) return msg("term.ri." + name, lang);
  (void)(look(combine_rules()) || look(weight_methods()) || look(entropy_variants()) || look(entropy_shifts()) ||
         look(pca_variants()) || look(ahp_priority_methods()) || look(ahp_group_rules()));
  return out;
}

}  // namespace

/// The variant of a method (weight_variant_label: "eigenvector, saaty1980, aij",
/// "game_theory(ahp, entropy)") in `lang`: en as written, zh with every spec name replaced by
/// its Chinese display name and Chinese punctuation.
std::string localised_variant(const std::string& variant, Lang lang) {
  if (lang == Lang::En) return variant;
  std::string out, word;
  const auto flush = [&] {
    if (!word.empty()) out += term(word, lang);
    word.clear();
  };
  for (std::size_t i = 0; i < variant.size(); ++i) {
    const char c = variant[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += c;
      continue;
    }
    flush();
    if (c == ',' && i + 1 < variant.size() && variant[i + 1] == ' ') {
      out += "、";
      ++i;
    } else if (c == '(') {
      out += "（";
    } else if (c == ')') {
      out += "）";
    } else if (c == ';') {
      out += "；";
    } else {
      out += c;
    }
  }
  flush();
  return out;
}

std::vector<Table> weights_compared_tables(const WeightsReport& report, const IndicatorTree& tree, Lang lang) {
  std::vector<Table> out;
  for (const bool global : {false, true}) {
    Table t = global ? make_table("A10_global_weights", "A10-2", "a10.title.global", lang)
                     : make_table("A10_local_weights", "A10-1", "a10.title.local", lang);
    t.header.push_back(msg("a10.h.node", lang));
    for (const auto& m : report.methods) t.header.push_back(method_label(m, lang));
    for (const int i : tree.preorder()) {
      if (i == tree.root()) continue;
      const Node& n = tree.node(i);
      std::vector<Cell> row{Cell::txt(n.label.get(lang, n.id), n.depth)};
      for (const auto& m : report.methods)
        row.push_back(global ? Cell::percent(m.weights.global(i), 2) : Cell::number(m.weights.local(i), 4));
      t.rows.push_back(std::move(row));
    }
    t.notes.push_back(msg("a10.note", lang));
    if (!global) {
      std::string variants;
      for (const auto& m : report.methods)
        if (!m.variant.empty())
          variants += (variants.empty() ? "" : lang == Lang::Zh ? "；" : msg("interp.list_sep", lang)) + fmt::format("{}{}{}", method_label(m, lang), lang == Lang::Zh ? "：" : ": ",
                                                                                   localised_variant(m.variant, lang));
      if (!variants.empty()) t.notes.push_back(msgf("a10.note.variants", lang, variants));
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Figure> weights_figures(const WeightsReport& report, const IndicatorTree& tree, Lang lang,
                                    const std::string& number) {
  // Panels: the first-level dimensions when the system is large, else the whole tree.
  std::vector<int> panels;
  const auto& top = tree.node(tree.root()).children;
  if (tree.leaves().size() > kWeightsPanelIndicators && top.size() >= 2) panels = top;
  else panels = {tree.root()};
  std::vector<Figure> out;
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const int panel = panels[p];
    std::vector<std::string> indicators;
    std::vector<int> leaves;
    for (const int pos : tree.leaf_positions_under(panel)) {
      const int leaf = tree.leaves()[static_cast<std::size_t>(pos)];
      leaves.push_back(leaf);
      indicators.push_back(tree.node(leaf).label.get(lang, tree.node(leaf).id));
    }
    std::vector<WeightSeries> series;
    for (const auto& m : report.methods) {
      WeightSeries s{method_label(m, lang), {}};
      for (const int leaf : leaves) s.weights.push_back(m.weights.global(leaf));
      series.push_back(std::move(s));
    }
    const bool split = panels.size() > 1;
    Figure f;
    f.number = split ? fmt::format("{}-{}", number, p + 1) : number;
    f.id = split ? str_cat("F", number, "_weights_by_method_", tree.node(panel).id) : str_cat("F", number, "_weights_by_method");
    f.lang = lang;
    f.title = split ? msgf("fig.weights.title.dimension", lang, tree.node(panel).label.get(lang, tree.node(panel).id))
                    : msg("fig.weights.title", lang);
    f.svg = weights_svg(indicators, series, msg("fig.weights.y", lang));
    f.notes.push_back(msgf("fig.weights.note", lang, series.size()));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cikit::report
