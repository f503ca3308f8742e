// cikit validity SPEC: does the data support the declared structure? Per first-level dimension
// and for the whole system: eigenvalues, parallel analysis, varimax loadings vs the declared
// dimensions, CR/AVE, Fornell-Larcker, HTMT (structure_validity()).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/table.hpp"
#include "methods/validity/criterion.hpp"
#include "methods/validity/structure.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

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

/// Criterion validity (spec `criteria:`): the index and its first-level dimension scores, built
/// as `cikit index` builds them (the spec's methods), against each criterion column.
std::vector<CriterionCorrelation> criterion_results(const Spec& spec, const Dataset& data, const Dataset& crit) {
  if (spec.criteria.empty()) return {};
  Judgments judgments;
  const WeightInputs inputs = spec_weight_inputs(spec, {spec.config.weights}, judgments);
  const IndexResult ix = build_index(data, spec.tree, spec.config, inputs);
  const auto& dims = spec.tree.node(spec.tree.root()).children;
  Eigen::MatrixXd scores(data.n_units(), static_cast<Eigen::Index>(dims.size()) + 1);
  std::vector<std::string> names = {spec.id};
  scores.col(0) = ix.scores.col(spec.tree.root());
  for (std::size_t d = 0; d < dims.size(); ++d) {
    scores.col(static_cast<Eigen::Index>(d) + 1) = ix.scores.col(dims[d]);
    names.push_back(spec.tree.node(dims[d]).id);
  }
  return criterion_validity(scores, names, crit.values, crit.indicator_ids);
}

/// The cut-point a warning uses: the rule's "acceptable" cut, else its last (poor) boundary.
double warning_cut(const VerdictTable& t, const char* statistic) {
  const VerdictRule& rule = t.rule(statistic);
  const double c = rule.cut(VerdictLevel::Acceptable);
  return std::isnan(c) ? rule.bands.back().cut : c;
}

nlohmann::json kmo_json(const KmoResult& k, const VerdictTable& vt) {
  nlohmann::json items = nlohmann::json::array();
  for (Eigen::Index i = 0; i < k.msa_items.size(); ++i)
    items.push_back({{"msa", json_num(k.msa_items(i))}, {"verdict", json_verdict(vt.judge("msa", k.msa_items(i)))}});
  return {{"msa", json_num(k.msa)}, {"verdict", json_verdict(vt.judge("kmo", k.msa))}, {"items", items},
          {"singular", k.singular}, {"rcond", json_num(k.rcond)}};
}

void run_validity(const ValidityOptions& o) {
  const Spec spec = read_spec(o.common.spec);
  const Dataset data = load_data(spec);
  const Dataset criteria = spec.criteria.empty() ? Dataset{} : load_criteria(spec);  // errors before the work
  const Lang lang = o.common.language();
  const VerdictTable& vt = spec.thresholds;
  StructureValidityOptions so;
  so.correlation.missing = o.listwise ? MissingCorrelation::Listwise : MissingCorrelation::Pairwise;
  so.parallel.replicates = o.replicates;
  so.parallel.seed = o.seed;
  so.factorability.kmo_min = warning_cut(vt, "kmo");
  so.factorability.bartlett_alpha = warning_cut(vt, "bartlett_p");
  so.convergent.cr_threshold = warning_cut(vt, "cr");
  so.convergent.ave_threshold = warning_cut(vt, "ave");
  so.convergent.htmt_threshold = warning_cut(vt, "htmt");
  const StructureValidityResult r = structure_validity(data, spec.tree, so);
  const std::vector<CriterionCorrelation> crit = criterion_results(spec, data, criteria);
  const report::PStyle pstyle = lang == Lang::Zh ? report::PStyle::Chinese : report::PStyle::Apa;
  auto pfmt = [&](double p) { return report::format_cell(report::Cell::pvalue(p), pstyle); };

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
  sum.header = {tr(lang, "Scope", "范围"), "p", "KMO", tr(lang, "Bartlett p", "Bartlett p"), tr(lang, "PC1 %", "PC1 %"),
                tr(lang, "Kaiser", "Kaiser"), tr(lang, "Parallel (95%)", "平行分析(95%)"),
                tr(lang, "Parallel (mean)", "平行分析(均值)"), "CR", "AVE", tr(lang, "sqrt(AVE) > r", "sqrt(AVE) > r")};
  sum.right_align = {false, true, true, true, true, true, true, true, true, true, false};
  for (const auto* s : scopes) {
    std::string cr = "", ave = "", fl = "";
    if (r.convergent_computed && !s->id.empty())
      for (std::size_t f = 0; f < r.convergent.blocks.size(); ++f)
        if (r.convergent.blocks[f].name == s->id) {
          cr = num_verdict(r.convergent.blocks[f].cr, 3, vt.judge("cr", r.convergent.blocks[f].cr), lang);
          ave = num_verdict(r.convergent.blocks[f].ave, 3, vt.judge("ave", r.convergent.blocks[f].ave), lang);
          fl = r.convergent.fornell_larcker_ok[f] ? tr(lang, "yes", "是") : tr(lang, "NO", "否");
        }
    const std::string bart = s->bartlett ? pfmt(s->bartlett->p_value) + " " +
                                               vt.judge("bartlett_p", s->bartlett->p_value)->label(lang)
                                         : "NA";
    sum.rows.push_back({dim_label(s->id), std::to_string(s->columns.size()),
                        num_verdict(s->kmo.msa, 3, vt.judge("kmo", s->kmo.msa), lang), bart,
                        num(100 * s->pca.proportion(0), 1), std::to_string(s->pca.kaiser_count),
                        std::to_string(s->parallel.n_components), std::to_string(s->parallel.n_components_mean), cr,
                        ave, fl});
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
        row.push_back(f == g  ? ""
                      : f < g ? num_verdict(r.convergent.htmt(f, g), 3, vt.judge("htmt", r.convergent.htmt(f, g)), lang)
                              : num(r.convergent.htmt2(f, g), 3));
      ht.rows.push_back(row);
    }
  }

  // 5. Indicators vs dimension scores (own dimension with and without the indicator).
  const ItemDimensionCheck& idc = r.item_dimension;
  TextTable it;
  it.header = {tr(lang, "Indicator", "指标"), tr(lang, "Dimension", "所属维度"), tr(lang, "r (own)", "r(本维度)"),
               tr(lang, "r (own, item dropped)", "r(本维度,剔除该指标)"), "p", tr(lang, "Highest other", "最高的其他维度"),
               tr(lang, "r (other)", "r(其他)"), tr(lang, "Flag", "提示")};
  it.right_align = {false, false, true, true, true, false, true, false};
  for (Eigen::Index j = 0; j < idc.r.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    const Node& leaf = spec.tree.node(spec.tree.leaves()[uj]);
    const int own = idc.own[uj], other = idc.best_other[uj];
    std::string flag;
    if (idc.other_higher[uj]) flag += tr(lang, "other dimension higher; ", "与其他维度相关更高；");
    if (idc.negative[uj]) flag += tr(lang, "negative; ", "负相关；");
    else if (idc.not_significant[uj]) flag += tr(lang, "not significant; ", "不显著；");
    if (!flag.empty()) flag.resize(flag.size() - (lang == Lang::Zh ? 3 : 2));
    it.rows.push_back({leaf.label.get(lang, leaf.id), dim_label(idc.dimensions[static_cast<std::size_t>(own)]),
                       num(idc.r(j, own), 3), num(idc.r_own_drop(j), 3), pfmt(idc.p_own_drop(j)),
                       other >= 0 ? dim_label(idc.dimensions[static_cast<std::size_t>(other)]) : "",
                       other >= 0 ? num(idc.r(j, other), 3) : "", flag});
  }
  TextTable sc;  // dimension-score correlations, lower triangle r, upper triangle p
  sc.header = {tr(lang, "r \\ p", "r \\ p")};
  for (const auto& d : idc.dimensions) sc.header.push_back(dim_label(d));
  sc.right_align.assign(sc.header.size(), true);
  sc.right_align[0] = false;
  for (Eigen::Index a = 0; a < idc.score_r.rows(); ++a) {
    std::vector<std::string> row = {dim_label(idc.dimensions[static_cast<std::size_t>(a)])};
    for (Eigen::Index b = 0; b < idc.score_r.cols(); ++b)
      row.push_back(a == b ? "1" : a > b ? num(idc.score_r(a, b), 3) : pfmt(idc.score_p(a, b)));
    sc.rows.push_back(row);
  }

  // 6. Criterion validity.
  TextTable ct;
  ct.header = {tr(lang, "Criterion", "效标"), tr(lang, "Score", "得分"), "n", "Pearson r", "95% CI", "p",
               "Spearman rho", tr(lang, "95% CI (Bonett-Wright)", "95% CI（Bonett-Wright）"), "p",
               tr(lang, "Verdict (Pearson)", "评价(Pearson)")};
  ct.right_align = {false, false, true, true, true, true, true, true, true, false};
  auto crit_label = [&](const std::string& col) {
    for (const auto& c : spec.criteria)
      if (c.column == col) return c.label.get(lang, col);
    return col;
  };
  auto ci = [](const CorrelationTest& t) { return fmt::format("[{}, {}]", num(t.lower, 3), num(t.upper, 3)); };
  for (const auto& c : crit) {
    const auto v = vt.judge("criterion_r", c.pearson.r);
    ct.rows.push_back({crit_label(c.criterion), c.score == spec.id ? spec.label.get(lang, spec.id) : dim_label(c.score),
                       std::to_string(c.pearson.n), num(c.pearson.r, 3), ci(c.pearson), pfmt(c.pearson.p_value),
                       num(c.spearman.r, 3), ci(c.spearman), pfmt(c.spearman.p_value), v ? v->text(lang) : ""});
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
                       {"kmo", kmo_json(s->kmo, vt)},
                       {"bartlett", s->bartlett ? nlohmann::json{{"chi_square", json_num(s->bartlett->chi_square)},
                                                                 {"df", json_num(s->bartlett->df)},
                                                                 {"p_value", json_num(s->bartlett->p_value)},
                                                                 {"n", s->bartlett->n},
                                                                 {"verdict", json_verdict(vt.judge("bartlett_p", s->bartlett->p_value))}}
                                                : nlohmann::json(nullptr)},
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
                    {"cr_verdict", json_verdict(vt.judge("cr", b.cr))}, {"ave", json_num(b.ave)},
                    {"ave_verdict", json_verdict(vt.judge("ave", b.ave))},
                    {"fornell_larcker_ok", static_cast<bool>(r.convergent.fornell_larcker_ok[f])}});
    }
    nlohmann::json hv = nlohmann::json::array();
    for (Eigen::Index f = 0; f < r.convergent.htmt.rows(); ++f) {
      nlohmann::json row = nlohmann::json::array();
      for (Eigen::Index g = 0; g < r.convergent.htmt.cols(); ++g)
        row.push_back(f == g ? nlohmann::json(nullptr) : json_verdict(vt.judge("htmt", r.convergent.htmt(f, g))));
      hv.push_back(row);
    }
    doc["convergent"] = {{"dimensions", jb},
                         {"score_correlation", mat_json(r.convergent.score_correlation)},
                         {"htmt", mat_json(r.convergent.htmt)},
                         {"htmt_verdict", hv},
                         {"htmt2", mat_json(r.convergent.htmt2)}};
  }
  nlohmann::json ji = nlohmann::json::array();
  for (Eigen::Index j = 0; j < idc.r.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    nlohmann::json n = nlohmann::json::array();
    for (Eigen::Index d = 0; d < idc.n.cols(); ++d) n.push_back(idc.n(j, d));
    ji.push_back({{"indicator", leaf_id(j)},
                  {"dimension", idc.dimensions[static_cast<std::size_t>(idc.own[uj])]},
                  {"r", vec_json(idc.r.row(j).transpose())},
                  {"p_value", vec_json(idc.p_value.row(j).transpose())},
                  {"n", n},
                  {"r_own_drop", json_num(idc.r_own_drop(j))},
                  {"p_own_drop", json_num(idc.p_own_drop(j))},
                  {"n_own_drop", idc.n_own_drop(j)},
                  {"best_other", idc.best_other[uj] >= 0 ? nlohmann::json(idc.dimensions[static_cast<std::size_t>(idc.best_other[uj])])
                                                         : nlohmann::json(nullptr)},
                  {"other_higher", static_cast<bool>(idc.other_higher[uj])},
                  {"negative", static_cast<bool>(idc.negative[uj])},
                  {"not_significant", static_cast<bool>(idc.not_significant[uj])}});
  }
  nlohmann::json sn = nlohmann::json::array();
  for (Eigen::Index a = 0; a < idc.score_n.rows(); ++a) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index b = 0; b < idc.score_n.cols(); ++b) row.push_back(idc.score_n(a, b));
    sn.push_back(row);
  }
  doc["item_dimension"] = {{"dimensions", idc.dimensions},
                           {"significance", so.significance},
                           {"indicators", ji},
                           {"score_correlation", {{"r", mat_json(idc.score_r)}, {"p_value", mat_json(idc.score_p)}, {"n", sn}}}};
  nlohmann::json jc = nlohmann::json::array();
  auto test_json = [](const CorrelationTest& t) {
    return nlohmann::json{{"r", json_num(t.r)}, {"lower", json_num(t.lower)}, {"upper", json_num(t.upper)},
                          {"p_value", json_num(t.p_value)}, {"n", t.n}};
  };
  for (const auto& c : crit)
    jc.push_back({{"criterion", c.criterion},
                  {"score", c.score},
                  {"pearson", test_json(c.pearson)},
                  {"spearman", test_json(c.spearman)},
                  {"verdict", json_verdict(vt.judge("criterion_r", c.pearson.r))}});
  doc["criterion"] = jc;
  nlohmann::json jt = nlohmann::json::object();
  for (const auto& rule : vt.rules()) jt[rule.statistic] = rule.describe(Lang::En);
  doc["thresholds"] = jt;
  doc["warnings"] = r.warnings;

  OutputSet out(o.common.out);
  out.add("validity_summary.csv", sum.csv());
  out.add("validity_eigenvalues.csv", eig.csv());
  out.add("validity_loadings.csv", lt.csv());
  if (r.convergent_computed) out.add("validity_htmt.csv", ht.csv());
  out.add("validity_item_dimension.csv", it.csv());
  out.add("validity_dimension_scores.csv", sc.csv());
  if (!crit.empty()) out.add("validity_criterion.csv", ct.csv());
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
    if (r.convergent_computed) std::cout << ht.render() << "\n";
    std::cout << tr(lang, "Indicators vs dimension scores (mean z-scores; p for the item-dropped r):\n",
                    "指标与维度得分（标准化均值）的相关（p 值对应剔除该指标后的 r）：\n");
    std::cout << it.render() << "\n";
    std::cout << tr(lang, "Correlations of dimension scores (r below, p above the diagonal):\n",
                    "维度得分相关矩阵（对角线下方为 r，上方为 p）：\n");
    std::cout << sc.render() << "\n";
    if (!crit.empty()) {
      std::cout << tr(lang, "Criterion validity (index and dimension scores as built by `cikit index`):\n",
                      "效标效度（指数与维度得分按 `cikit index` 计算）：\n");
      std::cout << ct.render() << "\n";
    }
    std::cout << tr(lang,
                    "Negative indicators are reversed (x -> -x) first. PCA of the Pearson correlation matrix; "
                    "parallel analysis: Horn (1965), 95th percentile of random-normal eigenvalues (psych::fa.parallel); "
                    "varimax: stats::varimax; CR/AVE from one-factor minres loadings; Fornell-Larcker against "
                    "correlations of dimension scores (mean z-scores); HTMT above, HTMT2 below the diagonal.\n",
                    "负向指标先取相反数。基于 Pearson 相关矩阵的主成分分析；平行分析：Horn (1965)，随机正态特征值的第 95 百分位数"
                    "（同 psych::fa.parallel）；方差最大旋转同 stats::varimax；CR/AVE 基于单因子 minres 载荷；Fornell-Larcker "
                    "准则与维度得分（标准化均值）相关比较；对角线上方为 HTMT，下方为 HTMT2。\n");
    for (const char* stat : {"kmo", "bartlett_p", "cr", "ave", "htmt", "criterion_r"})
      std::cout << "  " << vt.rule(stat).describe(lang) << "\n";
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
