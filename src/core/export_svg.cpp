// Vector pictures of the app's two charts, drawn from the same layout maths
// (chart_layout.h). Gantt: hierarchy rows, year + quarter/month axis, one bar per
// item coloured by the year's status with the status mark beside it, ongoing items
// hatched, the monitoring year marked. Timeline: documents as spans and dated acts and
// events as markers in lanes whose labels never overlap. Standalone SVG 1.1 files.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/exporters.h"
#include "core/markup.h"
#include "core/monitoring.h"
#include "core/text.h"

namespace azplan {
namespace {

constexpr double kFontPx = 11;
constexpr double kCharPx = 6.5;  // estimated advance of one character at kFontPx
constexpr const char* kFontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif";

struct SvgStrings {
  const char *executed, *partial, *notExecuted, *notAssessed, *pending, *ongoing, *monitoringYear, *group,
      *documents, *act, *event, *milestone, *ganttTitle, *timelineTitle, *outsideRange, *events;
};
const SvgStrings kAz = {"icra edilmişdir", "qismən icra edilmişdir", "icra edilməmişdir", "qiymətləndirilmir",
                        "qiymətləndirilməyib", "mütəmadi", "Monitorinq ili", "bölmə (yekun bal)", "Sənədlər",
                        "akt", "hadisə", "mərhələ", "Tədbirlərin icra qrafiki", "Zaman xətti",
                        "2013–2028 aralığından kənar tarixlər", "hadisə"};
const SvgStrings kEn = {"executed", "partially executed", "not executed", "not assessed", "due, not assessed",
                        "ongoing", "Monitoring year", "section (weighted score)", "Documents", "act", "event",
                        "milestone", "Implementation schedule", "Timeline", "Dated outside 2013–2028", "events"};

std::string E(std::string_view s) { return EscapeXml(s); }
double TextWidth(std::string_view s) { return static_cast<double>(CountChars(s)) * kCharPx; }

std::string Open(double w, double h) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
         Fmt(w) + "\" height=\"" + Fmt(h) + "\" viewBox=\"0 0 " + Fmt(w) + " " + Fmt(h) + "\" font-family=\"" +
         kFontFamily + "\" font-size=\"" + Fmt(kFontPx) + "\">\n";
}
std::string Text(double x, double y, std::string_view s, const std::string& attrs = "") {
  return "<text x=\"" + Fmt(x) + "\" y=\"" + Fmt(y) + "\"" + (attrs.empty() ? "" : " " + attrs) + ">" + E(s) + "</text>\n";
}
std::string Rect(double x, double y, double w, double h, const std::string& attrs) {
  return "<rect x=\"" + Fmt(x) + "\" y=\"" + Fmt(y) + "\" width=\"" + Fmt(std::max(0.0, w)) + "\" height=\"" +
         Fmt(std::max(0.0, h)) + "\" " + attrs + "/>\n";
}
std::string Line(double x1, double y1, double x2, double y2, const std::string& attrs) {
  return "<line x1=\"" + Fmt(x1) + "\" y1=\"" + Fmt(y1) + "\" x2=\"" + Fmt(x2) + "\" y2=\"" + Fmt(y2) + "\" " + attrs + "/>\n";
}

// Year gridlines and labels, plus the minor row (quarters or months) when it fits.
std::string Axis(const TimeAxis& axis, double x0, double x1, double top, double bottom, TickUnit unit,
                 const std::string& language) {
  std::string out;
  auto ticks = MakeTicks(axis, x0, x1, unit, language);
  const double rowH = 18;
  for (size_t k = 0; k < ticks.size(); ++k) {
    const Tick& t = ticks[k];
    // The cell runs to the next tick of the same unit (or the next year for the last minor tick).
    double next = x1;
    for (size_t j = k + 1; j < ticks.size(); ++j)
      if (ticks[j].unit == t.unit || t.unit != TickUnit::Year) {
        next = ticks[j].x;
        break;
      }
    if (t.unit == TickUnit::Year) {
      if (t.x >= x0 && t.x <= x1) out += Line(t.x, top, t.x, bottom, "stroke=\"#aab4be\" stroke-width=\"1\"");
      double a = std::max(t.x, x0), b = std::min(next, x1);
      if (!t.label.empty() && b - a > TextWidth(t.label))
        out += Text((a + b) / 2, top + 13, t.label, "text-anchor=\"middle\" font-weight=\"bold\"");
    } else {
      if (t.x > x0 && t.x < x1) out += Line(t.x, top + rowH, t.x, bottom, "stroke=\"#e1e5ea\" stroke-width=\"1\"");
      double a = std::max(t.x, x0), b = std::min(next, x1);
      if (b - a > TextWidth(t.label) * 0.9 + 2)
        out += Text((a + b) / 2, top + rowH + 13, t.label, "text-anchor=\"middle\" font-size=\"10\" fill=\"#52606d\"");
    }
  }
  return out;
}

std::string MonitoringYear(const TimeAxis& axis, int year, double x0, double x1, double top, double bottom,
                           const char* label, double labelY) {
  if (!year) return "";
  double a = axis.DayToX(DaysFromCivil(year, 1, 1)), b = axis.DayToX(DaysFromCivil(year + 1, 1, 1));
  if (b < x0 || a > x1) return "";
  a = std::max(a, x0);
  b = std::min(b, x1);
  std::string out = Rect(a, top, b - a, bottom - top, "fill=\"#5b8def\" fill-opacity=\"0.08\" class=\"monitoring-year\"");
  out += Line(b, top, b, bottom, "stroke=\"#3a6fd8\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
  out += Text(b - 3, labelY, std::string(label) + " " + std::to_string(year), "text-anchor=\"end\" fill=\"#3a6fd8\" font-size=\"10\"");
  return out;
}

const char* kHatchDefs =
    "<defs>\n<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
    "patternTransform=\"rotate(45)\"><rect width=\"2.5\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.6\"/></pattern>\n"
    "</defs>\n";

}  // namespace

// The Gantt as pictures: one of every row when `pageAspect` is 0, else pages `pageWidth`
// pixels wide and at most `pageAspect` times as high, each with the title, the time axis
// and the legend, and its share of the rows.
static std::vector<std::string> GanttPictures(const Plan& plan, const ExportOptions& options, double pageAspect,
                                              double pageWidth = 0) {
  const SvgStrings& s = options.language == "en" ? kEn : kAz;
  const std::string title = PlanTitle(plan, options.language);
  PlanIndex index(plan);
  YearFigures figures = ComputeFigures(index, options.year);
  std::vector<const NodeFigures*> nodeFigures(static_cast<size_t>(index.Size()), nullptr);
  for (const auto& nf : figures.nodes) nodeFigures[static_cast<size_t>(nf.item)] = &nf;

  // The rows on screen (the filter, in tree order) and the days the screen's zoom shows;
  // the whole plan when nothing is filtered or zoomed.
  std::vector<int> shown;
  if (options.filtered) {
    std::vector<char> keep(static_cast<size_t>(index.Size()), 0);
    for (const auto& id : options.itemIds)
      for (int i = index.Find(id); i >= 0; i = index[i].parent) keep[static_cast<size_t>(i)] = 1;
    for (int i = 0; i < index.Size(); ++i)
      if (keep[static_cast<size_t>(i)]) shown.push_back(i);
  } else {
    for (int i = 0; i < index.Size(); ++i) shown.push_back(i);
  }
  std::vector<GanttRow> rows = BuildGanttRows(index, shown, GanttGrouping::Hierarchy, {});
  // A document title row wherever the rows move on to another document.
  std::vector<GanttRow> withDocs;
  int lastDoc = -1;
  for (auto& r : rows) {
    int d = index[r.item].doc;
    if (d != lastDoc) {
      GanttRow h;
      h.header = true;
      h.label = plan.documents[static_cast<size_t>(d)].Label();
      h.key = "doc:" + plan.documents[static_cast<size_t>(d)].id;
      withDocs.push_back(h);
      lastDoc = d;
    }
    withDocs.push_back(std::move(r));
  }

  DaySpan span = PlanSpan(index);
  if (options.ganttPxPerDay > 0 && options.ganttEndDay > options.ganttStartDay)
    span = {options.ganttStartDay, options.ganttEndDay, true};
  if (!span.known) {
    int y = options.year ? options.year : 2017;
    span = {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), true};
  }
  const double labelW = 460, lineH = 13, titleH = 44, axisH = 40, legendH = 74, right = 50;  // legend: up to 3 lines
  const double years = (span.last - span.first + 1) / 365.25;
  const double chartW = pageWidth > 0 ? std::max(300.0, pageWidth - labelW - right) : std::max(900.0, years * 200);
  const double x0 = labelW, x1 = labelW + chartW;
  TimeAxis axis;
  axis.Fit(span.first, span.last, x0, chartW);
  TickUnit unit = ChooseTickUnit(axis.pxPerDay, 40);
  // Titles wrap onto two lines instead of being cut; a row is as tall as its lines.
  std::vector<std::vector<std::string>> lines(withDocs.size());
  std::vector<double> rowY(withDocs.size() + 1);
  const double top = titleH + axisH;
  rowY[0] = top;
  for (size_t r = 0; r < withDocs.size(); ++r) {
    const GanttRow& row = withDocs[r];
    if (row.header) {
      lines[r] = {EllipsizeChars(row.label, static_cast<size_t>((labelW - 16) / kCharPx))};
    } else {
      const Node& n = *index[row.item].node;
      const double indent = 8 + 12.0 * row.depth;
      lines[r] = WrapChars(n.Heading(), static_cast<size_t>(std::max(4.0, (labelW - indent - 8) / kCharPx)), 2);
    }
    rowY[r + 1] = rowY[r] + (lines[r].size() > 1 ? 9 + lineH * 2 : 22);
  }
  // Rows per picture: as many as fit the page's height below the title and axis.
  const double width = x1 + right;
  std::vector<std::pair<size_t, size_t>> chunks;
  if (pageAspect <= 0 || withDocs.empty()) {
    chunks.push_back({0, withDocs.size()});
  } else {
    const double room = std::max(60.0, width * pageAspect - top - legendH);
    size_t r0 = 0;
    for (size_t r = 0; r < withDocs.size(); ++r)
      if (r > r0 && rowY[r + 1] - rowY[r0] > room) {
        chunks.push_back({r0, r});
        r0 = r;
      }
    chunks.push_back({r0, withDocs.size()});
  }
  std::vector<std::string> pictures;
  for (size_t page = 0; page < chunks.size(); ++page) {
    const size_t r0 = chunks[page].first, r1 = chunks[page].second;
    const double shift = rowY[r0] - top;  // rows move up to just below the axis
    const double bottom = rowY[r1] - shift;
    const double height = bottom + legendH;

    std::string out = Open(width, height);
    out += "<title>" + E(title) + " — " + E(s.ganttTitle) + " " + std::to_string(options.year) + "</title>\n";
    out += kHatchDefs;
    out += Rect(0, 0, width, height, "fill=\"#ffffff\"");
    out += Text(10, 22, title, "font-size=\"15\" font-weight=\"bold\"");
    out += Text(10, 38, std::string(s.ganttTitle) + " · " + s.monitoringYear + " " + std::to_string(options.year) +
                    (chunks.size() > 1 ? " · " + std::to_string(page + 1) + " / " + std::to_string(chunks.size()) : ""),
                "fill=\"#52606d\"");
    for (size_t r = r0; r < r1; ++r)
      if (withDocs[r].header || r % 2)
        out += Rect(0, rowY[r] - shift, width, rowY[r + 1] - rowY[r], withDocs[r].header ? "fill=\"#e4e7eb\"" : "fill=\"#f5f7fa\"");
    out += Axis(axis, x0, x1, titleH, bottom, unit, options.language);
    out += Line(0, top, width, top, "stroke=\"#52606d\"");
    out += Line(x0, titleH, x0, bottom, "stroke=\"#52606d\"");
    out += MonitoringYear(axis, options.year, x0, x1, top, bottom, s.monitoringYear, titleH - 4);

    for (size_t r = r0; r < r1; ++r) {
      const GanttRow& row = withDocs[r];
      const double y = rowY[r] - shift, rowH = rowY[r + 1] - rowY[r], mid = y + rowH / 2;
      if (row.header) {
        out += Text(8, mid + 4, lines[r][0], "font-weight=\"bold\" class=\"doc\"");
        continue;
      }
      const auto& item = index[row.item];
      const Node& n = *item.node;
      const double indent = 8 + 12.0 * row.depth;
      std::string full = n.Heading();
      if (item.openEnded) full += " (" + PeriodText(item.period, options.language, true) + ")";
      out += "<g class=\"row\"><title>" + E(full) + "</title>\n";
      const std::string& code = n.code;
      double ly = mid + 4 - (static_cast<double>(lines[r].size()) - 1) * lineH / 2;
      for (size_t k = 0; k < lines[r].size(); ++k, ly += lineH) {
        const std::string& line = lines[r][k];
        if (k == 0 && !code.empty() && line.compare(0, code.size() + 1, code + " ") == 0)
          out += "<text x=\"" + Fmt(indent) + "\" y=\"" + Fmt(ly) + "\" class=\"label\"><tspan font-weight=\"bold\">" +
                 E(code) + "</tspan> " + E(line.substr(code.size() + 1)) + "</text>\n";
        else
          out += Text(indent, ly, line, "class=\"label\"");
      }
      DaySpan sp = ItemSpan(index, row.item);
      if (sp.known && sp.last >= span.first && sp.first <= span.last) {  // outside the zoomed days: no bar
        double bx0 = std::max(axis.DayToX(sp.first), x0), bx1 = std::min(axis.DayToX(sp.last + 1), x1);
        bx1 = std::max(bx1, bx0 + 2);
        const bool assessable = IsAssessableKind(n.kind);
        Status st = EffectiveStatus(item, options.year);
        std::string mark;
        if (assessable) {
          out += Rect(bx0, mid - 6, bx1 - bx0, 12,
                      std::string("class=\"bar ") + StatusClass(st) + "\" fill=\"" + StatusColor(st) + "\" rx=\"2\"" +
                          (item.period.ongoing ? " stroke=\"#1f2933\" stroke-width=\"1\" stroke-dasharray=\"3 2\"" : ""));
          if (item.period.ongoing) out += Rect(bx0, mid - 6, bx1 - bx0, 12, "class=\"hatch\" fill=\"url(#hatch)\"");
          mark = StatusMark(st);
        } else {
          out += Rect(bx0, mid - 3, bx1 - bx0, 6, "class=\"bar group\" fill=\"#52606d\"");
          const NodeFigures* f = nodeFigures[static_cast<size_t>(row.item)];
          if (f && f->subMeasures.Assessed()) mark = std::to_string(DisplayScore(f->subMeasures)) + "%";
        }
        // An open-ended duty is drawn to the document's end with an open end: an arrow
        // head past the bar, not a closed end that would read as a deadline.
        if (item.openEnded) {
          out += "<path class=\"open-end\" d=\"M" + Fmt(bx1 + 1) + " " + Fmt(mid - 6) + " L" + Fmt(bx1 + 8) + " " + Fmt(mid) +
                 " L" + Fmt(bx1 + 1) + " " + Fmt(mid + 6) + "\" fill=\"none\" stroke=\"#1f2933\" stroke-width=\"1.5\"/>\n";
          bx1 += 8;
        }
        if (!mark.empty()) out += Text(bx1 + 4, mid + 4, mark, "class=\"mark\" font-weight=\"bold\"");
      }
      out += "</g>\n";
    }

    // Legend: colour, mark and words together.
    double lx = 10, ly = bottom + 24;
    struct Entry { Status s; const char* label; };
    const Entry entries[] = {{Status::Executed, s.executed}, {Status::Partial, s.partial}, {Status::NotExecuted, s.notExecuted},
                             {Status::NotAssessed, s.notAssessed}, {Status::Pending, s.pending}};
    // An entry that would run past the picture's edge starts a new line (a page is narrow).
    auto place = [&](double entryW) {
      if (lx > 10 && lx + entryW > width - 10) {
        lx = 10;
        ly += 18;
      }
    };
    out += "<g class=\"legend\">\n";
    for (const auto& e : entries) {
      std::string text = std::string(StatusMark(e.s)) + " " + e.label;
      place(30 + TextWidth(text));
      out += Rect(lx, ly - 10, 24, 12, std::string("fill=\"") + StatusColor(e.s) + "\" rx=\"2\"");
      out += Text(lx + 30, ly, text);
      lx += 30 + TextWidth(text) + 22;
    }
    place(30 + TextWidth(s.ongoing));
    out += Rect(lx, ly - 10, 24, 12, "fill=\"#9aa3ad\" stroke=\"#1f2933\" stroke-dasharray=\"3 2\"");
    out += Rect(lx, ly - 10, 24, 12, "fill=\"url(#hatch)\"");
    out += Text(lx + 30, ly, s.ongoing);
    lx += 30 + TextWidth(s.ongoing) + 22;
    place(30 + TextWidth(s.group));
    out += Rect(lx, ly - 7, 24, 6, "fill=\"#52606d\"");
    out += Text(lx + 30, ly, s.group);
    lx += 30 + TextWidth(s.group) + 22;
    const std::string yearText = std::string(s.monitoringYear) + " " + std::to_string(options.year);
    place(22 + TextWidth(yearText));
    out += Line(lx + 12, ly - 12, lx + 12, ly + 3, "stroke=\"#3a6fd8\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
    out += Text(lx + 22, ly, yearText);
    out += "</g>\n</svg>\n";
    pictures.push_back(std::move(out));
  }
  return pictures;
}

std::string ExportGanttSvg(const Plan& plan, const ExportOptions& options) {
  return GanttPictures(plan, options, 0).front();
}

// Paged for printing: one Gantt picture per landscape page, each repeating the title, the
// time axis and the legend above its rows; the picture's width in pixels is chosen so
// its 11 px text prints at about 8 pt on the paper.
static std::string GanttPages(const Plan& plan, const ExportOptions& options, const char* paper, double pageWmm,
                              double pageHmm) {
  const double marginMm = 8, wMm = pageWmm - 2 * marginMm, hMm = pageHmm - 2 * marginMm;
  const double pxPerMm = 11.0 / (8 * 0.3528);  // 11 px = 8 pt
  auto pictures = GanttPictures(plan, options, hMm / wMm * 0.98, wMm * pxPerMm);
  const SvgStrings& s = options.language == "en" ? kEn : kAz;
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(options.language == "en" ? "en" : "az") +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + E(PlanTitle(plan, options.language)) + " — " +
                    E(s.ganttTitle) + " " + std::to_string(options.year) + "</title>\n<style>\n@page{size:" + paper +
                    " landscape;margin:" + Fmt(marginMm) + "mm}\nbody{margin:0}\n.page{break-after:page;break-inside:avoid}\n"
                    ".page:last-child{break-after:auto}\n.page svg{display:block;width:" + Fmt(wMm) + "mm;height:auto}\n"
                    "</style>\n</head>\n<body>\n";
  for (auto& svg : pictures) {
    svg.erase(0, svg.find("<svg"));  // inline: no XML prolog
    out += "<div class=\"page\">\n" + svg + "</div>\n";
  }
  return out + "</body>\n</html>\n";
}

std::string ExportGanttPagesA4(const Plan& plan, const ExportOptions& options) {
  return GanttPages(plan, options, "A4", 297, 210);
}
std::string ExportGanttPagesA3(const Plan& plan, const ExportOptions& options) {
  return GanttPages(plan, options, "A3", 420, 297);
}

std::string ExportTimelineSvg(const Plan& plan, const ExportOptions& options) {
  const SvgStrings& s = options.language == "en" ? kEn : kAz;
  const int firstYear = 2013, lastYear = 2028;
  const double margin = 20, chartW = (lastYear - firstYear + 1) * 110.0, titleH = 44, axisH = 22;
  const double x0 = margin, x1 = margin + chartW;
  TimeAxis axis;
  axis.originX = x0;
  axis.startDay = DaysFromCivil(firstYear, 1, 1);
  axis.pxPerDay = chartW / (DaysFromCivil(lastYear + 1, 1, 1) - axis.startDay);
  const std::string title = PlanTitle(plan, options.language);
  const MeasureText measure = [](std::string_view t) { return TextWidth(t); };
  TimelineMetrics m;
  m.laneH = 18;
  m.textH = kFontPx + 1;
  m.markerR = 5;

  // The same layout as the timeline view (chart_layout): documents as bars, events in lanes.
  std::vector<TimelineDocIn> docIn;
  std::vector<const Document*> docOf;
  for (const auto& d : plan.documents) {
    if (!d.period.IsSet()) continue;
    // The bar already shows the period: neither added nor kept when the short title ends in it.
    std::string label = d.Label();
    for (const char* dash : {"–", "-"}) {
      std::string years = " " + std::to_string(d.period.start) + dash + std::to_string(d.period.end);
      if (label.size() > years.size() && label.compare(label.size() - years.size(), years.size(), years) == 0)
        label.resize(label.size() - years.size());
    }
    docIn.push_back({axis.DayToX(DaysFromCivil(d.period.start, 1, 1)), axis.DayToX(DaysFromCivil(d.period.end + 1, 1, 1)),
                     std::move(label)});
    docOf.push_back(&d);
  }
  std::vector<TimelineEventIn> eventIn;
  std::vector<const Event*> eventOf;
  for (const auto& e : plan.events) {
    auto date = ParsePartialDate(e.date);
    if (!date) continue;
    TimelineEventIn in;
    in.at = in.x0 = in.x1 = axis.DayToX(date->FirstDay());
    if (e.period.IsSet()) {
      in.x0 = axis.DayToX(DaysFromCivil(e.period.start, 1, 1));
      in.x1 = axis.DayToX(DaysFromCivil(e.period.end + 1, 1, 1));
    }
    in.label = e.title;
    eventIn.push_back(std::move(in));
    eventOf.push_back(&e);
  }
  const double docTop = titleH + axisH + 22;
  auto clusterLabel = [&](const std::vector<int>& members) {
    const std::string& first = eventOf[static_cast<size_t>(members.front())]->date;
    const std::string& last = eventOf[static_cast<size_t>(members.back())]->date;
    return (first == last ? first : first + " – " + last) + " · " + std::to_string(members.size()) + " " + s.events;
  };
  TimelineLayout lay = LayoutTimeline(docIn, eventIn, x0, x1, docTop, 30, m, measure, clusterLabel);
  auto tipOf = [](const Event& e) { return e.date + (e.number.empty() ? "" : " № " + e.number) + " — " + e.title; };
  // Events dated outside 2013–2028, and those of each cluster (many on one spot), are
  // listed under the chart, one line each, not squeezed.
  struct Listed {
    std::string heading;
    std::vector<int> events;
    const char* mark;
  };
  std::vector<Listed> lists;
  if (!lay.before.empty()) lists.push_back({s.outsideRange, lay.before, "◀ "});
  if (!lay.after.empty()) lists.push_back({s.outsideRange, lay.after, "▶ "});
  for (const PlacedEvent& pe : lay.events)
    if (!pe.members.empty()) lists.push_back({pe.label.text, pe.members, "◆ "});
  const double listTop = lay.bottom + 16, listLineH = 16;
  size_t listLines = 0;
  for (const auto& l : lists) listLines += 1 + l.events.size();
  const double bottom = listTop + listLineH * static_cast<double>(listLines);
  double width = x1 + margin;
  for (const auto& l : lists)
    for (int k : l.events) width = std::max(width, x0 + 20 + TextWidth(tipOf(*eventOf[static_cast<size_t>(k)])) + margin);
  const double height = bottom + 40;

  std::string out = Open(width, height);
  out += "<title>" + E(title) + " — " + E(s.timelineTitle) + "</title>\n";
  out += Rect(0, 0, width, height, "fill=\"#ffffff\"");
  out += Text(margin, 22, title, "font-size=\"15\" font-weight=\"bold\"");
  out += Text(margin, 38, std::string(s.timelineTitle) + " " + std::to_string(firstYear) + "–" + std::to_string(lastYear),
              "fill=\"#52606d\"");
  out += Axis(axis, x0, x1, titleH, lay.bottom, TickUnit::Year, options.language);
  out += Line(x0, titleH + axisH, x1, titleH + axisH, "stroke=\"#52606d\"");
  out += MonitoringYear(axis, options.year, x0, x1, titleH + axisH, lay.bottom, s.monitoringYear, titleH - 4);
  out += Text(x0 + 2, docTop - 6, s.documents, "font-weight=\"bold\" fill=\"#52606d\"");

  const double baseline = m.textH - 3;  // from a label's top to its text baseline
  for (const PlacedDoc& d : lay.docs) {
    const Document& doc = *docOf[static_cast<size_t>(d.index)];
    out += "<g class=\"document\"><title>" + E(doc.title) + "</title>\n";
    out += Rect(d.x0, d.y + 2, d.x1 - d.x0, m.laneH - 4, "fill=\"#1f4e79\" fill-opacity=\"0.25\" stroke=\"#1f4e79\" rx=\"3\"");
    out += Text(d.label.x, d.label.y + baseline, d.label.text, "class=\"label\"");
    out += "</g>\n";
  }
  for (const PlacedEvent& pe : lay.events) {
    const Event& e = *eventOf[static_cast<size_t>(pe.index)];
    const double mid = pe.markerY;
    if (!pe.members.empty()) {
      out += "<g class=\"cluster\"><title>" + E(pe.label.text) + "</title>\n";
      out += "<polygon class=\"marker\" points=\"" + Fmt(pe.at) + "," + Fmt(mid - 6) + " " + Fmt(pe.at + 6) + "," + Fmt(mid) +
             " " + Fmt(pe.at) + "," + Fmt(mid + 6) + " " + Fmt(pe.at - 6) + "," + Fmt(mid) +
             "\" fill=\"#e0a526\" stroke=\"#1f2933\"/>\n";
      out += Text(pe.label.x, pe.label.y + baseline, pe.label.text, "class=\"label\" font-weight=\"bold\"");
      out += "</g>\n";
      continue;
    }
    const char* colour = e.kind == "act" ? "#1f4e79" : e.kind == "milestone" ? "#2e9d5b" : "#e0a526";
    out += "<g class=\"event " + E(e.kind) + "\"><title>" + E(tipOf(e)) + "</title>\n";
    if (pe.x1 > pe.x0)
      out += Line(pe.x0, pe.lineY, pe.x1, pe.lineY,
                  std::string("stroke=\"") + colour + "\" stroke-width=\"3\" stroke-opacity=\"0.45\" class=\"span\"");
    const double at = pe.at;
    if (e.kind == "act")
      out += "<polygon class=\"marker\" points=\"" + Fmt(at) + "," + Fmt(mid - 5) + " " + Fmt(at + 5) + "," + Fmt(mid) + " " +
             Fmt(at) + "," + Fmt(mid + 5) + " " + Fmt(at - 5) + "," + Fmt(mid) + "\" fill=\"" + colour + "\"/>\n";
    else if (e.kind == "milestone")
      out += "<polygon class=\"marker\" points=\"" + Fmt(at) + "," + Fmt(mid - 5) + " " + Fmt(at + 5) + "," + Fmt(mid + 4) +
             " " + Fmt(at - 5) + "," + Fmt(mid + 4) + "\" fill=\"" + colour + "\"/>\n";
    else
      out += "<circle class=\"marker\" cx=\"" + Fmt(at) + "\" cy=\"" + Fmt(mid) + "\" r=\"4.5\" fill=\"" + colour + "\"/>\n";
    out += Text(pe.label.x, pe.label.y + baseline, pe.label.text, "class=\"label\"");
    out += "</g>\n";
  }
  double listY = listTop - listLineH + 12;
  for (const auto& l : lists) {
    listY += listLineH;
    out += Text(x0, listY, l.heading, "font-weight=\"bold\" fill=\"#52606d\"");
    for (int k : l.events) {
      const Event& e = *eventOf[static_cast<size_t>(k)];
      listY += listLineH;
      out += "<g class=\"event " + E(e.kind) + " listed\"><title>" + E(tipOf(e)) + "</title>\n";
      out += Text(x0 + 20, listY, l.mark + tipOf(e), "class=\"listed\"");
      out += "</g>\n";
    }
  }

  // Legend.
  double lx = margin, ly = bottom + 24;
  out += "<g class=\"legend\">\n";
  out += "<polygon points=\"" + Fmt(lx + 5) + "," + Fmt(ly - 9) + " " + Fmt(lx + 10) + "," + Fmt(ly - 4) + " " + Fmt(lx + 5) +
         "," + Fmt(ly + 1) + " " + Fmt(lx) + "," + Fmt(ly - 4) + "\" fill=\"#1f4e79\"/>\n";
  out += Text(lx + 16, ly, s.act);
  lx += 16 + TextWidth(s.act) + 20;
  out += "<circle cx=\"" + Fmt(lx + 5) + "\" cy=\"" + Fmt(ly - 4) + "\" r=\"4.5\" fill=\"#e0a526\"/>\n";
  out += Text(lx + 16, ly, s.event);
  lx += 16 + TextWidth(s.event) + 20;
  out += "<polygon points=\"" + Fmt(lx + 5) + "," + Fmt(ly - 9) + " " + Fmt(lx + 10) + "," + Fmt(ly) + " " + Fmt(lx) + "," +
         Fmt(ly) + "\" fill=\"#2e9d5b\"/>\n";
  out += Text(lx + 16, ly, s.milestone);
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace azplan
