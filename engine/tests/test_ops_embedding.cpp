// test_ops_embedding.cpp: the embedding gather on the device vs the CPU reference for every table type (f32, f16,
// bf16, Q8_0, Q4_K, Q5_K, Q6_K), odd widths and token counts, tiny values (f16 subnormals), out-of-range ids, and
// tables and outputs split across bindings; plus the reference's own rules and the host-side id check.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <numeric>

#include "core/quant.h"
#include "cpu/embedding.h"
#include "model/gguf_reader.h"
#include "ops/embedding.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// A gather does no arithmetic for f32/f16/bf16, and for quantised tables the shader repeats ggml's dequantisation
// operation for operation with `precise` (no fma contraction) and converts f16 scales exactly, so the output must
// equal dequantize_row bit for bit: tolerance 0.
constexpr double k_tolerance = 0.0;

const DType k_types[] = {DType::F32, DType::F16, DType::BF16, DType::Q8_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};

bool quantised(DType dtype) { return dtype_info(dtype).block_elems > 1; }

// Row widths: odd ones for plain floats (not vec4-aligned: the scalar path), whole blocks for quantised tables.
std::vector<uint64_t> widths(DType dtype) {
  if (dtype == DType::Q8_0) return {32, 96, 1024};
  if (quantised(dtype)) return {256, 1280};
  return {7, 64, 1027};
}

// Table bytes of U(-scale, scale) values in `dtype` (quantised with quantize_row).
std::vector<std::byte> make_table(DType dtype, uint64_t n_vocab, uint64_t n_embd, uint64_t seed, float scale) {
  std::vector<float> v = vk_test::random_floats(n_vocab * n_embd, seed, -scale, scale);
  if (!quantised(dtype)) return vk_test::encode(dtype, v);
  const uint64_t row_bytes = dtype_row_bytes(dtype, n_embd);
  std::vector<std::byte> out(n_vocab * row_bytes);
  for (uint64_t r = 0; r < n_vocab; ++r) {
    quantize_row(dtype, v.data() + r * n_embd, out.data() + r * row_bytes, static_cast<int64_t>(n_embd));
  }
  return out;
}

// Seeded ids in [0, n_vocab), with the first and last rows included.
std::vector<uint32_t> make_ids(uint64_t n_tokens, uint64_t n_vocab, uint64_t seed) {
  std::vector<float> u = vk_test::random_floats(n_tokens, seed, 0.0f, 1.0f);
  std::vector<uint32_t> ids(n_tokens);
  for (uint64_t t = 0; t < n_tokens; ++t) {
    ids[t] = std::min<uint32_t>(static_cast<uint32_t>(u[t] * static_cast<float>(n_vocab)),
                                static_cast<uint32_t>(n_vocab - 1));
  }
  ids[0] = 0;
  if (n_tokens > 1) ids[n_tokens - 1] = static_cast<uint32_t>(n_vocab - 1);
  return ids;
}

// One gather; y starts as NaN so a row no dispatch wrote fails the comparison. Returns the device's output.
std::vector<float> gather(vk::Device& d, vk::Transfer& t, DType dtype, const std::vector<std::byte>& table,
                          uint64_t n_vocab, uint64_t n_embd, const std::vector<uint32_t>& ids, const std::string& label,
                          size_t* n_blocks = nullptr) {
  std::vector<float> want(ids.size() * n_embd);
  Status ref = cpu::embedding(dtype, table, n_vocab, n_embd, ids, want);
  EXPECT_TRUE(ref.is_ok()) << ref.to_string();
  auto m = vk::DeviceMatrix::upload(d, t, dtype, n_vocab, n_embd, table, "token_embd.weight");
  EXPECT_TRUE(m.is_ok()) << m.status().to_string();
  if (!m) return {};
  if (n_blocks) *n_blocks = m->blocks().size();
  auto b_ids = vk::Buffer::create(d, ids.size() * 4, vk::MemoryUsage::DeviceLocal, "ids");
  EXPECT_TRUE(b_ids.is_ok());
  EXPECT_TRUE(t.upload(*b_ids, 0, ids.data(), ids.size() * 4).is_ok());
  std::vector<float> poison(ids.size() * n_embd, std::numeric_limits<float>::quiet_NaN());
  vk::Buffer by = vk_test::upload_floats(d, t, poison, "y");
  auto seq = vk::Sequence::create(d);
  EXPECT_TRUE(seq.is_ok());
  Status s = ops::embedding(**seq, *m, b_ids->whole(), by.whole());
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_TRUE((*seq)->run().is_ok());
  std::vector<float> got = vk_test::download_floats(t, by, ids.size() * n_embd);
  std::string full = label + (m->blocks().size() > 1 ? ",blocks=" + std::to_string(m->blocks().size()) : "") + ")";
  vk_test::report(full, vk_test::nmse(got, want), k_tolerance);
  EXPECT_EQ(std::memcmp(got.data(), want.data(), got.size() * sizeof(float)), 0) << full << " is not bit-identical";
  return got;
}

std::string label(DType dtype, uint64_t n_vocab, uint64_t n_embd, uint64_t n_tokens) {
  return std::string("embedding(type=") + dtype_name(dtype) + ",table=" + vk_test::shape({n_vocab, n_embd}) +
         ",tokens=" + std::to_string(n_tokens);
}

}  // namespace

class OpsEmbedding : public vk_test::VulkanTest {};

TEST_F(OpsEmbedding, MatchesReferenceBitForBit) {
  const uint64_t n_vocab = 131;
  uint64_t seed = 100;
  for (DType dtype : k_types) {
    for (uint64_t n_embd : widths(dtype)) {
      for (uint64_t n_tokens : {1, 5, 64, 65}) {
        std::vector<std::byte> table = make_table(dtype, n_vocab, n_embd, seed++, 1.0f);
        gather(vk_test::device(), vk_test::transfer(), dtype, table, n_vocab, n_embd,
               make_ids(n_tokens, n_vocab, seed++), label(dtype, n_vocab, n_embd, n_tokens));
      }
    }
  }
}

// Values of 1e-6 are f16 subnormals, and at 1e-3 quantised block scales are (see test_ops_quant_matmul.cpp); both
// must survive exactly.
TEST_F(OpsEmbedding, TinyValuesExact) {
  uint64_t seed = 200;
  for (DType dtype : k_types) {
    const float scale = quantised(dtype) ? 1e-3f : 1e-6f;
    const uint64_t n_embd = widths(dtype)[1];
    std::vector<std::byte> table = make_table(dtype, 40, n_embd, seed++, scale);
    char text[32];
    std::snprintf(text, sizeof text, ",scale=%g", scale);
    gather(vk_test::device(), vk_test::transfer(), dtype, table, 40, n_embd, make_ids(9, 40, seed++),
           label(dtype, 40, n_embd, 9) + text);
  }
}

// Ids >= n_vocab read nothing and give rows of zeros (the documented rule of ops::embedding).
TEST_F(OpsEmbedding, OutOfRangeIdsGiveZeroRows) {
  const uint64_t n_vocab = 50;
  uint64_t seed = 300;
  for (DType dtype : {DType::BF16, DType::Q4_K, DType::Q6_K}) {
    const uint64_t n_embd = widths(dtype)[0];
    std::vector<std::byte> table = make_table(dtype, n_vocab, n_embd, seed++, 1.0f);
    std::vector<uint32_t> ids = {3, 50, 49, 0xffffffffu, 51, 0, 1u << 31};
    std::vector<float> got = gather(vk_test::device(), vk_test::transfer(), dtype, table, n_vocab, n_embd, ids,
                                    label(dtype, n_vocab, n_embd, ids.size()) + ",ids=out-of-range");
    ASSERT_EQ(got.size(), ids.size() * n_embd);
    for (size_t t = 0; t < ids.size(); ++t) {
      if (ids[t] < n_vocab) continue;
      for (uint64_t i = 0; i < n_embd; ++i) ASSERT_EQ(got[t * n_embd + i], 0.0f) << "id " << ids[t] << " element " << i;
    }
  }
}

// A table larger than one binding (64 KiB here; the 0.8B bf16 embedding is 508 MB against lavapipe's 128 MiB)
// becomes row blocks; every token must find its row in whichever block holds it, and outputs larger than one
// binding are written in chunks of tokens.
TEST_F(OpsEmbedding, SplitTableMatchesReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  const uint64_t n_vocab = 1001, n_embd = 256;
  uint64_t seed = 400;
  for (DType dtype : k_types) {
    std::vector<std::byte> table = make_table(dtype, n_vocab, n_embd, seed++, 1.0f);
    // 65 tokens: y is 66,560 bytes, more than one binding. Ids hit both sides of every block boundary
    // (DeviceMatrix makes equal-sized blocks).
    auto max_rows = vk::DeviceMatrix::max_rows_per_block(*d, dtype, n_embd);
    ASSERT_TRUE(max_rows.is_ok());
    const uint64_t n_split = (n_vocab + *max_rows - 1) / *max_rows;
    const uint64_t per_block = (n_vocab + n_split - 1) / n_split;
    std::vector<uint32_t> ids = make_ids(65, n_vocab, seed++);
    size_t pos = 1;
    for (uint64_t b = per_block; b < n_vocab && pos + 1 < 40; b += per_block) {
      ids[pos++] = static_cast<uint32_t>(b - 1);
      ids[pos++] = static_cast<uint32_t>(b);
    }
    ids[40] = static_cast<uint32_t>(n_vocab);  // and one out of range
    size_t n_blocks = 0;
    gather(*d, *t, dtype, table, n_vocab, n_embd, ids, label(dtype, n_vocab, n_embd, ids.size()), &n_blocks);
    EXPECT_GE(n_blocks, 3u) << "1001 rows of 256 must not fit in 64 KiB bindings";
  }
}

// The golden tiny-q token tables as llama.cpp quantised them (Q8_0, and Q6_K in the Q4_K_M file): every row.
TEST_F(OpsEmbedding, GgmlWrittenTablesExact) {
  const std::filesystem::path dir = std::filesystem::path(LECTERN_GOLDEN_DIR) / "models" / "tiny-q";
  for (const char* file : {"model-Q8_0.gguf", "model-Q4_K_M.gguf"}) {
    const std::string path = (dir / file).string();
    ASSERT_TRUE(std::filesystem::exists(path)) << "golden model missing: " << path
                                               << " (see ../shared/golden/README.md)";
    auto gguf = model::GgufFile::open(path);
    ASSERT_TRUE(gguf.is_ok()) << gguf.status().to_string();
    const model::GgufTensorInfo* info = gguf->find_tensor("token_embd.weight");
    ASSERT_NE(info, nullptr) << path << " has no token_embd.weight";
    ASSERT_TRUE(quantised(info->type)) << path << ": token_embd.weight is " << dtype_name(info->type);
    const uint64_t n_embd = info->ne[0], n_vocab = info->ne[1];
    auto data = gguf->tensor_data(*info);
    std::vector<std::byte> table(data.size());
    std::memcpy(table.data(), data.data(), data.size());
    std::vector<uint32_t> ids(n_vocab);
    std::iota(ids.begin(), ids.end(), 0u);
    std::reverse(ids.begin(), ids.end());
    gather(vk_test::device(), vk_test::transfer(), info->type, table, n_vocab, n_embd, ids,
           label(info->type, n_vocab, n_embd, ids.size()) + ",file=" + file);
  }
}

TEST_F(OpsEmbedding, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  std::vector<std::byte> bytes(10 * dtype_row_bytes(DType::Q8_0, 64));
  auto m = vk::DeviceMatrix::upload(d, vk_test::transfer(), DType::Q8_0, 10, 64, bytes, "token_embd.weight");
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  vk::Buffer ids = vk_test::make_floats(d, 4, "ids"), y = vk_test::make_floats(d, 4 * 64, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status short_y = ops::embedding(**seq, *m, ids.whole(), y.slice(0, 3 * 64 * 4));
  EXPECT_EQ(short_y.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(short_y.message().find("'token_embd.weight' [10, 64] of 4 ids needs y of 256 elements, got 192"),
            std::string::npos)
      << short_y.message();
  Status ragged = ops::embedding(**seq, *m, ids.slice(0, 6), y.whole());
  EXPECT_EQ(ragged.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(ragged.message().find("whole u32 token ids, got 6 bytes"), std::string::npos) << ragged.message();
  EXPECT_EQ((*seq)->n_commands(), 0u);
}

TEST(OpsEmbeddingHost, CheckTokenIdsNamesFirstBadId) {
  const uint32_t good[] = {0, 5, 9};
  EXPECT_TRUE(ops::check_token_ids(good, 10).is_ok());
  const uint32_t bad[] = {0, 9, 10, 11};
  Status s = ops::check_token_ids(bad, 10);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("token id 10 at position 2 is outside the vocabulary of 10 tokens"), std::string::npos)
      << s.message();
}

// The reference itself: rows are copied / dequantised exactly, out-of-range ids give zeros, sizes are checked.
TEST(OpsEmbeddingHost, CpuReferenceRules) {
  const float values[] = {1.0f, -2.0f, 0.5f, 3.0f, 4.0f, -0.25f};  // [3, 2] f32
  const uint32_t ids[] = {2, 7, 0};
  std::vector<float> y(6);
  ASSERT_TRUE(cpu::embedding(DType::F32, std::as_bytes(std::span(values)), 3, 2, ids, y).is_ok());
  EXPECT_EQ(y, (std::vector<float>{4.0f, -0.25f, 0.0f, 0.0f, 1.0f, -2.0f}));

  // One Q8_0 row of 32: d = 0.5 (f16 0x3800), quants 0, 1, ..., 31 -> 0, 0.5, ..., 15.5.
  BlockQ8_0 blk{};
  blk.d = 0x3800;
  for (int i = 0; i < 32; ++i) blk.qs[i] = static_cast<int8_t>(i);
  const uint32_t id0[] = {0};
  std::vector<float> row(32);
  ASSERT_TRUE(cpu::embedding(DType::Q8_0, std::as_bytes(std::span(&blk, 1)), 1, 32, id0, row).is_ok());
  for (int i = 0; i < 32; ++i) EXPECT_EQ(row[i], 0.5f * static_cast<float>(i));

  Status bad_size = cpu::embedding(DType::F32, std::as_bytes(std::span(values)), 2, 2, ids, y);
  EXPECT_EQ(bad_size.code(), ErrorCode::InvalidArgument);
  Status ragged = cpu::embedding(DType::Q8_0, std::as_bytes(std::span(&blk, 1)), 1, 16, id0, row);
  EXPECT_EQ(ragged.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(ragged.message().find("whole 32-element blocks"), std::string::npos) << ragged.message();
}
