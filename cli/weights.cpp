// cikit weights SPEC: local and global weights of every node under several weighting methods,
// side by side, with each method's diagnostics (AHP consistency, entropies, CV, CRITIC, PCA).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::cli {

namespace {

struct WeightsOptions {
  CommonOptions common;
  std::vector<std::string> methods;  // empty = every applicable method
};

std::string kind_of(const IndicatorTree& tree, int i) {
  if (i == tree.root()) return "index";
  return tree.node(i).children.empty() ? "indicator" : "group";
}

double from_g17(const std::string& s) { return s.empty() ? std::numeric_limits<double>::quiet_NaN() : std::stod(s); }

void run_weights(const WeightsOptions& o) {
  const Spec spec = read_spec(o.common.spec);
  const IndicatorTree& tree = spec.tree;
  const Lang lang = o.common.language();
  Judgments judgments;
  WeightInputs inputs;
  const std::vector<WeightMethod> methods =
      select_weight_methods(spec, parse_method_list(weight_methods(), o.methods), inputs, judgments);
  const Dataset data = load_data(spec);
  const WeightsReport rep = weights_report(data, tree, spec.config, methods, inputs);

  // Long CSV of the weights, one row per node and method.
  TextTable wcsv;
  wcsv.header = {"method", "variant", "node_id", "parent_id", "level", "kind", "local_weight", "global_weight"};
  TextTable dcsv;  // diagnostics, long: method, node, child ("" = node-level), quantity, value
  dcsv.header = {"method", "node_id", "child_id", "quantity", "value"};
  TextTable ccsv;  // AHP consistency
  ccsv.header = {"method", "node_id", "expert_id", "m", "n_missing", "lambda_max", "ci", "ri", "cr", "cr_threshold",
                 "acceptable"};
  nlohmann::json jm = nlohmann::json::array();
  std::vector<std::string> warnings;
  for (const auto& mr : rep.methods) {
    nlohmann::json jw = nlohmann::json::array(), jd = nlohmann::json::array(), jc = nlohmann::json::array();
    for (int i : tree.preorder()) {
      const Node& nd = tree.node(i);
      const std::string parent = nd.parent >= 0 ? tree.node(nd.parent).id : "";
      wcsv.rows.push_back({mr.name, mr.variant, nd.id, parent, std::to_string(nd.depth), kind_of(tree, i),
                           num_full(mr.weights.local(i)), num_full(mr.weights.global(i))});
      jw.push_back({{"node_id", nd.id}, {"parent_id", parent}, {"level", nd.depth}, {"kind", kind_of(tree, i)},
                    {"local_weight", mr.weights.local(i)}, {"global_weight", mr.weights.global(i)}});
      const NodeDiagnostics& d = mr.diagnostics[static_cast<std::size_t>(i)];
      if (d.per_child.empty() && d.per_node.empty()) continue;
      nlohmann::json node_values = nlohmann::json::object(), children = nlohmann::json::array();
      for (const auto& [name, v] : d.per_node) {
        dcsv.rows.push_back({mr.name, nd.id, "", name, num_full(v)});
        node_values[name] = json_num(v);
      }
      for (std::size_t c = 0; c < nd.children.size(); ++c) {
        const std::string& cid = tree.node(nd.children[c]).id;
        nlohmann::json jchild = {{"child_id", cid}};
        for (const auto& [name, v] : d.per_child) {
          const double x = v(static_cast<Eigen::Index>(c));
          dcsv.rows.push_back({mr.name, nd.id, cid, name, num_full(x)});
          jchild[name] = json_num(x);
        }
        children.push_back(jchild);
      }
      jd.push_back({{"node_id", nd.id}, {"values", node_values}, {"children", children}});
    }
    for (const auto& c : mr.weights.consistency) {
      ccsv.rows.push_back({mr.name, c.node_id, c.expert_id.empty() ? "(group)" : c.expert_id, std::to_string(c.m),
                           std::to_string(c.n_missing), num_full(c.lambda_max), num_full(c.ci), num_full(c.ri), num_full(c.cr),
                           num_full(c.cr_threshold), c.acceptable ? "yes" : "no"});
      jc.push_back({{"node_id", c.node_id}, {"expert_id", c.expert_id}, {"m", c.m}, {"n_missing", c.n_missing},
                    {"lambda_max", c.lambda_max}, {"ci", c.ci}, {"ri", c.ri}, {"cr", c.cr},
                    {"cr_threshold", c.cr_threshold}, {"acceptable", c.acceptable}});
    }
    for (const auto& w : mr.weights.warnings) warnings.push_back(fmt::format("{}: {}", mr.name, w));
    jm.push_back({{"method", mr.name},
                  {"variant", mr.variant},
                  {"weights", jw},
                  {"diagnostics", jd},
                  {"ahp_consistency", jc},
                  {"warnings", mr.weights.warnings}});
  }
  nlohmann::json doc = json_header("weights", spec);
  doc["methods"] = jm;
  doc["warnings"] = warnings;

  OutputSet out(o.common.out);
  out.add("weights.csv", wcsv.csv());
  out.add("weights_diagnostics.csv", dcsv.csv());
  if (!ccsv.rows.empty()) out.add("weights_ahp_consistency.csv", ccsv.csv());
  out.add("weights.json", doc.dump(2) + "\n");
  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << wcsv.csv();
  } else {
    for (const bool global : {false, true}) {
      TextTable t;
      t.header = {tr(lang, "Node", "节点")};
      t.right_align = {false};
      for (const auto& mr : rep.methods) {
        t.header.push_back(mr.name);
        t.right_align.push_back(true);
      }
      for (int i : tree.preorder()) {
        if (i == tree.root()) continue;
        const Node& nd = tree.node(i);
        std::vector<std::string> row{std::string(static_cast<std::size_t>(2 * (nd.depth - 1)), ' ') + nd.id};
        for (const auto& mr : rep.methods) row.push_back(num(global ? mr.weights.global(i) : mr.weights.local(i), 4));
        t.rows.push_back(std::move(row));
      }
      std::cout << (global ? tr(lang, "\nGlobal weights (product of local weights down the tree)\n",
                                "\n全局权重（自根节点向下各层局部权重之积）\n")
                           : tr(lang, "Local weights (within each parent)\n", "局部权重（同一父节点内）\n"));
      std::cout << t.render();
    }
    for (const auto& mr : rep.methods)
      if (!mr.variant.empty()) std::cout << fmt::format("  {}: {}\n", mr.name, mr.variant);
    // Node-level diagnostics (explained variance, game-theory coefficients, ...).
    TextTable nd;
    nd.header = {tr(lang, "Method", "方法"), tr(lang, "Node", "节点"), tr(lang, "Quantity", "量"), tr(lang, "Value", "值")};
    nd.right_align = {false, false, false, true};
    for (const auto& row : dcsv.rows)
      if (row[2].empty() && row[3] != "n_used") nd.rows.push_back({row[0], row[1], row[3], num(from_g17(row[4]), 4)});
    if (!nd.rows.empty()) {
      std::cout << tr(lang, "\nNode diagnostics (per-child values: --format json or --out)\n",
                      "\n节点诊断量（各子指标的值见 --format json 或 --out）\n");
      std::cout << nd.render();
    }
    if (!ccsv.rows.empty()) {
      TextTable ct;
      ct.header = {tr(lang, "Method", "方法"), tr(lang, "Node", "节点"), tr(lang, "Expert", "专家"), "m", "λmax", "CI",
                   "CR", tr(lang, "OK", "通过")};
      ct.right_align = {false, false, false, true, true, true, true, false};
      for (const auto& c : ccsv.rows)
        ct.rows.push_back({c[0], c[1], c[2], c[3], num(from_g17(c[5]), 4), num(from_g17(c[6]), 4),
                           num(from_g17(c[8]), 4), c[10]});
      std::cout << tr(lang, "\nAHP consistency per node and expert\n", "\nAHP 一致性检验（各节点、各专家）\n");
      std::cout << ct.render();
    }
  }
  print_warnings("weights", warnings);
  out.write();
}

}  // namespace

void setup_weights(CLI::App& app) {
  auto opt = std::make_shared<WeightsOptions>();
  auto* sub = app.add_subcommand(
      "weights", "Local and global weights of every node under several weighting methods side by side, with "
                 "diagnostics (AHP lambda-max/CI/CR per node and expert, entropies, CV, CRITIC, PCA variance)");
  add_common_options(*sub, opt->common);
  add_method_list_option(*sub, "--methods", opt->methods, weight_methods(),
                         "Weighting methods to show (comma-separated); default: every method the spec allows");
  sub->callback([opt] { run_weights(*opt); });
}

}  // namespace cikit::cli
