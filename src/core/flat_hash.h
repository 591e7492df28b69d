// An insert-only hash map in two flat arrays, for the lookups a plan's load makes once per
// node (the validator's codes, ids and agency references, the index's ids and agencies).
//
// Why not std::unordered_map: it allocates a node per entry, takes a modulo per lookup and
// hashes through several calls. On a 10,000-measure plan that is ~100,000 lookups at
// start, and a browser runs them in its baseline WebAssembly tier, where each call and
// allocation costs several times what it does natively. Here an entry is one slot in a
// power-of-two table (linear probing) and the key's bytes are hashed eight at a time.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace azplan {

// A 64-bit hash of bytes, eight at a time (the tail byte by byte, without a memcpy call).
inline uint64_t HashBytes(const char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  for (; n >= 8; n -= 8, p += 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  h = (h ^ w) * 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

struct StringViewHash {
  uint64_t operator()(std::string_view s) const { return HashBytes(s.data(), s.size()); }
};

template <class Key, class Value, class Hash = StringViewHash, class Eq = std::equal_to<Key>>
class FlatMap {
 public:
  // Room for `n` entries without growing.
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > slots_.size()) Rehash(cap);
    entries_.reserve(n);
  }

  // Adds key → value unless the key is there: the entry's value and whether it was added.
  std::pair<Value*, bool> Emplace(const Key& key, Value value) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const uint64_t h = Hash()(key);
    Slot& slot = slots_[Probe(key, h)];
    if (slot.index != 0) return {&entries_[slot.index - 1].second, false};
    entries_.emplace_back(key, std::move(value));
    slot = {Tag(h), static_cast<uint32_t>(entries_.size())};
    return {&entries_.back().second, true};
  }

  // The key's value, or null.
  const Value* Find(const Key& key) const {
    if (entries_.empty()) return nullptr;
    const Slot& slot = slots_[Probe(key, Hash()(key))];
    return slot.index != 0 ? &entries_[slot.index - 1].second : nullptr;
  }

  bool Contains(const Key& key) const { return Find(key) != nullptr; }
  size_t Size() const { return entries_.size(); }

  void Clear() {
    slots_.clear();
    entries_.clear();
    mask_ = 0;
  }

 private:
  // The hash's high bits, compared before the keys: most probes that miss stop there.
  struct Slot {
    uint32_t tag;
    uint32_t index;  // entries_[index - 1]; 0: empty
  };

  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }

  // The slot that holds the key, or the empty one where it would go (the table is never full).
  size_t Probe(const Key& key, uint64_t h) const {
    const uint32_t tag = Tag(h);
    size_t s = static_cast<size_t>(h) & mask_;
    for (;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == 0 || (slot.tag == tag && Eq()(entries_[slot.index - 1].first, key))) return s;
    }
  }

  void Rehash(size_t cap) {
    slots_.assign(cap, Slot{0, 0});
    mask_ = cap - 1;
    for (size_t i = 0; i < entries_.size(); ++i) {
      const uint64_t h = Hash()(entries_[i].first);
      size_t s = static_cast<size_t>(h) & mask_;
      while (slots_[s].index != 0) s = (s + 1) & mask_;
      slots_[s] = {Tag(h), static_cast<uint32_t>(i + 1)};
    }
  }

  std::vector<Slot> slots_;
  std::vector<std::pair<Key, Value>> entries_;
  size_t mask_ = 0;
};

// A set: the map without values.
template <class Key, class Hash = StringViewHash, class Eq = std::equal_to<Key>>
class FlatSet {
 public:
  void Reserve(size_t n) { map_.Reserve(n); }
  bool Insert(const Key& key) { return map_.Emplace(key, Empty{}).second; }
  bool Contains(const Key& key) const { return map_.Contains(key); }
  size_t Size() const { return map_.Size(); }

 private:
  struct Empty {};
  FlatMap<Key, Empty, Hash, Eq> map_;
};

}  // namespace azplan
