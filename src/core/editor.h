// Every change to a plan is a command that can be undone and redone. The editor owns
// the plan and its index, keeps the dirty flag, and tells listeners what changed.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/plan_index.h"

namespace azplan {

class Editor;

class Command {
 public:
  virtual ~Command() = default;
  // Returns false when the command no longer applies (e.g. the node is gone).
  virtual bool Apply(Editor& editor) = 0;
  virtual void Revert(Editor& editor) = 0;
  virtual bool Structural() const { return false; }  // changes the hierarchy (index rebuild)
  // Appends the index ids of the nodes whose own fields (children aside) are all this
  // command changes, applied or reverted, and returns true; false when it changes
  // anything else. Lets the autosave journal record just those nodes; the default makes
  // it write the whole plan, which is always safe.
  virtual bool ChangedNodes(std::vector<std::string>& ids) const { return false; }
  // A key such as "setStatus"; the UI translates it (src/ui/strings).
  virtual std::string Label() const = 0;
};

enum class PlanChange { Content, Structure, Replaced };

class Editor {
 public:
  Editor();
  explicit Editor(Plan plan);

  const Plan& plan() const { return plan_; }
  const PlanIndex& index() const { return index_; }
  bool Dirty() const { return cleanAt_ != static_cast<long>(done_.size()) || cleanLost_; }
  void MarkClean();
  // The plan differs from any saved file (e.g. a restored working copy).
  void MarkUnsaved() {
    cleanLost_ = true;
    ++revision_;
  }
  // Replaces the whole plan (open file); clears history.
  void Reset(Plan plan);

  bool Execute(std::unique_ptr<Command> cmd);
  bool CanUndo() const { return !done_.empty(); }
  bool CanRedo() const { return !undone_.empty(); }
  bool Undo();
  bool Redo();
  std::string UndoLabel() const { return done_.empty() ? std::string() : done_.back()->Label(); }
  std::string RedoLabel() const { return undone_.empty() ? std::string() : undone_.back()->Label(); }
  // Increases on every change; views compare it to know when to recompute.
  unsigned long Revision() const { return revision_; }

  // What changed since the last call (for the autosave journal): appends the ids of the
  // nodes whose own fields changed and returns true, or returns false when something else
  // changed too (the hierarchy, a document, the whole plan): then write everything.
  bool TakeChangedNodes(std::vector<std::string>& ids);

  using Listener = std::function<void(PlanChange)>;
  void OnChange(Listener l) { listeners_.push_back(std::move(l)); }

  // Access for commands. After changing the hierarchy a command calls RebuildIndex
  // before looking anything else up.
  void RebuildIndex() { index_.Build(plan_); }
  Node* FindNode(const std::string& id);
  Document* FindDocument(const std::string& id);
  Kpi* FindKpi(const std::string& id);
  // Where a node sits: its sibling list and position.
  bool Locate(const std::string& id, std::vector<Node>*& siblings, size_t& pos);
  std::vector<Node>* ChildList(const std::string& parentId, const std::string& documentId);

 private:
  void Changed(const Command& cmd);
  Plan plan_;
  PlanIndex index_;
  std::vector<std::unique_ptr<Command>> done_, undone_;
  long cleanAt_ = 0;
  bool cleanLost_ = false;  // the clean state was dropped from redo history
  unsigned long revision_ = 0;
  std::vector<std::string> changedNodes_;
  bool changedOther_ = false;
  std::vector<Listener> listeners_;
};

// ---- commands ---------------------------------------------------------------------------

// Status of a measure or sub-measure for a year; nullopt removes the status (pending).
std::unique_ptr<Command> SetStatus(std::string nodeId, int year, std::optional<Status> status);
std::unique_ptr<Command> SetNote(std::string nodeId, int year, std::string note);
// Replaces the whole assessment for `year` (status, texts, provenance): merging returns.
std::unique_ptr<Command> SetAssessment(std::string nodeId, int year, Assessment value);
// Replaces a node's own fields (children untouched) with `fields`.
std::unique_ptr<Command> EditNode(std::string nodeId, Node fields);
std::unique_ptr<Command> EditDocument(std::string documentId, Document fields);  // nodes untouched
// Inserts `node` under parent (or at the document's top level when parentId is empty).
std::unique_ptr<Command> AddNode(std::string documentId, std::string parentId, size_t position, Node node);
std::unique_ptr<Command> DeleteNode(std::string nodeId);
std::unique_ptr<Command> MoveNode(std::string nodeId, std::string newParentId, size_t position);
// Records the value measured for an indicator in value.year (replacing one already there);
// ClearMeasured removes it. Both undo to the previous value.
std::unique_ptr<Command> SetMeasured(std::string kpiId, KpiValue value);
std::unique_ptr<Command> ClearMeasured(std::string kpiId, int year);
// Several commands that undo as one (bulk status change).
std::unique_ptr<Command> Batch(std::string label, std::vector<std::unique_ptr<Command>> commands);

}  // namespace azplan
