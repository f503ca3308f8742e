// cikit appendix SPEC --out DIR: the methodology appendix as publication tables, in every format.
// So far it holds A1 (indicator system and weights), A2 (descriptive statistics) and the final
// index table; each analysis adds its tables as it lands.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/fileio.hpp"
#include "methods/describe/describe.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/report/delphi_tables.hpp"
#include "methods/report/render.hpp"
#include "methods/report/tables.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weights_report.hpp"

namespace cikit::cli {

namespace {

struct AppendixOptions {
  CommonOptions common;
  std::string formats = "md,html,tex,csv,xlsx";
  std::string pstyle = "auto";
};

std::string fnv1a_file(const std::string& path) {
  const std::string bytes = read_file(path);
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char ch : bytes) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

void run_appendix(const AppendixOptions& o) {
  const Spec spec = read_spec(o.common.spec);
  const Dataset data = load_data(spec);
  const Lang lang = o.common.language();
  const IndexConfig& cfg = spec.config;
  Judgments judgments;
  const WeightInputs inputs = spec_weight_inputs(spec, {cfg.weights}, judgments);
  const IndexResult r = build_index(data, spec.tree, cfg, inputs);
  const DescribeResult d = describe(data);

  std::set<std::string> formats;
  std::stringstream ss(o.formats);
  for (std::string f; std::getline(ss, f, ',');) {
    if (f != "md" && f != "html" && f != "tex" && f != "csv" && f != "xlsx")
      throw CLI::ValidationError("--formats", "unknown format '" + f + "' (accepted: md, html, tex, csv, xlsx)");
    formats.insert(f);
  }

  const auto& nm = method_info(normalize_methods(), cfg.normalize);
  const auto& wm = method_info(weight_methods(), cfg.weights);
  const auto& am = method_info(aggregate_methods(), cfg.aggregate);
  const auto name = [lang](const auto& m) { return std::string(lang == Lang::Zh ? m.zh : m.en); };
  const std::string methods_note =
      trf(lang, "Normalisation: {} ({}–{}); weights: {}; aggregation: {}; missing values: {}.",
          "标准化：{}（{}–{}）；权重：{}；合成：{}；缺失值处理：{}。", name(nm), cfg.range_lo, cfg.range_hi, name(wm),
          name(am), name(method_info(missing_policies(), cfg.missing)));

  std::vector<report::Table> tables;
  tables.push_back(report::indicator_system_table(spec.tree, r.weights, name(wm), lang));
  // Expert consultation comes before the data-based evidence (issue: Delphi, item 6).
  if (!spec.delphi.empty()) {
    const DelphiInput delphi_in = read_delphi(spec.delphi, spec.tree);
    const DelphiResult delphi = analyse_delphi(delphi_in, spec.tree);
    for (auto& t : report::delphi_tables(delphi, delphi_in, spec.tree, lang)) tables.push_back(std::move(t));
  }
  tables.push_back(report::descriptive_table(spec.tree, d, lang));
  tables.push_back(report::index_table(data, spec.tree, r, methods_note, lang));

  report::DocumentInfo doc;
  doc.lang = lang;
  doc.pstyle = o.pstyle == "apa" || (o.pstyle == "auto" && lang == Lang::En) ? report::PStyle::Apa
                                                                               : report::PStyle::Chinese;
  doc.title = trf(lang, "{}: methodology appendix", "{}：方法附录", spec.label.get(lang, spec.id));
  doc.reproducibility = {
      fmt::format("cikit {}", CIKIT_VERSION),
      trf(lang, "Spec: {} (FNV-1a 64 {})", "指标体系文件：{}（FNV-1a 64 {}）", spec.path, spec.hash),
      trf(lang, "Data: {} (FNV-1a 64 {}); {} units × {} indicators", "数据：{}（FNV-1a 64 {}）；{} 个单位 × {} 个指标",
          spec.data.file_as_written, fnv1a_file(spec.data.file.string()), data.n_units(), data.n_indicators()),
      trf(lang, "Seed: {}", "随机种子：{}", cfg.seed),
      methods_note,
      trf(lang, "Date: {:%Y-%m-%d %H:%M} UTC", "日期：{:%Y-%m-%d %H:%M} UTC",
          fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())))};

  OutputSet out(o.common.out);
  if (formats.count("md")) out.add("appendix.md", report::render_markdown(tables, doc));
  if (formats.count("html")) out.add("appendix.html", report::render_html(tables, doc));
  if (formats.count("tex")) out.add("appendix.tex", report::render_latex(tables, doc));
  if (formats.count("csv"))
    for (const auto& t : tables) out.add(t.id + ".csv", report::render_csv(t));
  out.write();
  if (formats.count("xlsx")) report::write_xlsx(std::filesystem::path(o.common.out) / "appendix.xlsx", tables, doc);
  std::cout << trf(lang, "Wrote the appendix ({} tables) to {}: ", "已写出方法附录（{} 张表）至 {}：", tables.size(),
                   o.common.out);
  bool first = true;
  for (const auto& f : formats) {
    std::cout << (first ? "" : ", ") << f;
    first = false;
  }
  std::cout << "\n";
}

}  // namespace

void setup_appendix(CLI::App& app) {
  auto opt = std::make_shared<AppendixOptions>();
  auto* sub = app.add_subcommand(
      "appendix",
      "Write the methodology appendix (indicator system and weights, expert consultation when the spec has "
      "'delphi:', descriptive statistics, index table) as "
      "Markdown, HTML, LaTeX, CSV and XLSX, in Chinese or English");
  add_common_options(*sub, opt->common);
  sub->get_option("--out")->required();
  sub->add_option("--formats", opt->formats, "Comma-separated: md, html, tex, csv, xlsx")->capture_default_str();
  sub->add_option("--pstyle", opt->pstyle, "p-value style: auto (zh: Chinese stars, en: APA), chinese, apa")
      ->check(CLI::IsMember({"auto", "chinese", "apa"}))
      ->capture_default_str();
  sub->callback([opt] { run_appendix(*opt); });
}

}  // namespace cikit::cli
