// test_ops_attention.cpp: KV-cache store and causal gated GQA attention on the device vs the CPU reference: head
// ratios 4/2, 4/1, 8/2 (and 4/4), head_dim 32 / 64 / 256, T = 1, 3, 64, 65, 130 after empty and filled caches, decode
// at n_past 1000+ (context split across workgroups), f16 and f32 caches, caches split into blocks (small binding
// limit), one whole layer chain (norm + RoPE -> store -> attention), and argument errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "cpu/attention.h"
#include "ops/attention.h"
#include "ops/rope.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Attention with the cache contents the kernel read (downloaded, so f16 rounding is the same on both sides): q . k
// sums up to 256 f32 products (relative error ~1e-6 of |q||k|), softmax and the weighted sum over <= 1,300 keys
// add ~1e-6 relative each, so outputs are within a few 1e-6 relative: nmse ~1e-11. 1e-9 keeps a 100x margin while
// dropping or adding one key out of 1,000 already gives ~1e-6, and a wrong head or gate gives ~1.
constexpr double k_tolerance = 1e-9;
// Peaked scores (|s| up to ~200; without the max subtraction exp would overflow): an f32 score carries an absolute
// error up to ~200 * 1e-7 = 2e-5, which becomes the relative error of its softmax weight: nmse <= ~1e-9 (typically
// far less, as errors average out). Bound 1e-8.
constexpr double k_tolerance_peaked = 1e-8;
// f16 store: every element is within one f16 ulp (2^-10 relative; round to nearest gives <= 2^-11, about 2^-12 on
// average): nmse of uniform data ~3e-8 with rounding to nearest, ~1e-7 with truncation. 5e-7 bounds both; a wrong
// position or head gives ~1.
constexpr double k_tolerance_f16_store = 5e-7;
// The layer chain with an f16 cache: GPU and CPU each round their own k and v to f16. Drivers that round to nearest
// (all tested so far) agree with f32_to_f16 except where the two k values (1e-7 apart) straddle a rounding boundary:
// nmse ~1e-13. A driver that truncates would differ by up to 2^-10 relative on K and V: output nmse ~1e-7. 1e-6
// accepts both; the f32 chain and the f16 cases of MatchesReference hold the kernels to 1e-9.
constexpr double k_tolerance_f16_chain = 1e-6;
// q8_0 store: each value is rounded to the nearest step of d = max|x| / 127 of its group of 32 (error <= d / 2, checked
// per element): for uniform data in [-2, 2], d ~ 0.0148 and the error is uniform in +-d/2: nmse ~ d^2 / 12 / (4 / 3)
// ~ 1.4e-5. 3e-5 bounds it; a wrong position, head or scale gives ~1.
constexpr double k_tolerance_q8_store = 3e-5;
// The layer chain with a q8_0 cache: GPU and CPU (cpu::kv_round_trip_q8_0) quantise their own k and v; they can
// differ by one step where x / d lands within an ulp of a half step (division is not exact on GPUs): a few values
// off by ~0.01 give output nmse ~1e-8. 1e-6 as for f16; a wrong group layout or scale gives ~1e-2 and more.
constexpr double k_tolerance_q8_chain = 1e-6;

vk::Buffer make_bytes(const vk::Device& d, uint64_t n, const std::string& name) {
  auto b = vk::Buffer::create(d, n, vk::MemoryUsage::DeviceLocal, name);
  EXPECT_TRUE(b.is_ok()) << b.status().to_string();
  return b ? std::move(b).value() : vk::Buffer();
}

// The whole cache (K or V) as floats [n_ctx, n_head_kv, head_dim].
std::vector<float> download_cache(vk::Transfer& t, const ops::KvCache& cache, bool values) {
  const uint64_t elems = uint64_t{cache.n_head_kv()} * cache.head_dim();
  std::vector<float> out;
  for (size_t b = 0; b < cache.n_blocks(); ++b) {
    const vk::Buffer& buf = values ? cache.v_block(b) : cache.k_block(b);
    std::vector<std::byte> raw(buf.size());
    EXPECT_TRUE(t.download(buf, 0, raw.data(), raw.size()).is_ok());
    if (cache.dtype() == DType::Q8_0) {  // groups of 32: 32 int8 quants, then the f32 scale
      EXPECT_EQ(raw.size() % 36, 0u);
      for (size_t g = 0; g + 36 <= raw.size(); g += 36) {
        float d;
        std::memcpy(&d, raw.data() + g + 32, 4);
        for (size_t i = 0; i < 32; ++i) out.push_back(float(static_cast<int8_t>(raw[g + i])) * d);
      }
      continue;
    }
    const uint64_t n = raw.size() / (cache.dtype() == DType::F16 ? 2 : 4);
    EXPECT_EQ(n % elems, 0u);
    for (uint64_t i = 0; i < n; ++i) {
      if (cache.dtype() == DType::F16) {
        uint16_t h;
        std::memcpy(&h, raw.data() + 2 * i, 2);
        out.push_back(f16_to_f32(h));
      } else {
        float f;
        std::memcpy(&f, raw.data() + 4 * i, 4);
        out.push_back(f);
      }
    }
  }
  return out;
}

// Fills every cache block with a byte pattern, so tests can see which positions were written.
void fill_cache(vk::Transfer& t, const ops::KvCache& cache, std::byte pattern) {
  for (size_t b = 0; b < cache.n_blocks(); ++b) {
    for (const vk::Buffer* buf : {&cache.k_block(b), &cache.v_block(b)}) {
      std::vector<std::byte> raw(buf->size(), pattern);
      ASSERT_TRUE(t.upload(*buf, 0, raw.data(), raw.size()).is_ok());
    }
  }
}

Status store(vk::Device& d, vk::Transfer& t, const ops::KvCache& cache, const std::vector<float>& k,
             const std::vector<float>& v, uint64_t n_past) {
  vk::Buffer bk = vk_test::upload_floats(d, t, k, "k"), bv = vk_test::upload_floats(d, t, v, "v");
  auto seq = vk::Sequence::create(d);
  if (!seq) return seq.status();
  LECTERN_TRY(ops::kv_store(**seq, cache, bk.whole(), bv.whole(), n_past));
  return (*seq)->run();
}

struct AttnCase {
  uint32_t n_head, n_head_kv, head_dim;
  uint64_t n_tokens, n_past;
  DType dtype;
  float q_scale = 1.0f;  // 200: peaked scores
};

std::string label(const char* op, const AttnCase& c, const ops::KvCache& cache, uint32_t n_dispatches) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s(cache=%s,heads=%u/%u,head_dim=%u,T=%llu,n_past=%llu%s,blocks=%zu,dispatches=%u)",
                op, dtype_name(c.dtype), c.n_head, c.n_head_kv, c.head_dim,
                static_cast<unsigned long long>(c.n_tokens), static_cast<unsigned long long>(c.n_past),
                c.q_scale != 1.0f ? ",peaked" : "", cache.n_blocks(), n_dispatches);
  return buf;
}

// Stores n_past prefix tokens, then the T new ones (a prefill continuing after a cache), runs attention and
// compares with the reference on the downloaded cache.
void check_attention(vk::Device& d, vk::Transfer& t, const AttnCase& c, uint64_t seed, uint64_t max_block_tokens = 0) {
  const uint64_t n_keys = c.n_past + c.n_tokens, kv_row = uint64_t{c.n_head_kv} * c.head_dim;
  auto cache = ops::KvCache::create(d, c.dtype, n_keys + 7, c.n_head_kv, c.head_dim, "cache", max_block_tokens);
  ASSERT_TRUE(cache.is_ok()) << cache.status().to_string();
  std::vector<float> k = vk_test::random_floats(n_keys * kv_row, seed, -1.0f, 1.0f);
  std::vector<float> v = vk_test::random_floats(n_keys * kv_row, seed + 1, -1.0f, 1.0f);
  if (c.n_past > 0) {
    std::vector<float> k0(k.begin(), k.begin() + c.n_past * kv_row), v0(v.begin(), v.begin() + c.n_past * kv_row);
    ASSERT_TRUE(store(d, t, *cache, k0, v0, 0).is_ok());
  }
  std::vector<float> k1(k.begin() + c.n_past * kv_row, k.end()), v1(v.begin() + c.n_past * kv_row, v.end());
  ASSERT_TRUE(store(d, t, *cache, k1, v1, c.n_past).is_ok());

  const uint64_t hd = c.head_dim;
  std::vector<float> qg = vk_test::random_floats(c.n_tokens * c.n_head * 2 * hd, seed + 2, -1.0f, 1.0f);
  for (size_t r = 0; r < c.n_tokens * c.n_head; ++r) {
    for (size_t i = 0; i < hd; ++i) qg[r * 2 * hd + i] *= c.q_scale;           // query half
    for (size_t i = hd; i < 2 * hd; ++i) qg[r * 2 * hd + i] *= 4.0f;            // gates in [-4, 4]
  }
  const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
  std::vector<float> want(c.n_tokens * c.n_head * hd);
  cpu::AttentionDims dims{c.n_tokens, c.n_past, c.n_head, c.n_head_kv, hd, scale};
  ASSERT_TRUE(cpu::gated_attention(qg, download_cache(t, *cache, false), download_cache(t, *cache, true), dims, want)
                  .is_ok());

  auto scratch_bytes = ops::attention_scratch_bytes(d, *cache, c.n_head, c.n_tokens);
  ASSERT_TRUE(scratch_bytes.is_ok()) << scratch_bytes.status().to_string();
  vk::Buffer scratch = *scratch_bytes > 0 ? make_bytes(d, *scratch_bytes, "scratch") : vk::Buffer();
  vk::Buffer bq = vk_test::upload_floats(d, t, qg, "qg"), bo = vk_test::make_floats(d, want.size(), "out");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::attention(**seq, bq.whole(), *cache, c.n_past, c.n_head, scale, bo.whole(),
                            scratch.valid() ? scratch.whole() : vk::BufferSlice{});
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  const uint32_t n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  vk_test::report(label("attention", c, *cache, n_dispatches),
                  vk_test::nmse(vk_test::download_floats(t, bo, want.size()), want),
                  c.q_scale != 1.0f ? k_tolerance_peaked : k_tolerance);
}

}  // namespace

class OpsAttention : public vk_test::VulkanTest {};

TEST_F(OpsAttention, KvStoreWritesPositions) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  for (DType dtype : {DType::F32, DType::F16, DType::Q8_0}) {
    for (uint64_t max_block : {uint64_t{0}, uint64_t{64}}) {  // one block; blocks of 64 positions (stores straddle)
      const uint32_t n_kv = 2, hd = 64;
      const uint64_t n_ctx = 200, row = n_kv * hd;
      auto cache = ops::KvCache::create(d, dtype, n_ctx, n_kv, hd, "cache", max_block);
      ASSERT_TRUE(cache.is_ok()) << cache.status().to_string();
      fill_cache(t, *cache, std::byte{0xff});  // all-ones bits: NaN in f32 and f16, never a stored value
      // Stores of T = 3, 65, 1 back to back from position 0, then T = 64 after a gap at 100.
      const std::pair<uint64_t, uint64_t> stores[] = {{0, 3}, {3, 65}, {68, 1}, {100, 64}};
      std::vector<float> k_all(n_ctx * row, NAN), v_all(n_ctx * row, NAN);
      uint64_t seed = 8000;
      for (auto [n_past, n] : stores) {
        std::vector<float> k = vk_test::random_floats(n * row, seed++, -2.0f, 2.0f);
        std::vector<float> v = vk_test::random_floats(n * row, seed++, -2.0f, 2.0f);
        ASSERT_TRUE(store(d, t, *cache, k, v, n_past).is_ok());
        std::copy(k.begin(), k.end(), k_all.begin() + n_past * row);
        std::copy(v.begin(), v.end(), v_all.begin() + n_past * row);
      }
      std::vector<float> k_got = download_cache(t, *cache, false), v_got = download_cache(t, *cache, true);
      ASSERT_EQ(k_got.size(), n_ctx * row);
      std::vector<float> written_got, written_want;
      size_t n_untouched_ok = 0, n_untouched = 0, n_nearest = 0, n_unfaithful = 0;
      for (uint64_t i = 0; i < n_ctx * row; ++i) {
        for (int which = 0; which < 2; ++which) {
          const std::vector<float>& all = which == 0 ? k_all : v_all;
          const float got = which == 0 ? k_got[i] : v_got[i], want = all[i];
          if (std::isnan(want)) {
            ++n_untouched;
            n_untouched_ok += std::isnan(got);
            continue;
          }
          written_got.push_back(got);
          written_want.push_back(want);
          // f32: a bit-exact copy. f16: one of the two halves around the input (within one ulp, 2^-10 relative for
          // these normal values); the nearest one (ties to even, as f32_to_f16) on drivers that round to nearest.
          // q8_0: within half a step d = max|x| / 127 of the value's group of 32 (plus rounding slack).
          const float nearest = dtype == DType::F16 ? f16_to_f32(f32_to_f16(want)) : want;
          n_nearest += got == nearest;
          if (dtype == DType::Q8_0) {
            float amax = 0.0f;
            for (uint64_t j = i / 32 * 32; j < i / 32 * 32 + 32; ++j) amax = std::max(amax, std::fabs(all[j]));
            n_unfaithful += !(std::fabs(got - want) <= amax / 127.0f * 0.5f * 1.0001f + 1e-7f);
          } else {
            n_unfaithful += dtype == DType::F16
                                ? !(std::fabs(got - want) <= std::ldexp(std::fabs(want), -10) + 0x1p-24f)
                                : got != want;
          }
        }
      }
      EXPECT_EQ(n_untouched, 2 * 31 * row + 2 * 36 * row);  // positions 69..99 and 164..199, K and V
      EXPECT_EQ(n_untouched_ok, n_untouched) << "positions that were never stored changed";
      EXPECT_EQ(n_unfaithful, 0u) << "stored values farther than one ulp of the cache type from the input";
      char name[200];
      std::snprintf(name, sizeof name, "kv_store(cache=%s,heads_kv=%u,head_dim=%u,stores=T3@0+T65@3+T1@68+T64@100,"
                    "blocks=%zu,nearest=%zu/%zu)", dtype_name(dtype), n_kv, hd, cache->n_blocks(), n_nearest,
                    written_want.size());
      vk_test::report(name, vk_test::nmse(written_got, written_want),
                      dtype == DType::F16 ? k_tolerance_f16_store : dtype == DType::Q8_0 ? k_tolerance_q8_store : 0.0);
    }
  }
}

TEST_F(OpsAttention, MatchesReference) {
  vk::Device& d = vk_test::device();
  const AttnCase cases[] = {
      {4, 2, 32, 1, 0, DType::F32},      {4, 2, 32, 3, 0, DType::F16},     {4, 2, 32, 3, 40, DType::F32},
      {4, 1, 64, 64, 0, DType::F32},     {4, 1, 64, 65, 17, DType::F16},   {4, 4, 64, 130, 5, DType::F16},
      {8, 2, 256, 1, 0, DType::F16},     {8, 2, 256, 64, 0, DType::F32},   {8, 2, 256, 65, 100, DType::F16},
      {8, 2, 256, 1, 1000, DType::F16},  {8, 2, 256, 1, 1030, DType::F32}, {4, 2, 64, 3, 1200, DType::F32},
      {8, 2, 32, 65, 1100, DType::F16},  {4, 2, 96, 5, 33, DType::F32},    {2, 1, 36, 3, 10, DType::F16},
      {4, 1, 64, 1, 1300, DType::F16, 200.0f},
      {8, 2, 256, 64, 0, DType::F32, 200.0f},
      // q8_0 caches: the kernel's dequantisation against the downloaded, CPU-decoded cache.
      {4, 2, 32, 3, 40, DType::Q8_0},    {8, 2, 256, 65, 100, DType::Q8_0}, {8, 2, 256, 1, 1000, DType::Q8_0},
      {4, 1, 64, 130, 5, DType::Q8_0},   {2, 1, 96, 1, 300, DType::Q8_0},
  };
  uint64_t seed = 9000;
  for (const AttnCase& c : cases) check_attention(d, vk_test::transfer(), c, seed += 10);
}

TEST_F(OpsAttention, SharedMemoryFallback) {
  if (!vk_test::device().use_subgroup_arithmetic()) GTEST_SKIP() << "the default device already uses the fallback";
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check_attention(*d, *t, {8, 2, 256, 1, 1000, DType::F16}, 9400);
  check_attention(*d, *t, {4, 1, 64, 65, 17, DType::F32}, 9410);
}

// Caches larger than one binding: 64 KiB bindings hold 256 positions of 2 x 32 f32 (blocks of 256) and 64 tokens of
// q for 4 heads, so attention runs per block and per token chunk, and decode merges splits from several blocks.
TEST_F(OpsAttention, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check_attention(*d, *t, {4, 2, 32, 1, 1050, DType::F32}, 9500);
  check_attention(*d, *t, {4, 2, 32, 65, 200, DType::F32}, 9510);
  check_attention(*d, *t, {4, 2, 32, 130, 600, DType::F16}, 9520);
  check_attention(*d, *t, {4, 2, 32, 65, 1100, DType::Q8_0}, 9525);  // 72-byte rows: blocks of 512
  // Forced small blocks on the default device: 1,000+ positions in blocks of 128.
  check_attention(vk_test::device(), vk_test::transfer(), {8, 2, 64, 3, 1001, DType::F16}, 9530, 128);
}

// One attention layer's chain as the model runs it: q (interleaved with the gate) and k normalised and rotated in
// place, k and v stored, attention; prompt of 5 then one decode step; compared with the all-CPU chain.
TEST_F(OpsAttention, LayerChainMatchesReference) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  const uint32_t n_head = 8, n_kv = 2, hd = 256;
  const ops::RopeConfig rope{64, 1e7, {11, 11, 10, 0}};
  auto table = ops::RopeTable::create(d, t, rope);
  ASSERT_TRUE(table.is_ok());
  for (DType dtype : {DType::F32, DType::F16, DType::Q8_0}) {
    auto cache = ops::KvCache::create(d, dtype, 16, n_kv, hd, "chain cache");
    ASSERT_TRUE(cache.is_ok());
    auto scratch_bytes = ops::attention_scratch_bytes(d, *cache, n_head, 5);
    ASSERT_TRUE(scratch_bytes.is_ok());
    vk::Buffer scratch = *scratch_bytes > 0 ? make_bytes(d, *scratch_bytes, "scratch") : vk::Buffer();
    std::vector<float> qn = vk_test::random_floats(hd, 9601, 0.5f, 1.5f);  // GGUF (1 + w) norm weights
    std::vector<float> kn = vk_test::random_floats(hd, 9602, 0.5f, 1.5f);
    vk::Buffer bqn = vk_test::upload_floats(d, t, qn, "q_norm"), bkn = vk_test::upload_floats(d, t, kn, "k_norm");
    std::vector<float> k_cpu, v_cpu;  // the CPU cache
    uint64_t n_past = 0;
    for (uint64_t n_tokens : {5u, 1u}) {
      const uint64_t seed = 9610 + 10 * n_past + (dtype == DType::F16 ? 100 : dtype == DType::Q8_0 ? 200 : 0);
      std::vector<float> qg = vk_test::random_floats(n_tokens * n_head * 2 * hd, seed, -2.0f, 2.0f);
      std::vector<float> k = vk_test::random_floats(n_tokens * n_kv * hd, seed + 1, -2.0f, 2.0f);
      std::vector<float> v = vk_test::random_floats(n_tokens * n_kv * hd, seed + 2, -2.0f, 2.0f);
      std::vector<int32_t> pos;
      for (uint64_t i = 0; i < n_tokens; ++i) pos.insert(pos.end(), 3, static_cast<int32_t>(n_past + i));

      std::vector<float> qg_cpu = qg, k_rot = k, want(n_tokens * n_head * hd);
      cpu::RopeParams params{rope.n_rot, rope.theta, rope.sections};
      const cpu::HeadRows q_rows{n_tokens, n_head, hd, 2 * hd, 2 * hd * n_head};
      const cpu::HeadRows k_rows{n_tokens, n_kv, hd, hd, hd * n_kv};
      ASSERT_TRUE(cpu::head_norm_rope(qg_cpu, q_rows, qn, 1e-6f, params, pos).is_ok());
      ASSERT_TRUE(cpu::head_norm_rope(k_rot, k_rows, kn, 1e-6f, params, pos).is_ok());
      for (float& x : k_rot) x = dtype == DType::F16 ? f16_to_f32(f32_to_f16(x)) : x;
      std::vector<float> v_stored = v;
      for (float& x : v_stored) x = dtype == DType::F16 ? f16_to_f32(f32_to_f16(x)) : x;
      if (dtype == DType::Q8_0) {
        ASSERT_TRUE(cpu::kv_round_trip_q8_0(k_rot).is_ok());
        ASSERT_TRUE(cpu::kv_round_trip_q8_0(v_stored).is_ok());
      }
      v_cpu.insert(v_cpu.end(), v_stored.begin(), v_stored.end());
      k_cpu.insert(k_cpu.end(), k_rot.begin(), k_rot.end());
      const float scale = 1.0f / 16.0f;
      const cpu::AttentionDims dims{n_tokens, n_past, n_head, n_kv, hd, scale};
      ASSERT_TRUE(cpu::gated_attention(qg_cpu, k_cpu, v_cpu, dims, want).is_ok());

      vk::Buffer bq = vk_test::upload_floats(d, t, qg, "qg"), bk = vk_test::upload_floats(d, t, k, "k");
      vk::Buffer bv = vk_test::upload_floats(d, t, v, "v"), bo = vk_test::make_floats(d, want.size(), "out");
      auto bpos = vk::Buffer::create(d, pos.size() * 4, vk::MemoryUsage::DeviceLocal, "positions");
      ASSERT_TRUE(bpos.is_ok());
      ASSERT_TRUE(t.upload(*bpos, 0, pos.data(), pos.size() * 4).is_ok());
      auto seq = vk::Sequence::create(d);
      ASSERT_TRUE(seq.is_ok());
      ASSERT_TRUE(ops::head_norm_rope(**seq, bq.whole(), bq.whole(), ops::HeadLayout::interleaved(n_head, hd),
                                      bqn.whole(), 1e-6f, *table, bpos->whole()).is_ok());
      ASSERT_TRUE(ops::head_norm_rope(**seq, bk.whole(), bk.whole(), ops::HeadLayout::contiguous(n_kv, hd),
                                      bkn.whole(), 1e-6f, *table, bpos->whole()).is_ok());
      ASSERT_TRUE(ops::kv_store(**seq, *cache, bk.whole(), bv.whole(), n_past).is_ok());
      ASSERT_TRUE(ops::attention(**seq, bq.whole(), *cache, n_past, n_head, scale, bo.whole(),
                                 scratch.valid() ? scratch.whole() : vk::BufferSlice{}).is_ok());
      const uint32_t n_dispatches = (*seq)->n_commands();
      ASSERT_TRUE((*seq)->run().is_ok());
      // f32 cache: the rope_norm and attention tolerances combined (1e-9 dominates); f16: see k_tolerance_f16_chain.
      vk_test::report(label("attention_layer_chain", {n_head, n_kv, hd, n_tokens, n_past, dtype}, *cache, n_dispatches),
                      vk_test::nmse(vk_test::download_floats(t, bo, want.size()), want),
                      dtype == DType::F16 ? k_tolerance_f16_chain : dtype == DType::Q8_0 ? k_tolerance_q8_chain : k_tolerance);
      n_past += n_tokens;
    }
  }
}

TEST_F(OpsAttention, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  EXPECT_EQ(ops::KvCache::create(d, DType::Q4_K, 16, 2, 64, "c").status().code(), ErrorCode::Unsupported);
  Status q8 = ops::KvCache::create(d, DType::Q8_0, 16, 2, 36, "c").status();  // head_dim not a multiple of 32
  EXPECT_EQ(q8.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(q8.message().find("multiple of 32"), std::string::npos) << q8.message();
  Status s = ops::KvCache::create(d, DType::F16, 16, 2, 30, "c").status();
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("multiple of 4"), std::string::npos) << s.message();
  EXPECT_EQ(ops::KvCache::create(d, DType::F16, 0, 2, 64, "c").status().code(), ErrorCode::InvalidArgument);

  auto cache = ops::KvCache::create(d, DType::F16, 1100, 2, 32, "c");
  ASSERT_TRUE(cache.is_ok());
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  vk::Buffer k = vk_test::make_floats(d, 3 * 64, "k"), v = vk_test::make_floats(d, 2 * 64, "v");
  s = ops::kv_store(**seq, *cache, k.whole(), v.whole(), 0);  // k 3 tokens, v 2
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("equal whole rows of 64"), std::string::npos) << s.message();
  s = ops::kv_store(**seq, *cache, k.whole(), k.whole(), 1098);  // positions 1098 .. 1101 > 1100
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("exceed the cache's n_ctx 1100"), std::string::npos) << s.message();

  vk::Buffer qg = vk_test::make_floats(d, 4 * 2 * 32, "qg"), out = vk_test::make_floats(d, 4 * 32, "out");
  s = ops::attention(**seq, qg.whole(), *cache, 0, 3, 0.1f, out.whole(), {});  // 3 heads on 2 kv heads
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("multiple of the cache's n_head_kv 2"), std::string::npos) << s.message();
  s = ops::attention(**seq, qg.whole(), *cache, 0, 4, 0.1f, qg.whole(), {});  // out the size of qg
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  s = ops::attention(**seq, qg.whole(), *cache, 1100, 4, 0.1f, out.whole(), {});  // position 1100 >= n_ctx
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  // Decode at 1,000 splits the context: scratch is required.
  s = ops::attention(**seq, qg.whole(), *cache, 1000, 4, 0.1f, out.whole(), {});
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("attention_scratch_bytes"), std::string::npos) << s.message();
  ASSERT_TRUE((*seq)->run().is_ok());
}
