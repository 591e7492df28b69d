#include "core/editor.h"

#include <algorithm>

namespace azplan {

Editor::Editor() { index_.Build(plan_); }

Editor::Editor(Plan plan) : plan_(std::move(plan)) { index_.Build(plan_); }

void Editor::Reset(Plan plan) {
  plan_ = std::move(plan);
  index_.Build(plan_);
  done_.clear();
  undone_.clear();
  cleanAt_ = 0;
  cleanLost_ = false;
  ++revision_;
  changedOther_ = true;
  changedNodes_.clear();
  for (auto& l : listeners_) l(PlanChange::Replaced);
}

void Editor::MarkClean() {
  cleanAt_ = static_cast<long>(done_.size());
  cleanLost_ = false;
  ++revision_;
}

bool Editor::TakeChangedNodes(std::vector<std::string>& ids) {
  bool known = !changedOther_;
  if (known) ids.insert(ids.end(), changedNodes_.begin(), changedNodes_.end());
  changedNodes_.clear();
  changedOther_ = false;
  return known;
}

void Editor::Changed(const Command& cmd) {
  const bool structural = cmd.Structural();
  std::vector<std::string> nodes;
  const bool known = cmd.ChangedNodes(nodes);
  if (!changedOther_ && !known) {
    changedOther_ = true;
    changedNodes_.clear();
  }
  if (!changedOther_) changedNodes_.insert(changedNodes_.end(), nodes.begin(), nodes.end());
  // Node pointers in the index stay valid unless the hierarchy changed. The statuses and
  // leads the figures read from the index: of the nodes the command names, or of all.
  if (structural) index_.Build(plan_);
  else if (!known || !index_.RefreshContent(nodes)) index_.RefreshContent();
  ++revision_;
  for (auto& l : listeners_) l(structural ? PlanChange::Structure : PlanChange::Content);
}

bool Editor::Execute(std::unique_ptr<Command> cmd) {
  if (!cmd || !cmd->Apply(*this)) return false;
  // A new branch of history: the clean state can no longer be reached by redo.
  if (cleanAt_ > static_cast<long>(done_.size())) cleanLost_ = true;
  undone_.clear();
  done_.push_back(std::move(cmd));
  Changed(*done_.back());
  return true;
}

bool Editor::Undo() {
  if (done_.empty()) return false;
  auto cmd = std::move(done_.back());
  done_.pop_back();
  cmd->Revert(*this);
  undone_.push_back(std::move(cmd));
  Changed(*undone_.back());
  return true;
}

bool Editor::Redo() {
  if (undone_.empty()) return false;
  auto cmd = std::move(undone_.back());
  undone_.pop_back();
  if (!cmd->Apply(*this)) return false;
  done_.push_back(std::move(cmd));
  Changed(*done_.back());
  return true;
}

Node* Editor::FindNode(const std::string& id) {
  int i = index_.Find(id);
  return i < 0 ? nullptr : const_cast<Node*>(index_[i].node);
}

Document* Editor::FindDocument(const std::string& id) {
  for (auto& d : plan_.documents)
    if (d.id == id) return &d;
  return nullptr;
}

Kpi* Editor::FindKpi(const std::string& id) {
  for (auto& k : plan_.kpis)
    if (k.id == id) return &k;
  return nullptr;
}

bool Editor::Locate(const std::string& id, std::vector<Node>*& siblings, size_t& pos) {
  int i = index_.Find(id);
  if (i < 0) return false;
  const auto& item = index_[i];
  siblings = item.parent < 0 ? &plan_.documents[static_cast<size_t>(item.doc)].nodes
                             : &const_cast<Node*>(index_[item.parent].node)->children;
  pos = static_cast<size_t>(item.node - siblings->data());
  return pos < siblings->size();
}

std::vector<Node>* Editor::ChildList(const std::string& parentId, const std::string& documentId) {
  if (parentId.empty()) {
    Document* d = FindDocument(documentId);
    return d ? &d->nodes : nullptr;
  }
  Node* n = FindNode(parentId);
  return n ? &n->children : nullptr;
}

namespace {

// Swaps a node's own fields (children kept) between the plan and a stored copy.
class EditNodeCommand : public Command {
 public:
  EditNodeCommand(std::string id, Node after, std::string label)
      : id_(std::move(id)), after_(std::move(after)), label_(std::move(label)) {}
  bool Apply(Editor& e) override {
    Node* n = e.FindNode(id_);
    if (!n) return false;
    before_ = *n;
    before_.children.clear();
    auto children = std::move(n->children);
    *n = after_;
    n->children = std::move(children);
    return true;
  }
  void Revert(Editor& e) override {
    Node* n = e.FindNode(id_);
    if (!n) return;
    auto children = std::move(n->children);
    *n = before_;
    n->children = std::move(children);
  }
  // Code and id decide how the node is found, and the index caches effective periods
  // (inherited by descendants), so any of those changes rebuilds it.
  bool Structural() const override {
    return before_.code != after_.code || before_.id != after_.id || !(before_.period == after_.period) ||
           before_.kind != after_.kind;
  }
  bool ChangedNodes(std::vector<std::string>& ids) const override {
    if (Structural()) return false;
    ids.push_back(id_);
    return true;
  }
  std::string Label() const override { return label_; }

 private:
  std::string id_;
  Node before_, after_;
  std::string label_;
};

// Status and note edits only touch one assessment, so they are stored as such.
class AssessmentCommand : public Command {
 public:
  AssessmentCommand(std::string id, int year, std::function<void(Assessment&)> change, std::string label)
      : id_(std::move(id)), year_(year), change_(std::move(change)), label_(std::move(label)) {}
  bool Apply(Editor& e) override {
    Node* n = e.FindNode(id_);
    if (!n) return false;
    const Assessment* old = n->AssessmentFor(year_);
    had_ = old != nullptr;
    if (old) before_ = *old;
    Assessment& a = n->AssessmentForEdit(year_);
    change_(a);
    // An assessment left with nothing in it is removed, so files stay clean.
    if (!a.HasContent()) Remove(*n);
    return true;
  }
  void Revert(Editor& e) override {
    Node* n = e.FindNode(id_);
    if (!n) return;
    if (had_) n->AssessmentForEdit(year_) = before_;
    else Remove(*n);
  }
  bool ChangedNodes(std::vector<std::string>& ids) const override {
    ids.push_back(id_);
    return true;
  }
  std::string Label() const override { return label_; }

 private:
  void Remove(Node& n) {
    n.assessments.erase(std::remove_if(n.assessments.begin(), n.assessments.end(),
                                       [&](const Assessment& a) { return a.year == year_; }),
                        n.assessments.end());
  }
  std::string id_;
  int year_;
  std::function<void(Assessment&)> change_;
  std::string label_;
  bool had_ = false;
  Assessment before_;
};

// Sets (value) or removes (nullopt) an indicator's measured value for one year, keeping
// the list sorted by year.
class MeasuredCommand : public Command {
 public:
  MeasuredCommand(std::string kpiId, int year, std::optional<KpiValue> value, std::string label)
      : id_(std::move(kpiId)), year_(year), value_(std::move(value)), label_(std::move(label)) {}
  bool Apply(Editor& e) override {
    Kpi* k = e.FindKpi(id_);
    if (!k || year_ <= 0) return false;
    const KpiValue* old = k->MeasuredFor(year_);
    before_ = old ? std::optional<KpiValue>(*old) : std::nullopt;
    if (!value_ && !before_) return false;  // nothing to clear
    if (value_ && before_ && *before_ == *value_) return false;  // the same value again: no edit
    Put(*k, value_);
    return true;
  }
  void Revert(Editor& e) override {
    if (Kpi* k = e.FindKpi(id_)) Put(*k, before_);
  }
  std::string Label() const override { return label_; }

 private:
  void Put(Kpi& k, const std::optional<KpiValue>& v) {
    auto& m = k.measured;
    m.erase(std::remove_if(m.begin(), m.end(), [&](const KpiValue& x) { return x.year == year_; }), m.end());
    if (!v) return;
    auto at = std::find_if(m.begin(), m.end(), [&](const KpiValue& x) { return x.year > year_; });
    m.insert(at, *v)->year = year_;
  }
  std::string id_;
  int year_;
  std::optional<KpiValue> value_, before_;
  std::string label_;
};

class EditDocumentCommand : public Command {
 public:
  EditDocumentCommand(std::string id, Document after) : id_(std::move(id)), after_(std::move(after)) {}
  bool Apply(Editor& e) override {
    Document* d = e.FindDocument(id_);
    if (!d) return false;
    before_ = *d;
    before_.nodes.clear();
    auto nodes = std::move(d->nodes);
    *d = after_;
    d->nodes = std::move(nodes);
    return true;
  }
  void Revert(Editor& e) override {
    Document* d = e.FindDocument(after_.id);
    if (!d) return;
    auto nodes = std::move(d->nodes);
    *d = before_;
    d->nodes = std::move(nodes);
  }
  bool Structural() const override { return true; }  // ids and periods may change
  std::string Label() const override { return "editDocument"; }

 private:
  std::string id_;
  Document before_, after_;
};

class AddNodeCommand : public Command {
 public:
  AddNodeCommand(std::string doc, std::string parent, size_t pos, Node node)
      : doc_(std::move(doc)), parent_(std::move(parent)), pos_(pos), node_(std::move(node)) {}
  bool Apply(Editor& e) override {
    auto* list = e.ChildList(parent_, doc_);
    if (!list) return false;
    pos_ = std::min(pos_, list->size());
    list->insert(list->begin() + static_cast<long>(pos_), node_);
    return true;
  }
  void Revert(Editor& e) override {
    auto* list = e.ChildList(parent_, doc_);
    if (list && pos_ < list->size()) list->erase(list->begin() + static_cast<long>(pos_));
  }
  bool Structural() const override { return true; }
  std::string Label() const override { return "addNode"; }

 private:
  std::string doc_, parent_;
  size_t pos_;
  Node node_;
};

class DeleteNodeCommand : public Command {
 public:
  explicit DeleteNodeCommand(std::string id) : id_(std::move(id)) {}
  bool Apply(Editor& e) override {
    int i = e.index().Find(id_);
    if (i < 0) return false;
    const auto& item = e.index()[i];
    doc_ = e.plan().documents[static_cast<size_t>(item.doc)].id;
    parent_ = item.parent < 0 ? std::string() : e.index()[item.parent].id;
    std::vector<Node>* list;
    if (!e.Locate(id_, list, pos_)) return false;
    removed_ = std::move((*list)[pos_]);
    list->erase(list->begin() + static_cast<long>(pos_));
    return true;
  }
  void Revert(Editor& e) override {
    auto* list = e.ChildList(parent_, doc_);
    if (list) list->insert(list->begin() + static_cast<long>(std::min(pos_, list->size())), removed_);
  }
  bool Structural() const override { return true; }
  std::string Label() const override { return "deleteNode"; }

 private:
  std::string id_, doc_, parent_;
  size_t pos_ = 0;
  Node removed_;
};

class MoveNodeCommand : public Command {
 public:
  MoveNodeCommand(std::string id, std::string newParent, size_t pos)
      : id_(std::move(id)), newParent_(std::move(newParent)), newPos_(pos) {}
  bool Apply(Editor& e) override {
    int i = e.index().Find(id_);
    if (i < 0) return false;
    const auto& item = e.index()[i];
    // A node cannot move into its own subtree.
    if (!newParent_.empty()) {
      int p = e.index().Find(newParent_);
      if (p < 0 || (p >= i && p < item.end)) return false;
      if (e.index()[p].doc != item.doc) return false;
    }
    doc_ = e.plan().documents[static_cast<size_t>(item.doc)].id;
    oldParent_ = item.parent < 0 ? std::string() : e.index()[item.parent].id;
    std::vector<Node>* list;
    if (!e.Locate(id_, list, oldPos_)) return false;
    Node moving = std::move((*list)[oldPos_]);
    list->erase(list->begin() + static_cast<long>(oldPos_));
    e.RebuildIndex();  // siblings after the removed node have moved in memory
    auto* target = e.ChildList(newParent_, doc_);
    if (!target) {
      list->insert(list->begin() + static_cast<long>(oldPos_), std::move(moving));
      e.RebuildIndex();
      return false;
    }
    appliedPos_ = std::min(newPos_, target->size());
    target->insert(target->begin() + static_cast<long>(appliedPos_), std::move(moving));
    return true;
  }
  void Revert(Editor& e) override {
    auto* target = e.ChildList(newParent_, doc_);
    if (!target || appliedPos_ >= target->size()) return;
    Node moving = std::move((*target)[appliedPos_]);
    target->erase(target->begin() + static_cast<long>(appliedPos_));
    e.RebuildIndex();
    auto* list = e.ChildList(oldParent_, doc_);
    if (list) list->insert(list->begin() + static_cast<long>(std::min(oldPos_, list->size())), std::move(moving));
  }
  bool Structural() const override { return true; }
  std::string Label() const override { return "moveNode"; }

 private:
  std::string id_, newParent_, doc_, oldParent_;
  size_t newPos_, oldPos_ = 0, appliedPos_ = 0;
};

class BatchCommand : public Command {
 public:
  BatchCommand(std::string label, std::vector<std::unique_ptr<Command>> cmds)
      : label_(std::move(label)), cmds_(std::move(cmds)) {}
  bool Apply(Editor& e) override {
    size_t applied = 0;
    for (auto& c : cmds_) {
      if (!c->Apply(e)) break;
      ++applied;
      if (c->Structural()) e.RebuildIndex();
    }
    if (applied == cmds_.size()) return true;
    for (size_t k = applied; k-- > 0;) cmds_[k]->Revert(e);  // all or nothing
    return false;
  }
  void Revert(Editor& e) override {
    for (size_t k = cmds_.size(); k-- > 0;) {
      cmds_[k]->Revert(e);
      if (cmds_[k]->Structural()) e.RebuildIndex();
    }
  }
  bool Structural() const override {
    return std::any_of(cmds_.begin(), cmds_.end(), [](const auto& c) { return c->Structural(); });
  }
  bool ChangedNodes(std::vector<std::string>& ids) const override {
    for (const auto& c : cmds_)
      if (!c->ChangedNodes(ids)) return false;
    return true;
  }
  std::string Label() const override { return label_; }

 private:
  std::string label_;
  std::vector<std::unique_ptr<Command>> cmds_;
};

}  // namespace

std::unique_ptr<Command> SetStatus(std::string nodeId, int year, std::optional<Status> status) {
  return std::make_unique<AssessmentCommand>(
      std::move(nodeId), year, [status](Assessment& a) { a.status = status; }, "setStatus");
}

std::unique_ptr<Command> SetNote(std::string nodeId, int year, std::string note) {
  return std::make_unique<AssessmentCommand>(
      std::move(nodeId), year, [note = std::move(note)](Assessment& a) { a.note = note; }, "setNote");
}

std::unique_ptr<Command> SetMeasured(std::string kpiId, KpiValue value) {
  const int year = value.year;
  return std::make_unique<MeasuredCommand>(std::move(kpiId), year, std::move(value), "setMeasured");
}

std::unique_ptr<Command> ClearMeasured(std::string kpiId, int year) {
  return std::make_unique<MeasuredCommand>(std::move(kpiId), year, std::nullopt, "clearMeasured");
}

std::unique_ptr<Command> SetAssessment(std::string nodeId, int year, Assessment value) {
  value.year = year;
  return std::make_unique<AssessmentCommand>(
      std::move(nodeId), year, [value = std::move(value)](Assessment& a) { a = value; }, "setAssessment");
}

std::unique_ptr<Command> EditNode(std::string nodeId, Node fields) {
  fields.children.clear();
  return std::make_unique<EditNodeCommand>(std::move(nodeId), std::move(fields), "editNode");
}

std::unique_ptr<Command> EditDocument(std::string documentId, Document fields) {
  fields.nodes.clear();
  return std::make_unique<EditDocumentCommand>(std::move(documentId), std::move(fields));
}

std::unique_ptr<Command> AddNode(std::string documentId, std::string parentId, size_t position, Node node) {
  return std::make_unique<AddNodeCommand>(std::move(documentId), std::move(parentId), position, std::move(node));
}

std::unique_ptr<Command> DeleteNode(std::string nodeId) {
  return std::make_unique<DeleteNodeCommand>(std::move(nodeId));
}

std::unique_ptr<Command> MoveNode(std::string nodeId, std::string newParentId, size_t position) {
  return std::make_unique<MoveNodeCommand>(std::move(nodeId), std::move(newParentId), position);
}

std::unique_ptr<Command> Batch(std::string label, std::vector<std::unique_ptr<Command>> commands) {
  return std::make_unique<BatchCommand>(std::move(label), std::move(commands));
}

}  // namespace azplan
