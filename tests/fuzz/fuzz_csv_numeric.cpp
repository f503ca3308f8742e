// libFuzzer target, differential: the one-pass numeric CSV reader (read_csv_numeric: memory
// map, fast_float, parallel row blocks) against the general reader (read_csv +
// table_to_dataset) on the same file. Its contract (csv_numeric.hpp): return exactly the
// general reader's Dataset — ids, names, lines, columns, every value bit for bit — or decline.
// A finding is any difference, a fast result where the general reader raised an error, or the
// usual sanitizer report / escaping exception. The first byte picks the columns asked for:
// even = the header's first column as unit id and the others as indicators (as read by the
// general reader), odd = fixed names (id; a, b, c), which most inputs lack (the fast path must
// then decline); bit 1 adds display-name columns (name_zh, name_en).
#include <bit>
#include <cstring>
#include <fstream>
#include <optional>

#include "methods/core/csv.hpp"
#include "methods/core/csv_numeric.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz_csv_numeric: %s\n", what);
  std::abort();
}

bool same_bits(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

void compare(const cikit::Dataset& fast, const cikit::Dataset& general) {
  if (fast.unit_ids != general.unit_ids) finding("unit ids differ");
  if (fast.unit_names_zh != general.unit_names_zh || fast.unit_names_en != general.unit_names_en)
    finding("unit names differ");
  if (fast.indicator_ids != general.indicator_ids) finding("indicator ids differ");
  if (fast.source_lines != general.source_lines) finding("source lines differ");
  if (fast.source_columns != general.source_columns) finding("source columns differ");
  if (fast.warnings != general.warnings) finding("warnings differ");
  if (fast.values.rows() != general.values.rows() || fast.values.cols() != general.values.cols())
    finding("matrix shapes differ");
  for (Eigen::Index j = 0; j < fast.values.cols(); ++j)
    for (Eigen::Index i = 0; i < fast.values.rows(); ++i)
      if (!same_bits(fast.values(i, j), general.values(i, j))) finding("a value differs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::filesystem::path path = fuzz::scratch_dir() / "fuzz.csv";
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data + 1),
                                                              static_cast<std::streamsize>(size - 1));
  const CsvOptions options;
  CsvColumns cols;
  if (mode % 2 == 0) {
    try {
      const CsvTable t = read_csv(path, options);
      if (t.header.size() < 2) return 0;
      cols.unit = t.header[0];
      cols.indicators.assign(t.header.begin() + 1, t.header.end());
    } catch (const InvalidInput&) {
      cols.unit = "id";
      cols.indicators = {"a"};
    }
  } else {
    cols.unit = "id";
    cols.indicators = {"a", "b", "c"};
  }
  if (mode & 2) {  // display names: take them out of the indicators when present
    cols.name_zh = "name_zh";
    cols.name_en = "name_en";
    std::erase(cols.indicators, std::string("name_zh"));
    std::erase(cols.indicators, std::string("name_en"));
    if (cols.indicators.empty()) return 0;
  }
  std::optional<Dataset> general;
  try {
    general = table_to_dataset(read_csv(path, options), cols);
  } catch (const InvalidInput&) {
  } catch (const DomainError&) {
  }
  std::optional<CsvNumericTable> fast;
  fuzz::expect_clean([&] { fast = read_csv_numeric(path, options, cols); });
  if (fast) {
    if (!general) finding("the fast reader returned data where the general reader refused the file");
    compare(fast->data, *general);
  }
  return 0;
}
