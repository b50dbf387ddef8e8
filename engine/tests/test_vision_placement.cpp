// test_vision_placement.cpp: placeholder expansion (qwen35.md §6.3) and 3-D M-RoPE positions (§7.7) on the worked
// example of the spec and small hand-checked cases, including videos and the wrong-count errors.
#include <gtest/gtest.h>

#include "text/vision_placeholders.h"

namespace lectern::text {
namespace {

constexpr VisionTokenIds k_ids{100, 101, 102, 103};  // image_pad, video_pad, vision_start, vision_end

VisionItemLayout image(uint32_t gh, uint32_t gw) { return VisionItemLayout{false, 1, gh, gw, 2, {}}; }

TEST(VisionPlacement, WorkedExampleOfTheSpec) {
  // "…user\n" ends at position 9, <|vision_start|> = 10, a 1088×1920 image (grid 68 × 120, merged 34 × 60)
  // occupies T = 11, H = 11…44, W = 11…70, and <|vision_end|> gets 11 + 60 = 71.
  std::vector<int32_t> toks(10, 7);
  toks.push_back(k_ids.vision_start);
  toks.insert(toks.end(), 2040, k_ids.image_pad);
  toks.push_back(k_ids.vision_end);
  toks.push_back(8);
  const VisionItemLayout items[] = {image(68, 120)};
  auto pl = place_vision_tokens(toks, k_ids, items);
  ASSERT_TRUE(pl.is_ok()) << pl.status().to_string();
  const auto& p = pl->positions;
  ASSERT_EQ(p.size(), toks.size());
  EXPECT_EQ(p[9], (std::array<int64_t, 3>{9, 9, 9}));
  EXPECT_EQ(p[10], (std::array<int64_t, 3>{10, 10, 10}));
  EXPECT_EQ(p[11], (std::array<int64_t, 3>{11, 11, 11}));            // first pad: row 0, col 0
  EXPECT_EQ(p[11 + 59], (std::array<int64_t, 3>{11, 11, 70}));       // row 0, last col
  EXPECT_EQ(p[11 + 60], (std::array<int64_t, 3>{11, 12, 11}));       // row 1, col 0
  EXPECT_EQ(p[11 + 2039], (std::array<int64_t, 3>{11, 44, 70}));     // last pad
  EXPECT_EQ(p[11 + 2040], (std::array<int64_t, 3>{71, 71, 71}));     // <|vision_end|>
  EXPECT_EQ(p[11 + 2041], (std::array<int64_t, 3>{72, 72, 72}));
  EXPECT_EQ(pl->next_position, 73);
  ASSERT_EQ(pl->pad_rows.size(), 2040u);
  EXPECT_EQ(pl->pad_rows.front(), 11);
  EXPECT_EQ(pl->pad_rows.back(), 11 + 2039);
}

TEST(VisionPlacement, TallImageAdvancesByItsHeight) {
  // merged 3 × 1: HF advances by max(H', W') = 3 (Ollama's width-only rule would give 1).
  const int32_t toks[] = {5, k_ids.vision_start, 100, 100, 100, k_ids.vision_end};
  const VisionItemLayout items[] = {image(6, 2)};
  auto pl = place_vision_tokens(toks, k_ids, items, 4);
  ASSERT_TRUE(pl.is_ok());
  EXPECT_EQ(pl->positions[2], (std::array<int64_t, 3>{6, 6, 6}));
  EXPECT_EQ(pl->positions[4], (std::array<int64_t, 3>{6, 8, 6}));
  EXPECT_EQ(pl->positions[5], (std::array<int64_t, 3>{9, 9, 9}));
  EXPECT_EQ(pl->next_position, 10);
}

TEST(VisionPlacement, ExpandsImageAndVideoPlaceholders) {
  VisionItemLayout video{true, 2, 4, 2, 2, {0.25, 1.75}};  // 2 slices of merged 2 × 1
  const VisionItemLayout items[] = {image(2, 4), video};
  auto s = expand_vision_placeholders(
      "<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>and<|vision_start|><|video_pad|><|vision_end|>?",
      items);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_EQ(*s,
            "<|im_start|>user\n<|vision_start|><|image_pad|><|image_pad|><|vision_end|>and"
            "<0.2 seconds><|vision_start|><|video_pad|><|video_pad|><|vision_end|>"
            "<1.8 seconds><|vision_start|><|video_pad|><|video_pad|><|vision_end|>?");
}

TEST(VisionPlacement, VideoSlicesEachStartAtTheirOwnPosition) {
  // tokens: ts(2 text) start pad pad end ts(1 text) start pad pad end; slices merged 2 × 1.
  const int32_t toks[] = {1, 2, 102, 101, 101, 103, 3, 102, 101, 101, 103};
  VisionItemLayout video{true, 2, 4, 2, 2, {0.0, 1.0}};
  const VisionItemLayout items[] = {video};
  auto pl = place_vision_tokens(toks, k_ids, items);
  ASSERT_TRUE(pl.is_ok()) << pl.status().to_string();
  const auto& p = pl->positions;
  EXPECT_EQ(p[3], (std::array<int64_t, 3>{3, 3, 3}));
  EXPECT_EQ(p[4], (std::array<int64_t, 3>{3, 4, 3}));
  EXPECT_EQ(p[5], (std::array<int64_t, 3>{5, 5, 5}));  // 3 + max(2, 1)
  EXPECT_EQ(p[8], (std::array<int64_t, 3>{8, 8, 8}));
  EXPECT_EQ(p[9], (std::array<int64_t, 3>{8, 9, 8}));
  EXPECT_EQ(p[10], (std::array<int64_t, 3>{10, 10, 10}));
  EXPECT_EQ(pl->pad_rows, (std::vector<int32_t>{3, 4, 8, 9}));
}

TEST(VisionPlacement, CountMismatchesAreErrors) {
  const VisionItemLayout one[] = {image(2, 4)};
  const int32_t short_run[] = {102, 100, 103};
  auto r = place_vision_tokens(short_run, k_ids, one);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("has 1 image pads but its slice needs 2"), std::string::npos)
      << r.status().message();
  const int32_t none[] = {1, 2};
  EXPECT_EQ(place_vision_tokens(none, k_ids, one).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(expand_vision_placeholders("no placeholder", one).status().code(), ErrorCode::InvalidArgument);
  VisionItemLayout video{true, 1, 2, 4, 2, {0.0}};
  const VisionItemLayout vid[] = {video};
  auto k = expand_vision_placeholders("<|vision_start|><|image_pad|><|vision_end|>", vid);
  ASSERT_FALSE(k.is_ok());
  EXPECT_NE(k.status().message().find("is an image but item 1 is a video"), std::string::npos) << k.status().message();
}

}  // namespace
}  // namespace lectern::text
