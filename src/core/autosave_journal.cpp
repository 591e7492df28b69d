#include "core/autosave_journal.h"

#include "core/autosave_format.h"
#include "core/plan_json.h"

namespace azplan {

static constexpr int kJournalVersion = 1;

namespace {

bool ReadInt(const Json& v, int& out) {
  if (!v.is_number_integer()) return false;
  out = v.get<int>();
  return true;
}

std::string RecordLine(const Json& record) {
  std::string body = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  return Checksum(body) + " " + body + "\n";
}

}  // namespace

Json NodeFieldsToJson(const Node& node) {
  Json o = NodeToJson(node);
  o.erase("children");
  return o;
}

bool NodeFieldsFromJson(const Json& o, Node& n) {
  // A record never carries the hierarchy; its fields are read by the plan reader itself, so
  // the journal and the plan files can never disagree on a field.
  if (!o.is_object() || o.contains("children")) return false;
  return ReadNodeFields(o.dump(-1, ' ', false, Json::error_handler_t::replace), n);
}

std::string JournalHeader(const std::string& baseChecksum) {
  Json h = Json::object();
  h["azplanJournal"] = kJournalVersion;
  h["base"] = baseChecksum;
  return h.dump() + "\n";
}

bool AppendJournalRecord(std::string& journal, const PlanIndex& index, const std::vector<std::string>& ids,
                         bool dirty, int year) {
  Json nodes = Json::array();
  for (const auto& id : ids) {
    int i = index.Find(id);
    if (i < 0) return false;
    const Node& node = *index[i].node;
    Json fields = NodeFieldsToJson(node);
    // The record must bring the node back exactly; a field this reader does not know
    // would otherwise be lost on restore without anyone noticing.
    Node back;
    if (!NodeFieldsFromJson(fields, back) || !back.SameFields(node)) return false;
    Json entry = Json::object();
    entry["at"] = id;
    entry["node"] = std::move(fields);
    nodes.push_back(std::move(entry));
  }
  Json record = Json::object();
  record["dirty"] = dirty;
  record["year"] = year;
  record["nodes"] = std::move(nodes);
  journal += RecordLine(record);
  return true;
}

JournalState DecodeJournal(const std::string& text, const std::string& baseChecksum,
                           std::vector<JournalRecord>& records) {
  records.clear();
  if (text.empty()) return JournalState::None;
  // Every line, the last one too, ends with a newline: a value cut short is damaged.
  if (text.back() != '\n') return JournalState::Damaged;
  size_t eol = text.find('\n');
  Json header = Json::parse(text.begin(), text.begin() + static_cast<long>(eol), nullptr, false);
  if (header.is_discarded() || !header.is_object()) return JournalState::Damaged;
  auto v = header.find("azplanJournal");
  auto base = header.find("base");
  if (v == header.end() || !v->is_number_integer() || v->get<int>() != kJournalVersion || base == header.end() ||
      !base->is_string())
    return JournalState::Damaged;
  if (base->get<std::string>() != baseChecksum) return JournalState::OtherBase;
  std::vector<JournalRecord> out;
  for (size_t at = eol + 1; at < text.size(); at = eol + 1) {
    eol = text.find('\n', at);
    std::string_view line(text.data() + at, eol - at);
    if (line.size() < 18 || line[16] != ' ') return JournalState::Damaged;
    std::string body(line.substr(17));
    if (Checksum(body) != line.substr(0, 16)) return JournalState::Damaged;
    Json r = Json::parse(body, nullptr, false);
    if (r.is_discarded() || !r.is_object()) return JournalState::Damaged;
    JournalRecord rec;
    auto dirty = r.find("dirty"), year = r.find("year"), nodes = r.find("nodes");
    if (dirty == r.end() || !dirty->is_boolean() || year == r.end() || !ReadInt(*year, rec.year) ||
        nodes == r.end() || !nodes->is_array())
      return JournalState::Damaged;
    rec.dirty = dirty->get<bool>();
    for (const auto& e : *nodes) {
      auto id = e.find("at"), node = e.find("node");
      if (!e.is_object() || id == e.end() || !id->is_string() || node == e.end()) return JournalState::Damaged;
      rec.nodes.emplace_back(id->get<std::string>(), Node{});
      if (!NodeFieldsFromJson(*node, rec.nodes.back().second)) return JournalState::Damaged;
    }
    out.push_back(std::move(rec));
  }
  records = std::move(out);
  return JournalState::Valid;
}

bool ApplyJournal(Plan& plan, const std::vector<JournalRecord>& records) {
  PlanIndex index;
  index.Build(plan);
  for (const auto& rec : records)
    for (const auto& [id, fields] : rec.nodes) {
      int i = index.Find(id);
      if (i < 0) return false;
      Node& n = const_cast<Node&>(*index[i].node);
      // What the index is built on must not move: such edits are never journaled.
      if (fields.id != n.id || fields.code != n.code || fields.kind != n.kind || !(fields.period == n.period))
        return false;
      auto children = std::move(n.children);
      n = fields;
      n.children = std::move(children);
    }
  return true;
}

}  // namespace azplan
