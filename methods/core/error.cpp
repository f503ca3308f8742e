#include "methods/core/error.hpp"

#include <fmt/format.h>

namespace cikit {

bool Location::empty() const {
  return file.empty() && line == 0 && indicator.empty() && node.empty() && unit.empty();
}

std::string Location::to_string() const {
  std::string out;
  if (!file.empty()) {
    out = file;
    if (cell_ref && line > 0 && column > 0) {
      std::string letters;
      for (long c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
      out += fmt::format("!{}{}", letters, line);
    } else if (cell_ref && line > 0) {
      out += fmt::format(" row {}", line);
    } else if (line > 0) {
      out += fmt::format(":{}", line);
      if (column > 0) out += fmt::format(":{}", column);
    }
  } else if (line > 0) {
    out = fmt::format("line {}", line);
    if (column > 0) out += fmt::format(", column {}", column);
  }
  auto add = [&out](const char* what, const std::string& id) {
    if (id.empty()) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} '{}'", what, id);
  };
  add("indicator", indicator);
  add("node", node);
  add("unit", unit);
  return out;
}

std::string with_location(const Location& where, const std::string& message) {
  if (where.empty()) return message;
  return where.to_string() + ": " + message;
}

InvalidInput::InvalidInput(const std::string& message, Location where)
    : std::invalid_argument(with_location(where, message)), where_(std::move(where)) {}

DomainError::DomainError(const std::string& message, Location where)
    : std::domain_error(with_location(where, message)), where_(std::move(where)) {}

InternalError::InternalError(const std::string& message)
    : std::logic_error("internal error (please report): " + message) {}

}  // namespace cikit
