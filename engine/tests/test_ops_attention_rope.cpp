// test_ops_attention_rope.cpp: per-head RMSNorm + partial IMROPE on the device vs the f64 CPU reference: both head
// layouts (interleaved q | gate, contiguous k), n_rot 8 / 16 / 64, text positions, positions up to 262,143, distinct
// (T, H, W) components and random signed ones, with and without the norm, both reduction variants, split bindings.
#include <gtest/gtest.h>

#include <cmath>

#include "cpu/attention.h"
#include "ops/rope.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// With the norm: the rms_norm analysis (test_ops_norm.cpp) gives nmse ~4e-12 for rows up to 4096; rows here are
// <= 256, and the rotation adds a few f32 roundings. 1e-10 keeps a 25x margin.
constexpr double k_tolerance_norm = 1e-10;
// RoPE alone: the angle is exact to ~2^-32 turn (1.5e-9 rad) plus f32 rounding of the reduced angle (5e-8 rad) and
// the polynomials (~1e-7), so every element is within ~2e-7 relative: nmse <= 4e-14. 1e-12 keeps a 25x margin.
// An f32 angle p * inv_freq would be off by up to 8e-3 rad at p = 262,000: nmse ~1e-6 (checked below).
constexpr double k_tolerance_rope = 1e-12;

enum class Pos { Text, Huge, Image, Random };

const char* pos_name(Pos p) {
  switch (p) {
    case Pos::Text: return "text";
    case Pos::Huge: return "huge";
    case Pos::Image: return "image";
    default: return "random";
  }
}

// [n, 3] (T, H, W) positions. Text: t, t, t. Huge: 262,143 - n + 1 + t on every axis (ends at the largest position
// of a 262,144 context). Image: a merged 8-wide grid placed at 261,900 (qwen35.md §7.7): (p, p + row, p + col).
// Random: every component independent in [-262,143, 262,143].
std::vector<int32_t> make_positions(Pos kind, size_t n, uint64_t seed) {
  std::vector<int32_t> pos(3 * n);
  std::vector<float> r = vk_test::random_floats(3 * n, seed, -262143.0f, 262144.0f);
  for (size_t t = 0; t < n; ++t) {
    const int32_t i = static_cast<int32_t>(t);
    int32_t c[3];
    switch (kind) {
      case Pos::Text: c[0] = c[1] = c[2] = i; break;
      case Pos::Huge: c[0] = c[1] = c[2] = 262143 - static_cast<int32_t>(n) + 1 + i; break;
      case Pos::Image: c[0] = 261900; c[1] = 261900 + i / 8; c[2] = 261900 + i % 8; break;
      default:
        for (int a = 0; a < 3; ++a) c[a] = static_cast<int32_t>(std::floor(r[3 * t + a]));
    }
    for (int a = 0; a < 3; ++a) pos[3 * t + a] = c[a];
  }
  return pos;
}

vk::Buffer upload_ints(const vk::Device& d, vk::Transfer& t, const std::vector<int32_t>& v, const std::string& name) {
  auto b = vk::Buffer::create(d, v.size() * 4, vk::MemoryUsage::DeviceLocal, name);
  EXPECT_TRUE(b.is_ok()) << b.status().to_string();
  if (!b) return {};
  EXPECT_TRUE(t.upload(*b, 0, v.data(), v.size() * 4).is_ok());
  return std::move(b).value();
}

struct RopeCase {
  bool interleaved;
  uint32_t n_head, head_dim, n_rot;
  double theta;
  std::array<uint32_t, 4> sections;
  size_t n_tokens;
  Pos pos;
  bool norm;
  bool in_place;
};

const RopeCase k_cases[] = {
    {true, 8, 256, 64, 1e7, {11, 11, 10, 0}, 7, Pos::Text, true, true},     // Qwen3.5 q, prompt start
    {false, 2, 256, 64, 1e7, {11, 11, 10, 0}, 5, Pos::Huge, true, false},   // Qwen3.5 k at the end of the context
    {true, 8, 256, 64, 1e7, {11, 11, 10, 0}, 64, Pos::Image, true, true},   // q of image tokens far into a context
    {true, 4, 64, 16, 1e4, {3, 3, 2, 0}, 65, Pos::Image, true, true},
    {false, 2, 32, 8, 1e4, {2, 1, 1, 0}, 3, Pos::Huge, false, false},
    {true, 2, 32, 8, 1e6, {2, 1, 1, 0}, 130, Pos::Random, false, true},
    {false, 1, 64, 64, 1e7, {11, 11, 10, 0}, 1, Pos::Huge, true, true},    // full rotation at p = 262,143
    {false, 3, 128, 64, 1e7, {11, 11, 10, 0}, 33, Pos::Random, false, false},
};

// The same rotation with an f32 angle (what a naive kernel computes); used to show the tolerance catches it.
std::vector<float> naive_f32_rope(std::vector<float> x, const RopeCase& c, const std::vector<int32_t>& pos) {
  const size_t row = c.interleaved ? 2 * c.n_head * c.head_dim : c.n_head * c.head_dim;
  const size_t stride = c.interleaved ? 2 * c.head_dim : c.head_dim, half = c.n_rot / 2;
  for (size_t t = 0; t < c.n_tokens; ++t) {
    for (size_t h = 0; h < c.n_head; ++h) {
      float* xh = x.data() + t * row + h * stride;
      for (size_t i = 0; i < half; ++i) {
        const int axis = cpu::imrope_axis(static_cast<uint32_t>(i), c.sections);
        const float inv = std::pow(static_cast<float>(c.theta), -2.0f * i / c.n_rot);
        const float angle = static_cast<float>(pos[3 * t + (axis < 3 ? axis : 0)]) * inv;
        const float cs = std::cos(angle), sn = std::sin(angle), a = xh[i], b = xh[i + half];
        xh[i] = a * cs - b * sn;
        xh[i + half] = b * cs + a * sn;
      }
    }
  }
  return x;
}

// Only the head floats (the gate halves of an interleaved row are not outputs).
std::vector<float> heads_of(const std::vector<float>& x, const RopeCase& c) {
  const size_t stride = c.interleaved ? 2 * c.head_dim : c.head_dim;
  std::vector<float> out;
  for (size_t t = 0; t < c.n_tokens; ++t) {
    for (size_t h = 0; h < c.n_head; ++h) {
      const float* xh = x.data() + (t * c.n_head + h) * stride;
      out.insert(out.end(), xh, xh + c.head_dim);
    }
  }
  return out;
}

void check(vk::Device& d, vk::Transfer& t, const RopeCase& c, uint64_t seed, const char* variant,
           uint32_t* n_dispatches = nullptr) {
  const ops::HeadLayout layout = c.interleaved ? ops::HeadLayout::interleaved(c.n_head, c.head_dim)
                                               : ops::HeadLayout::contiguous(c.n_head, c.head_dim);
  const size_t n = c.n_tokens * layout.row_stride;
  std::vector<float> x = vk_test::random_floats(n, seed, -3.0f, 3.0f);
  std::vector<float> w = vk_test::random_floats(c.head_dim, seed + 1, 0.5f, 1.5f);  // GGUF (1 + w) weights
  std::vector<int32_t> pos = make_positions(c.pos, c.n_tokens, seed + 2);
  const float eps = 1e-6f;

  std::vector<float> want = x;
  cpu::HeadRows rows{c.n_tokens, c.n_head, c.head_dim, layout.head_stride, layout.row_stride};
  cpu::RopeParams params{c.n_rot, c.theta, c.sections};
  ASSERT_TRUE(cpu::head_norm_rope(want, rows, c.norm ? std::span<const float>(w) : std::span<const float>(), eps,
                                  params, pos).is_ok());

  auto table = ops::RopeTable::create(d, t, {c.n_rot, c.theta, c.sections});
  ASSERT_TRUE(table.is_ok()) << table.status().to_string();
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x"), bw = vk_test::upload_floats(d, t, w, "w");
  vk::Buffer bpos = upload_ints(d, t, pos, "positions");
  vk::Buffer by = c.in_place ? vk::Buffer() : vk_test::make_floats(d, n, "y");
  const vk::Buffer& out = c.in_place ? bx : by;
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::head_norm_rope(**seq, bx.whole(), out.whole(), layout, c.norm ? bw.whole() : vk::BufferSlice{}, eps,
                                 *table, bpos.whole());
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<float> got = vk_test::download_floats(t, out, n);

  if (c.interleaved && c.in_place) {  // the gate halves stay bit-identical
    for (size_t r = 0; r < c.n_tokens * c.n_head; ++r) {
      for (size_t i = c.head_dim; i < 2 * c.head_dim; ++i) {
        ASSERT_EQ(got[r * 2 * c.head_dim + i], x[r * 2 * c.head_dim + i]) << "gate of head row " << r;
      }
    }
  }
  const double tolerance = c.norm ? k_tolerance_norm : k_tolerance_rope;
  if (c.pos == Pos::Huge && !c.norm) {
    // Guard on the guard: an f32-angle rotation fails this tolerance by orders of magnitude.
    EXPECT_GT(vk_test::nmse(heads_of(naive_f32_rope(x, c, pos), c), heads_of(want, c)), 100 * tolerance);
  }
  char label[256];
  std::snprintf(label, sizeof label,
                "head_norm_rope(layout=%s,heads=%ux%u,n_rot=%u,sections=[%u,%u,%u,%u],T=%zu,pos=%s,norm=%s,%s,"
                "reduce=%s%s)",
                c.interleaved ? "q|gate" : "k", c.n_head, c.head_dim, c.n_rot, c.sections[0], c.sections[1],
                c.sections[2], c.sections[3], c.n_tokens, pos_name(c.pos), c.norm ? "yes" : "no",
                c.in_place ? "in_place" : "out_of_place", variant,
                n_dispatches ? (",dispatches=" + std::to_string(*n_dispatches)).c_str() : "");
  vk_test::report(label, vk_test::nmse(heads_of(got, c), heads_of(want, c)), tolerance);
}

}  // namespace

class OpsAttentionRope : public vk_test::VulkanTest {};

TEST_F(OpsAttentionRope, MatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 7000;
  const char* variant = d.use_subgroup_arithmetic() ? "subgroup" : "shared";
  for (const RopeCase& c : k_cases) check(d, vk_test::transfer(), c, seed += 10, variant);
}

TEST_F(OpsAttentionRope, SharedMemoryFallback) {
  if (!vk_test::device().use_subgroup_arithmetic()) GTEST_SKIP() << "the default device already uses the fallback";
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check(*d, *t, k_cases[0], 7500, "shared");
  check(*d, *t, k_cases[3], 7510, "shared");
}

// Token rows larger than one binding (64 KiB here: 4 rows of 8 interleaved 256-dim heads) go in chunks of tokens.
TEST_F(OpsAttentionRope, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint32_t n_dispatches = 0;
  RopeCase c{true, 8, 256, 64, 1e7, {11, 11, 10, 0}, 10, Pos::Image, true, true};
  check(*d, *t, c, 7600, d->use_subgroup_arithmetic() ? "subgroup" : "shared", &n_dispatches);
  EXPECT_EQ(n_dispatches, 3u);  // 10 tokens of 16 KiB: 4 + 4 + 2
}

TEST_F(OpsAttentionRope, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  auto table = ops::RopeTable::create(d, t, {16, 1e4, {3, 3, 2, 0}});
  ASSERT_TRUE(table.is_ok());
  EXPECT_EQ(ops::RopeTable::create(d, t, {7, 1e4, {}}).status().code(), ErrorCode::InvalidArgument);  // odd n_rot
  EXPECT_EQ(ops::RopeTable::create(d, t, {8, 0.5, {}}).status().code(), ErrorCode::InvalidArgument);  // theta
  vk::Buffer x = vk_test::make_floats(d, 2 * 64, "x"), w = vk_test::make_floats(d, 32, "w");
  vk::Buffer pos = vk_test::make_floats(d, 6, "positions");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  const ops::HeadLayout k = ops::HeadLayout::contiguous(2, 32);  // rows of 64 floats: 2 tokens
  EXPECT_TRUE(ops::head_norm_rope(**seq, x.whole(), x.whole(), k, w.whole(), 1e-6f, *table, pos.whole()).is_ok());
  // Positions for 1 token instead of 2.
  Status s = ops::head_norm_rope(**seq, x.whole(), x.whole(), k, w.whole(), 1e-6f, *table, pos.slice(0, 12));
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("positions 3"), std::string::npos) << s.message();
  // Weight of the wrong length.
  s = ops::head_norm_rope(**seq, x.whole(), x.whole(), k, w.slice(0, 64), 1e-6f, *table, pos.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("head_dim 32"), std::string::npos) << s.message();
  // Heads that overflow the row, and n_rot wider than the head.
  s = ops::head_norm_rope(**seq, x.whole(), x.whole(), {2, 32, 40, 64}, w.whole(), 1e-6f, *table, pos.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("do not fit"), std::string::npos) << s.message();
  s = ops::head_norm_rope(**seq, x.whole(), x.whole(), ops::HeadLayout::contiguous(16, 8), {}, 1e-6f, *table,
                          pos.slice(0, 12));
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("at most head_dim"), std::string::npos) << s.message();
  ASSERT_TRUE((*seq)->run().is_ok());
}

// The fixed-point frequency table itself, host only: for every pair of Qwen3.5's table (n_rot 64, theta 1e7) the
// fractional turn p * F mod 2^64 (what rope.glsl computes with 32-bit multiplies) equals p * inv_freq / (2 pi) mod 1
// computed in long double, at the last positions of a 262,144 context and beyond. Rounding F costs <= p * 2^-65
// turns (7e-15 at 262,143); long double adds ~1e-15. A table built in f32 or f64 arithmetic would be off by
// ~1e-3 / ~1e-12 turns at p = 262,143.
TEST(OpsRopeTable, FixedPointTurnsAreExactAtLongPositions) {
  const ops::RopeConfig config{64, 1e7, {11, 11, 10, 0}};
  const std::vector<uint32_t> entries = ops::rope_table_entries(config);
  ASSERT_EQ(entries.size(), 4u * 32);
  const long double two_pi = 6.283185307179586476925286766559L;
  for (int64_t p : {int64_t{1}, int64_t{4097}, int64_t{131071}, int64_t{262142}, int64_t{262143}, int64_t{1} << 20}) {
    double worst = 0;
    for (uint32_t i = 0; i < 32; ++i) {
      const uint64_t f = uint64_t{entries[4 * i]} | (uint64_t{entries[4 * i + 1]} << 32);
      const uint64_t turn = static_cast<uint64_t>(p) * f;  // mod 2^64: the fractional turn in 0.64 fixed point
      const long double got = std::ldexp(static_cast<long double>(turn), -64);
      const long double inv_freq = std::pow(10000000.0L, -2.0L * i / 64.0L);
      long double want = static_cast<long double>(p) * inv_freq / two_pi;
      want -= std::floor(want);
      long double diff = std::fabs(got - want);
      diff = std::min(diff, 1.0L - diff);  // distance on the circle
      worst = std::max(worst, static_cast<double>(diff));
    }
    std::printf("rope table at p = %lld: worst turn error %.3g\n", static_cast<long long>(p), worst);
    EXPECT_LE(worst, 2e-14 * std::max<double>(1.0, double(p) / 262143.0)) << "p = " << p;
  }
  // Axes of the IMROPE sections (qwen35.md §2.5.3): pair i uses T, H, W in turn within 3 * sections.
  EXPECT_EQ(entries[4 * 0 + 2], 0u);
  EXPECT_EQ(entries[4 * 1 + 2], 1u);
  EXPECT_EQ(entries[4 * 2 + 2], 2u);
  EXPECT_EQ(entries[4 * 31 + 2], 1u);  // 31 % 3 == 1 and 31 < 3 * 11: H
  EXPECT_EQ(entries[4 * 30 + 2], 0u);  // 30 % 3 == 0 and 30 < 3 * 11: T
}
