// Tests of methods/normalize: reference values from R (validation/normalize), published cases
// (OECD/JRC Handbook Table 15, UNDP HDI 2021), properties and errors.

#include "methods/normalize/normalize.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::ColumnInfo;
using cikit::Direction;
using cikit::NormalizeMethod;
using cikit::NormalizeOptions;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- tiny CSV reader (RFC 4180 quotes; "NA" or "" = missing), local to this test ----------
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t col(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) FAIL("column '" << name << "' not in CSV");
    return static_cast<std::size_t>(it - header.begin());
  }
  const std::string& cell(std::size_t r, const std::string& name) const {
    return rows.at(r).at(col(name));
  }
};

bool file_exists(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

Table read_csv(const std::string& path) {
  // tests/support.hpp's reader (independent of cikit's CSV code), split into header and rows.
  const auto all = cikit_test::read_table(path);
  Table t;
  t.header = all.at(0);
  t.rows.assign(all.begin() + 1, all.end());
  return t;
}

double to_double(const std::string& s) {
  if (s.empty() || s == "NA") return kNaN;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') FAIL("not a number: '" << s << "'");
  return v;
}

/// Numeric columns `ids` of a table as a matrix (rows = table rows).
Eigen::MatrixXd matrix_of(const Table& t, const std::vector<std::string>& ids) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(t.rows.size()), static_cast<Eigen::Index>(ids.size()));
  for (std::size_t j = 0; j < ids.size(); ++j) {
    const std::size_t c = t.col(ids[j]);
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = to_double(t.rows[i].at(c));
  }
  return m;
}

std::string validation_dir() { return CIKIT_VALIDATION_DIR; }
/// Shared public data with published results (absent in a fresh clone: tests skip).
std::string shared_data_dir() { return validation_dir() + "/../../shared/data"; }

/// NaN in the reference must be NaN here; otherwise agree to 1e-12 relative or absolute.
/// Tolerance: min-max, z-score and goalposts are closed forms of one mean/sd or min/max;
/// R (long-double sums in mean/sd) and cikit (double two-pass) differ by a few ulp. The
/// absolute branch covers outputs at or near 0 (the column minimum, z near the mean).
void require_close(double x, double ref) {
  if (std::isnan(ref)) {
    REQUIRE(std::isnan(x));
  } else {
    REQUIRE_THAT(x, WithinRel(ref, 1e-12) || WithinAbs(ref, 1e-12));
  }
}

/// Exception matcher: what() contains a substring (Catch2 2.13 only has exact Message()).
class MessageContains : public Catch::MatcherBase<std::exception> {
 public:
  explicit MessageContains(std::string part) : part_(std::move(part)) {}
  bool match(const std::exception& e) const override {
    return std::string(e.what()).find(part_) != std::string::npos;
  }
  std::string describe() const override { return "message contains \"" + part_ + "\""; }

 private:
  std::string part_;
};

NormalizeOptions with_method(NormalizeMethod m, double lo = 0, double hi = 100) {
  NormalizeOptions o;
  o.method = m;
  o.range_lo = lo;
  o.range_hi = hi;
  return o;
}

/// The R reference data set: input matrix and column infos from validation/normalize.
struct RefInput {
  Eigen::MatrixXd x;
  std::vector<ColumnInfo> columns;
  std::vector<std::string> ids;
};

RefInput load_ref_input() {
  const Table in = read_csv(validation_dir() + "/normalize/input.csv");
  const Table cols = read_csv(validation_dir() + "/normalize/columns.csv");
  RefInput r;
  for (std::size_t k = 0; k < cols.rows.size(); ++k) {
    ColumnInfo c;
    c.id = cols.cell(k, "id");
    const std::string& dir = cols.cell(k, "direction");
    REQUIRE((dir == "positive" || dir == "negative"));
    c.direction = dir == "negative" ? Direction::Negative : Direction::Positive;
    c.goalposts = std::make_pair(to_double(cols.cell(k, "goal_min")),
                                 to_double(cols.cell(k, "goal_max")));
    r.ids.push_back(c.id);
    r.columns.push_back(c);
  }
  r.x = matrix_of(in, r.ids);
  return r;
}

void check_against(const cikit::NormalizeResult& res, const RefInput& in, const std::string& file,
                   const std::string& method) {
  const Eigen::MatrixXd ref = matrix_of(read_csv(validation_dir() + "/normalize/" + file), in.ids);
  REQUIRE(res.values.rows() == ref.rows());
  REQUIRE(res.values.cols() == ref.cols());
  for (Eigen::Index j = 0; j < ref.cols(); ++j)
    for (Eigen::Index i = 0; i < ref.rows(); ++i) {
      INFO(method << ": indicator " << in.ids[static_cast<std::size_t>(j)] << ", row " << i + 1);
      require_close(res.values(i, j), ref(i, j));
    }

  const Table params = read_csv(validation_dir() + "/normalize/ref_params.csv");
  std::size_t seen = 0;
  for (std::size_t k = 0; k < params.rows.size(); ++k) {
    if (params.cell(k, "method") != method) continue;
    const auto it = std::find(in.ids.begin(), in.ids.end(), params.cell(k, "id"));
    REQUIRE(it != in.ids.end());
    const auto j = static_cast<Eigen::Index>(it - in.ids.begin());
    INFO(method << " parameters of " << *it);
    require_close(res.center(j), to_double(params.cell(k, "center")));
    require_close(res.scale(j), to_double(params.cell(k, "scale")));
    REQUIRE(res.n_truncated[static_cast<std::size_t>(j)] == std::stol(params.cell(k, "n_truncated")));
    ++seen;
  }
  REQUIRE(seen == in.ids.size());
}

/// Small data for properties: 7 units x 3 indicators with a missing value.
Eigen::MatrixXd small_data() {
  Eigen::MatrixXd x(7, 3);
  x << 3.5, 120, -2.0,  //
      7.25, 95, -0.5,   //
      1.0, kNaN, 4.75,  //
      9.5, 210, 1.0,    //
      4.0, 150, 0.25,   //
      6.75, 88, -3.5,   //
      2.25, 101, 2.0;
  return x;
}

std::vector<ColumnInfo> infos(std::vector<Direction> dirs) {
  std::vector<ColumnInfo> out;
  for (std::size_t j = 0; j < dirs.size(); ++j) {
    ColumnInfo c;
    c.id = "ind";  // not "ind" + to_string(): g++ 12 -O3 may emit a false -Wrestrict
    c.id += std::to_string(j + 1);
    c.direction = dirs[j];
    out.push_back(c);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reference values
// ---------------------------------------------------------------------------------------------

TEST_CASE("normalize min-max matches R", "[normalize][reference]") {
  // Source: validation/normalize/ref_minmax.csv (base R 4.2.2, generate.R).
  const RefInput in = load_ref_input();
  check_against(cikit::normalize(in.x, in.columns, with_method(NormalizeMethod::MinMax)), in,
                "ref_minmax.csv", "minmax");
}

TEST_CASE("normalize z-score matches R", "[normalize][reference]") {
  // Source: validation/normalize/ref_zscore.csv (base::scale(), sd with n-1).
  const RefInput in = load_ref_input();
  check_against(cikit::normalize(in.x, in.columns, with_method(NormalizeMethod::ZScore)), in,
                "ref_zscore.csv", "zscore");
}

TEST_CASE("normalize goalposts matches R", "[normalize][reference]") {
  // Source: validation/normalize/ref_goalposts.csv (clip to [gmin, gmax], then rescale).
  const RefInput in = load_ref_input();
  check_against(cikit::normalize(in.x, in.columns, with_method(NormalizeMethod::Goalposts)), in,
                "ref_goalposts.csv", "goalposts");
}

TEST_CASE("normalize: hand-computed tiny case", "[normalize][reference]") {
  // x = {2, 4, 10}: min 2, max 10, range 8, mean 16/3, sd = sqrt(((-10/3)^2 + (-4/3)^2 +
  // (14/3)^2)/2) = sqrt((100 + 16 + 196)/18) = sqrt(52/3).
  Eigen::MatrixXd x(3, 1);
  x << 2, 4, 10;
  auto pos = infos({Direction::Positive});
  auto neg = infos({Direction::Negative});
  // Tolerance 1e-14: exact small rationals, a few roundings.
  const auto mm = cikit::normalize(x, pos, with_method(NormalizeMethod::MinMax));
  REQUIRE_THAT(mm.values(0, 0), WithinAbs(0.0, 0.0));
  REQUIRE_THAT(mm.values(1, 0), WithinRel(25.0, 1e-14));  // 100 * 2/8
  REQUIRE_THAT(mm.values(2, 0), WithinRel(100.0, 0.0));
  const auto mn = cikit::normalize(x, neg, with_method(NormalizeMethod::MinMax));
  REQUIRE_THAT(mn.values(0, 0), WithinRel(100.0, 0.0));
  REQUIRE_THAT(mn.values(1, 0), WithinRel(75.0, 1e-14));  // 100 * (10-4)/8
  REQUIRE_THAT(mn.values(2, 0), WithinAbs(0.0, 0.0));
  const double sd = std::sqrt(52.0 / 3.0);
  const auto z = cikit::normalize(x, pos, with_method(NormalizeMethod::ZScore));
  REQUIRE_THAT(z.center(0), WithinRel(16.0 / 3.0, 1e-14));
  REQUIRE_THAT(z.scale(0), WithinRel(sd, 1e-14));
  REQUIRE_THAT(z.values(2, 0), WithinRel((14.0 / 3.0) / sd, 1e-14));
  const auto zn = cikit::normalize(x, neg, with_method(NormalizeMethod::ZScore));
  REQUIRE_THAT(zn.values(2, 0), WithinRel(-(14.0 / 3.0) / sd, 1e-14));
  // Goalposts [3, 8] on [0, 1]: 2 -> 3 (clipped) -> 0; 4 -> 0.2; 10 -> 8 (clipped) -> 1.
  pos[0].goalposts = std::make_pair(3.0, 8.0);
  const auto g = cikit::normalize(x, pos, with_method(NormalizeMethod::Goalposts, 0, 1));
  REQUIRE_THAT(g.values(0, 0), WithinAbs(0.0, 0.0));
  REQUIRE_THAT(g.values(1, 0), WithinRel(0.2, 1e-15));
  REQUIRE_THAT(g.values(2, 0), WithinRel(1.0, 0.0));
  REQUIRE(g.n_truncated[0] == 2);
  REQUIRE_THAT(g.center(0), WithinRel(3.0, 0.0));
  REQUIRE_THAT(g.scale(0), WithinRel(5.0, 0.0));
}

TEST_CASE("normalize: OECD/JRC Handbook Table 15 (TAI schooling)", "[normalize][reference]") {
  // Source: OECD/JRC (2008) Handbook, Table 15: the SCHOOLING indicator of the TAI case
  // study, z-score and min-max (0-1) printed to 2 decimals (../shared/data/oecd-tai).
  // Tolerance: half a unit in the 2nd decimal.
  const std::string path = shared_data_dir() + "/oecd-tai/tai_table15_schooling_normalisation.csv";
  if (!file_exists(path)) {
    WARN("skipped: " << path << " not present");
    return;
  }
  const Table t = read_csv(path);
  const Eigen::MatrixXd x = matrix_of(t, {"schooling"});
  const Eigen::MatrixXd z_pub = matrix_of(t, {"z_score"});
  const Eigen::MatrixXd mm_pub = matrix_of(t, {"min_max"});
  const auto cols = infos({Direction::Positive});
  const auto z = cikit::normalize(x, cols, with_method(NormalizeMethod::ZScore));
  const auto mm = cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax, 0, 1));
  REQUIRE(x.rows() == 23);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    INFO(t.cell(static_cast<std::size_t>(i), "country"));
    REQUIRE_THAT(z.values(i, 0), WithinAbs(z_pub(i, 0), 0.005 + 1e-12));
    REQUIRE_THAT(mm.values(i, 0), WithinAbs(mm_pub(i, 0), 0.005 + 1e-12));
  }
}

TEST_CASE("normalize: UNDP HDI 2021 from goalposts", "[normalize][reference]") {
  // Source: UNDP HDR 2021/22 technical notes and published HDI 2021 (3 dp) for every country
  // and aggregate with data (../shared/data/undp-hdi-2021). Dimension indices are goalposts
  // normalisations to [0, 1]: life expectancy 20-85 (capped, as for Hong Kong at 85.47),
  // expected schooling 0-18, mean schooling 0-15, ln GNI per capita ln 100 - ln 75 000.
  // HDI = cube root of health * education * income, education = mean of the two schooling
  // indices. Tolerance: half a unit in the 3rd decimal of the published value.
  const std::string path = shared_data_dir() + "/undp-hdi-2021/hdi_2021_components.csv";
  if (!file_exists(path)) {
    WARN("skipped: " << path << " not present");
    return;
  }
  const Table t = read_csv(path);
  Eigen::MatrixXd x = matrix_of(t, {"le_2021", "eys_2021", "mys_2021", "gnipc_2021"});
  x.col(3) = x.col(3).array().log().matrix();
  const Eigen::MatrixXd pub = matrix_of(t, {"hdi_2021"});
  std::vector<ColumnInfo> cols = infos(
      {Direction::Positive, Direction::Positive, Direction::Positive, Direction::Positive});
  cols[0].goalposts = std::make_pair(20.0, 85.0);
  cols[1].goalposts = std::make_pair(0.0, 18.0);
  cols[2].goalposts = std::make_pair(0.0, 15.0);
  cols[3].goalposts = std::make_pair(std::log(100.0), std::log(75000.0));
  const auto r = cikit::normalize(x, cols, with_method(NormalizeMethod::Goalposts, 0, 1));
  int checked = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (std::isnan(pub(i, 0)) || x.row(i).array().isNaN().any()) continue;
    const double edu = (r.values(i, 1) + r.values(i, 2)) / 2;
    const double hdi = std::cbrt(r.values(i, 0) * edu * r.values(i, 3));
    INFO(t.cell(static_cast<std::size_t>(i), "iso3"));
    REQUIRE_THAT(hdi, WithinAbs(pub(i, 0), 0.0005 + 1e-12));
    ++checked;
  }
  REQUIRE(checked == 202);  // 191 countries + 11 aggregates (SOURCE.md)
  REQUIRE(r.n_truncated[0] >= 1);  // Hong Kong's life expectancy is capped at 85
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

TEST_CASE("normalize z-score: mean 0 and sd 1 per column", "[normalize][property]") {
  const Eigen::MatrixXd x = small_data();
  for (Direction d : {Direction::Positive, Direction::Negative}) {
    const auto r = cikit::normalize(x, infos({d, d, d}), with_method(NormalizeMethod::ZScore));
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      double sum = 0, ss = 0, n = 0;
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const double v = r.values(i, j);
        if (std::isnan(v)) continue;
        sum += v;
        n += 1;
      }
      const double mean = sum / n;
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (!std::isnan(r.values(i, j))) ss += (r.values(i, j) - mean) * (r.values(i, j) - mean);
      // Tolerance 1e-14: O(n) roundings of O(1) numbers.
      REQUIRE_THAT(mean, WithinAbs(0.0, 1e-14));
      REQUIRE_THAT(std::sqrt(ss / (n - 1)), WithinRel(1.0, 1e-14));
    }
  }
  // The missing value stays missing.
  const auto r = cikit::normalize(x, infos({Direction::Positive, Direction::Positive,
                                            Direction::Positive}),
                                  with_method(NormalizeMethod::ZScore));
  REQUIRE(std::isnan(r.values(2, 1)));
}

TEST_CASE("normalize min-max: within [lo, hi], min at lo and max at hi exactly",
          "[normalize][property]") {
  const Eigen::MatrixXd x = small_data();
  for (const auto& [lo, hi] : {std::pair{0.0, 100.0}, std::pair{0.0, 1.0}, std::pair{0.1, 0.7},
                               std::pair{-3.0, 17.5}}) {
    for (Direction d : {Direction::Positive, Direction::Negative}) {
      const auto r =
          cikit::normalize(x, infos({d, d, d}), with_method(NormalizeMethod::MinMax, lo, hi));
      for (Eigen::Index j = 0; j < x.cols(); ++j) {
        Eigen::Index imin = -1, imax = -1;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = r.values(i, j);
          if (std::isnan(x(i, j))) {
            REQUIRE(std::isnan(v));
            continue;
          }
          REQUIRE(lo <= v);
          REQUIRE(v <= hi);
          if (imin < 0 || x(i, j) < x(imin, j)) imin = i;
          if (imax < 0 || x(i, j) > x(imax, j)) imax = i;
        }
        // Exact (std::lerp is exact at t = 0 and 1): no tolerance.
        const double at_min = d == Direction::Positive ? lo : hi;
        const double at_max = d == Direction::Positive ? hi : lo;
        REQUIRE_THAT(r.values(imin, j), WithinAbs(at_min, 0.0));
        REQUIRE_THAT(r.values(imax, j), WithinAbs(at_max, 0.0));
      }
    }
  }
}

TEST_CASE("normalize: invariant to positive affine maps of an indicator", "[normalize][property]") {
  const Eigen::MatrixXd x = small_data();
  const Eigen::MatrixXd y = (2.75 * x.array() - 41.5).matrix();
  const auto cols = infos({Direction::Positive, Direction::Negative, Direction::Positive});
  for (NormalizeMethod m : {NormalizeMethod::MinMax, NormalizeMethod::ZScore}) {
    const auto a = cikit::normalize(x, cols, with_method(m));
    const auto b = cikit::normalize(y, cols, with_method(m));
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        if (std::isnan(x(i, j))) {
          REQUIRE(std::isnan(b.values(i, j)));
          continue;
        }
        // Tolerance 1e-12 (absolute, outputs are O(1) to O(100)): the map adds one rounding
        // per value, relative ~1e-16 * |offset| / range.
        REQUIRE_THAT(b.values(i, j), WithinAbs(a.values(i, j), 1e-12));
      }
  }
  // Goalposts move with the data: the map applied to the goalposts too gives the same result.
  auto gx = cols;
  auto gy = cols;
  const std::pair<double, double> gp[3] = {{2.0, 8.0}, {90.0, 200.0}, {-3.0, 3.0}};
  for (std::size_t j = 0; j < 3; ++j) {
    gx[j].goalposts = gp[j];
    gy[j].goalposts = std::make_pair(2.75 * gp[j].first - 41.5, 2.75 * gp[j].second - 41.5);
  }
  const auto a = cikit::normalize(x, gx, with_method(NormalizeMethod::Goalposts));
  const auto b = cikit::normalize(y, gy, with_method(NormalizeMethod::Goalposts));
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) REQUIRE_THAT(b.values(i, j), WithinAbs(a.values(i, j), 1e-12));
  REQUIRE(a.n_truncated == b.n_truncated);
}

TEST_CASE("normalize: negative direction reverses the order", "[normalize][property]") {
  const Eigen::MatrixXd x = small_data();
  const auto pos = infos({Direction::Positive, Direction::Positive, Direction::Positive});
  const auto neg = infos({Direction::Negative, Direction::Negative, Direction::Negative});
  auto gpos = pos;
  auto gneg = neg;
  for (std::size_t j = 0; j < 3; ++j) {
    gpos[j].goalposts = gneg[j].goalposts = std::make_pair(-1.0, 160.0);
  }
  const double lo = 0, hi = 100;
  for (NormalizeMethod m : {NormalizeMethod::MinMax, NormalizeMethod::ZScore,
                            NormalizeMethod::Goalposts}) {
    const bool gp = m == NormalizeMethod::Goalposts;
    const auto p = cikit::normalize(x, gp ? gpos : pos, with_method(m, lo, hi));
    const auto n = cikit::normalize(x, gp ? gneg : neg, with_method(m, lo, hi));
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        if (std::isnan(x(i, j))) continue;
        // Mirror image: z -> -z exactly; min-max and goalposts: y -> lo + hi - y (to rounding
        // of O(100) values, 1e-12 absolute).
        if (m == NormalizeMethod::ZScore)
          REQUIRE_THAT(n.values(i, j), WithinAbs(-p.values(i, j), 0.0));
        else
          REQUIRE_THAT(n.values(i, j), WithinAbs(lo + hi - p.values(i, j), 1e-12));
        for (Eigen::Index k = 0; k < x.rows(); ++k) {
          if (std::isnan(x(k, j)) || !(x(i, j) < x(k, j))) continue;
          // Strict order where goalposts do not clip both values to the same bound.
          REQUIRE(p.values(i, j) <= p.values(k, j));
          REQUIRE(n.values(i, j) >= n.values(k, j));
          if (!gp || (x(k, j) > -1.0 && x(i, j) < 160.0)) {
            REQUIRE(p.values(i, j) < p.values(k, j));
            REQUIRE(n.values(i, j) > n.values(k, j));
          }
        }
      }
  }
}

TEST_CASE("normalize: permuting units permutes the result", "[normalize][property]") {
  const Eigen::MatrixXd x = small_data();
  const Eigen::MatrixXd y = x.colwise().reverse();
  const auto cols = infos({Direction::Positive, Direction::Negative, Direction::Positive});
  for (NormalizeMethod m : {NormalizeMethod::MinMax, NormalizeMethod::ZScore}) {
    const auto a = cikit::normalize(x, cols, with_method(m));
    const auto b = cikit::normalize(y, cols, with_method(m));
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const double u = a.values(i, j);
        const double v = b.values(x.rows() - 1 - i, j);
        if (std::isnan(u)) {
          REQUIRE(std::isnan(v));
        } else {
          // Tolerance 1e-13: only the summation order of the mean/sd changes.
          REQUIRE_THAT(v, WithinAbs(u, 1e-13));
        }
      }
  }
}

TEST_CASE("normalize goalposts: clipping counts and bounds", "[normalize][property]") {
  Eigen::MatrixXd x(6, 1);
  x << -5, 0, 2.5, 10, 12, kNaN;
  auto cols = infos({Direction::Negative});
  cols[0].goalposts = std::make_pair(0.0, 10.0);
  const auto r = cikit::normalize(x, cols, with_method(NormalizeMethod::Goalposts));
  REQUIRE(r.n_truncated[0] == 2);  // -5 and 12; the bounds themselves are not truncations
  REQUIRE_THAT(r.values(0, 0), WithinAbs(100.0, 0.0));
  REQUIRE_THAT(r.values(1, 0), WithinAbs(100.0, 0.0));
  REQUIRE_THAT(r.values(2, 0), WithinRel(75.0, 1e-15));
  REQUIRE_THAT(r.values(3, 0), WithinAbs(0.0, 0.0));
  REQUIRE_THAT(r.values(4, 0), WithinAbs(0.0, 0.0));
  REQUIRE(std::isnan(r.values(5, 0)));
  // A constant column is fine under goalposts (the range comes from the goalposts).
  Eigen::MatrixXd c = Eigen::MatrixXd::Constant(4, 1, 41.2);
  cols[0].direction = Direction::Positive;
  cols[0].goalposts = std::make_pair(0.0, 100.0);
  const auto rc = cikit::normalize(c, cols, with_method(NormalizeMethod::Goalposts));
  REQUIRE_THAT(rc.values(3, 0), WithinRel(41.2, 1e-15));
  // Other methods report no truncation.
  REQUIRE(cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax)).n_truncated ==
          std::vector<Eigen::Index>{0});
}

// ---------------------------------------------------------------------------------------------
// Errors: one per @throws, each naming the indicator
// ---------------------------------------------------------------------------------------------

TEST_CASE("normalize: column without any available value", "[normalize][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, kNaN, 2, kNaN, 3, kNaN;
  auto cols = infos({Direction::Positive, Direction::Positive});
  cols[1].id = "gdp";
  cols[0].goalposts = cols[1].goalposts = std::make_pair(0.0, 10.0);
  for (NormalizeMethod m : {NormalizeMethod::MinMax, NormalizeMethod::ZScore,
                            NormalizeMethod::Goalposts})
    REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(m)), cikit::DomainError,
                           MessageContains("indicator 'gdp'") && MessageContains("column 2") &&
                               MessageContains("no available value"));
}

TEST_CASE("normalize: constant column", "[normalize][error]") {
  Eigen::MatrixXd x(4, 3);
  x << 1, 41.2, 5, 2, 41.2, kNaN, 3, 41.2, 5, 4, 41.2, 5;
  auto cols = infos({Direction::Positive, Direction::Negative, Direction::Positive});
  cols[1].id = "gdp";
  REQUIRE_THROWS_MATCHES(
      cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax)), cikit::DomainError,
      MessageContains("indicator 'gdp'") &&
          MessageContains("min_max: column 2 has zero range (all 41.2); normalisation undefined"));
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::ZScore)),
                         cikit::DomainError,
                         MessageContains("indicator 'gdp'") &&
                             MessageContains("z_score: column 2 has zero sd (all 41.2)"));
  // Column 3 is constant over its available values (the NaN does not count).
  cols[1].id = "ok";
  x.col(1) << 1, 2, 3, 4;
  cols[2].id = "beds";
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax)),
                         cikit::DomainError,
                         MessageContains("indicator 'beds'") && MessageContains("zero range (all 5)"));
  // A single available value has no sd.
  x.col(2) << kNaN, kNaN, 7, kNaN;
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::ZScore)),
                         cikit::DomainError,
                         MessageContains("indicator 'beds'") &&
                             MessageContains("single available value (7)"));
  // Nearly constant (range 1e-10 <= 1e-12 * |mean| = 1e-9): also constant, with the numbers.
  x.col(2) << 1000, 1000, 1000 + 1e-10, 1000;
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax)),
                         cikit::DomainError,
                         MessageContains("indicator 'beds'") && MessageContains("zero range (range"));
}

TEST_CASE("normalize goalposts: indicator without goalposts", "[normalize][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 4, 2, 5, 3, 6;
  auto cols = infos({Direction::Positive, Direction::Positive});
  cols[0].goalposts = std::make_pair(0.0, 5.0);
  cols[1].id = "life_exp";
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::Goalposts)),
                         cikit::DomainError,
                         MessageContains("indicator 'life_exp'") &&
                             MessageContains("goalposts: column 2 has no goalposts"));
  // Goalposts that are not an interval are invalid input, also naming the indicator.
  cols[1].goalposts = std::make_pair(85.0, 20.0);
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::Goalposts)),
                         cikit::InvalidInput,
                         MessageContains("indicator 'life_exp'") && MessageContains("[85, 20]"));
}

TEST_CASE("normalize: column infos do not match the columns", "[normalize][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 4, 2, 5, 3, 6;
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, infos({Direction::Positive})), cikit::InvalidInput,
                         MessageContains("1 column infos") && MessageContains("2 columns"));
}

TEST_CASE("normalize: target range with lo >= hi", "[normalize][error]") {
  Eigen::MatrixXd x(3, 1);
  x << 1, 2, 3;
  const auto cols = infos({Direction::Positive});
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax, 1, 1)),
                         cikit::InvalidInput, MessageContains("target range is [1, 1]"));
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols, with_method(NormalizeMethod::MinMax, 5, 0)),
                         cikit::InvalidInput, MessageContains("lo must be finite and < hi"));
  REQUIRE_THROWS_AS(cikit::normalize(x, cols, with_method(NormalizeMethod::ZScore, kNaN, 1)),
                    cikit::InvalidInput);
}

TEST_CASE("normalize: infinite values are rejected, naming the indicator", "[normalize][error]") {
  Eigen::MatrixXd x(3, 1);
  x << 1, std::numeric_limits<double>::infinity(), 3;
  auto cols = infos({Direction::Positive});
  cols[0].id = "pm25";
  REQUIRE_THROWS_MATCHES(cikit::normalize(x, cols), cikit::InvalidInput,
                         MessageContains("indicator 'pm25'") && MessageContains("row 2"));
}
