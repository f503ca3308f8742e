#include "methods/pipeline/appendix_spatial.hpp"

#include <map>

#include "methods/core/text.hpp"
#include "methods/pipeline/cross_sections.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/spatial_tables.hpp"

namespace cikit::pipeline {

namespace {

using LeftOut = std::vector<std::pair<std::string, std::string>>;

void disparity_part(std::vector<report::Block>& blocks, const std::vector<CrossSection>& sections,
                    const report::AnalysesSettings& a, Lang lang) {
  std::vector<report::DisparityPeriodResult> periods;
  for (const auto& cs : sections) {
    const Complete c = complete_values(cs.index);
    const std::vector<std::string> all = cs.text_column(a.group, "analyses.group");
    std::vector<std::string> groups, names;
    for (std::size_t k : c.kept) {
      groups.push_back(all[k]);
      names.push_back(cs.units[k]);
    }
    periods.push_back({cs.period, static_cast<int>(c.kept.size()), disparity::dagum_gini(c.values, groups),
                       disparity::theil(c.values, groups, names)});
  }
  for (auto& t : report::disparity_tables(periods, a.group, lang)) blocks.emplace_back(std::move(t));
}

void density_part(std::vector<report::Block>& blocks, const std::vector<CrossSection>& sections,
                  const report::AnalysesSettings& a, const std::string& index_label, Lang lang) {
  std::vector<report::DensityPeriodResult> periods;
  for (const auto& cs : sections)
    periods.push_back({cs.period, index_label,
                       density::kernel_density(complete_values(cs.index).values,
                                               {.bandwidth = a.bandwidth == "SJ" ? density::Bandwidth::SJ
                                                                                 : density::Bandwidth::Nrd0})});
  for (auto& b : report::density_blocks(periods, lang)) blocks.emplace_back(std::move(b));
}

void spatial_part(std::vector<report::Block>& blocks, const std::vector<CrossSection>& sections,
                  const report::AnalysesSettings& a, const Dataset& data, Lang lang) {
  const auto comma = a.coords.find(',');
  if (comma == std::string::npos) throw InvalidInput("analyses.coords must be two column names, XCOL,YCOL");
  std::vector<report::SpatialPeriodResult> periods;
  for (const auto& cs : sections) {
    const Complete c = complete_values(cs.index);
    const Eigen::VectorXd x = cs.number_column(a.coords.substr(0, comma), "analyses.coords");
    const Eigen::VectorXd y = cs.number_column(a.coords.substr(comma + 1), "analyses.coords");
    Eigen::MatrixXd xy(static_cast<Eigen::Index>(c.kept.size()), 2);
    std::vector<std::string> ids, names;
    std::map<std::string, Eigen::Index> row_of;  // display names from `data` by unit id (periods differ)
    for (std::size_t r = 0; r < data.unit_ids.size(); ++r) row_of.emplace(data.unit_ids[r], static_cast<Eigen::Index>(r));
    for (std::size_t k = 0; k < c.kept.size(); ++k) {
      const auto i = static_cast<Eigen::Index>(c.kept[k]);
      xy.row(static_cast<Eigen::Index>(k)) << x(i), y(i);
      ids.push_back(cs.units[c.kept[k]]);
      const auto it = row_of.find(ids.back());
      names.push_back(it == row_of.end() ? ids.back() : data.unit_name(it->second, lang == Lang::Zh ? "zh" : "en"));
    }
    report::SpatialPeriodResult p;
    p.period = cs.period;
    p.units = names;
    p.weights = a.band > 0.0 ? spatial::band_weights(xy, a.band, a.lonlat, ids)
                             : spatial::knn_weights(xy, a.knn > 0 ? a.knn : 4, a.lonlat, ids);
    p.moran = spatial::moran(c.values, p.weights);
    p.local = spatial::local_moran(c.values, p.weights);
    periods.push_back(std::move(p));
  }
  for (auto& t : report::spatial_tables(periods, lang)) blocks.emplace_back(std::move(t));
}

}  // namespace

LeftOut append_spatial_blocks(std::vector<report::Block>& blocks, const Spec& spec, const Dataset& data,
                              const IndexResult& index, const report::AnalysesSettings& a, Lang lang) {
  LeftOut left_out;
  if (!a.any()) return left_out;
  const std::vector<CrossSection> sections = analysis_cross_sections(spec, data, index);
  const auto attempt = [&](const char* what, const char* what_zh, const auto& part) {
    try {
      part();
    } catch (const std::exception& e) {
      left_out.emplace_back(str_cat(what, " left out: ", e.what()),
                            report::msgf("spatial.omit", lang, lang == Lang::Zh ? what_zh : what, e.what()));
    }
  };
  if (!a.group.empty())
    attempt("disparity (E1-E3)", "区域差异（E1–E3）", [&] { disparity_part(blocks, sections, a, lang); });
  if (a.density) attempt("kernel density (E4)", "核密度估计（E4）", [&] { density_part(blocks, sections, a, spec.tree.node(0).label.get(lang, spec.tree.node(0).id), lang); });
  if (!a.coords.empty())
    attempt("spatial autocorrelation (E5-E6)", "空间自相关（E5–E6）",
            [&] { spatial_part(blocks, sections, a, data, lang); });
  return left_out;
}

}  // namespace cikit::pipeline
