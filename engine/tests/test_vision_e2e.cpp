// test_vision_e2e.cpp: images through the whole CPU path on a tiny model with a tiny random vision tower: the
// encoder rows reach the logits (a different image gives different logits, the same image the same), text after
// the image continues at the M-RoPE position, rewinding into the image is refused, a picture sent again with the
// history is neither encoded nor evaluated again, Engine/ChatSession and
// `lectern-cli run --image` answer, and a model without a tower says how to add one.
#include <gtest/gtest.h>

#include <random>

#include "lectern/engine.h"
#include "model/model_source.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"
#include "model/vision_weights.h"
#include "model_test_support.h"
#include "runtime/cpu_backend.h"
#include "runtime/session.h"
#include "runtime/vision_encode_cache.h"
#include "runtime/vision_prompt.h"
#include "text/tokenizer_loader.h"

namespace lectern {
namespace {

using lectern::testing::TempDir;

std::vector<uint8_t> random_rgb(uint32_t w, uint32_t h, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> v(size_t{w} * h * 3);
  for (uint8_t& b : v) b = static_cast<uint8_t>(rng() & 0xff);
  return v;
}

ChatRequest image_request(uint32_t seed, const std::string& text = "What is in the picture?") {
  ChatRequest r;
  ChatMessage m = ChatMessage::make(ChatRole::User, text);
  m.content.insert(m.content.begin(), ContentPart::make_image_rgb(48, 40, random_rgb(48, 40, seed)));
  r.messages.push_back(std::move(m));
  return r;
}

std::string make_gguf_with_tower(const TempDir& d) {
  model::TestModelOptions o;
  o.type = model::TestModelType::F32;
  o.out = d.file("m.gguf");
  EXPECT_TRUE(model::make_test_model(o).is_ok());
  EXPECT_TRUE(model::write_test_vision_mmproj(model::default_mmproj_path(o.out),
                                              {model::TestVisionShape::Tiny, o.type, 0, 256})
                  .is_ok());
  return o.out;
}

struct Rig {
  std::unique_ptr<runtime::ModelBackend> backend;
  std::optional<Tokenizer> tokenizer;
  model::VisionWeights vision;
};

std::unique_ptr<Rig> make_rig(const std::string& model_path) {
  auto rig = std::make_unique<Rig>();
  auto w = model::load_model_weights(model_path);
  EXPECT_TRUE(w.is_ok());
  auto b = runtime::create_cpu_backend(*w);
  EXPECT_TRUE(b.is_ok());
  rig->backend = std::move(b).value();
  auto t = text::load_tokenizer_for_model(model_path);
  EXPECT_TRUE(t.is_ok());
  rig->tokenizer.emplace(std::move(t).value());
  auto v = model::load_vision_weights(model::default_mmproj_path(model_path));
  EXPECT_TRUE(v.is_ok()) << v.status().to_string();
  rig->vision = std::move(v).value();
  return rig;
}

// Logits after the prompt of `request` evaluated in a fresh session.
std::vector<float> prompt_logits(Rig& rig, const ChatRequest& request, runtime::VisionPrompt* out = nullptr) {
  auto text = render_chat_prompt(request, ChatTemplateTraits{});
  EXPECT_TRUE(text.is_ok());
  auto vp = runtime::build_vision_prompt(request, *text, &rig.vision, model::VisionBudget{}, *rig.tokenizer, 256);
  EXPECT_TRUE(vp.is_ok()) << vp.status().to_string();
  runtime::SessionOptions so;
  so.n_ctx = 512;
  auto s = runtime::Session::create(*rig.backend, so);
  EXPECT_TRUE(s.is_ok());
  s->set_multimodal_prompt(vp->mm);
  EXPECT_TRUE(s->sync(vp->tokens).is_ok());
  if (out) *out = *vp;
  return std::vector<float>(s->logits().begin(), s->logits().end());
}

TEST(VisionEndToEnd, TheImageReachesTheLogits) {
  TempDir d;
  auto rig = make_rig(make_gguf_with_tower(d));
  runtime::VisionPrompt vp;
  auto a = prompt_logits(*rig, image_request(1), &vp);
  auto a2 = prompt_logits(*rig, image_request(1));
  auto b = prompt_logits(*rig, image_request(2));
  // 48 × 40 -> smart resize 256 × 288 (min pixels) -> grid 16 × 18 -> 72 pad tokens.
  EXPECT_EQ(vp.n_vision_tokens, 72);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, a2);
  double diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff = std::max(diff, double(std::fabs(a[i] - b[i])));
  EXPECT_GT(diff, 1e-3) << "a different image must change the logits";
}

TEST(VisionEndToEnd, TextAfterTheImageUsesShiftedPositionsAndRewindIsGuarded) {
  TempDir d;
  auto rig = make_rig(make_gguf_with_tower(d));
  auto text = render_chat_prompt(image_request(3), ChatTemplateTraits{});
  ASSERT_TRUE(text.is_ok());
  auto vp = runtime::build_vision_prompt(image_request(3), *text, &rig->vision, {}, *rig->tokenizer, 256);
  ASSERT_TRUE(vp.is_ok());
  runtime::SessionOptions so;
  so.n_ctx = 512;
  auto s = runtime::Session::create(*rig->backend, so);
  ASSERT_TRUE(s.is_ok());
  s->set_multimodal_prompt(vp->mm);
  ASSERT_TRUE(s->sync(vp->tokens).is_ok());
  const int64_t n = static_cast<int64_t>(vp->tokens.size());
  // merged grid 8 × 9: the 72 pads occupy 9 positions instead of 72.
  EXPECT_EQ(vp->mm.next_position, n - 72 + 9);
  EXPECT_EQ(s->position_offset(), vp->mm.next_position - n);
  // Continuing with a token equals evaluating it at position next_position in a reference run.
  const int32_t tok = vp->tokens.back();
  ASSERT_TRUE(s->extend(std::span<const int32_t>(&tok, 1)).is_ok());
  std::vector<float> cont(s->logits().begin(), s->logits().end());
  auto r2 = runtime::Session::create(*rig->backend, so);
  ASSERT_TRUE(r2.is_ok());
  runtime::MultimodalPrompt mm2 = vp->mm;
  std::vector<int32_t> toks2 = vp->tokens;
  toks2.push_back(tok);
  mm2.positions.push_back({mm2.next_position, mm2.next_position, mm2.next_position});
  mm2.next_position += 1;
  r2->set_multimodal_prompt(mm2);
  ASSERT_TRUE(r2->sync(toks2).is_ok());
  EXPECT_EQ(cont, std::vector<float>(r2->logits().begin(), r2->logits().end()));
  // Into the image: refused with a reason; back before it: fine, and text positions are plain again.
  Status bad = s->rewind(vp->mm.rows.front() + 3);
  EXPECT_EQ(bad.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(bad.message().find("images or videos"), std::string::npos) << bad.message();
  EXPECT_TRUE(s->rewind(n).is_ok());  // back to the end of the multimodal prompt (its checkpoint)
  EXPECT_TRUE(s->rewind(vp->mm.rows.front() - 1).is_ok());
  EXPECT_EQ(s->position_offset(), 0);
}

// A follow-up whose history sends the same picture again: the session keeps everything up to the first token that
// differs (past the picture's rows, restoring the checkpoint after them), and the logits equal a fresh session's.
// With a different picture of the same size (same tokens, other rows) reuse stops at its first row.
TEST(VisionEndToEnd, SameHistoryPicturesAreReused) {
  TempDir d;
  auto rig = make_rig(make_gguf_with_tower(d));
  runtime::SessionOptions so;
  so.n_ctx = 512;
  auto s = runtime::Session::create(*rig->backend, so);
  ASSERT_TRUE(s.is_ok());
  auto vision_prompt = [&](const ChatRequest& request) {
    auto text = render_chat_prompt(request, ChatTemplateTraits{});
    EXPECT_TRUE(text.is_ok());
    auto vp = runtime::build_vision_prompt(request, *text, &rig->vision, {}, *rig->tokenizer, 256);
    EXPECT_TRUE(vp.is_ok()) << vp.status().to_string();
    return std::move(vp).value();
  };
  ChatRequest first = image_request(6);
  first.add_generation_prompt = true;
  const runtime::VisionPrompt vp1 = vision_prompt(first);
  s->set_multimodal_prompt(vp1.mm);
  // A checkpoint at the assistant turn's <|im_start|>, as generation asks for at every turn boundary.
  const std::optional<int32_t> im_start = rig->tokenizer->piece_to_id("<|im_start|>");
  ASSERT_TRUE(im_start.has_value());
  const int64_t turn = std::find(vp1.tokens.rbegin(), vp1.tokens.rend(), *im_start).base() - vp1.tokens.begin() - 1;
  ASSERT_GT(turn, vp1.mm.rows.back());
  ASSERT_TRUE(s->sync(vp1.tokens, {.checkpoint_at = {turn}}).is_ok());
  const std::vector<int32_t> answer = {vp1.tokens[vp1.tokens.size() - 5], vp1.tokens[vp1.tokens.size() - 6]};
  ASSERT_TRUE(s->extend(answer).is_ok());

  auto follow_up = [&](uint32_t seed) {
    ChatRequest r = image_request(seed);
    r.messages.push_back(ChatMessage::make(ChatRole::Assistant, "Noise."));
    r.messages.push_back(ChatMessage::make(ChatRole::User, "And the colours?"));
    r.add_generation_prompt = true;
    return vision_prompt(r);
  };
  const runtime::VisionPrompt same = follow_up(6);
  const int64_t rows_end = same.mm.rows.back() + 1;
  s->set_multimodal_prompt(same.mm);
  auto reused = s->sync(same.tokens);
  ASSERT_TRUE(reused.is_ok()) << reused.status().to_string();
  EXPECT_GE(*reused, rows_end);
  auto fresh = runtime::Session::create(*rig->backend, so);
  ASSERT_TRUE(fresh.is_ok());
  fresh->set_multimodal_prompt(same.mm);
  ASSERT_TRUE(fresh->sync(same.tokens).is_ok());
  std::vector<float> want(fresh->logits().begin(), fresh->logits().end());
  std::vector<float> got(s->logits().begin(), s->logits().end());
  ASSERT_EQ(got.size(), want.size());
  double diff = 0;
  for (size_t i = 0; i < got.size(); ++i) diff = std::max(diff, double(std::fabs(got[i] - want[i])));
  EXPECT_LT(diff, 1e-4) << "reusing the history's picture rows changed the logits";

  const runtime::VisionPrompt other = follow_up(7);
  ASSERT_EQ(other.tokens, same.tokens);
  s->set_multimodal_prompt(other.mm);
  reused = s->sync(other.tokens);
  ASSERT_TRUE(reused.is_ok()) << reused.status().to_string();
  EXPECT_LE(*reused, other.mm.rows.front());
}

// The encoder outputs of the last request are kept by content: the same picture again is not encoded again, a new
// one is, and what the last request did not use is forgotten.
TEST(VisionEndToEnd, EncodeCacheSkipsPicturesOfThePreviousRequest) {
  runtime::VisionEncodeCache cache;
  int calls = 0;
  auto encoder = [&](const model::VisionInput& in) -> Result<std::vector<float>> {
    ++calls;
    return std::vector<float>(in.n_tokens(), in.patches.empty() ? 0.0f : in.patches[0]);
  };
  auto picture = [](float v) {
    model::VisionInput in;
    in.grid_t = 1, in.grid_h = 2, in.grid_w = 2;
    in.patches.assign(4 * 8, v);
    return in;
  };
  auto first = cache.wrap(encoder);
  ASSERT_TRUE(first(picture(1)).is_ok());
  ASSERT_TRUE(first(picture(2)).is_ok());
  EXPECT_EQ(calls, 2);
  auto second = cache.wrap(encoder);
  auto again = second(picture(1));
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(*again, std::vector<float>{1.0f});
  EXPECT_EQ(calls, 2);
  ASSERT_TRUE(second(picture(3)).is_ok());
  EXPECT_EQ(calls, 3);
  auto third = cache.wrap(encoder);
  ASSERT_TRUE(third(picture(2)).is_ok());  // not used by the second request: encoded again
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(cache.n_encoded(), 4);
  EXPECT_EQ(cache.n_reused(), 1);
}

TEST(VisionEndToEnd, EngineAnswersAboutAnImageAndCliRunsWithOne) {
  TempDir d;
  const std::string model = make_gguf_with_tower(d);
  EngineOptions eo;
  eo.model_path = model;
  eo.device = DeviceChoice::Cpu;
  eo.context_length = 512;
  auto engine = Engine::load(eo);
  ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
  EXPECT_EQ(engine->summary().vision_path, model::default_mmproj_path(model));
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  GenerationSettings gs;
  gs.max_tokens = 4;
  gs.sampler.temperature = 0;
  auto r = session->generate(image_request(4), gs);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_GT(r->stats.n_generated, 0);
  // A follow-up turn in the same session (the image is sent again with the history) also works.
  ChatRequest follow = image_request(4);
  follow.messages.push_back(ChatMessage::make(ChatRole::Assistant, r->text));
  follow.messages.push_back(ChatMessage::make(ChatRole::User, "And the colours?"));
  auto r2 = session->generate(follow, gs);
  ASSERT_TRUE(r2.is_ok()) << r2.status().to_string();
  // The image's 72 rows were kept from the first turn, not evaluated again (see SameHistoryPicturesAreReused).
  EXPECT_LT(r2->stats.n_prompt_evaluated, r2->stats.n_prompt_tokens - 72) << r2->stats.n_prompt_reused;

  // The CLI: a binary PPM image.
  const std::string ppm = d.file("img.ppm");
  std::string bytes = "P6\n20 12\n255\n";
  auto px = random_rgb(20, 12, 9);
  bytes.append(px.begin(), px.end());
  lectern::testing::write_text(ppm, bytes);
  auto cli = lectern::testing::run_cli("run '" + model + "' --device cpu --ctx 512 --image '" + ppm +
                                       "' --prompt hi --max-tokens 3 --temp 0");
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_NE(cli.output.find("[stats] prompt"), std::string::npos) << cli.output;
  // A video as a folder of frames.
  std::filesystem::create_directories(d.file("clip"));
  for (const char* name : {"f1.ppm", "f2.ppm"}) lectern::testing::write_text(d.file(std::string("clip/") + name), bytes);
  auto vid = lectern::testing::run_cli("run '" + model + "' --device cpu --ctx 512 --video '" + d.file("clip") +
                                       "' --prompt hi --max-tokens 2 --temp 0");
  EXPECT_EQ(vid.exit_code, 0) << vid.output;
  auto bad = lectern::testing::run_cli("run '" + model + "' --device cpu --image '" + d.file("m.gguf") + "' --prompt hi");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("is not a PNG, JPEG or binary PPM"), std::string::npos) << bad.output;
}

TEST(VisionEndToEnd, VideoFramesBecomeTimestampedSlices) {
  TempDir d;
  auto rig = make_rig(make_gguf_with_tower(d));
  ChatRequest r;
  ChatMessage m = ChatMessage::make(ChatRole::User, "What happens?");
  std::vector<std::vector<uint8_t>> frames = {random_rgb(64, 64, 1), random_rgb(64, 64, 2), random_rgb(64, 64, 3)};
  m.content.insert(m.content.begin(), ContentPart::make_video_frames(64, 64, frames, {0.0, 0.5, 1.0}));
  r.messages.push_back(std::move(m));
  runtime::VisionPrompt vp;
  auto logits = prompt_logits(*rig, r, &vp);
  ASSERT_FALSE(logits.empty());
  // 3 frames -> 2 temporal slices (last frame repeated), 64 × 64 -> grid 4 × 4 -> 4 tokens per slice.
  EXPECT_EQ(vp.n_vision_tokens, 8);
  auto text = rig->tokenizer->decode(vp.tokens);
  ASSERT_TRUE(text.is_ok());
  EXPECT_NE(text->find("<0.2 seconds><|vision_start|><|video_pad|><|video_pad|><|video_pad|><|video_pad|><|vision_end|>"
                       "<1.0 seconds><|vision_start|>"),
            std::string::npos)
      << *text;
}

TEST(VisionEndToEnd, ModelWithoutTowerSaysHowToAddOne) {
  TempDir d;
  model::TestModelOptions o;
  o.out = d.file("plain.gguf");
  ASSERT_TRUE(model::make_test_model(o).is_ok());
  EngineOptions eo;
  eo.model_path = o.out;
  eo.device = DeviceChoice::Cpu;
  eo.context_length = 256;
  auto engine = Engine::load(eo);
  ASSERT_TRUE(engine.is_ok());
  EXPECT_TRUE(engine->summary().vision_path.empty());
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  auto r = session->generate(image_request(1), GenerationSettings{});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("this model has no vision encoder; load its mmproj file"), std::string::npos)
      << r.status().message();
}

TEST(VisionEndToEnd, HfFolderWithTowerLoadsItsOwnEncoder) {
  TempDir d;
  model::TestModelOptions o;
  o.format = model::TestModelFormat::Hf;
  o.out = d.file("hf");
  ASSERT_TRUE(model::make_test_model(o).is_ok());
  ASSERT_TRUE(model::add_test_vision_tower_hf(o.out, {model::TestVisionShape::Tiny, o.type, 0, 256}).is_ok());
  EngineOptions eo;
  eo.model_path = o.out;
  eo.device = DeviceChoice::Cpu;
  eo.context_length = 256;
  auto engine = Engine::load(eo);
  ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
  EXPECT_EQ(engine->summary().vision_path, o.out);
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  GenerationSettings gs;
  gs.max_tokens = 2;
  auto r = session->generate(image_request(5), gs);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
}

}  // namespace
}  // namespace lectern
