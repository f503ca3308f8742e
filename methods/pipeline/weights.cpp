#include "methods/pipeline/weights.hpp"

#include <fmt/format.h>

#include "methods/pipeline/common.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

/// The long tables of the files, filled method by method.
struct Tables {
  TextTable weights, diagnostics, consistency, bwm;
  Tables() {
    bwm.header = {"method", "node_id", "expert_id", "xi_star", "xi_linear", "a_bw", "consistency_index",
                  "consistency_ratio", "input_cr", "threshold", "verdict"};
    weights.header = {"method", "variant", "node_id", "parent_id", "level", "kind", "local_weight", "global_weight"};
    // method, node, child ("" = node-level), quantity, value
    diagnostics.header = {"method", "node_id", "child_id", "quantity", "value"};
    consistency.header = {"method", "node_id", "expert_id", "m", "n_missing", "lambda_max", "ci", "ri", "cr",
                          "cr_threshold", "acceptable"};
  }
};

/// The diagnostics of node i under one method (JSON), adding their rows to `t`.
nlohmann::json node_diagnostics(const IndicatorTree& tree, const MethodWeightsReport& mr, int i, Tables& t) {
  const Node& nd = tree.node(i);
  const NodeDiagnostics& d = mr.diagnostics[static_cast<std::size_t>(i)];
  nlohmann::json node_values = nlohmann::json::object(), children = nlohmann::json::array();
  for (const auto& [name, v] : d.per_node) {
    t.diagnostics.rows.push_back({mr.name, nd.id, "", name, num_full(v)});
    node_values[name] = json_num(v);
  }
  for (std::size_t c = 0; c < nd.children.size(); ++c) {
    const std::string& cid = tree.node(nd.children[c]).id;
    nlohmann::json jchild = {{"child_id", cid}};
    for (const auto& [name, v] : d.per_child) {
      const double x = v(static_cast<Eigen::Index>(c));
      t.diagnostics.rows.push_back({mr.name, nd.id, cid, name, num_full(x)});
      jchild[name] = json_num(x);
    }
    children.push_back(jchild);
  }
  return {{"node_id", nd.id}, {"values", node_values}, {"children", children}};
}

/// One method's JSON entry, adding its rows to `t`.
nlohmann::json method_json(const IndicatorTree& tree, const MethodWeightsReport& mr, Tables& t) {
  nlohmann::json jw = nlohmann::json::array(), jd = nlohmann::json::array(), jc = nlohmann::json::array();
  for (int i : tree.preorder()) {
    const Node& nd = tree.node(i);
    const std::string parent = nd.parent >= 0 ? tree.node(nd.parent).id : "";
    t.weights.rows.push_back({mr.name, mr.variant, nd.id, parent, std::to_string(nd.depth), node_kind(tree, i),
                              num_full(mr.weights.local(i)), num_full(mr.weights.global(i))});
    jw.push_back({{"node_id", nd.id}, {"parent_id", parent}, {"level", nd.depth}, {"kind", node_kind(tree, i)},
                  {"local_weight", mr.weights.local(i)}, {"global_weight", mr.weights.global(i)}});
    const NodeDiagnostics& d = mr.diagnostics[static_cast<std::size_t>(i)];
    if (d.per_child.empty() && d.per_node.empty()) continue;
    jd.push_back(node_diagnostics(tree, mr, i, t));
  }
  for (const auto& c : mr.weights.consistency) {
    t.consistency.rows.push_back({mr.name, c.node_id, c.expert_id.empty() ? "(group)" : c.expert_id,
                                  std::to_string(c.m), std::to_string(c.n_missing), num_full(c.lambda_max),
                                  num_full(c.ci), num_full(c.ri), num_full(c.cr), num_full(c.cr_threshold),
                                  c.acceptable ? "yes" : "no"});
    jc.push_back({{"node_id", c.node_id}, {"expert_id", c.expert_id}, {"m", c.m}, {"n_missing", c.n_missing},
                  {"lambda_max", c.lambda_max}, {"ci", c.ci}, {"ri", c.ri}, {"cr", c.cr},
                  {"cr_threshold", c.cr_threshold}, {"acceptable", c.acceptable}});
  }
  nlohmann::json out = {{"method", mr.name},
                        {"variant", mr.variant},
                        {"weights", jw},
                        {"diagnostics", jd},
                        {"ahp_consistency", jc},
                        {"warnings", mr.weights.warnings}};
  if (!mr.weights.bwm_consistency.empty()) {
    nlohmann::json jb = nlohmann::json::array();
    for (const auto& c : mr.weights.bwm_consistency) {
      t.bwm.rows.push_back({mr.name, c.node_id, c.expert_id, num_full(c.xi_star), num_full(c.xi_linear),
                            num_full(c.a_bw), num_full(c.consistency_index), num_full(c.consistency_ratio),
                            num_full(c.input_cr), num_full(c.threshold), c.verdict});
      jb.push_back({{"node", c.node_id}, {"expert", c.expert_id}, {"xi_star", c.xi_star}, {"xi_linear", c.xi_linear},
                    {"a_bw", c.a_bw}, {"consistency_index", c.consistency_index},
                    {"consistency_ratio", c.consistency_ratio}, {"input_cr", c.input_cr},
                    {"threshold", json_num(c.threshold)}, {"verdict", c.verdict}});
    }
    out["bwm_consistency"] = jb;
  }
  return out;
}

}  // namespace

WeightsRun run_weights(const WeightsOptions& o) {
  WeightsRun run;
  run.spec = read_spec_with(o.spec);
  Judgments judgments;
  WeightInputs inputs;
  const std::vector<WeightMethod> methods =
      select_weight_methods(run.spec, method_list(weight_methods(), o.methods), inputs, judgments);
  run.data = load_data(run.spec);
  run.warnings = run.data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.report = weights_report(run.data, run.spec.tree, run.spec.config, methods, inputs);

  Tables t;
  nlohmann::json jm = nlohmann::json::array();
  for (const auto& mr : run.report.methods) {
    jm.push_back(method_json(run.spec.tree, mr, t));
    for (const auto& w : mr.weights.warnings) run.warnings.push_back(fmt::format("{}: {}", mr.name, w));
  }
  run.json = json_header("weights", run.spec);
  run.json["methods"] = jm;
  run.json["warnings"] = run.warnings;
  run.csv = t.weights.csv();
  run.files = OutputSet(o.out);
  run.files.add("weights.csv", run.csv);
  run.files.add("weights_diagnostics.csv", t.diagnostics.csv());
  if (!t.consistency.rows.empty()) run.files.add("weights_ahp_consistency.csv", t.consistency.csv());
  if (!t.bwm.rows.empty()) run.files.add("weights_bwm_consistency.csv", t.bwm.csv());
  run.files.add("weights.json", run.json.dump(2) + "\n");
  return run;
}

}  // namespace cikit::pipeline
