// Tests of methods/weighting/ahp: reference values from base R (validation/weighting/ahp),
// published examples (Saaty 1977, 1980, 2008; OECD/JRC 2008 Table 20; AHPy README), properties
// and errors.

#include "methods/weighting/ahp.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::AhpOptions;
using cikit::AhpPriorityMethod;
using cikit::MissingJudgments;
using cikit::RandomIndexTable;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Eigen-based quantities (EigenSolver here, LAPACK dgeev in R) and the completions are iterative:
// 1e-9 relative (observed differences are ~1e-14; see validation/weighting/ahp/README.md).
constexpr double kIter = 1e-9;
// Closed forms (RGMM, GCI, group means of logs): 1e-10 relative.
constexpr double kClosed = 1e-10;

/// "3", "1/4", "2.5", "NA" -> number (IEEE division, as R does).
double frac(const std::string& s) {
  if (s == "NA") return kNaN;
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::stod(s);
  return std::stod(s.substr(0, slash)) / std::stod(s.substr(slash + 1));
}

std::string vdir() { return cikit_test::validation_dir() + "/weighting/ahp/"; }

/// matrices.csv -> id -> matrix.
const std::map<std::string, Eigen::MatrixXd>& matrices() {
  static const std::map<std::string, Eigen::MatrixXd> out = [] {
    const auto t = cikit_test::read_table(vdir() + "matrices.csv");
    std::map<std::string, std::vector<std::vector<std::string>>> rows;
    std::map<std::string, Eigen::Index> size;
    for (std::size_t r = 1; r < t.size(); ++r) size[t[r][0]] = std::max<Eigen::Index>(size[t[r][0]], std::stol(t[r][1]));
    std::map<std::string, Eigen::MatrixXd> m;
    for (const auto& [id, n] : size) m[id] = Eigen::MatrixXd::Zero(n, n);
    for (std::size_t r = 1; r < t.size(); ++r)
      m[t[r][0]](std::stol(t[r][1]) - 1, std::stol(t[r][2]) - 1) = frac(t[r][3]);
    return m;
  }();
  return out;
}

const Eigen::MatrixXd& mat(const std::string& id) {
  const auto it = matrices().find(id);
  if (it == matrices().end()) FAIL("no matrix " << id);
  return it->second;
}

void check(double got, double ref, double tol) { REQUIRE_THAT(got, WithinRel(ref, tol) || WithinAbs(ref, 1e-12)); }

/// Largest relative deviation from R per statistic (|ref| > 1e-10), reported with WARN.
struct Worst {
  std::map<std::string, double> dev;
  void add(const std::string& stat, double got, double ref) {
    if (std::abs(ref) > 1e-10) dev[stat] = std::max(dev[stat], std::abs(got / ref - 1));
  }
  std::string str() const {
    std::string s;
    for (const auto& [k, v] : dev) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2g", v);
      s += k;
      s += ' ';
      s += buf;
      s += "; ";
    }
    return s;
  }
};

}  // namespace

TEST_CASE("ahp: priorities, lambda_max, CI, CR, GCI match base R", "[weighting][ahp][reference]") {
  const auto t = cikit_test::read_table(vdir() + "ref_priorities.csv");
  std::map<std::string, std::map<std::string, std::map<long, double>>> ref;
  for (std::size_t r = 1; r < t.size(); ++r) ref[t[r][0]][t[r][1]][std::stol(t[r][2])] = cikit_test::ref_number(t[r][3]);
  REQUIRE(ref.size() >= 20);
  double worst_w = 0, worst_cr = 0;
  Worst worst;
  for (const auto& [id, stats] : ref) {
    INFO("matrix " << id);
    const Eigen::MatrixXd& a = mat(id);
    const auto em = cikit::ahp_priorities(a);
    AhpOptions g;
    g.method = AhpPriorityMethod::GeometricMean;
    const auto gm = cikit::ahp_priorities(a, g);
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      check(em.weights(i), stats.at("em_weight").at(i + 1), kIter);
      check(gm.weights(i), stats.at("rgmm_weight").at(i + 1), kClosed);
      worst_w = std::max(worst_w, std::abs(em.weights(i) / stats.at("em_weight").at(i + 1) - 1));
    }
    worst.add("lambda_max", em.lambda_max, stats.at("lambda_max").at(0));
    worst.add("CI", em.ci, stats.at("ci").at(0));
    worst.add("GCI", em.gci, stats.at("gci").at(0));
    worst.add("RGMM lambda_mean", gm.lambda_mean_ratio, stats.at("rgmm_lambda_mean_ratio").at(0));
    for (Eigen::Index i = 0; i < a.rows(); ++i) worst.add("RGMM weight", gm.weights(i), stats.at("rgmm_weight").at(i + 1));
    check(em.lambda_max, stats.at("lambda_max").at(0), kIter);
    check(em.lambda_mean_ratio, stats.at("lambda_max").at(0), kIter);
    check(em.ci, stats.at("ci").at(0), kIter);
    check(gm.lambda_mean_ratio, stats.at("rgmm_lambda_mean_ratio").at(0), kIter);
    check(em.gci, stats.at("gci").at(0), kClosed);
    check(gm.cr, stats.at("cr_saaty1980").at(0), kIter);  // CR uses the Perron λmax whatever the method
    const std::vector<std::pair<RandomIndexTable, std::string>> tables{
        {RandomIndexTable::Saaty1980, "cr_saaty1980"},
        {RandomIndexTable::Saaty2005, "cr_saaty2005"},
        {RandomIndexTable::AlonsoLamata2006, "cr_alonso_lamata"},
        {RandomIndexTable::DoneganDodd1991, "cr_donegan_dodd"},
        {RandomIndexTable::ChineseTextbook, "cr_chinese_textbook"}};
    for (const auto& [tb, name] : tables) {
      AhpOptions o;
      o.random_index = tb;
      const double cr = cikit::ahp_priorities(a, o).cr;
      check(cr, stats.at(name).at(0), kIter);
      if (std::abs(stats.at(name).at(0)) > 1e-10) worst_cr = std::max(worst_cr, std::abs(cr / stats.at(name).at(0) - 1));
    }
  }
  WARN("largest relative deviation from R: EM weight " << worst_w << ", CR (all tables) " << worst_cr << "; "
                                                        << worst.str());
}

TEST_CASE("ahp: published examples", "[weighting][ahp][reference]") {
  SECTION("Saaty (1977) light intensity: lambda_max 4.39, w = .61 .24 .10 .05") {
    const auto r = cikit::ahp_priorities(mat("saaty1977_light"));
    // Published to 2 dp; the first weight computes to .6187 (printed .61, truncated), so 0.01.
    const std::vector<double> pub{0.61, 0.24, 0.10, 0.05};
    for (Eigen::Index i = 0; i < 4; ++i) REQUIRE_THAT(r.weights(i), WithinAbs(pub[static_cast<std::size_t>(i)], 0.01));
    REQUIRE_THAT(r.lambda_max, WithinAbs(4.39, 0.005));
  }
  SECTION("Saaty (1980) wealth of nations: lambda_max 7.61, w to 3 dp") {
    const auto r = cikit::ahp_priorities(mat("saaty1980_wealth"));
    const std::vector<double> pub{0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094};
    for (Eigen::Index i = 0; i < 7; ++i) REQUIRE_THAT(r.weights(i), WithinAbs(pub[static_cast<std::size_t>(i)], 0.0005));
    REQUIRE_THAT(r.lambda_max, WithinAbs(7.61, 0.005));
    REQUIRE(r.acceptable);  // CR = 0.077 with RI(7) = 1.32
  }
  SECTION("Saaty (2008) drinks: w to 3 dp") {
    const auto r = cikit::ahp_priorities(mat("saaty2008_drinks"));
    const std::vector<double> pub{0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
    for (Eigen::Index i = 0; i < 7; ++i) REQUIRE_THAT(r.weights(i), WithinAbs(pub[static_cast<std::size_t>(i)], 0.0005));
  }
  SECTION("AHPy README: incomplete 4 x 4, lambda-optimal completion, w to 4 dp") {
    AhpOptions o;
    o.missing = MissingJudgments::LambdaOptimal;
    const auto r = cikit::ahp_priorities(mat("ahpy_readme"), o);
    // AHPy prints a .3738, b .392, c .0985, d .1357 (its tolerance 1e-4 on the completion).
    REQUIRE_THAT(r.weights(0), WithinAbs(0.3738, 0.00005));
    REQUIRE_THAT(r.weights(1), WithinAbs(0.3920, 0.00005));
    REQUIRE_THAT(r.weights(2), WithinAbs(0.0985, 0.00005));
    REQUIRE_THAT(r.weights(3), WithinAbs(0.1357, 0.00005));
    REQUIRE(r.n_missing == 1);
  }
}

TEST_CASE("ahp: OECD/JRC Handbook Table 20 (TAI) from ../shared/data", "[weighting][ahp][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const auto t = cikit_test::read_table(cikit_test::shared_data_dir() + "/oecd-tai/tai_ahp_matrix_table20.csv");
  REQUIRE(t.size() == 9);
  Eigen::MatrixXd a(8, 8);
  for (Eigen::Index i = 0; i < 8; ++i)
    for (Eigen::Index j = 0; j < 8; ++j) a(i, j) = frac(t[static_cast<std::size_t>(i + 1)][static_cast<std::size_t>(j + 1)]);
  const auto r = cikit::ahp_priorities(a);
  // SOURCE.md (computed there, 4 dp): PAT .2291 ROY .1346 INT .0594 EXP .1761 TEL .0385 ELE .0385
  // SCH .2522 UNI .0715, lambda_max 8.211, CR 0.021 (RI 1.41).
  const std::vector<double> w{0.2291, 0.1346, 0.0594, 0.1761, 0.0385, 0.0385, 0.2522, 0.0715};
  for (Eigen::Index i = 0; i < 8; ++i) REQUIRE_THAT(r.weights(i), WithinAbs(w[static_cast<std::size_t>(i)], 0.00005));
  REQUIRE_THAT(r.lambda_max, WithinAbs(8.211, 0.0005));
  REQUIRE_THAT(r.cr, WithinAbs(0.021, 0.0005));
  REQUIRE_THAT(r.ri, WithinAbs(1.41, 0.0));
  // Same matrix as committed in validation/ (transcribed from the Handbook).
  REQUIRE((a - mat("oecd2008_tai_table20")).cwiseAbs().maxCoeff() <= 0);
}

TEST_CASE("ahp: group aggregation AIJ / AIP matches base R", "[weighting][ahp][reference]") {
  const auto t = cikit_test::read_table(vdir() + "ref_group.csv");
  // node -> scheme -> method -> stat -> index -> value
  std::map<std::string, std::map<std::string, std::map<std::string, std::map<std::string, std::map<long, double>>>>> ref;
  for (std::size_t r = 1; r < t.size(); ++r)
    ref[t[r][0]][t[r][1]][t[r][2]][t[r][3]][std::stol(t[r][4])] = cikit_test::ref_number(t[r][5]);
  REQUIRE(ref.size() >= 10);
  Worst worst;
  for (const auto& [node, schemes] : ref) {
    std::vector<Eigen::MatrixXd> mats;
    for (int e = 1; e <= 3; ++e) {
      const std::string id = "gov_E" + std::to_string(e) + "_" + node;
      if (matrices().count(id)) mats.push_back(mat(id));
    }
    if (mats.size() != 3) continue;  // 2 x 2 nodes are not exported (trivially consistent)
    for (const auto& [scheme, methods] : schemes) {
      INFO("node " << node << ", " << scheme);
      cikit::AhpGroupOptions o;
      if (scheme == "unequal") o.expert_weights = {5, 3, 2};  // renormalised to .5 .3 .2
      const auto aij = cikit::ahp_group(mats, o);
      o.ahp.method = AhpPriorityMethod::GeometricMean;
      const auto aij_g = cikit::ahp_group(mats, o);
      o.ahp.method = AhpPriorityMethod::Eigenvector;
      o.aggregation = cikit::GroupAggregation::AIPGeometric;
      const auto aip_g = cikit::ahp_group(mats, o);
      o.aggregation = cikit::GroupAggregation::AIPArithmetic;
      const auto aip_a = cikit::ahp_group(mats, o);
      for (Eigen::Index i = 0; i < aij.weights.size(); ++i) {
        worst.add("AIJ-EM", aij.weights(i), methods.at("aij_em").at("weight").at(i + 1));
        worst.add("AIJ-RGMM", aij_g.weights(i), methods.at("aij_rgmm").at("weight").at(i + 1));
        worst.add("AIP-geo", aip_g.weights(i), methods.at("aip_geometric_em").at("weight").at(i + 1));
        worst.add("AIP-arith", aip_a.weights(i), methods.at("aip_arithmetic_em").at("weight").at(i + 1));
        check(aij.weights(i), methods.at("aij_em").at("weight").at(i + 1), kIter);
        check(aij_g.weights(i), methods.at("aij_rgmm").at("weight").at(i + 1), kClosed);
        check(aip_g.weights(i), methods.at("aip_geometric_em").at("weight").at(i + 1), kIter);
        check(aip_a.weights(i), methods.at("aip_arithmetic_em").at("weight").at(i + 1), kIter);
      }
      check(aij.aggregated.lambda_max, methods.at("aij_em").at("lambda_max").at(0), kIter);
      check(aij.aggregated.cr, methods.at("aij_em").at("cr_saaty1980").at(0), kIter);
      worst.add("AIJ-CR", aij.aggregated.cr, methods.at("aij_em").at("cr_saaty1980").at(0));
    }
  }
  WARN("largest relative deviation from R (group): " << worst.str());
}

TEST_CASE("ahp: incomplete matrices (Harker, lambda-optimal) match base R", "[weighting][ahp][reference]") {
  const auto t = cikit_test::read_table(vdir() + "ref_incomplete.csv");
  std::map<std::string, std::map<std::string, std::vector<std::vector<std::string>>>> ref;
  for (std::size_t r = 1; r < t.size(); ++r) ref[t[r][0]][t[r][1]].push_back(t[r]);
  REQUIRE(ref.size() == 3);
  Worst worst;
  for (const auto& [id, methods] : ref)
    for (const auto& [method, rows] : methods) {
      INFO(id << " " << method);
      const auto mm = method == "harker" ? MissingJudgments::Harker : MissingJudgments::LambdaOptimal;
      AhpOptions o;
      o.missing = mm;
      const auto r = cikit::ahp_priorities(mat(id), o);
      const auto c = cikit::complete_pairwise_matrix(mat(id), mm);
      for (const auto& row : rows) {
        const double v = cikit_test::ref_number(row[5]);
        const long i = std::stol(row[3]), j = std::stol(row[4]);
        if (row[2] == "weight") worst.add(method + " weight", r.weights(i - 1), v);
        if (row[2] == "completed") worst.add(method + " completed", r.completed(i - 1, j - 1), v);
        if (row[2] == "lambda_max") worst.add(method + " lambda", r.lambda_max, v);
        if (row[2] == "weight") {
          check(r.weights(i - 1), v, kIter);
          check(c.weights(i - 1), v, kIter);
        } else if (row[2] == "lambda_max") {
          check(r.lambda_max, v, kIter);
          check(c.lambda_max, v, kIter);
        } else if (row[2] == "cr_saaty1980") {
          check(r.cr, v, kIter);
        } else if (row[2] == "completed") {
          check(r.completed(i - 1, j - 1), v, kIter);
        }
      }
    }
  WARN("largest relative deviation from R (incomplete): " << worst.str());
}

TEST_CASE("ahp: inconsistency diagnosis matches base R", "[weighting][ahp][reference]") {
  const auto t = cikit_test::read_table(vdir() + "ref_diagnosis.csv");
  std::map<std::string, std::vector<std::vector<std::string>>> ref;
  for (std::size_t r = 1; r < t.size(); ++r) ref[t[r][0]].push_back(t[r]);
  REQUIRE(ref.size() == 5);
  Worst worst;
  for (const auto& [id, rows] : ref) {
    INFO(id);
    const auto d = cikit::diagnose_inconsistency(mat(id));
    REQUIRE(d.revisions.size() == rows.size());
    for (std::size_t k = 1; k < d.revisions.size(); ++k)
      REQUIRE(d.revisions[k - 1].cr_if_consistent <= d.revisions[k].cr_if_consistent);
    for (const auto& row : rows) {
      const int i = std::stoi(row[1]) - 1, j = std::stoi(row[2]) - 1;
      const auto it = std::find_if(d.revisions.begin(), d.revisions.end(),
                                   [&](const cikit::JudgmentRevision& r) { return r.row == i && r.col == j; });
      REQUIRE(it != d.revisions.end());
      check(it->consistent, cikit_test::ref_number(row[3]), kIter);
      check(it->cr_if_consistent, cikit_test::ref_number(row[4]), kIter);
      REQUIRE_THAT(it->suggested, WithinAbs(cikit_test::ref_number(row[5]), 0.0));  // a scale value, exact
      check(it->cr_if_suggested, cikit_test::ref_number(row[6]), kIter);
      worst.add("consistent", it->consistent, cikit_test::ref_number(row[3]));
      worst.add("cr_if_consistent", it->cr_if_consistent, cikit_test::ref_number(row[4]));
      worst.add("cr_if_suggested", it->cr_if_suggested, cikit_test::ref_number(row[6]));
    }
  }
  WARN("largest relative deviation from R (diagnosis): " << worst.str());
}

TEST_CASE("ahp: properties", "[weighting][ahp][property]") {
  SECTION("consistent matrix: EM = RGMM = w, lambda_max = m, CR = 0") {
    const Eigen::MatrixXd& a = mat("consistent5");
    AhpOptions g;
    g.method = AhpPriorityMethod::GeometricMean;
    const auto em = cikit::ahp_priorities(a), gm = cikit::ahp_priorities(a, g);
    for (Eigen::Index i = 0; i < 5; ++i) {
      check(em.weights(i), static_cast<double>(i + 1) / 15.0, kIter);
      check(gm.weights(i), static_cast<double>(i + 1) / 15.0, kClosed);
    }
    REQUIRE_THAT(em.cr, WithinAbs(0, 1e-12));
    REQUIRE_THAT(em.gci, WithinAbs(0, 1e-12));
  }
  SECTION("m <= 2: CR = 0 by definition; EM = RGMM for m <= 3") {
    Eigen::MatrixXd a(2, 2);
    a << 1, 7, 1.0 / 7, 1;
    const auto r = cikit::ahp_priorities(a);
    REQUIRE_THAT(r.cr, WithinAbs(0, 0.0));
    REQUIRE_THAT(r.ci, WithinAbs(0, 0.0));
    REQUIRE_THAT(r.weights(0), WithinRel(7.0 / 8, 1e-14));
    const Eigen::MatrixXd& b = mat("gov_E1_social_coordination");
    AhpOptions g;
    g.method = AhpPriorityMethod::GeometricMean;
    const auto em = cikit::ahp_priorities(b), gm = cikit::ahp_priorities(b, g);
    for (Eigen::Index i = 0; i < 3; ++i) check(em.weights(i), gm.weights(i), 1e-12);
    Eigen::MatrixXd one(1, 1);
    one << 1;
    REQUIRE_THAT(cikit::ahp_priorities(one).weights(0), WithinAbs(1, 0.0));
  }
  SECTION("permuting the elements permutes the priorities") {
    const Eigen::MatrixXd& a = mat("random9");
    Eigen::VectorXi p(9);
    p << 3, 8, 0, 5, 1, 7, 2, 6, 4;
    Eigen::PermutationMatrix<Eigen::Dynamic> perm(p);
    const Eigen::MatrixXd b = perm * a * perm.transpose();
    const auto ra = cikit::ahp_priorities(a), rb = cikit::ahp_priorities(b);
    const Eigen::VectorXd pw = perm * ra.weights;
    for (Eigen::Index i = 0; i < 9; ++i) check(rb.weights(i), pw(i), 1e-12);
    check(rb.cr, ra.cr, 1e-12);
  }
  SECTION("AIJ with RGMM equals AIP-geometric with RGMM; one expert = individual") {
    std::vector<Eigen::MatrixXd> mats{mat("gov_E1_system"), mat("gov_E2_system"), mat("gov_E3_system")};
    cikit::AhpGroupOptions o;
    o.ahp.method = AhpPriorityMethod::GeometricMean;
    o.expert_weights = {1, 2, 3};
    const auto aij = cikit::ahp_group(mats, o);
    o.aggregation = cikit::GroupAggregation::AIPGeometric;
    const auto aip = cikit::ahp_group(mats, o);
    for (Eigen::Index i = 0; i < aij.weights.size(); ++i) check(aij.weights(i), aip.weights(i), 1e-12);
    const auto one = cikit::ahp_group({mat("gov_E2_system")});
    const auto ind = cikit::ahp_priorities(mat("gov_E2_system"));
    for (Eigen::Index i = 0; i < ind.weights.size(); ++i) check(one.weights(i), ind.weights(i), 1e-12);
  }
  SECTION("AIJ with a pair nobody judged: completed in the aggregate, with a warning") {
    Eigen::MatrixXd e1 = mat("ahpy_readme"), e2 = mat("ahpy_readme");
    e2(0, 1) = 2, e2(1, 0) = 0.5;
    cikit::AhpGroupOptions o;
    o.ahp.missing = MissingJudgments::LambdaOptimal;
    const auto g = cikit::ahp_group({e1, e2}, o);
    REQUIRE(g.aggregated.n_missing == 1);
    REQUIRE(std::isnan(g.aggregated_matrix(2, 3)));
    REQUIRE_THAT(g.aggregated_matrix(0, 1), WithinRel(std::sqrt(2.0), 1e-15));
    bool warned = false;
    for (const auto& w : g.warnings) warned = warned || w.find("1 pair judged by no expert") != std::string::npos;
    REQUIRE(warned);
  }
  SECTION("diagnosis: suggested value text and the best revision first") {
    const auto d = cikit::diagnose_inconsistency(mat("saaty1977_light"));
    REQUIRE(d.revisions.size() == 6);
    for (const auto& r : d.revisions) REQUIRE(r.suggested_text == cikit::saaty_text(r.suggested));
    REQUIRE(d.revisions.front().cr_if_consistent < d.cr);
  }
  SECTION("complete matrix: completion changes nothing; lambda-optimal <= Harker lambda") {
    AhpOptions o;
    o.missing = MissingJudgments::LambdaOptimal;
    const auto r = cikit::ahp_priorities(mat("random5"), o);
    REQUIRE(r.n_missing == 0);
    REQUIRE(r.completion_sweeps == 0);
    const auto h = cikit::complete_pairwise_matrix(mat("ahpy_housing"), MissingJudgments::Harker);
    const auto l = cikit::complete_pairwise_matrix(mat("ahpy_housing"), MissingJudgments::LambdaOptimal);
    REQUIRE(l.lambda_max <= h.lambda_max);
    REQUIRE(l.n_missing == 12);
    REQUIRE(l.sweeps >= 1);
  }
  SECTION("random index tables") {
    REQUIRE_THAT(cikit::random_index(1, RandomIndexTable::Saaty1980), WithinAbs(0, 0.0));
    REQUIRE_THAT(cikit::random_index(2, RandomIndexTable::DoneganDodd1991), WithinAbs(0, 0.0));
    REQUIRE_THAT(cikit::random_index(12, RandomIndexTable::Saaty1980), WithinAbs(1.48, 0.0));  // as printed (non-monotone)
    REQUIRE_THAT(cikit::random_index(6, RandomIndexTable::ChineseTextbook), WithinAbs(1.26, 0.0));
    REQUIRE_THAT(cikit::random_index(9, RandomIndexTable::Saaty2005), WithinAbs(1.45, 0.0));
    REQUIRE_THAT(cikit::random_index(15, RandomIndexTable::AlonsoLamata2006), WithinAbs(1.5838, 0.0));
    // Donegan-Dodd: linear interpolation between 20 (1.5371) and 25 (1.5619), as AHPy.
    REQUIRE_THAT(cikit::random_index(22, RandomIndexTable::DoneganDodd1991), WithinRel(1.5371 + 0.4 * (1.5619 - 1.5371), 1e-14));
    REQUIRE_THAT(cikit::random_index(100, RandomIndexTable::DoneganDodd1991), WithinAbs(1.6339, 0.0));
    // Alonso-Lamata fit: (1.7699 m - 4.3513)/(m - 1); m = 3 -> 0.4664.
    REQUIRE_THAT(cikit::random_index(3, RandomIndexTable::AlonsoLamataFit), WithinRel((1.7699 * 3 - 4.3513) / 2, 1e-14));
    REQUIRE_THAT(cikit::cr_threshold(3, cikit::CrThresholdRule::Saaty1994BySize), WithinAbs(0.05, 0.0));
    REQUIRE_THAT(cikit::cr_threshold(4, cikit::CrThresholdRule::Saaty1994BySize), WithinAbs(0.08, 0.0));
    REQUIRE_THAT(cikit::cr_threshold(9, cikit::CrThresholdRule::Saaty1994BySize), WithinAbs(0.10, 0.0));
    RandomIndexTable tb{};
    REQUIRE(cikit::parse_random_index_table("donegan_dodd", tb));
    REQUIRE(tb == RandomIndexTable::DoneganDodd1991);
    REQUIRE_FALSE(cikit::parse_random_index_table("saaty", tb));
  }
  SECTION("CR above threshold is a warning, not an error; by-size rule") {
    const auto r = cikit::ahp_priorities(mat("saaty1977_light"));  // CR = 0.145
    REQUIRE_FALSE(r.acceptable);
    REQUIRE(r.warnings.size() == 1);
    REQUIRE_THAT(r.warnings[0], Contains("exceeds 0.10"));
    AhpOptions o;
    o.threshold_rule = cikit::CrThresholdRule::Saaty1994BySize;
    REQUIRE_THAT(cikit::ahp_priorities(mat("saaty1977_light"), o).cr_threshold, WithinAbs(0.08, 0.0));
  }
  SECTION("Saaty scale helpers") {
    REQUIRE_THAT(cikit::nearest_saaty_value(2.9), WithinAbs(3, 0.0));
    REQUIRE_THAT(cikit::nearest_saaty_value(0.26), WithinAbs(0.25, 0.0));
    REQUIRE_THAT(cikit::nearest_saaty_value(100), WithinAbs(9, 0.0));
    REQUIRE(cikit::saaty_text(0.25) == "1/4");
    REQUIRE(cikit::saaty_text(7) == "7");
    REQUIRE(cikit::saaty_text(2.5) == "2.5");
  }
}

TEST_CASE("ahp: errors", "[weighting][ahp][error]") {
  const cikit::Location node{.node = "system"};
  Eigen::MatrixXd a(3, 3);
  a << 1, 3, 5, 1.0 / 3, 1, 2, 1.0 / 5, 1.0 / 2, 1;
  SECTION("non-reciprocal pair names the cells and values") {
    Eigen::MatrixXd b = a;
    b(2, 1) = 0.4;
    REQUIRE_THROWS_MATCHES(cikit::ahp_priorities(b, {}, node), cikit::InvalidInput,
                           Catch::Matchers::Predicate<cikit::InvalidInput>([](const cikit::InvalidInput& e) {
                             const std::string w = e.what();
                             return w.find("node 'system'") != std::string::npos &&
                                    w.find("a[2,3] = 2 but a[3,2] = 0.4") != std::string::npos;
                           }));
  }
  SECTION("non-positive judgment, diagonal, shape, one-sided missing") {
    Eigen::MatrixXd b = a;
    b(0, 1) = -3;
    REQUIRE_THROWS_WITH(cikit::ahp_priorities(b), Contains("a[1,2] is -3, but judgments must be positive"));
    b = a;
    b(1, 1) = 2;
    REQUIRE_THROWS_WITH(cikit::ahp_priorities(b), Contains("diagonal a[2,2] is 2, but must be 1"));
    REQUIRE_THROWS_WITH(cikit::ahp_priorities(Eigen::MatrixXd::Ones(2, 3)), Contains("must be square"));
    b = a;
    b(0, 2) = kNaN;
    REQUIRE_THROWS_WITH(cikit::ahp_priorities(b), Contains("a[1,3] is missing but a[3,1] = 0.2"));
    b(2, 0) = kNaN;
    REQUIRE_THROWS_AS(cikit::ahp_priorities(b), cikit::InvalidInput);  // missing under MissingJudgments::Error
    REQUIRE_THROWS_WITH(cikit::ahp_priorities(b), Contains("judgment a[1,3] is missing"));
    REQUIRE_THROWS_WITH(cikit::diagnose_inconsistency(b), Contains("missing"));
  }
  SECTION("disconnected comparison graph names the cut-off elements") {
    Eigen::MatrixXd b = Eigen::MatrixXd::Constant(4, 4, kNaN);
    b.diagonal().setOnes();
    b(0, 1) = 2, b(1, 0) = 0.5, b(2, 3) = 3, b(3, 2) = 1.0 / 3;
    AhpOptions o;
    o.missing = MissingJudgments::LambdaOptimal;
    REQUIRE_THROWS_MATCHES(cikit::ahp_priorities(b, o, node), cikit::DomainError,
                           Catch::Matchers::Predicate<cikit::DomainError>([](const cikit::DomainError& e) {
                             return std::string(e.what()).find("elements 3, 4 are not compared") != std::string::npos;
                           }));
    o.missing = MissingJudgments::Harker;
    REQUIRE_THROWS_AS(cikit::ahp_priorities(b, o), cikit::DomainError);
  }
  SECTION("random index beyond the table") {
    REQUIRE_THROWS_AS(cikit::random_index(16, RandomIndexTable::Saaty1980), cikit::DomainError);
    REQUIRE_THROWS_AS(cikit::random_index(101, RandomIndexTable::DoneganDodd1991), cikit::DomainError);
    REQUIRE_THROWS_AS(cikit::random_index(0, RandomIndexTable::Saaty1980), cikit::DomainError);
  }
  SECTION("group: sizes, weights") {
    REQUIRE_THROWS_WITH(cikit::ahp_group({}), Contains("no expert matrix"));
    REQUIRE_THROWS_WITH(cikit::ahp_group({a, Eigen::MatrixXd::Ones(2, 2)}), Contains("expert 2 gave a 2 x 2 matrix"));
    cikit::AhpGroupOptions o;
    o.expert_weights = {1};
    REQUIRE_THROWS_WITH(cikit::ahp_group({a, a}, o), Contains("1 expert weights for 2 experts"));
    o.expert_weights = {1, -1};
    REQUIRE_THROWS_WITH(cikit::ahp_group({a, a}, o), Contains("weight of expert 2 is -1"));
    o.expert_weights = {0, 0};
    REQUIRE_THROWS_WITH(cikit::ahp_group({a, a}, o), Contains("all expert weights are 0"));
    Eigen::MatrixXd b = a;
    b(0, 1) = 4;
    REQUIRE_THROWS_WITH(cikit::ahp_group({a, b}), Contains("expert 2"));
  }
  SECTION("nearest_saaty_value of a non-positive number") {
    REQUIRE_THROWS_AS(cikit::nearest_saaty_value(0), cikit::InvalidInput);
  }
}
