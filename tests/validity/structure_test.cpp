// structure_validity (methods/validity/structure): the `cikit validity` battery. Its pieces are
// checked against R in pca/fa/convergent tests; here: wiring, direction handling, properties.
#include <catch2/catch.hpp>

#include "methods/core/spec.hpp"
#include "methods/validity/structure.hpp"
#include "validity_support.hpp"

using Catch::Matchers::WithinAbs;
using namespace cikit;
using namespace cikit_test;

TEST_CASE("structure_validity: simulated 4-dimension system", "[validity][structure][property]") {
  const std::string path = validity_datasets()[2].second;  // sim2: 200 x 40, 4 dimensions
  const Spec spec = read_spec(path);
  const Dataset data = load_data(spec);
  StructureValidityOptions o;
  o.parallel.replicates = 30;
  const StructureValidityResult r = structure_validity(data, spec.tree, o);
  REQUIRE(r.dimensions.size() == 4);
  CHECK(r.system.parallel.n_components == 4);
  CHECK(r.system_varimax.loadings.cols() == 4);
  // Every indicator's highest varimax loading is on the component of its declared dimension.
  for (const bool m : r.matches_declared) CHECK(m);
  // The same CR/AVE/HTMT as convergent_validity on the direction-corrected data.
  REQUIRE(r.convergent_computed);
  const auto c = load_validity_case("sim2/all", path);
  std::vector<IndicatorBlock> blocks;
  for (std::size_t b = 0; b < c.blocks.size(); ++b) blocks.push_back({c.block_names[b], c.blocks[b]});
  const ConvergentResult cv = convergent_validity(c.x, blocks);
  for (std::size_t b = 0; b < blocks.size(); ++b)
    CHECK_THAT(r.convergent.blocks[b].cr, WithinAbs(cv.blocks[b].cr, 1e-14));
  CHECK(max_abs_diff(r.convergent.htmt, cv.htmt) < 1e-14);
  // Direction correction: all one-factor loadings positive.
  for (const auto& b : r.convergent.blocks) CHECK(b.loadings.minCoeff() > 0);
}

TEST_CASE("structure_validity: one-indicator dimension is skipped with a warning", "[validity][structure][property]") {
  const Spec spec = parse_spec(R"(index: {id: t, label: {en: T}}
data: {file: d.csv, unit: id}
tree:
  - id: a
    label: {en: A}
    children:
      - {id: a1, label: {en: a1}, direction: "+"}
      - {id: a2, label: {en: a2}, direction: "+"}
      - {id: a3, label: {en: a3}, direction: "-"}
  - id: b
    label: {en: B}
    children:
      - {id: b1, label: {en: b1}, direction: "+"}
)",
                               "t.yaml", ".");
  Dataset d;
  d.indicator_ids = {"a1", "a2", "a3", "b1"};
  d.values.resize(6, 4);
  d.values << 1, 2, 6, 3, 2, 3, 5, 1, 3, 3, 4, 4, 4, 5, 2, 2, 5, 4, 3, 6, 6, 6, 1, 5;
  for (int i = 0; i < 6; ++i) {
    std::string id = "u";
    id += std::to_string(i);
    d.unit_ids.push_back(id);
  }
  StructureValidityOptions o;
  o.parallel.replicates = 10;
  const StructureValidityResult r = structure_validity(d, spec.tree, o);
  CHECK(r.dimensions.size() == 1);
  CHECK_FALSE(r.convergent_computed);
  CHECK(has_warning(r.warnings, "dimension 'b' has 1 indicator"));
  CHECK(r.highest_component.size() == 4);
}

// Indicator-dimension check vs R (validation/validity/structure/generate.R: cor.test on
// rowMeans(scale(.), na.rm = TRUE) scores). r: closed form, 1e-12 absolute; p-values from
// Student's t (Boost vs R's pt): 1e-9 relative; n exact.
TEST_CASE("item_dimension_check: matches R on the example and three simulations", "[validity][structure][R]") {
  const RefStore ref(validation_dir() + "/validity/structure/ref_item_dimension.csv");
  double worst_r = 0, worst_p = 0;
  auto rel = [](double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); };
  for (const auto& [name, path] : validity_datasets()) {
    INFO(name);
    const auto c = load_validity_case(name, path);
    std::vector<IndicatorBlock> blocks;
    for (std::size_t b = 0; b < c.blocks.size(); ++b) blocks.push_back({c.block_names[b], c.blocks[b]});
    const ItemDimensionCheck k = item_dimension_check(c.x, blocks);
    const Eigen::MatrixXd& R = ref.get(name, "r");
    REQUIRE(k.r.rows() == R.rows());
    REQUIRE(k.r.cols() == R.cols());
    worst_r = std::max({worst_r, max_abs_diff(k.r, R), max_abs_diff(k.r_own_drop, ref.get(name, "r_drop")),
                        max_abs_diff(k.score_r, ref.get(name, "score_r"))});
    const Eigen::MatrixXd& P = ref.get(name, "p");
    for (Eigen::Index i = 0; i < P.rows(); ++i) {
      for (Eigen::Index j = 0; j < P.cols(); ++j) {
        worst_p = std::max(worst_p, rel(k.p_value(i, j), P(i, j)));
        CHECK(k.n(i, j) == static_cast<int>(ref.get(name, "n")(i, j)));
      }
      worst_p = std::max(worst_p, rel(k.p_own_drop(i), ref.get(name, "p_drop")(i, 0)));
      CHECK(k.n_own_drop(i) == static_cast<int>(ref.get(name, "n_drop")(i, 0)));
    }
    const Eigen::MatrixXd& SP = ref.get(name, "score_p");
    for (Eigen::Index a = 0; a < SP.rows(); ++a)
      for (Eigen::Index b = 0; b < SP.cols(); ++b)
        if (a != b) {
          worst_p = std::max(worst_p, rel(k.score_p(a, b), SP(a, b)));
          CHECK(k.score_n(a, b) == static_cast<int>(ref.get(name, "score_n")(a, b)));
        }
    // Flags follow the documented rules.
    for (std::size_t j = 0; j < k.own.size(); ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      CHECK(k.negative[j] == (k.r_own_drop(jj) < 0));
      CHECK(k.not_significant[j] == (k.p_own_drop(jj) >= 0.05));
      if (k.best_other[j] >= 0) CHECK(k.other_higher[j] == (k.r(jj, k.best_other[j]) > k.r_own_drop(jj)));
      // The part-whole correlation exceeds the corrected one.
      CHECK(k.r(jj, k.own[j]) > k.r_own_drop(jj));
    }
  }
  CHECK(worst_r < 1e-12);
  CHECK(worst_p < 1e-9);
  WARN("largest deviation from R: r (item-dimension, drop, score) " << worst_r << ", p-values (rel) " << worst_p);
}

TEST_CASE("item_dimension_check: flags a misplaced and a reversed indicator", "[validity][structure][property]") {
  // sim2 (4 dimensions of 10): move indicator 1 (dimension 1) into dimension 2's block, and
  // reverse indicator 12 (dimension 2): the first correlates more with dimension 1 than with
  // the rest of its declared dimension, the second negatively with its own.
  auto c = load_validity_case("sim2", validity_datasets()[2].second);
  std::vector<IndicatorBlock> blocks;
  for (std::size_t b = 0; b < c.blocks.size(); ++b) blocks.push_back({c.block_names[b], c.blocks[b]});
  blocks[0].columns.erase(blocks[0].columns.begin());
  blocks[1].columns.push_back(0);
  c.x.col(11) *= -1.0;
  const ItemDimensionCheck k = item_dimension_check(c.x, blocks);
  CHECK(k.own[0] == 1);
  CHECK(k.other_higher[0]);
  CHECK(k.best_other[0] == 0);
  CHECK(k.negative[11]);
  CHECK_FALSE(k.negative[12]);
  CHECK_FALSE(k.other_higher[12]);
}

TEST_CASE("item_dimension_check: a one-indicator dimension has no corrected correlation", "[validity][structure][property]") {
  Eigen::MatrixXd x(6, 3);
  x << 1, 2, 6, 2, 3, 5, 3, 3, 4, 4, 5, 2, 5, 4, 3, 6, 6, 1;
  const ItemDimensionCheck k = item_dimension_check(x, {{"a", {0, 1}}, {"b", {2}}});
  CHECK(std::isnan(k.r_own_drop(2)));
  CHECK_FALSE(k.not_significant[2]);
  CHECK_THAT(k.r(2, 1), WithinAbs(1.0, 1e-12));  // its own score is itself
  CHECK(k.score_r.rows() == 2);
}
