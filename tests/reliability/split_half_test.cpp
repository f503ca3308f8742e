// Tests of methods/reliability/split_half: reference values from R psych 2.2.9 splitHalf and an
// independent exhaustive enumeration with combn() (validation/reliability/split_half/generate.R),
// properties and errors.

#include "methods/reliability/split_half.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "blocks.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit_test::column;
using cikit_test::read_table;
using cikit_test::ref_number;

namespace {
// Closed forms on one correlation matrix (sums of its entries): R and cikit differ in summation
// order only; observed worst case ~1e-15. 1e-10 as for the other closed forms.
constexpr double kRel = 1e-10;
}  // namespace

TEST_CASE("split_half matches psych::splitHalf (even k) and exhaustive combn (all k)",
          "[reliability][split_half][reference]") {
  const auto t = read_table(cikit_test::validation_dir() + "/reliability/split_half/ref_split_half.csv");
  cikit_test::DeviationLog log;
  for (std::size_t r = 1; r < t.size(); ++r) {
    const auto c = [&](const char* name) { return ref_number(t[r][column(t, name)]); };
    const std::string ds = t[r][column(t, "dataset")];
    std::string blk = t[r][column(t, "block")];
    const bool covar = t[r][column(t, "covar")] == "TRUE";
    INFO("block " << ds << "/" << blk << (covar ? " (covariance)" : ""));
    Eigen::Index cols = 0;
    if (blk == "all_first9") cols = 9;
    if (blk == "all_first7") cols = 7;
    if (cols > 0) blk = "all";
    auto b = cikit_test::load_block(ds, blk);
    if (cols > 0) {
      b.x = Eigen::MatrixXd(b.x.leftCols(cols));
      b.keys.resize(static_cast<std::size_t>(cols));
      b.items.resize(static_cast<std::size_t>(cols));
    }
    cikit::SplitHalfOptions o;
    o.item_ids = b.items;
    o.keys = b.keys;
    o.use_covariance = covar;
    const auto s = cikit::split_half(b.x, o);
    const auto k = b.x.cols();
    REQUIRE(s.k == static_cast<Eigen::Index>(c("k")));
    REQUIRE(s.lambda4_max.has_value());
    REQUIRE(s.n_splits == static_cast<long long>(c("n_splits")));
    const auto chk = [&](const char* stat, double got, double ref) {
      INFO(stat);
      REQUIRE_THAT(got, WithinRel(ref, kRel) || WithinAbs(ref, 1e-13));
      log.add(stat, got, ref);
    };
    chk("lambda4 max", *s.lambda4_max, c("lambda4_max"));
    chk("lambda4 min", *s.lambda4_min, c("lambda4_min"));
    chk("lambda4 mean", *s.lambda4_mean, c("lambda4_mean"));
    REQUIRE_THAT(s.best_split->lambda4, WithinRel(*s.lambda4_max, 1e-15));
    if (k % 2 == 0) {
      chk("psych maxrb", *s.lambda4_max, c("psych_maxrb"));
      chk("psych minrb", *s.lambda4_min, c("psych_minrb"));
      chk("psych meanr", *s.lambda4_mean, c("psych_meanr"));
    } else {
      // psych enumerates round(C(k, m))/2 subsets only: its maxrb can only be lower.
      REQUIRE(c("psych_maxrb") <= *s.lambda4_max + 1e-12);
    }
    chk("alpha", s.alpha, c("psych_alpha"));
    chk("lambda2", s.lambda2, c("psych_lambda2"));
    chk("lambda6", s.lambda6, c("psych_lambda6"));
    chk("odd-even r", s.odd_even.r_halves, c("oddeven_r"));
    chk("odd-even Spearman-Brown", s.odd_even.spearman_brown, c("oddeven_sb"));
    chk("odd-even lambda4", s.odd_even.lambda4, c("oddeven_l4"));
    chk("first-second r", s.first_second.r_halves, c("first_r"));
    chk("first-second Spearman-Brown", s.first_second.spearman_brown, c("first_sb"));
    chk("first-second lambda4", s.first_second.lambda4, c("first_l4"));
  }
  log.print("split_half");
}

TEST_CASE("split_half: k > 16 leaves the exhaustive fields absent with a note", "[reliability][split_half][property]") {
  const auto b = cikit_test::load_block("gov", "system");  // 17 indicators
  cikit::SplitHalfOptions o;
  o.item_ids = b.items;
  const auto s = cikit::split_half(b.x, o);
  REQUIRE(s.k == 17);
  REQUIRE_FALSE(s.lambda4_max.has_value());
  REQUIRE_FALSE(s.best_split.has_value());
  REQUIRE(s.n_splits == 0);
  REQUIRE(s.warnings.size() == 1);
  REQUIRE(s.warnings[0].find("not computed") != std::string::npos);
  // The fixed splits are still there.
  REQUIRE(s.odd_even.half_a.size() == 9);
  REQUIRE(s.first_second.half_a.size() == 8);
}

TEST_CASE("split_half properties: hand example, matrix input equals data input", "[reliability][split_half][property]") {
  // Parallel items r = .5, k = 4: every split has r_halves = 2/3 and Spearman-Brown = lambda4 = 0.8
  // (= alpha = 4 * .5 / (1 + 3 * .5)).
  Eigen::MatrixXd r = Eigen::MatrixXd::Constant(4, 4, 0.5);
  r.diagonal().setOnes();
  const auto s = cikit::split_half_from_matrix(r);
  REQUIRE_THAT(s.odd_even.r_halves, WithinRel(2.0 / 3.0, 1e-14));
  REQUIRE_THAT(s.odd_even.spearman_brown, WithinRel(0.8, 1e-14));
  REQUIRE_THAT(*s.lambda4_max, WithinRel(0.8, 1e-14));
  REQUIRE_THAT(*s.lambda4_min, WithinRel(0.8, 1e-14));
  REQUIRE_THAT(s.alpha, WithinRel(0.8, 1e-14));
  REQUIRE(s.n_splits == 3);
  const auto b = cikit_test::load_block("sim_small", "all");
  const Eigen::MatrixXd centered = b.x.rowwise() - b.x.colwise().mean();
  const Eigen::MatrixXd c = centered.adjoint() * centered / static_cast<double>(b.x.rows() - 1);
  REQUIRE_THAT(*cikit::split_half_from_matrix(c).lambda4_max, WithinRel(*cikit::split_half(b.x).lambda4_max, 1e-12));
}

TEST_CASE("split_half errors", "[reliability][split_half][error]") {
  REQUIRE_THROWS_AS(cikit::split_half(Eigen::MatrixXd::Ones(10, 1)), cikit::InvalidInput);
  Eigen::MatrixXd x(5, 3);
  x << 1, 2, 3, 2, 3, 1, 3, 1, 2, 4, 4, 5, 5, 6, 4;
  Eigen::MatrixXd xc = x;
  xc.col(2).setConstant(1.0);
  REQUIRE_THROWS_MATCHES(cikit::split_half(xc), cikit::DomainError,
                         Catch::Matchers::Predicate<cikit::DomainError>([](const cikit::DomainError& e) {
                           return std::string(e.what()).find("'V3' has no variance") != std::string::npos;
                         }));
  cikit::SplitHalfOptions o;
  o.keys = {1, 1};
  REQUIRE_THROWS_AS(cikit::split_half(x, o), cikit::InvalidInput);
  o = {};
  o.max_exhaustive_items = 40;
  REQUIRE_THROWS_AS(cikit::split_half(x, o), cikit::InvalidInput);
  Eigen::MatrixXd xp = x;
  xp(0, 0) = xp(1, 0) = xp(2, 1) = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_AS(cikit::split_half(xp), cikit::DomainError);  // x1, x2 share 2 rows < 3
  REQUIRE_THROWS_AS(cikit::split_half_from_matrix(Eigen::MatrixXd::Ones(2, 3)), cikit::InvalidInput);
}
