// The JSON grammar under the plan reader (plan_reader.cpp): one pass over the text, no
// DOM, strict JSON with the checks the precheck and the JSON parser make (UTF-8, nesting
// depth, text size, syntax). On anything wrong it only records where it stopped (Ok()
// false); the reader then reports the problem with the precheck's and parser's messages.
// Header-only and included by the reader alone, so its loops inline into the reader.
#pragma once
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/plan.h"
#include "core/plan_json.h"
#include "core/text.h"

namespace azplan::json_scan {

// What a value is, as far as the messages care ("expected a string, found an integer").
enum class Kind : unsigned char { Null, Boolean, Integer, Number, String, Array, Object, Invalid };

inline const char* KindName(Kind k) {
  switch (k) {
    case Kind::Null: return "null";
    case Kind::Object: return "an object";
    case Kind::Array: return "an array";
    case Kind::String: return "a string";
    case Kind::Boolean: return "a boolean";
    case Kind::Integer: return "an integer";
    case Kind::Number: return "a number";
    default: return "a value";
  }
}

// The bytes at `p` as one unaligned word.
template <class Word>
inline Word LoadWord(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Whether an object's key is `lit`, compared with a few word loads instead of a memcmp
// call: WebAssembly has no inline expansion of memcmp, and a plan's load compares ~300,000
// keys, in the browser's baseline tier at first.
template <size_t N>
inline bool KeyIs(std::string_view key, const char (&lit)[N]) {
  constexpr size_t n = N - 1;
  if (key.size() != n) return false;
  const char* k = key.data();
  if constexpr (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8)
      if (LoadWord<uint64_t>(k + i) != LoadWord<uint64_t>(lit + i)) return false;
    return LoadWord<uint64_t>(k + n - 8) == LoadWord<uint64_t>(lit + n - 8);  // the tail, overlapping
  } else if constexpr (n >= 4) {
    return LoadWord<uint32_t>(k) == LoadWord<uint32_t>(lit) && LoadWord<uint32_t>(k + n - 4) == LoadWord<uint32_t>(lit + n - 4);
  } else {
    for (size_t i = 0; i < n; ++i)
      if (k[i] != lit[i]) return false;
    return true;
  }
}

// Bytes a string scan must stop at: the quote, a backslash, control characters and the
// first byte of every multi-byte UTF-8 sequence (validated in place).
struct StopTable {
  bool stop[256];
  constexpr StopTable() : stop() {
    for (int c = 0; c < 256; ++c) stop[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
inline constexpr StopTable kStop;

// A parsed JSON number.
struct Num {
  bool negative = false, isFloat = false;
  unsigned long long u = 0;  // magnitude of an integer
  long long i = 0;           // value of an integer that fits
  double d = 0;
  std::string Text() const { return negative ? std::to_string(i) : std::to_string(u); }
};

class Scanner {
 public:
  Scanner(std::string_view text, const LoadLimits& limits) : s_(text), n_(text.size()), limits_(limits) {}

  bool Ok() const { return !bad_; }
  size_t BadAt() const { return badAt_; }

 protected:
  void Fail(size_t at) {
    if (!bad_) {
      bad_ = true;
      badAt_ = at;
    }
  }


  // Saved plans are indented, so runs of spaces are skipped eight at a time.
  void Ws() {
    const char* p = s_.data() + i_;
    const char* const e = s_.data() + n_;
    for (;;) {
      while (e - p >= 8 && LoadWord<uint64_t>(p) == 0x2020202020202020ull) p += 8;
      if (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
        ++p;
        continue;
      }
      break;
    }
    i_ = static_cast<size_t>(p - s_.data());
  }

  // Only whitespace may follow the plan.
  void End() {
    if (bad_) return;
    Ws();
    if (i_ != n_) Fail(i_);
  }

  char Peek() const { return i_ < n_ ? s_[i_] : '\0'; }

  // One UTF-8 sequence starting at i_ (a byte >= 0x80), validated as the precheck does.
  bool Utf8() {
    const unsigned char c = static_cast<unsigned char>(s_[i_]);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i_ + len > n_) return false;
    const unsigned char c1 = static_cast<unsigned char>(s_[i_ + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s_[i_ + k]) & 0xC0) != 0x80) return false;
    i_ += len;
    return true;
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool Hex4(unsigned& out) {
    if (i_ + 4 > n_) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      int h = Hex(s_[i_ + static_cast<size_t>(k)]);
      if (h < 0) return false;
      out = out * 16 + static_cast<unsigned>(h);
    }
    i_ += 4;
    return true;
  }

  // A string at i_ (which is '"'). `out` views the text when there are no escapes,
  // else `scratch`. False (and bad_) on any error.
  bool String(std::string_view& out, std::string& scratch) {
    const size_t open = i_++;
    size_t chunk = i_;
    bool escaped = false;
    for (;;) {
      // Eight plain ASCII bytes at a time (none a quote, backslash, control or >= 0x80).
      while (n_ - i_ >= 8) {
        const uint64_t w = LoadWord<uint64_t>(s_.data() + i_), ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        const uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
        const uint64_t special = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | ((w - ones * 0x20) & ~w) | w;
        if (special & high) break;
        i_ += 8;
      }
      while (i_ < n_ && !kStop.stop[static_cast<unsigned char>(s_[i_])]) ++i_;
      if (i_ >= n_) return Fail(i_), false;
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') break;
      if (c >= 0x80) {
        if (c >= 0xC2 && c <= 0xDF && i_ + 1 < n_ && (static_cast<unsigned char>(s_[i_ + 1]) & 0xC0) == 0x80) {
          i_ += 2;  // the common case: a two-byte letter (ə, ş, ı, ...)
          continue;
        }
        if (!Utf8()) return Fail(i_), false;
        continue;
      }
      if (c != '\\') return Fail(i_), false;  // a control character
      if (!escaped) {
        scratch.clear();
        escaped = true;
      }
      scratch.append(s_.data() + chunk, i_ - chunk);
      if (++i_ >= n_) return Fail(i_), false;
      const char e = s_[i_++];
      switch (e) {
        case '"': scratch += '"'; break;
        case '\\': scratch += '\\'; break;
        case '/': scratch += '/'; break;
        case 'b': scratch += '\b'; break;
        case 'f': scratch += '\f'; break;
        case 'n': scratch += '\n'; break;
        case 'r': scratch += '\r'; break;
        case 't': scratch += '\t'; break;
        case 'u': {
          unsigned cp;
          if (!Hex4(cp)) return Fail(i_), false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail(i_), false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo;
            if (i_ + 2 > n_ || s_[i_] != '\\' || s_[i_ + 1] != 'u') return Fail(i_), false;
            i_ += 2;
            if (!Hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return Fail(i_), false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(scratch, static_cast<char32_t>(cp));
          break;
        }
        default: return Fail(i_), false;
      }
      chunk = i_;
    }
    if (i_ - open > limits_.maxStringBytes) return Fail(open), false;
    if (escaped) {
      scratch.append(s_.data() + chunk, i_ - chunk);
      out = scratch;
    } else {
      out = s_.substr(chunk, i_ - chunk);
    }
    ++i_;
    return true;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return Fail(i_), false;
    i_ += word.size();
    return true;
  }

  bool Digits() {
    const size_t b = i_;
    while (i_ < n_ && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > b;
  }

  // A number at i_, with the grammar and integer/float split of the JSON parser:
  // integers that do not fit 64 bits become doubles; a double that overflows is an error.
  bool Number(Num& num) {
    const size_t b = i_;
    if (Peek() == '-') {
      num.negative = true;
      ++i_;
    }
    if (Peek() == '0') ++i_;
    else if (!Digits()) return Fail(i_), false;
    bool isFloat = false;
    if (Peek() == '.') {
      ++i_;
      if (!Digits()) return Fail(i_), false;
      isFloat = true;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++i_;
      if (Peek() == '+' || Peek() == '-') ++i_;
      if (!Digits()) return Fail(i_), false;
      isFloat = true;
    }
    if (!isFloat) {
      unsigned long long u = 0;
      bool fits = true;
      for (size_t k = b + (num.negative ? 1 : 0); k < i_; ++k) {
        const unsigned d = static_cast<unsigned>(s_[k] - '0');
        if (u > (~0ull - d) / 10) {
          fits = false;
          break;
        }
        u = u * 10 + d;
      }
      const unsigned long long maxNeg = 9223372036854775808ull;
      if (fits && (!num.negative || u <= maxNeg)) {
        num.u = u;
        num.i = num.negative ? (u == maxNeg ? (-9223372036854775807ll - 1) : -static_cast<long long>(u))
                             : static_cast<long long>(u <= 9223372036854775807ull ? u : 9223372036854775807ull);
        num.d = num.negative ? static_cast<double>(num.i) : static_cast<double>(u);
        return true;
      }
    }
    // strtod follows the C locale's decimal point; the text always has '.'.
    std::string buf(s_.substr(b, i_ - b));
    const char* point = std::localeconv()->decimal_point;
    if (point && point[0] && point[0] != '.')
      for (char& c : buf)
        if (c == '.') c = point[0];
    num.d = std::strtod(buf.c_str(), nullptr);
    if (!std::isfinite(num.d)) return Fail(b), false;
    num.isFloat = true;
    return true;
  }

  bool Enter() {
    if (++depth_ > limits_.maxDepth) return Fail(i_), false;
    if (keyIndex_.size() <= static_cast<size_t>(depth_)) keyIndex_.resize(static_cast<size_t>(depth_) + 1);
    keyIndex_[static_cast<size_t>(depth_)].target = nullptr;
    return true;
  }

  // Adds key: value to `obj`, an object being read at the current depth. The ordered
  // map's own insert searches its keys one by one, which made an object of 200,000
  // unknown keys take minutes; past a few keys a hash index (one per depth, reset for
  // each object) finds duplicates instead. A duplicate keeps its first place and takes
  // the last value, as the JSON parser does.
  void Put(Json& obj, std::string_view key, Json&& value) {
    // The ordered map is a vector of pairs underneath; its own operator[] takes keys.
    auto& items = static_cast<Json::object_t::Container&>(obj.get_ref<Json::object_t&>());
    KeyIndex& ix = keyIndex_[static_cast<size_t>(depth_)];
    if (items.size() < 16 && ix.target != &obj) {
      for (auto& kv : items)
        if (kv.first == key) {
          kv.second = std::move(value);
          return;
        }
      items.emplace_back(std::string(key), std::move(value));
      return;
    }
    if (ix.target != &obj) {
      ix.target = &obj;
      ix.at.clear();
      for (size_t k = 0; k < items.size(); ++k) ix.at.emplace(items[k].first, k);
    }
    auto [it, inserted] = ix.at.emplace(std::string(key), items.size());
    if (inserted) items.emplace_back(it->first, std::move(value));
    else items[it->second].second = std::move(value);
  }

  // Reads an object at i_ ('{'), calling onKey(key, valueOffset) with i_ at each value;
  // onKey must read exactly that value.
  template <class Fn>
  void ObjectLoop(Fn onKey) {
    if (!Enter()) return;
    ++i_;
    Ws();
    if (Peek() == '}') {
      ++i_;
      --depth_;
      return;
    }
    for (;;) {
      if (Peek() != '"') return Fail(i_);
      std::string_view key;
      if (!String(key, keyScratch_)) return;
      Ws();
      if (Peek() != ':') return Fail(i_);
      ++i_;
      Ws();
      const size_t at = i_;
      if (at >= n_) return Fail(at);
      onKey(key, at);
      if (bad_) return;
      Ws();
      const char c = Peek();
      ++i_;
      if (c == '}') break;
      if (c != ',') return Fail(i_ - 1);
      Ws();
    }
    --depth_;
  }

  // Reads an array at i_ ('['), calling onElement(index) with i_ at each element.
  template <class Fn>
  void ArrayLoop(Fn onElement) {
    if (!Enter()) return;
    ++i_;
    Ws();
    if (Peek() == ']') {
      ++i_;
      --depth_;
      return;
    }
    for (size_t index = 0;; ++index) {
      if (i_ >= n_) return Fail(i_);
      onElement(index);
      if (bad_) return;
      Ws();
      const char c = Peek();
      ++i_;
      if (c == ']') break;
      if (c != ',') return Fail(i_ - 1);
      Ws();
    }
    --depth_;
  }

  // Reads any value, building it into `out` when given; returns its kind.
  Kind Skip(Json* out, Num* numOut = nullptr) {
    if (i_ >= n_) return Fail(i_), Kind::Invalid;
    switch (s_[i_]) {
      case '{': {
        if (out) *out = Json::object();
        ObjectLoop([&](std::string_view key, size_t) {
          if (!out) {
            Skip(nullptr);
            return;
          }
          std::string k(key);
          Json v;
          Skip(&v);
          if (!bad_) Put(*out, k, std::move(v));
        });
        return bad_ ? Kind::Invalid : Kind::Object;
      }
      case '[': {
        if (out) *out = Json::array();
        ArrayLoop([&](size_t) {
          if (!out) {
            Skip(nullptr);
            return;
          }
          Json v;
          Skip(&v);
          out->push_back(std::move(v));
        });
        return bad_ ? Kind::Invalid : Kind::Array;
      }
      case '"': {
        std::string_view v;
        if (!String(v, valueScratch_)) return Kind::Invalid;
        if (out) *out = std::string(v);
        return Kind::String;
      }
      case 't':
        if (!Literal("true")) return Kind::Invalid;
        if (out) *out = true;
        return Kind::Boolean;
      case 'f':
        if (!Literal("false")) return Kind::Invalid;
        if (out) *out = false;
        return Kind::Boolean;
      case 'n':
        if (!Literal("null")) return Kind::Invalid;
        if (out) *out = nullptr;
        return Kind::Null;
      default: {
        Num num;
        if (!Number(num)) return Kind::Invalid;
        if (out) {
          if (num.isFloat) *out = num.d;
          else if (num.negative) *out = static_cast<std::int64_t>(num.i);
          else *out = static_cast<std::uint64_t>(num.u);
        }
        if (numOut) *numOut = num;
        return num.isFloat ? Kind::Number : Kind::Integer;
      }
    }
  }


  std::string_view s_;
  size_t n_, i_ = 0;
  int depth_ = 0;
  bool bad_ = false;
  size_t badAt_ = 0;
  const LoadLimits& limits_;
  struct KeyIndex {
    const Json* target = nullptr;
    std::unordered_map<std::string, size_t> at;
  };
  std::vector<KeyIndex> keyIndex_;  // by depth
  std::string keyScratch_, valueScratch_;
};

}  // namespace azplan::json_scan
