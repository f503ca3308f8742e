#pragma once
/// \file detail/alpha_matrices.hpp
/// Private helpers of the alpha files of methods/reliability (alpha.cpp, alpha_matrices.cpp):
/// number and list formatting for messages, and the statistics computed from C and R that
/// raw-data and matrix input share (alpha_matrices.cpp). Not installed; no other family
/// includes it.

#include <sstream>
#include <string>
#include <vector>

#include "methods/reliability/alpha.hpp"

namespace cikit::reliability_detail {

/// A number with 3 significant digits, for messages.
inline std::string fmt_g(double v) {
  std::ostringstream s;
  s.precision(3);
  s << v;
  return s.str();
}

/// Quoted, comma-separated names for messages: 'a', 'b'.
inline std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += ", ";
    s += '\'';
    s += v[i];
    s += '\'';
  }
  return s;
}

/// Fills every field computable from C and R (res.covariance, res.correlation, res.items,
/// res.n_obs): whole-scale statistics, intervals (when `have_n`), alpha.drop and the matrix parts
/// of item.stats. @throws DomainError for |r| > 1 or a perfectly correlated pair.
void fill_from_matrices(AlphaResult& res, const AlphaOptions& o, bool have_n);

/// Postcondition: @throws InternalError naming `fn` if a statistic is not finite.
void check_finite_result(const AlphaResult& r, const char* fn);

/// With o.check_keys: lists the items loading negatively on the first principal component of
/// res.correlation (res.negative_pc1_items) and warns.
void check_pc1(AlphaResult& res, const AlphaOptions& o);

}  // namespace cikit::reliability_detail
