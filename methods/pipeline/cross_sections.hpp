#pragma once
/// \file cross_sections.hpp
/// The cross-sections an analysis of the index works on (disparity, density, spatial, and the
/// same rule in coupling and obstacles): one per period. Plain data has one cross-section (period
/// ""), built from run_index; panel data (`data.time`) one per period, from the panel build the
/// index run keeps (IndexRun::panel), so the analyses, which loop over the list, report per period.

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/pipeline/index.hpp"

namespace cikit::pipeline {

/// Text cells of the data file's columns for the units of a cross-section (the columns that
/// are not indicators: --group, --coords), with their file positions for error messages.
class RawColumns {
 public:
  /// The data table of `spec` (file or in-memory table), read again as text.
  /// @throws InvalidInput as read_table.
  explicit RawColumns(const Spec& spec);
  /// Column `name` as text, row r = data row r. @throws InvalidInput naming the file and the
  /// columns it has when there is no such column; `option` names what asked for it (--group).
  [[nodiscard]] std::vector<std::string> text(const std::string& name, const std::string& option) const;
  /// Location of row r's cell in column `name` (for messages).
  [[nodiscard]] Location where(const std::string& name, std::size_t row, const std::string& unit) const;
  [[nodiscard]] std::size_t rows() const { return n_rows_; }

 private:
  std::string label_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> columns_;  // by header position
  std::vector<long> lines_;
  bool cell_refs_ = false;
  long column_offset_ = 0;
  std::size_t n_rows_ = 0;
};

/// One period's units and scores.
struct CrossSection {
  std::string period;               ///< "" when not a panel
  std::vector<std::string> units;   ///< unit ids
  Eigen::VectorXd index;            ///< index score per unit (NaN = no score)
  std::vector<std::string> node_ids;  ///< tree node ids (column order of node_scores)
  Eigen::MatrixXd node_scores;      ///< units × nodes (column 0 = the index)
  std::shared_ptr<const RawColumns> raw;
  std::vector<std::size_t> raw_rows;  ///< row in `raw` of each unit

  /// Scores of node `id` (the index's id or "" for the index). @throws InvalidInput for an
  /// unknown node, listing the ids.
  [[nodiscard]] Eigen::VectorXd node(const std::string& id) const;
  /// Raw text column `name` for the units (trimmed); @throws InvalidInput naming the unit, file
  /// and line of an empty cell, or as RawColumns::text.
  [[nodiscard]] std::vector<std::string> text_column(const std::string& name, const std::string& option) const;
  /// Raw numeric column `name` for the units. @throws InvalidInput naming the unit, file, line
  /// and column of an empty or non-numeric cell ("unit 'x' has no value in column 'lon'").
  [[nodiscard]] Eigen::VectorXd number_column(const std::string& name, const std::string& option) const;
};

/// The cross-sections of a built index: one (period "") for plain data; for a panel spec one per
/// period (IndexRun::panel), each with that period's units, scores and file rows. The
/// (spec, data, result) form (the appendix) builds the panel itself for a panel spec.
[[nodiscard]] std::vector<CrossSection> analysis_cross_sections(const Spec& spec, const Dataset& data,
                                                                const IndexResult& result);
/// The same for a run of the index pipeline.
[[nodiscard]] std::vector<CrossSection> analysis_cross_sections(const IndexRun& run);

/// Values of `v` at units with a finite value; `units` in, kept units out. Used by the analyses,
/// which state in a warning how many units had no score.
struct Complete {
  Eigen::VectorXd values;
  std::vector<std::size_t> kept;  ///< positions in the cross-section
};
[[nodiscard]] Complete complete_values(const Eigen::VectorXd& v);

}  // namespace cikit::pipeline
