// The view link (URL fragment) encoder and decoder: round trips, escaping, and
// tolerance of hand-edited or hostile fragments.
#include <doctest/doctest.h>

#include "ui/view_link.h"

using azplan::ui::DecodeViewLink;
using azplan::ui::EncodeViewLink;
using azplan::ui::ViewLink;

TEST_CASE("view link: a full view round-trips") {
  ViewLink l;
  l.plan = "Bütün sənədlər";
  l.year = 2019;
  l.tab = "gantt";
  l.search = "1.1 & x=y #5 %20 +";
  l.document = "roadmap-telecom-2016";
  l.agency = "nrytn";
  l.leadOnly = true;
  l.status = "partial";
  l.ganttStart = 17167.123456789;
  l.ganttPxPerDay = 0.7142857142857143;
  std::string f = EncodeViewLink(l);
  CHECK(f.find(' ') == std::string::npos);
  CHECK(f.find('#') == std::string::npos);
  CHECK(f.find("y=2019&tab=gantt") != std::string::npos);
  CHECK(DecodeViewLink(f) == l);
  CHECK(DecodeViewLink("#" + f) == l);
}

TEST_CASE("view link: empty values are left out, an empty view is an empty string") {
  CHECK(EncodeViewLink(ViewLink{}) == "");
  ViewLink l;
  l.year = 2017;
  l.tab = "table";
  CHECK(EncodeViewLink(l) == "y=2017&tab=table");
}

TEST_CASE("view link: hostile or hand-edited fragments") {
  CHECK(DecodeViewLink("") == ViewLink{});
  CHECK(DecodeViewLink("garbage") == ViewLink{});
  ViewLink l = DecodeViewLink("y=abc&tab=gantt&&=x&zz=1&gz=-3&gs=5&q=%E2%9C%94%zz%4");
  CHECK(l.year == 0);
  CHECK(l.tab == "gantt");
  CHECK(l.ganttPxPerDay == 0);  // a zoom needs both values, and a positive one
  CHECK(l.search == "\xE2\x9C\x94%zz%4");
  CHECK(DecodeViewLink("y=99999").year == 0);
  CHECK(DecodeViewLink("y=2017.5").year == 0);
  CHECK(DecodeViewLink("gs=nan&gz=1").ganttPxPerDay == 0);
  CHECK(DecodeViewLink("q=a+b").search == "a b");
}
