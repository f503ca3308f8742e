// methods/density: bw.nrd0, bw.SJ ("ste") and density() of R 4.2.2 (validation/density/
// generate.R) on three samples (n = 60, n = 800 on R's binned pair counts, n = 25 with ties).
#include <catch2/catch.hpp>

#include <fstream>

#include "methods/core/error.hpp"
#include "methods/density/density.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
namespace kd = cikit::density;
const std::string kDir = cikit_test::validation_dir() + "/density/";

Eigen::VectorXd sample(const std::string& s) {
  std::ifstream in(kDir + "input_" + s + ".txt");
  std::vector<double> v;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) v.push_back(cikit_test::ref_number(line));
  REQUIRE(!v.empty());
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

TEST_CASE("Bandwidths equal R's bw.nrd0 and bw.SJ", "[density][bandwidth][reference]") {
  const auto t = cikit_test::read_table(kDir + "ref_bandwidths.csv");
  for (std::size_t r = 1; r < t.size(); ++r) {
    INFO("sample " << t[r][0]);
    const Eigen::VectorXd x = sample(t[r][0]);
    // Closed form: 1e-12 relative. SJ: the same binned sums and R's zeroin steps, 1e-10.
    REQUIRE_THAT(kd::bw_nrd0(x), WithinRel(cikit_test::ref_number(t[r][1]), 1e-12));
    REQUIRE_THAT(kd::bw_sj(x), WithinRel(cikit_test::ref_number(t[r][2]), 1e-10));
  }
}

TEST_CASE("Kernel density: R's grid, the exact sum, and R's FFT values within their binning error",
          "[density][reference]") {
  for (const std::string s : {"s60", "s800", "s25"})
    for (const std::string rule : {"nrd0", "SJ"}) {
      INFO("sample " << s << " bw " << rule);
      const Eigen::VectorXd x = sample(s);
      const kd::DensityResult d = kd::kernel_density(x, {.bandwidth = rule == "SJ" ? kd::Bandwidth::SJ : kd::Bandwidth::Nrd0});
      const auto t = cikit_test::read_table(kDir + "ref_density_" + s + "_" + rule + ".csv");
      REQUIRE(d.x.size() == 512);
      REQUIRE(t.size() == 513);
      double peak = 0.0;
      for (std::size_t r = 1; r < t.size(); ++r) peak = std::max(peak, cikit_test::ref_number(t[r][1]));
      for (std::size_t r = 1; r < t.size(); ++r) {
        const auto g = static_cast<Eigen::Index>(r - 1);
        REQUIRE_THAT(d.x(g), WithinRel(cikit_test::ref_number(t[r][0]), 1e-12));
        // exact Gaussian sum computed in R with dnorm: 1e-10 relative (1e-15 absolute in the tails)
        REQUIRE_THAT(d.y(g), WithinRel(cikit_test::ref_number(t[r][2]), 1e-10) || WithinAbs(0.0, 1e-15));
        // R's density() bins on 1024 points and convolves by FFT: its values differ from the exact
        // sum by at most 0.09% of the peak on these samples (README); tolerance 0.2% of the peak.
        REQUIRE_THAT(d.y(g), WithinAbs(cikit_test::ref_number(t[r][1]), 2e-3 * peak));
      }
    }
}

TEST_CASE("Kernel density errors", "[density][error]") {
  REQUIRE_THROWS_AS(kd::bw_nrd0(Eigen::VectorXd::Ones(1)), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(kd::bw_sj(Eigen::VectorXd::Constant(10, 3.0)), Contains("all values are equal"));
  Eigen::VectorXd x(3);
  x << 1.0, std::nan(""), 2.0;
  REQUIRE_THROWS_WITH(kd::kernel_density(x), Contains("value 2 is nan, but must be finite"));
  // A constant sample: bw.nrd0 falls back to |x_1| (R: 0.9 * 3 * 10^-0.2).
  REQUIRE_THAT(kd::bw_nrd0(Eigen::VectorXd::Constant(10, 3.0)), WithinRel(0.9 * 3.0 * std::pow(10.0, -0.2), 1e-15));
}
