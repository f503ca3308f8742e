// libFuzzer target: the Excel (.xlsx) reader (read_xlsx: libzip + pugixml), then the first
// pipeline step on what it read (table_to_dataset, descriptive statistics). The first input
// byte picks the mode: even = the rest is the workbook file as is (archive-level mutations:
// truncated or corrupt zips, bad CRCs); odd = the rest is up to four XML parts separated by
// "\n---8<---\n" — xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/sharedStrings.xml,
// xl/worksheets/sheet1.xml — zipped here into a valid archive, so mutations reach the XML
// readers (cell references, shared-string indices, types, merged cells, formulas).
#include <zip.h>

#include <fstream>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/xlsx.hpp"
#include "methods/describe/describe.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

// Writes `parts` as a zip archive at `path` (stored members; libzip computes the CRCs).
bool write_zip(const std::filesystem::path& path, const std::vector<std::string>& parts) {
  static const char* const kNames[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                       "xl/worksheets/sheet1.xml"};
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (z == nullptr) return false;
  for (std::size_t i = 0; i < parts.size() && i < 4; ++i) {
    if (parts[i].find_first_not_of(" \t\r\n") == std::string::npos) continue;  // a part left out
    zip_source_t* src = zip_source_buffer(z, parts[i].data(), parts[i].size(), 0);
    if (src == nullptr || zip_file_add(z, kNames[i], src, ZIP_FL_OVERWRITE) < 0) {
      if (src != nullptr) zip_source_free(src);
      zip_discard(z);
      return false;
    }
  }
  return zip_close(z) == 0;  // the buffers must live until here
}

std::vector<std::string> split_all(std::string text) {
  std::vector<std::string> out;
  while (out.size() < 3) {
    auto [head, tail] = cikit::fuzz::split_parts(text);
    if (tail.empty() && head.size() == text.size()) break;
    out.push_back(std::move(head));
    text = std::move(tail);
  }
  out.push_back(std::move(text));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cikit;
  if (size == 0) return 0;
  const std::string bytes = fuzz::text_of(data + 1, size - 1);
  const std::filesystem::path path = fuzz::scratch_dir() / "fuzz.xlsx";
  if (data[0] % 2 == 0) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  } else {
    // Blank parts are left out of the archive (a workbook without shared strings, say).
    std::vector<std::string> parts = split_all(bytes);
    if (!write_zip(path, parts)) return 0;
  }
  fuzz::expect_clean([&] {
    const CsvTable table = read_xlsx(path);
    if (table.header.size() < 2) return;
    CsvColumns cols;
    cols.unit = table.header[0];
    cols.indicators.assign(table.header.begin() + 1, table.header.end());
    const Dataset ds = table_to_dataset(table, cols);
    (void)describe(ds);
  });
  return 0;
}
