// Tests of methods/describe: reference values from R (validation/describe), a hand-computed
// case, published Excel examples, properties, degenerate columns and errors.

#include "methods/describe/describe.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- tiny CSV reader (RFC 4180 quotes; "NA" or "" = missing), local to this test ----------
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t col(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) FAIL("column '" << name << "' not in reference CSV");
    return static_cast<std::size_t>(it - header.begin());
  }
  const std::string& cell(std::size_t r, const std::string& name) const {
    return rows.at(r).at(col(name));
  }
};

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

bool to_bool(const std::string& s) {
  if (s == "TRUE") return true;
  if (s == "FALSE") return false;
  FAIL("not a logical: '" << s << "'");
  return false;
}

std::string validation_dir() { return CIKIT_VALIDATION_DIR; }

/// NaN in the reference means "undefined": the value must be NaN too; otherwise it must
/// agree to 1e-12. Tolerance: the statistics are closed forms evaluated by R (long-double
/// sums) and by cikit (double two-pass); rounding differences are a few ulp of the moment
/// sums, far below 1e-12 relative. The absolute branch covers values near 0 (sd of the
/// constant column, skewness of a nearly symmetric one).
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

Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double d : v) x(i++) = d;
  return x;
}

cikit::Dataset dataset_from(const Eigen::MatrixXd& values, std::vector<std::string> ids) {
  cikit::Dataset d;
  d.values = values;
  d.indicator_ids = std::move(ids);
  for (Eigen::Index i = 0; i < values.rows(); ++i) {
    std::string id = "u";  // not "u" + to_string(): g++ 12 -O3 emits a false -Wrestrict
    id += std::to_string(i);
    d.unit_ids.push_back(std::move(id));
  }
  return d;
}

bool any_warning_contains(const cikit::DescribeResult& r, const std::string& part) {
  return std::any_of(r.warnings.begin(), r.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("describe matches R (validation/describe/generate.R)", "[describe][reference]") {
  // Source: validation/describe/ref_describe.csv, base R 4.2.2 with e1071 type-2 formulas.
  const Table in = read_csv(validation_dir() + "/describe/input.csv");
  const Table ref = read_csv(validation_dir() + "/describe/ref_describe.csv");

  std::vector<std::string> ids(in.header.begin() + 1, in.header.end());
  Eigen::MatrixXd values(static_cast<Eigen::Index>(in.rows.size()),
                         static_cast<Eigen::Index>(ids.size()));
  for (std::size_t i = 0; i < in.rows.size(); ++i)
    for (std::size_t j = 0; j < ids.size(); ++j)
      values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          to_double(in.rows[i].at(j + 1));
  const cikit::DescribeResult r = cikit::describe(dataset_from(values, ids));

  REQUIRE(r.indicators.size() == ref.rows.size());
  REQUIRE(r.n_units == 40);
  for (std::size_t k = 0; k < ref.rows.size(); ++k) {
    const cikit::IndicatorStats& s = r.indicators[k];
    INFO("indicator " << ref.cell(k, "id"));
    REQUIRE(s.id == ref.cell(k, "id"));
    REQUIRE(s.n == std::stol(ref.cell(k, "n")));
    REQUIRE(s.n_missing == std::stol(ref.cell(k, "n_missing")));
    require_close(s.mean, to_double(ref.cell(k, "mean")));
    require_close(s.sd, to_double(ref.cell(k, "sd")));
    require_close(s.min, to_double(ref.cell(k, "min")));
    require_close(s.max, to_double(ref.cell(k, "max")));
    require_close(s.skewness, to_double(ref.cell(k, "skewness")));
    require_close(s.kurtosis, to_double(ref.cell(k, "kurtosis")));
    REQUIRE(s.outlier_flag == to_bool(ref.cell(k, "outlier_flag")));
    REQUIRE(s.zero_variance == to_bool(ref.cell(k, "zero_variance")));
    REQUIRE(s.all_missing == to_bool(ref.cell(k, "all_missing")));
  }

  // Missing-value bookkeeping: unemployment 6, sparse 37, empty 40.
  REQUIRE(r.n_missing == 6 + 37 + 40);
  REQUIRE(r.unit_missing.size() == 40);
  for (Eigen::Index i = 0; i < values.rows(); ++i)
    REQUIRE(r.unit_missing[static_cast<std::size_t>(i)] == values.row(i).array().isNaN().count());

  // One warning per flagged indicator, each naming it; none for the regular ones.
  REQUIRE(r.warnings.size() == 4);
  for (const char* id : {"'pm25'", "'constant'", "'sparse'", "'empty'"})
    REQUIRE(any_warning_contains(r, id));
  for (const char* id : {"'gdp_pc'", "'unemployment'", "'hospital_beds'", "'life_exp'"})
    REQUIRE_FALSE(any_warning_contains(r, id));
  REQUIRE(any_warning_contains(r, "all 40 available values equal 41.2"));
}

TEST_CASE("describe_column: hand-computed x = {1, 2, 3, 4, 10}", "[describe][reference]") {
  // n = 5, mean = 4, deviations d = -3, -2, -1, 0, 6.
  // S2 = 9+4+1+0+36 = 50, S3 = -27-8-1+0+216 = 180, S4 = 81+16+1+0+1296 = 1394.
  // sd = sqrt(50/4) = sqrt(12.5).
  // m2 = 10, m3 = 36, m4 = 278.8 (divisor n).
  // g1 = m3/m2^{3/2} = 36/(10 sqrt 10) = 3.6/sqrt(10);
  // G1 = sqrt(n(n-1))/(n-2) g1 = (sqrt(20)/3)(3.6/sqrt(10)) = 1.2 sqrt(2) = 1.6970562748477141.
  // g2 = m4/m2^2 - 3 = 2.788 - 3 = -0.212;
  // G2 = ((n+1) g2 + 6)(n-1)/((n-2)(n-3)) = (6(-0.212) + 6) 4/(3*2) = 4.728*4/6 = 3.152.
  // Outlier flag: |G1| = 1.70 <= 2, so no flag (although G2 = 3.152 is also below 3.5).
  const cikit::IndicatorStats s = cikit::describe_column(vec({1, 2, 3, 4, 10}));
  // Tolerance 1e-14: exact rational inputs, a handful of roundings.
  REQUIRE(s.n == 5);
  REQUIRE(s.n_missing == 0);
  REQUIRE_THAT(s.mean, WithinRel(4.0, 1e-15));
  REQUIRE_THAT(s.sd, WithinRel(std::sqrt(12.5), 1e-14));
  REQUIRE_THAT(s.min, WithinRel(1.0, 0.0));
  REQUIRE_THAT(s.max, WithinRel(10.0, 0.0));
  REQUIRE_THAT(s.skewness, WithinRel(1.2 * std::sqrt(2.0), 1e-14));
  REQUIRE_THAT(s.kurtosis, WithinRel(3.152, 1e-14));
  REQUIRE_FALSE(s.outlier_flag);
  REQUIRE_FALSE(s.zero_variance);
  REQUIRE_FALSE(s.all_missing);

  // Same values with missing ones interleaved: NaN is skipped, counted in n_missing.
  const cikit::IndicatorStats m = cikit::describe_column(vec({kNaN, 1, 2, kNaN, 3, 4, 10, kNaN}));
  REQUIRE(m.n == 5);
  REQUIRE(m.n_missing == 3);
  REQUIRE_THAT(m.skewness, WithinRel(s.skewness, 1e-15));
  REQUIRE_THAT(m.kurtosis, WithinRel(s.kurtosis, 1e-15));
}

TEST_CASE("describe_column: published Excel SKEW/KURT example", "[describe][reference]") {
  // Microsoft Excel help, SKEW and KURT: data 3,4,5,2,3,4,5,6,4,7 give SKEW = 0.359543 and
  // KURT = -0.151799637; agricolae::kurtosis documents the same data (with an NA) as
  // -0.1517996. Tolerance: half a unit in the last published digit.
  const cikit::IndicatorStats s = cikit::describe_column(vec({3, 4, 5, 2, 3, 4, 5, 6, 4, 7}));
  REQUIRE_THAT(s.skewness, WithinAbs(0.359543, 5e-7));
  REQUIRE_THAT(s.kurtosis, WithinAbs(-0.151799637, 5e-10));
  const cikit::IndicatorStats a = cikit::describe_column(vec({3, 4, 5, 2, 3, 4, 5, 6, 4, kNaN, 7}));
  REQUIRE_THAT(a.kurtosis, WithinAbs(-0.1517996, 5e-8));
  REQUIRE(a.n_missing == 1);
}

TEST_CASE("describe_column: JRC outlier rule", "[describe][reference]") {
  // 19 ones and one 100. For one spike among n equal values (any height h), with
  // deviations h(n-1)/n once and -h/n (n-1) times:
  //   m2 = h^2 (n-1)/n^2, m3 = h^3 (n-1)(n-2)/n^3, m4 = h^4 (n-1)(n^2-3n+3)/n^4, so
  //   g1 = (n-2)/sqrt(n-1), g2 = (n^2-3n+3)/(n-1) - 3, and then G1 = sqrt(n), G2 = n.
  // Here G1 = sqrt(20) = 4.47 > 2 and G2 = 20 > 3.5: flagged.
  Eigen::VectorXd x = Eigen::VectorXd::Ones(20);
  x(7) = 100;
  const cikit::IndicatorStats s = cikit::describe_column(x);
  const double n = 20;
  const double g1 = (n - 2) / std::sqrt(n - 1);
  const double g2 = (n * n - 3 * n + 3) / (n - 1) - 3;
  REQUIRE_THAT(s.skewness, WithinRel(std::sqrt(n * (n - 1)) / (n - 2) * g1, 1e-12));
  REQUIRE_THAT(s.kurtosis,
               WithinRel(((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)), 1e-12));
  REQUIRE_THAT(s.skewness, WithinRel(std::sqrt(n), 1e-12));
  REQUIRE_THAT(s.kurtosis, WithinRel(n, 1e-12));
  REQUIRE(s.outlier_flag);

  // The thresholds are options: raising the kurtosis threshold above G2 clears the flag.
  cikit::DescribeOptions opt;
  opt.kurt_threshold = s.kurtosis + 1;
  REQUIRE_FALSE(cikit::describe_column(x, opt).outlier_flag);
  // Both conditions are needed: a large |skewness| alone does not flag.
  opt = {};
  opt.skew_threshold = std::abs(s.skewness) + 1;
  REQUIRE_FALSE(cikit::describe_column(x, opt).outlier_flag);
  // A strongly left-skewed column flags too (|skewness| is used).
  REQUIRE(cikit::describe_column(-x).outlier_flag);
}

TEST_CASE("describe_column: invariance to positive affine maps and permutation",
          "[describe][property]") {
  const Eigen::VectorXd x = vec({2.5, 7.25, 1.0, 9.5, 3.75, 3.0, 12.0, 0.5, 6.0, 4.25, 30.0});
  const cikit::IndicatorStats s = cikit::describe_column(x);
  const double a = 3.7, b = -120.25;
  const cikit::IndicatorStats t = cikit::describe_column((a * x.array() + b).matrix());
  // Tolerance 1e-12: the affine map adds one rounding per value, relative ~1e-16 * |b|/sd.
  REQUIRE_THAT(t.mean, WithinRel(a * s.mean + b, 1e-12));
  REQUIRE_THAT(t.sd, WithinRel(a * s.sd, 1e-12));
  REQUIRE_THAT(t.skewness, WithinRel(s.skewness, 1e-12));
  REQUIRE_THAT(t.kurtosis, WithinRel(s.kurtosis, 1e-12));
  // Reflection flips the sign of the skewness only.
  const cikit::IndicatorStats r = cikit::describe_column(-x);
  REQUIRE_THAT(r.skewness, WithinRel(-s.skewness, 1e-14));
  REQUIRE_THAT(r.kurtosis, WithinRel(s.kurtosis, 1e-14));
  // Permuting units changes nothing beyond summation-order rounding.
  Eigen::VectorXd p = x.reverse();
  std::swap(p(0), p(4));
  const cikit::IndicatorStats q = cikit::describe_column(p);
  REQUIRE_THAT(q.mean, WithinRel(s.mean, 1e-14));
  REQUIRE_THAT(q.sd, WithinRel(s.sd, 1e-14));
  REQUIRE_THAT(q.skewness, WithinRel(s.skewness, 1e-13));
  REQUIRE_THAT(q.kurtosis, WithinRel(s.kurtosis, 1e-13));
}

TEST_CASE("describe_column: two-pass moments survive a large offset", "[describe][property]") {
  // Oracle test: values 1e9 + {1,2,3,4,10}. The textbook one-pass formula
  // (sum x^2 - n mean^2)/(n-1) loses every digit here (x^2 ~ 1e18, eps*1e18 ~ 1e2 >> S2 = 50);
  // the two-pass algorithm keeps the hand-computed values of the small case to ~1e-7
  // relative (the offset itself costs ~eps*1e9/sd ~ 1e-7 in the deviations).
  const Eigen::VectorXd x = (vec({1, 2, 3, 4, 10}).array() + 1e9).matrix();
  const cikit::IndicatorStats s = cikit::describe_column(x);
  REQUIRE_THAT(s.sd, WithinRel(std::sqrt(12.5), 1e-7));
  REQUIRE_THAT(s.skewness, WithinRel(1.2 * std::sqrt(2.0), 1e-7));
  REQUIRE_THAT(s.kurtosis, WithinRel(3.152, 1e-7));
  // The one-pass formula really fails on these data (so the test can tell them apart).
  const double naive_var = (x.squaredNorm() - 5 * s.mean * s.mean) / 4;
  REQUIRE(std::abs(naive_var - 12.5) > 1.0);
}

TEST_CASE("describe_column: degenerate columns give NaN, not garbage", "[describe][edge]") {
  SECTION("all missing") {
    const cikit::IndicatorStats s = cikit::describe_column(vec({kNaN, kNaN, kNaN}));
    REQUIRE(s.n == 0);
    REQUIRE(s.n_missing == 3);
    REQUIRE(s.all_missing);
    REQUIRE(s.zero_variance);
    REQUIRE(std::isnan(s.mean));
    REQUIRE(std::isnan(s.sd));
    REQUIRE(std::isnan(s.min));
    REQUIRE(std::isnan(s.max));
    REQUIRE(std::isnan(s.skewness));
    REQUIRE(std::isnan(s.kurtosis));
    REQUIRE_FALSE(s.outlier_flag);
  }
  SECTION("empty vector") {
    const cikit::IndicatorStats s = cikit::describe_column(Eigen::VectorXd(0));
    REQUIRE(s.n == 0);
    REQUIRE(s.all_missing);
  }
  SECTION("one value: sd undefined (n < 2)") {
    const cikit::IndicatorStats s = cikit::describe_column(vec({kNaN, 5.0}));
    REQUIRE(s.n == 1);
    REQUIRE_THAT(s.mean, WithinRel(5.0, 0.0));
    REQUIRE(std::isnan(s.sd));
    REQUIRE(s.zero_variance);
    REQUIRE_FALSE(s.all_missing);
  }
  SECTION("two values: skewness undefined (n < 3)") {
    const cikit::IndicatorStats s = cikit::describe_column(vec({1.0, 3.0}));
    REQUIRE_THAT(s.sd, WithinRel(std::sqrt(2.0), 1e-15));
    REQUIRE(std::isnan(s.skewness));
    REQUIRE(std::isnan(s.kurtosis));
    REQUIRE_FALSE(s.zero_variance);
  }
  SECTION("three values: kurtosis undefined (n < 4)") {
    // x = {1, 2, 6}: mean 3, d = -2,-1,3, m2 = 14/3, m3 = 18/3 = 6,
    // g1 = 6/(14/3)^{3/2}, G1 = sqrt(6) g1 = 6 sqrt(6) (3/14)^{3/2} = 1.2933427807...
    const cikit::IndicatorStats s = cikit::describe_column(vec({1.0, 2.0, 6.0}));
    REQUIRE_THAT(s.skewness, WithinRel(6 * std::sqrt(6.0) * std::pow(3.0 / 14.0, 1.5), 1e-14));
    REQUIRE(std::isnan(s.kurtosis));
    REQUIRE_FALSE(s.outlier_flag);
  }
  SECTION("constant: zero variance, moments NaN") {
    const cikit::IndicatorStats s = cikit::describe_column(Eigen::VectorXd::Constant(30, 41.2));
    REQUIRE(s.zero_variance);
    REQUIRE_THAT(s.sd, WithinAbs(0.0, 1e-12));
    REQUIRE(std::isnan(s.skewness));
    REQUIRE(std::isnan(s.kurtosis));
    REQUIRE_FALSE(s.outlier_flag);
  }
  SECTION("nearly constant within zero_variance_tol") {
    Eigen::VectorXd x = Eigen::VectorXd::Constant(10, 1000.0);
    x(3) += 1e-10;  // sd ~ 3e-11 <= 1e-12 * 1000
    REQUIRE(cikit::describe_column(x).zero_variance);
    cikit::DescribeOptions opt;
    opt.zero_variance_tol = 0;
    REQUIRE_FALSE(cikit::describe_column(x, opt).zero_variance);
  }
  SECTION("infinite value: moments NaN, min/max kept") {
    const cikit::IndicatorStats s =
        cikit::describe_column(vec({1.0, std::numeric_limits<double>::infinity(), 2.0}));
    REQUIRE(s.n == 3);
    REQUIRE(std::isnan(s.mean));
    REQUIRE(std::isinf(s.max));
    REQUIRE_FALSE(s.outlier_flag);
  }
}

TEST_CASE("describe: one warning sentence per flagged indicator, naming it", "[describe][edge]") {
  Eigen::MatrixXd v(5, 6);
  v.col(0) << 1, 2, 3, 4, 10;                    // fine
  v.col(1) << kNaN, kNaN, kNaN, kNaN, kNaN;      // all missing
  v.col(2) << 7, 7, 7, 7, 7;                     // constant
  v.col(3) << kNaN, kNaN, 3, kNaN, 4;            // n = 2
  v.col(4) << 1, 1, 1, 1, 1e6;                   // spike: G1 = sqrt 5 = 2.236, G2 = 5 -> flag
  v.col(5) << 1, kNaN, std::numeric_limits<double>::infinity(), 2, 3;  // infinite
  const cikit::DescribeResult r =
      cikit::describe(dataset_from(v, {"ok", "gone", "flat", "few", "spiky", "inf"}));
  REQUIRE(r.warnings.size() == 5);
  REQUIRE_FALSE(any_warning_contains(r, "'ok'"));
  REQUIRE(any_warning_contains(r, "indicator 'gone' (column 2): all 5 values are missing"));
  REQUIRE(any_warning_contains(r, "indicator 'flat' (column 3): zero variance"));
  REQUIRE(any_warning_contains(r, "indicator 'few' (column 4): only 2 available values"));
  REQUIRE(any_warning_contains(r, "indicator 'spiky' (column 5): skewness 2.236"));
  REQUIRE(any_warning_contains(r, "indicator 'inf' (column 6): 1 of 4 available values"));
  REQUIRE(r.indicators[4].outlier_flag);
  REQUIRE(r.n_missing == 5 + 3 + 1);
  REQUIRE(r.unit_missing == std::vector<Eigen::Index>{2, 3, 1, 2, 1});
}

TEST_CASE("describe: invalid input", "[describe][error]") {
  Eigen::MatrixXd v(3, 2);
  v << 1, 2, 3, 4, 5, 6;
  // One id per column is required (Dataset's contract).
  REQUIRE_THROWS_MATCHES(cikit::describe(dataset_from(v, {"a"})), cikit::InvalidInput,
                         MessageContains("1 indicator ids") && MessageContains("2 columns"));
  cikit::DescribeOptions opt;
  opt.zero_variance_tol = -1;
  REQUIRE_THROWS_MATCHES(cikit::describe(dataset_from(v, {"a", "b"}), opt), cikit::InvalidInput,
                         MessageContains("zero_variance_tol"));
  opt = {};
  opt.skew_threshold = kNaN;
  REQUIRE_THROWS_MATCHES(cikit::describe_column(v.col(0), opt), cikit::InvalidInput,
                         MessageContains("skew_threshold"));
  opt = {};
  opt.kurt_threshold = std::numeric_limits<double>::infinity();
  REQUIRE_THROWS_MATCHES(cikit::describe_column(v.col(0), opt), cikit::InvalidInput,
                         MessageContains("kurt_threshold"));
}

TEST_CASE("describe_column: values near the top of the double range keep finite moments", "[describe][stress]") {
  // x = 2^k {1, 2, 3, 4, 10}: the squared deviations overflow a double for 2^k >= 2^512, but the
  // moments are computed on x * 2^-e and scaled back exactly, so mean = 4·2^k, sd = sqrt(12.5)·2^k
  // and the scale-free skewness and kurtosis equal the unscaled ones bit for bit.
  const cikit::IndicatorStats ref = cikit::describe_column(vec({1, 2, 3, 4, 10}));
  for (const int k : {-1060, -600, 0, 600, 1019}) {
    const double f = std::ldexp(1.0, k);
    const cikit::IndicatorStats s = cikit::describe_column(vec({f, 2 * f, 3 * f, 4 * f, 10 * f}));
    INFO("2^" << k);
    REQUIRE(std::isfinite(s.mean));
    REQUIRE(std::isfinite(s.sd));
    if (k < -1000) continue;  // subnormal inputs (2^-1060) have lost digits: finiteness only
    REQUIRE_THAT(s.mean, Catch::Matchers::WithinULP(std::ldexp(ref.mean, k), 0));
    REQUIRE_THAT(s.sd, Catch::Matchers::WithinULP(std::ldexp(ref.sd, k), 0));
    if (k < 0) {  // sd 2^-600 is below the absolute zero-variance floor 1e-12 x max(1, |mean|)
      REQUIRE(s.zero_variance);
      continue;
    }
    REQUIRE_THAT(s.skewness, Catch::Matchers::WithinULP(ref.skewness, 0));
    REQUIRE_THAT(s.kurtosis, Catch::Matchers::WithinULP(ref.kurtosis, 0));
  }
  // 1.7e308 and -1.7e308: mean 0, sd finite (their sum and squares would overflow).
  const cikit::IndicatorStats w = cikit::describe_column(vec({1.7e308, -1.7e308, 1.7e308, -1.7e308}));
  REQUIRE_THAT(w.mean, Catch::Matchers::WithinULP(0.0, 0));
  REQUIRE_THAT(w.sd, WithinRel(1.7e308 * std::sqrt(4.0 / 3.0), 1e-15));
}
