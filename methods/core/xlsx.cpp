#include "methods/core/xlsx.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <unordered_map>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

namespace fs = std::filesystem;

Location at_file(const std::string& file) {
  Location w;
  w.file = file;
  return w;
}

Location at_cell(const std::string& file, long row, long column) {
  Location w;
  w.file = file;
  w.line = row;
  w.column = column;
  w.cell_ref = true;
  return w;
}

/// Element name without a namespace prefix ("x:row" -> "row").
const char* local(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(local(n), name) == 0; }

pugi::xml_node child(const pugi::xml_node& n, const char* name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && is(c, name)) return c;
  return {};
}

/// The text of a string item (<si> or <is>): its <t>, or its rich-text runs' <t> joined;
/// phonetic runs (<rPh>) are left out.
std::string string_item(const pugi::xml_node& si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    if (is(c, "t")) {
      out += c.text().get();
    } else if (is(c, "r")) {
      if (const auto t = child(c, "t")) out += t.text().get();
    }
  }
  return out;
}

/// An open .xlsx archive.
class Archive {
 public:
  Archive(const fs::path& path, const std::string& label) : label_(label) {
    int err = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (zip_ == nullptr) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      const std::string why = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      throw InvalidInput(fmt::format("not a valid .xlsx workbook (the archive cannot be read: {}); open it in Excel "
                                     "and save it again as .xlsx",
                                     why),
                         at_file(label));
    }
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() { zip_discard(zip_); }

  [[nodiscard]] bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  /// The bytes of one archive member.
  [[nodiscard]] std::string read(const std::string& name) const {
    const zip_int64_t idx = zip_name_locate(zip_, name.c_str(), 0);
    if (idx < 0)
      throw InvalidInput(fmt::format("not a valid .xlsx workbook: part '{}' is missing", name), at_file(label_));
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(idx), 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0)
      throw InvalidInput(fmt::format("not a valid .xlsx workbook: part '{}' cannot be read", name), at_file(label_));
    if (st.encryption_method != ZIP_EM_NONE)
      throw InvalidInput("the workbook is password-protected (encrypted); remove the password in Excel and save "
                         "again",
                         at_file(label_));
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(idx), 0);
    if (f == nullptr)
      throw InvalidInput(fmt::format("not a valid .xlsx workbook: part '{}' cannot be opened ({})", name,
                                     zip_strerror(zip_)),
                         at_file(label_));
    // Read in chunks as the data come, never allocating the size the archive declares: a
    // damaged (or hostile) directory can claim gigabytes for a 200-byte member (found by
    // fuzz_xlsx: 4.26 GB declared). More or fewer bytes than declared, or a CRC error (libzip
    // checks it at the end), is a damaged part.
    std::string out;
    out.reserve(static_cast<std::size_t>(std::min<zip_uint64_t>(st.size, zip_uint64_t{1} << 20)));
    std::array<char, 1 << 16> buf{};
    bool damaged = false;
    for (;;) {
      const zip_int64_t got = zip_fread(f, buf.data(), buf.size());
      if (got <= 0) {
        damaged = got < 0;
        break;
      }
      if (out.size() + static_cast<std::size_t>(got) > st.size) {
        damaged = true;
        break;
      }
      out.append(buf.data(), static_cast<std::size_t>(got));
    }
    zip_fclose(f);
    if (damaged || out.size() != st.size)
      throw InvalidInput(fmt::format("not a valid .xlsx workbook: part '{}' is damaged", name), at_file(label_));
    return out;
  }

  /// Parses one XML member.
  void parse(const std::string& name, pugi::xml_document& doc) const {
    const std::string bytes = read(name);
    const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
    if (!r)
      throw InvalidInput(fmt::format("not a valid .xlsx workbook: part '{}' is not well-formed XML ({} at byte {})",
                                     name, r.description(), r.offset),
                         at_file(label_));
  }

 private:
  std::string label_;
  zip_t* zip_ = nullptr;
};

struct SheetRef {
  std::string name;
  std::string part;  // archive member, e.g. "xl/worksheets/sheet1.xml"
};

std::vector<SheetRef> list_sheets(const Archive& zip) {
  pugi::xml_document wb, rels;
  zip.parse("xl/workbook.xml", wb);
  std::map<std::string, std::string> targets;
  if (zip.has("xl/_rels/workbook.xml.rels")) {
    zip.parse("xl/_rels/workbook.xml.rels", rels);
    for (pugi::xml_node r = child(rels, "Relationships").first_child(); r; r = r.next_sibling()) {
      std::string t = r.attribute("Target").value();
      if (!t.empty() && t.front() == '/') t = t.substr(1);  // absolute within the package
      else t = "xl/" + t;
      targets[r.attribute("Id").value()] = t;
    }
  }
  std::vector<SheetRef> out;
  const pugi::xml_node sheets = child(child(wb, "workbook"), "sheets");
  for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
    if (!is(s, "sheet")) continue;
    std::string rid;
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
      const char* n = a.name();
      const char* colon = std::strchr(n, ':');
      if (colon && std::strcmp(colon + 1, "id") == 0) rid = a.value();
    }
    const auto it = targets.find(rid);
    out.push_back({s.attribute("name").value(), it == targets.end() ? std::string() : it->second});
  }
  return out;
}

std::vector<std::string> shared_strings(const Archive& zip) {
  std::vector<std::string> out;
  if (!zip.has("xl/sharedStrings.xml")) return out;
  pugi::xml_document doc;
  zip.parse("xl/sharedStrings.xml", doc);
  for (pugi::xml_node si = child(doc, "sst").first_child(); si; si = si.next_sibling())
    if (is(si, "si")) out.push_back(string_item(si));
  return out;
}

/// "C17" -> column 3, row 17; false if malformed or beyond Excel's sheet (16,384 columns, XFD;
/// 1,048,576 rows): the accumulation stops there, so a damaged reference cannot overflow.
bool parse_ref(const char* ref, long& column, long& row) {
  constexpr long kMaxColumns = 16384, kMaxRows = 1048576;
  column = 0;
  row = 0;
  const char* p = ref;
  while (*p >= 'A' && *p <= 'Z') {
    column = column * 26 + (*p++ - 'A' + 1);
    if (column > kMaxColumns) return false;
  }
  while (*p >= '0' && *p <= '9') {
    row = row * 10 + (*p++ - '0');
    if (row > kMaxRows) return false;
  }
  return *p == '\0' && column > 0 && row > 0;
}

/// Reads the file's first bytes (to tell an encrypted workbook or a legacy .xls from a zip).
std::string magic(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string b(8, '\0');
  in.read(b.data(), 8);
  b.resize(static_cast<std::size_t>(in.gcount()));
  return b;
}

const SheetRef& pick_sheet(const std::vector<SheetRef>& sheets, const XlsxOptions& o, const std::string& label) {
  if (sheets.empty()) throw InvalidInput("the workbook has no worksheets", at_file(label));
  std::string names;
  for (const auto& s : sheets) names += (names.empty() ? "" : ", ") + s.name;
  if (o.sheet.empty()) return sheets.front();
  for (const auto& s : sheets)
    if (s.name == o.sheet) return s;
  const bool digits = std::all_of(o.sheet.begin(), o.sheet.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && o.sheet.size() < 6) {
    const long k = std::stol(o.sheet);
    if (k >= 1 && static_cast<std::size_t>(k) <= sheets.size()) return sheets[static_cast<std::size_t>(k - 1)];
    throw InvalidInput(fmt::format("sheet {} does not exist: the workbook has {} sheet(s) ({})", k, sheets.size(), names),
                       at_file(label));
  }
  throw InvalidInput(fmt::format("no sheet named '{}' (sheets: {})", o.sheet, names), at_file(label));
}

struct Cell {
  long column;
  std::string text;
};

/// The cell's value as text (see xlsx.hpp); throws for a formula without a cached value.
std::string cell_text(const pugi::xml_node& c, const std::vector<std::string>& sst, const std::string& file, long row,
                      long column) {
  const char* t = c.attribute("t").value();
  const pugi::xml_node v = child(c, "v");
  if (std::strcmp(t, "inlineStr") == 0) return string_item(child(c, "is"));
  if (!v) {
    if (child(c, "f"))
      throw InvalidInput("formula without a cached value (the workbook was saved by a program that does not "
                         "compute formulas): open it in Excel or LibreOffice and save it again, or paste the "
                         "values",
                         at_cell(file, row, column));
    return {};
  }
  const char* value = v.text().get();
  if (std::strcmp(t, "s") == 0) {
    char* end = nullptr;
    const unsigned long k = std::strtoul(value, &end, 10);
    if (end == value || *end != '\0' || k >= sst.size())
      throw InvalidInput(fmt::format("shared string {} does not exist (damaged workbook)", value), at_cell(file, row, column));
    return sst[k];
  }
  if (std::strcmp(t, "b") == 0) return std::strcmp(value, "0") == 0 ? "0" : "1";
  return value;  // n (number, date serial), str (formula text), e (error value), d (ISO date text)
}

/// Refuses merged cells that touch the header row.
void check_merges(const pugi::xml_node& ws, long header_row, const std::string& file) {
  for (pugi::xml_node m = child(ws, "mergeCells").first_child(); m; m = m.next_sibling()) {
    const std::string ref = m.attribute("ref").value();
    const auto colon = ref.find(':');
    if (colon == std::string::npos) continue;
    long c1 = 0, r1 = 0, c2 = 0, r2 = 0;
    if (!parse_ref(ref.substr(0, colon).c_str(), c1, r1) || !parse_ref(ref.substr(colon + 1).c_str(), c2, r2)) continue;
    if (r1 <= header_row && header_row <= r2)
      throw InvalidInput(fmt::format("merged cells {} in the header row: every column needs its own header cell "
                                     "(unmerge them and give each column a name)",
                                     ref),
                         at_cell(file, r1, c1));
  }
}

}  // namespace

std::string excel_column_name(long column) {
  std::string s;
  while (column > 0) {
    const long r = (column - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + r));
    column = (column - 1) / 26;
  }
  return s;
}

bool is_excel_path(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}

namespace {
/// Refuses what is not a .xlsx archive before libzip sees it: a missing file, a folder, a legacy
/// .xls workbook and an encrypted Office file (both OLE compound files).
/// Legacy .xls is refused rather than read through FreeXL 1.0.6 (Debian libfreexl-dev), which
/// returns error cells as the integer 1, drops the time fraction of date-formatted numbers and
/// returns formulas as empty cells (validation/core/xlsx/generate_xls.py): silent wrong values.
void refuse_non_xlsx(const fs::path& path, const std::string& label) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InvalidInput("file not found", at_file(label));
  if (fs::is_directory(path, ec)) throw InvalidInput("is a directory, not a workbook", at_file(label));
  const std::string head = magic(path);
  if (head.size() == 8 && head == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".xls")
      throw InvalidInput("legacy Excel 97-2003 workbook (.xls) is not read: open it in Excel or LibreOffice and "
                         "save it as .xlsx (or as CSV)",
                         at_file(label));
    throw InvalidInput("the workbook is password-protected (an encrypted Office file, not a .xlsx archive): remove "
                       "the password in Excel (File > Info > Protect Workbook) and save again",
                       at_file(label));
  }
}
}  // namespace

std::vector<std::string> xlsx_sheet_names(const fs::path& path) {
  refuse_non_xlsx(path, path.string());
  const Archive zip(path, path.string());
  std::vector<std::string> out;
  for (const auto& s : list_sheets(zip)) out.push_back(s.name);
  return out;
}

CsvTable read_xlsx(const fs::path& path, const XlsxOptions& o) {
  const std::string label = path.string();
  refuse_non_xlsx(path, label);
  const Archive zip(path, label);
  const std::vector<SheetRef> sheets = list_sheets(zip);
  const SheetRef& sheet = pick_sheet(sheets, o, label);
  const std::string file = fmt::format("{}[{}]", label, sheet.name);
  if (sheet.part.empty() || !zip.has(sheet.part))
    throw InvalidInput(fmt::format("sheet '{}' is not a worksheet (a chart sheet?) or its part is missing", sheet.name),
                       at_file(label));
  const std::vector<std::string> sst = shared_strings(zip);
  pugi::xml_document doc;
  zip.parse(sheet.part, doc);
  const pugi::xml_node ws = child(doc, "worksheet");

  // Rows of (column, text), non-empty cells only, in sheet order.
  std::vector<std::pair<long, std::vector<Cell>>> rows;
  long last_row = 0;
  for (pugi::xml_node r = child(ws, "sheetData").first_child(); r; r = r.next_sibling()) {
    if (!is(r, "row")) continue;
    long row = r.attribute("r").as_int(0);
    if (row <= 0) row = last_row + 1;
    last_row = row;
    std::vector<Cell> cells;
    long last_col = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (!is(c, "c")) continue;
      long col = last_col + 1, rr = row;
      if (const char* ref = c.attribute("r").value(); *ref != '\0' && !parse_ref(ref, col, rr))
        throw InvalidInput(fmt::format("cell reference '{}' is malformed (damaged workbook)", ref), at_file(file));
      last_col = col;
      std::string text = cell_text(c, sst, file, row, col);
      if (!text.empty()) cells.push_back({col, std::move(text)});
    }
    // Excel writes cells left to right and rows top to bottom, once each; a damaged or
    // hand-made sheet may not: order them, and refuse a cell or row given twice.
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
    for (std::size_t k = 1; k < cells.size(); ++k)
      if (cells[k].column == cells[k - 1].column)
        throw InvalidInput("the cell is given twice in the sheet (damaged workbook)", at_cell(file, row, cells[k].column));
    if (!cells.empty()) rows.emplace_back(row, std::move(cells));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t k = 1; k < rows.size(); ++k)
    if (rows[k].first == rows[k - 1].first)
      throw InvalidInput(fmt::format("row {} is given twice in the sheet (damaged workbook)", rows[k].first),
                         at_cell(file, rows[k].first, rows[k].second.front().column));

  CsvTable table;
  table.file = file;
  table.encoding = "utf-8";
  table.cell_refs = true;
  std::size_t h = 0;
  if (o.header_row > 0) {
    while (h < rows.size() && rows[h].first < o.header_row) ++h;
    if (h == rows.size() || rows[h].first != o.header_row)
      throw InvalidInput(fmt::format("header row {} is empty (data.header_row names the sheet row of the column names)",
                                     o.header_row),
                         at_cell(file, o.header_row, 1));
  }
  if (rows.empty()) throw InvalidInput("the sheet is empty", at_file(file));
  if (o.header_row == 0) {  // skip title rows: single values above the first row of two or more
    std::size_t k = 0;
    while (k < rows.size() && rows[k].second.size() < 2) ++k;
    if (k < rows.size()) h = k;
  }
  const long header_row = rows[h].first;
  check_merges(ws, header_row, file);
  const auto& hc = rows[h].second;
  const long first = hc.front().column, last = hc.back().column;
  table.column_offset = first - 1;
  table.header_line = header_row;
  table.header.assign(static_cast<std::size_t>(last - first + 1), std::string());
  for (const auto& c : hc) table.header[static_cast<std::size_t>(c.column - first)] = c.text;
  std::unordered_map<std::string, long> seen;
  for (std::size_t j = 0; j < table.header.size(); ++j) {
    std::string& name = table.header[j];
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    const long col = first + static_cast<long>(j);
    if (name.empty())
      throw InvalidInput("empty column name in the header row (every column between the first and the last header "
                         "needs a name; data.header_row picks the header row)",
                         at_cell(file, header_row, col));
    const auto [it, fresh] = seen.emplace(name, col);
    if (!fresh)
      throw InvalidInput(fmt::format("duplicate column name '{}' in the header (columns {} and {})", name,
                                     excel_column_name(it->second), excel_column_name(col)),
                         at_cell(file, header_row, col));
  }
  for (std::size_t i = h + 1; i < rows.size(); ++i) {
    std::vector<std::string> out(table.header.size());
    bool any = false;
    for (auto& c : rows[i].second) {
      if (c.column < first || c.column > last) continue;
      out[static_cast<std::size_t>(c.column - first)] = std::move(c.text);
      any = true;
    }
    if (!any) continue;
    table.rows.push_back(std::move(out));
    table.row_lines.push_back(rows[i].first);
  }
  return table;
}

CsvTable read_table(const fs::path& path, const CsvOptions& csv, const XlsxOptions& xlsx) {
  if (is_excel_path(path)) return read_xlsx(path, xlsx);
  return read_csv(path, csv);
}

}  // namespace cikit
