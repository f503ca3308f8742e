#pragma once
/// \file detail/message_parts.hpp
/// Private to methods/report: the message catalogue's parts, one per topic file
/// (messages_<topic>.cpp). messages.cpp joins them into message_catalogue() and indexes the
/// keys (a key must be unique across all parts). Not installed; no other family includes it.

#include <vector>

#include "methods/report/messages.hpp"

namespace cikit::report_detail {

using report::Message;

/// Document frame, reproducibility block, "Not included", generic charts, command-line lines.
[[nodiscard]] const std::vector<Message>& document_messages();
/// A1–A8, the scree plot and correlation heat map, their interpretation sentences.
[[nodiscard]] const std::vector<Message>& validation_messages();
/// B1 index table, A9 AHP consistency, A10 weights and A11 rankings compared.
[[nodiscard]] const std::vector<Message>& index_messages();
/// D1–D3 expert consultation.
[[nodiscard]] const std::vector<Message>& delphi_messages();
/// Rank-interval figure, uncertain input labels, A12–A14.
[[nodiscard]] const std::vector<Message>& sensitivity_messages();
/// Adjustments the library made (core/notice.hpp): notices, table notes, the adjustments table.
[[nodiscard]] const std::vector<Message>& notice_messages();
/// A6-2, A8-3 and the overall conclusions on reliability and structural validity.
[[nodiscard]] const std::vector<Message>& evidence_messages();
/// Benefit of the doubt, Best-Worst Method and DEMATEL (mcda-weights, issue 18).
[[nodiscard]] const std::vector<Message>& mcda_weights_messages();
/// C1–C4 and the importance figure of the statistical-coherence audit.
[[nodiscard]] const std::vector<Message>& audit_messages();
/// Coupling coordination and obstacle degree in the appendix (analysis_tables.hpp).
[[nodiscard]] const std::vector<Message>& analysis_messages();
/// A15, A16 and the CFA variant of A8 (confirmatory factor analysis).
[[nodiscard]] const std::vector<Message>& cfa_messages();
/// Disparity, kernel density and spatial autocorrelation (issue 22).
[[nodiscard]] const std::vector<Message>& spatial_messages();
/// Panel data: trajectories, trends, CAGR, per-period reliability (`cikit panel`).
[[nodiscard]] const std::vector<Message>& panel_messages();

}  // namespace cikit::report_detail
