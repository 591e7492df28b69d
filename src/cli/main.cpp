// azplan-cli: the core from the command line — validate, stats, export, diff, format,
// agency return forms and merging returns.
// Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error, 3 merge conflicts
// nobody decided (--prefer says which side wins).
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/exporters.h"
#include "core/figures_json.h"
#include "core/filter.h"
#include "core/monitoring.h"
#include "core/plan_io.h"
#include "core/plan_json.h"
#include "core/export_indicators.h"
#include "core/returns.h"
#include "core/returns_merge.h"
#include "core/synthetic.h"
#include "core/text.h"
#include "embedded/embedded.h"

using namespace azplan;

namespace {

const char* kUsage = R"(usage: azplan-cli <command> [options] [FILE...]

Plans are read from the FILEs (merged in order), or from the bundled plans with --bundled.

commands:
  validate FILE...                 check each file; errors as file:line:col: path: message
  stats (FILE...|--bundled) --year Y [--json] [--no-lineage]
                                   monitoring figures for every scope and agency
  export (FILE...|--bundled) --format F [--year Y] [--lang az|en] [--date YYYY-MM-DD] -o OUT
                                   F: json, csv, indicators-csv, xlsx, html, gantt-svg,
                                   gantt-a4, gantt-a3, timeline-svg, mspdi;
                                   --date: the report's date of preparation (default today)
  indicators (FILE...|--bundled) --year Y [--json]
                                   every indicator's state (achieved, on track, behind,
                                   no data) with its working, and the counts per document
  diff (FILE...|--bundled) --year A --year B [--json]
                                   what changed between two monitoring years
  returns (FILE...|--bundled) --year Y [--agency ID] [--co-executors] [--lang az|en]
          [--format xlsx|json] -o DIR|OUT.zip
                                   agency return forms: one per agency into DIR, or
                                   all in one .zip; an agency that owns indicators
                                   gets an indicators sheet (JSON: "indicators")
  merge (FILE...|--bundled) --year Y RETURN... -o OUT [--json] [--prefer current|returns]
          [--date YYYY-MM-DD]      read returns (.xlsx, .csv, .json; the files after
                                   --year), merge their statuses and indicator
                                   values, write the plan to OUT. Exits 3
                                   without writing on conflicts unless --prefer decides
  format [--compact] FILE...       rewrite files in azplan's canonical layout (one value
                                   per line); --compact: no whitespace, for a plan
                                   hosted for index.html?plan=URL (2.6x smaller)
  synth --measures N [--seed S] [--compact] -o OUT
                                   write a synthetic plan (benchmarks, stress tests)
  help                             this text
)";

// printf pads by bytes; Azerbaijani letters take two, so pad by characters.
std::string Cell(const std::string& s, size_t width) {
  std::string out = EllipsizeChars(s, width);
  for (size_t n = CountChars(out); n < width; ++n) out.push_back(' ');
  return out;
}

int Usage(const std::string& problem) {
  if (!problem.empty()) std::fprintf(stderr, "azplan-cli: %s\n\n", problem.c_str());
  std::fputs(kUsage, stderr);
  return 2;
}

bool ReadFile(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

struct Args {
  std::string command;
  std::vector<std::string> files;
  std::vector<int> years;
  bool json = false, bundled = false, lineage = true, compact = false;
  std::string format, output, language = "az", date;
  long measures = -1, seed = 1;
  // returns / merge
  std::vector<std::string> returns;  // positional files after --year (merge)
  std::string agency, prefer;
  bool coExecutors = false;
};

bool ParseYear(const std::string& s, int& y) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (!end || *end || v < 1900 || v > 2200) return false;
  y = static_cast<int>(v);
  return true;
}

int Parse(int argc, char** argv, Args& a) {
  if (argc < 2) return Usage("no command given");
  a.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    if (s == "--json") a.json = true;
    else if (s == "--compact") a.compact = true;
    else if (s == "--co-executors") a.coExecutors = true;
    else if (s == "--agency") {
      if (!value(a.agency)) return Usage("--agency takes an agency id");
    } else if (s == "--prefer") {
      if (!value(a.prefer) || (a.prefer != "current" && a.prefer != "returns"))
        return Usage("--prefer takes current or returns");
    }
    else if (s == "--bundled") a.bundled = true;
    else if (s == "--no-lineage") a.lineage = false;
    else if (s == "--year") {
      std::string v;
      int y;
      if (!value(v) || !ParseYear(v, y)) return Usage("--year takes a year such as 2017");
      a.years.push_back(y);
    } else if (s == "--lang") {
      if (!value(a.language) || (a.language != "az" && a.language != "en")) return Usage("--lang takes az or en");
    } else if (s == "--date") {
      if (!value(a.date) || a.date.size() != 10 || !ParsePartialDate(a.date)) return Usage("--date takes a date such as 2017-12-31");
    } else if (s == "--format") {
      if (!value(a.format)) return Usage("--format takes a format name");
    } else if (s == "--measures" || s == "--seed") {
      std::string v;
      char* end = nullptr;
      long n = value(v) ? std::strtol(v.c_str(), &end, 10) : -1;
      if (!end || *end || n < 0 || n > 10000000) return Usage(s + " takes a whole number");
      (s == "--seed" ? a.seed : a.measures) = n;
    } else if (s == "-o" || s == "--output") {
      if (!value(a.output)) return Usage("-o takes a file name");
    } else if (s.size() > 1 && s[0] == '-') {
      return Usage("unknown option " + s);
    } else if (a.command == "merge" && !a.years.empty()) {
      a.returns.push_back(s);  // merge FILE... --year Y RETURN...
    } else {
      a.files.push_back(s);
    }
  }
  return 0;
}

// Loads the files (or the bundled set) as one plan; prints diagnostics.
std::optional<Plan> LoadInput(const Args& a) {
  std::vector<NamedText> inputs;
  if (a.bundled) {
    for (const EmbeddedFile* f = BundledPlanFiles(); f->name; ++f)
      inputs.push_back({std::string("bundled:") + f->name, std::string(reinterpret_cast<const char*>(f->data), f->size)});
  }
  for (const auto& path : a.files) {
    NamedText t{path, {}};
    std::string error;
    if (!ReadFile(path, t.text, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return std::nullopt;
    }
    inputs.push_back(std::move(t));
  }
  LoadResult r = LoadPlans(inputs);
  for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.Format().c_str());
  if (!r.Ok()) return std::nullopt;
  return std::move(*r.plan);
}

void PrintTallyRow(const char* label, const std::string& name, const Tally& t) {
  Shares s = DisplayShares(t);
  int score = DisplayScore(t);
  std::printf("  %-6s %s %4d %4d %4d %4d %4d   %3d%% %3d%% %3d%%   %s\n", label, Cell(name, 44).c_str(), t.executed, t.partial, t.notExecuted, t.notAssessed, t.pending,
              s.executed, s.partial, s.notExecuted, score < 0 ? "  –" : (std::to_string(score) + "%").c_str());
}

int Stats(const Args& a) {
  if (a.years.size() != 1) return Usage("stats needs exactly one --year");
  auto plan = LoadInput(a);
  if (!plan) return 1;
  PlanIndex index(*plan);
  FigureOptions options;
  options.followLineage = a.lineage;
  YearFigures f = ComputeFigures(index, a.years[0], options);
  if (a.json) {
    std::cout << FiguresToJson(index, f).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::printf("Monitoring year %d\n", f.year);
  std::printf("  %-6s %s %4s %4s %4s %4s %4s   %4s %4s %4s   %s\n", "level", Cell("scope", 44).c_str(), "ex", "part", "not",
              "n/a", "pend", "ex%", "pt%", "no%", "score");
  for (int level = 0; level < 2; ++level) {
    std::printf("%s\n", level == 0 ? "Measures (tədbirlər)" : "Sub-measures (finest level)");
    auto pick = [&](const auto& s) -> const Tally& { return level == 0 ? s.measures : s.subMeasures; };
    PrintTallyRow("plan", "all documents", pick(f.plan));
    for (const auto& d : f.documents) PrintTallyRow("doc", d.label, pick(d));
    for (const auto& n : f.nodes) {
      const Tally& t = pick(n);
      if (t.Total() == 0) continue;
      const Node& node = *index[n.item].node;
      PrintTallyRow(NodeKindKey(node.kind), node.Heading(), t);
    }
  }
  std::printf("Agency performance (main executor, measures, 100-point scale)\n");
  for (const auto& ag : f.agencies) {
    int perf = DisplayScore(ag.measures);
    std::printf("  %s %5s  (%d assessed of %d measures)\n", Cell(AgencyName(*plan, ag.agencyId), 50).c_str(),
                perf < 0 ? "–" : std::to_string(perf).c_str(), ag.measures.Assessed(), ag.measures.Total());
  }
  return 0;
}

int Indicators(const Args& a) {
  if (a.years.size() != 1) return Usage("indicators needs exactly one --year");
  auto plan = LoadInput(a);
  if (!plan) return 1;
  const int year = a.years[0];
  if (a.json) {
    std::cout << IndicatorsToJson(*plan, year).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::printf("Indicators, monitoring year %d\n", year);
  std::vector<std::string> ids;
  for (const auto& d : plan->documents) ids.push_back(d.id);
  for (const auto& k : plan->kpis)
    if (std::find(ids.begin(), ids.end(), k.documentId) == ids.end()) ids.push_back(k.documentId);
  for (const auto& id : ids) {
    ProgressCounts c = CountProgress(*plan, id, year);
    if (!c.Total()) continue;
    const Document* doc = plan->FindDocument(id);
    std::printf("%s: achieved %d, on track %d, behind %d, no data %d\n", doc ? doc->Label().c_str() : id.c_str(),
                c.achieved, c.onTrack, c.behind, c.noData);
    for (const auto& k : plan->kpis) {
      if (k.documentId != id) continue;
      ProgressWorking w = AssessProgress(k, year);
      std::printf("  %s %s  %s\n", Cell(ProgressLabel(w.state, "en"), 9).c_str(), Cell(k.name, 60).c_str(),
                  ProgressWorkingText(w, k.unit, "en").c_str());
    }
  }
  return 0;
}

int Diff(const Args& a) {
  if (a.years.size() != 2) return Usage("diff needs --year A --year B");
  auto plan = LoadInput(a);
  if (!plan) return 1;
  PlanIndex index(*plan);
  auto changes = DiffYears(index, a.years[0], a.years[1], Level::SubMeasure);
  if (a.json) {
    std::cout << DiffToJson(index, a.years[0], a.years[1], changes).dump(2) << "\n";
    return 0;
  }
  std::printf("%d → %d: %zu changes\n", a.years[0], a.years[1], changes.size());
  for (const auto& c : changes)
    std::printf("  %-16s %-12s %s → %s  %s\n", ChangeKindKey(c.kind), index[c.item].node->code.c_str(),
                StatusKey(c.from), StatusKey(c.to), Cell(index[c.item].node->title, 60).c_str());
  return 0;
}

int Export(const Args& a) {
  if (a.format.empty()) return Usage("export needs --format");
  if (a.output.empty()) return Usage("export needs -o OUT");
  const ExportFormat* format = FindExportFormat(a.format);
  if (!format) return Usage("unknown export format " + a.format);
  auto plan = LoadInput(a);
  if (!plan) return 1;
  ExportOptions options;
  options.year = a.years.empty() ? DefaultMonitoringYear(*plan) : a.years[0];
  options.language = a.language;
  options.preparedOn = a.date;
  if (options.preparedOn.empty()) {
    int y, m, d;
    CivilFromDays(static_cast<int>(std::time(nullptr) / 86400), y, m, d);
    options.preparedOn = PartialDate{y, m, d}.ToString();
  }
  std::string bytes = format->run(*plan, options);
  std::ofstream out(a.output, std::ios::binary);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "%s: cannot write the file\n", a.output.c_str());
    return 1;
  }
  std::printf("wrote %s (%zu bytes)\n", a.output.c_str(), bytes.size());
  return 0;
}

int Returns(const Args& a) {
  if (a.years.size() != 1) return Usage("returns needs one --year");
  if (a.output.empty()) return Usage("returns needs -o DIR (or -o OUT.zip)");
  if (!a.format.empty() && a.format != "xlsx" && a.format != "json") return Usage("returns --format is xlsx or json");
  auto plan = LoadInput(a);
  if (!plan) return 1;
  PlanIndex index(*plan);
  ReturnFormOptions options;
  options.year = a.years[0];
  options.language = a.language;
  options.includeCoExecutor = a.coExecutors;
  bool json = a.format == "json";
  bool zip = a.output.size() > 4 && a.output.compare(a.output.size() - 4, 4, ".zip") == 0;
  std::string error;
  if (zip && a.agency.empty() && !json) {
    FormBundle bundle;
    if (!WriteAllReturnForms(index, options, &bundle, &error)) {
      std::fprintf(stderr, "azplan-cli: %s\n", error.c_str());
      return 1;
    }
    std::ofstream out(a.output, std::ios::binary);
    out << bundle.zip;
    if (!out) return std::fprintf(stderr, "%s: cannot write the file\n", a.output.c_str()), 1;
    std::printf("wrote %s: %d forms, %d rows, %d indicators (%zu bytes)\n", a.output.c_str(), bundle.forms, bundle.rows,
                bundle.indicators, bundle.zip.size());
    return 0;
  }
  if (zip) return Usage("-o OUT.zip is for every agency's .xlsx form; give -o DIR otherwise");
  std::vector<std::string> agencies = a.agency.empty() ? ReturnAgencies(index, options) : std::vector<std::string>{a.agency};
  if (!a.agency.empty() && !plan->FindAgency(a.agency)) {
    std::fprintf(stderr, "azplan-cli: unknown agency %s\n", a.agency.c_str());
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(a.output, ec);
  int rows = 0, indicators = 0;
  for (const auto& id : agencies) {
    std::string bytes, name = ReturnFormFileName(id, options.year);
    if (json) {
      bytes = ReturnJson(index, id, options);
      name = name.substr(0, name.size() - 5) + ".json";
    } else if (!WriteReturnForm(index, id, options, &bytes, &error)) {
      std::fprintf(stderr, "azplan-cli: %s\n", error.c_str());
      return 1;
    }
    std::string path = (std::filesystem::path(a.output) / name).string();
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) return std::fprintf(stderr, "%s: cannot write the file\n", path.c_str()), 1;
    rows += static_cast<int>(ReturnFormRows(index, id, options).size());
    indicators += static_cast<int>(ReturnFormIndicators(index, id).size());
  }
  std::printf("wrote %zu form(s), %d rows, %d indicators, into %s\n", agencies.size(), rows, indicators,
              a.output.c_str());
  return 0;
}

int Merge(const Args& a) {
  if (a.years.size() != 1) return Usage("merge needs one --year");
  if (a.returns.empty()) return Usage("merge needs RETURN files after --year");
  if (a.output.empty()) return Usage("merge needs -o OUT");
  auto plan = LoadInput(a);
  if (!plan) return 1;
  PlanIndex index(*plan);
  const int year = a.years[0];
  std::vector<ReturnFile> files;
  std::vector<ReturnMessage> messages;
  for (const auto& path : a.returns) {
    std::string bytes, error;
    std::string name = std::filesystem::path(path).filename().string();
    if (!ReadFile(path, bytes, error)) {
      messages.push_back({true, name, "", 0, "cannot open the file"});
      ReturnFile f;
      f.file = name;
      f.refused = true;
      files.push_back(std::move(f));
      continue;
    }
    files.push_back(ReadReturn(index, year, name, bytes, &messages));
  }
  const std::string mergeDate = a.date.empty() ? IsoDate(NowUtc()) : a.date;
  MergeReview review = BuildMergeReview(index, year, std::move(files), std::move(messages), mergeDate);
  if (a.prefer == "current") ResolveConflicts(review, MergePrefer::Current);
  if (a.prefer == "returns") ResolveConflicts(review, MergePrefer::Returns);
  MergeCounts c = review.Counts();
  if (a.json) {
    std::fputs(MergeReviewJson(review).c_str(), stdout);
  } else {
    for (const auto& m : review.messages) std::printf("%s\n", m.Format().c_str());
    std::printf("%d file(s), %d refused; %d rows received, %d refused; %d change(s), %d conflict(s)%s\n", c.files,
                c.filesRefused, c.received, c.rowsRefused, c.changed, c.conflicts,
                c.undecided ? (", " + std::to_string(c.undecided) + " undecided").c_str() : "");
    for (const auto& m : review.items) {
      if (m.conflict == MergeConflict::None) continue;
      std::printf("  conflict %-16s %s: current %s;", MergeConflictKey(m.conflict), index[m.item].node->code.c_str(),
                  m.current && m.current->status ? StatusKey(*m.current->status) : "none");
      for (const auto& in : m.incoming) std::printf(" %s (%s) %s;", in.agencyId.c_str(), in.file.c_str(), StatusKey(in.status));
      std::printf("\n");
    }
    auto number = [](const std::optional<double>& v) { return v ? FormatAzNumber(*v) : std::string("none"); };
    for (const auto& m : review.indicators) {
      if (m.conflict == MergeConflict::None) continue;
      std::printf("  conflict %-16s indicator %s: current %s;", MergeConflictKey(m.conflict), m.kpiId.c_str(),
                  m.current ? number(m.current->value).c_str() : "none");
      for (const auto& in : m.incoming)
        std::printf(" %s (%s) %s;", in.agencyId.c_str(), in.file.c_str(), number(in.value.value).c_str());
      std::printf("\n");
    }
  }
  if (c.undecided) {
    std::fprintf(stderr, "azplan-cli: %d conflict(s) undecided; nothing written (use --prefer current|returns)\n",
                 c.undecided);
    return 3;
  }
  Editor editor;
  editor.Reset(std::move(*plan));
  if (auto cmd = ApplyMerge(review)) editor.Execute(std::move(cmd));
  std::string saved = SavePlan(editor.plan());
  std::ofstream out(a.output, std::ios::binary);
  out << saved;
  if (!out) return std::fprintf(stderr, "%s: cannot write the file\n", a.output.c_str()), 1;
  if (!a.json) std::printf("wrote %s\n", a.output.c_str());
  return 0;
}

int Validate(const Args& a) {
  if (a.files.empty()) return Usage("validate needs at least one FILE");
  int bad = 0;
  for (const auto& path : a.files) {
    std::string text, error;
    if (!ReadFile(path, text, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      ++bad;
      continue;
    }
    LoadResult r = LoadPlan(text, path);
    for (const auto& d : r.diagnostics) std::printf("%s\n", d.Format().c_str());
    if (!r.Ok()) ++bad;
  }
  std::fprintf(stderr, "%zu file(s) checked, %d invalid\n", a.files.size(), bad);
  return bad ? 1 : 0;
}

PlanLayout Layout(const Args& a) { return a.compact ? PlanLayout::Compact : PlanLayout::Indented; }

int Synth(const Args& a) {
  if (a.measures < 0) return Usage("synth needs --measures N");
  if (a.output.empty()) return Usage("synth needs -o OUT");
  SyntheticOptions options;
  options.measures = static_cast<int>(a.measures);
  options.seed = static_cast<uint64_t>(a.seed);
  std::string bytes = SavePlan(MakeSyntheticPlan(options), 0, Layout(a));
  std::ofstream out(a.output, std::ios::binary);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "%s: cannot write the file\n", a.output.c_str());
    return 1;
  }
  std::printf("wrote %s (%ld measures, %zu bytes)\n", a.output.c_str(), a.measures, bytes.size());
  return 0;
}

int Format(const Args& a) {
  if (a.files.empty()) return Usage("format needs at least one FILE");
  for (const auto& path : a.files) {
    std::string text, error;
    if (!ReadFile(path, text, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    LoadResult r = LoadPlan(text, path);
    for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.Format().c_str());
    if (!r.Ok()) return 1;
    std::string saved = SavePlan(*r.plan, text.size() + 1, Layout(a));
    if (saved != text) {
      std::ofstream(path, std::ios::binary) << saved;
      std::printf("formatted %s\n", path.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (int rc = Parse(argc, argv, a)) return rc;
  if (a.command == "help" || a.command == "--help" || a.command == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (a.command == "synth") return Synth(a);
  // An unknown command is named as such, not as one missing its files.
  const char* const kCommands[] = {"validate", "stats", "indicators", "diff", "export", "format", "returns", "merge"};
  if (std::find(std::begin(kCommands), std::end(kCommands), a.command) == std::end(kCommands))
    return Usage("unknown command " + a.command);
  if (a.command != "validate" && a.command != "format" && a.files.empty() && !a.bundled)
    return Usage(a.command + " needs FILE... or --bundled");
  if (a.command == "validate") return Validate(a);
  if (a.command == "stats") return Stats(a);
  if (a.command == "diff") return Diff(a);
  if (a.command == "indicators") return Indicators(a);
  if (a.command == "export") return Export(a);
  if (a.command == "format") return Format(a);
  if (a.command == "returns") return Returns(a);
  if (a.command == "merge") return Merge(a);
  return Usage("unknown command " + a.command);
}
