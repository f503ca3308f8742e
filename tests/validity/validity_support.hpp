#pragma once
// Test helpers for the validity/omega reference comparisons: the same cases as
// validation/validity/common.R (spec data, negative indicators multiplied by -1, first-level
// dimensions as blocks) and a lookup into the long-format reference CSVs.
#include <Eigen/Core>
#include <algorithm>
#include <map>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include "methods/core/spec.hpp"
#include "support.hpp"

namespace cikit_test {

struct ValidityCase {
  std::string name;
  Eigen::MatrixXd x;
  std::vector<std::string> block_names;
  std::vector<std::vector<Eigen::Index>> blocks;  ///< columns of x per first-level dimension
};

/// Loads a spec's data in leaf order, direction-corrected (x -> -x for direction "-").
inline ValidityCase load_validity_case(const std::string& name, const std::string& spec_path) {
  const cikit::Spec spec = cikit::read_spec(spec_path);
  const cikit::Dataset data = cikit::load_data(spec);
  const auto& tree = spec.tree;
  ValidityCase c;
  c.name = name;
  c.x = data.values;
  const auto& leaves = tree.leaves();
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    const auto& node = tree.node(leaves[k]);
    if (node.direction == cikit::Direction::Negative) c.x.col(static_cast<Eigen::Index>(k)) *= -1.0;
    int top = leaves[k];
    while (tree.node(top).parent != tree.root()) top = tree.node(top).parent;
    const std::string& id = tree.node(top).id;
    std::size_t b = 0;
    while (b < c.block_names.size() && c.block_names[b] != id) ++b;
    if (b == c.block_names.size()) {
      c.block_names.push_back(id);
      c.blocks.emplace_back();
    }
    c.blocks[b].push_back(static_cast<Eigen::Index>(k));
  }
  return c;
}

/// The datasets of common.R.
inline std::vector<std::pair<std::string, std::string>> validity_datasets() {
  const std::string v = validation_dir() + "/validity/data/";
  return {{"governance", source_dir() + "/datasets/governance/governance.yaml"},
          {"sim1", v + "sim1/spec.yaml"},
          {"sim2", v + "sim2/spec.yaml"},
          {"sim3", v + "sim3/spec.yaml"}};
}

/// All cases of common.R: "<data>/all" and "<data>/<dimension>".
inline std::vector<ValidityCase> validity_cases() {
  std::vector<ValidityCase> out;
  for (const auto& [name, path] : validity_datasets()) {
    ValidityCase all = load_validity_case(name + "/all", path);
    out.push_back(all);
    for (std::size_t b = 0; b < all.blocks.size(); ++b) {
      ValidityCase d;
      d.name = name + "/" + all.block_names[b];
      d.x.resize(all.x.rows(), static_cast<Eigen::Index>(all.blocks[b].size()));
      for (std::size_t j = 0; j < all.blocks[b].size(); ++j) d.x.col(static_cast<Eigen::Index>(j)) = all.x.col(all.blocks[b][j]);
      out.push_back(d);
    }
  }
  return out;
}

/// Long-format reference table: (case, quantity) -> matrix (j = 0 means a column vector).
class RefStore {
 public:
  explicit RefStore(const std::string& path) {
    const auto t = read_table(path);
    const auto cc = column(t, "case"), cq = column(t, "quantity"), ci = column(t, "i"), cj = column(t, "j"),
               cv = column(t, "value");
    std::map<std::pair<std::string, std::string>, std::vector<std::tuple<long, long, double>>> raw;
    for (std::size_t r = 1; r < t.size(); ++r)
      raw[{t[r][cc], t[r][cq]}].emplace_back(std::stol(t[r][ci]), std::stol(t[r][cj]), ref_number(t[r][cv]));
    for (const auto& [key, cells] : raw) {
      long ni = 0, nj = 0;
      for (const auto& [i, j, v] : cells) ni = std::max(ni, i), nj = std::max(nj, std::max(j, 1L));
      Eigen::MatrixXd m(ni, nj);
      for (const auto& [i, j, v] : cells) m(i - 1, std::max(j, 1L) - 1) = v;
      data_[key] = m;
    }
  }
  [[nodiscard]] bool has(const std::string& c, const std::string& q) const { return data_.count({c, q}) > 0; }
  [[nodiscard]] const Eigen::MatrixXd& get(const std::string& c, const std::string& q) const {
    const auto it = data_.find({c, q});
    if (it == data_.end()) FAIL("no reference " << c << " / " << q);
    return it->second;
  }
  [[nodiscard]] double scalar(const std::string& c, const std::string& q) const { return get(c, q)(0, 0); }

 private:
  std::map<std::pair<std::string, std::string>, Eigen::MatrixXd> data_;
};

/// Matches an exception whose what() contains a substring.
class MessageContains : public Catch::MatcherBase<std::exception> {
 public:
  explicit MessageContains(std::string part) : part_(std::move(part)) {}
  bool match(const std::exception& e) const override { return std::string(e.what()).find(part_) != std::string::npos; }
  std::string describe() const override { return "message contains \"" + part_ + "\""; }

 private:
  std::string part_;
};

/// True if some warning contains `part`.
inline bool has_warning(const std::vector<std::string>& w, const std::string& part) {
  for (const auto& s : w)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

/// Largest absolute difference, and a check against tol.
inline double max_abs_diff(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  REQUIRE(a.rows() == b.rows());
  REQUIRE(a.cols() == b.cols());
  return (a - b).cwiseAbs().maxCoeff();
}

}  // namespace cikit_test
