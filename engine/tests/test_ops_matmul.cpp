// test_ops_matmul.cpp: matvec and tiled matmul with f32, f16 and bf16 weights on the device vs the CPU reference,
// for every shader variant (16-bit storage or packed words; subgroup or shared-memory reduction), odd shapes, and
// weights split into row blocks by a lowered binding limit.
#include <gtest/gtest.h>

#include <algorithm>

#include "cpu/matmul.h"
#include "matmul_test_support.h"
#include "ops/matmul.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Both kernels accumulate in f32 (fma chains of up to n_in terms in matmul; n_in / 64 terms then a reduction in
// matvec) while the reference accumulates in double from the same, exactly converted weights, so weight dtype does
// not matter. For products of U(-1, 1) values the rounding errors random-walk to a relative output error of about
// 6e-8 * n_in / (2.45 * sqrt(n_in)) ~ 8e-7 at n_in = 4096, i.e. nmse ~ 1e-12; 1e-9 leaves a 30x margin in rms
// error, while one dropped or misplaced term already gives nmse ~ 1 / n_in > 2e-4.
constexpr double k_tolerance = 1e-9;

const DType k_dtypes[] = {DType::F32, DType::F16, DType::BF16};

// A device configuration under test: which shader variants (16-bit storage or packed words; subgroup or
// shared-memory reduction) and which launch-shape profile the ops use.
struct Config {
  bool s16, sg;
  vk::KernelProfile profile;
};

using vk_test::k_auto;
using vk_test::k_cpu;
using vk_test::k_gpu;
using vk_test::Variant;

const char* profile_name(vk::KernelProfile p) { return p == vk::KernelProfile::Cpu ? "cpu" : "gpu"; }

// Devices for each configuration the hardware can run, without duplicates (a device lacking a feature runs the
// fallback anyway); the shared default device where the configuration is its own.
std::vector<Variant> variants(std::initializer_list<Config> configs) {
  vk::Device& base = vk_test::device();
  std::vector<vk_test::VariantSpec> specs;
  for (const Config& c : configs) {
    bool s16 = c.s16 && base.use_16bit_storage();
    bool sg = c.sg && base.use_subgroup_arithmetic();
    vk::KernelProfile profile = c.profile == vk::KernelProfile::Auto ? base.kernel_profile() : c.profile;
    std::string name = std::string(s16 ? "s16" : "packed") + "," + (sg ? "sg" : "shared") + "," + profile_name(profile);
    specs.push_back({name,
                     {.allow_16bit_storage = s16, .allow_subgroup_arithmetic = sg, .kernel_profile = profile},
                     s16 == base.use_16bit_storage() && sg == base.use_subgroup_arithmetic() &&
                         profile == base.kernel_profile()});
  }
  return vk_test::make_variants(specs);
}

// One matvec (n_tokens == 0) or matmul case; the label names the kernel variant and profile that ran.
void check(const Variant& v, DType dtype, uint64_t n_in, uint64_t n_out, uint64_t n_tokens, uint64_t seed,
           ops::MatmulKernel kernel = ops::MatmulKernel::Auto, size_t* n_blocks = nullptr) {
  bool is_matvec = n_tokens == 0;
  uint64_t rows = is_matvec ? 1 : n_tokens;
  std::vector<float> w = vk_test::random_floats(n_out * n_in, seed);
  std::vector<std::byte> w_bytes = vk_test::encode(dtype, w);
  std::vector<float> x = vk_test::random_floats(rows * n_in, seed + 1);
  std::vector<float> want(rows * n_out);
  ASSERT_TRUE(cpu::matmul(dtype, w_bytes, n_out, n_in, x, want, rows).is_ok());

  vk_test::ProductRun run;
  ASSERT_NO_FATAL_FAILURE(vk_test::run_product(v, dtype, n_in, n_out, n_tokens, w_bytes, x, kernel, &run));
  if (n_blocks) *n_blocks = run.n_blocks;
  auto shader = vk_test::product_shader(*v.device, dtype, n_tokens, kernel);
  std::string label = vk_test::product_label(dtype, n_in, n_out, n_tokens) +
                      (kernel == ops::MatmulKernel::Auto ? "" : ",kernel=" + *shader) + ",variant=" + v.name +
                      (run.n_dispatches > 1 ? ",dispatches=" + std::to_string(run.n_dispatches) : "") + ")";
  vk_test::report(label, vk_test::nmse(run.y, want), k_tolerance);
}

struct InOut {
  uint64_t n_in, n_out;
};

}  // namespace

class OpsMatmul : public vk_test::VulkanTest {};

TEST_F(OpsMatmul, MatvecMatchesReference) {
  const InOut shapes[] = {{1, 1}, {7, 3}, {33, 64}, {1000, 65}, {1027, 257}, {4096, 33}};
  auto all = variants({{true, true, k_auto}, {true, false, k_auto}, {false, true, k_auto}, {false, false, k_auto},
                       {true, true, k_gpu}, {false, false, k_gpu}, {true, true, k_cpu}, {false, false, k_cpu}});
  ASSERT_FALSE(all.empty());
  uint64_t seed = 1000;
  for (const Variant& v : all) {
    ASSERT_TRUE(v.transfer);
    for (DType dtype : k_dtypes) {
      for (const InOut& s : shapes) check(v, dtype, s.n_in, s.n_out, 0, seed++);
    }
  }
  // 140001 rows need more row groups than one grid row of 65535 holds.
  for (DType dtype : k_dtypes) check(all.front(), dtype, 4, 140001, 0, seed++);
}

TEST_F(OpsMatmul, MatmulMatchesReference) {
  const InOut shapes[] = {{1, 5}, {7, 33}, {33, 64}, {1000, 65}, {1027, 130}};
  uint64_t seed = 2000;
  // Shared-memory tiles: token counts around the small tile (16) and the large one (64).
  for (const Variant& v : variants({{true, true, k_auto}, {false, false, k_auto}})) {
    ASSERT_TRUE(v.transfer);
    for (DType dtype : k_dtypes) {
      for (uint64_t t : {1, 3, 17, 64, 65}) {
        for (const InOut& s : shapes) check(v, dtype, s.n_in, s.n_out, t, seed++, ops::MatmulKernel::SharedMemoryTiles);
      }
    }
  }
  // Register tiles of 8 tokens (CPU profile) and 4 (GPU profile): partial and whole tiles.
  for (const Variant& v : variants({{true, true, k_cpu}, {false, false, k_gpu}})) {
    ASSERT_TRUE(v.transfer);
    for (DType dtype : k_dtypes) {
      for (uint64_t t : {1, 3, 9, 65}) {
        for (const InOut& s : shapes) check(v, dtype, s.n_in, s.n_out, t, seed++, ops::MatmulKernel::RegisterTiles);
      }
    }
  }
  // Lane tiles (matmul_lanes.comp; token tiles of 8 up to 64, rows in 16 per lane): partial and whole tiles, more
  // than one token tile (130), row counts below, at and above one workgroup's 128 rows (CPU profile) or 64.
  for (const Variant& v : variants({{true, true, k_cpu}, {false, false, k_gpu}})) {
    ASSERT_TRUE(v.transfer);
    for (DType dtype : k_dtypes) {
      for (uint64_t t : {1, 9, 64, 130}) {
        for (const InOut& s : shapes) check(v, dtype, s.n_in, s.n_out, t, seed++, ops::MatmulKernel::LaneTiles);
      }
    }
  }
}

// Weights larger than one binding (64 KiB here, as 128 MiB on lavapipe) become row blocks, one dispatch each, and
// activations larger than one binding are processed in chunks of tokens.
TEST_F(OpsMatmul, SplitBindingsMatchReference) {
  uint64_t seed = 3000;
  const auto run_case = [&](const Variant& v, DType dtype, uint64_t tokens, ops::MatmulKernel kernel) {
    size_t n_blocks = 0;
    check(v, dtype, 1000, 300, tokens, seed++, kernel, &n_blocks);
    EXPECT_GE(n_blocks, 5u) << "300 rows of 1000 must not fit in 64 KiB bindings";
  };
  ASSERT_NO_FATAL_FAILURE(vk_test::split_binding_cases(k_dtypes, run_case));
}

TEST_F(OpsMatmul, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  std::vector<std::byte> bytes(8 * 32 * 2);
  auto m = vk::DeviceMatrix::upload(d, vk_test::transfer(), DType::F16, 8, 32, bytes, "blk.0.attn_q.weight");
  ASSERT_TRUE(m.is_ok());
  vk::Buffer x = vk_test::make_floats(d, 33, "x"), y = vk_test::make_floats(d, 8 * 3, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::matvec(**seq, *m, x.whole(), y.slice(0, 32));
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("'blk.0.attn_q.weight' [8, 32] needs x of 32"), std::string::npos) << s.message();
  Status mm = ops::matmul(**seq, *m, x.slice(0, 3 * 32 * 4 - 4), y.whole());
  EXPECT_EQ(mm.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(mm.message().find("whole rows of 32"), std::string::npos) << mm.message();

  EXPECT_EQ((*seq)->n_commands(), 0u);
}
