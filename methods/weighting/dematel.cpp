#include "methods/weighting/dematel.hpp"

#include <fmt/format.h>

#include <Eigen/LU>
#include <cmath>
#include <map>

#include "methods/core/csv.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/error.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit {

namespace {
std::string expert_name(const std::vector<std::string>& e, std::size_t k) {
  return k < e.size() ? fmt::format("expert '{}'", e[k]) : fmt::format("matrix {}", k + 1);
}
std::string id_name(const std::vector<std::string>& ids, Eigen::Index j) {
  return j < static_cast<Eigen::Index>(ids.size()) ? ids[static_cast<std::size_t>(j)] : fmt::format("{}", j + 1);
}
}  // namespace

DematelResult dematel(const std::vector<Eigen::MatrixXd>& mats, const std::vector<std::string>& ids,
                      const std::vector<std::string>& experts) {
  if (mats.empty()) throw InvalidInput("dematel: no direct-influence matrix");
  const Eigen::Index n = mats.front().rows();
  if (n < 2) throw InvalidInput("dematel: needs at least 2 criteria");
  if (!ids.empty() && static_cast<Eigen::Index>(ids.size()) != n)
    throw InvalidInput(fmt::format("dematel: {} criterion ids for {} × {} matrices", ids.size(), n, n));
  DematelResult r;
  r.ids = ids;
  r.direct = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t k = 0; k < mats.size(); ++k) {
    const Eigen::MatrixXd& a = mats[k];
    if (a.rows() != n || a.cols() != n)
      throw InvalidInput(fmt::format("dematel: {} is {} × {}, expected {} × {}", expert_name(experts, k), a.rows(),
                                     a.cols(), n, n));
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) {
        if (!(std::isfinite(a(i, j)) && a(i, j) >= 0))
          throw InvalidInput(fmt::format("dematel: {}: influence of '{}' on '{}' is {}; it must be a number >= 0",
                                         expert_name(experts, k), id_name(ids, i), id_name(ids, j), a(i, j)));
        if (i == j && std::abs(a(i, i)) > 0)
          throw InvalidInput(fmt::format("dematel: {}: diagonal cell of '{}' is {}; a criterion's influence on "
                                         "itself must be 0",
                                         expert_name(experts, k), id_name(ids, i), a(i, i)));
      }
    r.direct += a;
  }
  r.direct /= static_cast<double>(mats.size());
  const double s = std::max(r.direct.rowwise().sum().maxCoeff(), r.direct.colwise().sum().maxCoeff());
  if (!(s > 0)) throw InvalidInput("dematel: every influence is 0");
  r.normalized = r.direct / s;
  const Eigen::MatrixXd i_n = Eigen::MatrixXd::Identity(n, n) - r.normalized;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(i_n);
  if (!lu.isInvertible())
    throw DomainError("dematel: I - N is singular (a closed group of criteria influences only itself at the "
                      "maximal level); the total-relation matrix does not exist");
  r.total = r.normalized * lu.inverse();
  r.given = r.total.rowwise().sum();
  r.received = r.total.colwise().sum().transpose();
  r.prominence = r.given + r.received;
  r.relation = r.given - r.received;
  r.weights = (r.prominence.array().square() + r.relation.array().square()).sqrt().matrix();
  r.weights /= r.weights.sum();
  return r;
}

DematelInput parse_dematel(const std::string& text, const std::string& label) {
  const CsvTable t = parse_csv(text, label);
  DematelInput in;
  in.file = label;
  auto fail = [&](long line, const std::string& msg) {
    throw InvalidInput(fmt::format("dematel: {}", msg), Location{.file = label, .line = line});
  };
  if (t.header.size() < 4 || t.header[0] != "expert" || t.header[1] != "criterion")
    fail(t.header_line, "the header must be 'expert,criterion,ID_1,...,ID_n' with at least 2 criteria");
  in.ids.assign(t.header.begin() + 2, t.header.end());
  const auto n = static_cast<Eigen::Index>(in.ids.size());
  std::map<std::string, Eigen::Index> pos;
  for (Eigen::Index j = 0; j < n; ++j) pos[in.ids[static_cast<std::size_t>(j)]] = j;
  std::map<std::string, std::size_t> expert_index;
  std::vector<std::vector<bool>> seen;
  std::vector<long> first_line;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const long line = t.row_lines[r];
    auto it = expert_index.find(row[0]);
    if (it == expert_index.end()) {
      if (row[0].empty()) fail(line, "empty expert id");
      it = expert_index.emplace(row[0], in.experts.size()).first;
      in.experts.push_back(row[0]);
      in.matrices.push_back(Eigen::MatrixXd::Zero(n, n));
      seen.emplace_back(static_cast<std::size_t>(n), false);
      first_line.push_back(line);
    }
    const std::size_t e = it->second;
    const auto p = pos.find(row[1]);
    if (p == pos.end())
      fail(line, fmt::format("expert '{}': '{}' is not a criterion of the header (the matrix must be {} × {})", row[0],
                             row[1], n, n));
    const Eigen::Index i = p->second;
    if (seen[e][static_cast<std::size_t>(i)])
      fail(line, fmt::format("expert '{}': criterion '{}' has a second row", row[0], row[1]));
    seen[e][static_cast<std::size_t>(i)] = true;
    for (Eigen::Index j = 0; j < n; ++j) {
      const std::string& cell = row[static_cast<std::size_t>(j) + 2];
      double v = 0;
      try {
        std::size_t used = 0;
        v = std::stod(cell, &used);
        if (used != cell.size()) throw std::invalid_argument("trailing");
      } catch (const std::exception&) {
        fail(line, fmt::format("expert '{}', row '{}', column '{}': '{}' is not a number", row[0], row[1],
                               in.ids[static_cast<std::size_t>(j)], cell));
      }
      if (!(std::isfinite(v) && v >= 0))
        fail(line, fmt::format("expert '{}', row '{}', column '{}': {} must be >= 0", row[0], row[1],
                               in.ids[static_cast<std::size_t>(j)], v));
      if (i == j && v > 0)
        fail(line, fmt::format("expert '{}': diagonal cell of '{}' is {}; a criterion's influence on itself must be 0",
                               row[0], row[1], cell));
      in.matrices[e](i, j) = v;
    }
  }
  if (in.experts.empty()) fail(t.header_line, "no matrix rows");
  for (std::size_t e = 0; e < in.experts.size(); ++e)
    for (Eigen::Index i = 0; i < n; ++i)
      if (!seen[e][static_cast<std::size_t>(i)])
        fail(first_line[e], fmt::format("expert '{}' has no row for criterion '{}' (the matrix must be {} × {})",
                                        in.experts[e], in.ids[static_cast<std::size_t>(i)], n, n));
  return in;
}

DematelInput read_dematel(const std::filesystem::path& path) {
  const std::string label = path.string();
  if (!path_exists(path)) throw InvalidInput(fmt::format("dematel: file '{}' not found", label));
  return parse_dematel(decode_text(read_file(path), "auto", label).utf8, label);
}

}  // namespace cikit
