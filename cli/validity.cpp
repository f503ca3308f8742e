// cikit validity SPEC: does the data support the declared structure? Per first-level dimension
// and for the whole system: eigenvalues, parallel analysis, varimax loadings vs the declared
// dimensions, CR/AVE, Fornell-Larcker, HTMT (structure_validity()).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/spec.hpp"
#include "methods/validity/structure.hpp"

namespace cikit::cli {

namespace {

struct ValidityOptions {
  CommonOptions common;
  int replicates = 100;
  std::uint64_t seed = kDefaultSeed;
  bool listwise = false;
};

nlohmann::json vec_json(const Eigen::VectorXd& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(json_num(v(i)));
  return a;
}

nlohmann::json mat_json(const Eigen::MatrixXd& m) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) a.push_back(vec_json(m.row(i).transpose()));
  return a;
}

void run_validity(const ValidityOptions& o) {
  const Spec spec = read_spec(o.common.spec);
  const Dataset data = load_data(spec);
  const Lang lang = o.common.language();
  StructureValidityOptions so;
  so.correlation.missing = o.listwise ? MissingCorrelation::Listwise : MissingCorrelation::Pairwise;
  so.parallel.replicates = o.replicates;
  so.parallel.seed = o.seed;
  const StructureValidityResult r = structure_validity(data, spec.tree, so);

  auto dim_label = [&](const std::string& id) -> std::string {
    if (id.empty()) return tr(lang, "(whole system)", "（整体）");
    const auto i = spec.tree.find(id);
    return i ? spec.tree.node(*i).label.get(lang, id) : id;
  };
  auto leaf_id = [&](Eigen::Index j) { return data.indicator_ids[static_cast<std::size_t>(j)]; };

  // 1. Summary per scope.
  std::vector<const BlockStructure*> scopes;
  for (const auto& d : r.dimensions) scopes.push_back(&d);
  scopes.push_back(&r.system);
  TextTable sum;
  sum.header = {tr(lang, "Scope", "范围"), "p", tr(lang, "PC1 %", "PC1 %"), tr(lang, "Kaiser", "Kaiser"),
                tr(lang, "Parallel (95%)", "平行分析(95%)"), tr(lang, "Parallel (mean)", "平行分析(均值)"), "CR", "AVE",
                tr(lang, "sqrt(AVE) > r", "sqrt(AVE) > r")};
  sum.right_align = {false, true, true, true, true, true, true, true, false};
  for (const auto* s : scopes) {
    std::string cr = "", ave = "", fl = "";
    if (r.convergent_computed && !s->id.empty())
      for (std::size_t f = 0; f < r.convergent.blocks.size(); ++f)
        if (r.convergent.blocks[f].name == s->id) {
          cr = num(r.convergent.blocks[f].cr, 3);
          ave = num(r.convergent.blocks[f].ave, 3);
          fl = r.convergent.fornell_larcker_ok[f] ? tr(lang, "yes", "是") : tr(lang, "NO", "否");
        }
    sum.rows.push_back({dim_label(s->id), std::to_string(s->columns.size()), num(100 * s->pca.proportion(0), 1),
                        std::to_string(s->pca.kaiser_count), std::to_string(s->parallel.n_components),
                        std::to_string(s->parallel.n_components_mean), cr, ave, fl});
  }

  // 2. Eigenvalues with parallel-analysis thresholds.
  TextTable eig;
  eig.header = {tr(lang, "Scope", "范围"), tr(lang, "Component", "成分"), tr(lang, "Eigenvalue", "特征值"), "%",
                tr(lang, "Cumulative %", "累计 %"), tr(lang, "Random mean", "随机均值"), tr(lang, "Random 95%", "随机 95%")};
  eig.right_align = {false, true, true, true, true, true, true};
  for (const auto* s : scopes)
    for (Eigen::Index k = 0; k < s->pca.eigenvalues.size(); ++k)
      eig.rows.push_back({dim_label(s->id), std::to_string(k + 1), num(s->pca.eigenvalues(k), 3),
                          num(100 * s->pca.proportion(k), 1), num(100 * s->pca.cumulative(k), 1),
                          num(s->parallel.simulated_mean(k), 3), num(s->parallel.simulated_quantile(k), 3)});

  // 3. Whole-system varimax loadings vs declared dimensions.
  TextTable lt;
  const Eigen::MatrixXd& L = r.system_varimax.loadings;
  lt.header = {tr(lang, "Indicator", "指标"), tr(lang, "Declared", "所属维度")};
  for (Eigen::Index k = 0; k < L.cols(); ++k) lt.header.push_back(fmt::format("RC{}", k + 1));
  lt.header.push_back(tr(lang, "Highest", "最高载荷"));
  lt.header.push_back(tr(lang, "Matches", "一致"));
  lt.right_align.assign(lt.header.size(), true);
  lt.right_align[0] = lt.right_align[1] = false;
  std::vector<std::string> dim_ids;
  for (const auto& n : spec.tree.node(spec.tree.root()).children) dim_ids.push_back(spec.tree.node(n).id);
  for (Eigen::Index j = 0; j < L.rows(); ++j) {
    const Node& leaf = spec.tree.node(spec.tree.leaves()[static_cast<std::size_t>(j)]);
    std::vector<std::string> row = {leaf.label.get(lang, leaf.id),
                                    dim_label(dim_ids[static_cast<std::size_t>(r.declared_dimension[static_cast<std::size_t>(j)])])};
    for (Eigen::Index k = 0; k < L.cols(); ++k) row.push_back(num(L(j, k), 3));
    row.push_back(fmt::format("RC{}", r.highest_component[static_cast<std::size_t>(j)] + 1));
    row.push_back(r.matches_declared[static_cast<std::size_t>(j)] ? tr(lang, "yes", "是") : tr(lang, "NO", "否"));
    lt.rows.push_back(row);
  }

  // 4. HTMT (upper triangle) and HTMT2 (lower triangle).
  TextTable ht;
  if (r.convergent_computed) {
    ht.header = {tr(lang, "HTMT \\ HTMT2", "HTMT \\ HTMT2")};
    for (const auto& b : r.convergent.blocks) ht.header.push_back(dim_label(b.name));
    ht.right_align.assign(ht.header.size(), true);
    ht.right_align[0] = false;
    const auto nb = static_cast<Eigen::Index>(r.convergent.blocks.size());
    for (Eigen::Index f = 0; f < nb; ++f) {
      std::vector<std::string> row = {dim_label(r.convergent.blocks[static_cast<std::size_t>(f)].name)};
      for (Eigen::Index g = 0; g < nb; ++g)
        row.push_back(f == g ? "" : num(f < g ? r.convergent.htmt(f, g) : r.convergent.htmt2(f, g), 3));
      ht.rows.push_back(row);
    }
  }

  nlohmann::json doc = json_header("validity", spec);
  doc["options"] = {{"correlation", o.listwise ? "listwise" : "pairwise"},
                    {"parallel_replicates", o.replicates},
                    {"parallel_seed", o.seed},
                    {"parallel_quantile", so.parallel.quantile}};
  nlohmann::json jscopes = nlohmann::json::array();
  for (const auto* s : scopes) {
    nlohmann::json ind = nlohmann::json::array();
    for (const auto c : s->columns) ind.push_back(leaf_id(c));
    jscopes.push_back({{"dimension", s->id.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->id)},
                       {"indicators", ind},
                       {"eigenvalues", vec_json(s->pca.eigenvalues)},
                       {"proportion", vec_json(s->pca.proportion)},
                       {"kaiser_count", s->pca.kaiser_count},
                       {"rcond", json_num(s->pca.rcond)},
                       {"parallel",
                        {{"simulated_mean", vec_json(s->parallel.simulated_mean)},
                         {"simulated_quantile", vec_json(s->parallel.simulated_quantile)},
                         {"resampled_quantile", vec_json(s->parallel.resampled_quantile)},
                         {"n_components", s->parallel.n_components},
                         {"n_components_mean", s->parallel.n_components_mean},
                         {"n_components_resampled", s->parallel.n_components_resampled}}}});
  }
  doc["scopes"] = jscopes;
  nlohmann::json jl = nlohmann::json::array();
  for (Eigen::Index j = 0; j < L.rows(); ++j)
    jl.push_back({{"indicator", leaf_id(j)},
                  {"declared", dim_ids[static_cast<std::size_t>(r.declared_dimension[static_cast<std::size_t>(j)])]},
                  {"loadings", vec_json(L.row(j).transpose())},
                  {"highest_component", r.highest_component[static_cast<std::size_t>(j)] + 1},
                  {"matches_declared", static_cast<bool>(r.matches_declared[static_cast<std::size_t>(j)])}});
  doc["varimax"] = {{"components", L.cols()}, {"converged", r.system_varimax.converged}, {"indicators", jl}};
  if (r.convergent_computed) {
    nlohmann::json jb = nlohmann::json::array();
    for (std::size_t f = 0; f < r.convergent.blocks.size(); ++f) {
      const auto& b = r.convergent.blocks[f];
      jb.push_back({{"dimension", b.name}, {"loadings", vec_json(b.loadings)}, {"cr", json_num(b.cr)},
                    {"ave", json_num(b.ave)}, {"fornell_larcker_ok", static_cast<bool>(r.convergent.fornell_larcker_ok[f])}});
    }
    doc["convergent"] = {{"dimensions", jb},
                         {"score_correlation", mat_json(r.convergent.score_correlation)},
                         {"htmt", mat_json(r.convergent.htmt)},
                         {"htmt2", mat_json(r.convergent.htmt2)}};
  }
  doc["warnings"] = r.warnings;

  OutputSet out(o.common.out);
  out.add("validity_summary.csv", sum.csv());
  out.add("validity_eigenvalues.csv", eig.csv());
  out.add("validity_loadings.csv", lt.csv());
  if (r.convergent_computed) out.add("validity_htmt.csv", ht.csv());
  out.add("validity.json", doc.dump(2) + "\n");

  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << sum.csv();
  } else {
    std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id), tr(lang, "structure validity", "结构效度"));
    std::cout << trf(lang, "{} units × {} indicators; correlations {}; parallel analysis: {} replicates, seed {}\n\n",
                     "{} 个单位 × {} 个指标；相关系数：{}；平行分析：{} 次重复，种子 {}\n\n", data.n_units(),
                     data.n_indicators(), o.listwise ? "listwise" : "pairwise", o.replicates, o.seed);
    std::cout << sum.render() << "\n";
    std::cout << eig.render() << "\n";
    std::cout << trf(lang, "Varimax loadings of {} principal components (whole system):\n",
                     "整体 {} 个主成分的方差最大旋转载荷：\n", L.cols());
    std::cout << lt.render() << "\n";
    if (r.convergent_computed) std::cout << ht.render();
    std::cout << tr(lang,
                    "Negative indicators are reversed (x -> -x) first. PCA of the Pearson correlation matrix; "
                    "parallel analysis: Horn (1965), 95th percentile of random-normal eigenvalues (psych::fa.parallel); "
                    "varimax: stats::varimax; CR/AVE from one-factor minres loadings; Fornell-Larcker against "
                    "correlations of dimension scores (mean z-scores); HTMT above, HTMT2 below the diagonal.\n",
                    "负向指标先取相反数。基于 Pearson 相关矩阵的主成分分析；平行分析：Horn (1965)，随机正态特征值的第 95 百分位数"
                    "（同 psych::fa.parallel）；方差最大旋转同 stats::varimax；CR/AVE 基于单因子 minres 载荷；Fornell-Larcker "
                    "准则与维度得分（标准化均值）相关比较；对角线上方为 HTMT，下方为 HTMT2。\n");
  }
  print_warnings("validity", r.warnings);
  out.write();
}

}  // namespace

void setup_validity(CLI::App& app) {
  auto opt = std::make_shared<ValidityOptions>();
  auto* sub = app.add_subcommand(
      "validity", "Structure validity per first-level dimension and for the whole system: eigenvalues and "
                  "explained variance, parallel analysis, varimax loadings vs the declared dimensions, CR/AVE, "
                  "Fornell-Larcker, HTMT/HTMT2");
  add_common_options(*sub, opt->common);
  sub->add_option("--replicates", opt->replicates, "Parallel-analysis replicates")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  sub->add_option("--seed", opt->seed, "Master seed of the parallel analysis")->capture_default_str();
  sub->add_flag("--listwise", opt->listwise, "Listwise deletion for correlations (default: pairwise)");
  sub->callback([opt] { run_validity(*opt); });
}

}  // namespace cikit::cli
