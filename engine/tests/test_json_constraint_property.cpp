// test_json_constraint_property.cpp: the property of constrained decoding: with random-logit models and random
// sampling, every constrained generation over 25 schemas ends with a complete value that parses and validates
// (json_test_validator.h shares no code with the constraint). 1,000 generations run through the real generation
// loop with the real Qwen3 tokenizer (151k multi-byte tokens) and a model whose logits are random per step;
// more run through the public Engine with a random-weight tiny model (make-test-model) on the CPU device.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "json_test_validator.h"
#include "lectern/engine.h"
#include "model_test_support.h"
#include "runtime/generation.h"
#include "runtime/json_constraint.h"
#include "runtime/model_backend.h"
#include "runtime/session.h"
#include "runtime/timed_constraint.h"

using namespace lectern;
using namespace lectern::runtime;

namespace {

const std::vector<std::string>& schemas() {
  static const std::vector<std::string> all = {
      R"({"type":"string"})",
      R"({"type":"integer"})",
      R"({"type":"number"})",
      R"({"type":"boolean"})",
      R"({"type":"null"})",
      R"({"enum":["red","green","blue"]})",
      R"({"type":"string","maxLength":8})",
      R"({"type":"string","format":"date"})",
      R"({"type":"string","format":"date-time"})",
      R"({"type":"string","format":"email"})",
      R"({"type":"array","items":{"type":"integer"},"minItems":2,"maxItems":4})",
      R"({"type":"array","items":{"type":"string","maxLength":4},"maxItems":3})",
      R"({"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name"]})",
      R"({"type":"object","properties":{"name":{"type":"string","maxLength":5},"age":{"type":"integer"},
          "tags":{"type":"array","items":{"type":"string","enum":["a","bc"]},"minItems":1,"maxItems":2},
          "email":{"type":"string","format":"email"}},"required":["name","tags"],"additionalProperties":false})",
      R"({"type":"object","properties":{"number":{"type":"string","maxLength":10},"date":{"type":"string",
          "format":"date"},"total":{"type":"number"},"currency":{"enum":["EUR","USD","GBP"]},
          "lines":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"object","properties":{
          "description":{"type":"string","maxLength":12},"quantity":{"type":"integer"},"amount":{"type":"number"}},
          "required":["description","amount"],"additionalProperties":false}}},
          "required":["number","date","total","currency","lines"],"additionalProperties":false})",
      R"({"anyOf":[{"type":"string","maxLength":5},{"type":"null"},{"type":"integer"}]})",
      R"({"type":["string","null"],"maxLength":6})",
      R"({"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"object","properties":{
          "c":{"type":"boolean"}},"required":["c"]}},"required":["b"]}},"required":["a"]})",
      R"({"type":"array","items":{"type":"array","items":{"type":"number"},"maxItems":2},"maxItems":2})",
      R"({"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"string","maxLength":3},
          "z":{"type":"null"}},"additionalProperties":false})",
      R"({"type":"object"})",
      R"({"type":"object","properties":{"kind":{"const":"receipt"},"ok":{"type":"boolean"}},"required":["kind","ok"]})",
      R"({"type":"object","properties":{"größe":{"enum":["klein","groß"]},"名前":{"type":"string","minLength":2,
          "maxLength":4}},"required":["größe","名前"]})",
      R"({"oneOf":[{"type":"object","properties":{"v":{"type":"number"}},"required":["v"]},
          {"type":"array","items":{"type":"boolean"},"minItems":1}]})",
      R"({"enum":[1,12,123,-4.5,true,null,"x"]})",
  };
  return all;
}

// A "model" whose logits are fresh pseudo-random numbers at every step (a function of the seed and history).
class RandomLogitsBackend : public ModelBackend {
 public:
  explicit RandomLogitsBackend(int32_t n_vocab) {
    info_.name = "random";
    info_.device_name = "random logits";
    info_.n_vocab = n_vocab;
    info_.n_embd = 1;
    info_.n_layer = 1;
    info_.n_ctx_train = 1 << 20;
    info_.preferred_batch = 64;
  }
  const BackendInfo& info() const override { return info_; }
  uint64_t sequence_bytes(int64_t n_ctx) const override { return static_cast<uint64_t>(n_ctx) * 4; }
  Result<std::unique_ptr<SequenceState>> create_sequence(int64_t n_ctx) override;
  uint64_t seed = 1;

 private:
  BackendInfo info_;
};

class RandomSequence : public SequenceState {
 public:
  RandomSequence(RandomLogitsBackend& b, int64_t n_ctx) : b_(b), n_ctx_(n_ctx) {}
  int64_t n_ctx() const override { return n_ctx_; }
  int64_t n_past() const override { return n_past_; }
  Status eval(const EvalBatch& batch, std::vector<float>& logits) override {
    const int32_t n_vocab = b_.info().n_vocab;
    LECTERN_TRY(check_eval_batch(batch, n_past_, n_ctx_, n_vocab));
    for (int32_t t : batch.tokens) h_ = (h_ ^ static_cast<uint64_t>(t)) * 0x100000001b3ull;
    n_past_ += static_cast<int64_t>(batch.tokens.size());
    if (batch.logits == LogitsMode::None) {
      logits.clear();
      return Status::ok();
    }
    logits.resize(static_cast<size_t>(n_vocab) * (batch.logits == LogitsMode::All ? batch.tokens.size() : 1));
    uint64_t x = h_ ^ (b_.seed * 0x9E3779B97F4A7C15ull) ^ static_cast<uint64_t>(n_past_);
    for (float& v : logits) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      v = static_cast<float>(x >> 40) * (8.0f / 16777216.0f);  // [0, 8)
    }
    return Status::ok();
  }
  struct Snapshot : SequenceSnapshot {
    Snapshot(int64_t n, uint64_t h, SnapshotScope s) : n_past_(n), h_(h), scope_(s) {}
    int64_t n_past() const override { return n_past_; }
    SnapshotScope scope() const override { return scope_; }
    uint64_t n_bytes() const override { return 16; }
    int64_t n_past_;
    uint64_t h_;
    SnapshotScope scope_;
  };
  Result<std::unique_ptr<SequenceSnapshot>> snapshot(SnapshotScope scope) const override {
    return std::unique_ptr<SequenceSnapshot>(std::make_unique<Snapshot>(n_past_, h_, scope));
  }
  Status restore(const SequenceSnapshot& s) override {
    const auto* r = dynamic_cast<const Snapshot*>(&s);
    if (!r) return Status(ErrorCode::InvalidArgument, "foreign snapshot");
    n_past_ = r->n_past_;
    h_ = r->h_;
    return Status::ok();
  }
  void reset() override {
    n_past_ = 0;
    h_ = 0xcbf29ce484222325ull;
  }

 private:
  RandomLogitsBackend& b_;
  int64_t n_ctx_;
  int64_t n_past_ = 0;
  uint64_t h_ = 0xcbf29ce484222325ull;
};

Result<std::unique_ptr<SequenceState>> RandomLogitsBackend::create_sequence(int64_t n_ctx) {
  return std::unique_ptr<SequenceState>(std::make_unique<RandomSequence>(*this, n_ctx));
}

// The generation is complete and valid: ended by the constraint (stop) or exactly at the budget.
void expect_valid(const GenerationResult& r, const std::string& schema, const std::string& label) {
  ASSERT_NE(r.stats.finish_reason, FinishReason::Error) << label << ": " << r.error.to_string();
  const std::string e = lectern::testing::parse_and_validate(r.text, nlohmann::json::parse(schema));
  EXPECT_EQ(e, "") << label << "\nschema: " << schema << "\noutput: " << r.text;
}

}  // namespace

TEST(JsonConstraintProperty, ThousandRandomGenerationsWithTheQwen3VocabularyValidate) {
  const std::string dir = lectern::testing::golden_path("tokenizer-qwen3");
  auto tok = Tokenizer::from_hf_folder(dir);
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  const int32_t n_logits = tok->n_vocab();
  auto vocab = generation_vocab(*tok, n_logits);
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().to_string();
  const auto t0 = std::chrono::steady_clock::now();
  auto table = JsonTokenTable::build(*tok, n_logits, vocab->stop_ids);
  ASSERT_TRUE(table.is_ok()) << table.status().to_string();
  const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  RandomLogitsBackend backend(n_logits);
  auto session = Session::create(backend, {.n_ctx = 512, .n_batch = 0, .checkpoint_interval = 0});
  ASSERT_TRUE(session.is_ok()) << session.status().to_string();
  auto prompt = tok->encode("<|im_start|>user\nextract<|im_end|>\n<|im_start|>assistant\n");
  ASSERT_TRUE(prompt.is_ok());

  const int runs_per_schema = std::getenv("LECTERN_PROPERTY_RUNS") ? std::atoi(std::getenv("LECTERN_PROPERTY_RUNS")) : 40;
  int64_t n_tokens = 0, n_done = 0, n_at_budget = 0;
  double gen_s = 0, mask_s = 0, mask_cpu_s = 0, max_mask_cpu_s = 0;
  int64_t n_masks = 0;
  for (size_t si = 0; si < schemas().size(); ++si) {
    for (int run = 0; run < runs_per_schema; ++run) {
      auto constraint = JsonConstraint::create(*table, schemas()[si]);
      ASSERT_TRUE(constraint.is_ok()) << schemas()[si] << ": " << constraint.status().to_string();
      GenerationSettings g;
      g.sampler.temperature = 1.0f;
      g.sampler.top_k = 50;
      g.sampler.seed = si * 1000 + static_cast<uint64_t>(run);
      // The shortest value plus 4 .. 68 tokens: many values must be closed early by the budget.
      g.max_tokens = (*constraint)->min_remaining() + 4 + (run % 5) * 16;
      backend.seed = g.sampler.seed.value() + 17;
      session->reset();
      TimedConstraint timed(**constraint);
      auto r = generate(*session, *tok, *vocab, *prompt, g, {}, nullptr, &timed);
      mask_s += timed.wall_s;
      mask_cpu_s += timed.cpu_s;
      max_mask_cpu_s = std::max(max_mask_cpu_s, timed.max_cpu_s);
      if (std::getenv("LECTERN_PROPERTY_VERBOSE"))
        std::printf("schema %zu run %d: %lld tokens, mask %.1f us/step (CPU %.1f us/step, max %.1f us)\n", si, run,
                    static_cast<long long>(r->stats.n_generated),
                    1e6 * timed.wall_s / std::max<int64_t>(1, timed.n_masks),
                    1e6 * timed.cpu_s / std::max<int64_t>(1, timed.n_masks), 1e6 * timed.max_cpu_s);
      n_masks += timed.n_masks;
      ASSERT_TRUE(r.is_ok()) << r.status().to_string();
      expect_valid(*r, schemas()[si], "schema " + std::to_string(si) + " run " + std::to_string(run));
      if (::testing::Test::HasFailure()) return;
      n_tokens += r->stats.n_generated;
      n_at_budget += r->stats.finish_reason == FinishReason::Length;
      gen_s += r->stats.generation_seconds;
      ++n_done;
    }
  }
  EXPECT_EQ(n_done, static_cast<int64_t>(schemas().size()) * runs_per_schema);
  EXPECT_GE(n_done, 1000) << "LECTERN_PROPERTY_RUNS lowers the count for local experiments only";
  std::printf("table build %.3f s; %lld generations, %lld tokens, %lld ended exactly at max_tokens, %.1f us/token, "
              "mask %.1f us/step (thread CPU time %.1f us/step, slowest step %.1f us)\n",
              build_s, static_cast<long long>(n_done), static_cast<long long>(n_tokens),
              static_cast<long long>(n_at_budget), 1e6 * gen_s / static_cast<double>(std::max<int64_t>(1, n_tokens)),
              1e6 * mask_s / static_cast<double>(std::max<int64_t>(1, n_masks)),
              1e6 * mask_cpu_s / static_cast<double>(std::max<int64_t>(1, n_masks)), 1e6 * max_mask_cpu_s);
}

TEST(JsonConstraintProperty, TinyRandomWeightModelThroughTheEngine) {
  lectern::testing::TempDir dir;
  const std::string model = lectern::testing::make_tiny_gguf(dir, "f32", 3);
  ASSERT_FALSE(model.empty());
  EngineOptions o;
  o.model_path = model;
  o.device = DeviceChoice::Cpu;
  o.context_length = 512;
  auto engine = Engine::load(o);
  ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  ChatRequest request;
  request.messages.push_back(ChatMessage::make(ChatRole::User, "Give me JSON."));
  request.enable_thinking = false;
  int n = 0;
  for (size_t si = 0; si < schemas().size(); ++si) {
    for (int run = 0; run < 1; ++run) {
      GenerationSettings g;
      g.sampler.temperature = 1.0f;
      g.sampler.seed = si * 10 + static_cast<uint64_t>(run);
      g.max_tokens = 128;
      g.json_schema = schemas()[si];
      auto r = session->generate(request, g);
      ASSERT_TRUE(r.is_ok()) << r.status().to_string();
      expect_valid(*r, schemas()[si], "tiny model, schema " + std::to_string(si));
      if (::testing::Test::HasFailure()) return;
      ++n;
    }
  }
  EXPECT_EQ(n, static_cast<int>(schemas().size()));

  // Errors: an unsupported schema and a budget too small for the shortest value.
  GenerationSettings bad;
  bad.json_schema = R"({"type":"string","pattern":"x"})";
  EXPECT_EQ(session->generate(request, bad).status().code(), ErrorCode::Unsupported);
  GenerationSettings tight;
  tight.max_tokens = 3;
  tight.json_schema = schemas()[14];
  auto small = session->generate(request, tight);
  EXPECT_EQ(small.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(small.status().message().find("too small"), std::string::npos) << small.status().message();
}
