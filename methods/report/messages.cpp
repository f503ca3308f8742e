/// \file messages.cpp
/// The message catalogue's lookup (messages.hpp): joins the topic parts (messages_document,
/// _validation, _index, _delphi, _sensitivity .cpp) into one catalogue, indexes it by key
/// (a duplicate key is an internal error), and builds titled tables.
#include "methods/report/messages.hpp"

#include <map>
#include <utility>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report {

namespace {

const std::map<std::string_view, const Message*>& index() {
  static const std::map<std::string_view, const Message*> map = [] {
    std::map<std::string_view, const Message*> m;
    for (const auto& e : message_catalogue())
      if (!m.emplace(e.key, &e).second) throw InternalError(str_cat("message catalogue: duplicate key ", e.key));
    return m;
  }();
  return map;
}
}  // namespace

const std::vector<Message>& message_catalogue() {
  static const std::vector<Message> catalogue = [] {
    std::vector<Message> all;
    for (const auto* part : {&report_detail::document_messages(), &report_detail::validation_messages(),
                             &report_detail::index_messages(), &report_detail::delphi_messages(),
                             &report_detail::sensitivity_messages(), &report_detail::notice_messages(),
                             &report_detail::evidence_messages(),
                             &report_detail::mcda_weights_messages(), &report_detail::audit_messages(),
                             &report_detail::cfa_messages(), &report_detail::analysis_messages(),
                             &report_detail::spatial_messages(), &report_detail::panel_messages()})
      all.insert(all.end(), part->begin(), part->end());
    return all;
  }();
  return catalogue;
}

std::string msg(std::string_view key, Lang lang) {
  const auto& m = index();
  const auto it = m.find(key);
  if (it == m.end()) throw InternalError(str_cat("message catalogue: unknown key '", key, "'"));
  return std::string(lang == Lang::Zh ? it->second->zh : it->second->en);
}

bool has_msg(std::string_view key) { return index().count(key) > 0; }

Table make_table(std::string id, std::string number, std::string_view title_key, Lang lang) {
  Table t;
  t.id = std::move(id);
  t.number = std::move(number);
  t.lang = lang;
  t.title = msg(title_key, lang);
  return t;
}

}  // namespace cikit::report
