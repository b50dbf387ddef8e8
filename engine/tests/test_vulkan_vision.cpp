// test_vulkan_vision.cpp: the vision encoder on Vulkan vs the CPU reference encoder (cpu/vision_reference) on a
// tiny random tower (2 blocks, width 64, 4 heads of 16) in every stored type, for a still image and a video of
// several temporal slices, plus the input checks; and the Vulkan text backend taking vision embedding rows and
// image-like M-RoPE positions (qwen35.md §7.6-7.7) exactly as the CPU reference backend does.
#include <gtest/gtest.h>

#include <algorithm>

#include "cpu/vision_reference.h"
#include "model/model_source.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"
#include "model/vision_weights.h"
#include "model_test_support.h"
#include "runtime/cpu_backend.h"
#include "runtime/vulkan_backend.h"
#include "runtime/vulkan_vision.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Both sides use the same weight values (the reference dequantises the stored type exactly as the shaders do) and
// f32 activations; they differ only in rounding order (f32 dot products of <= 256 terms, f32 LayerNorm and softmax
// sums vs double), ~1e-6 relative per op. Through 2 blocks and the merger that stays below nmse 1e-10 (measured
// ~1e-13); 1e-9 keeps a margin, while a misplaced head, a missing bias or rope, or attention across slices moves
// the output by > 1e-3.
constexpr double k_tolerance = 1e-9;

model::VisionInput random_input(uint32_t grid_t, uint32_t grid_h, uint32_t grid_w, const model::VisionHParams& hp,
                                uint64_t seed) {
  model::VisionInput in;
  in.is_video = grid_t > 1;
  in.grid_t = grid_t;
  in.grid_h = grid_h;
  in.grid_w = grid_w;
  in.merge = hp.merge_size;
  in.patches = vk_test::random_floats(size_t(in.n_patches()) * hp.patch_values(), seed, -1.0f, 1.0f);
  return in;
}

Result<model::VisionWeights> tiny_tower(const lectern::testing::TempDir& dir, model::TestModelType type) {
  model::TestVisionOptions o{model::TestVisionShape::Tiny, type, 11, 48};
  const std::string path = dir.file("mmproj.gguf");
  auto r = model::write_test_vision_mmproj(path, o);
  if (!r.is_ok()) return r.status();
  return model::load_vision_weights(path);
}

}  // namespace

class VulkanVision : public vk_test::VulkanTest {};

TEST_F(VulkanVision, MatchesCpuReferenceInEveryType) {
  for (model::TestModelType type : {model::TestModelType::F32, model::TestModelType::F16, model::TestModelType::BF16,
                                    model::TestModelType::Q8_0}) {
    lectern::testing::TempDir dir;
    auto weights = tiny_tower(dir, type);
    ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
    auto enc = runtime::VulkanVisionEncoder::create(vk_test::device(), vk_test::transfer(), *weights);
    ASSERT_TRUE(enc.is_ok()) << enc.status().to_string();
    // A still image (one slice of 6 x 10 patches) and a video of 3 slices of 4 x 6.
    struct Shape {
      uint32_t t, h, w;
    };
    for (Shape g : {Shape{1, 6, 10}, Shape{3, 4, 6}}) {
      model::VisionInput in = random_input(g.t, g.h, g.w, weights->hparams, 40 + g.t);
      auto want = cpu::encode_vision_reference(*weights, in);
      ASSERT_TRUE(want.is_ok()) << want.status().to_string();
      auto got = (*enc)->encode(in);
      ASSERT_TRUE(got.is_ok()) << got.status().to_string();
      ASSERT_EQ(got->size(), size_t(in.n_tokens()) * weights->hparams.n_out);
      vk_test::report(std::string("vision_encoder(tower=tiny,type=") + model::test_model_type_name(type) +
                          ",grid=" + vk_test::shape({g.t, g.h, g.w}) + ")",
                      vk_test::nmse(*got, *want), k_tolerance);
    }
  }
}

// Each slice is its own attention segment: changing the second slice of a video must leave the first slice's
// tokens exactly as they were (and change the second's).
TEST_F(VulkanVision, SlicesDoNotAttendToEachOther) {
  lectern::testing::TempDir dir;
  auto weights = tiny_tower(dir, model::TestModelType::F32);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  auto enc = runtime::VulkanVisionEncoder::create(vk_test::device(), vk_test::transfer(), *weights);
  ASSERT_TRUE(enc.is_ok()) << enc.status().to_string();
  model::VisionInput a = random_input(2, 4, 4, weights->hparams, 60);
  model::VisionInput b = a;
  const size_t half = b.patches.size() / 2;
  for (size_t i = half; i < b.patches.size(); ++i) b.patches[i] = -b.patches[i];
  auto ra = (*enc)->encode(a), rb = (*enc)->encode(b);
  ASSERT_TRUE(ra.is_ok() && rb.is_ok());
  const size_t first = ra->size() / 2;
  EXPECT_TRUE(std::equal(ra->begin(), ra->begin() + first, rb->begin()));
  EXPECT_FALSE(std::equal(ra->begin() + first, ra->end(), rb->begin() + first));
}

TEST_F(VulkanVision, RejectsInputsThatDoNotFitTheTower) {
  lectern::testing::TempDir dir;
  auto weights = tiny_tower(dir, model::TestModelType::F32);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  auto enc = runtime::VulkanVisionEncoder::create(vk_test::device(), vk_test::transfer(), *weights);
  ASSERT_TRUE(enc.is_ok()) << enc.status().to_string();
  model::VisionInput odd = random_input(1, 3, 4, weights->hparams, 70);  // 3 rows: not whole 2x2 windows
  auto r = (*enc)->encode(odd);
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("merge"), std::string::npos) << r.status().message();
  model::VisionInput short_patches = random_input(1, 2, 2, weights->hparams, 71);
  short_patches.patches.pop_back();
  r = (*enc)->encode(short_patches);
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("per patch"), std::string::npos) << r.status().message();
}

namespace {

// A prompt shaped like "<text> <|vision_start|> image <|vision_end|> <text>" (§7.7): 6 text tokens, a 3 x 4 merged
// image grid at p = 6 with (T, H, W) = (6, 6 + row, 6 + col), then text from p = 6 + max(3, 4) = 10 on.
struct VisionPrompt {
  std::vector<int32_t> tokens;
  std::vector<std::array<int64_t, 3>> positions;
  std::vector<int32_t> embedding_rows;
  std::vector<float> embeddings;
};

VisionPrompt vision_prompt(uint32_t n_embd) {
  VisionPrompt p;
  const int32_t k_image_pad = 8012;  // any id works: override rows ignore it; tiny vocabulary is 768
  std::vector<float> ids = vk_test::random_floats(16, 80, 0.0f, 700.0f);
  int64_t pos = 0;
  for (int i = 0; i < 6; ++i, ++pos) {
    p.tokens.push_back(static_cast<int32_t>(ids[i]));
    p.positions.push_back({pos, pos, pos});
  }
  for (int64_t a = 0; a < 3; ++a) {
    for (int64_t b = 0; b < 4; ++b) {
      p.embedding_rows.push_back(static_cast<int32_t>(p.tokens.size()));
      p.tokens.push_back(k_image_pad % 768);
      p.positions.push_back({pos, pos + a, pos + b});
    }
  }
  pos += 4;
  for (int i = 6; i < 16; ++i, ++pos) {
    p.tokens.push_back(static_cast<int32_t>(ids[i]));
    p.positions.push_back({pos, pos, pos});
  }
  p.embeddings = vk_test::random_floats(p.embedding_rows.size() * n_embd, 81, -0.1f, 0.1f);
  return p;
}

std::vector<float> eval_all(runtime::ModelBackend& b, const VisionPrompt& p, bool overrides, bool mrope) {
  auto seq = b.create_sequence(static_cast<int64_t>(p.tokens.size()));
  EXPECT_TRUE(seq.is_ok()) << seq.status().to_string();
  if (!seq.is_ok()) return {};
  std::vector<float> logits;
  runtime::EvalBatch batch;
  batch.tokens = p.tokens;
  if (mrope) batch.positions = p.positions;
  batch.logits = runtime::LogitsMode::All;
  if (overrides) {
    batch.embedding_rows = p.embedding_rows;
    batch.embeddings = p.embeddings;
  }
  Status s = (*seq)->eval(batch, logits);
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  return logits;
}

}  // namespace

// Logits at every position with vision rows and M-RoPE positions, Vulkan (one batch, and parts of 5 tokens so the
// image rows straddle parts) vs the CPU reference backend. Tolerance: with an f32 KV cache the two differ only in
// f32 rounding order through 8 layers (measured nmse ~7e-12 on lavapipe); 1e-7 leaves room for other drivers' exp
// and reduction orders, while dropping the overrides or the (T, H, W) positions changes the logits by nmse > 1e-4
// (asserted below, so the comparison can fail).
TEST_F(VulkanVision, TextBackendTakesVisionRowsAndMropePositions) {
  lectern::testing::TempDir dir;
  model::TestModelOptions o;
  o.out = dir.file("tiny.gguf");
  ASSERT_TRUE(model::make_test_model(o).is_ok());
  auto weights = model::load_model_weights(o.out);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  const VisionPrompt p = vision_prompt(weights->hparams.n_embd);
  auto cpu = runtime::create_cpu_backend(*weights);
  ASSERT_TRUE(cpu.is_ok()) << cpu.status().to_string();
  const std::vector<float> want = eval_all(**cpu, p, true, true);
  ASSERT_FALSE(want.empty());
  // The check is meaningful: the vision rows and the 3-D positions both change the reference's logits.
  EXPECT_GT(vk_test::nmse(eval_all(**cpu, p, false, true), want), 1e-4);
  EXPECT_GT(vk_test::nmse(eval_all(**cpu, p, true, false), want), 1e-4);
  for (int32_t n_batch : {512, 5}) {
    runtime::VulkanBackendOptions vo;
    vo.instance = vk_test::context().instance;
    vo.n_batch = n_batch;
    vo.kv_type = DType::F32;
    vo.plan_n_ctx = 64;
    auto vulkan = runtime::create_vulkan_backend(*weights, vo);
    ASSERT_TRUE(vulkan.is_ok()) << vulkan.status().to_string();
    vk_test::report("vulkan_text_vision_rows(model=tiny,kv=f32,n_batch=" + std::to_string(n_batch) + ")",
                    vk_test::nmse(eval_all(**vulkan, p, true, true), want), 1e-7);
  }
}

// The encoder behind ModelBackend: load_vision checks the tower against the text width, encode_vision gives the
// reference's embeddings, and encoding before loading is an error.
TEST_F(VulkanVision, BackendLoadsAndEncodes) {
  lectern::testing::TempDir dir;
  model::TestModelOptions o;
  o.out = dir.file("tiny.gguf");
  ASSERT_TRUE(model::make_test_model(o).is_ok());
  auto weights = model::load_model_weights(o.out);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  runtime::VulkanBackendOptions vo;
  vo.instance = vk_test::context().instance;
  vo.plan_n_ctx = 64;
  auto backend = runtime::create_vulkan_backend(*weights, vo);
  ASSERT_TRUE(backend.is_ok()) << backend.status().to_string();
  auto tower = tiny_tower(dir, model::TestModelType::F16);  // n_out 48: not this model's width (256)
  ASSERT_TRUE(tower.is_ok()) << tower.status().to_string();
  model::VisionInput in = random_input(1, 4, 6, tower->hparams, 90);
  EXPECT_EQ((*backend)->encode_vision(in).status().code(), ErrorCode::InvalidArgument);
  EXPECT_FALSE((*backend)->load_vision(*tower).is_ok());

  model::TestVisionOptions vopt{model::TestVisionShape::Tiny, model::TestModelType::F16, 12, weights->hparams.n_embd};
  const std::string path = dir.file("mmproj-256.gguf");
  ASSERT_TRUE(model::write_test_vision_mmproj(path, vopt).is_ok());
  auto fitting = model::load_vision_weights(path);
  ASSERT_TRUE(fitting.is_ok()) << fitting.status().to_string();
  Status s = (*backend)->load_vision(*fitting);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  auto got = (*backend)->encode_vision(in);
  ASSERT_TRUE(got.is_ok()) << got.status().to_string();
  auto want = cpu::encode_vision_reference(*fitting, in);
  ASSERT_TRUE(want.is_ok()) << want.status().to_string();
  vk_test::report("backend_encode_vision(tower=tiny,type=f16,n_out=256)", vk_test::nmse(*got, *want), k_tolerance);
}
