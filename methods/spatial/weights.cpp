// Spatial weights: from coordinates (knn, band, inverse distance), from a file, and styles.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <utility>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "methods/spatial/spatial.hpp"

namespace cikit::spatial {

namespace {

std::string unit_name(const std::vector<std::string>& ids, Eigen::Index i) {
  const auto u = static_cast<std::size_t>(i);
  return u < ids.size() ? "'" + ids[u] + "'" : fmt::format("{}", i + 1);
}

void check_coords(const Eigen::MatrixXd& c, bool lonlat, const std::vector<std::string>& ids, const char* fn) {
  if (c.cols() != 2) throw InvalidInput(fmt::format("{}: coordinates have {} columns, but must have 2", fn, c.cols()));
  if (c.rows() < 2) throw InvalidInput(fmt::format("{}: {} unit(s), but at least 2 are needed", fn, c.rows()));
  for (Eigen::Index i = 0; i < c.rows(); ++i) {
    if (!std::isfinite(c(i, 0)) || !std::isfinite(c(i, 1)))
      throw InvalidInput(fmt::format("{}: unit {} has no usable coordinates ({}, {})", fn, unit_name(ids, i), c(i, 0),
                                     c(i, 1)));
    if (lonlat && (c(i, 0) < -180.0 || c(i, 0) > 360.0 || c(i, 1) < -90.0 || c(i, 1) > 90.0))
      throw InvalidInput(fmt::format("{}: unit {} has longitude {} and latitude {}, but --lonlat needs longitude in "
                                     "[-180, 360] and latitude in [-90, 90]",
                                     fn, unit_name(ids, i), c(i, 0), c(i, 1)));
  }
}

void check_no_isolated(const SpatialWeights& w, const std::vector<std::string>& ids, const std::string& hint) {
  std::string names;
  int count = 0;
  for (Eigen::Index i = 0; i < w.n(); ++i)
    if (w.neighbours[static_cast<std::size_t>(i)].empty() && ++count <= 10)
      names += (names.empty() ? "" : ", ") + unit_name(ids, i);
  if (count > 0)
    throw InvalidInput(fmt::format("spatial weights ({}): {} unit(s) have no neighbour: {}{}; Moran's I needs every "
                                   "unit to have one{}",
                                   w.scheme, count, names, count > 10 ? ", ..." : "", hint));
}

}  // namespace

double great_circle_km(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kA = 6378.137;             // WGS-84 equatorial radius, km
  constexpr double kF = 1.0 / 298.257223563;  // WGS-84 flattening
  constexpr double kEps = 2.220446049250313e-16;
  if (std::abs(lat1 - lat2) < kEps) {
    if (std::abs(lon1 - lon2) < kEps) return 0.0;
    if (std::abs(std::abs(lon1) + std::abs(lon2) - 360.0) < kEps) return 0.0;
  }
  constexpr double rad = std::numbers::pi / 180.0;
  const double f = (lat1 * rad + lat2 * rad) / 2.0, g = (lat1 * rad - lat2 * rad) / 2.0,
               l = (lon1 * rad - lon2 * rad) / 2.0;
  const auto sq = [](double v) { return v * v; };
  const double sin_g2 = sq(std::sin(g)), cos_g2 = sq(std::cos(g)), sin_f2 = sq(std::sin(f)), cos_f2 = sq(std::cos(f)),
               sin_l2 = sq(std::sin(l)), cos_l2 = sq(std::cos(l));
  const double s = sin_g2 * cos_l2 + cos_f2 * sin_l2, c = cos_g2 * cos_l2 + sin_f2 * sin_l2;
  const double w = std::atan(std::sqrt(s / c));
  const double r = std::sqrt(s * c) / w;
  const double d = 2.0 * w * kA;
  const double h1 = (3.0 * r - 1.0) / (2.0 * c), h2 = (3.0 * r + 1.0) / (2.0 * s);
  return d * (1.0 + kF * h1 * sin_f2 * cos_g2 - kF * h2 * cos_f2 * sin_g2);
}

double distance(const Eigen::MatrixXd& c, Eigen::Index i, Eigen::Index j, bool lonlat) {
  if (lonlat) return great_circle_km(c(i, 0), c(i, 1), c(j, 0), c(j, 1));
  return std::hypot(c(i, 0) - c(j, 0), c(i, 1) - c(j, 1));
}

void apply_style(SpatialWeights& w, WeightStyle style, const std::vector<std::string>& ids) {
  check_no_isolated(w, ids, "");
  w.style = style == WeightStyle::W ? "W" : "B";
  for (Eigen::Index i = 0; i < w.n(); ++i) {
    auto& row = w.weights[static_cast<std::size_t>(i)];
    double sum = 0.0;
    for (double v : row) sum += v;
    if (!(sum > 0.0))
      throw InvalidInput(fmt::format("spatial weights ({}): the weights of unit {} sum to {}, but must sum to > 0",
                                     w.scheme, unit_name(ids, i), sum));
    if (style == WeightStyle::W)
      for (double& v : row) v /= sum;
  }
}

SpatialWeights knn_weights(const Eigen::MatrixXd& coords, int k, bool lonlat, const std::vector<std::string>& ids,
                           WeightStyle style) {
  check_coords(coords, lonlat, ids, "knn weights");
  const Eigen::Index n = coords.rows();
  if (k < 1 || k >= n)
    throw InvalidInput(fmt::format("knn weights: k = {}, but must be between 1 and n - 1 = {}", k, n - 1));
  SpatialWeights w;
  w.scheme = fmt::format("knn k={}{}", k, lonlat ? " lonlat" : "");
  w.neighbours.resize(static_cast<std::size_t>(n));
  w.weights.resize(static_cast<std::size_t>(n));
  std::vector<std::pair<double, Eigen::Index>> d(static_cast<std::size_t>(n - 1));
  for (Eigen::Index i = 0; i < n; ++i) {
    std::size_t m = 0;
    for (Eigen::Index j = 0; j < n; ++j)
      if (j != i) d[m++] = {distance(coords, i, j, lonlat), j};
    std::partial_sort(d.begin(), d.begin() + k, d.end());  // by distance, then index
    auto& nb = w.neighbours[static_cast<std::size_t>(i)];
    for (int q = 0; q < k; ++q) nb.push_back(d[static_cast<std::size_t>(q)].second);
    std::sort(nb.begin(), nb.end());
    w.weights[static_cast<std::size_t>(i)].assign(nb.size(), 1.0);
  }
  apply_style(w, style, ids);
  return w;
}

namespace {

SpatialWeights within(const Eigen::MatrixXd& coords, double band, bool lonlat, double power,
                      const std::vector<std::string>& ids, const std::string& scheme) {
  const Eigen::Index n = coords.rows();
  SpatialWeights w;
  w.scheme = scheme;
  w.neighbours.resize(static_cast<std::size_t>(n));
  w.weights.resize(static_cast<std::size_t>(n));
  double needed = 0.0;  // the smallest band giving every unit a neighbour
  for (Eigen::Index i = 0; i < n; ++i) {
    double nearest = std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < n; ++j) {
      if (j == i) continue;
      const double d = distance(coords, i, j, lonlat);
      nearest = std::min(nearest, d);
      if (band > 0.0 && !(d <= band)) continue;
      if (power > 0.0 && !(d > 0.0))
        throw InvalidInput(fmt::format("inverse-distance weights: units {} and {} share a location (distance 0), "
                                       "so their weight 1/d^p is infinite",
                                       unit_name(ids, i), unit_name(ids, j)));
      w.neighbours[static_cast<std::size_t>(i)].push_back(j);
      w.weights[static_cast<std::size_t>(i)].push_back(power > 0.0 ? 1.0 / std::pow(d, power) : 1.0);
    }
    needed = std::max(needed, nearest);
  }
  check_no_isolated(w, ids, fmt::format(" (a band of at least {:.6g} gives every unit a neighbour)", needed));
  return w;
}

}  // namespace

SpatialWeights band_weights(const Eigen::MatrixXd& coords, double d, bool lonlat, const std::vector<std::string>& ids,
                            WeightStyle style) {
  check_coords(coords, lonlat, ids, "band weights");
  if (!(d > 0.0) || !std::isfinite(d))
    throw InvalidInput(fmt::format("band weights: the band is {}, but must be a finite distance > 0", d));
  SpatialWeights w = within(coords, d, lonlat, 0.0, ids, fmt::format("band d={:g}{}", d, lonlat ? " km lonlat" : ""));
  apply_style(w, style, ids);
  return w;
}

SpatialWeights inverse_distance_weights(const Eigen::MatrixXd& coords, double power, double band, bool lonlat,
                                        const std::vector<std::string>& ids, WeightStyle style) {
  check_coords(coords, lonlat, ids, "inverse-distance weights");
  if (!(power > 0.0) || !std::isfinite(power))
    throw InvalidInput(fmt::format("inverse-distance weights: the power is {}, but must be finite and > 0", power));
  if (!(band >= 0.0) || !std::isfinite(band))
    throw InvalidInput(fmt::format("inverse-distance weights: the band is {}, but must be >= 0 (0 = all pairs)", band));
  SpatialWeights w = within(coords, band, lonlat, power, ids,
                            fmt::format("inverse-distance p={:g}{}{}", power,
                                        band > 0.0 ? fmt::format(" band d={:g}", band) : "", lonlat ? " lonlat" : ""));
  apply_style(w, style, ids);
  return w;
}

namespace {

double parse_weight(const std::string& cell, const Location& at, const std::string& what) {
  double v = 0.0;
  try {
    std::size_t used = 0;
    v = std::stod(cell, &used);
    if (used != cell.size()) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw InvalidInput(fmt::format("weights file: {} '{}' is not a number", what, cell), at);
  }
  if (!(v >= 0.0) || !std::isfinite(v))
    throw InvalidInput(fmt::format("weights file: {} is {}, but must be finite and >= 0", what, v), at);
  return v;
}

Location cell(const CsvTable& t, long line, std::size_t col) {
  return Location{.file = t.file, .line = line, .column = static_cast<long>(col) + 1 + t.column_offset,
                  .cell_ref = t.cell_refs};
}

}  // namespace

SpatialWeights read_weights_file(const std::string& path, const std::vector<std::string>& ids, WeightStyle style) {
  const CsvTable t = read_csv(path);
  std::map<std::string, Eigen::Index> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], static_cast<Eigen::Index>(i));
  const auto n = static_cast<Eigen::Index>(ids.size());
  std::vector<std::map<Eigen::Index, double>> rows(ids.size());
  const auto unit_at = [&](const std::string& id, const Location& at) {
    const auto it = index.find(id);
    if (it == index.end()) throw InvalidInput(fmt::format("weights file: unit '{}' is not a unit of the data", id), at);
    return it->second;
  };
  const auto put = [&](Eigen::Index i, Eigen::Index j, double v, const Location& at) {
    if (i == j) throw InvalidInput(fmt::format("weights file: unit '{}' is its own neighbour", ids[static_cast<std::size_t>(i)]), at);
    if (!rows[static_cast<std::size_t>(i)].emplace(j, v).second)
      throw InvalidInput(fmt::format("weights file: pair '{}' - '{}' is listed twice", ids[static_cast<std::size_t>(i)],
                                     ids[static_cast<std::size_t>(j)]),
                         at);
  };
  const Location file_at{.file = t.file, .line = t.header_line};
  if (t.header.size() >= 2 && t.header[0] == "unit" && t.header[1] == "neighbour") {
    if (t.header.size() > 3 || (t.header.size() == 3 && t.header[2] != "weight"))
      throw InvalidInput("weights file: an adjacency list has the columns unit, neighbour and optionally weight",
                         file_at);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const long line = t.row_lines[r];
      const Eigen::Index i = unit_at(t.rows[r][0], cell(t, line, 0));
      const Eigen::Index j = unit_at(t.rows[r][1], cell(t, line, 1));
      const double v = t.header.size() == 3 ? parse_weight(t.rows[r][2], cell(t, line, 2), "weight") : 1.0;
      if (v > 0.0) put(i, j, v, cell(t, line, 1));
    }
  } else if (!t.header.empty() && t.header[0] == "unit") {
    if (t.header.size() != ids.size() + 1)
      throw InvalidInput(fmt::format("weights file: a weights matrix has a column per unit ({} units), but the header "
                                     "has {} unit columns",
                                     ids.size(), t.header.size() - 1),
                         file_at);
    std::vector<Eigen::Index> col_unit;
    for (std::size_t c = 1; c < t.header.size(); ++c) col_unit.push_back(unit_at(t.header[c], cell(t, t.header_line, c)));
    std::vector<bool> seen(ids.size(), false);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const long line = t.row_lines[r];
      const Eigen::Index i = unit_at(t.rows[r][0], cell(t, line, 0));
      if (seen[static_cast<std::size_t>(i)])
        throw InvalidInput(fmt::format("weights file: unit '{}' has two rows", t.rows[r][0]), cell(t, line, 0));
      seen[static_cast<std::size_t>(i)] = true;
      for (std::size_t c = 1; c < t.header.size(); ++c) {
        const double v = parse_weight(t.rows[r][c], cell(t, line, c),
                                      fmt::format("weight of '{}' for '{}'", t.header[c], t.rows[r][0]));
        if (col_unit[c - 1] == i) {
          if (v > 0.0)
            throw InvalidInput(fmt::format("weights file: unit '{}' has weight {} with itself, but the diagonal must be 0",
                                           t.rows[r][0], v),
                               cell(t, line, c));
          continue;
        }
        if (v > 0.0) put(i, col_unit[c - 1], v, cell(t, line, c));
      }
    }
    for (Eigen::Index i = 0; i < n; ++i)
      if (!seen[static_cast<std::size_t>(i)])
        throw InvalidInput(fmt::format("weights file: unit '{}' has no row in the matrix", ids[static_cast<std::size_t>(i)]),
                           file_at);
  } else {
    throw InvalidInput("weights file: the header must be 'unit,neighbour[,weight]' (adjacency list) or 'unit' "
                       "followed by every unit id (matrix)",
                       file_at);
  }
  SpatialWeights w;
  w.scheme = "file " + path;
  for (const auto& row : rows) {
    w.neighbours.emplace_back();
    w.weights.emplace_back();
    for (const auto& [j, v] : row) {
      w.neighbours.back().push_back(j);
      w.weights.back().push_back(v);
    }
  }
  apply_style(w, style, ids);
  return w;
}

}  // namespace cikit::spatial
