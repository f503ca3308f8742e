// Tests for methods/core/csv_numeric.hpp: the one-pass numeric reader must give exactly what
// read_csv + table_to_dataset give (values bit for bit, ids, names, lines, columns), or decline
// (std::nullopt) so that the general reader reports the error or the warnings.
//
// Oracles: the general reader (read_csv + table_to_dataset, whose own tests pin its behaviour),
// std::strtod (glibc, correctly rounded) and parse_plain_number (std::from_chars, the reference
// of what is accepted). Comparisons are bitwise (std::memcmp of the doubles): both sides round
// correctly, so no tolerance is needed and none is given.

#include <catch2/catch.hpp>

#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/csv_numeric.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/numbers.hpp"

namespace fs = std::filesystem;
using cikit::CsvColumns;
using cikit::CsvOptions;

namespace {

[[nodiscard]] std::uint64_t bits(double x) {
  std::uint64_t b = 0;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

/// A file in the temporary folder holding `text`, removed at the end of the scope.
class TempCsv {
 public:
  explicit TempCsv(const std::string& text) {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("cikit_csv_numeric_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv");
    std::ofstream out(path_, std::ios::binary);
    out << text;
  }
  ~TempCsv() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  TempCsv(const TempCsv&) = delete;
  TempCsv& operator=(const TempCsv&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// kFast: both read it, identically. kDecline: the general reader refuses it or warns, the fast
/// one declines. kGeneralOnly: the general reader reads it (e.g. GBK), the fast one declines.
/// kEither: if the fast reader reads it, identically to the general one (random inputs).
enum class Expect { kFast, kDecline, kGeneralOnly, kEither };

/// Reads `text` both ways. The fast reader must decline when the general one throws or warns,
/// and otherwise give the same Dataset; `expect` states which case the input is meant to be.
void same_as_general(const std::string& text, const CsvColumns& columns, Expect expect,
                     const CsvOptions& options = {}, const cikit::CsvNumericExtra& extra = {}) {
  INFO("input: " << text);
  const TempCsv file(text);
  std::optional<cikit::Dataset> general;
  std::string general_error;
  try {
    general = cikit::table_to_dataset(cikit::read_csv(file.path(), options), columns);
  } catch (const cikit::InvalidInput& e) {
    general_error = e.what();
  }
  const std::optional<cikit::CsvNumericTable> fast = cikit::read_csv_numeric(file.path(), options, columns, extra);
  if (expect == Expect::kEither && !fast.has_value()) return;
  if (expect == Expect::kGeneralOnly) {
    REQUIRE_FALSE(fast.has_value());
    REQUIRE(general.has_value());
    return;
  }
  if (expect == Expect::kDecline) {
    REQUIRE_FALSE(fast.has_value());
    // Declined inputs are those the general reader rejects or reads with a warning.
    REQUIRE((!general_error.empty() || (general && !general->warnings.empty())));
    return;
  }
  INFO("general reader: " << general_error);
  REQUIRE(general.has_value());
  REQUIRE(general->warnings.empty());
  REQUIRE(fast.has_value());
  const cikit::Dataset& a = *general;
  const cikit::Dataset& b = fast->data;
  CHECK(b.unit_ids == a.unit_ids);
  CHECK(b.unit_names_zh == a.unit_names_zh);
  CHECK(b.unit_names_en == a.unit_names_en);
  CHECK(b.indicator_ids == a.indicator_ids);
  CHECK(b.source_columns == a.source_columns);
  CHECK(b.source_lines == a.source_lines);
  CHECK(b.source_file == a.source_file);
  CHECK(b.warnings.empty());
  REQUIRE(b.values.rows() == a.values.rows());
  REQUIRE(b.values.cols() == a.values.cols());
  for (Eigen::Index j = 0; j < a.values.cols(); ++j)
    for (Eigen::Index i = 0; i < a.values.rows(); ++i) {
      INFO("cell " << i << "," << j << ": " << a.values(i, j) << " vs " << b.values(i, j));
      // NaN payloads are the same quiet NaN on both sides; compare bits for everything.
      CHECK(bits(b.values(i, j)) == bits(a.values(i, j)));
    }
}

[[nodiscard]] CsvColumns columns_x() {
  CsvColumns c;
  c.unit = "id";
  c.indicators = {"x"};
  return c;
}

}  // namespace

TEST_CASE("fast_plain_number agrees with parse_plain_number and strtod on tricky numbers",
          "[core][csv_numeric][reference]") {
  const std::vector<std::string> cells = {
      "0", "-0", "+0", "0.0", "-0.000", "00", "007", "1", "-1", "+1", "++1", "+-1", "-+1", "--1", ".5", "-.5",
      "+.5", "5.", "-5.", "5.e3", ".e3", ".", "-", "+", "e5", "1e5", "1E5", "1e+5", "1e-5", "1e", "1e+", "1.5e-3",
      "-2.5E+10", "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "1e999", "-1e999",
      "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "5e-324", "1e-320", "1e-400",
      "0e0", "0e999", "0.000e-999", "inf", "-inf", "Infinity", "nan", "NaN", "-nan", "0x10", "0x1p3", "1,5",
      "1,234", "1 234", " 1", "1 ", "\t1", "\v1", "1\v", "1_000", "1.2.3", "1e5.5", "12%", "3.14159265358979323846",
      "0.1", "0.2", "0.30000000000000004", "123456789012345678901234567890", "9007199254740993",
      "1.00000000000000011102230246251565404236316680908203125", "-1.5e-7", "١٢", "１２"};
  for (const std::string& s : cells) {
    INFO("cell '" << s << "'");
    double fast = -1, ref = -2;
    const bool fast_ok = cikit::fast_plain_number(s, fast);
    const int ref_status = cikit::parse_plain_number(s, ref);
    if (fast_ok) {
      // Never accepts what the reference refuses, and gives its bits.
      REQUIRE(ref_status == 0);
      CHECK(bits(fast) == bits(ref));
    }
    if (ref_status == 0) {
      // The reference itself agrees with glibc's strtod on the whole cell.
      char* end = nullptr;
      const double c = std::strtod(s.c_str(), &end);
      CHECK(end == s.c_str() + s.size());
      CHECK(bits(c) == bits(ref));
    }
  }
  // Common data forms are taken by the fast path (not left to the reference).
  for (const char* s : {"1", "-1", "+1", ".5", "5.", "1e5", "-2.5E+10", "0", "-0", "0.0", "3.14159265358979323846"}) {
    double v = 0;
    CHECK(cikit::fast_plain_number(s, v));
  }
  for (const char* s : {"1e999", "1e-400", "inf", "nan", "\v1", "+-1", "1,5", "4.9e-324"}) {
    double v = 0;
    CHECK_FALSE(cikit::fast_plain_number(s, v));
  }
}

TEST_CASE("fast_plain_number equals strtod bit for bit on 200,000 random numbers in many formats",
          "[core][csv_numeric][property]") {
  std::mt19937_64 rng(20261206);  // fixed seed
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  const char* formats[] = {"%.17g", "%.15g", "%.6f", "%.3e", "%.10E", "%.0f", "%g", "%.1f"};
  char buf[64];
  long taken = 0;
  for (int r = 0; r < 200000; ++r) {
    const double x = mantissa(rng) * std::pow(10.0, exponent(rng) / (r % 3 == 0 ? 1 : 30));
    std::snprintf(buf, sizeof buf, formats[r % 8], x);
    const std::string s(buf);
    double fast = 0;
    if (!cikit::fast_plain_number(s, fast)) continue;
    ++taken;
    char* end = nullptr;
    const double c = std::strtod(s.c_str(), &end);
    REQUIRE(end == s.c_str() + s.size());
    REQUIRE(bits(fast) == bits(c));
  }
  // Only subnormal, zero-underflow or huge results are left to the reference path.
  CHECK(taken > 190000);
}

TEST_CASE("read_csv_numeric gives the general reader's Dataset", "[core][csv_numeric][reference]") {
  const CsvColumns x = columns_x();
  SECTION("plain, LF, CRLF, lone CR, BOM, no final line break") {
    same_as_general("id,x\na,1\nb,2.5\n", x, Expect::kFast);
    same_as_general("id,x\r\na,1\r\nb,-2.5e3\r\n", x, Expect::kFast);
    same_as_general("id,x\ra,1\rb,.5\r", x, Expect::kFast);
    same_as_general("\xEF\xBB\xBFid,x\na,1\nb,5.\n", x, Expect::kFast);
    same_as_general("id,x\na,1\nb,+7", x, Expect::kFast);
  }
  SECTION("blank lines, spaces and tabs around cells, quoted numbers") {
    same_as_general("\n\nid,x\n\na,1\n\r\n\nb,2\n\n\n", x, Expect::kFast);
    same_as_general("id , x \n a , 1 \n\tb\t,\t2\t\n", x, Expect::kFast);
    same_as_general("id,x\n\"a\",\"1.5\"\nb, \" 2 \" \n", x, Expect::kFast);
    CsvColumns xy = x;
    xy.indicators = {"y", "x"};
    same_as_general("id,x,y\na,1 ,2\nb, 3,4\t\nc,+5,-0\nd,0.0,1e-3\n", xy, Expect::kFast);
  }
  SECTION("a number followed by other text is not read in place") {
    same_as_general("id,x\na,12\"3\n", x, Expect::kDecline);
    same_as_general("id,x\na,1e\n", x, Expect::kDecline);
    same_as_general("id,x\na,0x10\n", x, Expect::kDecline);
    same_as_general("id,x\na,1.5.2\n", x, Expect::kDecline);
    same_as_general("id,x\na,-inf\n", x, Expect::kDecline);
    same_as_general("id,x\na,1e-400\n", x, Expect::kDecline);  // out of range today
  }
  SECTION("missing tokens, empty cells, a last empty field") {
    same_as_general("id,x\na,NA\nb,\nc, \nd,-\ne,..\nf,null\ng,\"\"\nh,3\n", x, Expect::kFast);
    CsvColumns y = x;
    y.indicators = {"x", "y"};
    same_as_general("id,x,y\na,1,\nb,,2\n", y, Expect::kFast);
    CsvColumns custom = x;
    custom.missing_tokens = {"-999", ""};
    same_as_general("id,x\na,-999\nb,-999.0\nc,\n", custom, Expect::kFast);
  }
  SECTION("quoted text with delimiters, quotes and line breaks; names; tab and ';' delimiters") {
    CsvColumns c = x;
    c.name_zh = "name";
    c.indicators = {"x", "y"};
    same_as_general("id,name,x,y\na,\"Beijing, city\",1,2\nb,\"say \"\"hi\"\"\",3,4\nc,\"two\r\nlines\",5,6\nd,  ,7,8\n",
                    c, Expect::kFast);
    same_as_general("id\tname\tx\ty\na\tA\t1\t2\nb\tB\t3\t4\n", c, Expect::kFast);
    same_as_general("id;name;x;y\na;A;1,5;2\n", c, Expect::kDecline);  // decimal comma: an error today
    CsvOptions semicolon;
    semicolon.delimiter = ';';
    same_as_general("id;name;x;y\na;A;1.5;2\nb;\"B;C\";3;4\n", c, Expect::kFast, semicolon);
  }
  SECTION("Chinese text (UTF-8) and unit ids") {
    CsvColumns c = x;
    c.name_zh = "名称";
    same_as_general("id,名称,x\n北京,北京市,1\n上海,上海市,2\n", c, Expect::kFast);
  }
  SECTION("opt-in messy numbers read without a warning") {
    CsvColumns c = x;
    c.numbers.thousands = ",";
    same_as_general("id,x\na,\"1,234,567.5\"\nb,12\n", c, Expect::kFast);
    CsvColumns pct = x;
    pct.numbers.percent = cikit::PercentMode::Fraction;
    same_as_general("id,x\na,12%\nb,12.5 %\nc,3\n", pct, Expect::kFast);
  }
  SECTION("declined: errors and warnings are the general reader's") {
    same_as_general("id,x\na,1\nb,abc\n", x, Expect::kDecline);
    same_as_general("id,x\na,1\nb,1e999\n", x, Expect::kDecline);
    same_as_general("id,x\na,1,2\n", x, Expect::kDecline);
    same_as_general("id,x\na\n", x, Expect::kDecline);
    same_as_general("id,x\na,\"1\n", x, Expect::kDecline);
    same_as_general("id,x\na,\"1\"x\n", x, Expect::kDecline);
    same_as_general("id,x\na,1\na,2\n", x, Expect::kDecline);
    same_as_general("id,x\n,1\n", x, Expect::kDecline);
    same_as_general("id,x\n", x, Expect::kDecline);
    same_as_general("id,id,x\na,b,1\n", x, Expect::kDecline);
    same_as_general("id,y\na,1\n", x, Expect::kDecline);
    same_as_general("id,x\na,１２\n", x, Expect::kDecline);  // full-width digits: read with a warning
    same_as_general("id,x\na,1\nb,12%\n", x, Expect::kDecline);
    same_as_general("id,x\na,\"1,234\"\n", x, Expect::kDecline);
    CsvColumns excel = x;
    excel.numbers.excel_errors_missing = true;
    same_as_general("id,x\na,#DIV/0!\nb,1\n", excel, Expect::kDecline);  // read as missing, with a warning
    same_as_general("id,x\na,1\nb,\xFF\n", x, Expect::kDecline);          // not UTF-8
  }
  SECTION("GBK files go to the general reader") {
    const std::string gbk = cikit::utf8_to_gbk("id,名称,x\n北京,北京市,1\n");
    CsvColumns c = x;
    c.name_zh = "名称";
    same_as_general(gbk, c, Expect::kGeneralOnly);
  }
}

TEST_CASE("read_csv_numeric extra columns: denominators and group labels", "[core][csv_numeric][reference]") {
  CsvColumns c = columns_x();
  cikit::CsvNumericExtra extra;
  extra.numeric = {"pop", "x"};
  extra.text = {"grp"};
  const TempCsv file("id,x,pop,grp\na,1,10, \"east\" \nb,2,,west\n");
  const auto fast = cikit::read_csv_numeric(file.path(), {}, c, extra);
  REQUIRE(fast.has_value());
  const cikit::CsvTable table = cikit::read_csv(file.path());
  REQUIRE(fast->header == table.header);
  REQUIRE(fast->extra_values.rows() == 2);
  REQUIRE(fast->extra_values.cols() == 2);
  CHECK(bits(fast->extra_values(0, 0)) == bits(10.0));
  CHECK(std::isnan(fast->extra_values(1, 0)));
  CHECK(bits(fast->extra_values(0, 1)) == bits(1.0));  // an extra column may be an indicator too
  CHECK(bits(fast->extra_values(1, 1)) == bits(2.0));
  REQUIRE(fast->extra_text.size() == 1);
  CHECK(fast->extra_text[0] == std::vector<std::string>{table.rows[0][3], table.rows[1][3]});
  CHECK(fast->data.values.cols() == 1);
}

TEST_CASE("read_csv_numeric on a larger file crossing the release window", "[core][csv_numeric][property]") {
  // 1.8 million cells (about 19 MB, beyond the 16 MB window in which pages are checked and
  // released), with missing cells, exponents and signs; compared cell by cell.
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> u(-1000.0, 1000.0);
  std::string text = "id";
  const int k = 30;
  for (int j = 0; j < k; ++j) text += ",v" + std::to_string(j);
  text += "\r\n";
  char buf[64];
  for (int i = 0; i < 60000; ++i) {
    text += "u" + std::to_string(i);
    for (int j = 0; j < k; ++j) {
      const int form = static_cast<int>(rng() % 10);
      if (form == 0) {
        text += i % 2 ? ",NA" : ",";
        continue;
      }
      std::snprintf(buf, sizeof buf, form < 5 ? ",%.10g" : (form < 8 ? ",%.3f" : ",%.6e"), u(rng));
      text += buf;
    }
    text += "\r\n";
    if (i % 997 == 0) text += i % 2 ? "\r\n" : "\n\n";  // blank lines, some at block boundaries
  }
  REQUIRE(text.size() > (std::size_t{17} << 20));
  CsvColumns c;
  c.unit = "id";
  for (int j = 0; j < k; ++j) c.indicators.push_back("v" + std::to_string(k - 1 - j));  // reversed order
  same_as_general(text, c, Expect::kFast);

  // Row blocks are parsed in parallel (no quote in the file): 1, 2, 3 and 7 threads give the
  // same Dataset bit for bit, and the same as the general reader (above, default threads).
  const TempCsv file(text);
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const auto one = cikit::read_csv_numeric(file.path(), {}, c);
  REQUIRE(one.has_value());
  for (int threads : {2, 3, 7}) {
    omp_set_num_threads(threads);
    const auto many = cikit::read_csv_numeric(file.path(), {}, c);
    REQUIRE(many.has_value());
    CHECK(many->data.unit_ids == one->data.unit_ids);
    CHECK(many->data.source_lines == one->data.source_lines);
    REQUIRE(many->data.values.rows() == one->data.values.rows());
    CHECK(std::memcmp(many->data.values.data(), one->data.values.data(),
                      static_cast<std::size_t>(one->data.values.size()) * sizeof(double)) == 0);
  }
  omp_set_num_threads(saved);
}

TEST_CASE("read_csv_numeric on random messy files: whatever it reads, it reads as the general reader",
          "[core][csv_numeric][property]") {
  // 3,000 small files from an alphabet of number pieces, delimiters, quotes, spaces, line ends
  // and missing tokens (fixed seed); every file the fast reader accepts must give the general
  // reader's Dataset bit for bit. Counts of accepted files are checked so the test cannot pass
  // by declining everything.
  std::mt19937_64 rng(1706);
  const std::vector<std::string> pieces = {"1", "23", ".", "5", "-", "+", "e", "E", "0", "9", ",", ";", "\"",
                                           " ", "\t", "\n", "\r", "\r\n", "NA", "a", "%", "1e-400", "1e999"};
  const std::vector<std::string> clean = {"1", "-2.5", ".5", "7.", "+3", "1e3", "", "NA", "0", "-0", " 4 ", "\"6\""};
  CsvColumns c;
  c.unit = "id";
  c.indicators = {"x", "y"};
  int accepted = 0;
  for (int f = 0; f < 3000; ++f) {
    std::string text = "id,x,y\n";
    const int rows = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < rows; ++i) {
      text += "u" + std::to_string(i) + ",";
      for (int j = 0; j < 2; ++j) {
        if (rng() % 3 != 0) {
          text += clean[rng() % clean.size()];
        } else {
          const int len = 1 + static_cast<int>(rng() % 4);
          for (int q = 0; q < len; ++q) text += pieces[rng() % pieces.size()];
        }
        if (j == 0) text += ",";
      }
      text += (rng() % 4 == 0) ? "\r\n" : "\n";
    }
    const TempCsv file(text);
    if (cikit::read_csv_numeric(file.path(), {}, c).has_value()) ++accepted;
    same_as_general(text, c, Expect::kEither);
  }
  CHECK(accepted > 500);
}
