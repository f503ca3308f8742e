#include "methods/pipeline/panel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/compare/weights_report.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/panel_svg.hpp"

namespace cikit::pipeline {

PanelBuild build_panel(const Spec& spec, const WeightInputs& inputs) {
  const PanelSettings& s = panel_settings(spec);
  if (!is_panel(spec)) {
    if (spec.settings.find<PanelSettings>(kPanelBlock) != nullptr)
      throw InvalidInput("the spec has a panel: block but no data.time (the column holding each row's period)",
                         s.where);
    throw InvalidInput("the spec is not a panel: name the period column with data.time: COLUMN (docs/spec.md)",
                       spec.data.where);
  }
  PanelBuild b;
  b.data = load_panel_data(spec);
  b.result = build_panel_index(b.data, spec.tree, spec.config, inputs, s);
  return b;
}

std::string panel_mode_text(const PanelSettings& s, bool weights, Lang lang) {
  const int mode = weights ? static_cast<int>(s.weights) : static_cast<int>(s.normalize);
  if (mode == 0) return report::msg("panel.mode.pooled", lang);
  if (mode == 1) return report::msgf("panel.mode.reference", lang, s.reference);
  return report::msg("panel.mode.per_period", lang);
}

namespace {

std::string period_header(const std::vector<std::string>& periods, const std::string& prefix) {
  std::string h;
  for (const auto& p : periods) h += "," + csv_quote(prefix + p);
  return h;
}

}  // namespace

PanelRun run_panel(const PanelOptions& o) {
  if (o.top < 1) throw InvalidInput("panel: --top must be >= 1");
  PanelRun run;
  run.spec = read_spec_with(o.spec, o.methods);
  const Spec& spec = run.spec;
  Judgments judgments;
  const WeightInputs inputs = override_ahp(o.ahp, spec_weight_inputs(spec, {spec.config.weights}, judgments));
  run.panel = build_panel(spec, inputs);
  const PanelData& pd = run.panel.data;
  const PanelIndexResult& pr = run.panel.result;
  run.warnings = pd.warnings;
  run.warnings.insert(run.warnings.end(), pr.warnings.begin(), pr.warnings.end());
  const int root = spec.tree.root();
  run.index = panel_trajectories(pd, pr, root);
  run.trends = panel_trends(run.index.scores, pd.period_values, pd.units);
  run.alpha = panel_alpha(pd, spec.tree);

  // Unit names: from the last period a unit appears in.
  std::vector<std::string> name_zh(pd.units.size()), name_en(pd.units.size());
  for (std::size_t u = 0; u < pd.units.size(); ++u)
    for (const Dataset& d : pd.sections) {
      const auto it = std::find(d.unit_ids.begin(), d.unit_ids.end(), pd.units[u]);
      if (it == d.unit_ids.end()) continue;
      const auto i = static_cast<Eigen::Index>(it - d.unit_ids.begin());
      name_zh[u] = d.unit_name(i, "zh");
      name_en[u] = d.unit_name(i, "en");
    }
  const auto P = static_cast<Eigen::Index>(pd.periods.size());
  for (std::size_t u = 0; u < pd.units.size(); ++u) run.unit_names.push_back(Labels{name_zh[u], name_en[u]});

  // Wide tables: unit × period.
  std::string scores_csv = "unit_id,name_zh,name_en" + period_header(pd.periods, "");
  std::string ranks_csv = scores_csv;
  scores_csv += "\n";
  ranks_csv += "\n";
  nlohmann::json units = nlohmann::json::array();
  for (std::size_t u = 0; u < pd.units.size(); ++u) {
    const auto iu = static_cast<Eigen::Index>(u);
    std::string srow = csv_quote(pd.units[u]) + "," + csv_quote(name_zh[u]) + "," + csv_quote(name_en[u]);
    std::string rrow = srow;
    nlohmann::json js = nlohmann::json::object(), jr = nlohmann::json::object();
    for (Eigen::Index p = 0; p < P; ++p) {
      const std::string& per = pd.periods[static_cast<std::size_t>(p)];
      srow += "," + num(run.index.scores(iu, p), 6);
      const int rk = run.index.ranks(iu, p);
      rrow += "," + (rk ? std::to_string(rk) : std::string("NA"));
      js[per] = json_num(run.index.scores(iu, p));
      jr[per] = rk ? nlohmann::json(rk) : nlohmann::json(nullptr);
    }
    scores_csv += srow + "\n";
    ranks_csv += rrow + "\n";
    const UnitTrend& t = run.trends[u];
    units.push_back({{"id", pd.units[u]},
                     {"name", {{"zh", name_zh[u]}, {"en", name_en[u]}}},
                     {"scores", js},
                     {"ranks", jr},
                     {"first", json_num(t.first)},
                     {"last", json_num(t.last)},
                     {"change", json_num(t.change)},
                     {"cagr", json_num(t.cagr)},
                     {"cagr_note", t.cagr_note},
                     {"slope", json_num(t.slope)},
                     {"intercept", json_num(t.intercept)},
                     {"slope_se", json_num(t.slope_se)},
                     {"p_value", json_num(t.p_value)},
                     {"r_squared", json_num(t.r_squared)},
                     {"n_periods", t.n},
                     {"direction", t.direction}});
  }
  std::string trends_csv =
      "unit_id,name_zh,name_en,n_periods,first,last,change,cagr,cagr_note,slope,intercept,slope_se,p_value,r_squared,"
      "direction\n";
  for (std::size_t u = 0; u < run.trends.size(); ++u) {
    const UnitTrend& t = run.trends[u];
    trends_csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_quote(t.unit), csv_quote(name_zh[u]),
                              csv_quote(name_en[u]), t.n, num(t.first, 6), num(t.last, 6), num(t.change, 6),
                              num(t.cagr, 10), csv_quote(t.cagr_note), num(t.slope, 10), num(t.intercept, 10),
                              num(t.slope_se, 10), num(t.p_value, 10), num(t.r_squared, 10), t.direction);
  }
  std::string alpha_csv = "node_id,label_zh,label_en,level,period,raw_alpha,std_alpha,note\n";
  nlohmann::json jalpha = nlohmann::json::array();
  for (std::size_t k = 0; k < run.alpha.nodes.size(); ++k) {
    const Node& nd = spec.tree.node(run.alpha.nodes[k]);
    nlohmann::json raw = nlohmann::json::object(), std_a = nlohmann::json::object();
    for (Eigen::Index p = 0; p < P; ++p) {
      const auto kk = static_cast<Eigen::Index>(k);
      const std::string& per = pd.periods[static_cast<std::size_t>(p)];
      alpha_csv += fmt::format("{},{},{},{},{},{},{},{}\n", csv_quote(nd.id), csv_quote(nd.label.zh), csv_quote(nd.label.en),
                               nd.depth, csv_quote(per), num(run.alpha.alpha(kk, p), 6), num(run.alpha.std_alpha(kk, p), 6),
                               csv_quote(run.alpha.notes[k][static_cast<std::size_t>(p)]));
      raw[per] = json_num(run.alpha.alpha(kk, p));
      std_a[per] = json_num(run.alpha.std_alpha(kk, p));
    }
    jalpha.push_back({{"node", nd.id}, {"level", nd.depth}, {"raw_alpha", raw}, {"std_alpha", std_a}});
  }

  // Figure: the top units of the last period (rank order), small multiples.
  std::vector<int> show;
  {
    std::vector<int> idx;
    for (Eigen::Index u = 0; u < run.index.scores.rows(); ++u)
      if (P > 0 && run.index.ranks(u, P - 1) > 0) idx.push_back(static_cast<int>(u));
    std::stable_sort(idx.begin(), idx.end(),
                     [&](int a, int b) { return run.index.ranks(a, P - 1) < run.index.ranks(b, P - 1); });
    for (std::size_t k = 0; k < idx.size() && static_cast<int>(k) < o.top; ++k) show.push_back(idx[k]);
  }
  if (!show.empty()) {
    const std::vector<std::string>& names = o.lang == Lang::Zh ? name_zh : name_en;
    run.figure_svg = report::trajectories_svg(
        run.index.scores, show, names, pd.periods,
        report::msgf("panel.fig.title", o.lang, report::msgf("panel.fig.top", o.lang, show.size())),
        report::msg("panel.fig.axis", o.lang));
  }

  const PanelSettings& s = pr.settings;
  nlohmann::json& doc = run.json;
  doc = json_header("panel", spec);
  doc["panel"] = {{"time", pd.time_column},
                  {"periods", pd.periods},
                  {"numeric_periods", pd.numeric_periods},
                  {"normalize", panel_mode_name(s.normalize)},
                  {"weights", panel_mode_name(s.weights)},
                  {"reference", s.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.reference)},
                  {"weights_fixed", pr.weights_fixed}};
  doc["n_units"] = pd.units.size();
  doc["units"] = units;
  doc["alpha"] = jalpha;
  doc["warnings"] = run.warnings;
  run.files = OutputSet(o.out);
  if (!o.out.empty()) {
    run.files.add("scores_wide.csv", scores_csv);
    run.files.add("ranks_wide.csv", ranks_csv);
    run.files.add("trends.csv", trends_csv);
    run.files.add("alpha_by_period.csv", alpha_csv);
    if (!run.figure_svg.empty()) run.files.add("trajectories.svg", run.figure_svg);
    run.files.add("panel.json", doc.dump(2) + "\n");
  }
  return run;
}

}  // namespace cikit::pipeline
