// Tests of the extended normalisations (rank, percentile, distance to target/reference, ratio
// to mean/max, vector): R reference values (validation/normalize/extended), properties, errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/normalize/normalize.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::ColumnInfo;
using cikit::Direction;
using cikit::NormalizeMethod;
using cikit::NormalizeOptions;

namespace {

using Rows = std::vector<std::vector<std::string>>;


struct Ref {
  Eigen::MatrixXd x;
  std::vector<ColumnInfo> cols;
  std::vector<std::string> ids, units;
};

Ref load() {
  const std::string dir = cikit_test::validation_dir() + "/normalize/";
  const Rows in = cikit_test::read_table(dir + "input.csv");
  const Rows cols = cikit_test::read_table(dir + "extended/columns_ext.csv");
  Ref r;
  for (std::size_t k = 1; k < cols.size(); ++k) {
    ColumnInfo c;
    c.id = cols[k][cikit_test::column(cols, "id")];
    c.direction = cols[k][cikit_test::column(cols, "direction")] == "negative" ? Direction::Negative : Direction::Positive;
    c.target = cikit_test::ref_number(cols[k][cikit_test::column(cols, "target")]);
    r.ids.push_back(c.id);
    r.cols.push_back(c);
  }
  r.x = cikit_test::numeric_columns(in, r.ids);
  for (std::size_t i = 1; i < in.size(); ++i) r.units.push_back(in[i][0]);
  return r;
}

NormalizeOptions opts(NormalizeMethod m, const Ref& r) {
  NormalizeOptions o;
  o.method = m;
  o.unit_ids = r.units;
  o.reference_row = 6;  // u07, as in generate.R
  return o;
}

/// Tolerance: each output is a closed form of one min/max/mean/norm or an exact rank; R and
/// cikit differ by operation order (lerp vs lo + (hi - lo) t, long-double sums): a few ulp.
void require_matrix(const Eigen::MatrixXd& got, const Eigen::MatrixXd& ref) {
  REQUIRE(got.rows() == ref.rows());
  REQUIRE(got.cols() == ref.cols());
  for (Eigen::Index i = 0; i < ref.rows(); ++i)
    for (Eigen::Index j = 0; j < ref.cols(); ++j) {
      if (std::isnan(ref(i, j))) {
        REQUIRE(std::isnan(got(i, j)));
        continue;
      }
      REQUIRE_THAT(got(i, j), WithinRel(ref(i, j), 1e-12) || WithinAbs(ref(i, j), 1e-12));
    }
}

}  // namespace

TEST_CASE("extended normalisations match R (validation/normalize/extended)", "[normalize][reference]") {
  const Ref r = load();
  const std::string dir = cikit_test::validation_dir() + "/normalize/extended/";
  const std::vector<std::pair<std::string, NormalizeMethod>> cases = {
      {"rank", NormalizeMethod::Rank},
      {"percentile", NormalizeMethod::PercentileRank},
      {"distance_target", NormalizeMethod::DistanceToTarget},
      {"distance_ref", NormalizeMethod::DistanceToReference},
      {"ratio_mean", NormalizeMethod::RatioToMean},
      {"ratio_max", NormalizeMethod::RatioToMax},
      {"vector", NormalizeMethod::Vector}};
  for (const auto& [file, m] : cases) {
    SECTION(file) {
      const auto res = cikit::normalize(r.x, r.cols, opts(m, r));
      require_matrix(res.values, cikit_test::numeric_columns(cikit_test::read_table(dir + "ref_" + file + ".csv"), r.ids));
      for (auto used : res.methods) REQUIRE(used == m);
    }
  }
  SECTION("distance_target capped at 1") {
    NormalizeOptions o = opts(NormalizeMethod::DistanceToTarget, r);
    o.cap_at_target = true;
    const auto res = cikit::normalize(r.x, r.cols, o);
    require_matrix(res.values, cikit_test::numeric_columns(cikit_test::read_table(dir + "ref_distance_target_cap.csv"), r.ids));
    REQUIRE(res.n_truncated[0] > 0);  // gdp_pc has units above the target 70
  }
}

TEST_CASE("per-column methods: ColumnInfo::method overrides the global method", "[normalize][reference]") {
  Ref r = load();
  r.cols[1].method = NormalizeMethod::Rank;
  const auto res = cikit::normalize(r.x, r.cols, opts(NormalizeMethod::RatioToMax, r));
  const std::string dir = cikit_test::validation_dir() + "/normalize/extended/";
  const Eigen::MatrixXd rank = cikit_test::numeric_columns(cikit_test::read_table(dir + "ref_rank.csv"), r.ids);
  const Eigen::MatrixXd rmax = cikit_test::numeric_columns(cikit_test::read_table(dir + "ref_ratio_max.csv"), r.ids);
  Eigen::MatrixXd expect = rmax;
  expect.col(1) = rank.col(1);
  require_matrix(res.values, expect);
  REQUIRE(res.methods[1] == NormalizeMethod::Rank);
  REQUIRE(res.methods[0] == NormalizeMethod::RatioToMax);
}

TEST_CASE("extended normalisations: unit-order invariance and scale invariance", "[normalize][property]") {
  const Ref r = load();
  const Eigen::Index n = r.x.rows();
  Eigen::VectorXi perm(n);
  for (Eigen::Index i = 0; i < n; ++i) perm(i) = static_cast<int>((i * 17 + 5) % n);  // 17 coprime to 40
  Eigen::MatrixXd xperm(n, r.x.cols());
  std::vector<std::string> uperm(static_cast<std::size_t>(n));
  Eigen::Index ref_new = -1;
  for (Eigen::Index i = 0; i < n; ++i) {
    xperm.row(i) = r.x.row(perm(i));
    uperm[static_cast<std::size_t>(i)] = r.units[static_cast<std::size_t>(perm(i))];
    if (perm(i) == 6) ref_new = i;
  }
  for (auto m : {NormalizeMethod::Rank, NormalizeMethod::PercentileRank, NormalizeMethod::DistanceToTarget,
                 NormalizeMethod::DistanceToReference, NormalizeMethod::RatioToMean, NormalizeMethod::RatioToMax,
                 NormalizeMethod::Vector}) {
    const auto a = cikit::normalize(r.x, r.cols, opts(m, r));
    NormalizeOptions o = opts(m, r);
    o.unit_ids = uperm;
    o.reference_row = ref_new;
    const auto b = cikit::normalize(xperm, r.cols, o);
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < r.x.cols(); ++j) {
        const double va = a.values(perm(i), j), vb = b.values(i, j);
        if (std::isnan(va)) REQUIRE(std::isnan(vb));
        else REQUIRE_THAT(vb, WithinRel(va, 1e-13) || WithinAbs(va, 1e-13));
      }
  }
  // Scale invariance y(c x) = y(x), c > 0, for the methods that are ratios or ranks (distance_target
  // is invariant when the target is scaled too).
  Ref s = r;
  const double c = 3.75;
  s.x *= c;
  for (auto& col : s.cols) col.target = *col.target * c;
  for (auto m : {NormalizeMethod::Rank, NormalizeMethod::PercentileRank, NormalizeMethod::DistanceToTarget,
                 NormalizeMethod::DistanceToReference, NormalizeMethod::RatioToMean, NormalizeMethod::RatioToMax,
                 NormalizeMethod::Vector}) {
    const auto a = cikit::normalize(r.x, r.cols, opts(m, r));
    const auto b = cikit::normalize(s.x, s.cols, opts(m, s));
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < r.x.cols(); ++j) {
        if (std::isnan(a.values(i, j))) continue;
        REQUIRE_THAT(b.values(i, j), WithinRel(a.values(i, j), 1e-13) || WithinAbs(a.values(i, j), 1e-12));
      }
  }
}

TEST_CASE("extended normalisations: errors name the indicator and unit", "[normalize][error]") {
  Ref r = load();
  SECTION("ratio over a non-positive value") {
    r.x(3, 0) = 0;
    REQUIRE_THROWS_AS(cikit::normalize(r.x, r.cols, opts(NormalizeMethod::RatioToMean, r)), cikit::DomainError);
    try {
      (void)cikit::normalize(r.x, r.cols, opts(NormalizeMethod::RatioToMax, r));
    } catch (const cikit::DomainError& e) {
      const std::string msg = e.what();
      REQUIRE(msg.find("unit 'u04'") != std::string::npos);
      REQUIRE(msg.find("gdp_pc") != std::string::npos);
    }
  }
  SECTION("distance_target without a target") {
    r.cols[2].target.reset();
    REQUIRE_THROWS_WITH(cikit::normalize(r.x, r.cols, opts(NormalizeMethod::DistanceToTarget, r)),
                        Catch::Contains("no (finite) target") && Catch::Contains("pm25"));
  }
  SECTION("distance_target with the target on the wrong side of the worst value") {
    r.cols[0].target = 1.0;  // below min(gdp_pc) for a positive indicator
    REQUIRE_THROWS_WITH(cikit::normalize(r.x, r.cols, opts(NormalizeMethod::DistanceToTarget, r)),
                        Catch::Contains("not above the minimum"));
  }
  SECTION("distance_ref without a reference, or with a missing reference value") {
    NormalizeOptions o = opts(NormalizeMethod::DistanceToReference, r);
    o.reference_row.reset();
    REQUIRE_THROWS_AS(cikit::normalize(r.x, r.cols, o), cikit::InvalidInput);
    o.reference_row = 3;  // u04 has unemployment missing
    REQUIRE_THROWS_WITH(cikit::normalize(r.x, r.cols, o), Catch::Contains("unit 'u04'") && Catch::Contains("missing"));
  }
  SECTION("vector normalisation of an all-zero column") {
    r.x.col(4).setZero();
    REQUIRE_THROWS_WITH(cikit::normalize(r.x, r.cols, opts(NormalizeMethod::Vector, r)), Catch::Contains("norm is 0"));
  }
  SECTION("percentile rank needs two values; a constant column under rank is a warning") {
    Eigen::MatrixXd one = Eigen::MatrixXd::Constant(3, 1, std::nan(""));
    one(0, 0) = 2;
    std::vector<ColumnInfo> c(1);
    c[0].id = "x";
    NormalizeOptions o;
    o.method = NormalizeMethod::PercentileRank;
    REQUIRE_THROWS_WITH(cikit::normalize(one, c, o), Catch::Contains("n >= 2"));
    Eigen::MatrixXd flat = Eigen::MatrixXd::Constant(4, 1, 5.0);
    o.method = NormalizeMethod::Rank;
    const auto res = cikit::normalize(flat, c, o);
    REQUIRE(res.warnings.size() == 1);
    REQUIRE(res.values.isApprox(Eigen::MatrixXd::Ones(4, 1)));
  }
}
