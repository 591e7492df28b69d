// One function per view; each draws from App and turns input into core commands.
#pragma once

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
void DrawMergeReview(App& app);

}  // namespace azplan::ui
