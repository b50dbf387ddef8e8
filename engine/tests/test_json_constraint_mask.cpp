// test_json_constraint_mask.cpp: the fast token mask of JsonConstraint (tries, plain-text bitsets, byte-run bulk
// decisions) equals the brute-force mask (every token's bytes stepped through the schema automaton from the current
// state, with the same budget rule) at every step of random walks with the real Qwen3 vocabulary, with the walks
// steered into the states that take shortcuts: email local parts and domains, right after a '\' escape, strings
// with minLength / maxLength, and tight token budgets.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <random>

#include "lectern/tokenizer.h"
#include "model_test_support.h"
#include "runtime/generation_vocab.h"
#include "runtime/json_constraint.h"
#include "runtime/json_schema.h"
#include "runtime/json_schema_automaton.h"
#include "runtime/timed_constraint.h"

using namespace lectern;
using namespace lectern::runtime;

namespace {

bool bit(const std::vector<uint32_t>& bits, int32_t id) { return (bits[size_t(id) >> 5] >> (id & 31)) & 1; }

// The definition the mask must meet: token id is allowed when all its bytes step from state and the value can
// still be completed in the remaining budget (a byte per token at best); stop ids only once the value is complete.
std::vector<uint32_t> reference_mask(const JsonTokenTable& t, const SchemaAutomaton& a, const SchemaState& state,
                                     int64_t remaining) {
  std::vector<uint32_t> bits(size_t(t.n_words), 0);
  if (remaining < 1) return bits;
  for (int32_t id = 0; id < t.n_logits; ++id) {
    const std::string& b = t.bytes[id];
    if (b.empty()) continue;
    SchemaState s = state;
    bool ok = true;
    for (char c : b)
      if (!a.step(s, uint8_t(c))) {
        ok = false;
        break;
      }
    if (ok && a.min_remaining(s) <= remaining - 1) bits[size_t(id) >> 5] |= 1u << (id & 31);
  }
  if (a.complete(state))
    for (int32_t id : t.stop_ids) bits[size_t(id) >> 5] |= 1u << (id & 31);
  return bits;
}

struct Timing {
  double seconds = 0;
  double max_seconds = 0;
  int64_t n = 0;
  void add(double s) {
    seconds += s;
    max_seconds = std::max(max_seconds, s);
    ++n;
  }
  void print(const char* what) const {
    std::printf("%-28s %5lld masks, mean %8.1f us, max %8.1f us\n", what, static_cast<long long>(n),
                n ? 1e6 * seconds / double(n) : 0.0, 1e6 * max_seconds);
  }
};

}  // namespace

TEST(JsonConstraintMask, FastMaskEqualsBruteForceWithTheQwen3Vocabulary) {
  auto tok = Tokenizer::from_hf_folder(lectern::testing::golden_path("tokenizer-qwen3"));
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  auto vocab = generation_vocab(*tok, tok->n_vocab());
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().to_string();
  auto table = JsonTokenTable::build(*tok, tok->n_vocab(), vocab->stop_ids);
  ASSERT_TRUE(table.is_ok()) << table.status().to_string();
  const JsonTokenTable& t = **table;

  const std::vector<std::string> schemas = {
      R"({"type":"string","format":"email"})",
      R"({"type":"object","properties":{"to":{"type":"array","items":{"type":"string","format":"email"},
          "minItems":1,"maxItems":3},"cc":{"type":"string","format":"email"}},"required":["to"]})",
      R"({"type":"string"})",
      R"({"type":"string","minLength":5,"maxLength":9})",
      R"({"type":"array","items":{"type":"string","maxLength":3},"maxItems":4})",
      R"({"type":"object","properties":{"name":{"type":"string","minLength":2},"note":{"type":"string"},
          "n":{"type":"integer"}},"required":["name","note"]})",
      R"({"anyOf":[{"type":"string","maxLength":12},{"type":"null"},{"type":"number"}]})",
      R"({"type":"object","properties":{"d":{"type":"string","format":"date-time"},"ok":{"type":"boolean"}}})",
  };
  std::mt19937 rng(20261130);
  Timing email, escape, other;
  int64_t n_compared = 0;
  for (size_t si = 0; si < schemas.size(); ++si) {
    auto compiled = compile_json_schema(schemas[si]);
    ASSERT_TRUE(compiled.is_ok()) << compiled.status().to_string();
    const SchemaAutomaton reference(*compiled);
    for (int walk = 0; walk < 4; ++walk) {
      auto constraint = JsonConstraint::create(*table, schemas[si]);
      ASSERT_TRUE(constraint.is_ok()) << constraint.status().to_string();
      SchemaState state = reference.initial();
      std::string text;
      for (int step = 0; step < 10 && !reference.complete(state); ++step) {
        // Budgets from "just enough" (the budget rules bite) to plenty.
        const int32_t need = reference.min_remaining(state);
        const int64_t budgets[] = {1, 2, need, need + 1, need + 3, 1000};
        const int64_t budget = budgets[rng() % 6];
        std::vector<uint32_t> fast;
        const double t0 = thread_cpu_seconds();
        ASSERT_TRUE((*constraint)->allowed(fast, budget).is_ok());
        const double s = thread_cpu_seconds() - t0;
        RunState run;
        const bool in_email = reference.run_state(state, &run) && run.run != kRunPlain;
        size_t n_backslashes = 0;
        while (n_backslashes < text.size() && text[text.size() - 1 - n_backslashes] == '\\') ++n_backslashes;
        (in_email ? email : n_backslashes % 2 == 1 ? escape : other).add(s);
        if (std::getenv("LECTERN_MASK_VERBOSE"))
          std::printf("schema %zu budget %lld need %d: %.1f us after '%s'\n", si, static_cast<long long>(budget), need,
                      1e6 * s, text.c_str());

        const std::vector<uint32_t> slow = reference_mask(t, reference, state, budget);
        ++n_compared;
        for (int32_t id = 0; id < t.n_logits; ++id)
          ASSERT_EQ(bit(fast, id), bit(slow, id))
              << "token " << id << " '" << t.bytes[id] << "' after '" << text << "' (schema " << si
              << ", budget " << budget << "): fast mask " << (bit(fast, id) ? "allows" : "refuses") << " it";

        // Next token: any allowed one, but often one that ends in '\' or holds '@' or '.' (shortcut states).
        std::vector<uint32_t> choice = fast;
        if (budget < 1000) {
          ASSERT_TRUE((*constraint)->allowed(choice, 1000).is_ok());
        }
        std::vector<int32_t> all, escapes, marks;
        for (int32_t id = 0; id < t.n_logits; ++id) {
          if (!bit(choice, id) || t.bytes[id].empty()) continue;
          all.push_back(id);
          const std::string& b = t.bytes[id];
          if (b.back() == '\\') escapes.push_back(id);
          else if (b.find_first_of("@.") != std::string::npos) marks.push_back(id);
        }
        ASSERT_FALSE(all.empty()) << "no token allowed after '" << text << "' with a budget of 1000";
        const unsigned pick = rng() % 3;
        const std::vector<int32_t>& from = pick == 0 && !escapes.empty() ? escapes
                                           : pick == 1 && !marks.empty() ? marks
                                                                         : all;
        const int32_t id = from[rng() % from.size()];
        ASSERT_TRUE((*constraint)->accept(id).is_ok());
        for (char c : t.bytes[id]) ASSERT_TRUE(reference.step(state, uint8_t(c)));
        text += t.bytes[id];
      }
    }
  }
  EXPECT_GT(email.n, 10) << "the walks must reach email states";
  EXPECT_GT(escape.n, 3) << "the walks must reach the state after a '\\' escape";
  std::printf("%lld masks compared with the brute-force mask (thread CPU time per mask):\n",
              static_cast<long long>(n_compared));
  email.print("fast mask, email states:");
  escape.print("fast mask, after a '\\':");
  other.print("fast mask, other states:");
}
