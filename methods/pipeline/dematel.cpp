#include "methods/pipeline/dematel.hpp"

#include <fmt/format.h>

#include "methods/core/fileio.hpp"
#include "methods/core/sha256.hpp"
#include "methods/report/dematel_svg.hpp"
#include "methods/report/messages.hpp"

namespace cikit::pipeline {

DematelRun run_dematel(const DematelRunOptions& o) {
  DematelRun run;
  run.input = read_dematel(o.file);
  run.result = dematel(run.input.matrices, run.input.ids, run.input.experts);
  const DematelResult& r = run.result;
  const auto n = static_cast<Eigen::Index>(r.ids.size());
  run.cause.resize(r.ids.size());
  for (Eigen::Index i = 0; i < n; ++i) run.cause[static_cast<std::size_t>(i)] = r.relation(i) > 0;

  const auto matrix_json = [&](const Eigen::MatrixXd& m) {
    nlohmann::json rows = nlohmann::json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      nlohmann::json row = nlohmann::json::array();
      for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(json_num(m(i, j)));
      rows.push_back(row);
    }
    return rows;
  };
  run.doc = {{"cikit_version", CIKIT_VERSION},
             {"command", "dematel"},
             {"file", {{"path", o.file}, {"sha256", sha256_hex(read_file(o.file))}}},
             {"criteria", r.ids},
             {"experts", run.input.experts},
             {"weights_formula", "w_i = sqrt((D_i + R_i)^2 + (D_i - R_i)^2) / sum_k sqrt((D_k + R_k)^2 + (D_k - R_k)^2)"},
             {"direct", matrix_json(r.direct)},
             {"normalized", matrix_json(r.normalized)},
             {"total", matrix_json(r.total)}};
  nlohmann::json per = nlohmann::json::array();
  TextTable t;
  t.header = {"criterion", "d", "r", "prominence", "relation", "group", "weight"};
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string group = run.cause[static_cast<std::size_t>(i)] ? "cause" : "effect";
    per.push_back({{"id", r.ids[static_cast<std::size_t>(i)]},
                   {"d", json_num(r.given(i))},
                   {"r", json_num(r.received(i))},
                   {"prominence", json_num(r.prominence(i))},
                   {"relation", json_num(r.relation(i))},
                   {"group", group},
                   {"weight", json_num(r.weights(i))}});
    t.rows.push_back({r.ids[static_cast<std::size_t>(i)], num_full(r.given(i)), num_full(r.received(i)),
                      num_full(r.prominence(i)), num_full(r.relation(i)), group, num_full(r.weights(i))});
  }
  run.doc["per_criterion"] = per;
  run.csv = t.csv();
  TextTable tt;
  tt.header = {"from\\to"};
  tt.header.insert(tt.header.end(), r.ids.begin(), r.ids.end());
  for (Eigen::Index i = 0; i < n; ++i) {
    std::vector<std::string> row{r.ids[static_cast<std::size_t>(i)]};
    for (Eigen::Index j = 0; j < n; ++j) row.push_back(num_full(r.total(i, j)));
    tt.rows.push_back(std::move(row));
  }
  run.total_csv = tt.csv();
  run.svg = report::dematel_svg(r, {report::msg("dematel.x", o.lang), report::msg("dematel.y", o.lang),
                                    report::msg("dematel.cause", o.lang), report::msg("dematel.effect", o.lang)});
  run.outputs = OutputSet(o.out);
  run.outputs.add("dematel.json", run.doc.dump(2) + "\n");
  run.outputs.add("dematel.csv", run.csv);
  run.outputs.add("dematel_total.csv", run.total_csv);
  run.outputs.add("dematel.svg", run.svg + "\n");
  return run;
}

}  // namespace cikit::pipeline
