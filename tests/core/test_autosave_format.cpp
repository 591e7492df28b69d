// The autosave record (core/autosave_format.h): what is written is read back whole, and
// a damaged, foreign or newer value is told apart so the app can set it aside instead of
// opening it or deleting it.
#include <doctest/doctest.h>

#include "core/autosave_format.h"
#include "core/plan.h"

using namespace azplan;

namespace {

AutosaveRecord Sample() {
  AutosaveRecord r;
  r.name = "Rəqəmsal İnkişaf — işçi nüsxə.json";
  r.planText = "{\"formatVersion\": 1, \"title\": \"Şəki, Gəncə, İsmayıllı\"}\n";
  r.year = 2019;
  return r;
}

AutosaveState Decode(const std::string& text) {
  AutosaveRecord r;
  return DecodeAutosave(text, r);
}

}  // namespace

TEST_CASE("autosave format: a record reads back whole, UTF-8 and all") {
  AutosaveRecord in = Sample(), out;
  REQUIRE(DecodeAutosave(EncodeAutosave(in), out) == AutosaveState::Valid);
  CHECK(out.name == in.name);
  CHECK(out.planText == in.planText);
  CHECK(out.year == 2019);
}

TEST_CASE("autosave format: quotes, backslashes, control characters and cut UTF-8 in the plan text survive") {
  AutosaveRecord in = Sample(), out;
  in.planText = std::string("{\"t\": \"a \\\"b\\\" c:\\\\d\"}\n\t\r\x01\x1f ə İ ı ✔") + "\n";
  REQUIRE(DecodeAutosave(EncodeAutosave(in), out) == AutosaveState::Valid);
  CHECK(out.planText == in.planText);
  // The same record as the JSON library writes it, key for key.
  Json a = Json::parse(EncodeAutosave(in));
  CHECK(a["plan"] == in.planText);
  CHECK(a["name"] == in.name);
  CHECK(a["year"] == 2019);
  // Text that is not valid UTF-8 (not SavePlan's) still gives a record that reads back.
  in.planText = "{\"t\": \"\xC3\"}";
  CHECK(Decode(EncodeAutosave(in)) != AutosaveState::None);
  CHECK_NOTHROW(Json::parse(EncodeAutosave(in)));
}

TEST_CASE("autosave format: the record is built in the plan text's own buffer, every byte escaped as JSON reads it") {
  AutosaveRecord in = Sample(), out;
  // Every ASCII byte, the Azerbaijani letters, and the escapes at both ends of the text.
  std::string text = "\"\n";
  for (int c = 1; c < 128; ++c) text += static_cast<char>(c);
  text += " Əə Ğğ Iı İi Öö Şş Üü Çç \\";
  in.planText = text;
  in.planText.reserve(AutosaveCapacity(text.size()));
  const char* buffer = in.planText.data();
  std::string checksum;
  const std::string record = EncodeAutosave(std::move(in), &checksum);
  CHECK(record.data() == buffer);  // no second copy of the plan
  CHECK(checksum == Checksum(text));
  REQUIRE(DecodeAutosave(record, out) == AutosaveState::Valid);
  CHECK(out.planText == text);
  CHECK(Json::parse(record)["plan"] == text);
  // A buffer without the room still gives the same record.
  AutosaveRecord tight = Sample();
  tight.planText = text;
  tight.planText.shrink_to_fit();
  CHECK(EncodeAutosave(std::move(tight)) == record);
}

TEST_CASE("autosave format: nothing stored is None, not damaged") {
  CHECK(Decode("") == AutosaveState::None);
}

TEST_CASE("autosave format: a changed plan text fails its checksum") {
  Json o = Json::parse(EncodeAutosave(Sample()));
  std::string plan = o["plan"];
  plan[plan.find("title")] = 'T';  // one byte of the plan changed after writing
  o["plan"] = plan;
  CHECK(Decode(o.dump()) == AutosaveState::Damaged);
}

TEST_CASE("autosave format: cut, not JSON, or missing parts is damaged") {
  const std::string whole = EncodeAutosave(Sample());
  CHECK(Decode(whole.substr(0, whole.size() / 2)) == AutosaveState::Damaged);
  CHECK(Decode("\x01\x02 not json") == AutosaveState::Damaged);
  CHECK(Decode("[1, 2]") == AutosaveState::Damaged);
  Json noSum = Json::parse(whole);
  noSum.erase("checksum");
  CHECK(Decode(noSum.dump()) == AutosaveState::Damaged);
  Json numberPlan = Json::parse(whole);
  numberPlan["plan"] = 5;
  CHECK(Decode(numberPlan.dump()) == AutosaveState::Damaged);
}

TEST_CASE("autosave format: another program's value is foreign; a newer azplan's is newer") {
  CHECK(Decode("{\"something\": \"else\"}") == AutosaveState::Foreign);
  Json o = Json::parse(EncodeAutosave(Sample()));
  o["azplanAutosave"] = "1";
  CHECK(Decode(o.dump()) == AutosaveState::Foreign);
  o["azplanAutosave"] = 0;
  CHECK(Decode(o.dump()) == AutosaveState::Foreign);
  o["azplanAutosave"] = 2;
  CHECK(Decode(o.dump()) == AutosaveState::Newer);
  o["azplanAutosave"] = 9999999999LL;  // not cut down to an int that looks older
  CHECK(Decode(o.dump()) == AutosaveState::Newer);
}

TEST_CASE("autosave format: the checksum stays what stored records were written with") {
  // FNV-1a 64 with an offset basis one digit short of the standard's (1469598103934665603,
  // not 14695981039346656037). Changing it now would make every stored working copy look
  // damaged, so it is pinned here.
  CHECK(Checksum("") == "14650fb0739d0383");
  CHECK(Checksum("a") == "44bd8ad473cd9906");
  CHECK(Checksum("ə") != Checksum("e"));
  CHECK(Checksum("ə").size() == 16);
}

TEST_CASE("autosave format: a record's fields are read without its plan, and only from a record of this version") {
  AutosaveRecord in = Sample(), head;
  in.dirty = false;
  // A name that spells the plan's key: inside a string it is escaped, never the key.
  in.name = "\",\"plan\":\"ə.json";
  std::string checksum;
  const std::string record = EncodeAutosave(in, &checksum);
  REQUIRE(PeekAutosave(record, head));
  CHECK(head.name == in.name);
  CHECK(head.year == 2019);
  CHECK_FALSE(head.dirty);
  CHECK(head.checksum == checksum);
  CHECK(head.planText.empty());
  in.dirty = true;
  REQUIRE(PeekAutosave(EncodeAutosave(in), head));
  CHECK(head.dirty);
  // Older records (no "dirty": all were edited plans) as the JSON library wrote them.
  Json old = Json::object();
  old["azplanAutosave"] = 1;
  old["name"] = "x.json";
  old["year"] = 2017;
  old["checksum"] = Checksum(in.planText);
  old["plan"] = in.planText;
  REQUIRE(PeekAutosave(old.dump(), head));
  CHECK(head.dirty);
  // Everything else is left to DecodeAutosave.
  for (const std::string& other : {std::string(), std::string("{ not json"), std::string("[1, 2]"),
                                    std::string(R"({"azplanAutosave":99,"checksum":"0","plan":"{}"})"),
                                    std::string(R"({"other":1,"plan":"{}"})"),
                                    std::string(R"({"azplanAutosave":1,"checksum":"0","dirty":"no","plan":"{}"})"),
                                    std::string(R"({"azplanAutosave":1,"plan":"{}"})"),
                                    std::string(R"({"azplanAutosave": 1, "checksum": "0"})")}) {
    CAPTURE(other);
    CHECK_FALSE(PeekAutosave(other, head));
  }
}
