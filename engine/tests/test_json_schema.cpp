// test_json_schema.cpp: the JSON Schema subset compiler (clear errors for bad or unsupported schemas), the byte
// automaton (valid prefixes, completeness, fewest bytes to complete) and the token constraint on hand-made
// vocabularies with multi-character tokens and tokens spanning structural characters such as "},{".
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "json_test_validator.h"
#include "lectern/generation.h"
#include "runtime/json_constraint.h"
#include "runtime/json_schema.h"
#include "runtime/json_schema_automaton.h"

using namespace lectern;
using namespace lectern::runtime;

namespace {

void expect_error(const char* schema, ErrorCode code, const std::string& fragment) {
  Status s = check_json_schema(schema);
  EXPECT_EQ(s.code(), code) << schema << " -> " << s.to_string();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
}

// Feeds text to a fresh automaton; -1 when every byte was accepted, else the index of the rejected byte.
struct Fed {
  int rejected_at = -1;
  bool complete = false;
  int32_t remaining = 0;
};
Fed feed(const CompiledSchema& schema, const std::string& text) {
  SchemaAutomaton a(schema);
  SchemaState s = a.initial();
  Fed f;
  for (size_t i = 0; i < text.size(); ++i)
    if (!a.step(s, static_cast<uint8_t>(text[i]))) {
      f.rejected_at = static_cast<int>(i);
      return f;
    }
  f.complete = a.complete(s);
  f.remaining = a.min_remaining(s);
  return f;
}

CompiledSchema compile(const std::string& text) {
  auto c = compile_json_schema(text);
  EXPECT_TRUE(c.is_ok()) << c.status().to_string();
  return c.is_ok() ? *c : CompiledSchema{};
}

const char* kPerson = R"({"type":"object","properties":{
  "name":{"type":"string","maxLength":5},
  "age":{"type":"integer"},
  "tags":{"type":"array","items":{"type":"string","enum":["a","bc"]},"minItems":1,"maxItems":2},
  "email":{"type":"string","format":"email"}},
  "required":["name","tags"],"additionalProperties":false})";

}  // namespace

TEST(JsonSchema, ErrorsNameTheProblem) {
  expect_error("{", ErrorCode::InvalidArgument, "not valid JSON");
  expect_error(R"({"type":"string","pattern":"a+"})", ErrorCode::Unsupported, "keyword \"pattern\" is not supported");
  expect_error(R"({"type":"object","properties":{"total":{"type":"number","minimum":0}}})", ErrorCode::Unsupported,
               "/properties/total: keyword \"minimum\"");
  expect_error(R"({"type":"string","format":"uri"})", ErrorCode::Unsupported, "format \"uri\" is not supported");
  expect_error(R"({"anyOf":[{"type":"string"},{"type":"string","maxLength":3}]})", ErrorCode::Unsupported,
               "anyOf alternatives must start differently");
  expect_error(R"({"anyOf":[{"type":"integer"},{"type":"number"}]})", ErrorCode::Unsupported, "alternative 1");
  expect_error(R"({"type":"object","properties":{"a":{"type":"string"}},"required":["b"]})",
               ErrorCode::InvalidArgument, "\"required\" names \"b\"");
  expect_error(R"({"type":"array"})", ErrorCode::InvalidArgument, "needs \"items\"");
  expect_error(R"({"type":"string","minLength":4,"maxLength":2})", ErrorCode::InvalidArgument, "maxLength");
  expect_error(R"({"description":"no type"})", ErrorCode::InvalidArgument, "no \"type\"");
  expect_error(R"({"type":"strin"})", ErrorCode::InvalidArgument, "unknown type \"strin\"");
  expect_error(R"({"type":"integer","maxLength":3})", ErrorCode::InvalidArgument,
               "\"maxLength\" does not apply to type \"integer\"");
  expect_error(R"({"type":"object","additionalProperties":{"type":"string"}})", ErrorCode::Unsupported,
               "additionalProperties");
  expect_error("true", ErrorCode::Unsupported, "boolean schemas");
  expect_error(R"({"type":"array","items":{"type":"string"},"minItems":-1})", ErrorCode::InvalidArgument,
               "non-negative integer");
  EXPECT_TRUE(check_json_schema(kPerson).is_ok());
  EXPECT_TRUE(check_json_schema(R"({"type":["string","null"],"description":"x","title":"t"})").is_ok());
}

TEST(JsonSchema, AutomatonAcceptsValidAndRejectsInvalid) {
  const CompiledSchema person = compile(kPerson);
  // Properties in schema order; optional ones may be skipped.
  EXPECT_TRUE(feed(person, R"({"name":"Ann","tags":["a"]})").complete);
  EXPECT_TRUE(feed(person, R"({"name":"","age":-12,"tags":["bc","a"],"email":"a.b@c.de"})").complete);
  EXPECT_EQ(feed(person, R"({"tags":["a"]})").rejected_at, 2) << "required name first";
  EXPECT_EQ(feed(person, R"({"name":"Annabel")").rejected_at, 14) << "maxLength 5";
  EXPECT_EQ(feed(person, R"({"name":"A", "tags")").rejected_at, 12) << "no whitespace";
  EXPECT_EQ(feed(person, R"({"name":"A","tags":[]})").rejected_at, 20) << "minItems 1";
  EXPECT_EQ(feed(person, R"({"name":"A","tags":["a","a","a"]})").rejected_at, 27) << "maxItems 2";
  EXPECT_EQ(feed(person, R"({"name":"A","tags":["b"])").rejected_at, 22) << "enum";
  EXPECT_EQ(feed(person, R"({"name":"A","age":01)").rejected_at, 19) << "no leading zeros";
  EXPECT_EQ(feed(person, R"({"name":"A","age":1.5)").rejected_at, 19) << "integer";
  EXPECT_EQ(feed(person, R"({"name":"A","tags":["a"],"x")").rejected_at, 26) << "no extra properties";
  EXPECT_EQ(feed(person, R"({"name":"A","tags":["a"]}x)").rejected_at, 25) << "nothing after the value";
  EXPECT_EQ(feed(person, "{\"name\":\"\x01").rejected_at, 9) << "control characters";
  EXPECT_EQ(feed(person, "{\"name\":\"\xC3(").rejected_at, 10) << "broken UTF-8";
  EXPECT_EQ(feed(person, "{\"name\":\"\\u").rejected_at, 10) << "no \\u escapes";
  EXPECT_TRUE(feed(person, "{\"name\":\"\xC3\xA9\\n\xE2\x82\xAC\",\"tags\":[\"a\"]}").complete);

  // Fewest bytes to complete: {"name":"A" needs ,"tags":["a"]} = 14 bytes.
  EXPECT_EQ(feed(person, R"({"name":"A")").remaining, 14);
  EXPECT_EQ(feed(person, R"({)").remaining, 23);  // "name":"" , "tags":["a"] }
  EXPECT_EQ(feed(person, R"({"name":"A","tags":["a"])").remaining, 1);

  const CompiledSchema date = compile(R"({"type":"string","format":"date"})");
  EXPECT_TRUE(feed(date, R"("2024-02-28")").complete);
  EXPECT_EQ(feed(date, R"("2024-02-30")").rejected_at, 9);
  EXPECT_EQ(feed(date, R"("2024-04-31")").rejected_at, 10);
  EXPECT_EQ(feed(date, R"("2024-13)").rejected_at, 7);
  const CompiledSchema dt = compile(R"({"type":"string","format":"date-time"})");
  EXPECT_TRUE(feed(dt, R"("2024-01-31T23:59:59Z")").complete);
  EXPECT_TRUE(feed(dt, R"("2024-01-31T00:00:00.123+05:30")").complete);
  EXPECT_EQ(feed(dt, R"("2024-01-31T24)").rejected_at, 13);
  const CompiledSchema email = compile(R"({"type":"string","format":"email"})");
  EXPECT_EQ(feed(email, R"("a@b.c")").rejected_at, 6) << "top-level domain of two letters at least";
  EXPECT_EQ(feed(email, R"(".a@b.cd")").rejected_at, 1);
  EXPECT_EQ(feed(email, R"("a@b)").remaining, 4);  // .cd"

  const CompiledSchema nullable = compile(R"({"type":["number","null"]})");
  EXPECT_TRUE(feed(nullable, "null").complete);
  Fed num = feed(nullable, "-0.5");
  EXPECT_TRUE(num.complete) << "a top-level number is complete but may go on";
  EXPECT_EQ(feed(nullable, "-").remaining, 1);
  EXPECT_EQ(feed(nullable, "1.").rejected_at, -1);
  EXPECT_FALSE(feed(nullable, "1.").complete);
  EXPECT_EQ(feed(nullable, "1234567890123456").rejected_at, 15) << "at most 15 integer digits";
  const CompiledSchema lits = compile(R"({"enum":[1, 12, "x", true, null]})");
  EXPECT_TRUE(feed(lits, "1").complete);
  EXPECT_TRUE(feed(lits, "12").complete);
  EXPECT_EQ(feed(lits, "13").rejected_at, 1);
  EXPECT_TRUE(feed(lits, "true").complete);
}

namespace {

// A hand-made vocabulary: single bytes plus multi-character tokens, including ones that span structural
// characters; id 0 is the stop token.
std::vector<std::string> hand_vocab() {
  std::vector<std::string> v = {"<stop>"};
  for (int b = 1; b < 256; ++b) v.push_back(std::string(1, static_cast<char>(b)));
  for (const char* t : {"{\"", "\":\"", "\",\"", "\"},{\"", "\"}", "\"}]", "}]}", "},{", "name", "Ann", "abcdef",
                        "\":", "\":[", "[\"", "\"]", "\",", "true", "false", "null", "12", "\"a\"", "\xC3\xA9",
                        "\xC3", "\xA9t\xC3\xA9", "\"name\":\"", "hello world", " ", "\n", "\\n", "\\u00e9", "\"\"",
                        "2024-", "-01", "@ex", "ample.com", "-1.5", ".5"})
    v.push_back(t);
  return v;
}

std::set<std::string> allowed_strings(JsonConstraint& c, const std::vector<std::string>& vocab, int64_t remaining) {
  std::vector<uint32_t> bits;
  EXPECT_TRUE(c.allowed(bits, remaining).is_ok());
  std::set<std::string> out;
  for (size_t id = 0; id < vocab.size(); ++id)
    if ((bits[id >> 5] >> (id & 31)) & 1) out.insert(vocab[id]);
  return out;
}

std::shared_ptr<const JsonTokenTable> hand_table(const std::vector<std::string>& vocab) {
  const int32_t stop = 0;
  auto t = JsonTokenTable::from_bytes(vocab, std::span<const int32_t>(&stop, 1));
  EXPECT_TRUE(t.is_ok()) << t.status().to_string();
  return *t;
}

int32_t id_of(const std::vector<std::string>& vocab, const std::string& s) {
  for (size_t i = 0; i < vocab.size(); ++i)
    if (vocab[i] == s) return static_cast<int32_t>(i);
  ADD_FAILURE() << "no token " << s;
  return -1;
}

}  // namespace

TEST(JsonConstraint, MasksFollowTheAutomatonOnMultiByteTokens) {
  const auto vocab = hand_vocab();
  const auto table = hand_table(vocab);
  const char* schema = R"({"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}},
                         "required":["name"]},"maxItems":3})";
  auto c = JsonConstraint::create(table, schema);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  JsonConstraint& k = **c;
  EXPECT_EQ(allowed_strings(k, vocab, 100), (std::set<std::string>{"["}));
  ASSERT_TRUE(k.accept(id_of(vocab, "[")).is_ok());
  std::set<std::string> after_open = allowed_strings(k, vocab, 100);
  EXPECT_TRUE(after_open.count("{")) << "an item may start";
  EXPECT_TRUE(after_open.count("{\"")) << "a token spanning the brace and the key's quote";
  EXPECT_TRUE(after_open.count("]")) << "minItems 0";
  EXPECT_FALSE(after_open.count("[\""));
  EXPECT_FALSE(after_open.count("<stop>"));
  for (const char* t : {"{\"", "name", "\":\"", "Ann"}) ASSERT_TRUE(k.accept(id_of(vocab, t)).is_ok()) << t;
  std::set<std::string> in_string = allowed_strings(k, vocab, 100);
  for (const char* t : {"abcdef", "hello world", " ", "\\n", "\xC3\xA9", "\xC3", "\"}", "\"},{\"", "\"}]"})
    EXPECT_TRUE(in_string.count(t)) << "in a string: " << t;
  for (const char* t : {"\n", "\\u00e9", "\xA9t\xC3\xA9", "\",\"", "\"]", "<stop>", "\"name\":\""})
    EXPECT_FALSE(in_string.count(t)) << "in a string: " << t;
  // Half a character: only its continuation can follow.
  ASSERT_TRUE(k.accept(id_of(vocab, "\xC3")).is_ok());
  std::set<std::string> half = allowed_strings(k, vocab, 100);
  EXPECT_TRUE(half.count("\xA9t\xC3\xA9"));
  EXPECT_FALSE(half.count("a"));
  ASSERT_TRUE(k.accept(id_of(vocab, "\xA9t\xC3\xA9")).is_ok());
  // "},{" spans the end of the string, the object and the next item's start.
  ASSERT_TRUE(k.accept(id_of(vocab, "\"},{\"")).is_ok());
  for (const char* t : {"name", "\":\"", "\"}]"}) ASSERT_TRUE(k.accept(id_of(vocab, t)).is_ok()) << t;
  EXPECT_TRUE(k.complete());
  EXPECT_EQ(allowed_strings(k, vocab, 100), (std::set<std::string>{"<stop>"}));
  EXPECT_EQ(k.accept(id_of(vocab, "]")).code(), ErrorCode::InvalidArgument);
}

TEST(JsonConstraint, BudgetForcesTheValueClosed) {
  const auto vocab = hand_vocab();
  const auto table = hand_table(vocab);
  auto c = JsonConstraint::create(table, R"({"type":"object","properties":{"a":{"type":"string"},
      "b":{"type":"array","items":{"type":"integer"}}},"required":["a","b"]})");
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  JsonConstraint& k = **c;
  EXPECT_EQ(k.min_remaining(), 15);  // {"a":"","b":[]}
  for (const char* t : {"{\"", "a", "\":\"", "abcdef"}) ASSERT_TRUE(k.accept(id_of(vocab, t)).is_ok());
  EXPECT_EQ(k.min_remaining(), 9);  // ","b":[]}
  // With 9 tokens left the string must close now: only tokens that shorten the way out remain.
  std::set<std::string> tight = allowed_strings(k, vocab, 9);
  EXPECT_TRUE(tight.count("\"")) << "closing quote";
  EXPECT_TRUE(tight.count("\",\"")) << "quote, comma and the next key's quote in one token";
  EXPECT_FALSE(tight.count("a")) << "more text would not fit";
  EXPECT_TRUE(allowed_strings(k, vocab, 10).count("a"));
  // Driving with the longest allowed token at every step still finishes within the budget.
  int64_t left = 9;
  while (!k.complete()) {
    std::vector<uint32_t> bits;
    ASSERT_TRUE(k.allowed(bits, left).is_ok());
    int32_t pick = -1;
    for (size_t id = 1; id < vocab.size(); ++id)
      if (((bits[id >> 5] >> (id & 31)) & 1) && (pick < 0 || vocab[id].size() > vocab[pick].size()))
        pick = static_cast<int32_t>(id);
    ASSERT_GE(pick, 0) << "nothing allowed with " << left << " tokens left";
    ASSERT_TRUE(k.accept(pick).is_ok());
    --left;
  }
  EXPECT_GE(left, 0);
}

TEST(JsonConstraint, RandomWalksOnTheHandVocabularyValidate) {
  const auto vocab = hand_vocab();
  const auto table = hand_table(vocab);
  const char* schema = kPerson;
  const nlohmann::json doc = nlohmann::json::parse(schema);
  std::mt19937 rng(7);
  for (int run = 0; run < 200; ++run) {
    auto c = JsonConstraint::create(table, schema);
    ASSERT_TRUE(c.is_ok());
    JsonConstraint& k = **c;
    std::string out;
    int64_t left = 40 + run % 20;
    for (; left > 0; --left) {  // a value may end exactly at the budget (no room for the stop token)
      std::vector<uint32_t> bits;
      ASSERT_TRUE(k.allowed(bits, left).is_ok());
      std::vector<int32_t> ids;
      for (size_t id = 0; id < vocab.size(); ++id)
        if ((bits[id >> 5] >> (id & 31)) & 1) ids.push_back(static_cast<int32_t>(id));
      ASSERT_FALSE(ids.empty()) << out;
      const int32_t pick = ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng)];
      if (pick == 0) break;
      ASSERT_TRUE(k.accept(pick).is_ok());
      out += vocab[pick];
    }
    EXPECT_TRUE(k.complete()) << out;
    EXPECT_EQ(lectern::testing::parse_and_validate(out, doc), "") << out;
  }
}
