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

/// Analyses of the index over space and distribution (issue 22: tables E1–E6). Each is off
/// unless the configuration's `analyses:` block names what it needs.
struct AnalysesSettings {
  std::string group;               ///< data column of the groups: disparity E1–E3 ("" = off)
  bool density = false;            ///< kernel density E4 and its figures
  std::string bandwidth = "nrd0";  ///< nrd0 | SJ
  std::string coords;              ///< "XCOL,YCOL": Moran's I and LISA E5–E6 ("" = off)
  bool lonlat = false;             ///< coords are longitude, latitude
  int knn = 0;                     ///< k nearest neighbours (default 4 when no band is given)
  double band = 0.0;               ///< distance band instead of knn (0 = none)
  [[nodiscard]] bool any() const { return !group.empty() || density || !coords.empty(); }
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
  AnalysesSettings analyses;        ///< disparity, density, spatial tables (off by default)
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
/// {group, density, bandwidth, coords, lonlat, knn, band} (printed only when set); unknown keys
/// are errors. Values not given keep their defaults; the
/// `methods` of the spec are replaced by the file's when present.
/// @throws InvalidInput with file:line:column for malformed YAML, unknown keys or bad values.
[[nodiscard]] AppendixConfig read_appendix_config(const std::filesystem::path& path);

}  // namespace cikit::report
