// libFuzzer target: the spec reader (YAML → validated Spec, with the uncertainty, delphi, cfa and
// panel blocks and per-node methods; seeds cfa_*.yaml and uncertainty_block.yaml), then the first
// pipeline step on what it parsed: the methods preflight (no data) and, when the fixture data fit
// the tree, load_data + preflight on the data. Relative paths resolve against tests/fuzz (tiny.csv).
#include "methods/aggregate/preflight.hpp"
#include "methods/core/spec.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  const std::string text = fuzz::text_of(data, size);
  fuzz::expect_clean([&] {
    const Spec spec = parse_spec(text, "fuzz.yaml", CIKIT_FUZZ_DIR);
    (void)preflight(spec.tree, spec.config, Eigen::MatrixXd(), {});
    if (spec.data.file.filename() != "tiny.csv") return;  // never open other files
    const Dataset ds = load_data(spec);
    (void)preflight(spec.tree, spec.config, ds.values, ds.unit_ids);
  });
  return 0;
}
