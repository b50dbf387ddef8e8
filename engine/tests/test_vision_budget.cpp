// test_vision_budget.cpp: EngineOptions::vision_budget reaches preprocessing (fewer pixels → fewer vision tokens in
// what generate() evaluates), count_prompt_tokens counts the expanded vision prompt exactly as generate() does
// (images and videos, sizes only), plan_vision_layouts agrees with the real preprocessing, and bad budgets are refused.
#include <gtest/gtest.h>

#include "lectern/engine.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"
#include "model/vision_preprocess.h"
#include "model/vision_weights.h"
#include "model_test_support.h"
#include "runtime/vision_prompt.h"

namespace lectern {
namespace {

using lectern::testing::TempDir;

std::vector<uint8_t> gradient_rgb(uint32_t w, uint32_t h, uint8_t salt) {
  std::vector<uint8_t> v(size_t{w} * h * 3);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<uint8_t>((i * 7 + salt) & 0xff);
  return v;
}

ChatRequest request_with(std::vector<ContentPart> visuals, const std::string& text = "Describe.") {
  ChatRequest r;
  ChatMessage m = ChatMessage::make(ChatRole::User, text);
  m.content.insert(m.content.begin(), visuals.begin(), visuals.end());
  r.messages.push_back(std::move(m));
  return r;
}

ContentPart video(uint32_t w, uint32_t h, uint32_t n_frames) {
  std::vector<std::vector<uint8_t>> frames;
  std::vector<double> times;
  for (uint32_t i = 0; i < n_frames; ++i) {
    frames.push_back(gradient_rgb(w, h, static_cast<uint8_t>(i)));
    times.push_back(0.5 * i);
  }
  return ContentPart::make_video_frames(w, h, std::move(frames), std::move(times));
}

class VisionBudgetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    model::TestModelOptions o;
    o.type = model::TestModelType::F32;
    o.out = dir_->file("m.gguf");
    ASSERT_TRUE(model::make_test_model(o).is_ok());
    ASSERT_TRUE(model::write_test_vision_mmproj(model::default_mmproj_path(o.out),
                                                {model::TestVisionShape::Tiny, o.type, 0, 256})
                    .is_ok());
    model_ = o.out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static Engine load(const VisionBudgetOptions& budget) {
    EngineOptions o;
    o.model_path = model_;
    o.device = DeviceChoice::Cpu;
    o.context_length = 1024;
    o.vision_budget = budget;
    auto e = Engine::load(o);
    EXPECT_TRUE(e.is_ok()) << e.status().to_string();
    return std::move(e).value();
  }

  static int64_t generated_prompt_tokens(const Engine& engine, const ChatRequest& request) {
    auto session = engine.new_session();
    EXPECT_TRUE(session.is_ok());
    GenerationSettings s;
    s.sampler.temperature = 0;
    s.max_tokens = 1;
    auto r = session->generate(request, s);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? r->stats.n_prompt_tokens : -1;
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::string model_;
};

TEST_F(VisionBudgetTest, CountPromptTokensMatchesWhatGenerateEvaluates) {
  Engine engine = load({});
  auto text_only = engine.count_prompt_tokens(request_with({}));
  ASSERT_TRUE(text_only.is_ok());
  // 64 x 48 is under the 65,536-pixel minimum: scaled up to 320 x 224 → 70 tokens + vision_start/end.
  const ChatRequest image = request_with({ContentPart::make_image_rgb(64, 48, gradient_rgb(64, 48, 1))});
  auto counted = engine.count_prompt_tokens(image);
  ASSERT_TRUE(counted.is_ok()) << counted.status().to_string();
  EXPECT_EQ(*counted - *text_only, 70 + 2);
  EXPECT_EQ(*counted, generated_prompt_tokens(engine, image));

  // A 3-frame video: padded to 4 frames, 2 temporal groups, each with its "<t seconds>" text.
  const ChatRequest clip = request_with({video(64, 64, 3)});
  auto counted_clip = engine.count_prompt_tokens(clip);
  ASSERT_TRUE(counted_clip.is_ok()) << counted_clip.status().to_string();
  EXPECT_EQ(*counted_clip, generated_prompt_tokens(engine, clip));
}

TEST_F(VisionBudgetTest, SmallerBudgetGivesFewerTokens) {
  VisionBudgetOptions small;
  small.image_min_pixels = 1024;
  small.image_max_pixels = 4096;
  Engine engine = load(small);
  auto text_only = engine.count_prompt_tokens(request_with({}));
  ASSERT_TRUE(text_only.is_ok());
  // 128 x 96 = 12,288 pixels > 4,096: β = √3 → 64 x 32 (multiples of 32, floored) = 2 tokens.
  const ChatRequest image = request_with({ContentPart::make_image_rgb(128, 96, gradient_rgb(128, 96, 2))});
  auto counted = engine.count_prompt_tokens(image);
  ASSERT_TRUE(counted.is_ok());
  EXPECT_EQ(*counted - *text_only, 2 + 2);
  EXPECT_EQ(generated_prompt_tokens(engine, image) - *text_only, 2 + 2);
}

TEST_F(VisionBudgetTest, BudgetChangesWithoutReload) {
  Engine engine = load({});
  auto session = engine.new_session();
  ASSERT_TRUE(session.is_ok());
  const ChatRequest image = request_with({ContentPart::make_image_rgb(128, 96, gradient_rgb(128, 96, 2))});
  auto before = engine.count_prompt_tokens(image);
  ASSERT_TRUE(before.is_ok());
  VisionBudgetOptions small;
  small.image_min_pixels = 1024;
  small.image_max_pixels = 4096;
  ASSERT_TRUE(engine.set_vision_budget(small).is_ok());
  EXPECT_EQ(engine.vision_budget().image_max_pixels, 4096u);
  auto after = engine.count_prompt_tokens(image);
  ASSERT_TRUE(after.is_ok());
  EXPECT_EQ(*before - *after, 70 - 2);  // 320 x 224 (70 tokens) at the default budget, 64 x 32 (2) now
  GenerationSettings s;
  s.sampler.temperature = 0;
  s.max_tokens = 1;
  auto r = session->generate(image, s);  // a session made before the change uses it too
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->stats.n_prompt_tokens, *after);
  VisionBudgetOptions bad = small;
  bad.image_min_pixels = 1'000'000;
  EXPECT_EQ(engine.set_vision_budget(bad).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(engine.vision_budget().image_min_pixels, 1024u);
}

TEST_F(VisionBudgetTest, PlannedLayoutsAgreeWithPreprocessing) {
  model::VisionHParams hp;  // only the geometry matters here
  model::VisionBudget budget;
  budget.image_max_pixels = 20'000;
  const ChatRequest r = request_with({ContentPart::make_image_rgb(300, 100, gradient_rgb(300, 100, 3)), video(96, 64, 5)});
  auto layouts = runtime::plan_vision_layouts(r, hp, budget);
  ASSERT_TRUE(layouts.is_ok()) << layouts.status().to_string();
  ASSERT_EQ(layouts->size(), 2u);
  auto image = model::preprocess_image({300, 100, gradient_rgb(300, 100, 3)}, hp, budget);
  ASSERT_TRUE(image.is_ok());
  EXPECT_EQ((*layouts)[0].grid_t, image->grid_t);
  EXPECT_EQ((*layouts)[0].grid_h, image->grid_h);
  EXPECT_EQ((*layouts)[0].grid_w, image->grid_w);
  std::vector<model::RgbImage> frames;
  for (uint32_t i = 0; i < 5; ++i) frames.push_back({96, 64, gradient_rgb(96, 64, static_cast<uint8_t>(i))});
  const std::vector<double> times{0, 0.5, 1.0, 1.5, 2.0};
  auto clip = model::preprocess_video(frames, times, hp, budget);
  ASSERT_TRUE(clip.is_ok());
  EXPECT_TRUE((*layouts)[1].is_video);
  EXPECT_EQ((*layouts)[1].grid_t, clip->grid_t);
  EXPECT_EQ((*layouts)[1].grid_h, clip->grid_h);
  EXPECT_EQ((*layouts)[1].grid_w, clip->grid_w);
  EXPECT_EQ((*layouts)[1].timestamps, clip->timestamps);
}

TEST_F(VisionBudgetTest, BadBudgetsAreRefusedAtLoad) {
  auto refused = [](VisionBudgetOptions b, const std::string& needle) {
    EngineOptions o;
    o.model_path = model_;
    o.device = DeviceChoice::Cpu;
    o.vision_budget = b;
    auto e = Engine::load(o);
    ASSERT_FALSE(e.is_ok());
    EXPECT_EQ(e.status().code(), ErrorCode::InvalidArgument);
    EXPECT_NE(e.status().message().find(needle), std::string::npos) << e.status().message();
  };
  VisionBudgetOptions b;
  b.image_min_pixels = 2'000'000;
  b.image_max_pixels = 1'000'000;
  refused(b, "image minimum pixels 2000000 exceed the maximum 1000000");
  b = {};
  b.video_max_pixels = 100;
  refused(b, "at least 1024");
  b = {};
  b.video_fps = 0;
  refused(b, "frames per second");
  b = {};
  b.video_min_frames = 10;
  b.video_max_frames = 5;
  refused(b, "frame bounds");
}

TEST_F(VisionBudgetTest, WithoutPixelsTheCountIsThePlaceholders) {
  Engine engine = load({});
  // A part without pixels renders as its 3-token placeholder and is counted as such.
  auto plain = engine.count_prompt_tokens(request_with({ContentPart::make_image("cat.png")}));
  auto text_only = engine.count_prompt_tokens(request_with({}));
  ASSERT_TRUE(plain.is_ok());
  EXPECT_EQ(*plain - *text_only, 3);
}

}  // namespace
}  // namespace lectern
