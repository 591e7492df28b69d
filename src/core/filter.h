// Which items a view shows: filters by document, subtree, agency, status, year and
// free text (Azerbaijani case folding), and sorting in Azerbaijani alphabet order.
#pragma once
#include <string>
#include <vector>

#include "core/plan_index.h"

namespace azplan {

enum class AgencyRole { Lead, Any };

struct Filter {
  std::string text;               // matched against code, title and executor names
  int document = -1;              // index into plan.documents; -1 = all
  int subtree = -1;               // index item; -1 = all
  std::string agencyId;           // empty = all
  AgencyRole agencyRole = AgencyRole::Any;
  int statusMask = 0;             // bit (1 << Status); 0 = all
  int year = 0;                   // monitoring year the status filter reads
  int activeInYear = 0;           // only items whose period covers this year; 0 = all
  bool measuresOnly = false;      // measures, assignments and sub-measures only

  bool Empty() const {
    return text.empty() && document < 0 && subtree < 0 && agencyId.empty() && statusMask == 0 &&
           activeInYear == 0 && !measuresOnly;
  }
  // Derived lists are keyed on the filter itself (ui/view_state.h), compared field by field.
  bool operator==(const Filter& o) const {
    return text == o.text && document == o.document && subtree == o.subtree && agencyId == o.agencyId &&
           agencyRole == o.agencyRole && statusMask == o.statusMask && year == o.year &&
           activeInYear == o.activeInYear && measuresOnly == o.measuresOnly;
  }
  bool operator!=(const Filter& o) const { return !(*this == o); }
};

class FilterMatcher {
 public:
  FilterMatcher(const PlanIndex& index, const Filter& filter);
  bool Matches(int item) const;
  // Matching items plus their ancestors (so a tree view keeps its structure).
  std::vector<int> Apply(bool withAncestors) const;

 private:
  const PlanIndex& index_;
  Filter filter_;
  std::string foldedText_;
  std::vector<std::string> agencyMatchIds_;  // agencies whose names match the text
};

enum class SortKey { Code, Title, Lead, Period, Status };
// Sorts item indexes; ties keep document order.
void SortItems(const PlanIndex& index, std::vector<int>& items, SortKey key, bool ascending, int year);

// Display name of an agency id ("—" style fallbacks are the UI's business).
std::string AgencyName(const Plan& plan, const std::string& id);
std::string JoinAgencyNames(const Plan& plan, const std::vector<std::string>& ids, const char* sep = ", ");

}  // namespace azplan
