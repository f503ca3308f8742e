#include "methods/validity/convergent.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

void check_blocks(const std::vector<IndicatorBlock>& blocks, Eigen::Index p, const char* function) {
  std::set<Eigen::Index> seen;
  for (const auto& b : blocks) {
    if (b.columns.size() < 2)
      throw InvalidInput(fmt::format("{}: dimension '{}' has {} indicator(s), but at least 2 are needed", function,
                                     b.name, b.columns.size()),
                         Location{.node = b.name});
    for (const Eigen::Index c : b.columns) {
      if (c < 0 || c >= p)
        throw InvalidInput(fmt::format("{}: dimension '{}' names column {}, but the data have {} columns", function,
                                       b.name, c, p),
                           Location{.node = b.name});
      if (!seen.insert(c).second)
        throw InvalidInput(fmt::format("{}: column {} is used by more than one dimension (at '{}')", function, c,
                                       b.name),
                           Location{.node = b.name});
    }
  }
}

Eigen::MatrixXd sub(const Eigen::MatrixXd& r, const std::vector<Eigen::Index>& a, const std::vector<Eigen::Index>& b) {
  Eigen::MatrixXd s(static_cast<Eigen::Index>(a.size()), static_cast<Eigen::Index>(b.size()));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j)
      s(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = r(a[i], b[j]);
  return s;
}

}  // namespace

double composite_reliability(const Eigen::VectorXd& l) {
  if (l.size() == 0 || !l.allFinite()) throw InvalidInput("composite_reliability: loadings must be non-empty and finite");
  const double s = l.sum();
  const double theta = (Eigen::VectorXd::Ones(l.size()) - l.cwiseAbs2()).sum();
  return s * s / (s * s + theta);
}

double average_variance_extracted(const Eigen::VectorXd& l) {
  if (l.size() == 0 || !l.allFinite())
    throw InvalidInput("average_variance_extracted: loadings must be non-empty and finite");
  return l.squaredNorm() / static_cast<double>(l.size());
}

Eigen::MatrixXd htmt_matrix(const Eigen::MatrixXd& r, const std::vector<IndicatorBlock>& blocks, bool geometric) {
  check_correlation_matrix(r, "htmt");
  check_blocks(blocks, r.rows(), "htmt");
  if (blocks.size() < 2) throw InvalidInput(fmt::format("htmt: {} dimension(s), but at least 2 are needed", blocks.size()));
  auto mean_abs = [&](const std::vector<double>& v) {
    if (geometric) {
      double s = 0;
      for (const double x : v) s += std::log(std::abs(x));  // log 0 = -inf -> mean 0
      return std::exp(s / static_cast<double>(v.size()));
    }
    double s = 0;
    for (const double x : v) s += std::abs(x);
    return s / static_cast<double>(v.size());
  };
  const auto nb = static_cast<Eigen::Index>(blocks.size());
  Eigen::VectorXd mono(nb);
  for (Eigen::Index f = 0; f < nb; ++f) {
    const auto& c = blocks[static_cast<std::size_t>(f)].columns;
    std::vector<double> v;
    for (std::size_t i = 0; i < c.size(); ++i)
      for (std::size_t j = i + 1; j < c.size(); ++j) v.push_back(r(c[i], c[j]));
    mono(f) = mean_abs(v);
    if (!(mono(f) > 0))
      throw DomainError(fmt::format("htmt: the within-dimension correlations of '{}' average 0 ({} mean); HTMT is "
                                    "undefined",
                                    blocks[static_cast<std::size_t>(f)].name, geometric ? "geometric" : "arithmetic"),
                        Location{.node = blocks[static_cast<std::size_t>(f)].name});
  }
  Eigen::MatrixXd h = Eigen::MatrixXd::Identity(nb, nb);
  for (Eigen::Index f = 0; f < nb; ++f)
    for (Eigen::Index g = f + 1; g < nb; ++g) {
      const Eigen::MatrixXd s = sub(r, blocks[static_cast<std::size_t>(f)].columns, blocks[static_cast<std::size_t>(g)].columns);
      std::vector<double> v(s.data(), s.data() + s.size());
      h(f, g) = h(g, f) = mean_abs(v) / std::sqrt(mono(f) * mono(g));
    }
  return h;
}

ConvergentResult convergent_validity(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks,
                                     const ConvergentOptions& options) {
  check_blocks(blocks, x.cols(), "convergent_validity");
  if (blocks.empty()) throw InvalidInput("convergent_validity: no dimensions given");
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  ConvergentResult out;
  out.warnings = cr.warnings;
  FaOptions fo = options.fa;
  fo.n_factors = 1;
  fo.rotation = FaRotation::None;
  const auto nb = static_cast<Eigen::Index>(blocks.size());
  for (const auto& b : blocks) {
    BlockValidity bv;
    bv.name = b.name;
    bv.columns = b.columns;
    const Eigen::MatrixXd rb = sub(cr.r, b.columns, b.columns);
    if (b.columns.size() == 2) {
      // A 2-indicator one-factor model is not identified; minres (and psych) give l = sqrt(|r|).
      out.warnings.push_back(fmt::format("dimension '{}' has 2 indicators: its one-factor loadings are not identified "
                                         "(set to sqrt(|r12|)); CR and AVE are indicative only",
                                         b.name));
      const double l = std::sqrt(std::abs(rb(0, 1)));
      bv.loadings = Eigen::VectorXd::Constant(2, l);
      if (rb(0, 1) < 0) bv.loadings(1) = -l;
      bv.heywood = {false, false};
    } else {
      const FaResult fr = fa_minres_correlation(rb, fo);
      bv.loadings = fr.loadings.col(0);
      bv.heywood = fr.heywood;
      for (const auto& w : fr.warnings) out.warnings.push_back(fmt::format("dimension '{}': {}", b.name, w));
    }
    bv.cr = composite_reliability(bv.loadings);
    bv.ave = average_variance_extracted(bv.loadings);
    if (bv.cr < options.cr_threshold)
      out.warnings.push_back(fmt::format("dimension '{}': composite reliability {:.3f} < {}", b.name, bv.cr,
                                         options.cr_threshold));
    if (bv.ave < options.ave_threshold)
      out.warnings.push_back(fmt::format("dimension '{}': AVE {:.3f} < {} (the factor explains less than half of "
                                         "its indicators' variance)",
                                         b.name, bv.ave, options.ave_threshold));
    for (Eigen::Index i = 0; i < bv.loadings.size(); ++i)
      if (bv.loadings(i) < 0)
        out.warnings.push_back(fmt::format("dimension '{}': indicator column {} loads negatively ({:.3f}); check its "
                                           "direction",
                                           b.name, b.columns[static_cast<std::size_t>(i)], bv.loadings(i)));
    out.blocks.push_back(std::move(bv));
  }

  const Eigen::MatrixXd scores = dimension_scores(x, blocks);
  if (nb >= 2) {
    CorrelationOptions so;
    so.missing = MissingCorrelation::Pairwise;
    for (const auto& b : blocks) so.names.push_back(b.name);
    out.score_correlation = correlation_matrix(scores, so).r;
    out.htmt = htmt_matrix(cr.r, blocks, false);
    out.htmt2 = htmt_matrix(cr.r, blocks, true);
  } else {
    out.score_correlation = Eigen::MatrixXd::Identity(1, 1);
    out.htmt = out.htmt2 = Eigen::MatrixXd::Identity(1, 1);
  }
  out.fornell_larcker = out.score_correlation;
  out.fornell_larcker_ok.assign(static_cast<std::size_t>(nb), true);
  for (Eigen::Index f = 0; f < nb; ++f) {
    const double s = std::sqrt(out.blocks[static_cast<std::size_t>(f)].ave);
    out.fornell_larcker(f, f) = s;
    for (Eigen::Index g = 0; g < nb; ++g)
      if (g != f && !(s > std::abs(out.score_correlation(f, g)))) out.fornell_larcker_ok[static_cast<std::size_t>(f)] = false;
    if (!out.fornell_larcker_ok[static_cast<std::size_t>(f)])
      out.warnings.push_back(fmt::format("dimension '{}': sqrt(AVE) = {:.3f} does not exceed all its correlations "
                                         "with other dimensions (Fornell-Larcker criterion not met)",
                                         blocks[static_cast<std::size_t>(f)].name, s));
  }
  for (Eigen::Index f = 0; f < nb; ++f)
    for (Eigen::Index g = f + 1; g < nb; ++g)
      if (out.htmt(f, g) >= options.htmt_threshold)
        out.warnings.push_back(fmt::format("HTMT('{}', '{}') = {:.3f} >= {}: discriminant validity in doubt",
                                           blocks[static_cast<std::size_t>(f)].name,
                                           blocks[static_cast<std::size_t>(g)].name, out.htmt(f, g),
                                           options.htmt_threshold));
  return out;
}

Eigen::VectorXd mean_z_score(const Eigen::MatrixXd& x, const std::vector<Eigen::Index>& columns) {
  const Eigen::Index n = x.rows();
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(n), cnt = Eigen::VectorXd::Zero(n);
  for (const Eigen::Index c : columns) {
    double s = 0, m = 0;
    long k = 0;
    for (Eigen::Index i = 0; i < n; ++i)
      if (!std::isnan(x(i, c))) s += x(i, c), ++k;
    const double mean = s / static_cast<double>(k);
    for (Eigen::Index i = 0; i < n; ++i)
      if (!std::isnan(x(i, c))) m += (x(i, c) - mean) * (x(i, c) - mean);
    const double sd = std::sqrt(m / static_cast<double>(k - 1));
    if (!(k >= 2 && sd > 0))
      throw DomainError(fmt::format("dimension score: data column {} is constant or has fewer than 2 values", c + 1));
    for (Eigen::Index i = 0; i < n; ++i)
      if (!std::isnan(x(i, c))) sum(i) += (x(i, c) - mean) / sd, cnt(i) += 1;
  }
  Eigen::VectorXd out(n);
  for (Eigen::Index i = 0; i < n; ++i) out(i) = cnt(i) > 0 ? sum(i) / cnt(i) : std::numeric_limits<double>::quiet_NaN();
  return out;
}

Eigen::MatrixXd dimension_scores(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks) {
  Eigen::MatrixXd scores(x.rows(), static_cast<Eigen::Index>(blocks.size()));
  for (std::size_t f = 0; f < blocks.size(); ++f) scores.col(static_cast<Eigen::Index>(f)) = mean_z_score(x, blocks[f].columns);
  return scores;
}

}  // namespace cikit
