#pragma once
// Test helper: the reference data blocks of validation/reliability/blocks.csv (written by
// validation/reliability/datasets.R), loaded with cikit's own spec/data readers.
#include <Eigen/Core>
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "methods/core/spec.hpp"
#include "support.hpp"

namespace cikit_test {

struct Block {
  Eigen::MatrixXd x;               ///< sign-corrected items (rows = units)
  std::vector<double> keys;        ///< psych keys
  std::vector<std::string> items;
};

inline std::string spec_path(const std::string& dataset) {
  if (dataset == "gov") return source_dir() + "/datasets/governance/governance.yaml";
  return validation_dir() + "/reliability/alpha/" + dataset + "/spec.yaml";
}

inline const cikit::Dataset& dataset(const std::string& name) {
  static std::map<std::string, cikit::Dataset> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, cikit::load_data(cikit::read_spec(spec_path(name)))).first;
  return it->second;
}

/// Block `block` of `ds` as R's block_x(): columns by id, multiplied by `sign`.
inline Block load_block(const std::string& ds, const std::string& block) {
  const auto t = read_table(validation_dir() + "/reliability/blocks.csv");
  const auto cd = column(t, "dataset"), cb = column(t, "block"), ci = column(t, "item"),
             cs = column(t, "sign"), ck = column(t, "key");
  const cikit::Dataset& d = dataset(ds);
  Block b;
  std::vector<Eigen::Index> cols;
  std::vector<double> signs;
  for (std::size_t r = 1; r < t.size(); ++r) {
    if (t[r][cd] != ds || t[r][cb] != block) continue;
    const auto c = d.column_of(t[r][ci]);
    if (!c) FAIL("no column " << t[r][ci] << " in " << ds);
    cols.push_back(*c);
    signs.push_back(ref_number(t[r][cs]));
    b.keys.push_back(ref_number(t[r][ck]));
    b.items.push_back(t[r][ci]);
  }
  if (cols.empty()) FAIL("no block " << ds << "/" << block);
  b.x.resize(d.values.rows(), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t j = 0; j < cols.size(); ++j)
    b.x.col(static_cast<Eigen::Index>(j)) = d.values.col(cols[j]) * signs[j];
  return b;
}

/// The (dataset, block) pairs of blocks.csv in file order.
inline std::vector<std::pair<std::string, std::string>> block_ids() {
  const auto t = read_table(validation_dir() + "/reliability/blocks.csv");
  const auto cd = column(t, "dataset"), cb = column(t, "block");
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t r = 1; r < t.size(); ++r) {
    std::pair<std::string, std::string> p{t[r][cd], t[r][cb]};
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

/// Listwise copy (rows without NaN), as R's na.omit.
inline Eigen::MatrixXd na_omit(const Eigen::MatrixXd& x) {
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!x.row(i).hasNaN()) keep.push_back(i);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(keep.size()), x.cols());
  for (std::size_t r = 0; r < keep.size(); ++r) out.row(static_cast<Eigen::Index>(r)) = x.row(keep[r]);
  return out;
}

/// Records the largest relative deviation per statistic and prints them (for the README).
struct DeviationLog {
  std::map<std::string, double> max_rel;
  void add(const std::string& stat, double got, double ref) {
    const double d = std::abs(got - ref) / std::max(std::abs(ref), 1e-300);
    double& m = max_rel[stat];
    if (d > m) m = d;
  }
  void print(const std::string& title) const {
    std::printf("[%s] largest relative deviation from R:\n", title.c_str());
    for (const auto& [k, v] : max_rel) std::printf("  %-22s %.3g\n", k.c_str(), v);
  }
};

}  // namespace cikit_test
