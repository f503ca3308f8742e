#pragma once
/// \file config.hpp
/// The effective configuration of an appendix run as YAML (`cikit appendix --print-config`)
/// and its reader (`cikit appendix --config FILE`): printing a run's configuration and running
/// it again reproduces the run byte for byte (except the date line).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/report/evidence.hpp"

namespace cikit::report {

/// Design sizes of the uncertainty and sensitivity analysis (A12–A14). -1 = not set: the spec's
/// `uncertainty:` block, else the defaults (apply_design_sizes); an effective configuration
/// (--print-config) holds the resolved values.
struct SensitivitySettings {
  long replicates = -1;       ///< model runs of the Monte Carlo/Sobol' design
  long sobol = -1;            ///< base size N of the Saltelli design (0 = from replicates)
  long bootstrap = -1;        ///< bootstrap resamples over units (0 = none)
  int sobol_bootstrap = 1000; ///< bootstrap resamples of the Sobol' indices' CIs (0 = none)
};

/// Analyses of the built index in the appendix (section "analyses"). Coupling coordination and
/// obstacle degree run by default (when the index is on a bounded score range; otherwise they are
/// left out with a note); disparity, density and spatial autocorrelation are off unless the
/// configuration's `analyses:` block names what they need (a group column, coordinates).
struct AnalysesSettings {
  std::string group;               ///< data column of the groups: disparity ("" = off)
  bool density = false;            ///< kernel density and its figures
  std::string bandwidth = "nrd0";  ///< nrd0 | SJ
  std::string coords;              ///< "XCOL,YCOL": Moran's I and LISA ("" = off)
  bool lonlat = false;             ///< coords are longitude, latitude
  int knn = 0;                     ///< k nearest neighbours (default 4 when no band is given)
  double band = 0.0;               ///< distance band instead of knn (0 = none)
  bool coupling = true;                        ///< coupling coordination tables and figure
  std::string coupling_formula = "corrected";  ///< corrected | traditional
  std::string coupling_weights = "equal";      ///< equal | index | ID=W,ID=W,...
  bool obstacles = true;                       ///< obstacle degree tables and figure
  int obstacles_top = 5;                       ///< top-k obstacles per unit
  /// True when disparity, density or the spatial analysis is asked for.
  [[nodiscard]] bool any() const { return !group.empty() || density || !coords.empty(); }
  /// True when coupling and obstacles keep their defaults (the block is then printed only if any()).
  [[nodiscard]] bool index_defaults() const {
    return coupling && obstacles && coupling_formula == "corrected" && coupling_weights == "equal" && obstacles_top == 5;
  }
};

/// Every setting of an appendix run.
struct AppendixConfig {
  std::string spec;          ///< spec path (relative paths: to the current folder)
  std::string spec_sha256;   ///< recorded by --print-config; a mismatch on reading is a warning
  Lang lang = Lang::En;
  std::string pstyle = "auto";  ///< auto | chinese | apa
  std::vector<std::string> formats = {"md", "html", "tex", "csv", "xlsx", "svg", "docx"};
  IndexConfig index;         ///< methods and seed (the spec's `methods:` unless overridden)
  bool methods_given = false;  ///< read_appendix_config: the file has `methods` (they replace the spec's)
  bool seed_given = false;     ///< read_appendix_config: the file has `seed` (it replaces the spec's)
  EvidenceOptions evidence;  ///< reliability and validity options (seed = index.seed)
  SensitivitySettings sensitivity;  ///< used when the spec has an `uncertainty:` block
  AnalysesSettings analyses;        ///< the analyses section (coupling, obstacles on; the others off)
};

/// The accepted output formats, in the order they are written.
[[nodiscard]] const std::vector<std::string>& appendix_formats();

/// YAML text of `c` (comments name the cikit version and commit).
[[nodiscard]] std::string appendix_config_yaml(const AppendixConfig& c, const std::string& version,
                                               const std::string& commit);

/// Reads a YAML file written by appendix_config_yaml(). Keys: spec (required), spec_sha256,
/// lang, pstyle, formats, seed, methods {normalize {method, range}, weights, aggregate {method,
/// missing}}, reliability {standardize, missing, level, bootstrap}, validity {parallel_replicates,
/// parallel_quantile}, sensitivity {replicates, sobol, bootstrap, sobol_bootstrap}, analyses
/// {group, density, bandwidth, coords, lonlat, knn, band, coupling {enabled, formula, weights},
/// obstacles {enabled, top}} (printed only when not the defaults); unknown keys
/// are errors. Values not given keep their defaults; the
/// `methods` of the spec are replaced by the file's when present.
/// @throws InvalidInput with file:line:column for malformed YAML, unknown keys or bad values.
[[nodiscard]] AppendixConfig read_appendix_config(const std::filesystem::path& path);

}  // namespace cikit::report
