// Tests of methods/delphi: R references (validation/delphi/generate.R: friedman.test, vegan,
// psych::ICC lmer = FALSE, own R CVI/CVR/Fleiss/Krippendorff), worked examples of
// DELPHI-REFERENCE.md §2, §4, §6, properties and errors.

#include "methods/delphi/delphi.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/delphi/delphi_input.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit_test::column;
using cikit_test::read_table;
using cikit_test::ref_number;

namespace {

// Closed forms (sums, ratios, binomials): 1e-10 relative. Distribution functions and quantiles
// (Boost vs R's pchisq/pf/qf/pnorm, both accurate to ~1e-14): 1e-9.
constexpr double kClosed = 1e-10;
constexpr double kDist = 1e-9;

#define CHECK_NEAR(x, ref, tol) CHECK_THAT((x), WithinRel((ref), (tol)) || WithinAbs((ref), (tol)))

std::string vdir() { return cikit_test::validation_dir() + "/delphi"; }

Eigen::MatrixXd input_matrix(const std::string& name) {
  const auto t = read_table(vdir() + "/input_" + name + ".csv");
  Eigen::MatrixXd x(static_cast<Eigen::Index>(t.size() - 1), static_cast<Eigen::Index>(t[0].size()));
  for (std::size_t i = 1; i < t.size(); ++i)
    for (std::size_t j = 0; j < t[i].size(); ++j)
      x(static_cast<Eigen::Index>(i - 1), static_cast<Eigen::Index>(j)) = ref_number(t[i][j]);
  return x;
}

/// Rows of a reference table whose first column equals `dataset`.
std::vector<std::vector<std::string>> rows_of(const std::vector<std::vector<std::string>>& t, const std::string& ds) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t[i][0] == ds) out.push_back(t[i]);
  return out;
}

double cell(const std::vector<std::vector<std::string>>& t, const std::vector<std::string>& row, const std::string& name) {
  return ref_number(row.at(column(t, name)));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Kendall's W against friedman.test / vegan
// ---------------------------------------------------------------------------------------------

TEST_CASE("kendall_w matches friedman.test, vegan::kendall.global and the uncorrected formula",
          "[delphi][kendall][reference]") {
  const auto ref = read_table(vdir() + "/ref_kendall.csv");
  const auto ranks = read_table(vdir() + "/ref_rank_sums.csv");
  for (const std::string ds : {"k1", "k2", "k3", "c1", "s1", "s2", "s3", "s4"}) {
    INFO("dataset " << ds);
    const auto row = rows_of(ref, ds).at(0);
    const auto k = cikit::kendall_w(input_matrix(ds), {.permutations = 0});
    CHECK_NEAR(k.s, cell(ref, row, "S"), kClosed);
    CHECK_NEAR(k.w, cell(ref, row, "W"), kClosed);
    CHECK_NEAR(k.w, cell(ref, row, "W_vegan"), kClosed);
    CHECK_NEAR(k.w_uncorrected, cell(ref, row, "W_uncorrected"), kClosed);
    CHECK_NEAR(k.chi2, cell(ref, row, "chi2"), kClosed);
    CHECK_NEAR(k.chi2_uncorrected, cell(ref, row, "chi2_uncorrected"), kClosed);
    CHECK(k.df == static_cast<int>(cell(ref, row, "df")));
    CHECK_NEAR(k.p, cell(ref, row, "p"), kDist);
    CHECK_NEAR(k.p_uncorrected, cell(ref, row, "p_uncorrected"), kDist);
    CHECK_NEAR(k.f, cell(ref, row, "F"), kClosed);
    CHECK_NEAR(k.f_df1, cell(ref, row, "F_df1"), kClosed);
    CHECK_NEAR(k.f_df2, cell(ref, row, "F_df2"), kClosed);
    CHECK_NEAR(k.p_f, cell(ref, row, "p_F"), kDist);
    const auto rr = rows_of(ranks, ds);
    REQUIRE(rr.size() == static_cast<std::size_t>(k.rank_sums.size()));
    for (std::size_t j = 0; j < rr.size(); ++j)
      CHECK_NEAR(k.rank_sums(static_cast<Eigen::Index>(j)), cell(ranks, rr[j], "rank_sum"), kClosed);
  }
}

TEST_CASE("kendall_w reproduces the worked examples K1-K3", "[delphi][kendall][reference]") {
  // Printed to 6 significant digits in DELPHI-REFERENCE.md §6: tolerance 5e-7 absolute.
  Eigen::MatrixXd k1(4, 8);
  k1 << 8, 4, 2, 3, 5, 1, 6, 7, 7, 3, 1, 4, 5, 2, 6, 8, 8, 2, 5, 6, 7, 1, 4, 3, 8, 3, 4, 2, 5, 1, 6, 7;
  auto r = cikit::kendall_w(k1, {.permutations = 0});
  CHECK_THAT(r.s, WithinAbs(500, 1e-12));
  CHECK_THAT(r.w, WithinAbs(0.744048, 5e-7));
  CHECK_THAT(r.chi2, WithinAbs(20.833333, 5e-7));
  CHECK_THAT(r.p, WithinAbs(0.00402482, 5e-9));
  CHECK_THAT(r.f, WithinAbs(8.720930, 5e-7));
  CHECK_THAT(r.p_f, WithinRel(8.71201e-05, 1e-5));
  Eigen::MatrixXd k3(3, 6);
  k3 << 1, 4, 2.5, 5, 6, 2.5, 2, 3, 1, 5, 6, 4, 1.5, 3, 1.5, 4, 5.5, 5.5;
  r = cikit::kendall_w(k3, {.permutations = 0});
  CHECK_THAT(r.ties, WithinAbs(18, 1e-12));
  CHECK_THAT(r.w_uncorrected, WithinAbs(0.825397, 5e-7));
  CHECK_THAT(r.w, WithinAbs(0.849673, 5e-7));
  CHECK_THAT(r.chi2, WithinAbs(12.745098, 5e-7));
  CHECK_THAT(r.p, WithinAbs(0.0258882, 5e-8));
  CHECK_THAT(r.chi2_uncorrected, WithinAbs(12.380952, 5e-7));
  CHECK_THAT(r.f, WithinAbs(11.304348, 5e-7));
  CHECK_THAT(r.rank_sums(0), WithinAbs(4.5, 0));  // exact half-integer
}

TEST_CASE("kendall_w properties: range, perfect agreement, expert order, threads", "[delphi][kendall][property]") {
  auto g = cikit::make_stream(7, cikit::StreamTag::Simulate, 0);
  for (int rep = 0; rep < 20; ++rep) {
    Eigen::MatrixXd x(7, 9);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      for (Eigen::Index j = 0; j < x.cols(); ++j) x(i, j) = 1 + static_cast<double>(cikit::uniform_index(g, 5));
    const auto k = cikit::kendall_w(x, {.permutations = 0});
    CHECK(k.w >= 0);
    CHECK(k.w <= 1);
    CHECK(k.w_uncorrected <= k.w);
    // Reversing expert order changes nothing.
    const Eigen::MatrixXd rev = x.colwise().reverse();
    const auto k2 = cikit::kendall_w(rev, {.permutations = 0});
    CHECK_THAT(k2.w, WithinRel(k.w, 1e-14));
    CHECK_THAT(k2.chi2, WithinRel(k.chi2, 1e-14));
  }
  Eigen::MatrixXd same(5, 6);
  for (Eigen::Index i = 0; i < 5; ++i) same.row(i) << 1, 3, 2, 5, 4, 5;
  const auto k = cikit::kendall_w(same, {.permutations = 199});
  CHECK_THAT(k.w, WithinAbs(1.0, 1e-14));
  CHECK(std::isinf(k.f));
  CHECK_THAT(k.p_permutation, WithinAbs(1.0 / 200, 1e-15));  // no permutation reaches S exactly... except identity
  // Permutation p identical for 1, 2 and 8 threads, and reproducible by seed.
  const Eigen::MatrixXd s2 = input_matrix("s2");
  const auto a = cikit::kendall_w(s2, {.permutations = 999, .seed = 11, .threads = 1});
  const auto b = cikit::kendall_w(s2, {.permutations = 999, .seed = 11, .threads = 2});
  const auto c = cikit::kendall_w(s2, {.permutations = 999, .seed = 11, .threads = 8});
  CHECK_FALSE(a.p_permutation < b.p_permutation);
  CHECK_FALSE(b.p_permutation < a.p_permutation);
  CHECK_FALSE(a.p_permutation < c.p_permutation);
  CHECK_FALSE(c.p_permutation < a.p_permutation);
  // The permutation p is close to the chi-squared p here (m = 8, n = 6: 0.018).
  CHECK(a.p_permutation > 0.005);
  CHECK(a.p_permutation < 0.05);
}

TEST_CASE("kendall_w errors", "[delphi][kendall][error]") {
  Eigen::MatrixXd one(1, 4);
  one << 1, 2, 3, 4;
  CHECK_THROWS_AS(cikit::kendall_w(one), cikit::InvalidInput);
  Eigen::MatrixXd na(3, 3);
  na << 1, 2, 3, 2, std::nan(""), 1, 3, 3, 1;
  CHECK_THROWS_WITH(cikit::kendall_w(na), Contains("drop incomplete experts"));
  Eigen::MatrixXd flat = Eigen::MatrixXd::Constant(4, 5, 4.0);
  CHECK_THROWS_AS(cikit::kendall_w(flat), cikit::DomainError);
}

// ---------------------------------------------------------------------------------------------
// ICC, Fleiss, Krippendorff
// ---------------------------------------------------------------------------------------------

TEST_CASE("intraclass_correlation matches psych::ICC(lmer = FALSE)", "[delphi][icc][reference]") {
  const auto ref = read_table(vdir() + "/ref_icc.csv");
  for (const std::string ds : {"c1", "s1", "s2", "s3", "s4"}) {
    INFO("dataset " << ds);
    const auto r = cikit::intraclass_correlation(input_matrix(ds));
    const auto rows = rows_of(ref, ds);
    REQUIRE(rows.size() == 6);
    for (std::size_t q = 0; q < 6; ++q) {
      INFO(r.icc[q].shrout_fleiss);
      CHECK_NEAR(r.icc[q].value, cell(ref, rows[q], "ICC"), kClosed);
      CHECK_NEAR(r.icc[q].f, cell(ref, rows[q], "F"), kClosed);
      CHECK_NEAR(r.icc[q].df1, cell(ref, rows[q], "df1"), kClosed);
      CHECK_NEAR(r.icc[q].df2, cell(ref, rows[q], "df2"), kClosed);
      CHECK_NEAR(r.icc[q].p, cell(ref, rows[q], "p"), kDist);
      CHECK_NEAR(r.icc[q].lower, cell(ref, rows[q], "lower"), kDist);
      CHECK_NEAR(r.icc[q].upper, cell(ref, rows[q], "upper"), kDist);
    }
  }
  // DELPHI-REFERENCE.md §6 C1 (printed 6 digits).
  const auto c1 = cikit::intraclass_correlation(input_matrix("c1"));
  CHECK_THAT(c1.icc[1].value, WithinAbs(0.283613, 5e-7));
  CHECK_THAT(c1.icc[4].value, WithinAbs(0.703736, 5e-7));
  CHECK(c1.icc[1].mcgraw_wong == "ICC(A,1)");
  CHECK(c1.icc[5].shrout_fleiss == "ICC(3,k)");
}

TEST_CASE("Fleiss' kappa and Krippendorff's alpha match the R implementations", "[delphi][agreement][reference]") {
  const auto ref = read_table(vdir() + "/ref_agreement.csv");
  for (const std::string ds : {"c1", "s1", "s2", "s3", "s4", "s1na"}) {
    INFO("dataset " << ds);
    const auto row = rows_of(ref, ds).at(0);
    const Eigen::MatrixXd x = input_matrix(ds);
    if (ds != "s1na") {
      const auto f = cikit::fleiss_kappa(x);
      CHECK_NEAR(f.kappa, cell(ref, row, "kappa"), kClosed);
      CHECK_NEAR(f.z, cell(ref, row, "z"), kClosed);
      CHECK_NEAR(f.p, cell(ref, row, "p"), kDist);
    } else {
      CHECK_THROWS_AS(cikit::fleiss_kappa(x), cikit::InvalidInput);
    }
    CHECK_NEAR(cikit::krippendorff_alpha(x, cikit::AlphaLevel::Nominal), cell(ref, row, "alpha_nominal"), kClosed);
    CHECK_NEAR(cikit::krippendorff_alpha(x, cikit::AlphaLevel::Ordinal), cell(ref, row, "alpha_ordinal"), kClosed);
    CHECK_NEAR(cikit::krippendorff_alpha(x, cikit::AlphaLevel::Interval), cell(ref, row, "alpha_interval"), kClosed);
  }
  // Fleiss' kappa of C1 printed in DELPHI-REFERENCE.md §6.
  CHECK_THAT(cikit::fleiss_kappa(input_matrix("c1")).kappa, WithinAbs(0.138756, 5e-7));
}

// ---------------------------------------------------------------------------------------------
// Item statistics, CVI, CVR, screening
// ---------------------------------------------------------------------------------------------

TEST_CASE("item statistics, CVI, modified kappa and CVR match R", "[delphi][items][reference]") {
  const auto ref = read_table(vdir() + "/ref_items.csv");
  const auto sref = read_table(vdir() + "/ref_scale.csv");
  const std::map<std::string, std::array<double, 3>> cfg = {{"c1", {4, 3, 4}}, {"s1", {5, 4, 5}}, {"s2", {5, 4, 5}},
                                                            {"s3", {5, 4, 5}}, {"s4", {4, 3, 4}}, {"s1na", {5, 4, 5}}};
  for (const auto& [ds, c] : cfg) {
    INFO("dataset " << ds);
    const Eigen::MatrixXd x = input_matrix(ds);
    const auto st = cikit::item_statistics(x, {.scale_max = c[0]});
    const auto obs = cikit::item_statistics(x, {.scale_max = c[0], .full_score = cikit::FullScoreRule::ObservedMaximum});
    const auto cvi = cikit::content_validity_index(x, c[1]);
    const auto cvr = cikit::content_validity_ratio(x, c[2]);
    const auto rows = rows_of(ref, ds);
    REQUIRE(rows.size() == static_cast<std::size_t>(x.cols()));
    for (std::size_t q = 0; q < rows.size(); ++q) {
      const auto j = static_cast<Eigen::Index>(q);
      CHECK_NEAR(st.n(j), cell(ref, rows[q], "n"), kClosed);
      CHECK_NEAR(st.mean(j), cell(ref, rows[q], "mean"), kClosed);
      CHECK_NEAR(st.sd(j), cell(ref, rows[q], "sd"), kClosed);
      CHECK_NEAR(st.cv(j), cell(ref, rows[q], "cv"), kClosed);
      CHECK_NEAR(st.full_score_ratio(j), cell(ref, rows[q], "full_score_ratio"), kClosed);
      CHECK_NEAR(obs.full_score_ratio(j), cell(ref, rows[q], "full_score_observed"), kClosed);
      CHECK_NEAR(cvi.i_cvi(j), cell(ref, rows[q], "i_cvi"), kClosed);
      CHECK_NEAR(cvi.pc(j), cell(ref, rows[q], "pc"), kClosed);
      CHECK_NEAR(cvi.kappa(j), cell(ref, rows[q], "kappa"), kClosed);
      CHECK_NEAR(cvr.cvr(j), cell(ref, rows[q], "cvr"), kClosed);
      CHECK_NEAR(cvr.n_critical(j), cell(ref, rows[q], "n_critical"), kClosed);
      CHECK_NEAR(cvr.cvr_critical(j), cell(ref, rows[q], "cvr_critical"), kClosed);
    }
    const auto srow = rows_of(sref, ds).at(0);
    CHECK_NEAR(cvi.s_cvi_ave, cell(sref, srow, "s_cvi_ave"), kClosed);
    CHECK_NEAR(cvi.s_cvi_ua, cell(sref, srow, "s_cvi_ua"), kClosed);
  }
}

TEST_CASE("CVI worked example C1 and the modified-kappa table", "[delphi][cvi][reference]") {
  const auto cvi = cikit::content_validity_index(input_matrix("c1"), 3);
  CHECK_THAT(cvi.s_cvi_ave, WithinAbs(0.972222, 5e-7));
  CHECK_THAT(cvi.s_cvi_ua, WithinAbs(0.833333, 5e-7));
  CHECK_THAT(cvi.pc(5), WithinAbs(0.09375, 1e-15));
  CHECK_THAT(cvi.kappa(5), WithinAbs(0.816092, 5e-7));
  CHECK(cvi.kappa_band[5] == "excellent");
  CHECK_THAT(cvi.kappa(0), WithinAbs(1.0, 1e-15));
  // DELPHI-REFERENCE.md §4 table (N, A, k* printed to 3 decimals).
  const std::vector<std::array<double, 3>> table = {{3, 2, .467}, {4, 3, .667}, {5, 4, .763}, {5, 3, .418},
                                                    {6, 5, .816}, {6, 4, .565}, {7, 6, .849}, {7, 5, .658},
                                                    {8, 7, .871}, {8, 6, .719}, {9, 8, .887}, {9, 7, .761},
                                                    {10, 9, .899}, {10, 8, .791}, {10, 7, .660}, {9, 6, .601}};
  for (const auto& [N, A, k] : table) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(N), 1, 1.0);
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(A); ++i) x(i, 0) = 4;
    INFO("N = " << N << ", A = " << A);
    CHECK_THAT(cikit::content_validity_index(x, 3).kappa(0), WithinAbs(k, 5e-4));
  }
}

TEST_CASE("Lawshe critical values: exact binomial (Ayre & Scally 2014)", "[delphi][cvr][reference]") {
  const auto ref = read_table(vdir() + "/ref_cvr_critical.csv");
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const double N = ref_number(ref[i][0]);
    Eigen::MatrixXd x = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(N), 1, 3.0);
    const auto r = cikit::content_validity_ratio(x, 3);
    INFO("N = " << N);
    CHECK_NEAR(r.n_critical(0), ref_number(ref[i][1]), kClosed);
    CHECK_NEAR(r.cvr_critical(0), ref_number(ref[i][2]), kClosed);
    CHECK(r.meets[0]);
  }
  // Lawshe formula: psychometric::CVratio(5, 3) = 0.2; N = 4 has no critical value.
  Eigen::MatrixXd five(5, 1);
  five << 3, 3, 3, 1, 1;
  CHECK_THAT(cikit::content_validity_ratio(five, 3).cvr(0), WithinAbs(0.2, 1e-15));
  const auto r4 = cikit::content_validity_ratio(Eigen::MatrixXd::Constant(4, 1, 3.0), 3);
  CHECK(std::isnan(r4.n_critical(0)));
  CHECK_FALSE(r4.warnings.empty());
}

TEST_CASE("score-count tables (S1) give the published statistics", "[delphi][items][reference]") {
  // 33 experts; counts of 5/4/3/2/1 points. DELPHI-REFERENCE.md §6 S1, printed to 6 decimals.
  Eigen::MatrixXd counts(4, 5);
  counts << 10, 12, 9, 2, 0, 20, 11, 1, 1, 0, 9, 17, 7, 0, 0, 13, 14, 5, 1, 0;
  Eigen::VectorXd scores(5);
  scores << 5, 4, 3, 2, 1;
  const auto s = cikit::item_statistics_from_counts(counts, scores);
  const double ref[4][4] = {{3.909091, 0.913908, 0.233790, 0.303030},
                            {4.515152, 0.712444, 0.157790, 0.606061},
                            {4.060606, 0.704423, 0.173477, 0.272727},
                            {4.181818, 0.808337, 0.193298, 0.393939}};
  for (Eigen::Index j = 0; j < 4; ++j) {
    CHECK_THAT(s.mean(j), WithinAbs(ref[j][0], 5e-7));
    CHECK_THAT(s.sd(j), WithinAbs(ref[j][1], 5e-7));
    CHECK_THAT(s.cv(j), WithinAbs(ref[j][2], 5e-7));
    CHECK_THAT(s.full_score_ratio(j), WithinAbs(ref[j][3], 5e-7));
  }
  Eigen::MatrixXd bad = counts;
  bad(0, 0) = 1.5;
  CHECK_THROWS_AS(cikit::item_statistics_from_counts(bad, scores), cikit::InvalidInput);
}

TEST_CASE("boundary-value thresholds with n-1 and n SD", "[delphi][screening][reference]") {
  const auto ref = read_table(vdir() + "/ref_boundary_s3.csv");
  const auto st = cikit::item_statistics(input_matrix("s3"));
  for (std::size_t i = 1; i <= 2; ++i) {
    cikit::ScreeningOptions o;
    o.boundary_sd = i == 1 ? cikit::SdConvention::Sample : cikit::SdConvention::Population;
    const auto r = cikit::screen_indicators(st, o);
    CHECK_NEAR(r.thresholds.mean, ref_number(ref[i][1]), kClosed);
    CHECK_NEAR(r.thresholds.full_score, ref_number(ref[i][2]), kClosed);
    CHECK_NEAR(r.thresholds.cv, ref_number(ref[i][3]), kClosed);
  }
}

TEST_CASE("screening verdicts follow the stated rule", "[delphi][screening][property]") {
  cikit::ItemStats st;
  st.mean = Eigen::Vector4d(4.5, 3.2, 4.4, 2.9);
  st.cv = Eigen::Vector4d(0.10, 0.20, 0.30, 0.40);
  st.full_score_ratio = Eigen::Vector4d(0.6, 0.3, 0.5, 0.0);
  cikit::ScreeningOptions o;
  o.boundary = false;
  const auto r = cikit::screen_indicators(st, o);
  CHECK(r.verdict[0] == cikit::Verdict::Keep);
  CHECK(r.verdict[1] == cikit::Verdict::Revise);  // mean only
  CHECK(r.verdict[2] == cikit::Verdict::Revise);  // CV only
  CHECK(r.verdict[3] == cikit::Verdict::Drop);    // both fixed cut-offs
  CHECK(std::isnan(r.thresholds.mean));
  o.boundary = true;
  const auto b = cikit::screen_indicators(st, o);
  CHECK(b.fail_boundary_mean[3]);
  CHECK(b.fail_boundary_cv[3]);
  CHECK(b.fail_boundary_full_score[3]);
  CHECK_FALSE(b.fail_boundary_mean[0]);
  // Nobody gave the full score: the full-score criterion is not applied (warning).
  st.full_score_ratio.setZero();
  const auto z = cikit::screen_indicators(st, o);
  CHECK_FALSE(z.fail_boundary_full_score[0]);
  CHECK_FALSE(z.fail_boundary_full_score[3]);
  CHECK_FALSE(z.warnings.empty());
  st.cv(1) = std::nan("");
  CHECK_THROWS_AS(cikit::screen_indicators(st, o), cikit::InvalidInput);
}

// ---------------------------------------------------------------------------------------------
// Authority coefficient: BMJ Open worked example (DELPHI-REFERENCE.md §2)
// ---------------------------------------------------------------------------------------------

TEST_CASE("authority coefficient reproduces the recomputed BMJ Open example", "[delphi][authority][reference]") {
  using cikit::BasisLevel;
  auto panel = [](std::array<int, 3> theory, std::array<int, 3> peers, std::array<int, 3> intuition,
                  std::array<int, 3> fam) {
    std::vector<cikit::ExpertAuthorityAnswers> e(16);
    auto level = [](const std::array<int, 3>& c, int i) {
      return i < c[0] ? BasisLevel::High : i < c[0] + c[1] ? BasisLevel::Medium : BasisLevel::Low;
    };
    for (int i = 0; i < 16; ++i) {
      e[static_cast<std::size_t>(i)].basis = {BasisLevel::High, level(theory, i), level(peers, i), level(intuition, i)};
      e[static_cast<std::size_t>(i)].familiarity = i < fam[0] ? "very" : i < fam[0] + fam[1] ? "familiar" : "moderate";
    }
    return cikit::authority_coefficients(e);
  };
  // Sums of exact decimals: 1e-12 absolute.
  const auto r1 = panel({7, 9, 0}, {3, 11, 2}, {2, 8, 6}, {1, 12, 3});
  CHECK_THAT(r1.ca_mean, WithinAbs(0.943750, 1e-12));
  CHECK_THAT(r1.cs_mean, WithinAbs(0.775000, 1e-12));
  CHECK_THAT(r1.cr_mean, WithinAbs(0.859375, 1e-12));
  CHECK(r1.acceptable);
  const auto r2 = panel({9, 7, 0}, {5, 10, 1}, {5, 8, 3}, {3, 12, 1});
  CHECK_THAT(r2.ca_mean, WithinAbs(0.956250, 1e-12));
  CHECK_THAT(r2.cs_mean, WithinAbs(0.825000, 1e-12));
  CHECK_THAT(r2.cr_mean, WithinAbs(0.890625, 1e-12));
  CHECK_THAT(r2.cr.mean(), WithinAbs(r2.cr_mean, 1e-14));
  std::vector<cikit::ExpertAuthorityAnswers> bad(1);
  bad[0].basis = {BasisLevel::High, BasisLevel::High, BasisLevel::High, BasisLevel::High};
  bad[0].familiarity = "expert";
  CHECK_THROWS_AS(cikit::authority_coefficients(bad), cikit::InvalidInput);
}

// ---------------------------------------------------------------------------------------------
// Reader and whole analysis
// ---------------------------------------------------------------------------------------------

namespace {
namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("cikit_delphi_test_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

const cikit::Spec& governance_spec() {
  static const cikit::Spec spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  return spec;
}

std::string reader_error(const std::string& ratings, const std::string& experts = "") {
  const fs::path d = temp_dir("reader");
  write(d / "r.csv", ratings);
  std::string y = "ratings: r.csv\nscale: {min: 1, max: 5}\n";
  if (!experts.empty()) {
    write(d / "e.csv", experts);
    y += "experts: e.csv\n";
  }
  write(d / "d.yaml", y);
  try {
    (void)cikit::read_delphi(d / "d.yaml", governance_spec().tree);
  } catch (const cikit::InvalidInput& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("read_delphi: located errors", "[delphi][input][error]") {
  const std::string head = "round,expert,indicator,aspect,score\n";
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,4\n1,E1,nope,importance,4\n"),
             Contains("r.csv:3:3") && Contains("indicator 'nope'"));
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,6\n"),
             Contains("r.csv:2:5") && Contains("outside the scale"));
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,4\n1,E1,party_org_coverage,importance,5\n"),
             Contains("r.csv:3:2") && Contains("duplicate rating") && Contains("line 2"));
  CHECK_THAT(reader_error(head + "0,E1,party_org_coverage,importance,4\n"), Contains("r.csv:2:1"));
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,abc\n"), Contains("not a number"));
  CHECK_THAT(reader_error(head + "1,E1,cggi,importance,4\n"), Contains("the index itself"));
  CHECK_THAT(reader_error("round,expert,indicator,score\n1,E1,party_org_coverage,4\n"), Contains("'aspect'"));
  CHECK_THAT(reader_error(head + "1,E9,party_org_coverage,importance,4\n", "round,expert,returned\n1,E1,yes\n"),
             Contains("r.csv:2") && Contains("not in the expert sheet"));
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,4\n", "round,expert,returned\n1,E1,no\n"),
             Contains("returned = no"));
  CHECK_THAT(reader_error(head + "1,E1,party_org_coverage,importance,4\n",
                          "round,expert,returned,practice,theory,peers,intuition,familiarity\n1,E1,yes,big,high,low,low,very\n"),
             Contains("e.csv:2:4") && Contains("high, medium or low"));
  // YAML errors
  const fs::path d = temp_dir("yaml");
  write(d / "r.csv", head + "1,E1,party_org_coverage,importance,4\n");
  write(d / "d.yaml", "ratings: r.csv\nscale: {min: 1, max: 5, colour: 3}\n");
  CHECK_THROWS_WITH(cikit::read_delphi(d / "d.yaml", governance_spec().tree), Contains("d.yaml:2:") && Contains("colour"));
  write(d / "d.yaml", "ratings: missing.csv\n");
  CHECK_THROWS_WITH(cikit::read_delphi(d / "d.yaml", governance_spec().tree), Contains("not found"));
}

TEST_CASE("score-count input through the reader and the analysis", "[delphi][input][analysis]") {
  // S1's first two rows on two governance indicators; W, ICC, kappa need expert identity.
  const fs::path d = temp_dir("counts");
  write(d / "c.csv",
        "round,indicator,aspect,score,count\n"
        "1,party_org_coverage,importance,5,10\n1,party_org_coverage,importance,4,12\n"
        "1,party_org_coverage,importance,3,9\n1,party_org_coverage,importance,2,2\n"
        "1,online_service_rate,importance,5,20\n1,online_service_rate,importance,4,11\n"
        "1,online_service_rate,importance,3,1\n1,online_service_rate,importance,2,1\n");
  write(d / "d.yaml", "counts: c.csv\nscale: {min: 1, max: 5}\n");
  const auto& spec = governance_spec();
  const auto in = cikit::read_delphi(d / "d.yaml", spec.tree);
  const auto res = cikit::analyse_delphi(in, spec.tree);
  REQUIRE(res.rounds.size() == 1);
  REQUIRE(res.rounds[0].groups.size() == 1);
  const auto& g = res.rounds[0].groups[0];
  CHECK_FALSE(g.kendall);
  CHECK(g.n_experts == 33);
  CHECK_THAT(g.stats.mean(0), WithinAbs(3.909091, 5e-7));
  CHECK_THAT(g.stats.cv(1), WithinAbs(0.157790, 5e-7));
  CHECK(std::isnan(g.rank_sums(0)));
  write(d / "c.csv", "round,indicator,aspect,score,count\n1,party_org_coverage,importance,5,2.5\n");
  CHECK_THROWS_WITH(cikit::read_delphi(d / "d.yaml", spec.tree), Contains("c.csv:2:5"));
}

TEST_CASE("spec: optional delphi key resolved relative to the spec", "[delphi][input]") {
  const auto& spec = governance_spec();
  REQUIRE_FALSE(spec.delphi.empty());
  CHECK(spec.delphi.filename() == "delphi.yaml");
  CHECK(fs::exists(spec.delphi));
  const std::string base = "index: {id: m}\ndata: {file: d.csv, unit: id}\ntree:\n  - {id: a, children: [{id: a1, direction: \"+\"}]}\n";
  const auto s = cikit::parse_spec(base + "delphi: sub/x.yaml\n", "s.yaml", "/base");
  CHECK(s.delphi == fs::path("/base/sub/x.yaml"));
  CHECK(s.delphi_where.line == 5);
  CHECK_THROWS_WITH(cikit::parse_spec(base + "delphi: \"\"\n", "s.yaml", "/base"), Contains("s.yaml:5:9: delphi is empty"));
  CHECK(cikit::parse_spec(base, "s.yaml", "/base").delphi.empty());
}

TEST_CASE("bundled consultation: W per round and aspect matches friedman.test", "[delphi][analysis][reference]") {
  const auto& spec = governance_spec();
  auto in = cikit::read_delphi(spec.delphi, spec.tree);
  in.permutations = 200;
  const auto res = cikit::analyse_delphi(in, spec.tree);
  const auto ref = read_table(vdir() + "/ref_governance_kendall.csv");
  REQUIRE(res.rounds.size() == 2);
  std::size_t checked = 0;
  for (const auto& R : res.rounds)
    for (const auto& g : R.groups)
      for (std::size_t i = 1; i < ref.size(); ++i) {
        if (std::stoi(ref[i][0]) != R.round || ref[i][1] != g.aspect) continue;
        INFO("round " << R.round << " " << g.aspect);
        REQUIRE(g.kendall);
        CHECK(g.n_used == std::stoi(ref[i][2]));
        CHECK(static_cast<int>(g.indicators.size()) == std::stoi(ref[i][3]));
        CHECK_NEAR(g.kendall->w, ref_number(ref[i][4]), kClosed);
        CHECK_NEAR(g.kendall->chi2, ref_number(ref[i][5]), kClosed);
        CHECK_NEAR(g.kendall->p, ref_number(ref[i][6]), 1e-8);
        ++checked;
      }
  CHECK(checked == 4);
  // Panel: 16 invited, 15 returned in round 1; the planted low indicators are dropped.
  CHECK(res.rounds[0].sent == 16);
  CHECK(res.rounds[0].returned == 15);
  CHECK(res.rounds[0].authority);
  int dropped = 0;
  for (const auto& c : res.changes) dropped += c.to ? 0 : 1;
  CHECK(dropped >= 3);
  for (const auto& c : res.changes)
    if (!c.to) CHECK(c.from == cikit::Verdict::Drop);
  // The missing-data rule is applied and reported.
  int n_dropped_experts = 0;
  for (const auto& g : res.rounds[0].groups) n_dropped_experts += g.n_dropped;
  CHECK(n_dropped_experts == 1);
}

TEST_CASE("simulated consultation is deterministic and parses", "[delphi][simulate][property]") {
  const auto& spec = governance_spec();
  const auto a = cikit::simulate_delphi_files(spec.tree, cikit::kDefaultSeed);
  const auto b = cikit::simulate_delphi_files(spec.tree, cikit::kDefaultSeed);
  REQUIRE(a.size() == 3);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].second == b[i].second);
  CHECK_THAT(a[0].second, Contains("SYNTHETIC"));
  const auto c = cikit::simulate_delphi_files(spec.tree, 5);
  CHECK(c[1].second != a[1].second);
  // The committed example equals the simulator's output.
  for (const auto& [name, text] : a) {
    std::ifstream f(cikit_test::source_dir() + "/datasets/governance/" + name, std::ios::binary);
    const std::string committed((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    CHECK(committed == text);
  }
}

// Hidden (run with `cikit_tests "[deviation]"`): the largest relative deviation from R per
// statistic, for validation/delphi/README.md.
TEST_CASE("largest deviations from the R references", "[.][delphi][deviation]") {
  std::map<std::string, double> dev;
  auto note = [&](const std::string& what, double x, double ref) {
    if (std::isnan(ref) && std::isnan(x)) return;
    const double d = std::abs(x - ref) / std::max(std::abs(ref), 1e-300);
    dev[what] = std::max(dev[what], std::abs(ref) > 0 ? d : std::abs(x));
  };
  const auto kref = read_table(vdir() + "/ref_kendall.csv");
  for (const std::string ds : {"k1", "k2", "k3", "c1", "s1", "s2", "s3", "s4"}) {
    const auto row = rows_of(kref, ds).at(0);
    const auto k = cikit::kendall_w(input_matrix(ds), {.permutations = 0});
    note("W", k.w, cell(kref, row, "W"));
    note("W_uncorrected", k.w_uncorrected, cell(kref, row, "W_uncorrected"));
    note("chi2", k.chi2, cell(kref, row, "chi2"));
    note("p", k.p, cell(kref, row, "p"));
    note("F", k.f, cell(kref, row, "F"));
    note("p_F", k.p_f, cell(kref, row, "p_F"));
  }
  const auto iref = read_table(vdir() + "/ref_icc.csv");
  for (const std::string ds : {"c1", "s1", "s2", "s3", "s4"}) {
    const auto r = cikit::intraclass_correlation(input_matrix(ds));
    const auto rows = rows_of(iref, ds);
    for (std::size_t q = 0; q < 6; ++q) {
      note("ICC", r.icc[q].value, cell(iref, rows[q], "ICC"));
      note("ICC p", r.icc[q].p, cell(iref, rows[q], "p"));
      note("ICC CI", r.icc[q].lower, cell(iref, rows[q], "lower"));
      note("ICC CI", r.icc[q].upper, cell(iref, rows[q], "upper"));
    }
  }
  const auto aref = read_table(vdir() + "/ref_agreement.csv");
  for (const std::string ds : {"c1", "s1", "s2", "s3", "s4", "s1na"}) {
    const auto row = rows_of(aref, ds).at(0);
    const Eigen::MatrixXd x = input_matrix(ds);
    if (ds != "s1na") {
      const auto f = cikit::fleiss_kappa(x);
      note("Fleiss kappa", f.kappa, cell(aref, row, "kappa"));
      note("Fleiss p", f.p, cell(aref, row, "p"));
    }
    note("alpha nominal", cikit::krippendorff_alpha(x, cikit::AlphaLevel::Nominal), cell(aref, row, "alpha_nominal"));
    note("alpha ordinal", cikit::krippendorff_alpha(x, cikit::AlphaLevel::Ordinal), cell(aref, row, "alpha_ordinal"));
    note("alpha interval", cikit::krippendorff_alpha(x, cikit::AlphaLevel::Interval), cell(aref, row, "alpha_interval"));
  }
  const auto tref = read_table(vdir() + "/ref_items.csv");
  for (const std::string ds : {"c1", "s1", "s2", "s3", "s4", "s1na"}) {
    const double mx = ds == "c1" || ds == "s4" ? 4 : 5;
    const Eigen::MatrixXd x = input_matrix(ds);
    const auto st = cikit::item_statistics(x, {.scale_max = mx});
    const auto cvi = cikit::content_validity_index(x, mx - 1);
    const auto cvr = cikit::content_validity_ratio(x, mx);
    const auto rows = rows_of(tref, ds);
    for (std::size_t q = 0; q < rows.size(); ++q) {
      const auto j = static_cast<Eigen::Index>(q);
      note("mean", st.mean(j), cell(tref, rows[q], "mean"));
      note("SD", st.sd(j), cell(tref, rows[q], "sd"));
      note("CV", st.cv(j), cell(tref, rows[q], "cv"));
      note("full-score ratio", st.full_score_ratio(j), cell(tref, rows[q], "full_score_ratio"));
      note("I-CVI", cvi.i_cvi(j), cell(tref, rows[q], "i_cvi"));
      note("k*", cvi.kappa(j), cell(tref, rows[q], "kappa"));
      note("CVR", cvr.cvr(j), cell(tref, rows[q], "cvr"));
    }
  }
  const auto& spec = governance_spec();
  auto in = cikit::read_delphi(spec.delphi, spec.tree);
  in.permutations = 0;
  const auto res = cikit::analyse_delphi(in, spec.tree);
  const auto gref = read_table(vdir() + "/ref_governance_kendall.csv");
  for (const auto& R : res.rounds)
    for (const auto& g : R.groups)
      for (std::size_t i = 1; i < gref.size(); ++i)
        if (std::stoi(gref[i][0]) == R.round && gref[i][1] == g.aspect) {
          note("governance W", g.kendall->w, ref_number(gref[i][4]));
          note("governance p", g.kendall->p, ref_number(gref[i][6]));
        }
  for (const auto& [k, v] : dev) WARN(k << ": " << v);
}

TEST_CASE("intraclass_correlation: a perfectly additive table (MSE = 0) gives ICC(3) = 1, never a Boost exception",
          "[delphi][icc][error]") {
  // Found by fuzz_delphi: the Satterthwaite df of ICC(2)'s interval was 0 or NaN and Boost's F
  // distribution threw std::domain_error. F tails and quantiles with an invalid df are now NaN
  // (the interval is "not available"); the point estimates are unaffected.
  Eigen::MatrixXd x(3, 4);  // 3 experts x 4 indicators: expert e scores indicator i as i + e
  x << 1, 2, 3, 4,  //
      2, 3, 4, 5,   //
      3, 4, 5, 6;
  cikit::IccResult r;
  REQUIRE_NOTHROW(r = cikit::intraclass_correlation(x));
  const auto& icc31 = r.icc[2];
  REQUIRE(icc31.shrout_fleiss == "ICC(3,1)");
  REQUIRE_THAT(icc31.value, Catch::Matchers::WithinAbs(1.0, 1e-12));
  REQUIRE(std::isnan(r.icc[1].lower));  // ICC(2,1): Satterthwaite df undefined
}
