// cikit compare SPEC: the index under several weighting (× normalisation × aggregation)
// schemes side by side: ranks, rank correlations, rank shifts against a reference scheme,
// top-N overlap, the units that move most; --stability adds bootstrap stability of weights
// and ranks per scheme. The pipeline is methods/pipeline/compare (pipeline::run_compare); this
// file parses, renders and writes.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/compare.hpp"
#include "methods/report/compare_tables.hpp"

namespace cikit::cli {

namespace {

struct CompareCli {
  CommonOptions common;
  pipeline::CompareRunOptions run;  // spec and out are set from `common`
};

/// Per scheme against the reference: rho, tau, rank shifts, top-N overlap.
void print_summary(const CompareResult& r, Lang lang) {
  TextTable t;
  t.header = {tr(lang, "Scheme", "方案"), "rho", "tau", tr(lang, "mean|shift|", "平均|位次变动|"),
              tr(lang, "max|shift|", "最大|位次变动|"), tr(lang, "top-N overlap", "前N重合")};
  t.right_align = {false, true, true, true, true, true};
  const auto rf = static_cast<Eigen::Index>(r.reference);
  for (std::size_t s = 0; s < r.schemes.size(); ++s) {
    const auto e = static_cast<Eigen::Index>(s);
    t.rows.push_back({report::scheme_label(r.schemes[s].name, lang), num(r.spearman(e, rf), 3), num(r.kendall(e, rf), 3),
                      num(r.mean_abs_shift(e), 2), std::to_string(r.max_abs_shift(e)), num(r.top_overlap(e), 2)});
  }
  std::cout << t.render();
}

/// The scheme x scheme Spearman or Kendall matrix.
void print_correlations(const CompareResult& r, bool kendall, Lang lang) {
  TextTable m;
  m.header = {kendall ? "Kendall tau-b" : "Spearman rho"};
  m.right_align = {false};
  for (const auto& s : r.schemes) {
    m.header.push_back(report::scheme_label(s.name, lang));
    m.right_align.push_back(true);
  }
  const auto S = r.schemes.size();
  for (std::size_t a = 0; a < S; ++a) {
    std::vector<std::string> row{report::scheme_label(r.schemes[a].name, lang)};
    for (std::size_t b = 0; b < S; ++b)
      row.push_back(num((kendall ? r.kendall : r.spearman)(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)), 3));
    m.rows.push_back(std::move(row));
  }
  std::cout << "\n" << m.render();
}

void print_movers(const CompareResult& r, const Dataset& data, Lang lang) {
  TextTable mt;
  mt.header = {tr(lang, "Unit", "单位"), tr(lang, "Ref. rank", "参照位次"), tr(lang, "Best", "最好"),
               tr(lang, "Worst", "最差"), tr(lang, "Max |shift|", "最大变动"), tr(lang, "Scheme", "方案")};
  mt.right_align = {false, true, true, true, true, false};
  for (const auto& m : r.movers)
    mt.rows.push_back({data.unit_name(m.unit, lang == Lang::Zh ? "zh" : "en"), std::to_string(m.reference_rank),
                       std::to_string(m.best_rank), std::to_string(m.worst_rank), std::to_string(m.max_shift),
                       report::scheme_label(r.schemes[static_cast<std::size_t>(m.max_shift_scheme)].name, lang)});
  std::cout << tr(lang, "\nUnits whose rank moves most\n", "\n位次变动最大的单位\n") << mt.render();
}

void print_stability(const std::vector<SchemeStability>& stab, const pipeline::CompareRunOptions& o, Lang lang) {
  TextTable st;
  st.header = {tr(lang, "Scheme", "方案"), tr(lang, "Replicates", "重抽样次数"), tr(lang, "mean SD(w)", "权重平均标准差"),
               tr(lang, "max SD(w)", "权重最大标准差"), tr(lang, "mean rank-interval width", "平均位次区间宽度")};
  st.right_align = {false, true, true, true, true};
  for (const auto& s : stab) {
    const Eigen::Index m = s.sd.size();
    const Eigen::VectorXd sd = s.sd.tail(m - 1);  // root (index 0) has weight 1
    st.rows.push_back({report::scheme_label(s.name, lang), std::to_string(s.replicates_used), num(sd.mean(), 4), num(sd.maxCoeff(), 4),
                       num(s.ranks.mean_interval_width, 2)});
  }
  std::cout << trf(lang, "\nBootstrap stability over units ({} replicates, seed {}; 95% intervals; per-node "
                         "weights and per-unit rank intervals: --out or --format json)\n",
                   "\n单位自助重抽样稳定性（{} 次，种子 {}；95% 区间；各节点权重与各单位位次区间见 --out 或 --format json）\n",
                   o.replicates, o.seed)
            << st.render();
}

void print_table(const pipeline::CompareRun& run, const pipeline::CompareRunOptions& o, Lang lang) {
  const CompareResult& r = run.result;
  std::cout << trf(lang, "{} units; {} schemes; reference: {}; top-N: {}\n", "{} 个单位；{} 种方案；参照方案：{}；前 N 名：{}\n",
                   run.data.n_units(), r.schemes.size(),
                   report::scheme_label(r.schemes[static_cast<std::size_t>(r.reference)].name, lang), r.top);
  print_summary(r, lang);
  for (const bool kendall : {false, true}) print_correlations(r, kendall, lang);
  if (!r.movers.empty()) print_movers(r, run.data, lang);
  if (o.stability) print_stability(run.stability, o, lang);
}

void run_compare_cli(const CompareCli& o) {
  pipeline::CompareRunOptions po = o.run;
  po.spec = o.common.spec;
  po.out = o.common.out;
  const pipeline::CompareRun run = pipeline::run_compare(po);
  if (o.common.format == "json") std::cout << run.json.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.csv;
  else print_table(run, po, o.common.language());
  const Lang lang = o.common.language();
  print_warnings("compare", report::localised_compare_warnings(run.warnings, run.result, run.spec.tree, &run.data, lang),
                 lang);
  run.files.write();
}

}  // namespace

void setup_compare(CLI::App& app) {
  auto opt = std::make_shared<CompareCli>();
  auto* sub = app.add_subcommand(
      "compare", "The index under several weighting (x normalisation x aggregation) schemes: ranks, Spearman and "
                 "Kendall correlations, rank shifts against a reference scheme, top-N overlap, units that move "
                 "most; --stability adds bootstrap stability of weights and ranks per scheme");
  add_common_options(*sub, opt->common);
  add_method_list_option(*sub, "--methods", opt->run.methods, weight_methods(),
                         "Weighting methods to compare (comma-separated); default: every method the spec allows");
  add_method_list_option(*sub, "--normalize", opt->run.normalize, normalize_methods(),
                         "Normalisations to cross with the weights; default: the spec's");
  add_method_list_option(*sub, "--aggregate", opt->run.aggregate, aggregate_methods(),
                         "Aggregations to cross with the weights; default: the spec's");
  sub->add_option("--reference", opt->run.reference, "Reference scheme (by name, e.g. equal); default: the spec's own scheme (its methods: weights, "
                  "normalize, aggregate, as the index and the appendix use), else the first with a warning");
  sub->add_option("--top", opt->run.top, "N of the top-N overlap")->check(CLI::Range(1, 1000000))->capture_default_str();
  sub->add_option("--movers", opt->run.movers, "Units whose rank moves most to list")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  sub->add_flag("--stability", opt->run.stability, "Bootstrap over units: SD/CV/percentile interval of each weight and "
                                               "rank intervals per scheme");
  sub->add_option("--replicates,-B", opt->run.replicates, "Bootstrap replicates of --stability")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  sub->add_option("--seed", opt->run.seed, "Master seed of the bootstrap streams")->capture_default_str();
  sub->add_option("--threads", opt->run.threads, "OpenMP threads (0 = default); results do not depend on it")
      ->capture_default_str();
  sub->callback([opt] { run_compare_cli(*opt); });
}

}  // namespace cikit::cli
