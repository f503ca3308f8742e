#pragma once
// Helpers shared by the tests of methods/sensitivity.
#include <catch2/catch.hpp>

#include <exception>
#include <string>

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

}  // namespace sens_test
