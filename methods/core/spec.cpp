#include "methods/core/spec.hpp"

#include "methods/core/delphi_key.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "methods/core/csv_numeric.hpp"  // load_data_fast
#include "methods/core/encoding.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/memory_table.hpp"
#include "methods/core/numbers.hpp"
#include "methods/core/panel_data.hpp"
#include "methods/core/sha256.hpp"
#include "methods/core/yaml_context.hpp"
#include "methods/core/detail/spec_fuzzy.hpp"
#include "methods/core/path_exists.hpp"

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
  YAML::Node aggregate;  // inner node's own `aggregate:` (checked once the tree is linked)
  YAML::Node normalize;  // leaf's own `normalize:`
  YAML::Node transform;  // leaf's own `transform:`
  YAML::Node preference;  // node's own PROMETHEE `preference:`
  bool has_aggregate = false, has_normalize = false, has_transform = false;  // (a default YAML::Node is "defined")
  bool has_preference = false;
};


void parse_treat(const Ctx& ctx, const YAML::Node& v, TreatConfig& t) {
  ctx.each_key(v, "methods.treat", {"impute", "group", "outliers", "winmax", "skew", "kurtosis", "fallback"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "impute") {
      t.impute = parse_enum(ctx, w, impute_methods(), "imputation method");
    } else if (k == "group") {
      t.group = ctx.scalar(w, "methods.treat.group");
      if (t.group.empty()) ctx.fail(w, "methods.treat.group is empty (a data column)");
    } else if (k == "outliers") {
      t.outliers = parse_enum(ctx, w, outlier_methods(), "outlier treatment");
    } else if (k == "winmax") {
      const double n = ctx.number(w, "methods.treat.winmax");
      if (!(n >= 0 && n <= 1e6 && std::floor(n) <= n && n <= std::floor(n)))
        ctx.fail(w, "methods.treat.winmax must be a non-negative integer");
      t.winmax = static_cast<int>(n);
    } else if (k == "skew") {
      t.skew = ctx.number(w, "methods.treat.skew");
      if (!(t.skew >= 0)) ctx.fail(w, "methods.treat.skew must be >= 0");
    } else if (k == "kurtosis") {
      t.kurtosis = ctx.number(w, "methods.treat.kurtosis");
    } else {
      t.fallback = parse_enum(ctx, w, transform_methods(), "fallback transform");
    }
  });
  if (t.impute == ImputeMethod::GroupMean && t.group.empty())
    ctx.fail(v, "methods.treat.impute: group_mean needs methods.treat.group: COLUMN (the data column of unit groups)");
}

/// A node's `aggregate: METHOD` or `aggregate: {method: power, power: R}`.
NodeAggregate parse_node_aggregate(const Ctx& ctx, const YAML::Node& v, const IndexConfig& cfg) {
  NodeAggregate a{cfg.aggregate, cfg.aggregate_params.power};
  if (v.IsScalar()) {
    a.method = parse_enum(ctx, v, aggregate_methods(), "aggregation method");
    return a;
  }
  bool have_method = false;
  ctx.each_key(v, "a node's aggregate", {"method", "power"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "method") {
      a.method = parse_enum(ctx, w, aggregate_methods(), "aggregation method");
      have_method = true;
    } else {
      a.power = ctx.number(w, "aggregate.power");
    }
  });
  if (!have_method) ctx.fail(v, "a node's aggregate: needs method:");
  return a;
}

/// `preference: FUNCTION` or `preference: {function: F, q: Q, p: P, s: S}` (PROMETHEE).
Preference parse_preference(const Ctx& ctx, const YAML::Node& v, const std::string& id) {
  Preference pr;
  if (v.IsScalar()) {
    pr.function = parse_enum(ctx, v, preference_functions(), "preference function");
  } else {
    bool have_function = false;
    ctx.each_key(v, "preference", {"function", "q", "p", "s"}, [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
      if (k == "function") {
        pr.function = parse_enum(ctx, w, preference_functions(), "preference function");
        have_function = true;
      } else {
        (k == "q" ? pr.q : k == "p" ? pr.p : pr.s) = ctx.number(w, "preference." + k);
      }
    });
    if (!have_function) ctx.fail(v, fmt::format("'{}': preference: needs function: ({})", id,
                                                method_names(preference_functions())));
  }
  if (const std::string why = preference_problem(pr); !why.empty())
    ctx.fail(v, fmt::format("'{}': preference {}", id, why));
  return pr;
}

/// The MCDA keys of methods.aggregate: rho (GRA), v (VIKOR), rsr and tiers (RSR).
void parse_mcda_key(const Ctx& ctx, const std::string& k, const YAML::Node& w, AggregateParams& p) {
  if (k == "rho") {
    p.gra_rho = ctx.number(w, "methods.aggregate.rho");
    if (!(p.gra_rho > 0 && p.gra_rho <= 1)) ctx.fail(w, "methods.aggregate.rho (GRA resolution) must be in (0, 1]");
  } else if (k == "v") {
    p.vikor_v = ctx.number(w, "methods.aggregate.v");
    if (!(p.vikor_v >= 0 && p.vikor_v <= 1)) ctx.fail(w, "methods.aggregate.v (VIKOR) must be in [0, 1]");
  } else if (k == "rsr") {
    p.rsr = parse_enum(ctx, w, rsr_rankings(), "RSR ranking");
  } else {  // tiers
    const double t = ctx.number(w, "methods.aggregate.tiers");
    if (!(t >= 3 && t <= 5 && std::floor(t) >= t)) ctx.fail(w, "methods.aggregate.tiers (RSR) must be 3, 4 or 5");
    p.rsr_tiers = static_cast<int>(t);
  }
}

/// methods.weights as a mapping: `method` here; every other key (the variants of entropy, pca,
/// ahp, and combine/of/alpha) belongs to a registered SettingsParser (methods/core/settings.hpp).
void parse_weights(const Ctx& ctx, const YAML::Node& v, IndexConfig& cfg, SettingsStore& settings) {
  const auto parsers = settings_parsers("methods.weights");
  std::set<std::string> allowed{"method"};
  for (const SettingsParser* p : parsers) allowed.insert(p->keys.begin(), p->keys.end());
  ctx.each_key(v, "methods.weights", allowed, [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "method") cfg.weights = parse_enum(ctx, w, weight_methods(), "weighting method");
  });
  for (const SettingsParser* p : parsers) p->parse(ctx, v, cfg, settings);
}

/// methods.aggregate.bod: {share_min, share_max, robust_m, robust_b} (methods/weighting/bod.hpp).
void parse_bod(const Ctx& ctx, const YAML::Node& v, BodParams& b) {
  ctx.each_key(v, "methods.aggregate.bod", {"share_min", "share_max", "robust_m", "robust_b"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
                 const double x = ctx.number(w, "methods.aggregate.bod." + k);
                 if (k == "share_min" || k == "share_max") {
                   if (!(x >= 0 && x <= 1)) ctx.fail(w, fmt::format("methods.aggregate.bod.{} must be in [0, 1]", k));
                   (k == "share_min" ? b.share_min : b.share_max) = x;
                 } else {
                   if (!(x >= (k == "robust_m" ? 0 : 1) && std::abs(x - std::floor(x)) < 1e-12 && x <= 1e6))
                     ctx.fail(w, fmt::format("methods.aggregate.bod.{} must be a whole number >= {}", k,
                                             k == "robust_m" ? 0 : 1));
                   (k == "robust_m" ? b.robust_m : b.robust_b) = static_cast<int>(x);
                 }
               });
  if (b.share_min > b.share_max)
    ctx.fail(v, fmt::format("methods.aggregate.bod: share_min {} exceeds share_max {}", b.share_min, b.share_max));
}

void parse_methods(const Ctx& ctx, const YAML::Node& m, IndexConfig& cfg, SettingsStore& settings) {
  ctx.each_key(m, "methods", {"normalize", "weights", "aggregate", "seed", "treat"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "treat") {
      parse_treat(ctx, v, cfg.treat);
    } else if (key == "seed") {
      const double s = ctx.number(v, "methods.seed");
      if (!(s >= 0 && s <= 9.007199254740992e15 && std::floor(s) <= s && s <= std::floor(s)))
        ctx.fail(v, "methods.seed must be a non-negative integer");
      cfg.seed = static_cast<std::uint64_t>(s);
    } else if (key == "normalize") {
      if (v.IsScalar()) {
        cfg.normalize = parse_enum(ctx, v, normalize_methods(), "normalisation method");
        return;
      }
      ctx.each_key(v, "methods.normalize", {"method", "range", "reference", "cap"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "method") {
          cfg.normalize = parse_enum(ctx, w, normalize_methods(), "normalisation method");
        } else if (k == "reference") {
          cfg.reference_unit = ctx.scalar(w, "methods.normalize.reference");
          if (cfg.reference_unit.empty()) ctx.fail(w, "methods.normalize.reference is empty (a unit id)");
        } else if (k == "cap") {
          cfg.cap_at_target = ctx.boolean(w, "methods.normalize.cap");
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
        if (cfg.weights == WeightMethod::Combined)
          ctx.fail(v, "methods.weights: combined needs a mapping with 'combine:' and 'of:' (e.g. "
                      "weights: {combine: game_theory, of: [ahp, entropy]})");
        return;
      }
      parse_weights(ctx, v, cfg, settings);
    } else {  // aggregate
      if (v.IsScalar()) {
        cfg.aggregate = parse_enum(ctx, v, aggregate_methods(), "aggregation method");
        return;
      }
      ctx.each_key(v, "methods.aggregate",
                   {"method", "missing", "power", "zeros", "shift", "topsis", "rho", "v", "rsr", "tiers", "bod", "fuzzy"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "rho" || k == "v" || k == "rsr" || k == "tiers") {
          parse_mcda_key(ctx, k, w, cfg.aggregate_params);
        } else if (k == "method") {
          cfg.aggregate = parse_enum(ctx, w, aggregate_methods(), "aggregation method");
        } else if (k == "missing") {
          cfg.missing = parse_enum(ctx, w, missing_policies(), "missing-value policy");
        } else if (k == "power") {
          cfg.aggregate_params.power = ctx.number(w, "methods.aggregate.power");
        } else if (k == "zeros") {
          const std::string z = ctx.scalar(w, "methods.aggregate.zeros");
          if (z == "error") cfg.aggregate_params.zeros = ZeroPolicy::Error;
          else if (z == "shift") cfg.aggregate_params.zeros = ZeroPolicy::Shift;
          else ctx.fail(w, fmt::format("methods.aggregate.zeros '{}' must be error or shift", z));
        } else if (k == "shift") {
          cfg.aggregate_params.shift = ctx.number(w, "methods.aggregate.shift");
          if (!(cfg.aggregate_params.shift > 0)) ctx.fail(w, "methods.aggregate.shift must be > 0");
        } else if (k == "bod") {
          parse_bod(ctx, w, cfg.aggregate_params.bod);
        } else if (k == "fuzzy") {
          spec_detail::parse_fuzzy(ctx, w, cfg.aggregate_params.fuzzy);
        } else {
          const std::string t = ctx.scalar(w, "methods.aggregate.topsis");
          if (t == "vector") cfg.aggregate_params.topsis = TopsisNorm::Vector;
          else if (t == "minmax") cfg.aggregate_params.topsis = TopsisNorm::MinMax;
          else ctx.fail(w, fmt::format("methods.aggregate.topsis '{}' must be vector or minmax", t));
        }
      });
      if (cfg.aggregate_params.zeros == ZeroPolicy::Shift && !(cfg.aggregate_params.shift > 0))
        ctx.fail(v, "methods.aggregate.zeros: shift needs methods.aggregate.shift: DELTA (> 0)");
    }
  });
}

void parse_data(const Ctx& ctx, const YAML::Node& d, const fs::path& base_dir, DataSpec& data,
                SettingsStore& settings) {
  data.where = ctx.at(d);
  bool have_file = false, have_unit = false;
  ctx.each_key(d, "data", {"file", "unit", "names", "encoding", "delimiter", "missing", "sheet", "header_row",
                           "thousands", "percent", "excel_errors", "time"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "time") {
      // Panel data (methods/core/panel_data.hpp): kept in the settings store.
      PanelColumns& pc = settings.get_or_create<PanelColumns>(kPanelColumnsBlock);
      pc.time = ctx.scalar(v, "data.time");
      if (pc.time.empty()) ctx.fail(v, "data.time is empty (the column holding each row's period, e.g. year)");
      pc.where = ctx.at(v);
    } else if (key == "file") {
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
    } else if (key == "sheet") {
      data.xlsx.sheet = ctx.scalar(v, "data.sheet");
      if (data.xlsx.sheet.empty()) ctx.fail(v, "data.sheet is empty (a sheet name or its 1-based position)");
    } else if (key == "header_row") {
      const double r = ctx.number(v, "data.header_row");
      if (!(r >= 1 && r <= 1048576 && std::floor(r) <= r && r <= std::floor(r)))
        ctx.fail(v, "data.header_row must be a sheet row number (1, 2, ...)");
      data.xlsx.header_row = static_cast<long>(r);
    } else if (key == "thousands") {
      const std::string t = ctx.scalar(v, "data.thousands");
      if (t != "," && t != " " && t != "'")
        ctx.fail(v, fmt::format("data.thousands '{}' must be \",\", \" \" or \"'\" (the decimal point stays '.')", t));
      data.columns.numbers.thousands = t;
    } else if (key == "percent") {
      const std::string t = ctx.scalar(v, "data.percent");
      if (t == "true" || t == "number") data.columns.numbers.percent = PercentMode::Number;
      else if (t == "fraction") data.columns.numbers.percent = PercentMode::Fraction;
      else if (t == "false") data.columns.numbers.percent = PercentMode::Off;
      else ctx.fail(v, fmt::format("data.percent '{}' must be true (12% -> 12), fraction (12% -> 0.12) or false", t));
    } else if (key == "excel_errors") {
      const std::string t = ctx.scalar(v, "data.excel_errors");
      if (t == "missing") data.columns.numbers.excel_errors_missing = true;
      else if (t == "error") data.columns.numbers.excel_errors_missing = false;
      else ctx.fail(v, fmt::format("data.excel_errors '{}' must be missing (read #DIV/0!, #N/A, ... as missing) or error", t));
    } else {  // missing
      if (!v.IsSequence()) ctx.fail(v, "data.missing must be a list of strings, e.g. [\"\", NA]");
      data.columns.missing_tokens.clear();
      for (const auto& t : v) data.columns.missing_tokens.push_back(ctx.scalar(t, "data.missing item"));
    }
  });
  if (!have_file) ctx.fail(d, "data.file is required (the CSV or .xlsx workbook with one row per unit)");
  if (!is_excel_path(data.file) && (!data.xlsx.sheet.empty() || data.xlsx.header_row > 0))
    ctx.fail(d, "data.sheet and data.header_row apply to Excel workbooks (.xlsx) only");
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
                "weight", "parent", "normalize", "transform", "target", "aggregate", "description",
                "denominator", "scale", "preference"},
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
      n.unit = ctx.labels(v, "unit");
    } else if (key == "source") {
      raw.leaf_fields = true;
      n.source = ctx.labels(v, "source");
    } else if (key == "description") {
      n.description = ctx.labels(v, "description");
    } else if (key == "denominator") {
      raw.leaf_fields = true;
      n.denominator = ctx.scalar(v, "denominator");
      if (n.denominator.empty()) ctx.fail(v, "denominator is empty: name the data column to divide by");
    } else if (key == "scale") {
      raw.leaf_fields = true;
      n.scale = ctx.number(v, "scale");
      if (!(n.scale > 0) || !std::isfinite(n.scale)) ctx.fail(v, "scale must be a positive number (e.g. 1000)");
    } else if (key == "goalposts") {
      raw.leaf_fields = true;
      if (!v.IsSequence() || v.size() != 2) ctx.fail(v, "goalposts must be [min, max]");
      const double lo = ctx.number(v[0], "goalposts min");
      const double hi = ctx.number(v[1], "goalposts max");
      if (!(lo < hi)) ctx.fail(v, "goalposts must have min < max");
      n.goalposts = std::make_pair(lo, hi);
    } else if (key == "target") {
      raw.leaf_fields = true;
      n.target = ctx.number(v, "target");
    } else if (key == "normalize") {
      raw.leaf_fields = true;
      raw.normalize = v;
      raw.has_normalize = true;
    } else if (key == "transform") {
      raw.leaf_fields = true;
      raw.transform = v;
      raw.has_transform = true;
    } else if (key == "aggregate") {
      raw.aggregate = v;
      raw.has_aggregate = true;
    } else if (key == "preference") {
      raw.preference = v;
      raw.has_preference = true;
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
                            "unit, source, goalposts, target, normalize, transform): a node is either a group or an "
                            "indicator",
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

IndicatorTree build_tree(const Ctx& ctx, const YAML::Node& t, Node root, IndexConfig& cfg) {
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
    if (i > 0 && leaf && n.yaml["scale"] && n.node.denominator.empty())
      ctx.fail(n.yaml["scale"], fmt::format("indicator '{}' has scale: but no denominator: (scale multiplies the "
                                            "quotient value / denominator)",
                                            n.node.id));
    if (!leaf && n.leaf_fields)
      ctx.fail(n.yaml, fmt::format("node '{}' has children (via parent:) and also indicator fields",
                                   n.node.id));
    if (n.has_aggregate) {
      if (leaf)
        ctx.fail(n.aggregate, fmt::format("indicator '{}' has aggregate:, but only groups (nodes with children) "
                                          "aggregate; use normalize: for an indicator",
                                          n.node.id));
      cfg.aggregate_by_node[n.node.id] = parse_node_aggregate(ctx, n.aggregate, cfg);
    }
    if (n.has_normalize)
      cfg.normalize_by_indicator[n.node.id] = parse_enum(ctx, n.normalize, normalize_methods(), "normalisation method");
    if (n.has_preference) cfg.preference_by_node[n.node.id] = parse_preference(ctx, n.preference, n.node.id);
    if (n.has_transform)
      cfg.treat.transform_by_indicator[n.node.id] = parse_enum(ctx, n.transform, transform_methods(), "transform");
    nodes.push_back(std::move(n.node));
  }
  return IndicatorTree(std::move(nodes));
}

/// `delphi: FILE` or `delphi: {file: FILE, apply: true|false, reason: TEXT}`.
void parse_delphi_key(const Ctx& ctx, const YAML::Node& v, const fs::path& base_dir, Spec& spec) {
  YAML::Node file;
  DelphiKey& key = spec.settings.get_or_create<DelphiKey>("delphi");
  if (v.IsMap()) {
    bool have_file = false;
    ctx.each_key(v, "delphi", {"file", "apply", "reason"}, [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
      if (k == "file") file = w, have_file = true;
      else if (k == "apply") key.apply = ctx.boolean(w, "delphi.apply"), key.apply_where = ctx.at(w);
      else key.reason = ctx.scalar(w, "delphi.reason");
    });
    if (!have_file) ctx.fail(v, "delphi needs 'file:' (the expert-consultation file)");
  } else {
    file = v;
  }
  const std::string d = ctx.scalar(file, "delphi");
  if (d.empty()) ctx.fail(file, "delphi is empty");
  spec.delphi = fs::path(d).is_absolute() ? fs::path(d) : base_dir / d;
  spec.delphi_where = ctx.at(file);
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
  ctx.each_key(doc, "the spec", {"index", "data", "tree", "methods", "judgments", "delphi", "thresholds", "criteria", "uncertainty", "cfa", "panel"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "cfa" || key == "panel") {
      // Owned by the cfa family (methods/cfa/cfa_settings.cpp) and the panel family
      // (methods/panel/panel_settings.cpp), registered as SettingsParsers.
      const auto parsers = settings_parsers(key);
      std::set<std::string> allowed;
      for (const SettingsParser* p : parsers) allowed.insert(p->keys.begin(), p->keys.end());
      ctx.each_key(v, key, allowed, [](const std::string&, const YAML::Node&, const YAML::Node&) {});
      for (const SettingsParser* p : parsers) p->parse(ctx, v, spec.config, spec.settings);
    } else if (key == "index") {
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
          spec.description_labels = ctx.labels(w, "index.description");
          spec.description = spec.description_labels.en.empty() ? spec.description_labels.zh : spec.description_labels.en;
        }
      });
    } else if (key == "data") {
      parse_data(ctx, v, base_dir, spec.data, spec.settings);
      have_data = true;
    } else if (key == "tree") {
      tree = v;
      have_tree = true;
    } else if (key == "methods") {
      parse_methods(ctx, v, spec.config, spec.settings);
    } else if (key == "criteria") {
      spec.criteria = parse_criteria(ctx, v);
    } else if (key == "thresholds") {
      parse_thresholds(ctx, v, spec.thresholds);
    } else if (key == "uncertainty") {
      spec.uncertainty = parse_uncertainty_block(ctx, v);
    } else if (key == "delphi") {
      parse_delphi_key(ctx, v, base_dir, spec);
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
  spec.tree = build_tree(ctx, tree, std::move(root), spec.config);
  // Every row of the fuzzy grade table names a node of the tree (or is the default row).
  if (const YAML::Node ft = doc["methods"] && doc["methods"].IsMap() && doc["methods"]["aggregate"] &&
                                    doc["methods"]["aggregate"].IsMap() && doc["methods"]["aggregate"]["fuzzy"]
                                ? doc["methods"]["aggregate"]["fuzzy"]["thresholds"]
                                : YAML::Node();
      ft && ft.IsMap())
    for (auto it = ft.begin(); it != ft.end(); ++it) {
      const std::string id = it->first.as<std::string>();
      if (id != "default" && !spec.tree.find(id))
        ctx.fail(it->first, fmt::format("methods.aggregate.fuzzy.thresholds: '{}' is not an indicator or group of the "
                                        "tree",
                                        id));
    }
  return spec;
}

Spec read_spec(const fs::path& path) {
  const std::string label = path.string();
  if (!path_exists(path)) throw InvalidInput(fmt::format("spec file '{}' not found", label));
  const std::string bytes = read_file(path);
  const DecodedText text = decode_text(bytes, "auto", label);
  Spec spec = parse_spec(text.utf8, label, path.parent_path());
  spec.hash = sha256_hex(bytes);  // of the file as stored, whatever its encoding
  if (!spec.judgments.empty() && !path_exists(spec.judgments))
    throw InvalidInput(fmt::format("judgments file '{}' not found", spec.judgments.string()),
                       spec.judgments_where);
  return spec;
}

Dataset load_data(const Spec& spec) {
  if (is_panel(spec)) {
    // A command that works on one cross-section reads the latest period (docs/spec.md).
    PanelData p = load_panel_data(spec);
    Dataset latest = std::move(p.sections.back());
    latest.warnings = p.warnings;
    latest.warnings.insert(latest.warnings.begin(),
                           fmt::format("panel data (data.time: {}, {} periods {} to {}): this command uses the latest "
                                       "period, {} ({} units); `cikit index` and `cikit panel` use every period",
                                       p.time_column, p.periods.size(), p.periods.front(), p.periods.back(),
                                       p.periods.back(), latest.n_units()));
    return latest;
  }
  if (spec.data.memory) return load_memory_data(spec);
  const auto& d = spec.data;
  if (!path_exists(d.file))
    throw InvalidInput(fmt::format("data file '{}' not found (data.file is relative to the spec)",
                                   d.file.string()),
                       d.where);
  if (std::optional<Dataset> fast = load_data_fast(spec)) return std::move(*fast);
  const CsvTable table = read_table(d.file, d.csv, d.xlsx);
  return dataset_from_table(spec, table);
}

}  // namespace cikit
