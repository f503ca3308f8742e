#include "methods/weighting/judgments.hpp"
#include "methods/weighting/judgments_edit.hpp"

#include "methods/core/delphi_key.hpp"

#include "methods/core/yaml_context.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "methods/core/encoding.hpp"
#include "methods/core/fileio.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/detail/bwm_parse.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit {

namespace {

/// A YAML scalar in double quotes (ids and labels may hold ':' or '#').
std::string yaml_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

namespace fs = std::filesystem;

/// Reciprocity tolerance of the file: |a_ij a_ji − 1| ≤ this (fractions are exact to 1 ulp).
constexpr double kReciprocalTolerance = 1e-9;

/// Parsing context: file label, current expert and node for messages.
using Ctx = YamlContext;

/// digits+ ( '.' digits+ )?
bool is_plain_number(const std::string& s) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  while (i < s.size() && digit(s[i])) ++i;
  if (i == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  const std::size_t frac_start = ++i;
  while (i < s.size() && digit(s[i])) ++i;
  return i == s.size() && i > frac_start;
}

bool is_missing(const YAML::Node& n) {
  return n.IsNull() || (n.IsScalar() && (n.Scalar() == "NA" || n.Scalar() == "~"));
}

/// Messages print 1/2 … 1/9 as fractions (the user wrote them so), other values compactly.
std::string fmt_value(double x) { return saaty_text(x).find('/') != std::string::npos ? saaty_text(x) : fmt::format("{:.10g}", x); }

struct Cell {
  double value = std::numeric_limits<double>::quiet_NaN();
  YAML::Node yaml;  // for the location of errors
  bool given = false;
};

/// Checks diagonal, reciprocity and symmetric missingness of a matrix in FILE order and
/// returns it in TREE order.
Eigen::MatrixXd finish_matrix(const Ctx& ctx, const std::vector<std::vector<Cell>>& cells,
                              const std::vector<std::string>& ids, const std::vector<int>& tree_pos,
                              const YAML::Node& where, int& n_missing, bool pair_form) {
  const std::size_t m = ids.size();
  Eigen::MatrixXd out = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m),
                                                  std::numeric_limits<double>::quiet_NaN());
  n_missing = 0;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < m; ++j) {
      const Cell& c = cells[i][j];
      const Cell& r = cells[j][i];
      const YAML::Node& at = c.given ? c.yaml : where;
      if (i == j) {
        if (!pair_form && !(c.given && std::abs(c.value - 1.0) <= kReciprocalTolerance))
          ctx.fail(at, fmt::format("diagonal cell a[{},{}] ({} vs itself) is {}, but must be 1", i + 1, j + 1, ids[i],
                                   c.given ? fmt_value(c.value) : "missing"));
        out(tree_pos[i], tree_pos[j]) = 1.0;
        continue;
      }
      if (c.given != r.given && !pair_form)
        ctx.fail(c.given ? r.yaml : c.yaml,
                 fmt::format("a[{},{}] ({} vs {}) is missing but a[{},{}] = {}; a missing judgment must be "
                             "missing on both sides",
                             c.given ? j + 1 : i + 1, c.given ? i + 1 : j + 1, c.given ? ids[j] : ids[i],
                             c.given ? ids[i] : ids[j], c.given ? i + 1 : j + 1, c.given ? j + 1 : i + 1,
                             fmt_value(c.given ? c.value : r.value)));
      if (c.given && r.given && i < j && !(std::abs(c.value * r.value - 1.0) <= kReciprocalTolerance))
        ctx.fail(r.yaml, fmt::format("a[{},{}] ({} vs {}) = {} but a[{},{}] = {}; the matrix must be reciprocal "
                                     "(a[{},{}] = 1/a[{},{}] = {})",
                                     i + 1, j + 1, ids[i], ids[j], fmt_value(c.value), j + 1, i + 1,
                                     fmt_value(r.value), j + 1, i + 1, i + 1, j + 1, fmt_value(1.0 / c.value)));
      if (c.given)
        out(tree_pos[i], tree_pos[j]) = c.value;
      else if (r.given)
        out(tree_pos[i], tree_pos[j]) = 1.0 / r.value;  // pair form: reciprocal of the given side
      else if (i < j)
        ++n_missing;
    }
  return out;
}

NodeJudgments parse_node(Ctx ctx, const IndicatorTree& tree, const YAML::Node& key, const YAML::Node& val) {
  NodeJudgments nj;
  nj.node_id = ctx.scalar(key, "a node id");
  const auto idx = tree.find(nj.node_id);
  if (!idx) ctx.fail(key, fmt::format("unknown node '{}' (not in the spec's tree)", nj.node_id));
  const Node& node = tree.node(*idx);
  if (node.children.empty())
    ctx.fail(key, fmt::format("node '{}' is an indicator (a leaf); judgments compare the children of inner nodes",
                              nj.node_id));
  nj.node = *idx;
  ctx.node = nj.node_id;
  nj.where = ctx.at(key);
  std::map<std::string, int> child_pos;  // child id -> position in the tree's child order
  std::string child_list;
  for (std::size_t k = 0; k < node.children.size(); ++k) {
    const std::string& cid = tree.node(node.children[k]).id;
    child_pos[cid] = static_cast<int>(k);
    if (!child_list.empty()) child_list += ", ";
    child_list += cid;
  }
  const std::size_t m = node.children.size();
  // yaml-cpp: a default Node counts as defined (null), so presence is tracked with flags.
  YAML::Node order, matrix, pairs;
  bool has_order = false, has_matrix = false, has_pairs = false;
  ctx.each_key(val, fmt::format("node '{}'", nj.node_id), {"order", "matrix", "pairs"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& v) {
                 if (k == "order") order = v, has_order = true;
                 else if (k == "matrix") matrix = v, has_matrix = true;
                 else pairs = v, has_pairs = true;
               });
  if (has_pairs && (has_order || has_matrix))
    ctx.fail(val, "give either 'order' and 'matrix' or 'pairs', not both");
  auto child_of = [&](const YAML::Node& n) {
    const std::string id = ctx.scalar(n, "a child id");
    const auto it = child_pos.find(id);
    if (it == child_pos.end())
      ctx.fail(n, fmt::format("'{}' is not a child of node '{}' (children: {})", id, nj.node_id, child_list));
    return it->second;
  };
  std::vector<std::vector<Cell>> cells(m, std::vector<Cell>(m));
  std::vector<std::string> ids(m);
  std::vector<int> tree_pos(m);
  if (has_pairs) {
    if (!pairs.IsSequence()) ctx.fail(pairs, "'pairs' must be a list of [child, child, value]");
    for (std::size_t k = 0; k < m; ++k) ids[k] = tree.node(node.children[k]).id, tree_pos[k] = static_cast<int>(k);
    for (std::size_t q = 0; q < pairs.size(); ++q) {
      const YAML::Node p = pairs[q];
      if (!p.IsSequence() || p.size() != 3) ctx.fail(p, "each entry of 'pairs' must be [child, child, value]");
      const int a = child_of(p[0]);
      const int b = child_of(p[1]);
      if (a == b) ctx.fail(p, fmt::format("pair compares '{}' with itself", ids[static_cast<std::size_t>(a)]));
      auto& c = cells[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
      const auto& r = cells[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)];
      if (c.given || r.given)
        ctx.fail(p, fmt::format("pair ({}, {}) is given twice (first at line {})", ids[static_cast<std::size_t>(a)],
                                ids[static_cast<std::size_t>(b)], ctx.at(c.given ? c.yaml : r.yaml).line));
      c.value = parse_judgment(ctx.scalar(p[2], "a judgment"), ctx.at(p[2]));
      c.yaml = p;
      c.given = true;
    }
    for (std::size_t k = 0; k < m; ++k) cells[k][k].given = true, cells[k][k].value = 1.0;
    NodeJudgments& out = nj;
    out.matrix = finish_matrix(ctx, cells, ids, tree_pos, key, out.n_missing, true);
    return nj;
  }
  if (!has_order) ctx.fail(val, fmt::format("node '{}' needs 'order' and 'matrix' (or 'pairs')", nj.node_id));
  if (!has_matrix) ctx.fail(val, fmt::format("node '{}' has 'order' but no 'matrix'", nj.node_id));
  if (!order.IsSequence()) ctx.fail(order, "'order' must be a list of child ids");
  if (order.size() != m)
    ctx.fail(order, fmt::format("'order' lists {} ids, but node '{}' has {} children ({})", order.size(), nj.node_id, m,
                                child_list));
  std::set<int> seen;
  for (std::size_t k = 0; k < m; ++k) {
    const int p = child_of(order[k]);
    if (!seen.insert(p).second) ctx.fail(order[k], fmt::format("'{}' appears twice in 'order'", order[k].Scalar()));
    tree_pos[k] = p;
    ids[k] = order[k].Scalar();
  }
  if (!matrix.IsSequence() || matrix.size() != m)
    ctx.fail(matrix, fmt::format("'matrix' must have {} rows (one per id in 'order')", m));
  for (std::size_t i = 0; i < m; ++i) {
    const YAML::Node row = matrix[i];
    if (!row.IsSequence() || row.size() != m)
      ctx.fail(row, fmt::format("row {} of 'matrix' ({}) must have {} cells", i + 1, ids[i], m));
    for (std::size_t j = 0; j < m; ++j) {
      const YAML::Node cell = row[j];
      Cell& c = cells[i][j];
      c.yaml = cell;
      if (is_missing(cell)) continue;
      c.value = parse_judgment(ctx.scalar(cell, "a judgment"), ctx.at(cell));
      c.given = true;
    }
  }
  nj.matrix = finish_matrix(ctx, cells, ids, tree_pos, key, nj.n_missing, false);
  return nj;
}

}  // namespace

const NodeJudgments* ExpertJudgments::find(int node) const {
  for (const auto& n : nodes)
    if (n.node == node) return &n;
  return nullptr;
}

std::vector<double> Judgments::expert_weights() const {
  std::vector<double> w(experts.size(), 1.0 / static_cast<double>(experts.size()));
  double s = 0;
  for (const auto& e : experts) s += e.weight.value_or(0);
  if (!experts.empty() && experts.front().weight && s > 0)
    for (std::size_t k = 0; k < experts.size(); ++k) w[k] = *experts[k].weight / s;
  return w;
}

constexpr double kMaxJudgment = 1000.0;

double parse_judgment(const std::string& text, const Location& where) {
  auto bad = [&](const std::string& why) {
    throw InvalidInput(fmt::format("judgments: '{}' is not a valid judgment: {}", text, why), where);
  };
  const auto slash = text.find('/');
  const std::string num = slash == std::string::npos ? text : text.substr(0, slash);
  const std::string den = slash == std::string::npos ? "" : text.substr(slash + 1);
  if (!is_plain_number(num) || (slash != std::string::npos && !is_plain_number(den)))
    bad("write a positive number (3, 0.5) or a fraction of two (1/3), without sign, exponent or spaces");
  // strtod, not std::stod: a numeral beyond the double range (fuzz_number: a 300-digit
  // denominator) gives HUGE_VAL or 0 here instead of a std::out_of_range escaping the reader.
  const double a = std::strtod(num.c_str(), nullptr);
  const double b = slash == std::string::npos ? 1.0 : std::strtod(den.c_str(), nullptr);
  if (!std::isfinite(a) || !std::isfinite(b)) bad("a number is too large");
  if (!(b > 0)) bad("the denominator is 0");
  const double v = a / b;
  if (!(v > 0) || !std::isfinite(v)) bad("judgments must be positive");
  // A pairwise ratio is a judgment on a bounded scale (Saaty 1/9–9; wider scales reach a few
  // dozen): beyond 1/1000–1000 it is a typing error, and it would make the eigenvector overflow.
  if (v > kMaxJudgment || v < 1.0 / kMaxJudgment)
    bad(fmt::format("a pairwise ratio must lie between 1/{0:g} and {0:g} (Saaty's scale: 1/9 to 9)", kMaxJudgment));
  return v;
}

Judgments parse_judgments(const std::string& text, const std::string& file_label, const IndicatorTree& tree) {
  Ctx ctx{file_label, "judgments: ", ""};
  const YAML::Node doc = ctx.load(text, "the file is empty");
  Judgments j;
  j.file = file_label;
  YAML::Node experts;
  bool has_experts = false;
  ctx.each_key(doc, "the judgments file", {"scale", "experts"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& v) {
                 if (k == "scale") j.scale = ctx.scalar(v, "scale");
                 else experts = v, has_experts = true;
               });
  if (!has_experts) ctx.fail(doc, "the judgments file needs 'experts:' (a list)");
  if (!experts.IsSequence() || experts.size() == 0) ctx.fail(experts, "'experts' must be a non-empty list");
  std::set<std::string> ids;
  for (std::size_t q = 0; q < experts.size(); ++q) {
    const YAML::Node e = experts[q];
    ExpertJudgments ex;
    ex.where = ctx.at(e);
    YAML::Node matrices, bwm;
    bool has_matrices = false, has_bwm = false;
    Ctx ectx = ctx;
    ectx.each_key(e, "an expert", {"id", "label", "weight", "matrices", "bwm"},
                  [&](const std::string& k, const YAML::Node&, const YAML::Node& v) {
                    if (k == "id") {
                      ex.id = ectx.scalar(v, "expert id");
                      if (ex.id.empty()) ectx.fail(v, "expert id is empty");
                      if (!ids.insert(ex.id).second) ectx.fail(v, fmt::format("duplicate expert id '{}'", ex.id));
                    } else if (k == "label") {
                      if (v.IsScalar()) {
                        ex.label.zh = ex.label.en = v.Scalar();
                      } else {
                        ectx.each_key(v, "label", {"zh", "en"},
                                      [&](const std::string& lk, const YAML::Node&, const YAML::Node& lv) {
                                        (lk == "zh" ? ex.label.zh : ex.label.en) = ectx.scalar(lv, "label");
                                      });
                      }
                    } else if (k == "weight") {
                      const std::string s = ectx.scalar(v, "weight");
                      double w = 0;
                      if (!is_plain_number(s) || !((w = std::stod(s)) >= 0) || !std::isfinite(w))
                        ectx.fail(v, fmt::format("expert weight '{}' must be a number >= 0", s));
                      ex.weight = w;
                    } else if (k == "bwm") {
                      bwm = v;
                      has_bwm = true;
                    } else {
                      matrices = v;
                      has_matrices = true;
                    }
                  });
    if (ex.id.empty()) ctx.fail(e, "an expert needs 'id:'");
    ectx.prefix = fmt::format("judgments: expert '{}': ", ex.id);
    if (!has_matrices && !has_bwm) ectx.fail(e, "the expert has no 'matrices:' (AHP) or 'bwm:' (best-worst method)");
    std::set<int> nodes_seen;
    if (has_matrices)
      ectx.each_key(matrices, "matrices", {}, [&](const std::string&, const YAML::Node& k, const YAML::Node& v) {
        NodeJudgments nj = parse_node(ectx, tree, k, v);
        if (!nodes_seen.insert(nj.node).second) ectx.fail(k, fmt::format("node '{}' is given twice", nj.node_id));
        ex.nodes.push_back(std::move(nj));
      });
    if (has_bwm) ex.bwm = parse_bwm_nodes(ectx, tree, bwm);
    j.experts.push_back(std::move(ex));
  }
  // Expert weights: all or none, not all zero.
  const auto& first = j.experts.front();
  double total = 0;
  for (std::size_t k = 0; k < j.experts.size(); ++k) {
    const auto& ex = j.experts[k];
    if (ex.weight.has_value() != first.weight.has_value()) {
      const auto& without = ex.weight ? first : ex;
      const auto& with = ex.weight ? ex : first;
      throw InvalidInput(fmt::format("judgments: expert '{}' has no weight but expert '{}' has one; give every "
                                     "expert a weight or none (equal weights)",
                                     without.id, with.id),
                         without.where);
    }
    total += ex.weight.value_or(1.0);
  }
  if (!(total > 0))
    throw InvalidInput("judgments: all expert weights are 0", first.where);
  return j;
}

Judgments read_judgments(const fs::path& path, const IndicatorTree& tree) {
  const std::string label = path.string();
  if (!path_exists(path)) throw InvalidInput(fmt::format("judgments file '{}' not found", label));
  const DecodedText text = decode_text(read_file(path), "auto", label);
  return parse_judgments(text.utf8, label, tree);
}

Judgments read_spec_judgments(const Spec& spec) {
  if (spec.judgments.empty())
    throw InvalidInput("weights: ahp needs pairwise judgments; add 'judgments: FILE.yaml' to the spec",
                       Location{.file = spec.path});
  // A spec screened by its expert consultation: the file compares the children of the proposed
  // system; the screened-out children's rows and columns are dropped from each matrix.
  if (const IndicatorTree& proposed = proposed_tree(spec); proposed.size() != spec.tree.size())
    return judgments_for_tree(read_judgments(spec.judgments, proposed), proposed, spec.tree);
  return read_judgments(spec.judgments, spec.tree);
}

Judgments judgments_for_tree(const Judgments& j, const IndicatorTree& full, const IndicatorTree& reduced) {
  Judgments out = j;
  for (auto& e : out.experts) {
    std::vector<NodeJudgments> kept;
    for (const auto& nj : e.nodes) {
      const auto r = reduced.find(nj.node_id);
      if (!r) continue;
      const auto& fc = full.node(nj.node).children;
      const auto& rc = reduced.node(*r).children;
      if (rc.size() < 2) continue;
      std::vector<Eigen::Index> pos;  // position in the full child order of each reduced child
      for (int c : rc)
        for (std::size_t q = 0; q < fc.size(); ++q)
          if (full.node(fc[q]).id == reduced.node(c).id) pos.push_back(static_cast<Eigen::Index>(q));
      const auto m = static_cast<Eigen::Index>(pos.size());
      NodeJudgments n = nj;
      n.node = *r;
      n.matrix.resize(m, m);
      n.n_missing = 0;
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = 0; b < m; ++b) n.matrix(a, b) = nj.matrix(pos[static_cast<std::size_t>(a)], pos[static_cast<std::size_t>(b)]);
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = a + 1; b < m; ++b) n.n_missing += std::isnan(n.matrix(a, b)) ? 1 : 0;
      kept.push_back(std::move(n));
    }
    e.nodes = std::move(kept);
  }
  return out;
}

std::string judgments_yaml(const Judgments& j, const IndicatorTree& tree, const std::string& header) {
  std::string y;
  std::istringstream h(header);
  for (std::string line; std::getline(h, line);) y += "# " + line + "\n";
  if (!j.scale.empty()) y += fmt::format("scale: {}\n", j.scale);
  y += "experts:\n";
  auto quoted = [](const std::string& s) { return yaml_quote(s); };
  for (const auto& e : j.experts) {
    y += fmt::format("  - id: {}\n", quoted(e.id));
    if (!e.label.zh.empty() || !e.label.en.empty())
      y += fmt::format("    label: {{zh: {}, en: {}}}\n", quoted(e.label.zh), quoted(e.label.en));
    if (e.weight) y += fmt::format("    weight: {:.17g}\n", *e.weight);
    y += "    matrices:\n";
    for (const auto& nj : e.nodes) {
      const auto& ch = tree.node(nj.node).children;
      std::string order;
      for (int c : ch) order += (order.empty() ? "" : ", ") + quoted(tree.node(c).id);
      y += fmt::format("      {}:\n        order: [{}]\n        matrix:\n", quoted(nj.node_id), order);
      for (Eigen::Index a = 0; a < nj.matrix.rows(); ++a) {
        std::string row;
        for (Eigen::Index b = 0; b < nj.matrix.cols(); ++b)
          row += (b ? ", " : "") + (std::isnan(nj.matrix(a, b)) ? std::string("NA") : fmt_value(nj.matrix(a, b)));
        y += fmt::format("          - [{}]\n", row);
      }
    }
  }
  return y;
}

}  // namespace cikit
