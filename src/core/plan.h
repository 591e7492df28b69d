// The plan model: documents with their hierarchies of measures, agencies, KPIs and
// timeline events, as described in docs/plan-format.md. Plain values; indexes and
// figures are derived elsewhere (plan_index.h, monitoring.h).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace azplan {

// Objects keep their key order so unknown keys survive a round trip unchanged. Each
// struct's `extra` holds its unknown keys; it stays null (no allocation) until one is
// read, and null and empty behave alike (empty(), iteration, saving).
using Json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

enum class Status : unsigned char { Pending, Executed, Partial, NotExecuted, NotAssessed };
enum class NodeKind : unsigned char {
  Target, Priority, Direction, Section, Subsection, Measure, Submeasure, Assignment
};

// Status identifiers in files ("executed", "partial", "notExecuted", "notAssessed").
const char* StatusKey(Status s);
std::optional<Status> StatusFromKey(std::string_view key);
const char* NodeKindKey(NodeKind k);
std::optional<NodeKind> NodeKindFromKey(std::string_view key);
// Measures and assignments are what the report counts at its measure level.
inline bool IsMeasureKind(NodeKind k) { return k == NodeKind::Measure || k == NodeKind::Assignment; }
inline bool IsAssessableKind(NodeKind k) { return IsMeasureKind(k) || k == NodeKind::Submeasure; }

struct Period {
  int start = 0, end = 0;  // inclusive years; 0 = not given (inherit)
  bool ongoing = false;    // "mütəmadi"
  std::string text;        // as written in the source
  std::string startDate, endDate;
  int withinMonths = 0;    // deadline relative to the document's approval date
  Json extra{};
  bool IsSet() const { return start != 0; }  // years known
  bool HasDays() const { return !startDate.empty() || !endDate.empty() || withinMonths != 0; }  // bounds finer than years
  bool Empty() const {
    return !start && !end && !ongoing && text.empty() && startDate.empty() && endDate.empty() && !withinMonths &&
           extra.empty();
  }
  bool Covers(int year) const { return start <= year && year <= end; }
  bool operator==(const Period& o) const {
    return start == o.start && end == o.end && ongoing == o.ongoing && text == o.text &&
           startDate == o.startDate && endDate == o.endDate && withinMonths == o.withinMonths && extra == o.extra;
  }
};

struct Assessment {
  int year = 0;
  std::optional<Status> status;  // a note-only assessment has none
  std::string note, evidence, assessedBy, date;
  // Provenance: where a status came from when an agency reported it (agency returns,
  // docs/plan-format.md). `date` is the date of the report or assessment.
  std::string workDone;         // the agency's account of the work done
  std::string reportedBy;       // person or office that filled in the return, as written
  std::string reportingAgency;  // agency id of the return
  std::string sourceFile;       // file name of the return it was merged from
  // The status as the return gave it. When `status` differs, the coordinator changed it
  // after the merge: a later return that disagrees is then a conflict, not an update.
  std::optional<Status> reportedStatus;
  Json extra{};  // unknown keys, kept for round trips
  bool operator==(const Assessment& o) const {
    return year == o.year && status == o.status && note == o.note && evidence == o.evidence &&
           assessedBy == o.assessedBy && date == o.date && workDone == o.workDone &&
           reportedBy == o.reportedBy && reportingAgency == o.reportingAgency &&
           sourceFile == o.sourceFile && reportedStatus == o.reportedStatus && extra == o.extra;
  }
  // False when nothing is left in it but the year (such an assessment is dropped).
  bool HasContent() const {
    return status || !note.empty() || !evidence.empty() || !assessedBy.empty() || !date.empty() ||
           !workDone.empty() || !reportedBy.empty() || !reportingAgency.empty() || !sourceFile.empty() ||
           reportedStatus || !extra.empty();
  }
  bool HasProvenance() const { return !reportedBy.empty() || !reportingAgency.empty() || !sourceFile.empty(); }
  // The status was set (or changed) by the coordinator rather than taken from a return.
  bool StatusByCoordinator() const { return status && status != reportedStatus; }
};

struct Risk {
  std::string risk, mitigation;
  Json extra{};
  bool operator==(const Risk& o) const { return risk == o.risk && mitigation == o.mitigation && extra == o.extra; }
};

struct Node {
  std::string code, id, title;
  NodeKind kind = NodeKind::Measure;
  std::vector<std::string> lead, coExecutors, recommended;
  bool executorsPending = false;
  Period period;
  std::string rationale;
  std::vector<std::string> expectedResults, indicators;
  std::vector<Risk> risks;
  std::vector<Assessment> assessments;  // sorted by year, one per year
  std::vector<Node> children;
  Json extra{};

  const Assessment* AssessmentFor(int year) const;
  Assessment& AssessmentForEdit(int year);  // creates it in order when missing
  // "1.2.3 Title", as lists, tables and charts show a node.
  std::string Heading() const { return code + " " + title; }
  // Equality of the node's own fields, children excluded.
  bool SameFields(const Node& o) const;
};

// Nodes in these trees, children and all.
size_t CountNodes(const std::vector<Node>& nodes);

struct CodedText {
  std::string code, text;
  Json extra{};
  bool operator==(const CodedText& o) const { return code == o.code && text == o.text && extra == o.extra; }
};

struct Document {
  std::string id, kind, title, shortTitle, number, approved, approvedBy, source, notes;
  bool approvedFromSource = true;
  Period period;
  std::vector<CodedText> goals, tasks, expectedResults;
  std::vector<Node> nodes;
  Json extra{};
  const std::string& Label() const { return shortTitle.empty() ? title : shortTitle; }
};

struct AgencyName {
  std::string name, from, to, note;
  Json extra{};
};

struct Agency {
  std::string id, name, shortName, kind;
  std::vector<std::string> acronyms, variants;
  std::vector<AgencyName> names;
  std::string successorId, successorDate, successorHow;
  Json extra{};
  const std::string& Label() const { return shortName.empty() ? name : shortName; }
};

// A baseline, a target or a measured value of an indicator. `text` keeps the source's
// wording; `value` is set only where that wording is a single number. A measured value
// also says where it comes from (`source`) and may carry a `note`.
struct KpiValue {
  int year = 0;
  std::optional<double> value;
  std::string text, source, note;
  // Provenance of a measured value merged from an agency return (docs/returns.md), as
  // Assessment keeps it for statuses; empty for values the coordinator recorded.
  std::string date, reportedBy, reportingAgency, sourceFile;
  Json extra{};
  bool operator==(const KpiValue& o) const {
    return year == o.year && value == o.value && text == o.text && source == o.source && note == o.note &&
           date == o.date && reportedBy == o.reportedBy && reportingAgency == o.reportingAgency &&
           sourceFile == o.sourceFile && extra == o.extra;
  }
  bool HasProvenance() const { return !reportingAgency.empty() || !sourceFile.empty(); }
};

// An indicator (KPI): what a programme is to change, with its baseline, targets by year
// and the values measured year by year (sorted by year, one per year).
struct Kpi {
  std::string id, documentId, kind, name, unit;
  std::optional<KpiValue> baseline;
  std::vector<KpiValue> targets, measured;
  std::vector<std::string> nodeIds;  // the directions/measures it belongs to (node ids)
  Json extra{};
  const KpiValue* MeasuredFor(int year) const;
};

struct Event {
  std::string id, date, kind, title, number, documentId, source;
  Period period;
  Json extra{};
};

struct Plan {
  int formatVersion = kFormatVersion;
  std::string id, title;
  std::vector<Agency> agencies;
  std::vector<Document> documents;
  std::vector<Kpi> kpis;
  std::vector<Event> events;
  Json extra{};

  const Agency* FindAgency(std::string_view id) const;
  const Document* FindDocument(std::string_view id) const;
  const Kpi* FindKpi(std::string_view id) const;
};

// Node ids default to "<documentId>/<code>".
std::string EffectiveNodeId(const Document& doc, const Node& node);

// Merges `from` into `into`: documents, KPIs and events are appended; agencies with
// the same id are united (first name wins, variants and names are joined).
void MergePlan(Plan& into, const Plan& from);
// Documents in the order they were adopted (approval date, else period start); several
// files merged in file-name order would otherwise list them alphabetically.
void OrderDocumentsByAdoption(Plan& plan);

}  // namespace azplan
