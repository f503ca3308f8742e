/// \file ahp_random_index.cpp
/// The consistency reference values of AHP (ahp.hpp): the random index tables (Saaty 1980,
/// 2005, Alonso & Lamata 2006 and its fit, Donegan & Dodd 1991, the Chinese textbook table),
/// their names, and the CR thresholds.
#include "methods/weighting/ahp.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>
#include <vector>

namespace cikit {

namespace {

// ---- random index tables (METHODS-REFERENCE.md §6.2; index = m, m = 1..15) -----------------
constexpr std::array<double, 15> kSaaty1980{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                             1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
constexpr std::array<double, 15> kSaaty2005{0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40,
                                             1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
constexpr std::array<double, 15> kAlonsoLamata{0,      0,      0.5245, 0.8815, 1.1086,
                                                1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                                                1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
constexpr std::array<double, 15> kChinese{0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41,
                                           1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
/// Donegan & Dodd (1991) as tabulated in AHPy (m, RI); linear interpolation in between.
constexpr std::array<std::pair<int, double>, 27> kDoneganDodd{{
    {1, 0},       {2, 0},       {3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},
    {7, 1.2519},  {8, 1.3171},  {9, 1.3733},  {10, 1.4055}, {11, 1.4213}, {12, 1.4497},
    {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078}, {17, 1.5153}, {18, 1.5262},
    {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102},
    {60, 1.6178}, {70, 1.6237}, {80, 1.6277},
}};
// 90 and 100 follow (kept apart to keep the table readable).
constexpr std::array<std::pair<int, double>, 2> kDoneganDoddTail{{{90, 1.6213}, {100, 1.6339}}};

struct TableName {
  RandomIndexTable table;
  std::string_view name;
};
constexpr std::array kTableNames{
    TableName{RandomIndexTable::Saaty1980, "saaty1980"},
    TableName{RandomIndexTable::Saaty2005, "saaty2005"},
    TableName{RandomIndexTable::AlonsoLamata2006, "alonso_lamata"},
    TableName{RandomIndexTable::AlonsoLamataFit, "alonso_lamata_fit"},
    TableName{RandomIndexTable::DoneganDodd1991, "donegan_dodd"},
    TableName{RandomIndexTable::ChineseTextbook, "chinese_textbook"},
};

}  // namespace

std::string_view random_index_table_name(RandomIndexTable table) {
  for (const auto& t : kTableNames)
    if (t.table == table) return t.name;
  return "unknown";
}

bool parse_random_index_table(std::string_view name, RandomIndexTable& out) {
  for (const auto& t : kTableNames)
    if (t.name == name) {
      out = t.table;
      return true;
    }
  return false;
}

double random_index(int m, RandomIndexTable table) {
  if (m < 1) throw DomainError(fmt::format("random_index: m is {} but must be >= 1", m));
  if (m <= 2) return 0;
  auto from15 = [&](const std::array<double, 15>& t) {
    if (m > 15)
      throw DomainError(fmt::format(
          "random_index: the {} table covers m <= 15, but m is {}; use donegan_dodd (m <= 100) "
          "or alonso_lamata_fit",
          random_index_table_name(table), m));
    return t[static_cast<std::size_t>(m - 1)];
  };
  switch (table) {
    case RandomIndexTable::Saaty1980:
      return from15(kSaaty1980);
    case RandomIndexTable::Saaty2005:
      return from15(kSaaty2005);
    case RandomIndexTable::AlonsoLamata2006:
      return from15(kAlonsoLamata);
    case RandomIndexTable::ChineseTextbook:
      return from15(kChinese);
    case RandomIndexTable::AlonsoLamataFit: {
      const double md = static_cast<double>(m);
      return (1.7699 * md - 4.3513) / (md - 1.0);
    }
    case RandomIndexTable::DoneganDodd1991: {
      if (m > 100)
        throw DomainError(fmt::format("random_index: the donegan_dodd table covers m <= 100, but m is {}", m));
      std::vector<std::pair<int, double>> t(kDoneganDodd.begin(), kDoneganDodd.end());
      t.insert(t.end(), kDoneganDoddTail.begin(), kDoneganDoddTail.end());
      for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (t[k].first == m) return t[k].second;
        if (t[k].first < m && m < t[k + 1].first) {
          const double f = static_cast<double>(m - t[k].first) / static_cast<double>(t[k + 1].first - t[k].first);
          return t[k].second + f * (t[k + 1].second - t[k].second);
        }
      }
      return t.back().second;
    }
  }
  throw InternalError("random_index: unknown table");
}

double cr_threshold(int m, CrThresholdRule rule, double fixed) {
  if (rule == CrThresholdRule::Saaty1994BySize) {
    if (m == 3) return 0.05;
    if (m == 4) return 0.08;
    return 0.10;
  }
  return fixed;
}

}  // namespace cikit
