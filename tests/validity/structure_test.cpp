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
