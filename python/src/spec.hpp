#pragma once
// The Python Spec object: a parsed spec registered with the pipelines under a "memory:" key
// (pipeline::register_memory_spec), so every command reads it without a file, and optionally
// the data as a MemoryTable (a DataFrame's columns; no CSV text).

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "methods/core/spec.hpp"

namespace cikit::python {

namespace py = pybind11;

class PySpec {
 public:
  explicit PySpec(Spec spec);
  ~PySpec();
  PySpec(const PySpec&) = delete;
  PySpec& operator=(const PySpec&) = delete;

  [[nodiscard]] const std::string& key() const { return key_; }
  [[nodiscard]] const Spec& spec() const { return spec_; }
  /// Replaces the data source by an in-memory table (re-registers the spec).
  void set_table(MemoryTable table);

 private:
  std::string key_;
  Spec spec_;
};

void bind_spec(py::module_& m);

}  // namespace cikit::python
