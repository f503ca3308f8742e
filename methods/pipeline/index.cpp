#include "methods/pipeline/index.hpp"

#include "methods/pipeline/panel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <type_traits>
#include <utility>

#include "methods/compare/weights_report.hpp"
#include "methods/pipeline/treatment_view.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

std::string name_of(std::string_view n) { return std::string(n); }

/// The effective methods block of index.json (before AHP and combination details).
nlohmann::json methods_json(const IndexConfig& cfg) {
  nlohmann::json methods = {{"normalize", name_of(method_info(normalize_methods(), cfg.normalize).name)},
                            {"range", {cfg.range_lo, cfg.range_hi}},
                            {"weights", name_of(method_info(weight_methods(), cfg.weights).name)},
                            {"aggregate", name_of(method_info(aggregate_methods(), cfg.aggregate).name)},
                            {"missing", name_of(method_info(missing_policies(), cfg.missing).name)}};
  methods["normalize_reference"] = cfg.reference_unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(cfg.reference_unit);
  methods["normalize_cap"] = cfg.cap_at_target;
  methods["aggregate_params"] = {
      {"power", cfg.aggregate_params.power},
      {"zeros", cfg.aggregate_params.zeros == ZeroPolicy::Shift ? "shift" : "error"},
      {"shift", cfg.aggregate_params.shift},
      {"topsis", cfg.aggregate_params.topsis == TopsisNorm::MinMax ? "minmax" : "vector"},
      {"rho", cfg.aggregate_params.gra_rho},
      {"v", cfg.aggregate_params.vikor_v},
      {"rsr", name_of(method_info(rsr_rankings(), cfg.aggregate_params.rsr).name)},
      {"tiers", cfg.aggregate_params.rsr_tiers}};
  if (const FuzzyParams& f = cfg.aggregate_params.fuzzy; !f.grades.empty())
    methods["aggregate_params"]["fuzzy"] = {{"operator", name_of(method_info(fuzzy_operators(), f.op).name)},
                                            {"grade", name_of(method_info(fuzzy_grade_rules(), f.grade).name)},
                                            {"grades", f.grades},
                                            {"scores", f.scores},
                                            {"thresholds", f.thresholds}};
  methods["treat"] = treat_config_json(cfg.treat);
  nlohmann::json nover = nlohmann::json::object(), aover = nlohmann::json::object();
  for (const auto& [id, m] : cfg.normalize_by_indicator) nover[id] = name_of(method_info(normalize_methods(), m).name);
  for (const auto& [id, a] : cfg.aggregate_by_node)
    aover[id] = {{"method", name_of(method_info(aggregate_methods(), a.method).name)}, {"power", a.power}};
  methods["normalize_by_indicator"] = nover;
  methods["aggregate_by_node"] = aover;
  return methods;
}

/// The weights entry of the printed configuration: a name, or the combination mapping so that
/// the printed YAML reads back.
std::string weights_yaml(const Spec& spec, const nlohmann::json& methods) {
  if (spec.config.weights != WeightMethod::Combined) return methods["weights"].get<std::string>();
  const CombineSettings& c = weight_settings(spec).variants.combined;
  std::string of;
  for (WeightMethod m : c.of) of += (of.empty() ? "" : ", ") + name_of(method_info(weight_methods(), m).name);
  return fmt::format("{{combine: {}, of: [{}]{}}}", method_info(combine_rules(), c.rule).name, of,
                     c.rule == CombineRule::Linear ? fmt::format(", alpha: {}", c.alpha) : "");
}

/// A number as YAML reads it back exactly (shortest round-trip form).
std::string yaml_num(double x) { return fmt::format("{}", x); }

/// A list of strings or numbers as a YAML flow sequence.
template <class T>
std::string yaml_list(const std::vector<T>& v) {
  std::string s;
  for (const T& x : v) {
    if constexpr (std::is_same_v<T, std::string>) s += (s.empty() ? "" : ", ") + nlohmann::json(x).dump();
    else s += (s.empty() ? "" : ", ") + yaml_num(x);
  }
  return "[" + s + "]";
}

/// The `methods.aggregate` mapping of the printed configuration: method and missing, plus the
/// parameters of every aggregation the build uses (globally or at a node), so that the printed
/// block, pasted into a spec, builds the same index.
std::string aggregate_yaml(const IndexConfig& cfg, const nlohmann::json& methods) {
  std::set<AggregateMethod> used{cfg.aggregate};
  for (const auto& [id, a] : cfg.aggregate_by_node) used.insert(a.method);
  const AggregateParams& p = cfg.aggregate_params;
  std::string y = fmt::format("{{method: {}, missing: {}", methods["aggregate"].get<std::string>(),
                              methods["missing"].get<std::string>());
  if (used.count(AggregateMethod::Power) != 0) y += ", power: " + yaml_num(p.power);
  if (used.count(AggregateMethod::Geometric) != 0 || used.count(AggregateMethod::Harmonic) != 0 ||
      used.count(AggregateMethod::Power) != 0) {
    y += fmt::format(", zeros: {}", p.zeros == ZeroPolicy::Shift ? "shift" : "error");
    if (p.zeros == ZeroPolicy::Shift) y += ", shift: " + yaml_num(p.shift);
  }
  if (used.count(AggregateMethod::Topsis) != 0)
    y += fmt::format(", topsis: {}", p.topsis == TopsisNorm::MinMax ? "minmax" : "vector");
  if (used.count(AggregateMethod::Gra) != 0) y += ", rho: " + yaml_num(p.gra_rho);
  if (used.count(AggregateMethod::Vikor) != 0) y += ", v: " + yaml_num(p.vikor_v);
  if (used.count(AggregateMethod::Rsr) != 0)
    y += fmt::format(", rsr: {}, tiers: {}", method_info(rsr_rankings(), p.rsr).name, p.rsr_tiers);
  if (used.count(AggregateMethod::Bod) != 0)
    y += fmt::format(", bod: {{share_min: {}, share_max: {}, robust_m: {}, robust_b: {}}}", yaml_num(p.bod.share_min),
                     yaml_num(p.bod.share_max), p.bod.robust_m, p.bod.robust_b);
  if (used.count(AggregateMethod::Fuzzy) != 0 && !p.fuzzy.grades.empty()) {
    std::string th;
    for (const auto& [id, t] : p.fuzzy.thresholds) th += (th.empty() ? "" : ", ") + id + ": " + yaml_list(t);
    y += fmt::format(", fuzzy: {{grades: {}, {}operator: {}, grade: {}, thresholds: {{{}}}}}", yaml_list(p.fuzzy.grades),
                     p.fuzzy.scores.empty() ? std::string() : "scores: " + yaml_list(p.fuzzy.scores) + ", ",
                     method_info(fuzzy_operators(), p.fuzzy.op).name, method_info(fuzzy_grade_rules(), p.fuzzy.grade).name,
                     th);
  }
  return y + "}";
}

/// The effective configuration as YAML (`cikit index --print-config`).
std::string config_yaml(const Spec& spec, const nlohmann::json& methods, const AhpOverrides& ahp) {
  const IndexConfig& cfg = spec.config;
  std::string y = fmt::format(
      "# effective configuration of `cikit index {}` (cikit {}, spec SHA-256 {})\nmethods:\n"
      "  normalize: {{method: {}, range: [{}, {}]}}\n  weights: {}\n  aggregate: {}\n"
      "  seed: {}\n",
      spec.path, CIKIT_VERSION, spec.hash, methods["normalize"].get<std::string>(), cfg.range_lo, cfg.range_hi,
      weights_yaml(spec, methods), aggregate_yaml(cfg, methods), cfg.seed);
  y += fmt::format("  # normalize: {{reference: {}, cap: {}}}\n  # aggregate: {{power: {}, zeros: {}, shift: {}, "
                   "topsis: {}}}\n  treat: {}\n",
                   cfg.reference_unit.empty() ? "~" : cfg.reference_unit, cfg.cap_at_target,
                   cfg.aggregate_params.power, methods["aggregate_params"]["zeros"].get<std::string>(),
                   cfg.aggregate_params.shift, methods["aggregate_params"]["topsis"].get<std::string>(),
                   methods["treat"].dump());
  for (const auto& [id, m] : methods["normalize_by_indicator"].items())
    y += fmt::format("  # tree: {}: normalize: {}\n", id, m.get<std::string>());
  for (const auto& [id, a] : methods["aggregate_by_node"].items())
    y += fmt::format("  # tree: {}: aggregate: {{method: {}, power: {}}}\n", id, a["method"].get<std::string>(),
                     a["power"].get<double>());
  if (cfg.weights != WeightMethod::Bwm && uses_ahp(cfg.weights, weight_settings(spec).variants)) {
    Judgments unread;
    const AhpTreeOptions a = override_ahp(ahp, spec_weight_inputs(spec, {}, unread)).ahp;
    y += fmt::format("  # weights: ahp (spec methods.weights.ahp and command-line options)\n  # ahp: {{group: {}, "
                     "random_index: {}, priorities: {}, missing_judgments: {}}}\n",
                     method_info(ahp_group_rules(), a.group).name, random_index_table_name(a.ahp.random_index),
                     method_info(ahp_priority_methods(), a.ahp.method).name,
                     method_info(ahp_missing_rules(), a.ahp.missing).name);
  }
  return y;
}

std::vector<Eigen::Index> rank_order(const IndexResult& r, Eigen::Index n, int root) {
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const int ra = r.ranks(a, root), rb = r.ranks(b, root);
    return (ra == 0 ? INT32_MAX : ra) < (rb == 0 ? INT32_MAX : rb);
  });
  return order;
}


/// One unit's AggregateDetails of a node as JSON: {name: value}; a name "group/key" nests as
/// {group: {key: value}}; NaN (unit dropped) -> null.
nlohmann::json details_json(const AggregateDetails& d, Eigen::Index unit) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t c = 0; c < d.names.size(); ++c) {
    const nlohmann::json v = json_num(d.values(unit, static_cast<Eigen::Index>(c)));
    const std::string& name = d.names[c];
    const auto slash = name.find('/');
    if (slash == std::string::npos) out[name] = v;
    else out[name.substr(0, slash)][name.substr(slash + 1)] = v;
  }
  return out;
}

/// The per-unit outputs, one unit at a time (so that they can be streamed): the headers and
/// the rows of scores.csv and indicators_normalized.csv, and the unit's entry of index.json.
std::vector<std::string> scores_header(const IndicatorTree& tree) {
  std::vector<std::string> h = {"unit_id", "name_zh", "name_en"};
  for (int i : tree.preorder())
    if (!tree.node(i).children.empty()) {
      h.push_back(tree.node(i).id);
      h.push_back(tree.node(i).id + "_rank");
    }
  h.push_back("n_missing");
  return h;
}

std::vector<std::string> normalized_header(const IndicatorTree& tree) {
  std::vector<std::string> h = {"unit_id"};
  for (int leaf : tree.leaves()) h.push_back(tree.node(leaf).id);
  return h;
}

Eigen::Index unit_missing(const Dataset& data, Eigen::Index i) { return data.values.row(i).array().isNaN().count(); }

std::vector<std::string> scores_row(const IndexRun& run, Eigen::Index i) {
  const IndicatorTree& tree = run.spec.tree;
  const IndexResult& r = run.result;
  const auto iu = static_cast<std::size_t>(i);
  std::vector<std::string> row{run.data.unit_ids[iu], run.data.unit_name(i, "zh"), run.data.unit_name(i, "en")};
  for (int k : tree.preorder()) {
    if (tree.node(k).children.empty()) continue;
    row.push_back(num(r.scores(i, k), 6));
    row.push_back(r.ranks(i, k) ? std::to_string(r.ranks(i, k)) : "NA");
  }
  row.push_back(std::to_string(unit_missing(run.data, i)));
  return row;
}

std::vector<std::string> normalized_row(const IndexRun& run, Eigen::Index i) {
  std::vector<std::string> row{run.data.unit_ids[static_cast<std::size_t>(i)]};
  for (int leaf : run.spec.tree.leaves()) row.push_back(num(run.result.scores(i, leaf), 6));
  return row;
}

nlohmann::json unit_json(const IndexRun& run, Eigen::Index i) {
  const IndicatorTree& tree = run.spec.tree;
  const IndexResult& r = run.result;
  nlohmann::json js = nlohmann::json::object(), jr = nlohmann::json::object();
  for (int k : tree.preorder()) {
    if (tree.node(k).children.empty()) continue;
    js[tree.node(k).id] = json_num(r.scores(i, k));
    jr[tree.node(k).id] = r.ranks(i, k) ? nlohmann::json(r.ranks(i, k)) : nlohmann::json(nullptr);
  }
  nlohmann::json jn = nlohmann::json::object();
  for (int leaf : tree.leaves()) jn[tree.node(leaf).id] = json_num(r.scores(i, leaf));
  nlohmann::json jd = nlohmann::json::object();
  for (int k : tree.preorder())
    if (!r.details.empty() && !r.details[static_cast<std::size_t>(k)].names.empty())
      jd[tree.node(k).id] = details_json(r.details[static_cast<std::size_t>(k)], i);
  return {{"id", run.data.unit_ids[static_cast<std::size_t>(i)]},
          {"name", {{"zh", run.data.unit_name(i, "zh")}, {"en", run.data.unit_name(i, "en")}}},
          {"rank", jr[run.spec.id]},
          {"score", js[run.spec.id]},
          {"scores", js},
          {"ranks", jr},
          {"normalized", jn},
          {"n_missing", unit_missing(run.data, i)},
          {"details", jd}};
}

/// scores.csv and indicators_normalized.csv rows (want_csv) and the JSON units (want_json), in
/// rank order, held in memory (what a front end prints; a panel's periods).
struct UnitTables {
  TextTable scores, normalized;
  nlohmann::json units = nlohmann::json::array();
};

UnitTables unit_tables(const IndexRun& run, bool want_json, bool want_csv) {
  UnitTables u;
  u.scores.header = scores_header(run.spec.tree);
  u.normalized.header = normalized_header(run.spec.tree);
  for (Eigen::Index i : run.order) {
    if (!want_json && !want_csv) break;
    if (want_csv) {
      u.scores.rows.push_back(scores_row(run, i));
      u.normalized.rows.push_back(normalized_row(run, i));
    }
    if (want_json) u.units.push_back(unit_json(run, i));
  }
  return u;
}

/// Streams a per-unit CSV (scores_row or normalized_row) into `f`, a block of rows at a time.
template <class Row>
void stream_unit_csv(const IndexRun& run, const std::vector<std::string>& header, Row row, StreamedFile& f) {
  std::string block = csv_line(header);
  for (Eigen::Index i : run.order) {
    block += csv_line(row(run, i));
    if (block.size() > (1u << 20)) {
      f.put(block);
      block.clear();
    }
  }
  f.put(block);
  f.finish();
}

/// Streams index.json: `doc` (everything but the units) as doc.dump(2) writes it, with the
/// units written one at a time where dump(2) would have put the array. Byte-identical to
/// dumping the whole document (tested): each unit object is dumped with indent 2 and its lines
/// shifted by the 4 spaces of an array element at depth 2.
void stream_index_json(const IndexRun& run, nlohmann::json doc, StreamedFile& f) {
  doc["units"] = nullptr;
  const std::string text = doc.dump(2) + "\n";
  const std::string marker = "\n  \"units\": null";
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) throw DomainError("index.json: no units member to stream");
  const std::size_t value = at + marker.size() - 4;  // where "null" starts
  f.put(std::string_view(text).substr(0, value));
  if (run.order.empty()) {
    f.put("[]");
  } else {
    std::string block = "[\n";
    bool first = true;
    for (Eigen::Index i : run.order) {
      if (!first) block += ",\n";
      first = false;
      block += "    ";
      const std::string unit = unit_json(run, i).dump(2);
      for (const char c : unit) {
        block += c;
        if (c == '\n') block += "    ";
      }
      if (block.size() > (1u << 20)) {
        f.put(block);
        block.clear();
      }
    }
    block += "\n  ]";
    f.put(block);
  }
  f.put(std::string_view(text).substr(value + 4));
  f.finish();
}

/// The node's JSON entry: weights and, for a leaf, its normalisation; else its aggregation.
nlohmann::json node_json(const IndicatorTree& tree, const IndexResult& r, int k, const std::string& dir) {
  const Node& nd = tree.node(k);
  nlohmann::json jn = {{"id", nd.id},
                       {"parent", nd.parent >= 0 ? nlohmann::json(tree.node(nd.parent).id) : nlohmann::json(nullptr)},
                       {"level", nd.depth},
                       {"kind", node_kind(tree, k)},
                       {"label", json_labels(nd.label)},
                       {"local_weight", r.weights.local(k)},
                       {"global_weight", r.weights.global(k)}};
  if (nd.children.empty() && k != tree.root()) {
    jn["direction"] = dir;
    jn["column"] = nd.column;
    jn["unit"] = nd.unit.get(Lang::En, "");
    jn["source"] = nd.source.get(Lang::En, "");
    const auto pos = static_cast<std::size_t>(tree.leaf_position(k));
    jn["normalization"] = {{"method", name_of(method_info(normalize_methods(), r.normalization.methods[pos]).name)},
                           {"center", json_num(r.normalization.center(static_cast<Eigen::Index>(pos)))},
                           {"scale", json_num(r.normalization.scale(static_cast<Eigen::Index>(pos)))},
                           {"n_truncated", r.normalization.n_truncated[pos]}};
  } else {
    const NodeAggregate& ag = r.aggregation[static_cast<std::size_t>(k)];
    jn["aggregation"] = {{"method", name_of(method_info(aggregate_methods(), ag.method).name)}};
    if (ag.method == AggregateMethod::Power) jn["aggregation"]["power"] = ag.power;
    if (!r.details.empty())
      for (const auto& [name, value] : r.details[static_cast<std::size_t>(k)].summary)
        jn["aggregation"]["summary"][name] = json_num(value);
  }
  return jn;
}

/// weights.csv and the JSON node list.
TextTable node_tables(const IndicatorTree& tree, const IndexResult& r, nlohmann::json& jnodes) {
  TextTable weights;
  weights.header = {"node_id", "parent_id", "level", "kind", "label_zh", "label_en", "direction", "local_weight",
                    "global_weight"};
  jnodes = nlohmann::json::array();
  for (int k : tree.preorder()) {
    const Node& nd = tree.node(k);
    const bool leaf = nd.children.empty() && k != tree.root();
    const std::string dir = leaf ? (nd.direction == Direction::Negative ? "-" : "+") : "";
    weights.rows.push_back({nd.id, nd.parent >= 0 ? tree.node(nd.parent).id : "", std::to_string(nd.depth),
                            node_kind(tree, k), nd.label.zh, nd.label.en, dir, num(r.weights.local(k), 10),
                            num(r.weights.global(k), 10)});
    jnodes.push_back(node_json(tree, r, k, dir));
  }
  return weights;
}

/// ahp_consistency.csv and its JSON.
TextTable consistency_table(const TreeWeights& w, nlohmann::json& jc) {
  TextTable cons;
  cons.header = {"node_id", "expert_id", "m", "n_missing", "lambda_max", "ci", "ri", "cr", "cr_threshold",
                 "acceptable"};
  jc = nlohmann::json::array();
  for (const auto& c : w.consistency) {
    cons.rows.push_back({c.node_id, c.expert_id.empty() ? "(group)" : c.expert_id, std::to_string(c.m),
                         std::to_string(c.n_missing), num(c.lambda_max, 10), num(c.ci, 10), num(c.ri, 4),
                         num(c.cr, 10), num(c.cr_threshold, 2), c.acceptable ? "yes" : "no"});
    jc.push_back({{"node", c.node_id},
                  {"expert", c.expert_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.expert_id)},
                  {"m", c.m},
                  {"n_missing", c.n_missing},
                  {"lambda_max", c.lambda_max},
                  {"ci", c.ci},
                  {"ri", c.ri},
                  {"cr", c.cr},
                  {"cr_threshold", c.cr_threshold},
                  {"acceptable", c.acceptable}});
  }
  return cons;
}

/// index.json and the files, once the index is built.
void build_outputs(IndexRun& run, nlohmann::json methods, const IndexOptions& o) {
  const IndexResult& r = run.result;
  const IndexConfig& cfg = run.spec.config;
  const bool want_files = !o.out.empty();
  // The per-unit parts are built in memory only for what a front end prints (o.json, o.csv);
  // the files stream them (for 50,000 x 100 the JSON tree alone took ~1 GB).
  UnitTables u = unit_tables(run, o.json, o.csv);
  nlohmann::json jnodes;
  const TextTable weights = node_tables(run.spec.tree, r, jnodes);
  nlohmann::json& doc = run.json;
  doc = json_header("index", run.spec);
  doc["methods"] = std::move(methods);
  doc["n_units"] = run.data.n_units();
  doc["n_indicators"] = run.data.n_indicators();
  doc["n_missing_values"] = r.n_missing_values;
  doc["n_units_incomplete"] = r.n_units_incomplete;
  doc["nodes"] = jnodes;
  const bool treated = !r.treatment.columns.empty();
  doc["treatment"] = treated ? treatment_json(r.treatment, cfg.treat, run.data) : nlohmann::json(nullptr);
  doc["units"] = std::move(u.units);  // not a copy: the units tree is the largest part of the document
  doc["warnings"] = r.warnings;
  run.files = OutputSet(o.out);
  if (!r.weights.consistency.empty()) {
    nlohmann::json jc;
    const TextTable cons = consistency_table(r.weights, jc);
    doc["ahp_consistency"] = jc;
    if (want_files) run.files.add("ahp_consistency.csv", cons.csv());
  }
  if (want_files && treated) run.files.add("treated_points.csv", treated_points_table(r.treatment, run.data).csv());
  run.csv = u.scores.csv();
  if (want_files) {
    if (o.csv) run.files.add("scores.csv", run.csv);
    else stream_unit_csv(run, u.scores.header, scores_row, run.files.stream("scores.csv"));
    if (o.csv) run.files.add("indicators_normalized.csv", u.normalized.csv());
    else stream_unit_csv(run, u.normalized.header, normalized_row, run.files.stream("indicators_normalized.csv"));
    run.files.add("weights.csv", weights.csv());
    if (o.json) run.files.add("index.json", doc.dump(2) + "\n");
    else stream_index_json(run, doc, run.files.stream("index.json"));
  }
}

/// `cikit index` on a panel spec: every period built (methods/panel), outputs in long format
/// (scores.csv and indicators_normalized.csv with a leading `period` column; index.json with
/// `periods: [{period, n_units, units}]`); the printed table shows the latest period.
void panel_index(IndexRun& run, nlohmann::json methods, const WeightInputs& inputs, const IndexOptions& o) {
  auto built = std::make_shared<const PanelBuild>(build_panel(run.spec, inputs));
  run.panel = built;
  const PanelBuild& b = *built;
  const PanelData& pd = b.data;
  const PanelIndexResult& pr = b.result;
  run.periods = pd.periods;
  run.warnings = {fmt::format("panel data (data.time: {}, {} periods {} to {}): the output files hold every period; "
                              "the printed ranking and the analyses built on this index (e.g. cikit audit) use the "
                              "latest period, {}",
                              pd.time_column, pd.periods.size(), pd.periods.front(), pd.periods.back(),
                              pd.periods.back())};
  run.warnings.insert(run.warnings.end(), pd.warnings.begin(), pd.warnings.end());
  run.warnings.insert(run.warnings.end(), pr.warnings.begin(), pr.warnings.end());
  const bool want_files = !o.out.empty();
  TextTable scores, normalized, weights;
  nlohmann::json jperiods = nlohmann::json::array(), jnodes;
  const std::size_t P = pd.periods.size();
  for (std::size_t p = 0; p < P; ++p) {
    IndexRun tmp;
    tmp.spec = run.spec;
    tmp.data = pd.sections[p];
    tmp.result = pr.results[p];
    tmp.order = rank_order(tmp.result, tmp.data.n_units(), run.spec.tree.root());
    const UnitTables u = unit_tables(tmp, want_files || o.json, want_files || o.csv);
    if (p == 0) {
      scores.header = u.scores.header;
      scores.header.insert(scores.header.begin(), "period");
      normalized.header = u.normalized.header;
      normalized.header.insert(normalized.header.begin(), "period");
    }
    for (auto row : u.scores.rows) {
      row.insert(row.begin(), pd.periods[p]);
      scores.rows.push_back(std::move(row));
    }
    for (auto row : u.normalized.rows) {
      row.insert(row.begin(), pd.periods[p]);
      normalized.rows.push_back(std::move(row));
    }
    nlohmann::json jn;
    const TextTable w = node_tables(run.spec.tree, tmp.result, jn);
    if (p == 0 || !pr.weights_fixed) {
      if (weights.header.empty()) {
        weights.header = w.header;
        weights.header.insert(weights.header.begin(), "period");
      }
      for (auto row : w.rows) {
        row.insert(row.begin(), pr.weights_fixed ? std::string("all") : pd.periods[p]);
        weights.rows.push_back(std::move(row));
      }
    }
    if (p + 1 == P) jnodes = jn;
    jperiods.push_back({{"period", pd.periods[p]}, {"n_units", tmp.data.n_units()}, {"units", u.units}});
  }
  run.data = pd.sections.back();
  run.result = pr.results.back();
  run.order = rank_order(run.result, run.data.n_units(), run.spec.tree.root());
  run.range_scale = on_range_scale(run.result, run.spec.tree);
  const PanelSettings& s = pr.settings;
  nlohmann::json& doc = run.json;
  doc = json_header("index", run.spec);
  doc["methods"] = std::move(methods);
  doc["panel"] = {{"time", pd.time_column},
                  {"periods", pd.periods},
                  {"normalize", panel_mode_name(s.normalize)},
                  {"weights", panel_mode_name(s.weights)},
                  {"reference", s.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.reference)},
                  {"weights_fixed", pr.weights_fixed}};
  doc["n_units"] = pd.units.size();
  doc["n_indicators"] = run.data.n_indicators();
  doc["nodes"] = jnodes;  // weights and normalisation constants (fixed ones, or the latest period's)
  doc["periods"] = jperiods;
  doc["warnings"] = run.warnings;
  run.files = OutputSet(o.out);
  if (!pr.weights.consistency.empty()) {
    nlohmann::json jc;
    const TextTable cons = consistency_table(pr.weights, jc);
    doc["ahp_consistency"] = jc;
    if (want_files) run.files.add("ahp_consistency.csv", cons.csv());
  }
  run.csv = scores.csv();
  if (want_files) {
    run.files.add("scores.csv", run.csv);
    run.files.add("indicators_normalized.csv", normalized.csv());
    run.files.add("weights.csv", weights.csv());
    run.files.add("index.json", doc.dump(2) + "\n");
  }
}

}  // namespace

bool on_range_scale(const IndexResult& r, const IndicatorTree& tree) {
  bool range_scale = true;  // every indicator on [lo, hi] and every node a mean of its children
  for (NormalizeMethod nmeth : r.normalization.methods)
    range_scale = range_scale && (nmeth == NormalizeMethod::MinMax || nmeth == NormalizeMethod::Goalposts ||
                                  nmeth == NormalizeMethod::PercentileRank);
  for (int k : tree.inner_postorder()) {
    const AggregateMethod am_k = r.aggregation[static_cast<std::size_t>(k)].method;
    range_scale = range_scale && am_k != AggregateMethod::Topsis && am_k != AggregateMethod::MazziottaPareto &&
                  am_k != AggregateMethod::Copeland;
  }
  return range_scale;
}

IndexRun run_index(const IndexOptions& o) {
  IndexRun run;
  run.spec = read_spec_with(o.spec, o.methods);
  const Spec& spec = run.spec;
  const IndexConfig& cfg = spec.config;
  nlohmann::json methods = methods_json(cfg);
  if (o.config_only) {
    run.config_yaml = config_yaml(spec, methods, o.ahp);
    return run;
  }
  Judgments judgments;
  const WeightInputs inputs = override_ahp(o.ahp, spec_weight_inputs(spec, {cfg.weights}, judgments));
  if (inputs.judgments != nullptr) {
    methods["ahp"] = {{"judgments", spec.judgments.string()},
                      {"group", name_of(method_info(ahp_group_rules(), inputs.ahp.group).name)},
                      {"random_index", name_of(random_index_table_name(inputs.ahp.ahp.random_index))},
                      {"priorities", name_of(method_info(ahp_priority_methods(), inputs.ahp.ahp.method).name)},
                      {"missing_judgments", name_of(method_info(ahp_missing_rules(), inputs.ahp.ahp.missing).name)}};
  }
  if (cfg.weights == WeightMethod::Combined) methods["combined"] = describe_combination(inputs.variants.combined);
  if (is_panel(spec)) {
    panel_index(run, std::move(methods), inputs, o);
    return run;
  }
  run.data = load_data(spec);
  run.result = build_index(run.data, spec.tree, cfg, inputs);
  run.order = rank_order(run.result, run.data.n_units(), spec.tree.root());
  run.range_scale = on_range_scale(run.result, spec.tree);
  run.warnings = run.data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.warnings.insert(run.warnings.end(), run.result.warnings.begin(), run.result.warnings.end());
  build_outputs(run, std::move(methods), o);
  return run;
}

}  // namespace cikit::pipeline
