#include "methods/pipeline/compare.hpp"

#include <fmt/format.h>

#include "methods/compare/weights_report.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

std::string name_of(std::string_view n) { return std::string(n); }

/// The scheme built as the spec builds the index (its weights, normalisation and aggregation);
/// -1 when the compared schemes do not include it.
int spec_scheme(const std::vector<CompareScheme>& schemes, const IndexConfig& spec) {
  for (std::size_t s = 0; s < schemes.size(); ++s) {
    const IndexConfig& c = schemes[s].config;
    if (c.weights == spec.weights && c.normalize == spec.normalize && c.aggregate == spec.aggregate)
      return static_cast<int>(s);
  }
  return -1;
}

int reference_scheme(const std::vector<CompareScheme>& schemes, const std::string& reference, const IndexConfig& spec,
                     std::vector<std::string>& warnings) {
  if (reference.empty()) {
    const int own = spec_scheme(schemes, spec);
    if (own >= 0) return own;
    warnings.push_back(fmt::format("compare: the spec's own scheme ({}) is not among the compared schemes; the "
                                   "reference is the first, {}",
                                   name_of(method_info(weight_methods(), spec.weights).name), schemes.front().name));
    return 0;
  }
  int found = -1;
  std::string names;
  for (std::size_t s = 0; s < schemes.size(); ++s) {
    if (schemes[s].name == reference) found = static_cast<int>(s);
    names += (s ? ", " : "") + schemes[s].name;
  }
  if (found < 0) throw InvalidInput(fmt::format("compare: --reference '{}' is not one of the schemes ({})", reference, names));
  return found;
}

nlohmann::json matrix_json(const Eigen::MatrixXd& m) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(json_num(m(i, j)));
    a.push_back(row);
  }
  return a;
}

/// compare_scores.csv (wide: one row per unit).
TextTable scores_table(const CompareResult& r, const Dataset& data) {
  TextTable scores;
  scores.header = {"unit_id", "name_zh", "name_en"};
  for (const auto& s : r.schemes) {
    scores.header.push_back("score:" + s.name);
    scores.header.push_back("rank:" + s.name);
  }
  for (Eigen::Index u = 0; u < data.n_units(); ++u) {
    std::vector<std::string> row{data.unit_ids[static_cast<std::size_t>(u)], data.unit_name(u, "zh"),
                                 data.unit_name(u, "en")};
    for (const auto& s : r.schemes) {
      row.push_back(num_full(s.score(u)));
      row.push_back(std::to_string(s.rank(u)));
    }
    scores.rows.push_back(std::move(row));
  }
  return scores;
}

/// compare_summary.csv, compare_correlations.csv and the JSON schemes.
nlohmann::json scheme_tables(const CompareResult& r, const Dataset& data, const WeightInputs& inputs,
                             TextTable& summary, TextTable& corr) {
  summary.header = {"scheme", "weights", "normalize", "aggregate", "spearman_vs_reference", "kendall_vs_reference",
                    "mean_abs_rank_shift", "max_abs_rank_shift", "top_n_overlap"};
  corr.header = {"scheme_a", "scheme_b", "spearman", "kendall"};
  nlohmann::json js = nlohmann::json::array();
  const auto S = r.schemes.size();
  const auto rf = static_cast<Eigen::Index>(r.reference);
  for (std::size_t s = 0; s < S; ++s) {
    const auto& sc = r.schemes[s];
    const auto e = static_cast<Eigen::Index>(s);
    const std::string w = name_of(method_info(weight_methods(), sc.config.weights).name);
    const std::string nm = name_of(method_info(normalize_methods(), sc.config.normalize).name);
    const std::string ag = name_of(method_info(aggregate_methods(), sc.config.aggregate).name);
    summary.rows.push_back({sc.name, w, nm, ag, num_full(r.spearman(e, rf)), num_full(r.kendall(e, rf)),
                            num_full(r.mean_abs_shift(e)), std::to_string(r.max_abs_shift(e)), num_full(r.top_overlap(e))});
    for (std::size_t t = s + 1; t < S; ++t)
      corr.rows.push_back({sc.name, r.schemes[t].name, num_full(r.spearman(e, static_cast<Eigen::Index>(t))),
                           num_full(r.kendall(e, static_cast<Eigen::Index>(t)))});
    nlohmann::json units = nlohmann::json::array();
    for (Eigen::Index u = 0; u < data.n_units(); ++u)
      units.push_back({{"unit_id", data.unit_ids[static_cast<std::size_t>(u)]}, {"score", json_num(sc.score(u))},
                       {"rank", sc.rank(u)}});
    js.push_back({{"name", sc.name},
                  {"weights", w},
                  {"weights_variant", weight_variant_label(sc.config.weights, inputs)},
                  {"normalize", nm},
                  {"aggregate", ag},
                  {"spearman_vs_reference", json_num(r.spearman(e, rf))},
                  {"kendall_vs_reference", json_num(r.kendall(e, rf))},
                  {"mean_abs_rank_shift", r.mean_abs_shift(e)},
                  {"max_abs_rank_shift", r.max_abs_shift(e)},
                  {"top_n_overlap", r.top_overlap(e)},
                  {"units", units}});
  }
  return js;
}

/// compare_movers.csv and its JSON.
TextTable movers_table(const CompareResult& r, const Dataset& data, nlohmann::json& jmov) {
  TextTable movers;
  movers.header = {"unit_id", "reference_rank", "best_rank", "worst_rank", "max_abs_shift", "scheme_of_max_shift"};
  jmov = nlohmann::json::array();
  for (const auto& m : r.movers) {
    const std::string& id = data.unit_ids[static_cast<std::size_t>(m.unit)];
    const std::string& sn = r.schemes[static_cast<std::size_t>(m.max_shift_scheme)].name;
    movers.rows.push_back({id, std::to_string(m.reference_rank), std::to_string(m.best_rank),
                           std::to_string(m.worst_rank), std::to_string(m.max_shift), sn});
    jmov.push_back({{"unit_id", id}, {"reference_rank", m.reference_rank}, {"best_rank", m.best_rank},
                    {"worst_rank", m.worst_rank}, {"max_abs_shift", m.max_shift}, {"scheme_of_max_shift", sn}});
  }
  return movers;
}

/// One scheme's stability: rows of stability_weights.csv / stability_ranks.csv and its JSON.
nlohmann::json stability_json(const SchemeStability& st, const IndicatorTree& tree, const Dataset& data,
                              TextTable& sw, TextTable& sr) {
  nlohmann::json jw = nlohmann::json::array(), jr = nlohmann::json::array();
  for (int i : tree.preorder()) {
    if (i == tree.root()) continue;
    const Node& nd = tree.node(i);
    sw.rows.push_back({st.name, nd.id, tree.node(nd.parent).id, num_full(st.estimate(i)), num_full(st.mean(i)),
                       num_full(st.sd(i)), num_full(st.cv(i)), num_full(st.lower(i)), num_full(st.upper(i))});
    jw.push_back({{"node_id", nd.id}, {"local_weight", st.estimate(i)}, {"mean", st.mean(i)}, {"sd", st.sd(i)},
                  {"cv", json_num(st.cv(i))}, {"lower", st.lower(i)}, {"upper", st.upper(i)}});
  }
  for (Eigen::Index u = 0; u < data.n_units(); ++u) {
    const double w = st.ranks.upper(u) - st.ranks.lower(u);
    sr.rows.push_back({st.name, data.unit_ids[static_cast<std::size_t>(u)], std::to_string(st.ranks.nominal(u)),
                       num_full(st.ranks.median(u)), num_full(st.ranks.lower(u)), num_full(st.ranks.upper(u)),
                       num_full(w)});
    jr.push_back({{"unit_id", data.unit_ids[static_cast<std::size_t>(u)]}, {"nominal_rank", st.ranks.nominal(u)},
                  {"median_rank", json_num(st.ranks.median(u))}, {"lower_rank", json_num(st.ranks.lower(u))},
                  {"upper_rank", json_num(st.ranks.upper(u))}});
  }
  return {{"scheme", st.name},
          {"replicates_used", st.replicates_used},
          {"mean_rank_interval_width", st.ranks.mean_interval_width},
          {"weights", jw},
          {"ranks", jr}};
}

/// Runs the bootstrap stability and adds its JSON, files and warnings to `run`.
void add_stability(CompareRun& run, const std::vector<CompareScheme>& schemes, const WeightInputs& inputs,
                   const CompareRunOptions& o) {
  StabilityOptions so;
  so.replicates = o.replicates;
  so.seed = o.seed;
  so.threads = o.threads;
  run.stability = weight_stability(run.data, run.spec.tree, schemes, inputs, so);
  TextTable sw, sr;
  sw.header = {"scheme", "node_id", "parent_id", "local_weight", "mean", "sd", "cv", "lower", "upper"};
  sr.header = {"scheme", "unit_id", "nominal_rank", "median_rank", "lower_rank", "upper_rank", "width"};
  nlohmann::json jst = nlohmann::json::array();
  for (const auto& st : run.stability) {
    jst.push_back(stability_json(st, run.spec.tree, run.data, sw, sr));
    for (const auto& [b, why] : st.failures)
      run.warnings.push_back(fmt::format("scheme {}: bootstrap replicate {} failed: {}", st.name, b + 1, why));
  }
  run.json["stability"] = {{"replicates", o.replicates}, {"level", so.level}, {"seed", o.seed}, {"schemes", jst}};
  run.files.add("stability_weights.csv", sw.csv());
  run.files.add("stability_ranks.csv", sr.csv());
}

}  // namespace

CompareRun run_compare(const CompareRunOptions& o) {
  CompareRun run;
  run.spec = read_spec_with(o.spec);
  Judgments judgments;
  WeightInputs inputs;
  const std::vector<WeightMethod> methods =
      select_weight_methods(run.spec, method_list(weight_methods(), o.methods), inputs, judgments);
  const std::vector<CompareScheme> schemes =
      compare_schemes(run.spec.config, methods, method_list(normalize_methods(), o.normalize),
                      method_list(aggregate_methods(), o.aggregate));
  CompareOptions co;
  co.top = o.top;
  co.movers = o.movers;
  std::vector<std::string> reference_warnings;
  co.reference = reference_scheme(schemes, o.reference, run.spec.config, reference_warnings);
  run.data = load_data(run.spec);
  run.result = compare_index(run.data, run.spec.tree, schemes, inputs, co);
  const CompareResult& r = run.result;

  TextTable summary, corr;
  nlohmann::json& doc = run.json;
  doc = json_header("compare", run.spec);
  doc["reference"] = r.schemes[static_cast<std::size_t>(r.reference)].name;
  doc["top_n"] = r.top;
  nlohmann::json names = nlohmann::json::array();
  for (const auto& s : r.schemes) names.push_back(s.name);
  doc["scheme_names"] = names;
  doc["schemes"] = scheme_tables(r, run.data, inputs, summary, corr);
  doc["spearman"] = matrix_json(r.spearman);
  doc["kendall"] = matrix_json(r.kendall);
  nlohmann::json jmov;
  const TextTable movers = movers_table(r, run.data, jmov);
  doc["movers"] = jmov;
  doc["reference_is_spec_scheme"] = spec_scheme(schemes, run.spec.config) == r.reference;
  run.warnings = run.data.warnings;  // reading the data (Excel errors, denominators, ...)
  run.warnings.insert(run.warnings.end(), reference_warnings.begin(), reference_warnings.end());
  run.warnings.insert(run.warnings.end(), r.warnings.begin(), r.warnings.end());
  run.csv = summary.csv();
  run.files = OutputSet(o.out);
  run.files.add("compare_scores.csv", scores_table(r, run.data).csv());
  run.files.add("compare_summary.csv", run.csv);
  run.files.add("compare_correlations.csv", corr.csv());
  run.files.add("compare_movers.csv", movers.csv());
  if (o.stability) add_stability(run, schemes, inputs, o);
  doc["warnings"] = run.warnings;
  run.files.add("compare.json", doc.dump(2) + "\n");
  return run;
}

}  // namespace cikit::pipeline
