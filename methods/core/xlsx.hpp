#pragma once
/// \file xlsx.hpp
/// Excel workbook (.xlsx, Office Open XML) reader: one worksheet as a CsvTable, so the rest of
/// the data path (table_to_dataset) is the CSV's and a workbook gives exactly the numbers of
/// the same data saved as CSV. The archive is read with libzip and the XML with pugixml.
///
/// Conventions (docs/spec.md "Excel workbooks")
/// - Sheet: by name or by 1-based position in the workbook ("" = the first sheet).
/// - Header row: the 1-based sheet row given (`header_row`), else the first row with two or
///   more values (title rows of one cell above it are skipped). The table spans the header's
///   columns from its first to its last non-empty cell; cells outside that span are ignored;
///   rows with no value in the span are skipped (like blank lines of a CSV).
/// - Cell values as text: numbers exactly as stored (the shortest text Excel wrote, parsed
///   later as the CSV's numbers are), shared and inline strings (rich text runs joined,
///   phonetic runs left out), booleans as 1 and 0, dates as their serial numbers (days since
///   1899-12-30, as Excel stores them; the cell format is not applied), formulas by their
///   cached value, error values as written ("#DIV/0!", see data.excel_errors), empty cells "".
/// - Errors name the cell: "file.xlsx[Sheet]!C17".
/// - Refused with a clear error: an encrypted (password-protected) workbook, a file that is not
///   a valid .xlsx archive, a missing sheet, a header row with merged cells, an empty or
///   duplicated header name, a formula without a cached value, and legacy .xls files (save as
///   .xlsx).

#include <filesystem>
#include <string>
#include <vector>

#include "methods/core/csv.hpp"

namespace cikit {

struct XlsxOptions {
  std::string sheet;    ///< sheet name or 1-based position as text; "" = first sheet
  long header_row = 0;  ///< 1-based sheet row of the header; 0 = first row with >= 2 values
};

/// The names of a workbook's sheets, in workbook order.
[[nodiscard]] std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path);

/// Reads one worksheet as a table. table.file is "file.xlsx[Sheet]", row_lines are sheet
/// rows, table.cell_refs is set (locations print as "file.xlsx[Sheet]!C17").
/// @throws InvalidInput (see the conventions above).
[[nodiscard]] CsvTable read_xlsx(const std::filesystem::path& path, const XlsxOptions& options = {});

/// True if the path names an Excel workbook (.xlsx, .xlsm, .xls; any case).
[[nodiscard]] bool is_excel_path(const std::filesystem::path& path);

/// Reads a data table: a workbook through read_xlsx, anything else through read_csv.
[[nodiscard]] CsvTable read_table(const std::filesystem::path& path, const CsvOptions& csv,
                                  const XlsxOptions& xlsx);

/// "C" for column 3, "AA" for 27 (1-based).
[[nodiscard]] std::string excel_column_name(long column);

}  // namespace cikit
