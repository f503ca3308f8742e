#pragma once
/// \file spatial.hpp
/// Spatial weights from coordinates (k nearest neighbours, distance band, inverse distance;
/// planar or great-circle), weights files, global Moran's I (moments under normality and
/// randomisation, permutation test) and local Moran's I (LISA) with quadrants — as R's spdep
/// (knearneigh, dnearneigh, nb2listw, moran.test, moran.mc, localmoran). Pure functions; rows =
/// units throughout. Formulas: docs/methods.md#spatial.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace cikit::spatial {

/// Sparse spatial weights: unit i's neighbours (0-based, ascending) and their weights w_ij.
struct SpatialWeights {
  std::vector<std::vector<Eigen::Index>> neighbours;
  std::vector<std::vector<double>> weights;
  std::string scheme;  ///< "knn k=4", "band d=...", "inverse-distance p=1", "file"
  std::string style;   ///< "W" (row-standardised) or "B" (as built: 1 or 1/d^p, or the file's)
  [[nodiscard]] Eigen::Index n() const { return static_cast<Eigen::Index>(neighbours.size()); }
};

enum class WeightStyle { W, B };

/// Great-circle distance in km between (lon1, lat1) and (lon2, lat2) in decimal degrees, on the
/// WGS-84 ellipsoid by Lambert–Andoyer's formula — the formula of sp's gcdist used by spdep
/// (knearneigh/dnearneigh/nbdists with longlat = TRUE): a = 6378.137 km, f = 1/298.257223563,
/// F = (φ1+φ2)/2, G = (φ1−φ2)/2, L = (λ1−λ2)/2, S = sin²G cos²L + cos²F sin²L,
/// C = cos²G cos²L + sin²F sin²L, w = atan√(S/C), R = √(SC)/w, D = 2wa,
/// H1 = (3R−1)/(2C), H2 = (3R+1)/(2S), d = D(1 + f H1 sin²F cos²G − f H2 cos²F sin²G);
/// d = 0 for identical points. Reference: Meeus J (1998) Astronomical Algorithms, 2nd ed., ch. 11.
[[nodiscard]] double great_circle_km(double lon1, double lat1, double lon2, double lat2);

/// Distance between units i and j of `coords` (n × 2: x, y or lon, lat): Euclidean, or
/// great_circle_km when `lonlat`.
[[nodiscard]] double distance(const Eigen::MatrixXd& coords, Eigen::Index i, Eigen::Index j, bool lonlat);

/// k nearest neighbours of every unit (as spdep knearneigh + knn2nb): the k units with the
/// smallest distance; ties are broken by the lower unit index. The relation is not symmetric.
/// @throws InvalidInput if coords is not n × 2, a coordinate is not finite (naming the unit by
///         `ids`), k < 1 or k ≥ n, or (lonlat) a longitude outside [−180, 360] or a latitude outside [−90, 90].
[[nodiscard]] SpatialWeights knn_weights(const Eigen::MatrixXd& coords, int k, bool lonlat,
                                         const std::vector<std::string>& ids, WeightStyle style = WeightStyle::W);

/// Distance band (as spdep dnearneigh(coords, 0, d)): j ≠ i is a neighbour of i when
/// 0 ≤ d_ij ≤ d. @throws InvalidInput as knn_weights, for d ≤ 0, and for units with no
/// neighbour within d (isolated; they are named, with the smallest band that would give every
/// unit a neighbour).
[[nodiscard]] SpatialWeights band_weights(const Eigen::MatrixXd& coords, double d, bool lonlat,
                                          const std::vector<std::string>& ids, WeightStyle style = WeightStyle::W);

/// Inverse distance: w_ij = 1/d_ij^power for all j ≠ i (band = 0) or for 0 < d_ij ≤ band.
/// @throws InvalidInput as band_weights, for power ≤ 0, and when two units share a location
///         (d_ij = 0: the weight is infinite), naming both.
[[nodiscard]] SpatialWeights inverse_distance_weights(const Eigen::MatrixXd& coords, double power, double band,
                                                      bool lonlat, const std::vector<std::string>& ids,
                                                      WeightStyle style = WeightStyle::W);

/// Applies a style to raw weights: W divides each row by its sum (spdep style "W"); B keeps them.
/// @throws InvalidInput if a unit has no neighbour or a row sums to ≤ 0 (naming the unit).
void apply_style(SpatialWeights& w, WeightStyle style, const std::vector<std::string>& ids);

/// Reads a weights file for the units `ids` (docs/cli.md "Weights files"): either an adjacency
/// list, CSV with columns `unit,neighbour` and an optional `weight` (one row per pair; a
/// missing weight is 1), or a matrix, CSV whose header is `unit` followed by every unit id and
/// whose rows are units with their weights (0 = not a neighbour). Raw weights are then styled.
/// @throws InvalidInput naming the file, line and column for an unknown or repeated unit, a
///         unit paired with itself, a negative or non-numeric weight, a pair listed twice, a
///         matrix missing a row or column; and naming the units that end without neighbours.
[[nodiscard]] SpatialWeights read_weights_file(const std::string& path, const std::vector<std::string>& ids,
                                               WeightStyle style = WeightStyle::W);

enum class Alternative { Greater, Less, TwoSided };

/// Global Moran's I and its moments (Cliff & Ord 1981, as spdep::moran.test).
struct MoranResult {
  double moran_i = 0.0;
  double expectation = 0.0;            ///< E[I] = −1/(n−1)
  double variance_normality = 0.0;
  double variance_randomisation = 0.0;
  double z_normality = 0.0, z_randomisation = 0.0;
  double p_normality = 0.0, p_randomisation = 0.0;
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, kurtosis = 0.0;
  Alternative alternative = Alternative::Greater;
  /// Permutation test (as spdep::moran.mc): observed rank among nsim + 1 values (average rank
  /// for ties) and p; 0 permutations = not run.
  int permutations = 0;
  double rank = 0.0;
  double p_permutation = 0.0;
  double permutation_mean = 0.0, permutation_sd = 0.0;
};

struct MoranOptions {
  Alternative alternative = Alternative::Greater;  ///< as moran.test and moran.mc's default
  int permutations = 0;                            ///< 0 = no permutation test (moran.mc nsim)
  std::uint64_t seed = 20221219;                   ///< master seed of the permutation streams
  int threads = 0;                                 ///< OpenMP threads (0 = default); never changes results
};

/// Global Moran's I of `x` under the weights `w`:
///   I = (n/S0) Σ_i Σ_j w_ij z_i z_j / Σ_i z_i², z = x − x̄,
///   S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)², E[I] = −1/(n−1),
///   Var_N[I] = (n² S1 − n S2 + 3 S0²)/((n²−1) S0²) − E[I]²,
///   Var_R[I] = [n((n²−3n+3) S1 − n S2 + 3 S0²) − b2 ((n²−n) S1 − 2n S2 + 6 S0²)]
///              / ((n−1)(n−2)(n−3) S0²) − E[I]²,  b2 = n Σ z⁴ / (Σ z²)²,
///   z = (I − E[I])/√Var, p from the normal tail of `alternative`.
/// Permutation test: permutation b (b = 0..nsim−1) shuffles x by Fisher–Yates from stream
/// (seed, Permutation, b); p as moran.mc: greater p = (max(nsim − rank, 0) + 1)/(nsim + 1) with
/// rank the observed I's average rank among the nsim + 1 values (less: 1 − that; two-sided as moran.mc).
/// @throws InvalidInput if x and w differ in size, n < 4, x has a non-finite value, or w has an
///         isolated unit; DomainError if x is constant.
/// Reference: Moran PAP (1950) Biometrika 37:17–23, doi:10.2307/2332142; Cliff AD, Ord JK (1981)
/// Spatial Processes: Models and Applications, Pion, ch. 2.
/// Complexity: O(nnz) (+ O(nsim · nnz) for the permutations).
[[nodiscard]] MoranResult moran(const Eigen::VectorXd& x, const SpatialWeights& w, const MoranOptions& options = {});

/// LISA quadrant (spdep localmoran attr "quadr", column "mean": x against its mean, the spatial
/// lag Wx against the mean of the lags).
enum class Quadrant { HH, LL, LH, HL };
[[nodiscard]] const char* quadrant_name(Quadrant q);

/// Local Moran's I per unit (Anselin 1995; spdep::localmoran defaults: mlvar = TRUE,
/// conditional = TRUE, alternative two.sided).
struct LocalMoranResult {
  Eigen::VectorXd ii, expectation, variance, z, p;
  std::vector<Quadrant> quadrant;
  Eigen::VectorXd lag;  ///< spatial lag Σ_j w_ij x_j
};

struct LocalMoranOptions {
  /// true: moments conditional on z_i (spdep ≥ 1.2 default, Sokal et al. 1998); false: total
  /// randomisation (Anselin 1995, eq. 13–14).
  bool conditional = true;
  Alternative alternative = Alternative::TwoSided;  ///< as localmoran's default
};

/// I_i = (z_i/m2) Σ_j w_ij z_j, m2 = Σ z²/n, W_i = Σ_j w_ij, W_i2 = Σ_j w_ij², b2 = (Σz⁴/n)/m2².
/// conditional: E = −z_i² W_i/((n−1) m2), Var = (z_i/m2)² n/(n−2) (W_i2 − W_i²/(n−1)) (m2 − z_i²/(n−1));
/// total: E = −W_i/(n−1), Var = A W_i2 + B (W_i² − W_i2) − E², A = (n−b2)/(n−1), B = (2b2−n)/((n−1)(n−2)).
/// Z = (I − E)/√Var. @throws as moran.
/// Reference: Anselin L (1995) Local indicators of spatial association — LISA. Geographical
/// Analysis 27:93–115, doi:10.1111/j.1538-4632.1995.tb00338.x; Sokal RR, Oden NL, Thomson BA
/// (1998) Geographical Analysis 30:331–354.
[[nodiscard]] LocalMoranResult local_moran(const Eigen::VectorXd& x, const SpatialWeights& w,
                                           const LocalMoranOptions& options = {});

}  // namespace cikit::spatial
