// One function per view; each draws from App and turns input into core commands.
#pragma once
#include <string>

namespace azplan::ui {

class App;

void DrawMainMenu(App& app);
void DrawStatusBar(App& app, float width, float height, float barHeight);
void DrawNoticeBar(App& app);
void DrawDialogs(App& app);
void DrawPlanTree(App& app);
void DrawFilterBar(App& app);
void DrawTableView(App& app);
void DrawGanttView(App& app);
void DrawTimelineView(App& app);
void DrawDashboardView(App& app);
void DrawDetailPanel(App& app);
void DrawIndicatorsView(App& app);
// Indicator counts per document and the expected results, for the dashboard.
void DrawIndicatorSummary(App& app);
// The indicators of a node (its own, its ancestors') or of its document, for the detail panel.
void DrawNodeIndicators(App& app, const std::string& nodeId, int doc);
void DrawMergeReview(App& app);

}  // namespace azplan::ui
