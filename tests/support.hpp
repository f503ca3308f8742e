#pragma once
// Shared test helpers: paths and a tiny reader for committed reference CSVs (independent of
// cikit's own CSV reader, so reference comparisons do not depend on the code under test).
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace cikit_test {

inline std::string source_dir() { return CIKIT_SOURCE_DIR; }
inline std::string validation_dir() { return CIKIT_VALIDATION_DIR; }
/// ../shared/data beside the checkout; tests using it must skip when it is absent.
inline std::string shared_data_dir() { return std::string(CIKIT_SOURCE_DIR) + "/../shared/data"; }
inline bool shared_data_available() { return std::filesystem::is_directory(shared_data_dir()); }

/// Reads a simple CSV (RFC 4180 quotes, no embedded newlines); cells are trimmed of spaces.
inline std::vector<std::vector<std::string>> read_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) FAIL("cannot open reference file " << path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cell += '"', ++i;
        else if (c == '"') quoted = false;
        else cell += c;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += c;
      }
    }
    cells.push_back(cell);
    for (auto& s : cells) {
      s.erase(0, s.find_first_not_of(' '));
      s.erase(s.find_last_not_of(' ') + 1);
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// A reference number: "NA"/"NaN"/"" -> NaN, "Inf"/"-Inf" -> infinities.
inline double ref_number(const std::string& s) {
  if (s.empty() || s == "NA" || s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (s == "Inf") return std::numeric_limits<double>::infinity();
  if (s == "-Inf") return -std::numeric_limits<double>::infinity();
  return std::stod(s);
}

/// Column index of a header name in a table read by read_table.
inline std::size_t column(const std::vector<std::vector<std::string>>& t, const std::string& name) {
  for (std::size_t c = 0; c < t.at(0).size(); ++c)
    if (t[0][c] == name) return c;
  FAIL("no column " << name);
  return 0;
}

/// Numeric columns `ids` of a table read by read_table (row 0 = header) as a matrix, cells by
/// ref_number.
inline Eigen::MatrixXd numeric_columns(const std::vector<std::vector<std::string>>& t,
                                       const std::vector<std::string>& ids) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(t.size() - 1), static_cast<Eigen::Index>(ids.size()));
  for (std::size_t j = 0; j < ids.size(); ++j) {
    const std::size_t c = column(t, ids[j]);
    for (std::size_t i = 1; i < t.size(); ++i)
      m(static_cast<Eigen::Index>(i - 1), static_cast<Eigen::Index>(j)) = ref_number(t[i].at(c));
  }
  return m;
}

}  // namespace cikit_test
