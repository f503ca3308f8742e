#pragma once
/// \file appendix.hpp
/// Pipeline of `cikit appendix`: resolves the run's configuration (from a --config file, or
/// from the spec and options), runs every analysis of the methodology appendix, converts the
/// results to report tables and figures, and renders the files (Markdown, HTML, LaTeX with PDF
/// figures, CSV, SVG, native DOCX). write_appendix() writes them together with XLSX. The front ends
/// (cli/, python/) show progress, print notices and warnings, and list the files.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/notice.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/report/config.hpp"
#include "methods/report/render.hpp"

namespace cikit::pipeline {

/// The sizes of the quick mode (AppendixOptions::quick): a draft in a few seconds, not a
/// publication (percentile intervals from 200 resamples are coarse).
inline constexpr int kQuickAlphaBootstrap = 200;     ///< alpha CIs (default 1000)
inline constexpr int kQuickParallel = 50;            ///< parallel-analysis data sets (default 100)
inline constexpr long kQuickReplicates = 2000;       ///< Monte Carlo runs (A12-A13; default: spec, else 10000)
inline constexpr long kQuickUnitsBootstrap = 200;    ///< bootstrap over units (default: spec, else 1000)
inline constexpr int kQuickSobolBootstrap = 200;     ///< resamples of the Sobol' CIs (default 1000)

/// What `cikit appendix` takes (plain data; no front-end types). With `config` set, the file
/// holds the whole configuration and the analysis options below are not used.
struct AppendixOptions {
  std::string spec;    ///< SPEC.yaml (not with `config`)
  std::string config;  ///< configuration printed by print_config ("" = from spec and the options)
  std::string out;     ///< folder of the output files (required unless print_config)
  Lang lang = Lang::En;
  std::vector<std::string> formats = {"md", "html", "tex", "csv", "xlsx", "svg", "docx"};  ///< report::appendix_formats()
  std::string pstyle = "auto";        ///< p-value style: auto, chinese, apa
  std::optional<std::uint64_t> seed;  ///< master seed (default: the spec's methods.seed)
  int bootstrap = 1000;               ///< bootstrap replicates of the alpha CIs (0 = none)
  int parallel = 100;                 ///< random data sets of the parallel analysis
  std::string missing = "pairwise";   ///< pairwise or listwise covariances and correlations
  long replicates = -1;               ///< model runs of A12-A13 (-1 = spec's uncertainty block, else 10000)
  long sobol = -1;                    ///< base size N of the Saltelli design (-1 = from replicates)
  long sensitivity_bootstrap = -1;    ///< bootstrap resamples over units (-1 = spec, else 1000; 0 = none)
  int sobol_bootstrap = 1000;         ///< bootstrap resamples of the Sobol' indices' CIs (0 = none)
  bool print_config = false;          ///< only resolve the configuration (AppendixRun::config_yaml)
  /// Quick mode: the resampling sizes left at their defaults (bootstrap, parallel, replicates,
  /// sobol, sensitivity_bootstrap, sobol_bootstrap) become the kQuick* sizes below, and the
  /// appendix and AppendixRun::quick_note say so. Not with `config` (the file holds the sizes).
  bool quick = false;
  /// Start every CSV file with a UTF-8 byte-order mark, so that Excel on Chinese Windows reads
  /// it as UTF-8 (an output option: also applies with `config`).
  bool csv_bom = true;
  /// Called when a stage starts, with its localised name ("validity…"); optional.
  std::function<void(const std::string& stage)> stage;
  /// Progress of the Monte Carlo runs (done, total); optional, never affects the results.
  std::function<void(std::ptrdiff_t done, std::ptrdiff_t total)> progress;
  /// Progress of the bootstrap over units of A12 (done, B); optional, never affects the results.
  std::function<void(std::ptrdiff_t done, std::ptrdiff_t total)> bootstrap_progress;
};

/// What it produces.
struct AppendixRun {
  Spec spec;                                 ///< the spec, methods and seed as configured
  report::AppendixConfig config;             ///< the effective configuration (lang, formats, sizes resolved)
  std::string config_yaml;                   ///< with print_config: the configuration as YAML (nothing else is run)
  std::vector<std::string> config_warnings;  ///< about the configuration (a changed spec)
  std::vector<std::string> notices;          ///< localised notes for the user (the quick mode, the design)
  /// With AppendixOptions::quick: what it reduced, localised (also in the reproducibility block).
  std::string quick_note;
  std::vector<std::string> warnings;         ///< the index's, parts left out and the analyses' warnings (English)
  std::vector<std::string> warnings_shown;   ///< the same in the appendix's language (for stderr)
  std::vector<Notice> adjustments;           ///< what the pipeline changed or chose (noted, and table B2)
  report::Document document;                 ///< every table and figure, with the document information
  OutputSet outputs{""};                     ///< rendered files (md, html, tex, pdf, csv, svg) for `out`
  bool xlsx = false;                         ///< write_appendix() also writes appendix.xlsx
  bool docx = false;                         ///< appendix.docx (native Word) is among the outputs
};

/// Runs `cikit appendix` up to the rendered files.
/// @throws InvalidInput for a bad spec, configuration file or option (an unknown format,
///         `config` together with `spec`, neither of them, no `out` without print_config),
///         DomainError for degenerate data the index cannot use.
[[nodiscard]] AppendixRun run_appendix(const AppendixOptions& options);

/// Writes the run's output set into its folder (appendix.docx among them when asked), then
/// appendix.xlsx when asked.
/// @return localised notices (none at present).
std::vector<std::string> write_appendix(const AppendixRun& run);

}  // namespace cikit::pipeline
