#include "methods/core/spec.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "methods/core/encoding.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/sha256.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit {

namespace {

namespace fs = std::filesystem;

using Ctx = YamlContext;

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (const char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80)) return false;
  }
  return true;
}

struct RawNode {
  Node node;
  bool leaf_fields = false;  // has direction/column/unit/source/goalposts
  bool has_children_key = false;
  std::string parent_id;
  YAML::Node yaml;
};

template <class E>
E parse_enum(const Ctx& ctx, const YAML::Node& n, std::span<const MethodName<E>> table,
             const std::string& what) {
  const std::string name = ctx.scalar(n, what);
  E out{};
  if (!parse_method(table, name, out))
    ctx.fail(n, fmt::format("unknown {} '{}' (accepted: {})", what, name, method_names(table)));
  return out;
}

void parse_methods(const Ctx& ctx, const YAML::Node& m, IndexConfig& cfg) {
  ctx.each_key(m, "methods", {"normalize", "weights", "aggregate", "seed"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "seed") {
      const double s = ctx.number(v, "methods.seed");
      if (!(s >= 0 && s <= 9.007199254740992e15 && std::floor(s) <= s && s <= std::floor(s)))
        ctx.fail(v, "methods.seed must be a non-negative integer");
      cfg.seed = static_cast<std::uint64_t>(s);
    } else if (key == "normalize") {
      if (v.IsScalar()) {
        cfg.normalize = parse_enum(ctx, v, normalize_methods(), "normalisation method");
        return;
      }
      ctx.each_key(v, "methods.normalize", {"method", "range"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "method") {
          cfg.normalize = parse_enum(ctx, w, normalize_methods(), "normalisation method");
        } else {
          if (!w.IsSequence() || w.size() != 2)
            ctx.fail(w, "methods.normalize.range must be [low, high]");
          cfg.range_lo = ctx.number(w[0], "range low");
          cfg.range_hi = ctx.number(w[1], "range high");
          if (!(cfg.range_lo < cfg.range_hi))
            ctx.fail(w, "methods.normalize.range must have low < high");
        }
      });
    } else if (key == "weights") {
      if (v.IsScalar()) {
        cfg.weights = parse_enum(ctx, v, weight_methods(), "weighting method");
        return;
      }
      ctx.each_key(v, "methods.weights", {"method"},
                   [&](const std::string&, const YAML::Node&, const YAML::Node& w) {
        cfg.weights = parse_enum(ctx, w, weight_methods(), "weighting method");
      });
    } else {  // aggregate
      if (v.IsScalar()) {
        cfg.aggregate = parse_enum(ctx, v, aggregate_methods(), "aggregation method");
        return;
      }
      ctx.each_key(v, "methods.aggregate", {"method", "missing"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "method")
          cfg.aggregate = parse_enum(ctx, w, aggregate_methods(), "aggregation method");
        else
          cfg.missing = parse_enum(ctx, w, missing_policies(), "missing-value policy");
      });
    }
  });
}

void parse_data(const Ctx& ctx, const YAML::Node& d, const fs::path& base_dir, DataSpec& data) {
  data.where = ctx.at(d);
  bool have_file = false, have_unit = false;
  ctx.each_key(d, "data", {"file", "unit", "names", "encoding", "delimiter", "missing"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "file") {
      data.file_as_written = ctx.scalar(v, "data.file");
      if (data.file_as_written.empty()) ctx.fail(v, "data.file is empty");
      fs::path p(data.file_as_written);
      data.file = p.is_absolute() ? p : base_dir / p;
      have_file = true;
    } else if (key == "unit") {
      data.columns.unit = ctx.scalar(v, "data.unit");
      if (data.columns.unit.empty()) ctx.fail(v, "data.unit is empty");
      have_unit = true;
    } else if (key == "names") {
      const Labels l = ctx.labels(v, "data.names");
      data.columns.name_zh = l.zh;
      data.columns.name_en = l.en;
    } else if (key == "encoding") {
      const std::string e = ctx.scalar(v, "data.encoding");
      if (e != "auto" && e != "utf-8" && e != "utf8" && e != "gbk" && e != "gb18030")
        ctx.fail(v, fmt::format("unknown data.encoding '{}' (accepted: auto, utf-8, gbk)", e));
      data.csv.encoding = e;
    } else if (key == "delimiter") {
      const std::string s = ctx.scalar(v, "data.delimiter");
      if (s == "," || s == ";" || s == "\t")
        data.csv.delimiter = s[0];
      else if (s == "tab" || s == "\\t")
        data.csv.delimiter = '\t';
      else
        ctx.fail(v, fmt::format("data.delimiter '{}' is not one of ',', ';', 'tab'", s));
    } else {  // missing
      if (!v.IsSequence()) ctx.fail(v, "data.missing must be a list of strings, e.g. [\"\", NA]");
      data.columns.missing_tokens.clear();
      for (const auto& t : v) data.columns.missing_tokens.push_back(ctx.scalar(t, "data.missing item"));
    }
  });
  if (!have_file) ctx.fail(d, "data.file is required (the CSV with one row per unit)");
  if (!have_unit) ctx.fail(d, "data.unit is required (the column holding unit ids)");
}

/// Parses one tree node (and its nested children) into `out`; returns its index.
int parse_node(const Ctx& ctx, const YAML::Node& y, bool top_level, std::vector<RawNode>& out) {
  RawNode raw;
  raw.yaml = y;
  raw.node.where = ctx.at(y);
  if (!y.IsMap()) ctx.fail(y, "a tree node must be a mapping with at least 'id'");
  if (!y["id"]) ctx.fail(y, "tree node without 'id'");
  YAML::Node children;
  ctx.each_key(y, "a tree node",
               {"id", "label", "children", "column", "direction", "unit", "source", "goalposts",
                "weight", "parent"},
               [&](const std::string& key, const YAML::Node& k, const YAML::Node& v) {
    auto& n = raw.node;
    if (key == "id") {
      n.id = ctx.scalar(v, "id");
      if (!valid_id(n.id))
        ctx.fail(v, fmt::format("node id '{}' must be non-empty and use letters, digits, _ - .", n.id));
    } else if (key == "label") {
      n.label = ctx.labels(v, "label");
    } else if (key == "children") {
      raw.has_children_key = true;
      children = v;
      if (!v.IsSequence()) ctx.fail(v, "children must be a list of nodes");
      if (v.size() == 0) ctx.fail(v, "children is an empty list (a leaf has no 'children' key)");
    } else if (key == "column") {
      raw.leaf_fields = true;
      n.column = ctx.scalar(v, "column");
      if (n.column.empty()) ctx.fail(v, "column is empty: a leaf must name a data column");
    } else if (key == "direction") {
      raw.leaf_fields = true;
      if (v.IsSequence() || v.IsNull())
        ctx.fail(v, "direction must be \"+\" or \"-\" (write the minus sign in quotes: \"-\")");
      const std::string d = ctx.scalar(v, "direction");
      if (d == "+" || d == "positive" || d == "pos")
        n.direction = Direction::Positive;
      else if (d == "-" || d == "negative" || d == "neg")
        n.direction = Direction::Negative;
      else
        ctx.fail(v, fmt::format("direction '{}' must be \"+\" (more is better) or \"-\" (less is better)", d));
    } else if (key == "unit") {
      raw.leaf_fields = true;
      n.unit = ctx.scalar(v, "unit");
    } else if (key == "source") {
      raw.leaf_fields = true;
      n.source = ctx.scalar(v, "source");
    } else if (key == "goalposts") {
      raw.leaf_fields = true;
      if (!v.IsSequence() || v.size() != 2) ctx.fail(v, "goalposts must be [min, max]");
      const double lo = ctx.number(v[0], "goalposts min");
      const double hi = ctx.number(v[1], "goalposts max");
      if (!(lo < hi)) ctx.fail(v, "goalposts must have min < max");
      n.goalposts = std::make_pair(lo, hi);
    } else if (key == "weight") {
      const double w = ctx.number(v, "weight");
      if (!(w >= 0)) ctx.fail(v, fmt::format("weight must be >= 0, but is {}", w));
      n.weight = w;
    } else {  // parent
      if (!top_level)
        ctx.fail(k, "'parent' is only allowed on top-level entries of tree: (nested nodes already have one)");
      raw.parent_id = ctx.scalar(v, "parent");
    }
  });
  if (raw.has_children_key && raw.leaf_fields)
    ctx.fail(y, fmt::format("node '{}' has children and also indicator fields (column, direction, "
                            "unit, source, goalposts): a node is either a group or an indicator",
                            raw.node.id));
  const int self = static_cast<int>(out.size());
  out.push_back(std::move(raw));
  if (children) {
    for (const auto& c : children) {
      const int ci = parse_node(ctx, c, false, out);
      out[static_cast<std::size_t>(ci)].node.parent = self;
      out[static_cast<std::size_t>(self)].node.children.push_back(ci);
    }
  }
  return self;
}

IndicatorTree build_tree(const Ctx& ctx, const YAML::Node& t, Node root) {
  if (!t.IsSequence() || t.size() == 0)
    ctx.fail(t, "tree must be a non-empty list of nodes (the index's dimensions)");
  std::vector<RawNode> raw;
  RawNode r;
  r.node = std::move(root);
  raw.push_back(std::move(r));
  std::vector<int> top;
  for (const auto& y : t) top.push_back(parse_node(ctx, y, true, raw));
  // Duplicate ids are reported before linking `parent:` references, which look ids up.
  std::map<std::string, int> ids;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto [it, ok] = ids.emplace(raw[i].node.id, static_cast<int>(i));
    if (!ok) {
      const auto& first = raw[static_cast<std::size_t>(it->second)].node.where;
      throw InvalidInput(fmt::format("duplicate node id '{}' (first defined at {})", raw[i].node.id,
                                     i > 0 && it->second == 0 ? std::string("index.id")
                                                              : first.to_string()),
                         raw[i].node.where);
    }
  }
  for (int i : top) {
    auto& n = raw[static_cast<std::size_t>(i)];
    int parent = 0;
    if (!n.parent_id.empty()) {
      const auto it = ids.find(n.parent_id);
      if (it == ids.end())
        ctx.fail(n.yaml["parent"], fmt::format("parent '{}' of node '{}' is not defined", n.parent_id,
                                               n.node.id));
      parent = it->second;
      if (parent == i) ctx.fail(n.yaml["parent"], fmt::format("cycle: node '{}' is its own parent", n.node.id));
    }
    n.node.parent = parent;
    raw[static_cast<std::size_t>(parent)].node.children.push_back(i);
  }
  std::vector<Node> nodes;
  nodes.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    auto& n = raw[i];
    const bool leaf = n.node.children.empty();
    if (i > 0 && leaf) {
      if (n.node.column.empty()) n.node.column = n.node.id;
      if (!n.yaml["direction"])
        ctx.fail(n.yaml, fmt::format("indicator '{}' has no direction (add direction: \"+\" if more is "
                                     "better, \"-\" if less is better)",
                                     n.node.id));
    }
    if (!leaf && n.leaf_fields)
      ctx.fail(n.yaml, fmt::format("node '{}' has children (via parent:) and also indicator fields",
                                   n.node.id));
    nodes.push_back(std::move(n.node));
  }
  return IndicatorTree(std::move(nodes));
}

}  // namespace

Spec parse_spec(const std::string& text, const std::string& file_label, const fs::path& base_dir) {
  const Ctx ctx{file_label, "", ""};
  const YAML::Node doc = ctx.load(text, "spec is empty");
  Spec spec;
  spec.path = file_label;
  spec.hash = sha256_hex(text);
  YAML::Node tree, index;
  bool have_data = false, have_tree = false, have_index = false;
  ctx.each_key(doc, "the spec", {"index", "data", "tree", "methods", "judgments", "delphi"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "index") {
      index = v;
      have_index = true;
      ctx.each_key(v, "index", {"id", "label", "description"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "id") {
          spec.id = ctx.scalar(w, "index.id");
          if (!valid_id(spec.id)) ctx.fail(w, "index.id must use letters, digits, _ - .");
        } else if (k == "label") {
          spec.label = ctx.labels(w, "index.label");
        } else {
          spec.description = ctx.scalar(w, "index.description");
        }
      });
    } else if (key == "data") {
      parse_data(ctx, v, base_dir, spec.data);
      have_data = true;
    } else if (key == "tree") {
      tree = v;
      have_tree = true;
    } else if (key == "methods") {
      parse_methods(ctx, v, spec.config);
    } else if (key == "delphi") {
      const std::string d = ctx.scalar(v, "delphi");
      if (d.empty()) ctx.fail(v, "delphi is empty");
      spec.delphi = fs::path(d).is_absolute() ? fs::path(d) : base_dir / d;
      spec.delphi_where = ctx.at(v);
    } else {
      const std::string j = ctx.scalar(v, "judgments");
      if (j.empty()) ctx.fail(v, "judgments is empty");
      spec.judgments = fs::path(j).is_absolute() ? fs::path(j) : base_dir / j;
      spec.judgments_where = ctx.at(v);
    }
  });
  if (!have_index) ctx.fail(doc, "index: section is required (id and label of the index)");
  if (spec.id.empty()) ctx.fail(index, "index.id is required");
  if (!have_data) ctx.fail(doc, "data: section is required (file and unit column)");
  if (!have_tree) ctx.fail(doc, "tree: section is required (the indicator system)");
  Node root;
  root.id = spec.id;
  root.label = spec.label;
  root.where = ctx.at(index);
  spec.tree = build_tree(ctx, tree, std::move(root));
  return spec;
}

Spec read_spec(const fs::path& path) {
  const std::string label = path.string();
  if (!fs::exists(path)) throw InvalidInput(fmt::format("spec file '{}' not found", label));
  const std::string bytes = read_file(path);
  const DecodedText text = decode_text(bytes, "auto", label);
  Spec spec = parse_spec(text.utf8, label, path.parent_path());
  spec.hash = sha256_hex(bytes);  // of the file as stored, whatever its encoding
  if (!spec.judgments.empty() && !fs::exists(spec.judgments))
    throw InvalidInput(fmt::format("judgments file '{}' not found", spec.judgments.string()),
                       spec.judgments_where);
  return spec;
}

Dataset load_data(const Spec& spec) {
  const auto& d = spec.data;
  if (!fs::exists(d.file))
    throw InvalidInput(fmt::format("data file '{}' not found (data.file is relative to the spec)",
                                   d.file.string()),
                       d.where);
  const CsvTable table = read_csv(d.file, d.csv);
  CsvColumns cols = d.columns;
  cols.indicators.clear();
  for (int leaf : spec.tree.leaves()) {
    const Node& n = spec.tree.node(leaf);
    bool found = false;
    for (const auto& h : table.header) found = found || h == n.column;
    if (!found) {
      const Location& where = n.where;
      throw InvalidInput(
          fmt::format("indicator '{}' names data column '{}', which is not in {} (no such header)", n.id,
                      n.column, table.file),
          where);
    }
    cols.indicators.push_back(n.column);
  }
  Dataset data = table_to_dataset(table, cols);
  for (std::size_t j = 0; j < spec.tree.leaves().size(); ++j)
    data.indicator_ids[j] = spec.tree.node(spec.tree.leaves()[j]).id;
  return data;
}

}  // namespace cikit
