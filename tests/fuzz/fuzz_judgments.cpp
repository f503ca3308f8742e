// libFuzzer target: the AHP judgments reader against tests/fuzz/tiny.yaml's tree, then the
// first pipeline step on what it parsed: the AHP weights of the whole tree (ahp_tree_weights).
#include "methods/weighting/ahp_tree.hpp"
#include "methods/weighting/judgments.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  const Spec& spec = fuzz::tiny_spec();
  const std::string text = fuzz::text_of(data, size);
  fuzz::expect_clean([&] {
    const Judgments j = parse_judgments(text, "fuzz.yaml", spec.tree);
    (void)ahp_tree_weights(spec.tree, j);
  });
  return 0;
}
