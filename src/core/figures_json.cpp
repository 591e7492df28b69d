#include "core/figures_json.h"

#include "core/filter.h"

namespace azplan {

Json TallyToJson(const Tally& t) {
  Json o = Json::object();
  o["executed"] = t.executed;
  o["partial"] = t.partial;
  o["notExecuted"] = t.notExecuted;
  o["notAssessed"] = t.notAssessed;
  o["pending"] = t.pending;
  o["assessed"] = t.Assessed();
  Shares s = DisplayShares(t);
  o["shares"] = {{"executed", s.executed}, {"partial", s.partial}, {"notExecuted", s.notExecuted}};
  int score = DisplayScore(t);
  if (score >= 0) o["score"] = score;
  else o["score"] = nullptr;
  o["scoreExact"] = {t.ScoreNumerator(), t.ScoreDenominator()};
  return o;
}

Json FiguresToJson(const PlanIndex& index, const YearFigures& f) {
  const Plan& plan = *index.plan();
  Json o = Json::object();
  o["year"] = f.year;
  o["plan"] = {{"label", f.plan.label},
               {"measures", TallyToJson(f.plan.measures)},
               {"subMeasures", TallyToJson(f.plan.subMeasures)}};
  Json docs = Json::array();
  for (size_t d = 0; d < f.documents.size(); ++d) {
    const auto& s = f.documents[d];
    docs.push_back({{"id", plan.documents[d].id},
                    {"label", s.label},
                    {"measures", TallyToJson(s.measures)},
                    {"subMeasures", TallyToJson(s.subMeasures)}});
  }
  o["documents"] = std::move(docs);
  Json nodes = Json::array();
  for (const auto& s : f.nodes) {
    const auto& item = index[s.item];
    nodes.push_back({{"id", item.id},
                     {"document", plan.documents[static_cast<size_t>(item.doc)].id},
                     {"code", item.node->code},
                     {"kind", NodeKindKey(item.node->kind)},
                     {"title", item.node->title},
                     {"measures", TallyToJson(s.measures)},
                     {"subMeasures", TallyToJson(s.subMeasures)}});
  }
  o["nodes"] = std::move(nodes);
  Json agencies = Json::array();
  for (const auto& a : f.agencies) {
    Json measures = Json::array();
    for (int i : a.measureItems) measures.push_back(index[i].id);
    int perf = DisplayScore(a.measures);
    agencies.push_back({{"id", a.agencyId},
                        {"name", AgencyName(plan, a.agencyId)},
                        {"performance", perf >= 0 ? Json(perf) : Json(nullptr)},
                        {"measures", TallyToJson(a.measures)},
                        {"subMeasures", TallyToJson(a.subMeasures)},
                        {"measureIds", std::move(measures)}});
  }
  o["agencies"] = std::move(agencies);
  return o;
}

Json DiffToJson(const PlanIndex& index, int a, int b, const std::vector<StatusChange>& changes) {
  Json o = Json::object();
  o["from"] = a;
  o["to"] = b;
  Json list = Json::array();
  for (const auto& c : changes) {
    const auto& item = index[c.item];
    list.push_back({{"id", item.id},
                    {"code", item.node->code},
                    {"title", item.node->title},
                    {"from", StatusKey(c.from)},
                    {"to", StatusKey(c.to)},
                    {"change", ChangeKindKey(c.kind)}});
  }
  o["changes"] = std::move(list);
  return o;
}

}  // namespace azplan
