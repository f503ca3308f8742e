// IndicatorTree: orders, leaf positions, structural errors.
#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "methods/core/tree.hpp"

using cikit::IndicatorTree;
using cikit::Node;
using Catch::Contains;

namespace {
Node mk(std::string id, int parent, std::vector<int> children) {
  Node n;
  n.id = std::move(id);
  n.parent = parent;
  n.children = std::move(children);
  return n;
}
}  // namespace

TEST_CASE("tree: pre-order leaves, post-order inner nodes, depths", "[core][tree]") {
  // root(0) -> A(1) -> a1(2), a2(3); root -> B(4) -> b1(5)
  const IndicatorTree t({mk("root", -1, {1, 4}), mk("A", 0, {2, 3}), mk("a1", 1, {}), mk("a2", 1, {}),
                         mk("B", 0, {5}), mk("b1", 4, {})});
  CHECK(t.leaves() == std::vector<int>{2, 3, 5});
  CHECK(t.inner_postorder() == std::vector<int>{1, 4, 0});
  CHECK(t.preorder() == std::vector<int>{0, 1, 2, 3, 4, 5});
  CHECK(t.leaf_position(5) == 2);
  CHECK(t.leaf_position(1) == -1);
  CHECK(t.node(5).depth == 2);
  CHECK(t.height() == 2);
  CHECK(t.leaf_positions_under(1) == std::vector<int>{0, 1});
  CHECK(*t.find("B") == 4);
  CHECK_FALSE(t.find("zz").has_value());
}

TEST_CASE("tree: structural errors", "[core][tree][error]") {
  REQUIRE_THROWS_AS(IndicatorTree(std::vector<Node>{}), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(IndicatorTree({mk("r", -1, {1, 2}), mk("x", 0, {}), mk("x", 0, {})}),
                      Contains("duplicate node id 'x'"));
  // node 2 reached twice
  REQUIRE_THROWS_WITH(IndicatorTree({mk("r", -1, {1, 2}), mk("a", 0, {2}), mk("b", 0, {})}),
                      Contains("more than one parent"));
  // nodes 2 and 3 point at each other and are not reachable from the root
  REQUIRE_THROWS_WITH(IndicatorTree({mk("r", -1, {1}), mk("a", 0, {}), mk("p", 3, {3}), mk("q", 2, {2})}),
                      Contains("cycle"));
  REQUIRE_THROWS_WITH(IndicatorTree({mk("r", -1, {})}), Contains("no children"));
}

TEST_CASE("labels fall back to the other language, then the id", "[core][tree]") {
  cikit::Labels l{"", "Only English"};
  CHECK(l.get(cikit::Lang::Zh, "id") == "Only English");
  cikit::Labels none;
  CHECK(none.get(cikit::Lang::En, "the_id") == "the_id");
}
