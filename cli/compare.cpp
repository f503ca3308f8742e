// cikit compare SPEC: the index under several weighting (× normalisation × aggregation)
// schemes side by side: ranks, rank correlations, rank shifts against a reference scheme,
// top-N overlap, the units that move most; --stability adds bootstrap stability of weights
// and ranks per scheme.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/compare/compare.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::cli {

namespace {

struct CompareOptionsCli {
  CommonOptions common;
  std::vector<std::string> methods, normalize, aggregate;
  std::string reference;  // "" = first scheme
  int top = 10;
  int movers = 10;
  bool stability = false;
  int replicates = 200;
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;
};


void run_compare(const CompareOptionsCli& o) {
  const Spec spec = read_spec(o.common.spec);
  const IndicatorTree& tree = spec.tree;
  const Lang lang = o.common.language();
  Judgments judgments;
  WeightInputs inputs;
  const std::vector<WeightMethod> methods =
      select_weight_methods(spec, parse_method_list(weight_methods(), o.methods), inputs, judgments);
  const std::vector<CompareScheme> schemes =
      compare_schemes(spec.config, methods, parse_method_list(normalize_methods(), o.normalize),
                      parse_method_list(aggregate_methods(), o.aggregate));
  CompareOptions co;
  co.top = o.top;
  co.movers = o.movers;
  if (!o.reference.empty()) {
    co.reference = -1;
    std::string names;
    for (std::size_t s = 0; s < schemes.size(); ++s) {
      if (schemes[s].name == o.reference) co.reference = static_cast<int>(s);
      names += (s ? ", " : "") + schemes[s].name;
    }
    if (co.reference < 0)
      throw InvalidInput(fmt::format("compare: --reference '{}' is not one of the schemes ({})", o.reference, names));
  }
  const Dataset data = load_data(spec);
  const CompareResult r = compare_index(data, tree, schemes, inputs, co);
  const auto S = r.schemes.size();
  const Eigen::Index n = data.n_units();
  const auto& ref = r.schemes[static_cast<std::size_t>(r.reference)];

  // Files and JSON.
  TextTable scores;  // wide: one row per unit
  scores.header = {"unit_id", "name_zh", "name_en"};
  for (const auto& s : r.schemes) {
    scores.header.push_back("score:" + s.name);
    scores.header.push_back("rank:" + s.name);
  }
  for (Eigen::Index u = 0; u < n; ++u) {
    std::vector<std::string> row{data.unit_ids[static_cast<std::size_t>(u)], data.unit_name(u, "zh"),
                                 data.unit_name(u, "en")};
    for (const auto& s : r.schemes) {
      row.push_back(num_full(s.score(u)));
      row.push_back(std::to_string(s.rank(u)));
    }
    scores.rows.push_back(std::move(row));
  }
  TextTable summary;
  summary.header = {"scheme", "weights", "normalize", "aggregate", "spearman_vs_reference", "kendall_vs_reference",
                    "mean_abs_rank_shift", "max_abs_rank_shift", "top_n_overlap"};
  TextTable corr;
  corr.header = {"scheme_a", "scheme_b", "spearman", "kendall"};
  nlohmann::json js = nlohmann::json::array();
  for (std::size_t s = 0; s < S; ++s) {
    const auto& sc = r.schemes[s];
    const auto e = static_cast<Eigen::Index>(s);
    const auto rf = static_cast<Eigen::Index>(r.reference);
    const std::string w(method_info(weight_methods(), sc.config.weights).name);
    const std::string nm(method_info(normalize_methods(), sc.config.normalize).name);
    const std::string ag(method_info(aggregate_methods(), sc.config.aggregate).name);
    summary.rows.push_back({sc.name, w, nm, ag, num_full(r.spearman(e, rf)), num_full(r.kendall(e, rf)),
                            num_full(r.mean_abs_shift(e)), std::to_string(r.max_abs_shift(e)), num_full(r.top_overlap(e))});
    for (std::size_t t = 0; t < S; ++t)
      if (t > s)
        corr.rows.push_back({sc.name, r.schemes[t].name, num_full(r.spearman(e, static_cast<Eigen::Index>(t))),
                             num_full(r.kendall(e, static_cast<Eigen::Index>(t)))});
    nlohmann::json units = nlohmann::json::array();
    for (Eigen::Index u = 0; u < n; ++u)
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
  auto matrix_json = [&](const Eigen::MatrixXd& m) {
    nlohmann::json a = nlohmann::json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      nlohmann::json row = nlohmann::json::array();
      for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(json_num(m(i, j)));
      a.push_back(row);
    }
    return a;
  };
  TextTable movers;
  movers.header = {"unit_id", "reference_rank", "best_rank", "worst_rank", "max_abs_shift", "scheme_of_max_shift"};
  nlohmann::json jmov = nlohmann::json::array();
  for (const auto& m : r.movers) {
    const std::string& id = data.unit_ids[static_cast<std::size_t>(m.unit)];
    const std::string& sn = r.schemes[static_cast<std::size_t>(m.max_shift_scheme)].name;
    movers.rows.push_back({id, std::to_string(m.reference_rank), std::to_string(m.best_rank),
                           std::to_string(m.worst_rank), std::to_string(m.max_shift), sn});
    jmov.push_back({{"unit_id", id}, {"reference_rank", m.reference_rank}, {"best_rank", m.best_rank},
                    {"worst_rank", m.worst_rank}, {"max_abs_shift", m.max_shift}, {"scheme_of_max_shift", sn}});
  }
  nlohmann::json doc = json_header("compare", spec);
  doc["reference"] = ref.name;
  doc["top_n"] = r.top;
  nlohmann::json names = nlohmann::json::array();
  for (const auto& s : r.schemes) names.push_back(s.name);
  doc["scheme_names"] = names;
  doc["schemes"] = js;
  doc["spearman"] = matrix_json(r.spearman);
  doc["kendall"] = matrix_json(r.kendall);
  doc["movers"] = jmov;

  std::vector<std::string> warnings = r.warnings;
  std::vector<SchemeStability> stab;
  TextTable sw, sr;
  if (o.stability) {
    StabilityOptions so;
    so.replicates = o.replicates;
    so.seed = o.seed;
    so.threads = o.threads;
    stab = weight_stability(data, tree, schemes, inputs, so);
    sw.header = {"scheme", "node_id", "parent_id", "local_weight", "mean", "sd", "cv", "lower", "upper"};
    sr.header = {"scheme", "unit_id", "nominal_rank", "median_rank", "lower_rank", "upper_rank", "width"};
    nlohmann::json jst = nlohmann::json::array();
    for (const auto& st : stab) {
      nlohmann::json jw = nlohmann::json::array(), jr = nlohmann::json::array();
      for (int i : tree.preorder()) {
        if (i == tree.root()) continue;
        const Node& nd = tree.node(i);
        sw.rows.push_back({st.name, nd.id, tree.node(nd.parent).id, num_full(st.estimate(i)), num_full(st.mean(i)), num_full(st.sd(i)),
                           num_full(st.cv(i)), num_full(st.lower(i)), num_full(st.upper(i))});
        jw.push_back({{"node_id", nd.id}, {"local_weight", st.estimate(i)}, {"mean", st.mean(i)}, {"sd", st.sd(i)},
                      {"cv", json_num(st.cv(i))}, {"lower", st.lower(i)}, {"upper", st.upper(i)}});
      }
      for (Eigen::Index u = 0; u < n; ++u) {
        const double w = st.ranks.upper(u) - st.ranks.lower(u);
        sr.rows.push_back({st.name, data.unit_ids[static_cast<std::size_t>(u)], std::to_string(st.ranks.nominal(u)),
                           num_full(st.ranks.median(u)), num_full(st.ranks.lower(u)), num_full(st.ranks.upper(u)), num_full(w)});
        jr.push_back({{"unit_id", data.unit_ids[static_cast<std::size_t>(u)]}, {"nominal_rank", st.ranks.nominal(u)},
                      {"median_rank", json_num(st.ranks.median(u))}, {"lower_rank", json_num(st.ranks.lower(u))},
                      {"upper_rank", json_num(st.ranks.upper(u))}});
      }
      for (const auto& [b, why] : st.failures)
        warnings.push_back(fmt::format("scheme {}: bootstrap replicate {} failed: {}", st.name, b + 1, why));
      jst.push_back({{"scheme", st.name},
                     {"replicates_used", st.replicates_used},
                     {"mean_rank_interval_width", st.ranks.mean_interval_width},
                     {"weights", jw},
                     {"ranks", jr}});
    }
    doc["stability"] = {{"replicates", o.replicates}, {"level", so.level}, {"seed", o.seed}, {"schemes", jst}};
  }
  doc["warnings"] = warnings;

  OutputSet out(o.common.out);
  out.add("compare_scores.csv", scores.csv());
  out.add("compare_summary.csv", summary.csv());
  out.add("compare_correlations.csv", corr.csv());
  out.add("compare_movers.csv", movers.csv());
  if (o.stability) {
    out.add("stability_weights.csv", sw.csv());
    out.add("stability_ranks.csv", sr.csv());
  }
  out.add("compare.json", doc.dump(2) + "\n");
  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << summary.csv();
  } else {
    std::cout << trf(lang, "{} units; {} schemes; reference: {}; top-N: {}\n", "{} 个单位；{} 种方案；参照方案：{}；前 N 名：{}\n",
                     n, S, ref.name, r.top);
    TextTable t;
    t.header = {tr(lang, "Scheme", "方案"), "rho", "tau", tr(lang, "mean|shift|", "平均|位次变动|"),
                tr(lang, "max|shift|", "最大|位次变动|"), tr(lang, "top-N overlap", "前N重合")};
    t.right_align = {false, true, true, true, true, true};
    const auto rf = static_cast<Eigen::Index>(r.reference);
    for (std::size_t s = 0; s < S; ++s) {
      const auto e = static_cast<Eigen::Index>(s);
      t.rows.push_back({r.schemes[s].name, num(r.spearman(e, rf), 3), num(r.kendall(e, rf), 3),
                        num(r.mean_abs_shift(e), 2), std::to_string(r.max_abs_shift(e)), num(r.top_overlap(e), 2)});
    }
    std::cout << t.render();
    for (const bool kendall : {false, true}) {
      TextTable m;
      m.header = {kendall ? "Kendall tau-b" : "Spearman rho"};
      m.right_align = {false};
      for (const auto& s : r.schemes) {
        m.header.push_back(s.name);
        m.right_align.push_back(true);
      }
      for (std::size_t a = 0; a < S; ++a) {
        std::vector<std::string> row{r.schemes[a].name};
        for (std::size_t b = 0; b < S; ++b)
          row.push_back(num((kendall ? r.kendall : r.spearman)(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)), 3));
        m.rows.push_back(std::move(row));
      }
      std::cout << "\n" << m.render();
    }
    if (!r.movers.empty()) {
      TextTable mt;
      mt.header = {tr(lang, "Unit", "单位"), tr(lang, "Ref. rank", "参照位次"), tr(lang, "Best", "最好"),
                   tr(lang, "Worst", "最差"), tr(lang, "Max |shift|", "最大变动"), tr(lang, "Scheme", "方案")};
      mt.right_align = {false, true, true, true, true, false};
      for (const auto& m : r.movers)
        mt.rows.push_back({data.unit_name(m.unit, lang == Lang::Zh ? "zh" : "en"), std::to_string(m.reference_rank),
                           std::to_string(m.best_rank), std::to_string(m.worst_rank), std::to_string(m.max_shift),
                           r.schemes[static_cast<std::size_t>(m.max_shift_scheme)].name});
      std::cout << tr(lang, "\nUnits whose rank moves most\n", "\n位次变动最大的单位\n") << mt.render();
    }
    if (o.stability) {
      TextTable st;
      st.header = {tr(lang, "Scheme", "方案"), tr(lang, "Replicates", "重抽样次数"), tr(lang, "mean SD(w)", "权重平均标准差"),
                   tr(lang, "max SD(w)", "权重最大标准差"), tr(lang, "mean rank-interval width", "平均位次区间宽度")};
      st.right_align = {false, true, true, true, true};
      for (const auto& s : stab) {
        const Eigen::Index m = s.sd.size();
        const Eigen::VectorXd sd = s.sd.tail(m - 1);  // root (index 0) has weight 1
        st.rows.push_back({s.name, std::to_string(s.replicates_used), num(sd.mean(), 4), num(sd.maxCoeff(), 4),
                           num(s.ranks.mean_interval_width, 2)});
      }
      std::cout << trf(lang, "\nBootstrap stability over units ({} replicates, seed {}; 95% intervals; per-node "
                             "weights and per-unit rank intervals: --out or --format json)\n",
                       "\n单位自助重抽样稳定性（{} 次，种子 {}；95% 区间；各节点权重与各单位位次区间见 --out 或 --format json）\n",
                       o.replicates, o.seed)
                << st.render();
    }
  }
  print_warnings("compare", warnings);
  out.write();
}

}  // namespace

void setup_compare(CLI::App& app) {
  auto opt = std::make_shared<CompareOptionsCli>();
  auto* sub = app.add_subcommand(
      "compare", "The index under several weighting (x normalisation x aggregation) schemes: ranks, Spearman and "
                 "Kendall correlations, rank shifts against a reference scheme, top-N overlap, units that move "
                 "most; --stability adds bootstrap stability of weights and ranks per scheme");
  add_common_options(*sub, opt->common);
  add_method_list_option(*sub, "--methods", opt->methods, weight_methods(),
                         "Weighting methods to compare (comma-separated); default: every method the spec allows");
  add_method_list_option(*sub, "--normalize", opt->normalize, normalize_methods(),
                         "Normalisations to cross with the weights; default: the spec's");
  add_method_list_option(*sub, "--aggregate", opt->aggregate, aggregate_methods(),
                         "Aggregations to cross with the weights; default: the spec's");
  sub->add_option("--reference", opt->reference, "Reference scheme (by name, e.g. equal); default: the first");
  sub->add_option("--top", opt->top, "N of the top-N overlap")->check(CLI::Range(1, 1000000))->capture_default_str();
  sub->add_option("--movers", opt->movers, "Units whose rank moves most to list")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  sub->add_flag("--stability", opt->stability, "Bootstrap over units: SD/CV/percentile interval of each weight and "
                                               "rank intervals per scheme");
  sub->add_option("--replicates,-B", opt->replicates, "Bootstrap replicates of --stability")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  sub->add_option("--seed", opt->seed, "Master seed of the bootstrap streams")->capture_default_str();
  sub->add_option("--threads", opt->threads, "OpenMP threads (0 = default); results do not depend on it")
      ->capture_default_str();
  sub->callback([opt] { run_compare(*opt); });
}

}  // namespace cikit::cli
