#include "methods/study/study_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "methods/core/csv.hpp"
#include "methods/report/render.hpp"
#include "methods/report/svg.hpp"
#include "methods/report/table.hpp"

namespace cikit {

namespace {

using report::Cell;
using Metric = std::function<double(const StudySummary&)>;

std::string g17(double v) { return std::isnan(v) ? std::string("NA") : fmt::format("{:.17g}", v); }

std::string method_cols(const StudyMethod& m) {
  return fmt::format("{},{},{}", method_info(normalize_methods(), m.normalize).name,
                     method_info(weight_methods(), m.weights).name, method_info(aggregate_methods(), m.aggregate).name);
}

const StudySummary& at(const StudyResult& r, int s, int k) {
  return r.summary[static_cast<std::size_t>(s) * r.methods.size() + static_cast<std::size_t>(k)];
}

/// Methods at the reference normalisation/aggregation (minmax/arithmetic if studied, else the
/// first method's), one per weighting method, in registry order.
std::vector<int> reference_methods(const StudyResult& r, std::string& label) {
  NormalizeMethod nm = r.methods.front().normalize;
  AggregateMethod am = r.methods.front().aggregate;
  for (const auto& m : r.methods)
    if (m.normalize == NormalizeMethod::MinMax) nm = m.normalize;
  for (const auto& m : r.methods)
    if (m.aggregate == AggregateMethod::Arithmetic) am = m.aggregate;
  std::vector<int> out;
  for (std::size_t k = 0; k < r.methods.size(); ++k)
    if (r.methods[k].normalize == nm && r.methods[k].aggregate == am) out.push_back(static_cast<int>(k));
  label = fmt::format("{} normalisation, {} aggregation", method_info(normalize_methods(), nm).name,
                      method_info(aggregate_methods(), am).name);
  return out;
}

struct MetricInfo {
  const char* key;
  const char* title;
  Metric get;
  int decimals;
  bool higher_better;
};

const std::vector<MetricInfo>& metrics() {
  static const std::vector<MetricInfo> m{
      {"spearman", "Spearman rho of the index with the true composite", [](const StudySummary& s) { return s.spearman; }, 3, true},
      {"kendall", "Kendall tau-b with the true composite", [](const StudySummary& s) { return s.kendall; }, 3, true},
      {"top10", "Top-10 hit rate", [](const StudySummary& s) { return s.top10; }, 2, true},
      {"weight_mae", "Mean absolute error of the global weights", [](const StudySummary& s) { return s.weight_mae; }, 4, false},
      {"weight_cv", "Bootstrap CV of the weights (mean over indicators)", [](const StudySummary& s) { return s.weight_cv; }, 3, false},
      {"rank_width", "Mean 5-95% bootstrap rank-interval width (positions)", [](const StudySummary& s) { return s.rank_width; }, 2, false},
      {"outlier_shift", "Mean |rank shift| after injected outliers (% of n)", [](const StudySummary& s) { return s.outlier_shift; }, 2, false},
  };
  return m;
}

Eigen::MatrixXd grid(const StudyResult& r, const std::vector<int>& methods, const Metric& f) {
  Eigen::MatrixXd v(static_cast<Eigen::Index>(methods.size()), static_cast<Eigen::Index>(r.scenarios.size()));
  for (std::size_t k = 0; k < methods.size(); ++k)
    for (std::size_t s = 0; s < r.scenarios.size(); ++s) {
      const StudySummary& sm = at(r, static_cast<int>(s), methods[k]);
      v(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(s)) =
          sm.n_ok > 0 ? f(sm) : std::numeric_limits<double>::quiet_NaN();
    }
  return v;
}

template <class F>
std::size_t distinct(const StudyResult& r, F key) {
  std::vector<int> v;
  for (const auto& m : r.methods) v.push_back(key(m));
  std::sort(v.begin(), v.end());
  return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
}

}  // namespace

std::string study_cells_csv(const StudyResult& r) {
  std::string out =
      "scenario,method,normalize,weights,aggregate,replicate,ok,weight_mae,spearman,kendall,top10,weight_cv,rank_width,"
      "outlier_shift,seconds,note\n";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const auto& c : r.cells) {
    const auto& m = r.methods[static_cast<std::size_t>(c.method)];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_quote(r.scenarios[static_cast<std::size_t>(c.scenario)].id),
                       csv_quote(m.name), method_cols(m), c.replicate, c.ok ? 1 : 0, g17(c.ok ? c.weight_mae : nan),
                       g17(c.ok ? c.spearman : nan), g17(c.ok ? c.kendall : nan), g17(c.ok ? c.top10 : nan),
                       g17(c.ok ? c.weight_cv : nan), g17(c.ok ? c.rank_width : nan), g17(c.ok ? c.outlier_shift : nan),
                       fmt::format("{:.6f}", c.ok ? c.seconds : nan), csv_quote(c.note));
  }
  return out;
}

std::string study_summary_csv(const StudyResult& r) {
  std::string out =
      "scenario,method,normalize,weights,aggregate,n_ok,weight_mae,spearman,spearman_sd,kendall,top10,weight_cv,"
      "rank_width,outlier_shift,seconds,note\n";
  for (const auto& s : r.summary) {
    const auto& m = r.methods[static_cast<std::size_t>(s.method)];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{:.6f},{}\n", csv_quote(r.scenarios[static_cast<std::size_t>(s.scenario)].id),
                       csv_quote(m.name), method_cols(m), s.n_ok, g17(s.weight_mae), g17(s.spearman), g17(s.spearman_sd),
                       g17(s.kendall), g17(s.top10), g17(s.weight_cv), g17(s.rank_width), g17(s.outlier_shift), s.seconds,
                       csv_quote(s.note));
  }
  return out;
}

std::string study_markdown(const StudyResult& r, const std::vector<std::string>& header) {
  const StudyOptions& o = r.options;
  std::string md;
  for (const auto& h : header) md += "- " + h + "\n";
  md += fmt::format(
      "- seed {}, {} replicates per scenario, {} bootstrap resamples per replicate, outlier injection: each cell with "
      "probability {} moved up by {} sd; AHP: {} simulated experts, log-ratio noise sd {}; min-max/goalposts range "
      "[{}, {}]; power mean of order r = {}\n- {} scenarios × {} methods ({} normalisations × {} weightings × {} "
      "aggregations); bootstrap stability (weight CV, rank width) {}\n\n",
      o.seed, o.replicates, o.bootstrap, o.inject_rate, o.inject_shift, o.ahp_experts, o.ahp_noise, o.range_lo,
      o.range_hi, o.power_order, r.scenarios.size(), r.methods.size(), distinct(r, [](const StudyMethod& m) { return static_cast<int>(m.normalize); }),
      distinct(r, [](const StudyMethod& m) { return static_cast<int>(m.weights); }),
      distinct(r, [](const StudyMethod& m) { return static_cast<int>(m.aggregate); }),
      o.stability_all ? "for every method"
                      : "for the core set only (normalisations minmax, zscore, goalposts × arithmetic, geometric, "
                        "harmonic means; every weighting), `stability: core`; NA for the other methods with data-driven weights");

  report::Table sc;
  sc.number = "M1";
  sc.title = "Scenarios";
  sc.header = {"id", "units", "dims × ind.", "loading", "corr.", "weight spread", "noise", "skewed (sdlog)",
               "outliers", "missing", "negative", "description"};
  for (const auto& s : r.scenarios) {
    const auto& so = s.options;
    sc.rows.push_back({Cell::txt(s.id), Cell::integer(so.units),
                       Cell::txt(fmt::format("{} × {}", so.dimensions, so.indicators_per_dimension)),
                       Cell::number(so.loading, 2), Cell::number(so.dimension_correlation, 2),
                       Cell::number(so.weight_spread, 2), Cell::number(so.noise, 2),
                       Cell::txt(fmt::format("{:.2f} ({:.2f})", so.skewed_share, so.skewness)),
                       Cell::number(so.outlier_rate, 3), Cell::number(so.missing_rate, 2),
                       Cell::number(so.negative_share, 2), Cell::txt(s.description)});
  }
  md += report::render_markdown(sc, report::PStyle::Apa) + "\n";

  // Overall: means over scenarios, methods that ran in every replicate of every scenario.
  report::Table all;
  all.number = "M2";
  all.title = "Every method, mean over scenarios (methods that ran in every replicate), by Spearman rho";
  all.header = {"method", "Spearman", "Kendall", "top-10", "weight MAE", "weight CV", "rank width", "outlier shift %",
                "ms per build"};
  std::vector<std::pair<double, std::vector<Cell>>> rows;
  std::vector<std::string> failed;
  const auto S = static_cast<int>(r.scenarios.size());
  for (std::size_t k = 0; k < r.methods.size(); ++k) {
    bool complete = true;
    std::vector<double> mean(8, 0.0);
    for (int s = 0; s < S; ++s) {
      const StudySummary& sm = at(r, s, static_cast<int>(k));
      if (sm.n_ok < o.replicates) {
        complete = false;
        // Pre-flight messages list every impossible combination; the first one says why.
        std::string why = sm.note;
        if (const auto cut = why.find("; (2) "); cut != std::string::npos) why = why.substr(0, cut) + "; …";
        failed.push_back(fmt::format("{} in {} ({} of {} replicates failed): {}", r.methods[k].name,
                                     r.scenarios[static_cast<std::size_t>(s)].id, o.replicates - sm.n_ok, o.replicates, why));
        break;
      }
      const double v[8] = {sm.spearman, sm.kendall, sm.top10, sm.weight_mae, sm.weight_cv, sm.rank_width, sm.outlier_shift,
                           1000 * sm.seconds};
      for (int q = 0; q < 8; ++q) mean[static_cast<std::size_t>(q)] += v[q] / S;
    }
    if (!complete) continue;
    rows.push_back({mean[0],
                    {Cell::txt(r.methods[k].name), Cell::number(mean[0], 3), Cell::number(mean[1], 3),
                     Cell::number(mean[2], 2), Cell::number(mean[3], 4), Cell::number(mean[4], 3),
                     Cell::number(mean[5], 2), Cell::number(mean[6], 2), Cell::number(mean[7], 2)}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& row : rows) all.rows.push_back(std::move(row.second));
  all.notes.push_back(
      "Spearman/Kendall/top-10: agreement with the true composite (higher is better). Weight MAE: mean |w_hat - w| of "
      "the global indicator weights. Weight CV and rank width: bootstrap over units (0 for weights that do not depend "
      "on the data; NA outside the bootstrap set). Outlier shift: mean absolute rank change after contamination, % of n. Time: one build_index(), "
      "mean over scenarios (machine-dependent; not deterministic).");
  md += report::render_markdown(all, report::PStyle::Apa) + "\n";

  std::string ref_label;
  const std::vector<int> ref = reference_methods(r, ref_label);
  std::vector<std::string> cols;
  for (const auto& s : r.scenarios) cols.push_back(s.id);
  int number = 3;
  for (const auto& mi : metrics()) {
    if (std::string(mi.key) == "kendall" || std::string(mi.key) == "top10") continue;
    const Eigen::MatrixXd g = grid(r, ref, mi.get);
    report::Table t;
    t.number = fmt::format("M{}", number++);
    t.title = fmt::format("{} by weighting method and scenario ({})", mi.title, ref_label);
    t.header = {"weights"};
    for (const auto& c : cols) t.header.push_back(c);
    for (std::size_t k = 0; k < ref.size(); ++k) {
      std::vector<Cell> row{Cell::txt(std::string(method_info(weight_methods(), r.methods[static_cast<std::size_t>(ref[k])].weights).name))};
      for (Eigen::Index s = 0; s < g.cols(); ++s) row.push_back(Cell::number(g(static_cast<Eigen::Index>(k), s), mi.decimals));
      t.rows.push_back(std::move(row));
    }
    md += report::render_markdown(t, report::PStyle::Apa) + "\n";
    md += fmt::format("![{}]({}.svg)\n\n", mi.title, mi.key);
  }
  md += "![Spearman rho, every method](spearman_all.svg)\n\n";
  if (!failed.empty()) {
    md += "Methods left out of Table M2 (the reason is cikit's own error message, the first of its list; "
          "summary.csv has the full text):\n\n";
    for (const auto& f : failed) md += "- " + f + "\n";
    md += "\n";
  }
  return md;
}

std::vector<std::pair<std::string, std::string>> study_svgs(const StudyResult& r) {
  std::string ref_label;
  const std::vector<int> ref = reference_methods(r, ref_label);
  std::vector<std::string> cols, ref_rows, all_rows;
  for (const auto& s : r.scenarios) cols.push_back(s.id);
  for (int k : ref) ref_rows.emplace_back(method_info(weight_methods(), r.methods[static_cast<std::size_t>(k)].weights).name);
  std::vector<int> every(r.methods.size());
  std::iota(every.begin(), every.end(), 0);
  for (const auto& m : r.methods) all_rows.push_back(m.name);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& mi : metrics()) {
    const std::string key = mi.key;
    if (key == "kendall" || key == "top10") continue;
    out.emplace_back(key + ".svg", report::table_heatmap_svg(fmt::format("{} ({})", mi.title, ref_label), ref_rows,
                                                             cols, grid(r, ref, mi.get), mi.decimals, mi.higher_better));
  }
  out.emplace_back("spearman_all.svg",
                   report::table_heatmap_svg("Spearman rho with the true composite, every method", all_rows, cols,
                                             grid(r, every, metrics().front().get), 3, true));
  return out;
}

}  // namespace cikit
