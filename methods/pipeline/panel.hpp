#pragma once
/// \file panel.hpp
/// Panel data in the command pipelines: building every period's index from a panel spec
/// (`data.time`), used by `cikit index` (scores per unit and period) and by `cikit panel`
/// (trajectories, changes, CAGR, trends, small-multiples figure, per-period reliability).
///
/// For the analyses that work on cross-sections (disparity, density, spatial, ...):
///   build_panel(spec, inputs).result.results[p].scores  — units × nodes of period p, rows in the
///   order of build_panel(...).data.sections[p].unit_ids, column 0 = the index (node index of
///   spec.tree); .ranks likewise; data.periods[p] is the period label, data.time_column the
///   spec's data.time column, spec.data.columns.unit the unit column.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/core/panel_data.hpp"
#include "methods/core/spec.hpp"
#include "methods/panel/panel.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

/// A panel spec's data and the index of every period.
struct PanelBuild {
  PanelData data;
  PanelIndexResult result;
};

/// Reads the panel (load_panel_data) and builds every period (build_panel_index) with the
/// spec's `panel:` settings. @throws InvalidInput when the spec has `panel:` but no data.time,
/// or as load_panel_data / build_panel_index.
[[nodiscard]] PanelBuild build_panel(const Spec& spec, const WeightInputs& inputs);

/// Runs a cross-sectional analysis on every period of a panel build (coupling, obstacles): for
/// period p, `analyse(run, b.result.results[p])` on a Run holding a copy of `spec` and period p's
/// data. Each run's warnings are appended to `warnings` led by "period P: ", and its
/// `doc["periods"][0]`, labelled with the period, to `periods`. Returns the runs, in period order.
template <class Run, class Analyse>
[[nodiscard]] std::vector<Run> analyse_each_period(const Spec& spec, const PanelBuild& b, Analyse&& analyse,
                                                   std::vector<std::string>& warnings, nlohmann::json& periods) {
  std::vector<Run> runs(b.data.periods.size());
  for (std::size_t p = 0; p < runs.size(); ++p) {
    runs[p].spec = spec;
    runs[p].data = b.data.sections[p];
    analyse(runs[p], b.result.results[p]);
    for (const auto& w : runs[p].warnings) warnings.push_back("period " + b.data.periods[p] + ": " + w);
    nlohmann::json jp = runs[p].doc["periods"][0];
    jp["period"] = b.data.periods[p];
    periods.push_back(std::move(jp));
  }
  return runs;
}

/// "pooled", "reference (2019)", "per_period" in words, per language (catalogue panel.mode.*).
[[nodiscard]] std::string panel_mode_text(const PanelSettings& s, bool weights, Lang lang);

struct PanelOptions {
  std::string spec;         ///< SPEC.yaml (a panel spec: data.time)
  MethodOverrides methods;  ///< on top of the spec's methods block
  AhpOverrides ahp;
  std::string out;          ///< folder of the output files; "" = none
  int top = 12;             ///< units in the small-multiples figure (top of the last period)
  Lang lang = Lang::Zh;     ///< language of the figure's texts
};

struct PanelRun {
  Spec spec;
  PanelBuild panel;
  PanelTrajectories index;          ///< the index (root) over the periods, units × periods
  std::vector<UnitTrend> trends;    ///< per unit (PanelData::units order)
  PanelAlpha alpha;                 ///< Cronbach's α per inner node and period
  std::vector<Labels> unit_names;   ///< display names per unit (PanelData::units order)
  std::string figure_svg;           ///< small multiples of the top units
  nlohmann::json json;              ///< panel.json
  OutputSet files{""};              ///< scores_wide.csv, ranks_wide.csv, trends.csv, alpha_by_period.csv,
                                    ///< trajectories.svg, panel.json
  std::vector<std::string> warnings;
};

/// `cikit panel`: trajectories, changes, CAGR, trends, figure, per-period reliability.
/// @throws InvalidInput if the spec is not a panel; as build_panel.
[[nodiscard]] PanelRun run_panel(const PanelOptions& o);

}  // namespace cikit::pipeline
