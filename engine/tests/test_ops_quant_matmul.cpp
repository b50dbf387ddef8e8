// test_ops_quant_matmul.cpp: matvec and matmul (register tiles of matvec_q.comp, shared-memory tiles of matmul.comp)
// with Q8_0, Q4_K, Q5_K and Q6_K weights on the device vs the CPU reference (rows dequantised with dequantize_row,
// products accumulated in double), for both reductions and both launch profiles, odd row and token counts, tiny
// block scales (f16 subnormals), weights split into row blocks by a lowered binding limit, and the blocks llama.cpp
// wrote into the golden tiny-q GGUFs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "core/quant.h"
#include "cpu/matmul.h"
#include "matmul_test_support.h"
#include "model/gguf_reader.h"
#include "ops/matmul.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Kernel and reference multiply the same dequantised weights: matmul.comp stages them with dequant4, bit-identical to
// dequantize_row; matvec_q.comp factors the block scales out of its sums (d * sum(q * x) - dmin * m * sum(x)), exact
// algebra that only rounds differently. What remains is f32 rounding against a double reference: sums of up to
// n_in = 1280 products (plus the per-sub-block scale products), whose rounding errors random-walk to about
// 6e-8 * sqrt(n_in) times the size of a typical term, i.e. relative to an output of typical size sqrt(sum of
// squared terms) an nmse of ~1e-14 .. 1e-12 (measured on lavapipe: at most 5e-13 for cases with 7 or more outputs).
// 1e-10 leaves a 10x margin in rms error over the estimate, while any misread quant, scale or min (one wrong element
// in a row of 256 already gives nmse ~ 1 / n_in ~ 4e-3; a 6-bit scale off by one ~ 1e-5) fails by orders of
// magnitude. Because the rounding error scales with the terms, not with their sum, an output that is small by chance
// (a single-output case whose sum cancels) inflates the nmse by kappa = sum of squared terms / sum of squared outputs
// (about 1 on average); the tolerance is scaled by kappa where it exceeds 1, and labels show kappa above 2.
constexpr double k_tolerance = 1e-10;

const DType k_types[] = {DType::Q8_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};

// Row lengths: Q8_0 rows of 1, 3 and 40 blocks (34-byte blocks, so odd counts leave every other row starting on a
// 2-byte boundary); K-quants 1, 2 and 5 super-blocks (Q6_K's 210-byte blocks alternate alignment too).
std::vector<uint64_t> row_lengths(DType dtype) {
  if (dtype == DType::Q8_0) return {32, 96, 1280};
  return {256, 512, 1280};
}

// Reports Y[rows, n_out] = X[rows, n_in] W[n_out, n_in]^T against the reference `want`, with the tolerance scaled by
// kappa, the sum of squared terms over the sum of squared outputs (see k_tolerance); labels show kappa above 2.
void report_product(std::string label, std::span<const float> w, std::span<const float> x, uint64_t n_in,
                    std::span<const float> want, std::span<const float> got) {
  const uint64_t rows = x.size() / n_in, n_out = w.size() / n_in;
  double terms = 0.0, results = 0.0;
  for (uint64_t r = 0; r < rows; ++r) {
    for (uint64_t o = 0; o < n_out; ++o) {
      for (uint64_t i = 0; i < n_in; ++i) {
        const double term = double(w[o * n_in + i]) * double(x[r * n_in + i]);
        terms += term * term;
      }
      results += double(want[r * n_out + o]) * double(want[r * n_out + o]);
    }
  }
  const double kappa = results > 0.0 ? terms / results : 1.0;
  if (kappa > 2.0) {
    char text[32];
    std::snprintf(text, sizeof text, ",kappa=%.3g", kappa);
    label.insert(label.size() - 1, text);
  }
  vk_test::report(label, vk_test::nmse(got, want), k_tolerance * std::max(1.0, kappa));
}

struct Weights {
  std::vector<std::byte> bytes;    // [n_out] rows of `dtype` blocks
  std::vector<float> dequantised;  // [n_out, n_in], what every kernel must multiply by
};

// Random U(-scale, scale) weights quantised with quantize_row. scale 1e-3 makes the block scales f16 subnormals
// (Q8_0 d = amax / 127 ~ 8e-6, K-quant d ~ 2e-6, all below 6.1e-5).
Weights make_weights(DType dtype, uint64_t n_out, uint64_t n_in, uint64_t seed, float scale) {
  std::vector<float> w = vk_test::random_floats(n_out * n_in, seed, -scale, scale);
  const uint64_t row_bytes = dtype_row_bytes(dtype, n_in);
  Weights out;
  out.bytes.resize(n_out * row_bytes);
  out.dequantised.resize(n_out * n_in);
  for (uint64_t r = 0; r < n_out; ++r) {
    quantize_row(dtype, w.data() + r * n_in, out.bytes.data() + r * row_bytes, static_cast<int64_t>(n_in));
    dequantize_row(dtype, out.bytes.data() + r * row_bytes, out.dequantised.data() + r * n_in,
                   static_cast<int64_t>(n_in));
  }
  return out;
}

// A device configuration under test: subgroup or shared-memory reduction, and the launch-shape profile (register
// tiles of 8 rows x 8 tokens in one-subgroup workgroups for CPU drivers, 2 x 4 in wider ones for GPUs).
struct Config {
  bool sg;
  vk::KernelProfile profile;
};

using vk_test::k_auto;
using vk_test::k_cpu;
using vk_test::k_gpu;
using vk_test::Variant;

// Devices for each configuration the hardware can run, without duplicates (a device without subgroup arithmetic
// runs the shared-memory reduction anyway). Quantised blocks are always read as 32-bit words, so 16-bit storage
// makes no difference here.
std::vector<Variant> variants(std::initializer_list<Config> configs) {
  vk::Device& base = vk_test::device();
  std::vector<vk_test::VariantSpec> specs;
  for (const Config& c : configs) {
    const bool sg = c.sg && base.use_subgroup_arithmetic();
    const vk::KernelProfile profile = c.profile == vk::KernelProfile::Auto ? base.kernel_profile() : c.profile;
    std::string name = std::string(sg ? "sg" : "shared") + "," + (profile == vk::KernelProfile::Cpu ? "cpu" : "gpu");
    specs.push_back({name,
                     {.allow_subgroup_arithmetic = sg, .kernel_profile = profile},
                     sg == base.use_subgroup_arithmetic() && profile == base.kernel_profile()});
  }
  return vk_test::make_variants(specs);
}

// One matvec (n_tokens == 0) or matmul case; the label names the kernel and variant that ran.
void check(const Variant& v, DType dtype, uint64_t n_in, uint64_t n_out, uint64_t n_tokens, uint64_t seed,
           ops::MatmulKernel kernel = ops::MatmulKernel::Auto, float scale = 1.0f, size_t* n_blocks = nullptr) {
  const bool is_matvec = n_tokens == 0;
  const uint64_t rows = is_matvec ? 1 : n_tokens;
  Weights w = make_weights(dtype, n_out, n_in, seed, scale);
  std::vector<float> x = vk_test::random_floats(rows * n_in, seed + 1);
  std::vector<float> want(rows * n_out);
  ASSERT_TRUE(cpu::matmul(DType::F32, std::as_bytes(std::span<const float>(w.dequantised)), n_out, n_in, x, want, rows)
                  .is_ok());

  vk_test::ProductRun run;
  ASSERT_NO_FATAL_FAILURE(vk_test::run_product(v, dtype, n_in, n_out, n_tokens, w.bytes, x, kernel, &run));
  if (n_blocks) *n_blocks = run.n_blocks;
  auto shader = vk_test::product_shader(*v.device, dtype, n_tokens, kernel);
  ASSERT_TRUE(shader.is_ok());
  char scale_text[32] = "";
  if (scale != 1.0f) std::snprintf(scale_text, sizeof scale_text, ",scale=%g", scale);
  std::string label = vk_test::product_label(dtype, n_in, n_out, n_tokens) + scale_text + ",kernel=" + *shader +
                      ",variant=" + v.name +
                      (run.n_dispatches > 1 ? ",dispatches=" + std::to_string(run.n_dispatches) : "") + ")";
  report_product(label, w.dequantised, x, n_in, want, run.y);
}

}  // namespace

class OpsQuantMatmul : public vk_test::VulkanTest {};

TEST_F(OpsQuantMatmul, MatvecMatchesReference) {
  const uint64_t outs[] = {1, 7, 65, 300};
  auto all = variants({{true, k_cpu}, {false, k_cpu}, {true, k_gpu}, {false, k_gpu}});
  ASSERT_FALSE(all.empty());
  uint64_t seed = 4000;
  for (const Variant& v : all) {
    ASSERT_TRUE(v.transfer);
    for (DType dtype : k_types) {
      for (uint64_t n_in : row_lengths(dtype)) {
        for (uint64_t n_out : outs) check(v, dtype, n_in, n_out, 0, seed++);
      }
    }
  }
}

// Each row length once per token count, each output count over the row lengths in turn.
static void matmul_cases(const Variant& v, ops::MatmulKernel kernel, uint64_t* seed) {
  // Token counts around the register tiles (4 or 8 tokens) and the shared-memory tiles (16, 64).
  const uint64_t tokens[] = {1, 5, 64, 65};
  const uint64_t outs[] = {1, 7, 65, 300};
  for (DType dtype : k_types) {
    const std::vector<uint64_t> lengths = row_lengths(dtype);
    for (uint64_t t : tokens) {
      for (size_t i = 0; i < std::size(outs); ++i) {
        check(v, dtype, lengths[(i + t) % lengths.size()], outs[i], t, (*seed)++, kernel);
      }
    }
  }
}

TEST_F(OpsQuantMatmul, MatmulRegisterTilesMatchReference) {
  uint64_t seed = 5000;
  for (const Variant& v : variants({{true, k_cpu}, {true, k_gpu}, {false, k_auto}})) {
    ASSERT_TRUE(v.transfer);
    matmul_cases(v, ops::MatmulKernel::RegisterTiles, &seed);
  }
}

TEST_F(OpsQuantMatmul, MatmulLaneTilesMatchReference) {
  uint64_t seed = 5800;
  for (const Variant& v : variants({{true, k_cpu}})) {
    ASSERT_TRUE(v.transfer);
    matmul_cases(v, ops::MatmulKernel::LaneTiles, &seed);
  }
}

TEST_F(OpsQuantMatmul, MatmulSharedTilesMatchReference) {
  uint64_t seed = 5500;
  for (const Variant& v : variants({{true, k_auto}})) {
    ASSERT_TRUE(v.transfer);
    matmul_cases(v, ops::MatmulKernel::SharedMemoryTiles, &seed);
  }
}

// Block scales that are f16 subnormals must be converted exactly (Vulkan may flush denormal halves in
// unpackHalf2x16, which would zero whole blocks); the nmse is scale-free, so it stays as tight.
TEST_F(OpsQuantMatmul, SubnormalBlockScales) {
  uint64_t seed = 6000;
  auto all = variants({{true, k_auto}});
  ASSERT_FALSE(all.empty());
  for (DType dtype : k_types) {
    const uint64_t n_in = row_lengths(dtype)[1];
    check(all[0], dtype, n_in, 65, 0, seed++, ops::MatmulKernel::Auto, 1e-3f);
    for (auto kernel : {ops::MatmulKernel::RegisterTiles, ops::MatmulKernel::SharedMemoryTiles,
                        ops::MatmulKernel::LaneTiles}) {
      check(all[0], dtype, n_in, 65, 5, seed++, kernel, 1e-3f);
    }
  }
}

// Weights larger than one binding (64 KiB here, as 128 MiB on lavapipe) become row blocks, one dispatch each, and
// activations larger than one binding are processed in chunks of tokens.
TEST_F(OpsQuantMatmul, SplitBindingsMatchReference) {
  uint64_t seed = 7000;
  const auto run_case = [&](const Variant& v, DType dtype, uint64_t tokens, ops::MatmulKernel kernel) {
    size_t n_blocks = 0;
    check(v, dtype, 1280, 300, tokens, seed++, kernel, 1.0f, &n_blocks);
    // 300 rows of 1280: 204 KB (Q4_K) to 408 KB (Q8_0).
    EXPECT_GE(n_blocks, 4u) << "300 quantised rows of 1280 must not fit in 64 KiB bindings";
  };
  ASSERT_NO_FATAL_FAILURE(vk_test::split_binding_cases(k_types, run_case));
}

// Blocks written by llama.cpp's own quantiser (the golden tiny-q GGUFs: Q8_0 everywhere, or Q4_K_M's mix of Q4_K,
// Q5_K and Q6_K), rather than by Lectern's: every 2-D quantised tensor as a matvec, against its dequantize_row rows.
TEST_F(OpsQuantMatmul, GgmlWrittenBlocksMatchReference) {
  const std::filesystem::path dir = std::filesystem::path(LECTERN_GOLDEN_DIR) / "models" / "tiny-q";
  std::map<DType, int> n_checked;
  uint64_t seed = 8000;
  auto all = variants({{true, k_auto}});
  ASSERT_FALSE(all.empty());
  for (const char* file : {"model-Q8_0.gguf", "model-Q4_K_M.gguf"}) {
    const std::string path = (dir / file).string();
    ASSERT_TRUE(std::filesystem::exists(path)) << "golden model missing: " << path
                                               << " (see ../shared/golden/README.md)";
    auto gguf = model::GgufFile::open(path);
    ASSERT_TRUE(gguf.is_ok()) << gguf.status().to_string();
    for (const model::GgufTensorInfo& info : gguf->tensors()) {
      if (info.n_dims != 2 || dtype_info(info.type).block_elems == 1) continue;
      const uint64_t n_in = info.ne[0], n_out = info.ne[1];
      auto data = gguf->tensor_data(info);
      std::vector<std::byte> bytes(data.size());
      std::memcpy(bytes.data(), data.data(), data.size());
      std::vector<float> deq(n_out * n_in);
      const uint64_t row_bytes = dtype_row_bytes(info.type, n_in);
      for (uint64_t r = 0; r < n_out; ++r) {
        dequantize_row(info.type, bytes.data() + r * row_bytes, deq.data() + r * n_in, static_cast<int64_t>(n_in));
      }
      std::vector<float> x = vk_test::random_floats(n_in, seed++);
      std::vector<float> want(n_out);
      ASSERT_TRUE(cpu::matvec(DType::F32, std::as_bytes(std::span<const float>(deq)), n_out, n_in, x, want).is_ok());

      vk_test::ProductRun run;
      ASSERT_NO_FATAL_FAILURE(vk_test::run_product(all[0], info.type, n_in, n_out, 0, bytes, x,
                                                   ops::MatmulKernel::Auto, &run, info.name));
      report_product("matvec(type=" + std::string(dtype_name(info.type)) + ",tensor=" + info.name + ",shape=" +
                         vk_test::shape({n_out, n_in}) + ",file=" + file + ")",
                     deq, x, n_in, want, run.y);
      ++n_checked[info.type];
    }
  }
  for (DType dtype : {DType::Q8_0, DType::Q4_K, DType::Q6_K}) {
    EXPECT_GT(n_checked[dtype], 0) << "the golden tiny-q files hold " << dtype_name(dtype) << " tensors";
  }
}

TEST_F(OpsQuantMatmul, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  // Rows must be whole blocks.
  auto partial = vk::DeviceMatrix::create(d, DType::Q4_K, 4, 320, "blk.0.ffn_up.weight");
  EXPECT_EQ(partial.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(partial.status().message().find("not a whole number of 256-element blocks"), std::string::npos)
      << partial.status().message();

  std::vector<std::byte> bytes(8 * dtype_row_bytes(DType::Q6_K, 512));
  auto m = vk::DeviceMatrix::upload(d, vk_test::transfer(), DType::Q6_K, 8, 512, bytes, "blk.0.attn_v.weight");
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  vk::Buffer x = vk_test::make_floats(d, 3 * 512, "x"), y = vk_test::make_floats(d, 3 * 8, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status mv = ops::matvec(**seq, *m, x.slice(0, 256 * 4), y.slice(0, 8 * 4));
  EXPECT_EQ(mv.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(mv.message().find("'blk.0.attn_v.weight' [8, 512] needs x of 512"), std::string::npos) << mv.message();
  Status mm = ops::matmul(**seq, *m, x.whole(), y.slice(0, 2 * 8 * 4));
  EXPECT_EQ(mm.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(mm.message().find("Y of n_tokens rows of 8"), std::string::npos) << mm.message();
  EXPECT_EQ((*seq)->n_commands(), 0u);
}
