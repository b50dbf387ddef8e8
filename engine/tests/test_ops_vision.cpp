// test_ops_vision.cpp: the vision-encoder ops (LayerNorm, GELU tanh/erf with bias, NeoX rope with a cos/sin table,
// segmented bidirectional attention in key blocks) on the device vs cpu/vision_ops, on odd shapes, views into a qkv
// projection output, slices beyond lavapipe's loop limit and bindings split below the data size.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "cpu/vision_ops.h"
#include "ops/vision.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// LayerNorm sums in f32 (two passes: mean, then centred squares): relative error of the variance about
// (n_cols / wg + log2 wg) * 6e-8 <= 1e-6 for n_cols <= 3072, plus inversesqrt (2 ulp) and the fma: per-element
// relative error ~1e-6, nmse ~1e-12. Inputs carry a row offset of 10 so that one-pass E[x^2] - E[x]^2 (which
// loses ~1e-5 relative here) would show. 1e-10 keeps a margin; a wrong index or formula gives > 1e-3.
constexpr double k_norm_tolerance = 1e-10;
// GELU: the erfc fit has fractional error < 1.2e-7 and device exp (Vulkan: 3 + 2|x| ulp) adds < 3e-6 relative on
// |x| <= 6, so nmse < 1e-11. The tanh and erf forms differ by up to 5e-4 absolute near |x| = 2 (nmse ~1e-8 on these
// inputs), so 1e-10 also tells them apart.
constexpr double k_gelu_tolerance = 1e-10;
// rope: cos/sin come from the host in double; the shader does 2 products and a sum in f32: nmse ~1e-14.
constexpr double k_rope_tolerance = 1e-12;
// attention: f32 dot products over head_dim terms, exp and the online rescaling, sums over up to 2000 keys:
// relative error ~1e-6 per output, nmse ~1e-12; 1e-9 keeps a margin while a key from the wrong segment, a wrong
// head or a broken rescale gives > 1e-4.
constexpr double k_attn_tolerance = 1e-9;

std::string reduce_name(const vk::Device& d) { return d.use_subgroup_arithmetic() ? "subgroup" : "shared"; }

void check_layer_norm(vk::Device& d, vk::Transfer& t, size_t rows, size_t cols, bool in_place, uint64_t seed,
                      uint32_t* n_dispatches = nullptr) {
  std::vector<float> x = vk_test::random_floats(rows * cols, seed, 7.0f, 13.0f);
  std::vector<float> w = vk_test::random_floats(cols, seed + 1, 0.5f, 1.5f);
  std::vector<float> b = vk_test::random_floats(cols, seed + 2, -0.5f, 0.5f);
  const float eps = 1e-6f;
  std::vector<float> want(x.size());
  ASSERT_TRUE(cpu::layer_norm(x, w, b, want, cols, eps).is_ok());
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x"), bw = vk_test::upload_floats(d, t, w, "w");
  vk::Buffer bb = vk_test::upload_floats(d, t, b, "b"), by = vk_test::make_floats(d, x.size(), "y");
  const vk::Buffer& out = in_place ? bx : by;
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::layer_norm(**seq, bx.whole(), bw.whole(), bb.whole(), out.whole(), cols, eps);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  vk_test::report("layer_norm(type=f32,shape=" + vk_test::shape({rows, cols}) + ",reduce=" + reduce_name(d) +
                      (in_place ? ",in_place" : "") + ")",
                  vk_test::nmse(vk_test::download_floats(t, out, x.size()), want), k_norm_tolerance);
}

void check_gelu(vk::Device& d, vk::Transfer& t, ops::Gelu kind, size_t rows, size_t cols, bool with_bias,
                bool in_place, uint64_t seed, uint32_t* n_dispatches = nullptr) {
  std::vector<float> x = vk_test::random_floats(rows * cols, seed, -6.0f, 6.0f);
  std::vector<float> bias = vk_test::random_floats(cols, seed + 1, -1.0f, 1.0f);
  std::vector<float> want = x;
  if (with_bias) {
    ASSERT_TRUE(cpu::add_bias(want, bias).is_ok());
  }
  ASSERT_TRUE((kind == ops::Gelu::Tanh ? cpu::gelu_tanh(want, want) : cpu::gelu_erf(want, want)).is_ok());
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x"), bb = vk_test::upload_floats(d, t, bias, "bias");
  vk::Buffer by = vk_test::make_floats(d, x.size(), "y");
  const vk::Buffer& out = in_place ? bx : by;
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::gelu(**seq, kind, bx.whole(), with_bias ? bb.whole() : vk::BufferSlice{}, out.whole());
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  vk_test::report(std::string(kind == ops::Gelu::Tanh ? "gelu_tanh" : "gelu_erf") + "(type=f32,shape=" +
                      vk_test::shape({rows, cols}) + (with_bias ? ",bias" : "") + (in_place ? ",in_place" : "") + ")",
                  vk_test::nmse(vk_test::download_floats(t, out, x.size()), want), k_gelu_tolerance);
}

// Angles shaped like the vision 2-D rotary (§7.3.3): row index times 10000^(-2j/half) for the first half of the
// pairs, a column index for the second half, so angles reach ~100 rad.
std::vector<float> vision_angles(size_t n_rows, size_t half) {
  std::vector<float> a(n_rows * half);
  for (size_t r = 0; r < n_rows; ++r) {
    for (size_t e = 0; e < half; ++e) {
      size_t j = e % std::max<size_t>(1, half / 2);
      double pos = e < half / 2 ? double(r / 7) : double(r % 97);
      a[r * half + e] = static_cast<float>(pos * std::pow(10000.0, -2.0 * double(j) / double(half)));
    }
  }
  return a;
}

// rope over `n_head` heads at the start of rows of `row_stride` floats; the floats after the heads must survive.
void check_rope(vk::Device& d, vk::Transfer& t, size_t rows, uint32_t n_head, uint32_t head_dim, uint32_t row_stride,
                uint64_t seed, uint32_t* n_dispatches = nullptr) {
  std::vector<float> x = vk_test::random_floats(rows * row_stride, seed, -2.0f, 2.0f);
  std::vector<float> angles = vision_angles(rows, head_dim / 2);
  std::vector<float> want = x;
  // The reference works on [n, n_head, head_dim]: rotate each row's heads in a packed copy.
  const size_t width = size_t(n_head) * head_dim;
  std::vector<float> packed(rows * width);
  for (size_t r = 0; r < rows; ++r) std::copy_n(x.begin() + r * row_stride, width, packed.begin() + r * width);
  ASSERT_TRUE(cpu::rope_neox(packed, n_head, head_dim, angles).is_ok());
  for (size_t r = 0; r < rows; ++r) std::copy_n(packed.begin() + r * width, width, want.begin() + r * row_stride);
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x");
  vk::Buffer bcs = vk_test::upload_floats(d, t, ops::rope_cos_sin(angles), "cos_sin");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::rope_neox(**seq, bx.whole(), bx.whole(), {n_head, head_dim, row_stride}, bcs.whole());
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  vk_test::report("rope_neox(type=f32,rows=" + std::to_string(rows) + ",heads=" + std::to_string(n_head) +
                      ",head_dim=" + std::to_string(head_dim) + ",row_stride=" + std::to_string(row_stride) +
                      (n_dispatches ? ",dispatches=" + std::to_string(*n_dispatches) : "") + ")",
                  vk_test::nmse(vk_test::download_floats(t, bx, x.size()), want), k_rope_tolerance);
}

// Attention on q, k, v as three views of one qkv buffer [n, 3 * n_head * head_dim] (the encoder's layout) or as
// three separate tensors.
void check_attention(vk::Device& d, vk::Transfer& t, std::vector<uint32_t> segments, uint32_t n_head,
                     uint32_t head_dim, bool qkv_view, uint64_t seed, uint32_t* n_dispatches = nullptr) {
  const size_t n = std::accumulate(segments.begin(), segments.end(), size_t(0));
  const size_t width = size_t(n_head) * head_dim;
  // q scaled up so the softmax is peaked (scores up to ~±10 with scale 1/sqrt(head_dim)): exercises the max tracking.
  std::vector<float> q = vk_test::random_floats(n * width, seed, -3.0f, 3.0f);
  std::vector<float> k = vk_test::random_floats(n * width, seed + 1, -1.0f, 1.0f);
  std::vector<float> v = vk_test::random_floats(n * width, seed + 2, -1.0f, 1.0f);
  const float scale = 1.0f / std::sqrt(float(head_dim));
  std::vector<float> want(n * width);
  ASSERT_TRUE(cpu::attention_segments(q, k, v, n_head, head_dim, segments, scale, want).is_ok());
  vk::Buffer bout = vk_test::make_floats(d, n * width, "out");
  std::vector<vk::Buffer> keep;
  vk::BufferSlice sq, sk, sv;
  uint32_t row_stride = static_cast<uint32_t>(width);
  if (qkv_view) {
    std::vector<float> qkv(n * 3 * width);
    for (size_t r = 0; r < n; ++r) {
      std::copy_n(q.begin() + r * width, width, qkv.begin() + r * 3 * width);
      std::copy_n(k.begin() + r * width, width, qkv.begin() + r * 3 * width + width);
      std::copy_n(v.begin() + r * width, width, qkv.begin() + r * 3 * width + 2 * width);
    }
    keep.push_back(vk_test::upload_floats(d, t, qkv, "qkv"));
    const vk::BufferSlice all = keep[0].whole();
    sq = {all.buffer, 0, all.size};
    sk = {all.buffer, width * 4, all.size - width * 4};
    sv = {all.buffer, 2 * width * 4, all.size - 2 * width * 4};
    row_stride = static_cast<uint32_t>(3 * width);
  } else {
    keep.push_back(vk_test::upload_floats(d, t, q, "q"));
    keep.push_back(vk_test::upload_floats(d, t, k, "k"));
    keep.push_back(vk_test::upload_floats(d, t, v, "v"));
    sq = keep[0].whole();
    sk = keep[1].whole();
    sv = keep[2].whole();
  }
  const ops::AttentionRows rows{n_head, head_dim, row_stride};
  auto scratch_bytes = ops::attention_segments_scratch_bytes(d, rows, segments);
  ASSERT_TRUE(scratch_bytes.is_ok()) << scratch_bytes.status().to_string();
  vk::Buffer scratch = vk_test::make_floats(d, std::max<uint64_t>(1, *scratch_bytes / 4), "scratch");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::attention_segments(**seq, sq, sk, sv, rows, segments, scale, bout.whole(), scratch.whole());
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  std::string segs;
  for (uint32_t len : segments) segs += (segs.empty() ? "" : "+") + std::to_string(len);
  vk_test::report("attention_segments(type=f32,segments=" + segs + ",heads=" + std::to_string(n_head) +
                      ",head_dim=" + std::to_string(head_dim) + (qkv_view ? ",qkv_view" : "") +
                      (n_dispatches ? ",dispatches=" + std::to_string(*n_dispatches) : "") + ")",
                  vk_test::nmse(vk_test::download_floats(t, bout, n * width), want), k_attn_tolerance);
}

// A device whose storage-buffer bindings are capped at 64 KiB (LECTERN_VK_MAX_BINDING_BYTES).
struct SmallBindings {
  vk_test::ScopedEnv env{"LECTERN_VK_MAX_BINDING_BYTES", "64K"};
  std::unique_ptr<vk::Device> device = vk_test::make_device({});
  std::unique_ptr<vk::Transfer> transfer = device ? vk_test::make_transfer(*device) : nullptr;
};

}  // namespace

class OpsVision : public vk_test::VulkanTest {};

TEST_F(OpsVision, LayerNormMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 800;
  for (auto [rows, cols] : std::vector<std::pair<size_t, size_t>>{{1, 1}, {3, 33}, {7, 768}, {65, 1027}, {5, 3072}}) {
    check_layer_norm(d, vk_test::transfer(), rows, cols, false, seed++);
  }
  check_layer_norm(d, vk_test::transfer(), 9, 768, true, seed++);
}

TEST_F(OpsVision, LayerNormSharedMemoryFallback) {
  if (!vk_test::device().use_subgroup_arithmetic()) GTEST_SKIP() << "the default device already uses the fallback";
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check_layer_norm(*d, *t, 65, 1027, false, 820);
}

TEST_F(OpsVision, GeluMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 830;
  for (ops::Gelu kind : {ops::Gelu::Tanh, ops::Gelu::Erf}) {
    for (auto [rows, cols] : std::vector<std::pair<size_t, size_t>>{{1, 1}, {7, 33}, {129, 307}}) {
      check_gelu(d, vk_test::transfer(), kind, rows, cols, false, false, seed++);
      check_gelu(d, vk_test::transfer(), kind, rows, cols, true, false, seed++);
    }
    check_gelu(d, vk_test::transfer(), kind, 5, 3072, true, true, seed++);
  }
}

TEST_F(OpsVision, RopeMatchesReference) {
  vk::Device& d = vk_test::device();
  check_rope(d, vk_test::transfer(), 1, 1, 2, 2, 850);
  check_rope(d, vk_test::transfer(), 37, 3, 64, 192, 851);
  check_rope(d, vk_test::transfer(), 61, 5, 18, 90, 852);
  // q and k of a qkv projection output (2 x 4 heads of 64) rotated in place; the v third must stay as it was.
  check_rope(d, vk_test::transfer(), 50, 8, 64, 3 * 256, 853);
}

TEST_F(OpsVision, AttentionMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 870;
  check_attention(d, vk_test::transfer(), {1}, 1, 64, false, seed++);
  check_attention(d, vk_test::transfer(), {37}, 3, 64, false, seed++);
  check_attention(d, vk_test::transfer(), {5, 64, 100, 17}, 2, 64, true, seed++);
  check_attention(d, vk_test::transfer(), {19, 40}, 3, 72, false, seed++);  // head_dim not a power of two
  check_attention(d, vk_test::transfer(), {30, 3}, 2, 256, true, seed++);   // the largest head_dim
  check_attention(d, vk_test::transfer(), {2, 3}, 4, 2, false, seed++);     // the smallest
}

// Key blocks: at head_dim 256 a block holds at most (32,767 - 3 * 128) / 257 = 126 keys (vision.cpp), so a
// 300-row segment is 3 blocks of 100 merged by attn_combine: 3 + 1 dispatches; the 30-row segment after it is one
// block written directly.
TEST_F(OpsVision, AttentionKeyBlocksMatchReference) {
  uint32_t n_dispatches = 0;
  check_attention(vk_test::device(), vk_test::transfer(), {300}, 2, 256, true, 880, &n_dispatches);
  EXPECT_EQ(n_dispatches, 4u);
  check_attention(vk_test::device(), vk_test::transfer(), {300, 30}, 1, 256, false, 881, &n_dispatches);
  EXPECT_EQ(n_dispatches, 5u);
}

// Thousands of patches in one segment: 2000 rows is a 1088 x 1000 pixel still's worth (qwen35.md §7.2). Two heads
// keep it to seconds on lavapipe; a second segment checks the boundary at scale. At head_dim 64 a key block holds
// at most (32,767 - 96) / 65 = 502 keys: 4 blocks of 500 and a combine, then one block for the 301 rows.
TEST_F(OpsVision, AttentionThousandsOfPatches) {
  uint32_t n_dispatches = 0;
  check_attention(vk_test::device(), vk_test::transfer(), {1999, 301}, 2, 64, true, 890, &n_dispatches);
  EXPECT_EQ(n_dispatches, 6u);
}

// More patches in one slice than lavapipe's loop limiter lets one invocation walk (65,535 loop iterations, then the
// output is silently left unwritten; a kernel over all 6,100 keys at once would need ~6,100 * 33 of them): the key
// blocks keep every invocation under the limit on every device. One head of 32 keeps it to seconds.
TEST_F(OpsVision, AttentionBeyondTheCpuDriversLoopLimit) {
  uint32_t n_dispatches = 0;
  check_attention(vk_test::device(), vk_test::transfer(), {6100}, 1, 32, false, 892, &n_dispatches);
  EXPECT_EQ(n_dispatches, 8u);  // (32,767 - 48) / 33 = 991 keys per block: 7 blocks of 872 and a combine
}

// Data larger than one binding (64 KiB here): LayerNorm, GELU and rope run in chunks of whole rows; attention binds
// each segment's rows only.
TEST_F(OpsVision, SplitBindingsMatchReference) {
  SmallBindings small;
  ASSERT_TRUE(small.device && small.transfer);
  uint32_t n_dispatches = 0;
  check_layer_norm(*small.device, *small.transfer, 300, 1000, true, 900, &n_dispatches);
  EXPECT_EQ(n_dispatches, 19u);  // 16 rows of 4,000 bytes fit in 64 KiB
  check_gelu(*small.device, *small.transfer, ops::Gelu::Tanh, 100, 1000, true, false, 901, &n_dispatches);
  EXPECT_EQ(n_dispatches, 7u);  // chunks of 16 whole bias rows
  check_rope(*small.device, *small.transfer, 120, 4, 64, 3 * 256, 902, &n_dispatches);
  EXPECT_EQ(n_dispatches, 6u);  // rows of 3 KiB: 21 per chunk
  // Segments of 20 rows of 3 x 2 x 64 floats (30 KiB each) in a 60-row qkv buffer of 90 KiB.
  check_attention(*small.device, *small.transfer, {20, 20, 20}, 2, 64, true, 903, &n_dispatches);
  EXPECT_EQ(n_dispatches, 3u);
}

// One segment of 200 rows of 3 x 2 x 64 floats (1,536 bytes; 300 KiB in all) against 64 KiB bindings: 42 or 43 rows
// fit one binding (storage-offset alignment up to 256), so 5 key blocks of 40; the partials of one query row take
// 5 * 2 * (64 + 2) * 4 = 2,640 bytes, so 24 query rows fill the 64 KiB scratch: 9 query chunks of 5 blocks + 1
// combine = 54 dispatches.
TEST_F(OpsVision, AttentionSegmentLargerThanABinding) {
  SmallBindings small;
  ASSERT_TRUE(small.device && small.transfer);
  uint32_t n_dispatches = 0;
  check_attention(*small.device, *small.transfer, {200}, 2, 64, true, 905, &n_dispatches);
  EXPECT_EQ(n_dispatches, 54u);
  auto bytes = ops::attention_segments_scratch_bytes(*small.device, {2, 64, 384}, std::vector<uint32_t>{200});
  ASSERT_TRUE(bytes.is_ok());
  EXPECT_EQ(*bytes, 24u * 2640u);
}

TEST_F(OpsVision, AttentionNeedsItsScratch) {
  vk::Device& d = vk_test::device();
  vk::Buffer x = vk_test::make_floats(d, 600 * 64, "x"), out = vk_test::make_floats(d, 600 * 64, "out");
  std::vector<uint32_t> segments = {600};  // 2 key blocks at head_dim 64
  auto bytes = ops::attention_segments_scratch_bytes(d, {1, 64, 64}, segments);
  ASSERT_TRUE(bytes.is_ok());
  EXPECT_EQ(*bytes, 600u * 2 * (64 + 2) * 4);
  vk::Buffer small = vk_test::make_floats(d, *bytes / 4 - 1, "scratch");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::attention_segments(**seq, x.whole(), x.whole(), x.whole(), {1, 64, 64}, segments, 0.125f,
                                     out.whole(), small.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("attention_segments_scratch_bytes"), std::string::npos) << s.message();
}

TEST_F(OpsVision, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  vk::Buffer x = vk_test::make_floats(d, 12, "x"), w = vk_test::make_floats(d, 4, "w");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::layer_norm(**seq, x.whole(), w.whole(), w.whole(), x.whole(), 5, 1e-6f);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("rows of 5"), std::string::npos) << s.message();
  EXPECT_EQ(ops::layer_norm(**seq, x.whole(), w.whole(), w.whole(), x.whole(), 4, -1.0f).code(),
            ErrorCode::InvalidArgument);
  vk::Buffer b5 = vk_test::make_floats(d, 5, "b5");
  s = ops::gelu(**seq, ops::Gelu::Erf, x.whole(), b5.whole(), x.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("bias 5"), std::string::npos) << s.message();
  // rope: cos_sin of 4 floats = 1 row of 2 pairs; head_dim 4 x 4 heads needs 16 floats, x has 12.
  s = ops::rope_neox(**seq, x.whole(), x.whole(), {4, 4, 16}, w.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("need 16 floats"), std::string::npos) << s.message();
  EXPECT_EQ(ops::rope_neox(**seq, x.whole(), x.whole(), {1, 3, 3}, w.whole()).code(), ErrorCode::InvalidArgument);
  // attention: segments sum to 4 rows of 1 x 4 = 16 floats; x has 12.
  std::vector<uint32_t> segments = {2, 2};
  s = ops::attention_segments(**seq, x.whole(), x.whole(), x.whole(), {1, 4, 4}, segments, 0.5f, x.whole(), {});
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("segments sum to 4"), std::string::npos) << s.message();
  std::vector<uint32_t> empty_segment = {3, 0};
  EXPECT_EQ(ops::attention_segments(**seq, x.whole(), x.whole(), x.whole(), {1, 4, 4}, empty_segment, 0.5f, x.whole(),
                                    {})
                .code(),
            ErrorCode::InvalidArgument);
}
