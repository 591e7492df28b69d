#include "core/synthetic.h"

#include <algorithm>
#include <string>

#include "core/dates.h"
#include "core/text.h"

namespace azplan {

namespace {

// splitmix64: tiny, fast and specified bit for bit, unlike std::*_distribution whose
// output differs between standard libraries.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (modulo bias is irrelevant at these ranges).
  int Int(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(int permille) { return static_cast<int>(Next() % 1000) < permille; }
  template <class T, size_t N>
  const T& Pick(const T (&list)[N]) { return list[Next() % N]; }
  // Skewed towards small indexes, so a few agencies lead most measures as in the sources.
  int Skewed(int n) {
    double u = static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0);
    return std::min(n - 1, static_cast<int>(u * u * n));
  }

 private:
  uint64_t state_;
};

// ---- words (every Azerbaijani letter beyond ASCII occurs: ə ş ğ ı İ ö ü ç) ------------

const char* const kContexts[] = {
    "regionlarda", "Bakı şəhərində", "dövlət orqanlarında", "təhsil müəssisələrində",
    "kənd yerlərində", "beynəlxalq təcrübə əsasında", "özəl sektorla birgə", "ümumtəhsil məktəblərində",
    "səhiyyə sahəsində", "dağ kəndlərində", "İnternet vasitəsilə", "çevik yanaşma ilə",
    "işğaldan azad edilmiş ərazilərdə", "ölkə üzrə",
};
const char* const kObjects[] = {
    "elektron xidmətlərin", "informasiya təhlükəsizliyinin", "genişzolaqlı şəbəkənin",
    "rəqəmsal infrastrukturun", "dövlət informasiya sistemlərinin", "məlumat mərkəzlərinin",
    "poçt rabitəsinin", "mobil rabitə şəbəkələrinin", "kiber təhlükəsizlik sisteminin",
    "elektron imza xidmətinin", "İnternet resurslarının", "süni intellekt həllərinin",
    "açıq məlumatların", "elektron ticarətin", "rəqəmsal bacarıqların", "İT mütəxəssislərinin hazırlığının",
    "ödəniş sistemlərinin", "qanunvericilik bazasının", "normativ hüquqi aktların", "innovativ müəssisələrin",
    "startap ekosisteminin", "ictimai Wi-Fi şəbəkəsinin", "peyk rabitəsinin", "sağlamlıq məlumatlarının",
    "ölçmə vasitələrinin", "üfüqi inteqrasiyanın", "çoxfunksiyalı mərkəzlərin", "şəffaflığın",
    "elektron hökumət portalının", "qurumlararası məlumat mübadiləsinin", "ünvan reyestrinin",
    "bulud xidmətlərinin", "əhalinin rəqəmsal savadlılığının", "ixtisaslı kadr potensialının",
};
const char* const kQualifiers[] = {
    "mərhələli şəkildə", "vahid standartlar əsasında", "müasir tələblərə uyğun", "tam həcmdə",
    "beynəlxalq standartlara uyğun", "dövlət-özəl tərəfdaşlığı əsasında",
};
const char* const kActions[] = {
    "təkmilləşdirilməsi", "yaradılması", "genişləndirilməsi", "gücləndirilməsi", "hazırlanması",
    "tətbiqi", "inkişafı", "müasirləşdirilməsi", "qiymətləndirilməsi", "təmin edilməsi",
    "həyata keçirilməsi", "öyrənilməsi", "sürətləndirilməsi", "dəstəklənməsi", "təşviqi",
    "işlənib hazırlanması", "monitorinqinin aparılması", "inventarlaşdırılması",
};
const char* const kAreas[] = {
    "Rəqəmsal İnkişaf və Nəqliyyat", "İqtisadiyyat", "Təhsil", "Səhiyyə", "Ədliyyə", "Maliyyə",
    "Energetika", "Kənd Təsərrüfatı", "Mədəniyyət", "Gənclər və İdman", "Əmək və Əhalinin Sosial Müdafiəsi",
    "Xarici İşlər", "Daxili İşlər", "Fövqəladə Hallar", "Ekologiya və Təbii Sərvətlər", "Elm və Təhsil",
    "İnnovasiyalar", "Kosmik Sənaye", "Elektron Təhlükəsizlik", "Vergilər", "Gömrük", "Statistika",
    "Dövlət Xidmətləri və Sosial İnnovasiyalar", "Turizm", "Şəhərsalma və Arxitektura", "Əmlak Məsələləri",
    "Standartlaşdırma, Metrologiya və Patent", "Qida Təhlükəsizliyi", "Dəniz Nəqliyyatı", "Dövlət Sərhəd",
};
const char* const kBodies[] = {"Nazirliyi", "Agentliyi", "Dövlət Xidməti", "Dövlət Komitəsi", "Mərkəzi",
                               "İnstitutu", "Şurası"};
const char* const kDocKinds[] = {"programme", "roadmap", "actionPlan", "strategy"};
const char* const kDocWords[] = {"Dövlət Proqramı", "Strateji Yol Xəritəsi", "Fəaliyyət Planı", "Strategiyası"};
const char* const kNotes[] = {
    "İcra vəziyyəti barədə hesabat təqdim edilib", "İşçi qrup yaradılıb", "Layihə hazırlanıb, təsdiq gözlənilir",
    "Maliyyə vəsaiti ayrılmayıb", "Pilot layihə başa çatıb", "Tender prosedurları davam edir",
    "Müvafiq normativ akt qəbul olunub", "Təlimlərdə 1200 işçi iştirak edib",
};

std::string Capitalize(const std::string& s) {
  if (s.empty()) return s;
  std::u32string u = DecodeUtf8(s);
  std::string first = UpperCaseAz(EncodeUtf8(u.substr(0, 1)));
  return first + EncodeUtf8(u.substr(1));
}

std::string MeasureTitle(Rng& r) {
  std::string t;
  if (r.Chance(350)) t += std::string(r.Pick(kContexts)) + " ";
  t += r.Pick(kObjects);
  if (r.Chance(250)) t += std::string(" və ") + r.Pick(kObjects);
  t += " ";
  if (r.Chance(300)) t += std::string(r.Pick(kQualifiers)) + " ";
  t += r.Pick(kActions);
  return Capitalize(t);
}

// Each draw is its own statement: the operands of + are evaluated in an unspecified
// order, and the plan must not depend on the compiler.
std::string ObjectAction(Rng& r) {
  std::string t = r.Pick(kObjects);
  t += " ";
  t += r.Pick(kActions);
  return t;
}

std::string AreaTitle(Rng& r) { return Capitalize(ObjectAction(r)); }

std::string Acronym(const std::string& name) {
  std::string out;
  std::u32string u = DecodeUtf8(name);
  bool start = true;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] == U' ' || u[i] == U',') {
      start = true;
      continue;
    }
    if (start && !(u[i] == U'v' && i + 1 < u.size() && u[i + 1] == U'ə' && (i + 2 == u.size() || u[i + 2] == U' ')))
      out += UpperCaseAz(EncodeUtf8(u.substr(i, 1)));
    start = false;
  }
  return out;
}

std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string YearsText(int start, int end) {
  return start == end ? std::to_string(start) : std::to_string(start) + "–" + std::to_string(end);
}

std::vector<Agency> MakeAgencies(Rng& r, int count) {
  std::vector<Agency> out;
  const int areas = static_cast<int>(std::size(kAreas)), bodies = static_cast<int>(std::size(kBodies));
  // Walk the area × body grid from a seeded offset so names are unique.
  // 11 is coprime to 30 × 7, so the first 210 cells are all different.
  int offset = r.Int(0, areas * bodies - 1);
  for (int i = 0; i < count; ++i) {
    int cell = (offset + i * 11) % (areas * bodies);
    Agency a;
    a.id = "ag-" + Two(i + 1);
    a.name = std::string(kAreas[cell % areas]) + " " + kBodies[cell / areas];
    if (i >= areas * bodies) a.name += " " + std::to_string(i / (areas * bodies) + 1);
    a.shortName = Acronym(a.name);
    a.acronyms.push_back(a.shortName);
    a.variants.push_back("Azərbaycan Respublikasının " + a.name);
    a.kind = r.Chance(100) ? "nonstate" : "state";
    if (r.Chance(150)) {
      int from = r.Int(2004, 2014);
      AgencyName old;
      old.name = kAreas[r.Int(0, areas - 1)];
      old.name += " üzrə ";
      old.name += kBodies[r.Int(0, bodies - 1)];
      old.from = std::to_string(from);
      old.to = std::to_string(from + r.Int(2, 8));
      a.names.push_back(old);
      a.variants.push_back(old.name);
    }
    out.push_back(std::move(a));
  }
  // A few bodies were merged into others (acyclic: always into an earlier, unmerged one).
  for (int i = count / 2; i < count; ++i) {
    if (!r.Chance(80)) continue;
    int j = r.Int(0, count / 2 - 1);
    if (!out[static_cast<size_t>(j)].successorId.empty()) continue;
    out[static_cast<size_t>(i)].successorId = out[static_cast<size_t>(j)].id;
    out[static_cast<size_t>(i)].successorDate = std::to_string(r.Int(2017, 2023));
    out[static_cast<size_t>(i)].successorHow = "merged";
  }
  return out;
}

void PickExecutors(Rng& r, int agencies, Node& n) {
  int lead = r.Skewed(agencies);
  n.lead.push_back("ag-" + Two(lead + 1));
  if (r.Chance(60)) {
    int second = r.Int(0, agencies - 1);
    if (second != lead) n.lead.push_back("ag-" + Two(second + 1));
  }
  int co = r.Int(0, 3);
  for (int k = 0; k < co; ++k) {
    std::string id = "ag-" + Two(r.Int(0, agencies - 1) + 1);
    if (std::find(n.lead.begin(), n.lead.end(), id) == n.lead.end() &&
        std::find(n.coExecutors.begin(), n.coExecutors.end(), id) == n.coExecutors.end())
      n.coExecutors.push_back(id);
  }
}

// A period inside [lo, hi]: single years, ranges, and "mütəmadi" (ongoing) work.
Period MakePeriod(Rng& r, int lo, int hi, bool allowInherit) {
  Period p;
  int roll = r.Int(0, 999);
  if (allowInherit && roll < 100) return p;  // inherits the parent's
  if (roll < 200) {
    p.start = lo;
    p.end = hi;
    p.ongoing = true;
    p.text = "mütəmadi";
    return p;
  }
  p.start = r.Int(lo, hi);
  p.end = r.Chance(300) ? p.start : r.Int(p.start, hi);
  if (roll < 260) {
    p.ongoing = true;
    p.text = YearsText(p.start, p.end) + " (mütəmadi)";
  } else if (r.Chance(500)) {
    p.text = YearsText(p.start, p.end) + "-ci illər";
  }
  if (r.Chance(60)) {
    int m = r.Int(1, 12);
    p.endDate = std::to_string(p.end) + "-" + Two(m) + "-" + Two(DaysInMonth(p.end, m));
  }
  return p;
}

Status DrawStatus(Rng& r, std::optional<Status> previous) {
  if (previous == Status::Executed && r.Chance(950)) return Status::Executed;
  int roll = r.Int(0, 999);
  if (roll < 450) return Status::Executed;
  if (roll < 750) return Status::Partial;
  if (roll < 970) return Status::NotExecuted;
  return Status::NotAssessed;  // an explicit override inside the period
}

void AddStatus(Rng& r, Node& n, int year, Status s) {
  Assessment a;
  a.year = year;
  a.status = s;
  if (r.Chance(150)) a.note = r.Pick(kNotes);
  n.assessments.push_back(std::move(a));
}

// Statuses only inside the effective period; outside it the item stays not assessed
// (by default, and now and then with an explicit "notAssessed").
void AssessLeaf(Rng& r, Node& n, const Period& eff, const std::vector<int>& years) {
  std::optional<Status> prev;
  for (int y : years) {
    if (!eff.Covers(y)) {
      if (r.Chance(20)) AddStatus(r, n, y, Status::NotAssessed);
      continue;
    }
    if (!r.Chance(900)) continue;  // due but not yet assessed: pending
    Status s = DrawStatus(r, prev);
    prev = s;
    AddStatus(r, n, y, s);
  }
}

// A measure with sub-measures is rated from them, as the report does.
void AssessFromChildren(Rng& r, Node& m, const Period& eff, const std::vector<int>& years) {
  for (int y : years) {
    if (!eff.Covers(y)) continue;
    int ex = 0, no = 0, any = 0;
    for (const auto& c : m.children) {
      const Assessment* a = c.AssessmentFor(y);
      if (!a || !a->status || *a->status == Status::NotAssessed) continue;
      ++any;
      ex += *a->status == Status::Executed;
      no += *a->status == Status::NotExecuted;
    }
    if (!any) continue;
    AddStatus(r, m, y, ex == any ? Status::Executed : no == any ? Status::NotExecuted : Status::Partial);
  }
}

}  // namespace

Plan MakeSyntheticPlan(const SyntheticOptions& o) {
  Rng r(o.seed);
  Plan plan;
  plan.id = "synthetic-" + std::to_string(o.seed) + "-" + std::to_string(o.measures);
  plan.title = "Sintetik plan: " + std::to_string(o.measures) + " tədbir (toxum " + std::to_string(o.seed) + ")";
  const int agencyCount = o.agencies > 0 ? o.agencies : r.Int(30, 60);
  plan.agencies = MakeAgencies(r, agencyCount);
  std::vector<int> years = o.assessmentYears;
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());

  const int docs = std::max(1, o.documents);
  const int span = std::max(0, o.lastYear - o.firstYear);
  for (int d = 0; d < docs; ++d) {
    Document doc;
    int k = d % static_cast<int>(std::size(kDocKinds));
    // Spread the documents over the years: each starts a step later, lasting 3–6 years.
    int start = o.firstYear + (docs > 1 ? span * d / docs : 0);
    start = std::min(start + r.Int(0, 1), o.lastYear);
    int end = std::min(o.lastYear, start + r.Int(2, 5));
    doc.id = std::string("synthetic-") + kDocKinds[k] + "-" + std::to_string(d + 1);
    doc.kind = kDocKinds[k];
    doc.title = "Azərbaycan Respublikasında " + ObjectAction(r) + " üzrə " + YearsText(start, end) +
                "-ci illər üçün " + kDocWords[k];
    doc.shortTitle = std::string(kDocWords[k]) + " " + YearsText(start, end);
    doc.number = std::to_string(r.Int(100, 3999));
    int month = r.Int(1, 12);
    doc.approved = std::to_string(start) + "-" + Two(month) + "-" + Two(r.Int(1, DaysInMonth(start, month)));
    doc.approvedBy = r.Chance(700) ? "Prezidentin Sərəncamı" : "Prezidentin Fərmanı";
    doc.period.start = start;
    doc.period.end = end;
    doc.source = "synthetic";
    doc.goals.push_back({"1", Capitalize(ObjectAction(r))});

    // Measures of this document, then targets of 2–6 priorities of 3–15 measures each.
    int remaining = o.measures / docs + (d < o.measures % docs ? 1 : 0);
    int target = 0, priority = 0, prioritiesLeft = 0;
    while (remaining > 0) {
      if (prioritiesLeft == 0) {
        Node t;
        t.kind = NodeKind::Target;
        t.code = std::to_string(++target);
        t.title = AreaTitle(r);
        doc.nodes.push_back(std::move(t));
        prioritiesLeft = r.Int(2, 6);
        priority = 0;
      }
      --prioritiesLeft;
      Node& t = doc.nodes.back();
      Node p;
      p.kind = NodeKind::Priority;
      p.code = t.code + "." + std::to_string(++priority);
      p.title = AreaTitle(r);
      int count = std::min(remaining, r.Int(3, 15));
      remaining -= count;
      for (int m = 1; m <= count; ++m) {
        Node meas;
        meas.kind = NodeKind::Measure;
        meas.code = p.code + "." + std::to_string(m);
        meas.title = MeasureTitle(r);
        PickExecutors(r, agencyCount, meas);
        meas.period = MakePeriod(r, start, end, true);
        Period eff = meas.period.IsSet() ? meas.period : doc.period;
        if (r.Chance(100)) meas.indicators.push_back("İcra olunan işlərin sayı");
        int subs = r.Int(std::max(0, o.minSubMeasures), std::max(o.minSubMeasures, o.maxSubMeasures));
        for (int s = 1; s <= subs; ++s) {
          Node sub;
          sub.kind = NodeKind::Submeasure;
          sub.code = meas.code + "." + std::to_string(s);
          sub.title = MeasureTitle(r);
          if (r.Chance(300)) PickExecutors(r, agencyCount, sub);
          if (r.Chance(400)) sub.period = MakePeriod(r, eff.start, eff.end, false);
          Period subEff = sub.period.IsSet() ? sub.period : eff;
          AssessLeaf(r, sub, subEff, years);
          meas.children.push_back(std::move(sub));
        }
        if (subs) AssessFromChildren(r, meas, eff, years);
        else AssessLeaf(r, meas, eff, years);
        p.children.push_back(std::move(meas));
      }
      t.children.push_back(std::move(p));
    }

    Kpi kpi;
    kpi.id = "kpi-" + doc.id;
    kpi.documentId = doc.id;
    kpi.kind = "outcome";
    kpi.name = "Genişzolaqlı İnternetə çıxışı olan ev təsərrüfatlarının payı";
    kpi.unit = "%";
    KpiValue baseline, goal;
    baseline.year = start;
    baseline.value = static_cast<double>(r.Int(20, 60));
    goal.year = end;
    goal.value = static_cast<double>(r.Int(70, 100));
    kpi.baseline = baseline;
    kpi.targets.push_back(goal);
    plan.kpis.push_back(std::move(kpi));

    Event ev;
    ev.id = "event-" + doc.id;
    ev.date = doc.approved;
    ev.kind = "act";
    ev.title = doc.title;
    ev.number = doc.number;
    ev.documentId = doc.id;
    plan.events.push_back(std::move(ev));
    plan.documents.push_back(std::move(doc));
  }
  return plan;
}

}  // namespace azplan
