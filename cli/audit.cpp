// cikit audit SPEC: statistical-coherence audit of the built index (correlations with parent
// and index, effective importance S_i vs nominal weights, summary per group, optional weight
// optimisation of one level). Thin front end over pipeline::run_audit().
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/audit.hpp"
#include "methods/report/audit_tables.hpp"

namespace cikit::cli {

namespace {

struct AuditCliOptions {
  CommonOptions common;
  pipeline::AuditRunOptions run;
};

std::string label_of(const Spec& spec, int node, Lang lang) {
  const Node& nd = spec.tree.node(node);
  return std::string(static_cast<std::size_t>(2 * (nd.depth - 1)), ' ') + nd.label.get(lang, nd.id);
}

std::string ci(const std::optional<std::pair<double, double>>& p) {
  return p ? fmt::format("[{}, {}]", num(p->first, 3), num(p->second, 3)) : "";
}

TextTable node_table(const pipeline::AuditRun& run, Lang lang) {
  const auto& r = run.result;
  const bool rho = r.options.spearman, boot = r.options.bootstrap > 0;
  TextTable t;
  t.header = {tr(lang, "Node", "节点"), tr(lang, "r (parent)", "r（上级）"), tr(lang, "r (index)", "r（总指数）")};
  if (rho) t.header.insert(t.header.end(), {tr(lang, "ρ (parent)", "ρ（上级）"), tr(lang, "ρ (index)", "ρ（总指数）")});
  t.header.insert(t.header.end(), {tr(lang, "S_i (index)", "S_i（总指数）")});
  if (boot) t.header.push_back(tr(lang, "95% CI", "95% 置信区间"));
  t.header.insert(t.header.end(), {tr(lang, "S_i (parent)", "S_i（上级）"), "r²", tr(lang, "Weight", "权重"),
                                   tr(lang, "Importance", "重要性"), tr(lang, "Ratio", "比值"), tr(lang, "Flags", "标记")});
  t.right_align.assign(t.header.size(), true);
  t.right_align.front() = t.right_align.back() = false;
  for (std::size_t k = 0; k < r.correlations.size(); ++k) {
    const auto& c = r.correlations[k];
    const auto& m = r.importance[k];
    std::vector<std::string> row = {label_of(run.spec, c.node, lang), num(c.r_parent, 3), num(c.r_index, 3)};
    if (rho) row.insert(row.end(), {num(*c.rho_parent, 3), num(*c.rho_index, 3)});
    row.push_back(num(m.s_index, 3));
    if (boot) row.push_back(ci(m.s_index_ci));
    row.insert(row.end(), {num(m.s_parent, 3), num(m.r2_parent, 3), num(m.weight_norm, 3), num(m.importance_norm, 3),
                           num(m.ratio, 2), report::audit_flags_text(r, c.node, lang)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

TextTable summary_table(const pipeline::AuditRun& run, Lang lang) {
  TextTable t;
  t.header = {tr(lang, "Group", "维度"), "k", "α", tr(lang, "std. α", "标准化α"),
              tr(lang, "1st eigenvalue share", "第一特征值占比"), tr(lang, "Flags", "标记"), tr(lang, "Verdict", "结论")};
  t.right_align = {false, true, true, true, true, true, false};
  const auto opt = [](const std::optional<double>& v) { return v ? num(*v, 3) : std::string("—"); };
  for (const auto& s : run.result.summary)
    t.rows.push_back({label_of(run.spec, s.node, lang), std::to_string(s.k), opt(s.alpha), opt(s.std_alpha),
                      opt(s.eigen_share), std::to_string(s.n_negative + s.n_weak + s.n_redundant + s.n_divergent),
                      report::audit_verdict_text(s, lang)});
  return t;
}

void print_optimisation(const pipeline::AuditRun& run, Lang lang) {
  const auto& o = *run.optimised;
  TextTable t;
  t.header = {tr(lang, "Node", "节点"), tr(lang, "Nominal weight", "原权重"), tr(lang, "Optimised weight", "优化权重"),
              tr(lang, "Desired", "目标"), tr(lang, "Obtained (nominal)", "原权重所得"), tr(lang, "Obtained", "优化所得")};
  t.right_align = {false, true, true, true, true, true};
  for (std::size_t i = 0; i < o.nodes.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    t.rows.push_back({label_of(run.spec, o.nodes[i], lang), num(o.nominal_weights(k), 4), num(o.weights(k), 4),
                      o.objective_kind == audit::OptimiseObjective::Balance ? num(o.target(k), 4) : "—",
                      num(o.obtained_nominal(k), 4), num(o.obtained(k), 4)});
  }
  std::cout << "\n" << report::audit_optimisation_title(o, lang) << "\n" << t.render();
  std::cout << report::audit_optimisation_note(o, run.spec.tree, run.target_kind, lang) << "\n";
}

void print_tables(const pipeline::AuditRun& run, Lang lang) {
  const Spec& spec = run.spec;
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                           tr(lang, "statistical-coherence audit (correlations and effective importance)",
                              "统计一致性审查（相关结构与有效重要性）"));
  std::cout << node_table(run, lang).render();
  std::cout << report::audit_node_note(run.result, lang) << "\n\n";
  std::cout << tr(lang, "Audit summary per group", "各维度审查汇总") << "\n" << summary_table(run, lang).render();
  std::cout << report::audit_summary_note(run.result, lang) << "\n";
  if (run.optimised) print_optimisation(run, lang);
}

void run_audit_cli(const AuditCliOptions& ao) {
  const CommonOptions& o = ao.common;
  pipeline::AuditRunOptions ro = ao.run;
  ro.spec = o.spec;
  ro.out = o.out;
  const pipeline::AuditRun run = pipeline::run_audit(ro);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.nodes_csv.csv();
  else print_tables(run, o.language());
  print_warnings("audit", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_audit(CLI::App& app) {
  auto opt = std::make_shared<AuditCliOptions>();
  auto& a = opt->run.audit;
  auto* sub = app.add_subcommand(
      "audit",
      "Statistical-coherence audit of the built index (JRC practice): Pearson r of every node with its parent and the "
      "index, within-group correlations, effective importance S_i (spline R², lm(y ~ bs(x, df))) vs nominal weights, "
      "Cronbach's alpha and first-eigenvalue share per group, flags and verdicts; optionally weights of one level "
      "optimised so that the nodes' correlations with the index match a target (Becker et al. 2017).");
  add_common_options(*sub, opt->common);
  sub->add_flag("--spearman", a.spearman, "Also Spearman's rho with parent and index");
  sub->add_option("--weak-r", a.weak_r, "Flag r with the parent below this")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  sub->add_option("--redundant-r", a.redundant_r, "Flag |r| between siblings above this")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
  sub->add_option("--divergence", a.divergence, "Flag importance/weight ratios outside [1-d, 1+d]")
      ->check(CLI::PositiveNumber)->capture_default_str();
  sub->add_option("--spline-df", a.spline_df, "Degrees of freedom of the cubic B-spline (R's bs df)")
      ->check(CLI::Range(3, 50))->capture_default_str();
  sub->add_option("--bootstrap,-B", a.bootstrap, "Bootstrap replicates over units for S_i CIs (0 = none)")
      ->check(CLI::Range(0, 1000000))->capture_default_str();
  sub->add_option("--seed", a.seed, "Master seed of the bootstrap streams")->capture_default_str();
  sub->add_option("--threads", a.threads, "Threads of the bootstrap (results never depend on it; 0 = default)")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--optimise-weights", opt->run.optimise_level,
                  "Optimise the weights of this level: dimensions, indicators or levelN");
  sub->add_option("--target", opt->run.target, "Target importances: equal, nominal or a CSV file (id,weight)")
      ->capture_default_str();
  sub->add_option("--objective", opt->run.objective, "balance (match the target) or infomax (maximise sum of r)")
      ->check(CLI::IsMember({"balance", "infomax"}))->capture_default_str();
  sub->callback([opt] { run_audit_cli(*opt); });
}

}  // namespace cikit::cli
