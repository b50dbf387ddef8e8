// test_vision_preprocess.cpp: the worked examples of qwen35.md §7.2 (smart resize), patch order, the bicubic
// antialiased resize on hand-computed cases, video grouping and timestamps (§7.4), the position-table resample
// (§7.3.2) and the 2-D rotary angles (§7.3.3), each against values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "model/vision_preprocess.h"

namespace lectern::model {
namespace {

TEST(VisionPreprocess, SmartResizeWorkedExamples) {
  auto a = smart_resize(1080, 1920, 32, 65536, 16777216);
  ASSERT_TRUE(a.is_ok());
  EXPECT_EQ(a->height, 1088u);
  EXPECT_EQ(a->width, 1920u);
  EXPECT_EQ(a->height / 16 * (a->width / 16) / 4, 2040u);  // grid 68 × 120 -> 2040 merged tokens
  auto b = smart_resize(100, 100, 32, 65536, 16777216);
  ASSERT_TRUE(b.is_ok());
  EXPECT_EQ(b->height, 256u);
  EXPECT_EQ(b->width, 256u);
  EXPECT_EQ(b->height * b->width / 1024, 64u);
  // Above the maximum: beta = sqrt(8000² / 2^24) = 1.953125 -> 8000 / beta = 4096 exactly.
  auto c = smart_resize(8000, 8000, 32, 65536, 16777216);
  ASSERT_TRUE(c.is_ok());
  EXPECT_EQ(c->height, 4096u);
  EXPECT_EQ(c->width, 4096u);
  // Round half to even: 48 / 32 = 1.5 -> 2, 80 / 32 = 2.5 -> 2 (then 64 × 64 < min -> grown).
  auto d = smart_resize(48, 80, 32, 0, 16777216);
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->height, 64u);
  EXPECT_EQ(d->width, 64u);
}

TEST(VisionPreprocess, SmartResizeRejectsExtremeAspectAndEmpty) {
  auto r = smart_resize(1, 201, 32, 65536, 16777216);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("aspect ratio must be at most 200:1"), std::string::npos) << r.status().message();
  EXPECT_TRUE(smart_resize(1, 200, 32, 65536, 16777216).is_ok());
  EXPECT_EQ(smart_resize(0, 10, 32, 65536, 16777216).status().code(), ErrorCode::InvalidArgument);
}

TEST(VisionPreprocess, SmartResizeVideoCountsTheWholeClip) {
  // 8 frames of 1080p: 8 · 1088 · 1920 = 16 711 680 fits 2^24, so no shrinking.
  auto fit = smart_resize(1080, 1920, 32, 4096, 16777216, 8);
  ASSERT_TRUE(fit.is_ok());
  EXPECT_EQ(fit->height, 1088u);
  // 16 frames: beta = sqrt(16 · 1080 · 1920 / 2^24) = 1.40625 -> 1080 / beta = 768, 1920 / beta = 1365.3 -> 1344.
  auto v = smart_resize(1080, 1920, 32, 4096, 16777216, 16);
  ASSERT_TRUE(v.is_ok());
  EXPECT_EQ(v->height, 768u);
  EXPECT_EQ(v->width, 1344u);
  // An odd count is rounded up to whole temporal patches for the test: 15 frames count as 16 (1088·1920·16 > max).
  auto odd = smart_resize(1080, 1920, 32, 4096, 16777216, 15);
  ASSERT_TRUE(odd.is_ok());
  EXPECT_LT(odd->height, 1088u);
}

VisionHParams tiny_patch_hp() {
  VisionHParams hp;
  hp.patch_size = 2;
  hp.merge_size = 2;
  hp.image_mean = {0, 0, 0};
  hp.image_std = {1, 1, 1};
  return hp;
}

TEST(VisionPreprocess, PatchOrderMatchesHandBuiltIndices) {
  // 4 rows × 8 cols, patch 2 -> grid 2 × 4 patches, merge windows 2 × 2: rows in (block_row, block_col, r, c).
  RgbImage f0{8, 4, {}}, f1{8, 4, {}};
  for (uint32_t y = 0; y < 4; ++y)
    for (uint32_t x = 0; x < 8; ++x)
      for (uint32_t c = 0; c < 3; ++c) {
        f0.rgb.push_back(static_cast<uint8_t>((y * 8 + x) * 3 + c));
        f1.rgb.push_back(static_cast<uint8_t>(100 + (y * 8 + x) * 3 + c));
      }
  const RgbImage* frames[] = {&f0, &f1};
  auto in = patchify(frames, tiny_patch_hp());
  ASSERT_TRUE(in.is_ok()) << in.status().to_string();
  EXPECT_EQ(in->grid_t, 1u);
  EXPECT_EQ(in->grid_h, 2u);
  EXPECT_EQ(in->grid_w, 4u);
  ASSERT_EQ(in->patches.size(), 8u * 24u);  // 3 ch × 2 frames × 2 × 2
  // Patch (row, col) of each output row, by hand.
  const uint32_t expected[8][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}};
  for (uint32_t r = 0; r < 8; ++r)
    for (uint32_t ch = 0; ch < 3; ++ch)
      for (uint32_t f = 0; f < 2; ++f)
        for (uint32_t y = 0; y < 2; ++y)
          for (uint32_t x = 0; x < 2; ++x) {
            const uint32_t py = expected[r][0] * 2 + y, px = expected[r][1] * 2 + x;
            const float want = static_cast<float>((f ? 100 : 0) + (py * 8 + px) * 3 + ch) / 255.0f;
            EXPECT_FLOAT_EQ(in->patches[r * 24 + ((ch * 2 + f) * 2 + y) * 2 + x], want)
                << "row " << r << " ch " << ch << " f " << f << " y " << y << " x " << x;
          }
  // One value spelled out: row 5 = patch (0, 3); ch 1, frame 1, y 1, x 0 -> pixel (1, 6): 100 + (14·3 + 1).
  EXPECT_FLOAT_EQ(in->patches[5 * 24 + 14], 143.0f / 255.0f);
}

TEST(VisionPreprocess, NormalisationIsPixelOver127_5MinusOne) {
  VisionHParams hp;  // mean = std = 0.5, patch 16
  RgbImage im{32, 32, std::vector<uint8_t>(32 * 32 * 3, 0)};
  im.rgb[0] = 255, im.rgb[1] = 51;
  const RgbImage* frames[] = {&im, &im};
  auto in = patchify(frames, hp);
  ASSERT_TRUE(in.is_ok());
  EXPECT_FLOAT_EQ(in->patches[0], 1.0f);                          // ch 0, f 0, (0, 0)
  EXPECT_NEAR(in->patches[2 * 256], 51 / 127.5 - 1, 1e-6);        // ch 1, f 0
  EXPECT_FLOAT_EQ(in->patches[1], -1.0f);
}

TEST(VisionPreprocess, BicubicResizeHandCases) {
  // Same size: identity. Constant image: constant.
  RgbImage im{5, 3, {}};
  for (int i = 0; i < 45; ++i) im.rgb.push_back(static_cast<uint8_t>(i * 5));
  auto same = resize_bicubic(im, 3, 5);
  ASSERT_TRUE(same.is_ok());
  EXPECT_EQ(same->rgb, im.rgb);
  RgbImage flat{7, 7, std::vector<uint8_t>(7 * 7 * 3, 77)};
  auto up = resize_bicubic(flat, 11, 3);
  ASSERT_TRUE(up.is_ok());
  for (uint8_t v : up->rgb) EXPECT_EQ(v, 77);
  // 4 -> 2 columns of [0, 0, 255, 255]: antialiased kernel (a = -0.5, widened ×2) at offsets -0.25, 0.25, 0.75,
  // 1.25 -> weights 0.8671875, 0.8671875, 0.2265625, -0.0703125 (sum 1.890625): 255·0.15625/1.890625 = 21.07.
  RgbImage step{4, 1, {}};
  for (uint8_t v : {0, 0, 255, 255})
    for (int c = 0; c < 3; ++c) step.rgb.push_back(v);
  auto half = resize_bicubic(step, 1, 2);
  ASSERT_TRUE(half.is_ok());
  EXPECT_EQ(half->rgb[0], 21);
  EXPECT_EQ(half->rgb[3], 234);
  EXPECT_EQ(resize_bicubic(RgbImage{2, 2, {1, 2, 3}}, 1, 1).status().code(), ErrorCode::InvalidArgument);
}

TEST(VisionPreprocess, PreprocessImageGivesTheWorkedGrid) {
  VisionHParams hp;
  RgbImage im{100, 100, std::vector<uint8_t>(100 * 100 * 3, 128)};
  auto in = preprocess_image(im, hp, VisionBudget{});
  ASSERT_TRUE(in.is_ok()) << in.status().to_string();
  EXPECT_EQ(in->grid_t, 1u);
  EXPECT_EQ(in->grid_h, 16u);
  EXPECT_EQ(in->grid_w, 16u);
  EXPECT_EQ(in->n_tokens(), 64u);
  EXPECT_EQ(in->patches.size(), 256u * 1536u);
}

TEST(VisionPreprocess, VideoPairsFramesWithTimestamps) {
  VisionHParams hp;
  std::vector<RgbImage> frames;
  for (int i = 0; i < 3; ++i) frames.push_back(RgbImage{64, 64, std::vector<uint8_t>(64 * 64 * 3, static_cast<uint8_t>(i * 40))});
  const double times[] = {0.0, 0.5, 1.0};
  auto v = preprocess_video(frames, times, hp, VisionBudget{});
  ASSERT_TRUE(v.is_ok()) << v.status().to_string();
  EXPECT_TRUE(v->is_video);
  EXPECT_EQ(v->grid_t, 2u);  // odd count: the last frame repeats
  ASSERT_EQ(v->timestamps.size(), 2u);
  EXPECT_DOUBLE_EQ(v->timestamps[0], 0.25);
  EXPECT_DOUBLE_EQ(v->timestamps[1], 1.0);
  // Second temporal group = frames 2 and 2 (repeated): both frame halves of its patches are equal.
  const size_t per_slice = size_t{v->grid_h} * v->grid_w;
  const float* row = v->patches.data() + per_slice * 1536;
  EXPECT_EQ(row[0], row[256]);            // ch 0: frame 0 vs frame 1 of the group
  EXPECT_NE(v->patches[0], v->patches[256]);  // first group: frames 0 and 1 differ
  EXPECT_EQ(video_timestamp_text(0.75), "<0.8 seconds>");
  EXPECT_EQ(video_timestamp_text(12.0), "<12.0 seconds>");
  const double bad_times[] = {0.0};
  EXPECT_EQ(preprocess_video(frames, bad_times, hp, VisionBudget{}).status().code(), ErrorCode::InvalidArgument);
}

TEST(VisionPreprocess, VideoFrameSampling) {
  // 30 frames at 30 fps, 2 fps wanted -> 2, raised to the minimum 4: round(linspace(0, 29, 4)) = 0, 10, 19, 29.
  EXPECT_EQ(video_frame_indices(30, 30.0, VisionBudget{}), (std::vector<uint32_t>{0, 10, 19, 29}));
  // 300 frames at 25 fps -> 24 frames, linspace step 299/23 = 13: 0, 13, 26, ...
  auto idx = video_frame_indices(300, 25.0, VisionBudget{});
  ASSERT_EQ(idx.size(), 24u);
  EXPECT_EQ(idx[1], 13u);
  EXPECT_EQ(idx.back(), 299u);
  EXPECT_EQ(video_frame_indices(3, 30.0, VisionBudget{}).size(), 3u);  // never more than the clip has
}

TEST(VisionPreprocess, PositionTableResampleByHand) {
  // 3 × 3 table, 1 channel, P[y][x] = 10 y + x (linear, so bilinear sampling is exact). Grid 4 × 2:
  // y = r · 2/3, x = c · 2 -> value 10 y + x, listed in merge-window order.
  std::vector<float> table;
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) table.push_back(static_cast<float>(10 * y + x));
  auto pos = resample_position_table(table, 3, 1, 4, 2, 2);
  const float want[8] = {0, 2, 20.0f / 3, 20.0f / 3 + 2, 40.0f / 3, 40.0f / 3 + 2, 20, 22};
  ASSERT_EQ(pos.size(), 8u);
  for (int i = 0; i < 8; ++i) EXPECT_NEAR(pos[i], want[i], 1e-5) << i;
  // A size-1 axis samples coordinate 0; a non-linear table (P = x·y) at its exact grid points.
  std::vector<float> prod;
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) prod.push_back(static_cast<float>(x * y));
  auto p2 = resample_position_table(prod, 3, 1, 2, 2, 2);  // y, x ∈ {0, 2}
  EXPECT_EQ(p2, (std::vector<float>{0, 0, 0, 4}));
}

TEST(VisionPreprocess, RopeAnglesByHand) {
  // head_dim 8 -> 4 angles: (row, row·θ^-1/2, col, col·θ^-1/2); θ = 100 -> inv_freq {1, 0.1}.
  auto a = vision_rope_angles(4, 4, 2, 8, 100.0);
  ASSERT_EQ(a.size(), 16u * 4u);
  // merge-order index 5 = block (0, 1), within 1 -> patch (0, 3).
  EXPECT_FLOAT_EQ(a[5 * 4 + 0], 0.0f);
  EXPECT_FLOAT_EQ(a[5 * 4 + 2], 3.0f);
  EXPECT_FLOAT_EQ(a[5 * 4 + 3], 0.3f);
  // index 14 = block (1, 1), within 2 -> patch (3, 2).
  EXPECT_FLOAT_EQ(a[14 * 4 + 0], 3.0f);
  EXPECT_FLOAT_EQ(a[14 * 4 + 1], 0.3f);
  EXPECT_FLOAT_EQ(a[14 * 4 + 2], 2.0f);
  // The real head (64): inv_freq[j] = 10000^(-2j/32).
  auto r = vision_rope_angles(2, 2, 2, 64, 10000.0);
  EXPECT_FLOAT_EQ(r[3 * 32 + 1], static_cast<float>(std::pow(10000.0, -2.0 / 32)));
  EXPECT_FLOAT_EQ(r[3 * 32 + 16 + 15], static_cast<float>(std::pow(10000.0, -30.0 / 32)));
}

}  // namespace
}  // namespace lectern::model
