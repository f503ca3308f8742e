#pragma once
/// \file spatial.hpp
/// Pipeline of `cikit spatial SPEC`: builds the index, takes the cross-sections (one per
/// period), builds spatial weights from the data's coordinate columns (knn, band, inverse
/// distance; planar or --lonlat) or reads a weights file, and computes global Moran's I (with
/// a seeded permutation test when asked) and local Moran's I (LISA) of the index (or --node)
/// scores. Builds spatial.json and the CSV files.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/spatial/spatial.hpp"

namespace cikit::pipeline {

struct SpatialRunOptions {
  std::string spec;
  MethodOverrides methods;
  std::string out;
  std::string node;                ///< "" = the index
  std::string coords;              ///< "XCOL,YCOL" (with knn, band or inverse_distance)
  int knn = 0;                     ///< k nearest neighbours (0 = not this scheme)
  double band = 0.0;               ///< distance band (0 = none); with inverse_distance: its cut-off
  bool inverse_distance = false;   ///< weights 1/d^power
  double power = 1.0;              ///< power of the inverse distance
  bool lonlat = false;             ///< coordinates are longitude, latitude (great-circle km)
  std::string weights;             ///< weights file (instead of coordinates)
  std::string style = "W";         ///< W (row-standardised) or B (as built)
  int permutations = 0;            ///< moran.mc permutations (0 = none)
  std::uint64_t seed = 20221219;   ///< master seed of the permutations (kDefaultSeed)
  int threads = 0;                 ///< never changes results
};

struct SpatialPeriod {
  std::string period;
  std::string node;
  std::vector<std::string> units;  ///< units analysed (with a score)
  spatial::SpatialWeights weights;
  spatial::MoranResult moran;
  spatial::LocalMoranResult local;
};

struct SpatialRun {
  Spec spec;
  std::vector<SpatialPeriod> periods;
  std::vector<std::string> warnings;
  nlohmann::json doc;
  TextTable local_csv;             ///< spatial_local.csv
  OutputSet outputs{""};           ///< spatial.json, spatial_global.csv, spatial_local.csv
};

/// Runs `cikit spatial`.
/// @throws InvalidInput when no or several weight schemes are given, --coords is not two
///         column names, a unit has no coordinates (file, line, column, unit), a unit has no
///         neighbour, the weights file is bad (spatial::read_weights_file), or as run_index;
///         DomainError for constant scores.
[[nodiscard]] SpatialRun run_spatial(const SpatialRunOptions& options);

}  // namespace cikit::pipeline
