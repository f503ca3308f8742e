#include "python/src/spec.hpp"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <atomic>

#include "methods/core/memory_table.hpp"
#include "methods/pipeline/common.hpp"
#include "python/src/convert.hpp"

namespace cikit::python {

namespace {

std::string next_key() {
  static std::atomic<long> counter{0};
  return fmt::format("memory:python-spec-{}", ++counter);
}

py::dict node_dict(const IndicatorTree& tree, int k) {
  const Node& n = tree.node(k);
  py::dict d;
  d["id"] = n.id;
  d["parent"] = n.parent >= 0 ? py::object(py::str(tree.node(n.parent).id)) : py::object(py::none());
  d["depth"] = n.depth;
  d["label_zh"] = n.label.zh;
  d["label_en"] = n.label.en;
  d["is_indicator"] = n.is_leaf();
  d["column"] = n.is_leaf() ? py::object(py::str(n.column)) : py::object(py::none());
  d["direction"] = n.is_leaf() ? py::object(py::str(n.direction == Direction::Negative ? "-" : "+"))
                               : py::object(py::none());
  d["weight"] = n.weight ? py::object(py::float_(*n.weight)) : py::object(py::none());
  return d;
}

}  // namespace

PySpec::PySpec(Spec spec) : key_(next_key()), spec_(std::move(spec)) {
  pipeline::register_memory_spec(key_, spec_);
}

PySpec::~PySpec() { pipeline::unregister_memory_spec(key_); }

void PySpec::set_table(MemoryTable table) {
  spec_.data.memory = std::make_shared<const MemoryTable>(std::move(table));
  spec_.data.file_as_written = spec_.data.memory->label;
  pipeline::register_memory_spec(key_, spec_);
}

void bind_spec(py::module_& m) {
  py::class_<PySpec, std::shared_ptr<PySpec>>(m, "_Spec")
      .def_static("load", [](const std::string& path) { return std::make_shared<PySpec>(read_spec(path)); },
                  py::arg("path"))
      .def_static(
          "parse",
          [](const std::string& text, const std::string& label, const std::string& base_dir) {
            return std::make_shared<PySpec>(parse_spec(text, label, base_dir));
          },
          py::arg("text"), py::arg("label"), py::arg("base_dir"))
      .def("set_table", [](PySpec& s, const py::list& columns, const std::string& label) {
             s.set_table(memory_table(columns, label));
           })
      .def_property_readonly("key", &PySpec::key)
      .def_property_readonly("path", [](const PySpec& s) { return s.spec().path; })
      .def_property_readonly("id", [](const PySpec& s) { return s.spec().id; })
      .def_property_readonly("label_zh", [](const PySpec& s) { return s.spec().label.zh; })
      .def_property_readonly("label_en", [](const PySpec& s) { return s.spec().label.en; })
      .def_property_readonly("data_file", [](const PySpec& s) { return s.spec().data.file_as_written; })
      .def_property_readonly("unit_column", [](const PySpec& s) { return s.spec().data.columns.unit; })
      .def_property_readonly("in_memory", [](const PySpec& s) { return static_cast<bool>(s.spec().data.memory); })
      .def_property_readonly("hash", [](const PySpec& s) { return s.spec().hash; })
      .def("nodes", [](const PySpec& s) {
        py::list out;
        const IndicatorTree& tree = s.spec().tree;
        for (int k = 0; k < tree.size(); ++k) out.append(node_dict(tree, k));
        return out;
      });
}

}  // namespace cikit::python
