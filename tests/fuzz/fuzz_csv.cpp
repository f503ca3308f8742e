// libFuzzer target: the CSV reader with encoding detection (decode_text "auto" → parse_csv),
// then the first pipeline step on what it parsed: table_to_dataset (first column = unit id,
// every other column an indicator) and the descriptive statistics of `cikit check`.
#include "methods/core/csv.hpp"
#include "methods/core/encoding.hpp"
#include "methods/describe/describe.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  const std::string bytes = fuzz::text_of(data, size);
  fuzz::expect_clean([&] {
    // The first byte picks the delimiter (0 = detect) so that forced delimiters are fuzzed too.
    const DecodedText text = decode_text(bytes, "auto", "fuzz.csv");
    const char delimiters[] = {0, 0, ',', ';', '\t'};
    const char delim = bytes.empty() ? char{0} : delimiters[static_cast<unsigned char>(bytes[0]) % 5];
    const CsvTable table = parse_csv(text.utf8, "fuzz.csv", delim);
    if (table.header.size() < 2) return;
    CsvColumns cols;
    cols.unit = table.header[0];
    cols.indicators.assign(table.header.begin() + 1, table.header.end());
    const Dataset ds = table_to_dataset(table, cols);
    (void)describe(ds);
  });
  return 0;
}
