#pragma once
/// \file index.hpp
/// The `index` command's pipeline: read the spec (with method overrides), load the data, build
/// the index (methods/aggregate build_index) and build its machine-readable outputs (index.json,
/// scores.csv, indicators_normalized.csv, weights.csv, ahp_consistency.csv, treated_points.csv).

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct IndexOptions {
  std::string spec;           ///< SPEC.yaml
  MethodOverrides methods;    ///< on top of the spec's methods block ("" = as in the spec)
  AhpOverrides ahp;           ///< on top of methods.weights.ahp (weights: ahp)
  /// Resolve the effective configuration only (`--print-config`): fills IndexRun::config_yaml
  /// and reads neither judgments nor data.
  bool config_only = false;
  std::string out;            ///< folder of the output files; "" = no files (none are built)
  /// Build the per-unit part of the JSON document even without `out` (a front end printing
  /// JSON): for thousands of units it costs far more than the index itself.
  bool json = false;
  bool csv = false;           ///< likewise for the scores CSV (IndexRun::csv)
};

struct PanelBuild;  // methods/pipeline/panel.hpp

struct IndexRun {
  Spec spec;                     ///< with the overrides applied
  Dataset data;
  IndexResult result;            ///< scores, ranks, weights, normalisation, treatment
  /// Units by index rank (unranked last, in file order).
  std::vector<Eigen::Index> order;
  /// Every indicator normalised to [range_lo, range_hi] and every node a mean of its children,
  /// so scores lie on that range.
  bool range_scale = false;
  std::string config_yaml;       ///< the effective configuration (config_only)
  nlohmann::json json;           ///< index.json (units empty unless asked for)
  std::string csv;               ///< scores.csv (header only unless asked for)
  OutputSet files{""};           ///< the files for IndexOptions::out (empty without it)
  std::vector<std::string> warnings;
  /// Panel specs (data.time): every period, in order; `data`, `result` and `order` then hold the
  /// latest period, and json/csv/files every period (docs/cli.md "index on panel data").
  std::vector<std::string> periods;
  /// Panel specs: every period's data and index, as the output files hold them (the analyses
  /// built on this run — disparity, density, spatial, coupling, obstacles — report per period).
  std::shared_ptr<const PanelBuild> panel;
};

/// True when every indicator is normalised to [range_lo, range_hi] (minmax, goalposts,
/// percentile) and every inner node is a mean of its children (not TOPSIS, Mazziotta-Pareto or
/// Copeland), so that every score lies on that range (IndexRun::range_scale).
[[nodiscard]] bool on_range_scale(const IndexResult& r, const IndicatorTree& tree);

/// Runs the index pipeline.
/// @throws InvalidInput, DomainError as read_spec, load_data, build_index; InvalidInput for an
///         unknown override name.
[[nodiscard]] IndexRun run_index(const IndexOptions& o);

}  // namespace cikit::pipeline
