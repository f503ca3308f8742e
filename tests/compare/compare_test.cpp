// Tests of methods/compare: the index under several schemes against base R
// (validation/compare/compare.R: scores, ranks, cor(method = "spearman"/"kendall"), rank
// shifts, top-3 overlap), hand-computed rank shifts and top-N overlaps, movers, errors, and
// the bootstrap stability (determinism for 1, 2 and 8 threads).

#include "methods/compare/compare.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using cikit::WeightMethod;

namespace {

struct Case {
  cikit::Spec spec;
  cikit::Dataset data;
  std::vector<cikit::CompareScheme> schemes;
};

const Case& validation_case() {
  static const Case c = [] {
    Case k{cikit::read_spec(cikit_test::validation_dir() + "/compare/spec.yaml"), {}, {}};
    k.data = cikit::load_data(k.spec);
    k.schemes = cikit::compare_schemes(
        k.spec.config, {WeightMethod::Equal, WeightMethod::Given, WeightMethod::Entropy, WeightMethod::CV}, {}, {});
    return k;
  }();
  return c;
}

}  // namespace

TEST_CASE("compare_index matches base R on validation/compare", "[compare][reference]") {
  const Case& c = validation_case();
  cikit::CompareOptions o;
  o.top = 3;
  const auto r = cikit::compare_index(c.data, c.spec.tree, c.schemes, {}, o);
  REQUIRE(r.schemes.size() == 4);
  const auto scores = cikit_test::read_table(cikit_test::validation_dir() + "/compare/ref_scores.csv");
  REQUIRE(scores.size() == 13);
  double max_score_dev = 0;
  for (std::size_t u = 0; u < 12; ++u)
    for (std::size_t s = 0; s < 4; ++s) {
      const auto& si = r.schemes[s];
      max_score_dev = std::max(max_score_dev, std::abs(si.score(static_cast<Eigen::Index>(u)) -
                                                       cikit_test::ref_number(scores[u + 1][1 + s])));
      CHECK(si.rank(static_cast<Eigen::Index>(u)) == std::stoi(scores[u + 1][5 + s]));
    }
  CHECK(max_score_dev < 1e-10);
  std::string devs = fmt::format("largest absolute deviation from R: scores {:.2g}", max_score_dev);
  for (const auto& [file, m] : {std::pair{"ref_spearman.csv", &r.spearman}, std::pair{"ref_kendall.csv", &r.kendall}}) {
    const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/compare/" + file);
    double dev = 0;
    for (Eigen::Index a = 0; a < 4; ++a)
      for (Eigen::Index b = 0; b < 4; ++b)
        dev = std::max(dev, std::abs((*m)(a, b) - cikit_test::ref_number(t[static_cast<std::size_t>(a) + 1]
                                                                          [static_cast<std::size_t>(b) + 1])));
    INFO(file);
    CHECK(dev < 1e-12);
    devs += fmt::format("; {} {:.2g}", file, dev);
  }
  WARN(devs);
  const auto shift = cikit_test::read_table(cikit_test::validation_dir() + "/compare/ref_shift.csv");
  for (Eigen::Index s = 0; s < 4; ++s) {
    const auto& row = shift[static_cast<std::size_t>(s) + 1];
    CHECK_THAT(r.mean_abs_shift(s), WithinAbs(cikit_test::ref_number(row[1]), 1e-14));
    CHECK(r.max_abs_shift(s) == std::stoi(row[2]));
    CHECK_THAT(r.top_overlap(s), WithinAbs(cikit_test::ref_number(row[3]), 1e-14));
  }
  // Movers: largest |shift| first (3, from given/entropy/cv), ties by reference rank.
  REQUIRE(!r.movers.empty());
  CHECK(r.movers.front().max_shift == 3);
  for (std::size_t k = 1; k < r.movers.size(); ++k) {
    const auto& p = r.movers[k - 1];
    const auto& q = r.movers[k];
    CHECK((p.max_shift > q.max_shift || (p.max_shift == q.max_shift && p.reference_rank <= q.reference_rank)));
  }
  // By hand from ref_scores.csv: |shift| 3 for u04 (4 -> 1 under given), u03 (8 -> 11), u06
  // (10 -> 7), u08 (11 -> 8 under cv); in order of reference rank.
  REQUIRE(r.movers.size() >= 4);
  const char* expect[] = {"u04", "u03", "u06", "u08"};
  for (std::size_t k = 0; k < 4; ++k) CHECK(c.data.unit_ids[static_cast<std::size_t>(r.movers[k].unit)] == expect[k]);
  CHECK(r.movers[0].max_shift_scheme == 1);
  CHECK(r.movers[0].best_rank == 1);
  CHECK(r.movers[0].worst_rank == 4);
  CHECK(r.movers[3].max_shift_scheme == 3);
  CHECK(r.movers[4].max_shift < 3);
}

TEST_CASE("rank shift and top-N overlap on a hand-computed case", "[compare]") {
  Eigen::VectorXi ref(5), a(5), b(5);
  ref << 1, 2, 3, 4, 5;
  a << 2, 1, 3, 5, 4;
  b << 3, 1, 2, 5, 4;
  CHECK_THAT(cikit::top_n_overlap(a, ref, 2), WithinAbs(1.0, 0.0));
  CHECK_THAT(cikit::top_n_overlap(b, ref, 2), WithinAbs(0.5, 0.0));   // {u2, u3} vs {u1, u2}
  CHECK_THAT(cikit::top_n_overlap(b, ref, 3), WithinAbs(1.0, 0.0));
  Eigen::VectorXi t1(4), t2(4);
  t1 << 1, 2, 2, 4;  // three units in the top 2 (tie)
  t2 << 1, 2, 3, 4;
  CHECK_THAT(cikit::top_n_overlap(t1, t2, 2), WithinAbs(2.0 / 3.0, 1e-15));
  Eigen::VectorXi u(3);
  u << 0, 1, 2;  // unranked units are never in a top-N
  Eigen::VectorXi v(3);
  v << 1, 2, 3;
  CHECK_THAT(cikit::top_n_overlap(u, v, 1), WithinAbs(0.0, 0.0));
  CHECK_THROWS_AS(cikit::top_n_overlap(u, v, 0), cikit::InvalidInput);
  CHECK_THROWS_AS(cikit::top_n_overlap(u, ref, 1), cikit::InvalidInput);
  Eigen::MatrixXi runs(2, 5);
  runs.row(0) = a.transpose();
  runs.row(1) = b.transpose();
  const Eigen::VectorXd m = cikit::mean_abs_rank_shift(runs, ref);
  CHECK_THAT(m(0), WithinAbs(4.0 / 5.0, 1e-15));  // |1|+|1|+0+|1|+|1|
  CHECK_THAT(m(1), WithinAbs(6.0 / 5.0, 1e-15));  // 2+1+1+1+1
}

TEST_CASE("compare_schemes: product and names", "[compare]") {
  cikit::IndexConfig base;
  const auto one = cikit::compare_schemes(base, {WeightMethod::Equal, WeightMethod::Critic}, {}, {});
  REQUIRE(one.size() == 2);
  CHECK(one[1].name == "critic");
  const auto many = cikit::compare_schemes(base, {WeightMethod::Equal, WeightMethod::Critic},
                                           {cikit::NormalizeMethod::MinMax, cikit::NormalizeMethod::ZScore},
                                           {cikit::AggregateMethod::Arithmetic, cikit::AggregateMethod::Geometric});
  REQUIRE(many.size() == 8);
  CHECK(many[0].name == "equal/minmax/arithmetic");
  CHECK(many[7].name == "critic/zscore/geometric");
  CHECK(many[7].config.normalize == cikit::NormalizeMethod::ZScore);
}

TEST_CASE("compare_index: errors", "[compare]") {
  const Case& c = validation_case();
  CHECK_THROWS_WITH(cikit::compare_index(c.data, c.spec.tree, {c.schemes[0]}, {}), Contains("at least 2"));
  CHECK_THROWS_WITH(cikit::compare_index(c.data, c.spec.tree, {c.schemes[0], c.schemes[0]}, {}),
                    Contains("'equal' is listed twice"));
  cikit::CompareOptions o;
  o.reference = 7;
  CHECK_THROWS_WITH(cikit::compare_index(c.data, c.spec.tree, c.schemes, {}, o), Contains("out of range"));
  auto bad = c.schemes;
  bad[1].config.weights = WeightMethod::Ahp;
  CHECK_THROWS_WITH(cikit::compare_index(c.data, c.spec.tree, bad, {}), Contains("scheme given: ") && Contains("judgments"));
}

TEST_CASE("weight_stability: identical for 1, 2 and 8 threads; fixed weights do not vary", "[compare][stability]") {
  const Case& c = validation_case();
  cikit::StabilityOptions o;
  o.replicates = 40;
  o.seed = 7;
  std::vector<std::vector<cikit::SchemeStability>> runs;
  for (int t : {1, 2, 8}) {
    o.threads = t;
    runs.push_back(cikit::weight_stability(c.data, c.spec.tree, c.schemes, {}, o));
  }
  for (std::size_t k = 1; k < runs.size(); ++k)
    for (std::size_t s = 0; s < c.schemes.size(); ++s) {
      const auto& a = runs[0][s];
      const auto& b = runs[k][s];
      CHECK(a.mean == b.mean);
      CHECK(a.sd == b.sd);
      CHECK(a.lower == b.lower);
      CHECK(a.upper == b.upper);
      CHECK(a.ranks.lower == b.ranks.lower);
      CHECK(a.ranks.upper == b.ranks.upper);
      CHECK(Eigen::VectorXd::Constant(1, a.ranks.mean_interval_width) == Eigen::VectorXd::Constant(1, b.ranks.mean_interval_width));
    }
  const auto& r = runs[0];
  for (std::size_t s = 0; s < 2; ++s) {  // equal and given: weights fixed, ranks fixed
    CHECK_THAT(r[s].sd.maxCoeff(), WithinAbs(0.0, 1e-15));  // mean of equal values: last-bit noise
    CHECK_THAT(r[s].ranks.mean_interval_width, WithinAbs(0.0, 0.0));
    CHECK(r[s].replicates_used == 40);
  }
  for (std::size_t s = 2; s < 4; ++s) {  // entropy and cv: weights vary across resamples
    INFO(r[s].name);
    CHECK(r[s].sd.maxCoeff() > 0.0);
    for (Eigen::Index i = 0; i < r[s].mean.size(); ++i) {
      CHECK(r[s].lower(i) <= r[s].upper(i));
      CHECK(r[s].cv(i) == Approx(r[s].sd(i) / r[s].mean(i)));
    }
  }
  o.replicates = 1;
  CHECK_THROWS_WITH(cikit::weight_stability(c.data, c.spec.tree, c.schemes, {}, o), Contains("at least 2"));
}
