// cikit dematel FILE: DEMATEL from experts' direct-influence matrices (CSV, docs/spec.md
// "DEMATEL file"): total-relation matrix, D, R, prominence D + R, relation D − R, cause/effect
// groups, DEMATEL weights and the cause/effect diagram. Thin front end over pipeline::run_dematel().
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/dematel.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct DematelCliOptions {
  std::string file;
  CommonOptions common;
};

void print_tables(const pipeline::DematelRun& run, Lang lang) {
  using report::msg;
  const DematelResult& r = run.result;
  TextTable t;
  t.header = {msg("dematel.h.criterion", lang), "D", "R", msg("dematel.x", lang), msg("dematel.y", lang),
              msg("dematel.h.group", lang), msg("dematel.h.weight", lang)};
  t.right_align = {false, true, true, true, true, false, true};
  for (std::size_t i = 0; i < r.ids.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    t.rows.push_back({r.ids[i], num(r.given(k), 4), num(r.received(k), 4), num(r.prominence(k), 4),
                      num(r.relation(k), 4), msg(run.cause[i] ? "dematel.cause" : "dematel.effect", lang),
                      num(r.weights(k), 4)});
  }
  std::cout << msg("dematel.table.title", lang) << "\n" << t.render();
  TextTable tt;
  tt.header = {""};
  tt.header.insert(tt.header.end(), r.ids.begin(), r.ids.end());
  tt.right_align.assign(tt.header.size(), true);
  tt.right_align[0] = false;
  for (std::size_t i = 0; i < r.ids.size(); ++i) {
    std::vector<std::string> row{r.ids[i]};
    for (std::size_t j = 0; j < r.ids.size(); ++j)
      row.push_back(num(r.total(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)), 4));
    tt.rows.push_back(std::move(row));
  }
  std::cout << "\n" << msg("dematel.total.title", lang) << "\n" << tt.render()
            << report::msgf("dematel.note", lang, run.input.experts.size()) << "\n";
}

void run_dematel_cli(const DematelCliOptions& d) {
  const CommonOptions& o = d.common;
  pipeline::DematelRunOptions ro;
  ro.file = d.file;
  ro.out = o.out;
  ro.lang = o.language();
  const pipeline::DematelRun run = pipeline::run_dematel(ro);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.csv;
  else print_tables(run, o.language());
  run.outputs.write();
}

}  // namespace

void setup_dematel(CLI::App& app) {
  auto opt = std::make_shared<DematelCliOptions>();
  auto* sub = app.add_subcommand(
      "dematel",
      "DEMATEL from experts' direct-influence matrices (CSV: expert,criterion,ID_1..ID_n; experts averaged): "
      "total-relation matrix T, D, R, prominence D + R, relation D - R, cause/effect group and weights "
      "sqrt((D+R)^2 + (D-R)^2) normalised; with --out: dematel.json, dematel.csv, dematel_total.csv, dematel.svg.");
  sub->add_option("file", opt->file, "Direct-influence matrices (CSV; docs/spec.md \"DEMATEL file\")")
      ->required()
      ->check(CLI::ExistingFile);
  add_common_options(*sub, opt->common, false);
  sub->callback([opt] { run_dematel_cli(*opt); });
}

}  // namespace cikit::cli
