#include "methods/pipeline/validity.hpp"
#include "methods/pipeline/common.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/aggregate/build_index.hpp"
#include "methods/compare/weights_report.hpp"
#include "methods/core/error.hpp"
#include "methods/report/table.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

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

/// What the table and JSON builders share.
struct Ctx {
  const Spec& spec;
  const std::vector<std::string>& leaf_ids;  ///< data column ids
  const StructureValidityResult& r;
  Lang lang;
  const VerdictTable& vt;
  std::vector<const BlockStructure*> scopes;  ///< dimensions, then the whole system
  std::vector<std::string> dim_ids;           ///< first-level dimension ids

  [[nodiscard]] std::string pfmt(double p) const {
    return report::format_cell(report::Cell::pvalue(p),
                               lang == Lang::Zh ? report::PStyle::Chinese : report::PStyle::Apa);
  }
  [[nodiscard]] std::string dim_label(const std::string& id) const {
    if (id.empty()) return tr(lang, "(whole system)", "（整体）");
    const auto i = spec.tree.find(id);
    return i ? spec.tree.node(*i).label.get(lang, id) : id;
  }
  [[nodiscard]] const std::string& leaf_id(Eigen::Index j) const { return leaf_ids[static_cast<std::size_t>(j)]; }
};

// 1. Summary per scope.
TextTable summary_table(const Ctx& c) {
  const auto& r = c.r;
  const Lang lang = c.lang;
  TextTable sum;
  sum.header = {tr(lang, "Scope", "范围"), "p", "KMO", tr(lang, "Bartlett p", "Bartlett p"), tr(lang, "PC1 %", "PC1 %"),
                tr(lang, "Kaiser", "Kaiser"), tr(lang, "Parallel (95%)", "平行分析(95%)"),
                tr(lang, "Parallel (mean)", "平行分析(均值)"), "CR", "AVE", tr(lang, "sqrt(AVE) > r", "sqrt(AVE) > r")};
  sum.right_align = {false, true, true, true, true, true, true, true, true, true, false};
  for (const auto* s : c.scopes) {
    std::string cr = "", ave = "", fl = "";
    if (r.convergent_computed && !s->id.empty())
      for (std::size_t f = 0; f < r.convergent.blocks.size(); ++f)
        if (r.convergent.blocks[f].name == s->id) {
          cr = num_verdict(r.convergent.blocks[f].cr, 3, c.vt.judge("cr", r.convergent.blocks[f].cr), lang);
          ave = num_verdict(r.convergent.blocks[f].ave, 3, c.vt.judge("ave", r.convergent.blocks[f].ave), lang);
          fl = r.convergent.fornell_larcker_ok[f] ? tr(lang, "yes", "是") : tr(lang, "NO", "否");
        }
    const std::string bart = s->bartlett ? c.pfmt(s->bartlett->p_value) + " " +
                                               c.vt.judge("bartlett_p", s->bartlett->p_value)->label(lang)
                                         : "NA";
    sum.rows.push_back({c.dim_label(s->id), std::to_string(s->columns.size()),
                        num_verdict(s->kmo.msa, 3, c.vt.judge("kmo", s->kmo.msa), lang), bart,
                        num(100 * s->pca.proportion(0), 1), std::to_string(s->pca.kaiser_count),
                        std::to_string(s->parallel.n_components), std::to_string(s->parallel.n_components_mean), cr,
                        ave, fl});
  }
  return sum;
}

// 2. Eigenvalues with parallel-analysis thresholds.
TextTable eigen_table(const Ctx& c) {
  const Lang lang = c.lang;
  TextTable eig;
  eig.header = {tr(lang, "Scope", "范围"), tr(lang, "Component", "成分"), tr(lang, "Eigenvalue", "特征值"), "%",
                tr(lang, "Cumulative %", "累计 %"), tr(lang, "Random mean", "随机均值"), tr(lang, "Random 95%", "随机 95%")};
  eig.right_align = {false, true, true, true, true, true, true};
  for (const auto* s : c.scopes)
    for (Eigen::Index k = 0; k < s->pca.eigenvalues.size(); ++k)
      eig.rows.push_back({c.dim_label(s->id), std::to_string(k + 1), num(s->pca.eigenvalues(k), 3),
                          num(100 * s->pca.proportion(k), 1), num(100 * s->pca.cumulative(k), 1),
                          num(s->parallel.simulated_mean(k), 3), num(s->parallel.simulated_quantile(k), 3)});
  return eig;
}

// 3. Whole-system varimax loadings vs declared dimensions.
TextTable loadings_table(const Ctx& c) {
  const auto& r = c.r;
  const Lang lang = c.lang;
  const Eigen::MatrixXd& L = r.system_varimax.loadings;
  TextTable lt;
  lt.header = {tr(lang, "Indicator", "指标"), tr(lang, "Declared", "所属维度")};
  for (Eigen::Index k = 0; k < L.cols(); ++k) lt.header.push_back(fmt::format("RC{}", k + 1));
  lt.header.push_back(tr(lang, "Highest", "最高载荷"));
  lt.header.push_back(tr(lang, "Matches", "一致"));
  lt.right_align.assign(lt.header.size(), true);
  lt.right_align[0] = lt.right_align[1] = false;
  for (Eigen::Index j = 0; j < L.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    const Node& leaf = c.spec.tree.node(c.spec.tree.leaves()[uj]);
    std::vector<std::string> row = {leaf.label.get(lang, leaf.id),
                                    c.dim_label(c.dim_ids[static_cast<std::size_t>(r.declared_dimension[uj])])};
    for (Eigen::Index k = 0; k < L.cols(); ++k) row.push_back(num(L(j, k), 3));
    row.push_back(fmt::format("RC{}", r.highest_component[uj] + 1));
    row.push_back(r.matches_declared[uj] ? tr(lang, "yes", "是") : tr(lang, "NO", "否"));
    lt.rows.push_back(row);
  }
  return lt;
}

// 4. HTMT (upper triangle) and HTMT2 (lower triangle).
TextTable htmt_table(const Ctx& c) {
  const auto& r = c.r;
  const Lang lang = c.lang;
  TextTable ht;
  if (!r.convergent_computed) return ht;
  ht.header = {tr(lang, "HTMT \\ HTMT2", "HTMT \\ HTMT2")};
  for (const auto& b : r.convergent.blocks) ht.header.push_back(c.dim_label(b.name));
  ht.right_align.assign(ht.header.size(), true);
  ht.right_align[0] = false;
  const auto nb = static_cast<Eigen::Index>(r.convergent.blocks.size());
  for (Eigen::Index f = 0; f < nb; ++f) {
    std::vector<std::string> row = {c.dim_label(r.convergent.blocks[static_cast<std::size_t>(f)].name)};
    for (Eigen::Index g = 0; g < nb; ++g)
      row.push_back(f == g  ? ""
                    : f < g ? num_verdict(r.convergent.htmt(f, g), 3, c.vt.judge("htmt", r.convergent.htmt(f, g)), lang)
                            : num(r.convergent.htmt2(f, g), 3));
    ht.rows.push_back(row);
  }
  return ht;
}

// 5. Indicators vs dimension scores (own dimension with and without the indicator).
TextTable item_dimension_table(const Ctx& c) {
  const ItemDimensionCheck& idc = c.r.item_dimension;
  const Lang lang = c.lang;
  TextTable it;
  it.header = {tr(lang, "Indicator", "指标"), tr(lang, "Dimension", "所属维度"), tr(lang, "r (own)", "r(本维度)"),
               tr(lang, "r (own, item dropped)", "r(本维度,剔除该指标)"), "p", tr(lang, "Highest other", "最高的其他维度"),
               tr(lang, "r (other)", "r(其他)"), tr(lang, "Flag", "提示")};
  it.right_align = {false, false, true, true, true, false, true, false};
  for (Eigen::Index j = 0; j < idc.r.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    const Node& leaf = c.spec.tree.node(c.spec.tree.leaves()[uj]);
    const int own = idc.own[uj], other = idc.best_other[uj];
    std::string flag;
    if (idc.other_higher[uj]) flag += tr(lang, "other dimension higher; ", "与其他维度相关更高；");
    if (idc.negative[uj]) flag += tr(lang, "negative; ", "负相关；");
    else if (idc.not_significant[uj]) flag += tr(lang, "not significant; ", "不显著；");
    if (!flag.empty()) flag.resize(flag.size() - (lang == Lang::Zh ? 3 : 2));
    it.rows.push_back({leaf.label.get(lang, leaf.id), c.dim_label(idc.dimensions[static_cast<std::size_t>(own)]),
                       num(idc.r(j, own), 3), num(idc.r_own_drop(j), 3), c.pfmt(idc.p_own_drop(j)),
                       other >= 0 ? c.dim_label(idc.dimensions[static_cast<std::size_t>(other)]) : "",
                       other >= 0 ? num(idc.r(j, other), 3) : "", flag});
  }
  return it;
}

// Dimension-score correlations, lower triangle r, upper triangle p.
TextTable dimension_scores_table(const Ctx& c) {
  const ItemDimensionCheck& idc = c.r.item_dimension;
  TextTable sc;
  sc.header = {tr(c.lang, "r \\ p", "r \\ p")};
  for (const auto& d : idc.dimensions) sc.header.push_back(c.dim_label(d));
  sc.right_align.assign(sc.header.size(), true);
  sc.right_align[0] = false;
  for (Eigen::Index a = 0; a < idc.score_r.rows(); ++a) {
    std::vector<std::string> row = {c.dim_label(idc.dimensions[static_cast<std::size_t>(a)])};
    for (Eigen::Index b = 0; b < idc.score_r.cols(); ++b)
      row.push_back(a == b ? "1" : a > b ? num(idc.score_r(a, b), 3) : c.pfmt(idc.score_p(a, b)));
    sc.rows.push_back(row);
  }
  return sc;
}

// 6. Criterion validity.
TextTable criterion_table(const Ctx& c, const std::vector<CriterionCorrelation>& crit) {
  const Lang lang = c.lang;
  TextTable ct;
  ct.header = {tr(lang, "Criterion", "效标"), tr(lang, "Score", "得分"), "n", "Pearson r", "95% CI", "p",
               "Spearman rho", tr(lang, "95% CI (Bonett-Wright)", "95% CI（Bonett-Wright）"), "p",
               tr(lang, "Verdict (Pearson)", "评价(Pearson)")};
  ct.right_align = {false, false, true, true, true, true, true, true, true, false};
  auto crit_label = [&](const std::string& col) {
    for (const auto& x : c.spec.criteria)
      if (x.column == col) return x.label.get(lang, col);
    return col;
  };
  auto ci = [](const CorrelationTest& t) { return fmt::format("[{}, {}]", num(t.lower, 3), num(t.upper, 3)); };
  for (const auto& x : crit) {
    const auto v = c.vt.judge("criterion_r", x.pearson.r);
    ct.rows.push_back({crit_label(x.criterion),
                       x.score == c.spec.id ? c.spec.label.get(lang, c.spec.id) : c.dim_label(x.score),
                       std::to_string(x.pearson.n), num(x.pearson.r, 3), ci(x.pearson), c.pfmt(x.pearson.p_value),
                       num(x.spearman.r, 3), ci(x.spearman), c.pfmt(x.spearman.p_value), v ? v->text(lang) : ""});
  }
  return ct;
}

nlohmann::json scopes_json(const Ctx& c) {
  const VerdictTable& vt = c.vt;
  nlohmann::json jscopes = nlohmann::json::array();
  for (const auto* s : c.scopes) {
    nlohmann::json ind = nlohmann::json::array();
    for (const auto col : s->columns) ind.push_back(c.leaf_id(col));
    const nlohmann::json bartlett =
        s->bartlett ? nlohmann::json{{"chi_square", json_num(s->bartlett->chi_square)},
                                     {"df", json_num(s->bartlett->df)},
                                     {"p_value", json_num(s->bartlett->p_value)},
                                     {"n", s->bartlett->n},
                                     {"verdict", json_verdict(vt.judge("bartlett_p", s->bartlett->p_value))}}
                    : nlohmann::json(nullptr);
    jscopes.push_back({{"dimension", s->id.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->id)},
                       {"indicators", ind},
                       {"eigenvalues", vec_json(s->pca.eigenvalues)},
                       {"proportion", vec_json(s->pca.proportion)},
                       {"kaiser_count", s->pca.kaiser_count},
                       {"rcond", json_num(s->pca.rcond)},
                       {"kmo", kmo_json(s->kmo, vt)},
                       {"bartlett", bartlett},
                       {"parallel",
                        {{"simulated_mean", vec_json(s->parallel.simulated_mean)},
                         {"simulated_quantile", vec_json(s->parallel.simulated_quantile)},
                         {"resampled_quantile", vec_json(s->parallel.resampled_quantile)},
                         {"n_components", s->parallel.n_components},
                         {"n_components_mean", s->parallel.n_components_mean},
                         {"n_components_resampled", s->parallel.n_components_resampled}}}});
  }
  return jscopes;
}

nlohmann::json varimax_json(const Ctx& c) {
  const auto& r = c.r;
  const Eigen::MatrixXd& L = r.system_varimax.loadings;
  nlohmann::json jl = nlohmann::json::array();
  for (Eigen::Index j = 0; j < L.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    jl.push_back({{"indicator", c.leaf_id(j)},
                  {"declared", c.dim_ids[static_cast<std::size_t>(r.declared_dimension[uj])]},
                  {"loadings", vec_json(L.row(j).transpose())},
                  {"highest_component", r.highest_component[uj] + 1},
                  {"matches_declared", static_cast<bool>(r.matches_declared[uj])}});
  }
  return {{"components", L.cols()}, {"converged", r.system_varimax.converged}, {"indicators", jl}};
}

nlohmann::json convergent_json(const Ctx& c) {
  const auto& cv = c.r.convergent;
  const VerdictTable& vt = c.vt;
  nlohmann::json jb = nlohmann::json::array();
  for (std::size_t f = 0; f < cv.blocks.size(); ++f) {
    const auto& b = cv.blocks[f];
    jb.push_back({{"dimension", b.name}, {"loadings", vec_json(b.loadings)}, {"cr", json_num(b.cr)},
                  {"cr_verdict", json_verdict(vt.judge("cr", b.cr))}, {"ave", json_num(b.ave)},
                  {"ave_verdict", json_verdict(vt.judge("ave", b.ave))},
                  {"fornell_larcker_ok", static_cast<bool>(cv.fornell_larcker_ok[f])}});
  }
  nlohmann::json hv = nlohmann::json::array();
  for (Eigen::Index f = 0; f < cv.htmt.rows(); ++f) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index g = 0; g < cv.htmt.cols(); ++g)
      row.push_back(f == g ? nlohmann::json(nullptr) : json_verdict(vt.judge("htmt", cv.htmt(f, g))));
    hv.push_back(row);
  }
  return {{"dimensions", jb},
          {"score_correlation", mat_json(cv.score_correlation)},
          {"htmt", mat_json(cv.htmt)},
          {"htmt_verdict", hv},
          {"htmt2", mat_json(cv.htmt2)}};
}

nlohmann::json item_dimension_json(const Ctx& c, double significance) {
  const ItemDimensionCheck& idc = c.r.item_dimension;
  nlohmann::json ji = nlohmann::json::array();
  for (Eigen::Index j = 0; j < idc.r.rows(); ++j) {
    const auto uj = static_cast<std::size_t>(j);
    nlohmann::json n = nlohmann::json::array();
    for (Eigen::Index d = 0; d < idc.n.cols(); ++d) n.push_back(idc.n(j, d));
    ji.push_back({{"indicator", c.leaf_id(j)},
                  {"dimension", idc.dimensions[static_cast<std::size_t>(idc.own[uj])]},
                  {"r", vec_json(idc.r.row(j).transpose())},
                  {"p_value", vec_json(idc.p_value.row(j).transpose())},
                  {"n", n},
                  {"r_own_drop", json_num(idc.r_own_drop(j))},
                  {"p_own_drop", json_num(idc.p_own_drop(j))},
                  {"n_own_drop", idc.n_own_drop(j)},
                  {"best_other", idc.best_other[uj] >= 0
                                     ? nlohmann::json(idc.dimensions[static_cast<std::size_t>(idc.best_other[uj])])
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
  return {{"dimensions", idc.dimensions},
          {"significance", significance},
          {"indicators", ji},
          {"score_correlation", {{"r", mat_json(idc.score_r)}, {"p_value", mat_json(idc.score_p)}, {"n", sn}}}};
}

nlohmann::json criterion_json(const Ctx& c, const std::vector<CriterionCorrelation>& crit) {
  nlohmann::json jc = nlohmann::json::array();
  auto test_json = [](const CorrelationTest& t) {
    return nlohmann::json{{"r", json_num(t.r)}, {"lower", json_num(t.lower)}, {"upper", json_num(t.upper)},
                          {"p_value", json_num(t.p_value)}, {"n", t.n}};
  };
  for (const auto& x : crit)
    jc.push_back({{"criterion", x.criterion},
                  {"score", x.score},
                  {"pearson", test_json(x.pearson)},
                  {"spearman", test_json(x.spearman)},
                  {"verdict", json_verdict(c.vt.judge("criterion_r", x.pearson.r))}});
  return jc;
}

}  // namespace

ValidityRun run_validity(const ValidityOptions& o) {
  if (o.replicates < 2)
    throw InvalidInput(fmt::format("run_validity: replicates is {}, but must be >= 2", o.replicates));
  ValidityRun run;
  run.spec = read_spec_with(o.spec);
  const Spec& spec = run.spec;
  const Dataset data = load_data(spec);
  const Dataset criteria = spec.criteria.empty() ? Dataset{} : load_criteria(spec);  // errors before the work
  run.n_units = data.n_units();
  run.n_indicators = data.n_indicators();
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
  run.structure = structure_validity(data, spec.tree, so);
  run.criteria = criterion_results(spec, data, criteria);
  run.warnings = data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.warnings.insert(run.warnings.end(), run.structure.warnings.begin(), run.structure.warnings.end());

  Ctx c{spec, data.indicator_ids, run.structure, o.lang, vt, {}, {}};
  for (const auto& d : run.structure.dimensions) c.scopes.push_back(&d);
  c.scopes.push_back(&run.structure.system);
  for (const auto& n : spec.tree.node(spec.tree.root()).children) c.dim_ids.push_back(spec.tree.node(n).id);
  ValidityTables& t = run.tables;
  t.summary = summary_table(c);
  t.eigenvalues = eigen_table(c);
  t.loadings = loadings_table(c);
  t.htmt = htmt_table(c);
  t.item_dimension = item_dimension_table(c);
  t.dimension_scores = dimension_scores_table(c);
  t.criterion = criterion_table(c, run.criteria);

  nlohmann::json& doc = run.doc;
  doc = json_header("validity", spec);
  doc["options"] = {{"correlation", o.listwise ? "listwise" : "pairwise"},
                    {"parallel_replicates", o.replicates},
                    {"parallel_seed", o.seed},
                    {"parallel_quantile", so.parallel.quantile}};
  doc["scopes"] = scopes_json(c);
  doc["varimax"] = varimax_json(c);
  if (run.structure.convergent_computed) doc["convergent"] = convergent_json(c);
  doc["item_dimension"] = item_dimension_json(c, so.significance);
  doc["criterion"] = criterion_json(c, run.criteria);
  nlohmann::json jt = nlohmann::json::object();
  for (const auto& rule : vt.rules()) jt[rule.statistic] = rule.describe(Lang::En);
  doc["thresholds"] = jt;
  doc["warnings"] = run.warnings;

  run.outputs = OutputSet(o.out);
  run.outputs.add("validity_summary.csv", t.summary.csv());
  run.outputs.add("validity_eigenvalues.csv", t.eigenvalues.csv());
  run.outputs.add("validity_loadings.csv", t.loadings.csv());
  if (run.structure.convergent_computed) run.outputs.add("validity_htmt.csv", t.htmt.csv());
  run.outputs.add("validity_item_dimension.csv", t.item_dimension.csv());
  run.outputs.add("validity_dimension_scores.csv", t.dimension_scores.csv());
  if (!run.criteria.empty()) run.outputs.add("validity_criterion.csv", t.criterion.csv());
  run.outputs.add("validity.json", doc.dump(2) + "\n");
  return run;
}

}  // namespace cikit::pipeline
