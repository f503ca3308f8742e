// libFuzzer target: the Delphi reader. The input is the consultation YAML, optionally followed
// by a line "---8<---" and the ratings CSV, and another "---8<---" and the expert sheet; the
// parts are written to ratings.csv and experts.csv in a scratch folder that the YAML's relative
// paths resolve against. Then the first pipeline step on what it parsed: analyse_delphi (the
// permutation count capped at 19 to keep an execution short).
#include <algorithm>
#include <fstream>

#include "methods/delphi/delphi_analysis.hpp"
#include "methods/delphi/delphi_input.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {
void put(const std::filesystem::path& p, const std::string& s) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  const Spec& spec = fuzz::tiny_spec();
  // (pairs, not structured bindings: clang 14 cannot capture those in the lambda below)
  const std::pair<std::string, std::string> parts = fuzz::split_parts(fuzz::text_of(data, size));
  const std::pair<std::string, std::string> files = fuzz::split_parts(parts.second);
  const std::string& yaml = parts.first;
  const auto& dir = fuzz::scratch_dir();
  put(dir / "ratings.csv", files.first);
  put(dir / "experts.csv", files.second);
  fuzz::expect_clean([&] {
    DelphiInput in = parse_delphi(yaml, "fuzz.yaml", dir, spec.tree);
    in.permutations = std::min(in.permutations, 19);
    (void)analyse_delphi(in, spec.tree, {.threads = 1});
  });
  return 0;
}
