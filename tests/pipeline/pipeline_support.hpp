#pragma once
// Helpers of the pipeline tests: the bundled example's spec path, file names of an OutputSet,
// lines of a CSV text, and exact comparison of result matrices (the pipeline and a direct
// library call run the same code on the same data, so their numbers are bitwise equal).
#include <Eigen/Core>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "methods/pipeline/output.hpp"
#include "support.hpp"

namespace cikit_test {

inline std::string governance_spec() { return source_dir() + "/datasets/governance/governance.yaml"; }
inline std::string case_file(const std::string& name) { return source_dir() + "/tests/cli/cases/" + name; }

inline std::vector<std::string> file_names(const cikit::pipeline::OutputSet& out) { return out.names(); }

/// A file's bytes, held in memory or streamed to its temporary file.
inline std::string file_content(const cikit::pipeline::OutputSet& out, const std::string& name) {
  return out.content(name);
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Equal entry by entry, NaN matching NaN.
template <class A, class B>
bool same_values(const Eigen::DenseBase<A>& a, const Eigen::DenseBase<B>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
      const double x = static_cast<double>(a(i, j)), y = static_cast<double>(b(i, j));
      if (!(std::isnan(x) && std::isnan(y)) && !(x <= y && x >= y)) return false;
    }
  return true;
}

}  // namespace cikit_test
