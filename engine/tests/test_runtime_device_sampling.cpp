// test_runtime_device_sampling.cpp: sampling on the device through the Vulkan backend on the golden tiny models:
// a session keeps the logits on the device and the device draw equals the host sampler's on the same row (greedy,
// sampled with penalties, masked), the row is read back only on demand and refused after a restore; and generation
// through the public Engine gives the same tokens with device sampling on and off (greedy, sampled, JSON schema).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <filesystem>
#include <memory>
#include <optional>

#include "golden_models.h"
#include "lectern/engine.h"
#include "model/model_source.h"
#include "runtime/sampler.h"
#include "runtime/session.h"
#include "runtime/vulkan_backend.h"
#include "vk/instance.h"

using namespace lectern;
using namespace lectern::runtime;
using namespace lectern::testing;

namespace {

std::string golden_model(const std::string& folder, const std::string& file = "model.gguf") {
  return (golden_models_dir() / folder / file).string();
}

std::vector<int32_t> golden_prompt(const std::string& folder) {
  return read_json((golden_models_dir() / folder / "tokens.json").string()).at("tokens").get<std::vector<int32_t>>();
}

// Sets an environment variable for the scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (had_) {
      setenv(name_.c_str(), old_.c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

 private:
  std::string name_, old_;
  bool had_ = false;
};

DeviceSampleRequest request_for(const Sampler& s, size_t n_vocab, std::vector<uint32_t>& pairs) {
  const SamplerSettings& st = s.settings();
  DeviceSampleRequest r;
  r.temperature = st.temperature;
  r.top_k = st.top_k;
  r.top_p = st.top_p;
  r.min_p = st.min_p;
  r.presence_penalty = st.presence_penalty;
  r.repetition_penalty = st.repetition_penalty;
  r.uniform = s.peek_uniform();
  pairs = s.penalty_pairs(n_vocab);
  r.penalties = pairs;
  return r;
}

class DeviceSampling : public ::testing::Test {
 protected:
  void SetUp() override {
    vk::InstanceOptions o;
    o.validation = true;
    auto inst = vk::Instance::create(o);
    ASSERT_TRUE(inst.is_ok()) << inst.status().to_string();
    instance_ = *inst;
    auto weights = model::load_model_weights(golden_model("tiny-a"));
    ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
    VulkanBackendOptions options;
    options.instance = instance_;
    auto b = create_vulkan_backend(*weights, options);
    ASSERT_TRUE(b.is_ok()) << b.status().to_string();
    backend_ = std::move(b).value();
  }
  void TearDown() override {
    backend_.reset();
    if (!instance_) return;
    EXPECT_EQ(instance_->validation_log().count(), 0u) << instance_->validation_log().joined();
  }
  std::shared_ptr<vk::Instance> instance_;
  std::unique_ptr<ModelBackend> backend_;
};

}  // namespace

// Token by token: the host sampler on the read-back row and the device sampler agree, for greedy and for a sampled
// chain with penalties and a mask; the extends keep the row on the device.
TEST_F(DeviceSampling, SessionDrawsMatchTheHostSampler) {
  SessionOptions so;
  so.n_ctx = 256;
  so.checkpoint_interval = 64;
  auto session = Session::create(*backend_, so);
  ASSERT_TRUE(session.is_ok()) << session.status().to_string();
  const size_t n_vocab = static_cast<size_t>(session->n_vocab());
  const std::vector<int32_t> prompt = golden_prompt("tiny-a");

  SamplerSettings sampled;
  sampled.temperature = 0.9f;
  sampled.top_k = 20;
  sampled.top_p = 0.95f;
  sampled.min_p = 0.02f;
  sampled.presence_penalty = 1.5f;
  sampled.repetition_penalty = 1.2f;
  sampled.seed = 7;
  SamplerSettings greedy;
  greedy.temperature = 0.0f;
  for (const SamplerSettings& settings : {greedy, sampled}) {
    session->reset();
    ExtendOptions keep;
    keep.keep_logits_on_device = true;
    ASSERT_TRUE(session->extend(prompt, keep).is_ok());
    Sampler host(settings, {}), dev(settings, {});
    host.add_context(prompt);
    dev.add_context(prompt);
    std::vector<uint32_t> pairs, bits((n_vocab + 31) / 32, 0);
    for (size_t i = 0; i < n_vocab; i += 3) bits[i >> 5] |= 1u << (i & 31);  // every third id (masked steps)
    // Odd steps are drawn in the submission that evaluated the previous token (ExtendOptions::sample), even steps
    // by a separate sample_on_device.
    std::optional<DeviceSampleResult> fused;
    for (int step = 0; step < 12; ++step) {
      const bool masked = step % 3 == 2;
      DeviceSampleResult drawn;
      if (fused) {
        drawn = *fused;
      } else {
        DeviceSampleRequest r = request_for(dev, n_vocab, pairs);
        if (masked) r.allowed_bits = bits;
        auto d = session->sample_on_device(r);
        ASSERT_TRUE(d.is_ok()) << d.status().to_string();
        drawn = *d;
      }
      ASSERT_FALSE(drawn.host_fallback);
      if (drawn.used_uniform) dev.consume_uniform();
      std::vector<float> row(session->logits().begin(), session->logits().end());  // read back on demand
      ASSERT_EQ(row.size(), n_vocab);
      if (masked)
        for (size_t i = 0; i < n_vocab; ++i)
          if (i % 3) row[i] = -std::numeric_limits<float>::infinity();
      const int32_t want = host.sample(row);
      ASSERT_EQ(drawn.token, want) << "step " << step << (settings.temperature > 0 ? " (sampled)" : " (greedy)")
                                   << (fused ? " fused" : "");
      if (masked) {
        EXPECT_EQ(drawn.token % 3, 0);
      }
      host.accept(want);
      dev.accept(want);
      ExtendOptions next = keep;
      DeviceSampleRequest r;
      DeviceSampleResult result;
      fused.reset();
      if (step % 2 == 0) {
        r = request_for(dev, n_vocab, pairs);
        if ((step + 1) % 3 == 2) r.allowed_bits = bits;
        next.sample = &r;
        next.sampled = &result;
      }
      ASSERT_TRUE(session->extend(std::span<const int32_t>(&want, 1), next).is_ok());
      if (step % 2 == 0) fused = result;
    }
  }
  // Rewinding onto a checkpoint evaluates nothing: the device row is stale and refused, logits() come from the
  // checkpoint. Rewinding into a gap evaluates it: the device row is current again.
  ASSERT_TRUE(session->rewind(64).is_ok());
  auto stale = session->sample_on_device(DeviceSampleRequest{});
  EXPECT_EQ(stale.status().code(), ErrorCode::InvalidArgument) << stale.status().to_string();
  EXPECT_EQ(session->logits().size(), n_vocab);
  ExtendOptions keep;
  keep.keep_logits_on_device = true;
  ASSERT_TRUE(session->extend(std::span(prompt).subspan(64, 6), keep).is_ok());
  auto fresh = session->sample_on_device(DeviceSampleRequest{});
  ASSERT_TRUE(fresh.is_ok()) << fresh.status().to_string();
  const std::span<const float> row = session->logits();
  const int32_t argmax = static_cast<int32_t>(std::max_element(row.begin(), row.end()) - row.begin());
  EXPECT_EQ(fresh->token, argmax);
}

// The public API end to end: device sampling on (default) and off give identical tokens.
TEST(DeviceSamplingEngine, GenerationIsTheSameWithDeviceSamplingOnAndOff) {
  for (const std::string& path : {golden_model("tiny-a"), golden_model("tiny-q", "model-Q4_K_M.gguf")}) {
    EngineOptions o;
    o.model_path = path;
    o.device = DeviceChoice::Vulkan;
    o.context_length = 512;
    auto engine = Engine::load(o);
    ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
    GenerationSettings greedy;
    greedy.sampler.temperature = 0.0f;
    greedy.max_tokens = 24;
    greedy.loop_detection.enabled = false;
    GenerationSettings sampled = greedy;
    sampled.sampler = default_sampler_settings(false, false);  // t 1, top-k 20, presence 2
    sampled.sampler.repetition_penalty = 1.1f;
    sampled.sampler.seed = 99;
    GenerationSettings json = sampled;
    json.json_schema = R"({"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]})";
    json.max_tokens = 16;
    const std::vector<int32_t> prompt = golden_prompt("tiny-a");
    for (const GenerationSettings* settings : {&greedy, &sampled, &json}) {
      std::vector<int32_t> tokens[2];
      for (int device = 0; device < 2; ++device) {
        ScopedEnv env("LECTERN_DEVICE_SAMPLING", device ? "1" : "0");
        auto session = engine->new_session();
        ASSERT_TRUE(session.is_ok());
        auto r = session->generate_from_tokens(prompt, *settings);
        ASSERT_TRUE(r.is_ok()) << r.status().to_string();
        EXPECT_NE(r->stats.finish_reason, FinishReason::Error) << r->error.to_string();
        tokens[device] = r->tokens;
      }
      EXPECT_FALSE(tokens[0].empty()) << path;
      EXPECT_EQ(tokens[0], tokens[1]) << path << (settings == &greedy ? " greedy" : settings == &json ? " json" : " sampled");
    }
  }
}
