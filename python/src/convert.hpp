#pragma once
// Conversions between the library's values and Python objects: nlohmann::json documents to
// dicts/lists (the CLI's JSON, exactly: numbers keep their double value, null stays None),
// Eigen matrices to NumPy arrays (one copy, C order), DataFrame columns to a MemoryTable.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/core/memory_table.hpp"

namespace cikit::python {

namespace py = pybind11;

/// A JSON document as Python objects (dict, list, str, int, float, bool, None).
[[nodiscard]] py::object to_python(const nlohmann::json& j);

/// A Python object as JSON (dict, list, tuple, str, int, float, bool, None).
/// @throws InvalidInput naming the Python type for anything else.
[[nodiscard]] nlohmann::json to_json(const py::handle& o);

/// Rows x cols double matrix as a NumPy array.
[[nodiscard]] py::array_t<double> to_numpy(const Eigen::MatrixXd& m);
[[nodiscard]] py::array_t<int> to_numpy(const Eigen::MatrixXi& m);
[[nodiscard]] py::array_t<double> to_numpy(const Eigen::VectorXd& v);

/// Columns handed over by the Python side: (name, values) with values a float64 NumPy array
/// (numeric) or a list of str (text). `label` names the table in messages.
[[nodiscard]] MemoryTable memory_table(const py::list& columns, const std::string& label);

}  // namespace cikit::python
