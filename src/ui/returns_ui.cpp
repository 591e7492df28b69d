// Agency returns in the app: writing the forms, collecting returned files into the merge
// review, applying it. The rules live in the core (returns.h, returns_merge.h); this only
// wires them to the platform and the view state.
#include <chrono>

#include "core/dates.h"
#include "core/returns.h"
#include "core/returns_merge.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/redraw.h"
#include "ui/strings.h"

namespace azplan::ui {

void App::ExportReturnForms(const std::string& agencyId) {
  ReturnFormOptions options;
  options.year = ui_.year;
  options.language = Language();
  options.includeCoExecutor = ui_.returnsCoExecutors;
  const PlanIndex& index = editor_.index();
  std::string error, where;
  if (agencyId.empty()) {
    formBatch_ = std::make_unique<ReturnFormBatch>(index, options);
    formBatchRevision_ = editor_.Revision();
    RequestFrames();
    return;
  } else {
    std::string bytes;
    if (!WriteReturnForm(index, agencyId, options, &bytes, &error)) {
      ui_.notice = std::string(Tr("returnFormsFailed")) + ": " + error;
      RequestFrames();
      return;
    }
    const std::string name = ReturnFormFileName(agencyId, ui_.year);
    ReportExport(name, platform::Download(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes));
  }
  RequestFrames();
}

void App::StepReturnForms() {
  if (!formBatch_) return;
  auto stop = [&](std::string notice) {
    formBatch_.reset();
    ui_.notice = std::move(notice);
    RequestFrames();
  };
  if (editor_.Revision() != formBatchRevision_) return stop(Tr("returnFormsCancelled"));
  // About two frames' worth of forms at a time: the page keeps answering and the bar moves.
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  while (!formBatch_->Done() && std::chrono::steady_clock::now() - start < std::chrono::milliseconds(30))
    if (!formBatch_->Step(&error)) return stop(std::string(Tr("returnFormsFailed")) + ": " + error);
  RequestFrames();
  if (!formBatch_->Done()) return;
  FormBundle bundle;
  if (!formBatch_->Finish(&bundle, &error)) return stop(std::string(Tr("returnFormsFailed")) + ": " + error);
  formBatch_.reset();
  std::string name = "hesabat-formalari-" + std::to_string(ui_.year) + ".zip";
  std::string where = platform::Download(name, "application/zip", bundle.zip);
  ReportExport(name, where);  // a download that failed says so
  if (!where.empty()) ui_.notice += " (" + std::to_string(bundle.forms) + " " + Tr("returnForms") + ")";
}

void App::CancelReturnForms() {
  formBatch_.reset();
  ui_.notice = Tr("returnFormsCancelled");
  RequestFrames();
}

void App::ChooseReturnsToImport() {
  ui_.showMergeReview = true;
  if (!platform::RequestOpenFiles(".xlsx,.csv,.json,.txt", true, [this](platform::File f) { AddReturn(std::move(f)); }))
    ui_.showReturnsPath = true;
}

void App::AddReturn(platform::File file) {
  if (!review_ || review_->year != ui_.year) {
    returnFiles_.clear();
    returnMessages_.clear();
  }
  if (file.refusedSize > 0) {
    returnMessages_.push_back({true, file.name, "", 0, Tr("returnTooLarge")});
    ReturnFile f;
    f.file = file.name;
    f.refused = true;
    returnFiles_.push_back(std::move(f));
  } else {
    returnFiles_.push_back(ReadReturn(editor_.index(), ui_.year, file.name, file.bytes, &returnMessages_));
  }
  // Files arrive one by one (the browser reads them asynchronously): the review is built
  // again over all of them, so conflicts between files show as soon as both are in.
  review_ = BuildMergeReview(editor_.index(), ui_.year, returnFiles_, returnMessages_, IsoDate(NowUtc()));
  ui_.showMergeReview = true;
  RequestFrames(2);
}

void App::ApplyReview() {
  if (!review_) return;
  MergeCounts c = review_->Counts();
  if (auto cmd = ApplyMerge(*review_)) editor_.Execute(std::move(cmd));
  ui_.notice = std::string(Tr("returnsMerged")) + ": " + std::to_string(c.changed) + " " + Tr("changedCount");
  CloseReview();
}

void App::CloseReview() {
  review_.reset();
  returnFiles_.clear();
  returnMessages_.clear();
  ui_.showMergeReview = false;
  RequestFrames();
}

}  // namespace azplan::ui
