// test_runtime_longctx_api.cpp: the app-facing side of long contexts: KV-cache memory per type in the memory plan
// (f16 vs q8_0 of the 0.8B shape at 262,144 tokens), the largest context that fits a device, the engine summary's
// max_context_length / kv_type, estimate_prompt before and after a measured prompt, snapshots on disk through the
// Engine options, and a q8_0 KV cache reproducing the golden tiny-a logits within its accuracy cost.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "golden_models.h"
#include "lectern/engine.h"
#include "model/model_source.h"
#include "model/test_model_maker.h"
#include "model_test_support.h"
#include "runtime/memory_plan.h"
#include "runtime/model_backend.h"
#include "runtime/vulkan_backend.h"
#include "vk_test_support.h"

using namespace lectern;
using namespace lectern::runtime;

TEST(LongContextPlan, KvCacheBytesPerTypeAtFullWindow) {
  PlanShape shape{model::test_model_hparams(model::TestModelShape::Qwen35_0_8B)};
  // qwen35.md §3: 6 attention layers x K and V x 2 kv heads x 256 dims; f16 12 KiB per token, 3 GiB at 262,144.
  EXPECT_EQ(plan_sequence(shape, 262144, 512).kv_bytes, 3ull << 30);
  // q8_0: 36 bytes per 32 values (int8 quants + an f32 scale) = 6.75 KiB per token.
  shape.kv_type = DType::Q8_0;
  EXPECT_EQ(plan_sequence(shape, 262144, 512).kv_bytes, 6ull * 2 * 262144 * 2 * 256 / 32 * 36);
  EXPECT_EQ(plan_sequence(shape, 1, 512).kv_bytes, 6ull * 2 * 2 * 256 / 32 * 36);
}

TEST(LongContextPlan, LargestFittingContextPerType) {
  for (DType kv : {DType::F16, DType::Q8_0}) {
    PlanShape shape{model::test_model_hparams(model::TestModelShape::Qwen35_0_8B)};
    shape.kv_type = kv;
    MemoryPlan plan;
    plan.weight_bytes = 1ull << 30;
    plan.sequence.n_batch = 512;
    plan.available_bytes = 5ull << 29;  // 1.5 GiB beside the weights: not the full window in either type
    const int64_t fit = largest_fitting_context(shape, plan);
    ASSERT_GT(fit, 0);
    ASSERT_LT(fit, 262144);
    EXPECT_EQ(fit % 256, 0);
    MemoryPlan at = plan, above = plan;
    at.sequence = plan_sequence(shape, fit, 512);
    above.sequence = plan_sequence(shape, fit + 256, 512);
    EXPECT_TRUE(at.fits());
    EXPECT_FALSE(above.fits());
    std::printf("%s KV: largest context in 1.5 GiB beside 1 GiB of weights: %lld\n", dtype_name(kv), (long long)fit);
    // q8_0 holds ~1.7x the tokens of f16 in the same memory (activations and scratch do not shrink).
    static int64_t f16_fit = 0;
    if (kv == DType::F16) f16_fit = fit;
    else EXPECT_GT(fit, f16_fit * 3 / 2);
  }
}

namespace {

std::string make_model(const lectern::testing::TempDir& dir, model::TestModelShape shape, const char* name) {
  model::TestModelOptions o;
  o.shape = shape;
  o.out = dir.file(name);
  EXPECT_TRUE(model::make_test_model(o).is_ok());
  return o.out;
}

}  // namespace

TEST(LongContextEngine, SummaryAndEstimates) {
  lectern::testing::TempDir dir;
  const std::string path = make_model(dir, model::TestModelShape::Tiny, "tiny.gguf");
  for (DeviceChoice device : {DeviceChoice::Cpu, DeviceChoice::Vulkan}) {
    EngineOptions o;
    o.model_path = path;
    o.device = device;
    o.context_length = 1024;
    o.snapshot_dir = (dir.path() / "snapshots").string();
    o.snapshot_min_tokens = 100;
    auto engine = Engine::load(o);
    ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
    const EngineModelSummary& s = engine->summary();
    // The tiny model's whole 262,144-token window fits easily (about 270 MiB of f16 KV on Vulkan).
    EXPECT_EQ(s.max_context_length, 262144);
    EXPECT_EQ(s.kv_type, device == DeviceChoice::Cpu ? "f32" : "f16");
    EXPECT_EQ(s.device_memory_bytes == 0, device == DeviceChoice::Cpu);

    auto e = engine->estimate_prompt(200000, 262144);
    ASSERT_TRUE(e.is_ok()) << e.status().to_string();
    EXPECT_TRUE(e->fits_context);
    EXPECT_GT(e->session_bytes, engine->estimate_prompt(10, 1024)->session_bytes);
    EXPECT_EQ(e->device_bytes_needed, s.weight_bytes + e->session_bytes);
    EXPECT_EQ(e->prompt_tokens_per_second, 0.0);  // nothing measured yet
    EXPECT_EQ(e->prefill_seconds, 0.0);
    EXPECT_FALSE(engine->estimate_prompt(2000, 1024)->fits_context);
    EXPECT_EQ(engine->estimate_prompt(-1).status().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(engine->estimate_prompt(10, 262145).status().code(), ErrorCode::InvalidArgument);

    // A 150-token prompt measures the throughput; a second session resumes it from disk.
    std::vector<int32_t> prompt(150);
    for (size_t i = 0; i < prompt.size(); ++i) prompt[i] = static_cast<int32_t>(10 + (i * 37) % 500);
    GenerationSettings g;
    g.max_tokens = 2;
    g.sampler.temperature = 0;
    auto a = engine->new_session();
    ASSERT_TRUE(a.is_ok());
    auto ra = a->generate_from_tokens(prompt, g);
    ASSERT_TRUE(ra.is_ok()) << ra.status().to_string();
    auto after = engine->estimate_prompt(3000);
    ASSERT_TRUE(after.is_ok());
    EXPECT_GT(after->prompt_tokens_per_second, 0.0);
    EXPECT_NEAR(after->prefill_seconds, 3000.0 / after->prompt_tokens_per_second, 1e-9);

    auto b = engine->new_session();
    ASSERT_TRUE(b.is_ok());
    auto rb = b->generate_from_tokens(prompt, g);
    ASSERT_TRUE(rb.is_ok());
    EXPECT_EQ(rb->stats.n_prompt_reused, 150) << "the prompt's state should come from the snapshot directory";
    EXPECT_EQ(rb->stats.n_prompt_evaluated, 0);
    EXPECT_EQ(rb->text, ra->text);
  }
}

TEST(LongContextEngine, Q8CacheNeedsHeadDimMultipleOf32) {
  lectern::testing::TempDir dir;
  EngineOptions o;
  o.model_path = make_model(dir, model::TestModelShape::Long, "long.gguf");  // head_dim 16
  o.device = DeviceChoice::Vulkan;
  o.context_length = 4096;
  o.kv_type = KvCacheType::Q8_0;
  auto engine = Engine::load(o);
  ASSERT_FALSE(engine.is_ok());
  EXPECT_EQ(engine.status().code(), ErrorCode::Unsupported);
  EXPECT_NE(engine.status().message().find("multiple of 32"), std::string::npos) << engine.status().message();
  EXPECT_EQ(kv_cache_type_from_name("q8_0"), KvCacheType::Q8_0);
  EXPECT_FALSE(kv_cache_type_from_name("q4_0").has_value());
}

// The golden tiny-a logits with a q8_0 KV cache: K and V rounded to 8 bits per value (nmse ~1e-5 on the cache)
// move the logits by far less than the top-2 margins. Per position NMSE <= 1e-3 (an f16 cache: <= 1e-5, the golden
// rule; a broken q8 layout: ~1).
TEST(LongContextEngine, Q8CacheMatchesGoldenWithinItsAccuracyCost) {
  const auto dir = lectern::testing::golden_models_dir() / "tiny-a";
  ASSERT_TRUE(std::filesystem::exists(dir / "model.gguf")) << "golden model missing: " << dir;
  auto weights = model::load_model_weights((dir / "model.gguf").string());
  ASSERT_TRUE(weights.is_ok());
  VulkanBackendOptions vo;
  vo.kv_type = DType::Q8_0;
  auto backend = create_vulkan_backend(*weights, vo);
  ASSERT_TRUE(backend.is_ok()) << backend.status().to_string();
  const auto tokens = lectern::testing::read_json((dir / "tokens.json").string()).at("tokens").get<std::vector<int32_t>>();
  auto seq = (*backend)->create_sequence(256);
  ASSERT_TRUE(seq.is_ok());
  EXPECT_EQ((*seq)->state_format(), "vulkan/gdn-f32/kv-" + std::string(dtype_name(DType::Q8_0)));
  std::vector<float> logits;
  ASSERT_TRUE((*seq)->eval({.tokens = tokens, .positions = {}, .logits = LogitsMode::All}, logits).is_ok());
  const std::vector<uint8_t> raw = lectern::testing::read_bytes((dir / "logits.f32").string());
  const size_t n_vocab = (*backend)->info().n_vocab, n_cols = 8026;
  ASSERT_EQ(raw.size(), tokens.size() * n_vocab * 4);
  const float* ref = reinterpret_cast<const float*>(raw.data());
  double worst = 0;
  size_t top1_same = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::span<const float> x(logits.data() + t * n_vocab, n_cols), r(ref + t * n_vocab, n_cols);
    worst = std::max(worst, vk_test::nmse(x, r));
    top1_same += std::max_element(x.begin(), x.end()) - x.begin() == std::max_element(r.begin(), r.end()) - r.begin();
  }
  std::printf("q8_0 KV vs golden tiny-a: worst per-position nmse %.3g, top-1 equal at %zu / %zu positions\n", worst,
              top1_same, tokens.size());
  EXPECT_LE(worst, 1e-3);
  EXPECT_GE(top1_same, tokens.size() * 9 / 10);
}
