// Tests of methods/treat: imputation, log transforms and the JRC/COINr outlier treatment against
// an independent R implementation (validation/normalize/treat), the published COINr ASEM stages
// (../shared/data/coinr-asem; skipped when absent), properties and errors.
#include "methods/treat/treat.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

using Rows = std::vector<std::vector<std::string>>;


std::vector<std::string> column_text(const Rows& t, const std::string& name) {
  std::vector<std::string> v;
  const std::size_t c = cikit_test::column(t, name);
  for (std::size_t i = 1; i < t.size(); ++i) v.push_back(t[i].at(c));
  return v;
}

/// Tolerance 1e-12: imputed values are one mean/median (R long-double sums vs double two-pass
/// differ by ulps); logs are one libm call; winsorised values are copies of data values (exact).
void require_matrix(const Eigen::MatrixXd& got, const Eigen::MatrixXd& ref, double tol = 1e-12) {
  REQUIRE(got.rows() == ref.rows());
  REQUIRE(got.cols() == ref.cols());
  for (Eigen::Index i = 0; i < ref.rows(); ++i)
    for (Eigen::Index j = 0; j < ref.cols(); ++j) {
      INFO("row " << i + 1 << " col " << j + 1);
      if (std::isnan(ref(i, j))) {
        REQUIRE(std::isnan(got(i, j)));
        continue;
      }
      REQUIRE_THAT(got(i, j), WithinRel(ref(i, j), tol) || WithinAbs(ref(i, j), tol));
    }
}

const std::vector<std::string> kIds = {"skewed_hi", "skewed_lo", "heavy", "with_na", "mixed_sign", "positive"};

struct TreatRef {
  Rows in;
  Eigen::MatrixXd x;
  std::vector<std::string> units, groups;
};

TreatRef load() {
  TreatRef r;
  r.in = cikit_test::read_table(cikit_test::validation_dir() + "/normalize/treat/input.csv");
  r.x = cikit_test::numeric_columns(r.in, kIds);
  r.units = column_text(r.in, "unit");
  r.groups = column_text(r.in, "group");
  return r;
}

Eigen::MatrixXd ref(const std::string& file) {
  return cikit_test::numeric_columns(cikit_test::read_table(cikit_test::validation_dir() + "/normalize/treat/" + file), kIds);
}

}  // namespace

TEST_CASE("imputation matches R (mean, median, group mean)", "[treat][impute][reference]") {
  const TreatRef r = load();
  const std::vector<std::pair<cikit::ImputeMethod, std::string>> cases = {
      {cikit::ImputeMethod::Mean, "ref_impute_mean.csv"},
      {cikit::ImputeMethod::Median, "ref_impute_median.csv"},
      {cikit::ImputeMethod::GroupMean, "ref_impute_group.csv"}};
  for (const auto& [m, file] : cases) {
    cikit::TreatConfig c;
    c.impute = m;
    c.group = "group";
    const auto t = cikit::treat(r.x, kIds, r.units, c, r.groups);
    require_matrix(t.values, ref(file));
    REQUIRE(t.columns[3].n_imputed == 5);
    REQUIRE(t.points.size() == 5);  // every imputed value is reported
    for (const auto& p : t.points) {
      REQUIRE(p.col == 3);
      REQUIRE(std::isnan(p.before));
    }
  }
}

TEST_CASE("log and log_ct transforms match R", "[treat][log][reference]") {
  const TreatRef r = load();
  const Eigen::VectorXd ln = cikit::log_transform(r.x.col(5), "positive", r.units);
  const Eigen::MatrixXd lref = cikit_test::numeric_columns(cikit_test::read_table(cikit_test::validation_dir() + "/normalize/treat/ref_log.csv"),
                                         {"positive"});
  require_matrix(ln, lref);
  Eigen::MatrixXd ct(r.x.rows(), r.x.cols());
  for (Eigen::Index j = 0; j < r.x.cols(); ++j) ct.col(j) = cikit::log_ct_transform(r.x.col(j), kIds[static_cast<std::size_t>(j)]);
  require_matrix(ct, ref("ref_log_ct.csv"));
}

TEST_CASE("plain log refuses values <= 0 naming unit and indicator", "[treat][log][error]") {
  const TreatRef r = load();
  REQUIRE_THROWS_WITH(cikit::log_transform(r.x.col(4), "mixed_sign", r.units),
                      Catch::Contains("mixed_sign") && Catch::Contains("unit 't") && Catch::Contains("x > 0"));
  cikit::TreatConfig c;
  c.transform_by_indicator["mixed_sign"] = cikit::TransformMethod::Log;
  REQUIRE_THROWS_AS(cikit::treat(r.x, kIds, r.units, c), cikit::DomainError);
  REQUIRE_THROWS_WITH(cikit::log_ct_transform(Eigen::VectorXd::Constant(4, 2.0), "flat"), Catch::Contains("constant"));
}

TEST_CASE("JRC/COINr outlier treatment matches R: winsorised points and log fallback", "[treat][winsorise][reference]") {
  const TreatRef r = load();
  cikit::TreatConfig c;
  c.outliers = cikit::OutlierMethod::Winsorise;
  c.winmax = 2;  // as generate.R
  const auto t = cikit::treat(r.x, kIds, r.units, c);
  require_matrix(t.values, ref("ref_winsorise.csv"));
  // Every treated point, as R lists them (unit, indicator, action, before, after).
  const Rows pts = cikit_test::read_table(cikit_test::validation_dir() + "/normalize/treat/ref_winsorise_points.csv");
  REQUIRE(t.points.size() == pts.size() - 1);
  for (std::size_t k = 1; k < pts.size(); ++k) {
    const auto& p = t.points[k - 1];
    REQUIRE(r.units[static_cast<std::size_t>(p.row)] == pts[k][0]);
    REQUIRE(kIds[static_cast<std::size_t>(p.col)] == pts[k][1]);
    REQUIRE(p.action == pts[k][2]);
    REQUIRE_THAT(p.before, WithinRel(cikit_test::ref_number(pts[k][3]), 1e-15));
    REQUIRE_THAT(p.after, WithinRel(cikit_test::ref_number(pts[k][4]), 1e-12) || WithinAbs(0, 1e-12));
  }
  const Rows sum = cikit_test::read_table(cikit_test::validation_dir() + "/normalize/treat/ref_winsorise_summary.csv");
  for (std::size_t k = 1; k < sum.size(); ++k) {
    const auto& col = t.columns[k - 1];
    REQUIRE(col.id == sum[k][0]);
    // Skewness/kurtosis: describe_column vs e1071 (both closed forms of central moments).
    REQUIRE_THAT(col.skew_before, WithinRel(cikit_test::ref_number(sum[k][1]), 1e-10));
    REQUIRE_THAT(col.kurt_before, WithinRel(cikit_test::ref_number(sum[k][2]), 1e-10));
    REQUIRE(col.n_winsorised_low == std::stoi(sum[k][3]));
    REQUIRE(col.n_winsorised_high == std::stoi(sum[k][4]));
    REQUIRE((col.transform == cikit::TransformMethod::LogCT) == (sum[k][5] == "log_ct"));
    REQUIRE_THAT(col.skew_after, WithinRel(cikit_test::ref_number(sum[k][6]), 1e-10));
  }
  REQUIRE(t.columns[2].flagged_after);  // log_ct does not clear 'heavy': warned, as COINr reports
  bool warned = false;
  for (const auto& w : t.warnings) warned = warned || w.find("'heavy' is still flagged") != std::string::npos;
  REQUIRE(warned);
}

TEST_CASE("outlier treatment is invariant to unit order", "[treat][property]") {
  const TreatRef r = load();
  cikit::TreatConfig c;
  c.outliers = cikit::OutlierMethod::Winsorise;
  c.winmax = 2;
  c.impute = cikit::ImputeMethod::GroupMean;
  c.group = "group";
  const auto a = cikit::treat(r.x, kIds, r.units, c, r.groups);
  const Eigen::Index n = r.x.rows();
  Eigen::MatrixXd xp(n, r.x.cols());
  std::vector<std::string> up, gp;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index k = n - 1 - i;
    xp.row(i) = r.x.row(k);
    up.push_back(r.units[static_cast<std::size_t>(k)]);
    gp.push_back(r.groups[static_cast<std::size_t>(k)]);
  }
  const auto b = cikit::treat(xp, kIds, up, c, gp);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < r.x.cols(); ++j)
      REQUIRE_THAT(b.values(i, j), WithinRel(a.values(n - 1 - i, j), 1e-13) || WithinAbs(a.values(n - 1 - i, j), 1e-13));
  REQUIRE(a.points.size() == b.points.size());
}

TEST_CASE("treatment errors", "[treat][error]") {
  const TreatRef r = load();
  cikit::TreatConfig c;
  c.impute = cikit::ImputeMethod::GroupMean;
  REQUIRE_THROWS_WITH(cikit::treat(r.x, kIds, r.units, c), Catch::Contains("one group label per unit"));
  c.impute = cikit::ImputeMethod::None;
  c.winmax = -1;
  REQUIRE_THROWS_AS(cikit::treat(r.x, kIds, r.units, c), cikit::InvalidInput);
}

// ---- COINr's ASEM example (published; ../shared/data/coinr-asem) ---------------------------------
namespace {

struct Asem {
  std::vector<std::string> units, groups, indicators;
  Rows meta;  // coin6_IndMeta.csv
};

std::string asem_dir() { return cikit_test::shared_data_dir() + "/coinr-asem/"; }

/// The ASEM tree from coin6_IndMeta (Agg1 pillar, Agg2 sub-index, Agg3 index), indicators in
/// the stage files' column order.
cikit::IndicatorTree asem_tree(const Rows& meta, const std::vector<std::string>& indicators) {
  std::vector<cikit::Node> nodes;
  std::map<std::string, int> index;
  auto add = [&](const std::string& id, int parent) {
    cikit::Node n;
    n.id = id;
    n.parent = parent;
    nodes.push_back(n);
    const int k = static_cast<int>(nodes.size()) - 1;
    if (parent >= 0) nodes[static_cast<std::size_t>(parent)].children.push_back(k);
    index[id] = k;
    return k;
  };
  add("Index", -1);
  const std::size_t cd = cikit_test::column(meta, "IndCode"), cdir = cikit_test::column(meta, "Direction"),
                    c1 = cikit_test::column(meta, "Agg1"), c2 = cikit_test::column(meta, "Agg2");
  for (const auto& id : indicators) {
    for (std::size_t k = 1; k < meta.size(); ++k) {
      if (meta[k][cd] != id) continue;
      const std::string& sub = meta[k][c2];
      const std::string& pil = meta[k][c1];
      if (!index.count(sub)) add(sub, 0);
      if (!index.count(pil)) add(pil, index[sub]);
      const int leaf = add(id, index[pil]);
      nodes[static_cast<std::size_t>(leaf)].direction =
          std::stod(meta[k][cdir]) < 0 ? cikit::Direction::Negative : cikit::Direction::Positive;
    }
  }
  return cikit::IndicatorTree(std::move(nodes));
}

}  // namespace

TEST_CASE("COINr ASEM: group-mean imputation, treatment, min-max and aggregation reproduce the published stages",
          "[treat][aggregate][published]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: COINr ASEM check skipped");
    return;
  }
  const Rows den = cikit_test::read_table(asem_dir() + "stage_Denominated.csv");
  const Rows imp = cikit_test::read_table(asem_dir() + "stage_Imputed.csv");
  const Rows trt = cikit_test::read_table(asem_dir() + "stage_Treated.csv");
  const Rows nrm = cikit_test::read_table(asem_dir() + "stage_Normalised.csv");
  const Rows agg = cikit_test::read_table(asem_dir() + "stage_Aggregated.csv");
  const Rows meta = cikit_test::read_table(asem_dir() + "coin6_IndMeta.csv");
  std::vector<std::string> ids(den[0].begin() + 7, den[0].end());  // after UnitCode..Group_EurAsia
  REQUIRE(ids.size() == 49);
  const std::vector<std::string> units = column_text(den, "UnitCode");
  const std::vector<std::string> groups = column_text(den, "Group_EurAsia");

  // Stage 1: impute each missing value by the indicator's mean within the unit's EurAsia group.
  cikit::TreatConfig impute;
  impute.impute = cikit::ImputeMethod::GroupMean;
  impute.group = "Group_EurAsia";
  const auto ti = cikit::treat(cikit_test::numeric_columns(den, ids), ids, units, impute, groups);
  require_matrix(ti.values, cikit_test::numeric_columns(imp, ids), 1e-12);
  REQUIRE(ti.points.size() == 65);  // SOURCE.md: 65 imputed points

  // Stage 2: winsorisation (COINr6 recipe recorded in the object: winmax = 6, log_CT fallback).
  cikit::TreatConfig tc;
  tc.outliers = cikit::OutlierMethod::Winsorise;
  tc.winmax = 6;
  const Eigen::MatrixXd imputed = cikit_test::numeric_columns(imp, ids);
  const auto tt = cikit::treat(imputed, ids, units, tc);
  require_matrix(tt.values, cikit_test::numeric_columns(trt, ids), 1e-12);
  const Rows summary = cikit_test::read_table(asem_dir() + "stage_Treated_summary.csv");
  for (std::size_t k = 1; k < summary.size(); ++k) {
    std::size_t j = 0;
    while (ids[j] != summary[k][0]) ++j;
    INFO(ids[j]);
    REQUIRE(tt.columns[j].n_winsorised_low == std::stoi(summary[k][1]));
    REQUIRE(tt.columns[j].n_winsorised_high == std::stoi(summary[k][2]));
  }

  // Stages 3-4 through build_index on the imputed data: treatment, min-max 0-100 with direction,
  // equal weights, arithmetic means; published: CHE Index 68.38 (rank 1).
  cikit::Dataset data;
  data.unit_ids = units;
  data.indicator_ids = ids;
  cikit::IndicatorTree tree = asem_tree(meta, ids);
  std::vector<std::string> leaf_ids;
  for (int l : tree.leaves()) leaf_ids.push_back(tree.node(l).id);
  data.indicator_ids = leaf_ids;
  data.values = cikit_test::numeric_columns(imp, leaf_ids);
  cikit::IndexConfig cfg;
  cfg.treat = tc;
  const cikit::IndexResult res = cikit::build_index(data, tree, cfg);
  // Normalised indicators: closed form of one min/max per column, 1e-10 absolute on 0-100.
  const Eigen::MatrixXd nref = cikit_test::numeric_columns(nrm, leaf_ids);
  for (std::size_t p = 0; p < leaf_ids.size(); ++p)
    for (Eigen::Index i = 0; i < nref.rows(); ++i)
      REQUIRE_THAT(res.scores(i, tree.leaves()[p]), WithinAbs(nref(i, static_cast<Eigen::Index>(p)), 1e-10));
  for (const std::string node : {"Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin",
                                 "Conn", "Sust", "Index"}) {
    const Eigen::MatrixXd a = cikit_test::numeric_columns(agg, {node});
    const int k = *tree.find(node);
    for (Eigen::Index i = 0; i < a.rows(); ++i) REQUIRE_THAT(res.scores(i, k), WithinAbs(a(i, 0), 1e-10));
  }
  const auto che = static_cast<Eigen::Index>(std::find(units.begin(), units.end(), "CHE") - units.begin());
  REQUIRE_THAT(res.scores(che, 0), WithinAbs(68.38, 0.005));  // published to 2 decimals
  REQUIRE(res.ranks(che, 0) == 1);
}
