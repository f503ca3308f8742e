// libFuzzer target: the number parsers. A CSV cell through table_to_dataset (from_chars, '+',
// missing tokens, range) and an AHP judgment cell through parse_judgment ("1/3", "2.5"; the
// result must be positive and finite). The Delphi score cells are fuzzed by fuzz_delphi. Then
// the first step on the value: describe() on the column.
#include <cmath>

#include "methods/core/csv.hpp"
#include "methods/describe/describe.hpp"
#include "methods/weighting/judgments.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  const std::string cell = fuzz::text_of(data, size);
  fuzz::expect_clean([&] {
    CsvTable t;
    t.file = "fuzz.csv";
    t.header = {"unit", "x"};
    t.rows = {{"u1", cell}, {"u2", "1"}};
    t.row_lines = {2, 3};
    CsvColumns cols;
    cols.unit = "unit";
    cols.indicators = {"x"};
    const Dataset ds = table_to_dataset(t, cols);
    (void)describe(ds);
  });
  fuzz::expect_clean([&] {
    const double v = parse_judgment(cell);
    if (!(v > 0) || !std::isfinite(v)) __builtin_trap();  // documented: positive and finite
  });
  return 0;
}
