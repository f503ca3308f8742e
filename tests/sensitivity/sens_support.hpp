#pragma once
// Helpers shared by the tests of methods/sensitivity.
#include <catch2/catch.hpp>

#include <exception>
#include <string>

#include "methods/core/spec.hpp"

namespace sens_test {

/// Exception matcher: what() contains a substring (Catch2 2.13 only has exact Message()).
class MessageContains : public Catch::MatcherBase<std::exception> {
 public:
  explicit MessageContains(std::string part) : part_(std::move(part)) {}
  bool match(const std::exception& e) const override { return std::string(e.what()).find(part_) != std::string::npos; }
  std::string describe() const override { return "message contains \"" + part_ + "\""; }

 private:
  std::string part_;
};

/// The spec "t.yaml": index t over d1 (x1, x2) and d2 (x3, x4), all "+", 11 lines, followed by
/// `block` (so an `uncertainty:` block starts on line 12).
inline cikit::Spec spec_with(const std::string& block) {
  const char* head = R"(index: {id: t, label: T}
data: {file: t.csv, unit: id}
tree:
  - id: d1
    children:
      - {id: x1, direction: "+"}
      - {id: x2, direction: "+"}
  - id: d2
    children:
      - {id: x3, direction: "+"}
      - {id: x4, direction: "+"}
)";
  return cikit::parse_spec(std::string(head) + block, "t.yaml", ".");
}

}  // namespace sens_test
