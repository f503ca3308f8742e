// cikit index SPEC: build the index (normalise, weight, aggregate over the tree) and rank units.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/treatment_view.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::cli {

namespace {

struct IndexOptions {
  CommonOptions common;
  std::string normalize, weights, aggregate, missing;  // "" = as in the spec
  std::string ahp_group;                               // AHP group rule (weights: ahp); "" = as in the spec
  std::string random_index;                            // AHP random index table; "" = as in the spec
  int top = 20;
  bool print_config = false;
};

template <class E>
void override_method(const std::string& name, std::span<const MethodName<E>> table, E& out) {
  if (!name.empty() && !parse_method(table, name, out)) throw InternalError("CLI validator let '" + name + "' through");
}

std::string kind_of(const IndicatorTree& tree, int i) {
  if (i == tree.root()) return "index";
  return tree.node(i).children.empty() ? "indicator" : "group";
}

/// The spec's AHP options with the command line's --ahp-group / --random-index on top.
WeightInputs override_ahp(const IndexOptions& o, WeightInputs in) {
  if (!o.ahp_group.empty())
    in.ahp.group = o.ahp_group == "aij"             ? GroupAggregation::AIJ
                   : o.ahp_group == "aip-geometric" ? GroupAggregation::AIPGeometric
                                                    : GroupAggregation::AIPArithmetic;
  if (!o.random_index.empty() && !parse_random_index_table(o.random_index, in.ahp.ahp.random_index))
    throw InternalError("CLI validator let '" + o.random_index + "' through");
  return in;
}

void run_index(const IndexOptions& o) {
  Spec spec = read_spec(o.common.spec);
  IndexConfig& cfg = spec.config;
  override_method(o.normalize, normalize_methods(), cfg.normalize);
  override_method(o.weights, weight_methods(), cfg.weights);
  override_method(o.aggregate, aggregate_methods(), cfg.aggregate);
  override_method(o.missing, missing_policies(), cfg.missing);
  nlohmann::json methods = {
      {"normalize", std::string(method_info(normalize_methods(), cfg.normalize).name)},
      {"range", {cfg.range_lo, cfg.range_hi}},
      {"weights", std::string(method_info(weight_methods(), cfg.weights).name)},
      {"aggregate", std::string(method_info(aggregate_methods(), cfg.aggregate).name)},
      {"missing", std::string(method_info(missing_policies(), cfg.missing).name)}};
  methods["normalize_reference"] = cfg.reference_unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(cfg.reference_unit);
  methods["normalize_cap"] = cfg.cap_at_target;
  methods["aggregate_params"] = {
      {"power", cfg.aggregate_params.power},
      {"zeros", cfg.aggregate_params.zeros == ZeroPolicy::Shift ? "shift" : "error"},
      {"shift", cfg.aggregate_params.shift},
      {"topsis", cfg.aggregate_params.topsis == TopsisNorm::MinMax ? "minmax" : "vector"}};
  methods["treat"] = treat_config_json(cfg.treat);
  nlohmann::json nover = nlohmann::json::object(), aover = nlohmann::json::object();
  for (const auto& [id, m] : cfg.normalize_by_indicator) nover[id] = std::string(method_info(normalize_methods(), m).name);
  for (const auto& [id, a] : cfg.aggregate_by_node)
    aover[id] = {{"method", std::string(method_info(aggregate_methods(), a.method).name)}, {"power", a.power}};
  methods["normalize_by_indicator"] = nover;
  methods["aggregate_by_node"] = aover;
  if (o.print_config) {
    std::string weights_yaml = methods["weights"].get<std::string>();
    if (cfg.weights == WeightMethod::Combined) {  // the mapping, so the printed YAML reads back
      const CombineSettings& c = spec.weight_variants.combined;
      std::string of;
      for (WeightMethod m : c.of) of += (of.empty() ? "" : ", ") + std::string(method_info(weight_methods(), m).name);
      weights_yaml = fmt::format("{{combine: {}, of: [{}]{}}}", method_info(combine_rules(), c.rule).name, of,
                                 c.rule == CombineRule::Linear ? fmt::format(", alpha: {}", c.alpha) : "");
    }
    std::cout << fmt::format(
        "# effective configuration of `cikit index {}` (cikit {}, spec SHA-256 {})\nmethods:\n"
        "  normalize: {{method: {}, range: [{}, {}]}}\n  weights: {}\n  aggregate: {{method: {}, missing: {}}}\n"
        "  seed: {}\n",
        spec.path, CIKIT_VERSION, spec.hash, methods["normalize"].get<std::string>(), cfg.range_lo, cfg.range_hi,
        weights_yaml, methods["aggregate"].get<std::string>(), methods["missing"].get<std::string>(), cfg.seed);
    std::cout << fmt::format("  # normalize: {{reference: {}, cap: {}}}\n  # aggregate: {{power: {}, zeros: {}, shift: {}, "
                             "topsis: {}}}\n  treat: {}\n",
                             cfg.reference_unit.empty() ? "~" : cfg.reference_unit, cfg.cap_at_target,
                             cfg.aggregate_params.power, methods["aggregate_params"]["zeros"].get<std::string>(),
                             cfg.aggregate_params.shift, methods["aggregate_params"]["topsis"].get<std::string>(),
                             methods["treat"].dump());
    for (const auto& [id, m] : nover.items()) std::cout << fmt::format("  # tree: {}: normalize: {}\n", id, m.get<std::string>());
    for (const auto& [id, a] : aover.items())
      std::cout << fmt::format("  # tree: {}: aggregate: {{method: {}, power: {}}}\n", id, a["method"].get<std::string>(),
                               a["power"].get<double>());
    if (uses_ahp(cfg.weights, spec.weight_variants)) {
      Judgments unread;
      const AhpTreeOptions a = override_ahp(o, spec_weight_inputs(spec, {}, unread)).ahp;
      std::cout << fmt::format("  # weights: ahp (spec methods.weights.ahp and command-line options)\n  # ahp: {{group: {}, "
                               "random_index: {}, priorities: {}, missing_judgments: {}}}\n",
                               method_info(ahp_group_rules(), a.group).name, random_index_table_name(a.ahp.random_index),
                               method_info(ahp_priority_methods(), a.ahp.method).name,
                               method_info(ahp_missing_rules(), a.ahp.missing).name);
    }
    return;
  }
  Judgments judgments;
  const WeightInputs inputs = override_ahp(o, spec_weight_inputs(spec, {cfg.weights}, judgments));
  if (inputs.judgments != nullptr) {
    methods["ahp"] = {{"judgments", spec.judgments.string()},
                      {"group", std::string(method_info(ahp_group_rules(), inputs.ahp.group).name)},
                      {"random_index", std::string(random_index_table_name(inputs.ahp.ahp.random_index))},
                      {"priorities", std::string(method_info(ahp_priority_methods(), inputs.ahp.ahp.method).name)},
                      {"missing_judgments", std::string(method_info(ahp_missing_rules(), inputs.ahp.ahp.missing).name)}};
  }
  if (cfg.weights == WeightMethod::Combined) methods["combined"] = describe_combination(inputs.variants.combined);
  const Dataset data = load_data(spec);
  const IndexResult r = build_index(data, spec.tree, cfg, inputs);
  const IndicatorTree& tree = spec.tree;
  const Lang lang = o.common.language();
  const auto n = data.n_units();
  const int root = tree.root();
  const auto& dims = tree.node(root).children;

  // Units ordered by index rank (unranked last, in file order).
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const int ra = r.ranks(a, root), rb = r.ranks(b, root);
    return (ra == 0 ? INT32_MAX : ra) < (rb == 0 ? INT32_MAX : rb);
  });

  // Human table: rank, unit, index, first-level dimensions.
  TextTable t;
  t.header = {tr(lang, "Rank", "排名"), tr(lang, "Unit", "单位"), tree.node(root).label.get(lang, spec.id)};
  t.right_align = {true, false, true};
  for (int d : dims) {
    t.header.push_back(tree.node(d).label.get(lang, tree.node(d).id));
    t.right_align.push_back(true);
  }
  t.header.push_back(tr(lang, "Missing", "缺失"));
  t.right_align.push_back(true);
  const std::size_t shown = o.top <= 0 ? order.size() : std::min<std::size_t>(order.size(), static_cast<std::size_t>(o.top));
  for (std::size_t k = 0; k < shown; ++k) {
    const Eigen::Index i = order[k];
    std::vector<std::string> row{r.ranks(i, root) ? std::to_string(r.ranks(i, root)) : "NA",
                                 data.unit_name(i, lang_code(lang)), num(r.scores(i, root), 2)};
    for (int d : dims) row.push_back(num(r.scores(i, d), 2));
    row.push_back(std::to_string(data.values.row(i).array().isNaN().count()));
    t.rows.push_back(std::move(row));
  }

  // scores.csv: every inner node's score and rank per unit.
  TextTable scores;
  scores.header = {"unit_id", "name_zh", "name_en"};
  for (int i : tree.preorder())
    if (!tree.node(i).children.empty()) {
      scores.header.push_back(tree.node(i).id);
      scores.header.push_back(tree.node(i).id + "_rank");
    }
  scores.header.push_back("n_missing");
  TextTable normalized;
  normalized.header = {"unit_id"};
  for (int leaf : tree.leaves()) normalized.header.push_back(tree.node(leaf).id);
  // Machine-readable outputs are built only when asked for (files, --format json/csv): for
  // thousands of units they cost far more than the index itself.
  const bool want_files = !o.common.out.empty();
  const bool want_json = want_files || o.common.format == "json";
  const bool want_csv = want_files || o.common.format == "csv";
  nlohmann::json junits = nlohmann::json::array();
  for (Eigen::Index i : order) {
    if (!want_json && !want_csv) break;
    const auto iu = static_cast<std::size_t>(i);
    const Eigen::Index miss = data.values.row(i).array().isNaN().count();
    if (want_csv) {
      std::vector<std::string> row{data.unit_ids[iu], data.unit_name(i, "zh"), data.unit_name(i, "en")};
      for (int k : tree.preorder()) {
        if (tree.node(k).children.empty()) continue;
        row.push_back(num(r.scores(i, k), 6));
        row.push_back(r.ranks(i, k) ? std::to_string(r.ranks(i, k)) : "NA");
      }
      row.push_back(std::to_string(miss));
      scores.rows.push_back(std::move(row));
      std::vector<std::string> nrow{data.unit_ids[iu]};
      for (int leaf : tree.leaves()) nrow.push_back(num(r.scores(i, leaf), 6));
      normalized.rows.push_back(std::move(nrow));
    }
    if (want_json) {
      nlohmann::json js = nlohmann::json::object(), jr = nlohmann::json::object();
      for (int k : tree.preorder()) {
        if (tree.node(k).children.empty()) continue;
        js[tree.node(k).id] = json_num(r.scores(i, k));
        jr[tree.node(k).id] = r.ranks(i, k) ? nlohmann::json(r.ranks(i, k)) : nlohmann::json(nullptr);
      }
      nlohmann::json jn = nlohmann::json::object();
      for (int leaf : tree.leaves()) jn[tree.node(leaf).id] = json_num(r.scores(i, leaf));
      junits.push_back({{"id", data.unit_ids[iu]},
                        {"name", {{"zh", data.unit_name(i, "zh")}, {"en", data.unit_name(i, "en")}}},
                        {"rank", jr[spec.id]},
                        {"score", js[spec.id]},
                        {"scores", js},
                        {"ranks", jr},
                        {"normalized", jn},
                        {"n_missing", miss}});
    }
  }

  TextTable weights;
  weights.header = {"node_id", "parent_id", "level", "kind", "label_zh", "label_en", "direction", "local_weight",
                    "global_weight"};
  nlohmann::json jnodes = nlohmann::json::array();
  for (int k : tree.preorder()) {
    const Node& nd = tree.node(k);
    const bool leaf = nd.children.empty() && k != root;
    const std::string dir = leaf ? (nd.direction == Direction::Negative ? "-" : "+") : "";
    weights.rows.push_back({nd.id, nd.parent >= 0 ? tree.node(nd.parent).id : "", std::to_string(nd.depth),
                            kind_of(tree, k), nd.label.zh, nd.label.en, dir, num(r.weights.local(k), 10),
                            num(r.weights.global(k), 10)});
    nlohmann::json jn = {{"id", nd.id},
                         {"parent", nd.parent >= 0 ? nlohmann::json(tree.node(nd.parent).id) : nlohmann::json(nullptr)},
                         {"level", nd.depth},
                         {"kind", kind_of(tree, k)},
                         {"label", json_labels(nd.label)},
                         {"local_weight", r.weights.local(k)},
                         {"global_weight", r.weights.global(k)}};
    if (leaf) {
      jn["direction"] = dir;
      jn["column"] = nd.column;
      jn["unit"] = nd.unit;
      jn["source"] = nd.source;
      const int pos = tree.leaf_position(k);
      jn["normalization"] = {
          {"method", std::string(method_info(normalize_methods(), r.normalization.methods[static_cast<std::size_t>(pos)]).name)},
          {"center", json_num(r.normalization.center(pos))},
          {"scale", json_num(r.normalization.scale(pos))},
          {"n_truncated", r.normalization.n_truncated[static_cast<std::size_t>(pos)]}};
    } else {
      const NodeAggregate& ag = r.aggregation[static_cast<std::size_t>(k)];
      jn["aggregation"] = {{"method", std::string(method_info(aggregate_methods(), ag.method).name)}};
      if (ag.method == AggregateMethod::Power) jn["aggregation"]["power"] = ag.power;
    }
    jnodes.push_back(std::move(jn));
  }

  nlohmann::json doc = json_header("index", spec);
  doc["methods"] = methods;
  doc["n_units"] = n;
  doc["n_indicators"] = data.n_indicators();
  doc["n_missing_values"] = r.n_missing_values;
  doc["n_units_incomplete"] = r.n_units_incomplete;
  doc["nodes"] = jnodes;
  const bool treated = !r.treatment.columns.empty();
  doc["treatment"] = treated ? treatment_json(r.treatment, cfg.treat, data) : nlohmann::json(nullptr);
  doc["units"] = junits;
  doc["warnings"] = r.warnings;

  OutputSet out(o.common.out);
  if (!r.weights.consistency.empty()) {
    TextTable cons;
    cons.header = {"node_id", "expert_id", "m", "n_missing", "lambda_max", "ci", "ri", "cr", "cr_threshold",
                   "acceptable"};
    nlohmann::json jc = nlohmann::json::array();
    for (const auto& c : r.weights.consistency) {
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
    doc["ahp_consistency"] = jc;
    if (want_files) out.add("ahp_consistency.csv", cons.csv());
  }
  if (want_files && treated) out.add("treated_points.csv", treated_points_table(r.treatment, data).csv());
  if (want_files) {
    out.add("scores.csv", scores.csv());
    out.add("indicators_normalized.csv", normalized.csv());
    out.add("weights.csv", weights.csv());
    out.add("index.json", doc.dump(2) + "\n");
  }

  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << scores.csv();
  } else {
    const auto& nm = method_info(normalize_methods(), cfg.normalize);
    const auto& wm = method_info(weight_methods(), cfg.weights);
    const auto& am = method_info(aggregate_methods(), cfg.aggregate);
    std::cout << fmt::format("{}\n", spec.label.get(lang, spec.id));
    std::cout << trf(lang, "{} units, {} indicators, {} levels; normalisation: {}; weights: {}; aggregation: {}\n", "{} 个单位，{} 个指标，{} 层；标准化：{}；权重：{}；合成：{}\n",
                             n, data.n_indicators(), tree.height(), lang == Lang::Zh ? nm.zh : nm.en,
                             lang == Lang::Zh ? wm.zh : wm.en, lang == Lang::Zh ? am.zh : am.en);
    if (!cfg.normalize_by_indicator.empty() || !cfg.aggregate_by_node.empty())
      std::cout << trf(lang, "Overrides: {} indicator(s) with their own normalisation, {} node(s) with their own aggregation\n",
                       "单独设定：{} 个指标使用自身的标准化方法，{} 个节点使用自身的合成方法\n",
                       cfg.normalize_by_indicator.size(), cfg.aggregate_by_node.size());
    if (treated) {
      std::cout << trf(lang, "Treatment before normalisation ({} treated value(s); --out DIR writes treated_points.csv):\n",
                       "标准化前的数据处理（共处理 {} 个数值；--out DIR 输出 treated_points.csv）：\n", r.treatment.points.size());
      TextTable tt = treatment_table(r.treatment, lang);
      // Only indicators that something happened to.
      std::erase_if(tt.rows, [](const std::vector<std::string>& row) { return row.back() == "none"; });
      if (!tt.rows.empty()) std::cout << tt.render();
    }
    std::cout << t.render();
    if (shown < order.size())
      std::cout << trf(lang, "... {} more units (--top 0 shows all; --out DIR writes every score)\n", "……另有 {} 个单位（--top 0 显示全部；--out DIR 输出全部得分）\n",
                               order.size() - shown);
    bool range_scale = true;  // every indicator on [lo, hi] and every node a mean of its children
    for (NormalizeMethod nmeth : r.normalization.methods)
      range_scale = range_scale && (nmeth == NormalizeMethod::MinMax || nmeth == NormalizeMethod::Goalposts ||
                                    nmeth == NormalizeMethod::PercentileRank);
    for (int k : tree.inner_postorder()) {
      const AggregateMethod am_k = r.aggregation[static_cast<std::size_t>(k)].method;
      range_scale = range_scale && am_k != AggregateMethod::Topsis && am_k != AggregateMethod::MazziottaPareto &&
                    am_k != AggregateMethod::Copeland;
    }
    if (range_scale)
      std::cout << trf(lang, "Scores on a {}-{} scale; rank 1 = best; ties share the lowest rank.\n", "得分范围 {}–{}；排名 1 为最优；并列取最小名次。\n",
                               cfg.range_lo, cfg.range_hi);
    else
      std::cout << tr(lang, "Scores on the scales of the chosen methods (docs/methods.md); rank 1 = best; ties share the lowest rank.\n",
                      "得分量纲取决于所选方法（见 docs/methods.md）；排名 1 为最优；并列取最小名次。\n");
  }
  print_warnings("index", r.warnings);
  out.write();
  if (out.enabled() && o.common.format == "table")
    std::cout << trf(lang, "Wrote scores.csv, indicators_normalized.csv, weights.csv, index.json to {}\n", "已写出 scores.csv、indicators_normalized.csv、weights.csv、index.json 至 {}\n",
                             o.common.out);
}

}  // namespace

void setup_index(CLI::App& app) {
  auto opt = std::make_shared<IndexOptions>();
  auto* sub = app.add_subcommand(
      "index", "Build the index: normalise indicators (with their directions), weight and aggregate them "
               "bottom-up over the indicator tree, and rank the units");
  add_common_options(*sub, opt->common);
  sub->add_option("--normalize", opt->normalize, "Override methods.normalize: " + method_names(normalize_methods()))
      ->check(CLI::IsMember(names_of(normalize_methods())));
  std::vector<std::string> wnames, anames, mnames;
  for (const auto& m : weight_methods()) wnames.emplace_back(m.name);
  for (const auto& m : aggregate_methods()) anames.emplace_back(m.name);
  for (const auto& m : missing_policies()) mnames.emplace_back(m.name);
  sub->add_option("--weights", opt->weights, "Override methods.weights: " + method_names(weight_methods()))
      ->check(CLI::IsMember(wnames));
  sub->add_option("--aggregate", opt->aggregate, "Override methods.aggregate: " + method_names(aggregate_methods()))
      ->check(CLI::IsMember(anames));
  sub->add_option("--missing", opt->missing,
                  "Missing values in aggregation: available (re-normalise weights over available children, "
                  "default) or error")
      ->check(CLI::IsMember(mnames));
  sub->add_option("--ahp-group", opt->ahp_group,
                  "weights: ahp: group rule over experts: aij (geometric mean of judgments, default), "
                  "aip-geometric or aip-arithmetic (mean of the experts' priorities); default: "
                  "methods.weights.ahp.group of the spec")
      ->check(CLI::IsMember({"aij", "aip-geometric", "aip-arithmetic"}));
  sub->add_option("--random-index", opt->random_index,
                  "weights: ahp: random index table for CR: saaty1980 (default), saaty2005, alonso_lamata, "
                  "alonso_lamata_fit, donegan_dodd, chinese_textbook; default: methods.weights.ahp.random_index")
      ->check(CLI::IsMember({"saaty1980", "saaty2005", "alonso_lamata", "alonso_lamata_fit", "donegan_dodd",
                             "chinese_textbook"}));
  sub->add_option("--top", opt->top, "Rows of the ranked table on stdout (0 = all)")->capture_default_str();
  sub->add_flag("--print-config", opt->print_config, "Print the effective method configuration (YAML) and exit");
  sub->callback([opt] { run_index(*opt); });
}

}  // namespace cikit::cli
