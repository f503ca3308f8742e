// cikit weights SPEC: local and global weights of every node under several weighting methods,
// side by side, with each method's diagnostics (AHP consistency, entropies, CV, CRITIC, PCA).
// The pipeline is methods/pipeline/weights (pipeline::run_weights); this file parses, renders
// and writes.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/weights.hpp"

namespace cikit::cli {

namespace {

struct WeightsCli {
  CommonOptions common;
  std::vector<std::string> methods;  // empty = every applicable method
};

/// Local (global = false) or global weights: one row per node, one column per method.
void print_weights(const pipeline::WeightsRun& run, bool global, Lang lang) {
  const IndicatorTree& tree = run.spec.tree;
  TextTable t;
  t.header = {tr(lang, "Node", "节点")};
  t.right_align = {false};
  for (const auto& mr : run.report.methods) {
    t.header.push_back(mr.name);
    t.right_align.push_back(true);
  }
  for (int i : tree.preorder()) {
    if (i == tree.root()) continue;
    const Node& nd = tree.node(i);
    std::vector<std::string> row{std::string(static_cast<std::size_t>(2 * (nd.depth - 1)), ' ') + nd.id};
    for (const auto& mr : run.report.methods) row.push_back(num(global ? mr.weights.global(i) : mr.weights.local(i), 4));
    t.rows.push_back(std::move(row));
  }
  std::cout << (global ? tr(lang, "\nGlobal weights (product of local weights down the tree)\n",
                            "\n全局权重（自根节点向下各层局部权重之积）\n")
                       : tr(lang, "Local weights (within each parent)\n", "局部权重（同一父节点内）\n"));
  std::cout << t.render();
}

/// Node-level diagnostics (explained variance, game-theory coefficients, ...).
void print_node_diagnostics(const pipeline::WeightsRun& run, Lang lang) {
  TextTable nd;
  nd.header = {tr(lang, "Method", "方法"), tr(lang, "Node", "节点"), tr(lang, "Quantity", "量"), tr(lang, "Value", "值")};
  nd.right_align = {false, false, false, true};
  for (const auto& mr : run.report.methods)
    for (int i : run.spec.tree.preorder())
      for (const auto& [name, v] : mr.diagnostics[static_cast<std::size_t>(i)].per_node)
        if (name != "n_used") nd.rows.push_back({mr.name, run.spec.tree.node(i).id, name, num(v, 4)});
  if (nd.rows.empty()) return;
  std::cout << tr(lang, "\nNode diagnostics (per-child values: --format json or --out)\n",
                  "\n节点诊断量（各子指标的值见 --format json 或 --out）\n");
  std::cout << nd.render();
}

/// AHP consistency per node and expert.
void print_consistency(const pipeline::WeightsRun& run, Lang lang) {
  TextTable ct;
  ct.header = {tr(lang, "Method", "方法"), tr(lang, "Node", "节点"), tr(lang, "Expert", "专家"), "m", "λmax", "CI",
               "CR", tr(lang, "OK", "通过")};
  ct.right_align = {false, false, false, true, true, true, true, false};
  for (const auto& mr : run.report.methods)
    for (const auto& c : mr.weights.consistency)
      ct.rows.push_back({mr.name, c.node_id, c.expert_id.empty() ? "(group)" : c.expert_id, std::to_string(c.m),
                         num(c.lambda_max, 4), num(c.ci, 4), num(c.cr, 4), c.acceptable ? "yes" : "no"});
  if (ct.rows.empty()) return;
  std::cout << tr(lang, "\nAHP consistency per node and expert\n", "\nAHP 一致性检验（各节点、各专家）\n");
  std::cout << ct.render();
}

void print_table(const pipeline::WeightsRun& run, Lang lang) {
  for (const bool global : {false, true}) print_weights(run, global, lang);
  for (const auto& mr : run.report.methods)
    if (!mr.variant.empty()) std::cout << fmt::format("  {}: {}\n", mr.name, mr.variant);
  print_node_diagnostics(run, lang);
  print_consistency(run, lang);
}

void run_weights_cli(const WeightsCli& o) {
  const pipeline::WeightsRun run = pipeline::run_weights({o.common.spec, o.methods, o.common.out});
  if (o.common.format == "json") std::cout << run.json.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.csv;
  else print_table(run, o.common.language());
  print_warnings("weights", run.warnings);
  run.files.write();
}

}  // namespace

void setup_weights(CLI::App& app) {
  auto opt = std::make_shared<WeightsCli>();
  auto* sub = app.add_subcommand(
      "weights", "Local and global weights of every node under several weighting methods side by side, with "
                 "diagnostics (AHP lambda-max/CI/CR per node and expert, entropies, CV, CRITIC, PCA variance)");
  add_common_options(*sub, opt->common);
  add_method_list_option(*sub, "--methods", opt->methods, weight_methods(),
                         "Weighting methods to show (comma-separated); default: every method the spec allows");
  sub->callback([opt] { run_weights_cli(*opt); });
}

}  // namespace cikit::cli
