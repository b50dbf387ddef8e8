// test_ops_norm.cpp: RMSNorm (plain and zero-centred weight) on the device vs the CPU reference, with the subgroup
// reduction and the shared-memory fallback.
#include <gtest/gtest.h>

#include "cpu/norm.h"
#include "ops/norm.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// The shader sums squares in f32: each invocation adds n_cols / 256 terms, then log2(256) tree or subgroup levels,
// so the relative error of the mean is about (n_cols / 256 + 8) * 6e-8 <= 2e-6 for n_cols <= 4096; inversesqrt
// adds 2 ulp and the final products 2 roundings. Per-element relative error ~2e-6 gives nmse ~4e-12; 1e-10 keeps
// a 25x margin, while a wrong row, weight index or formula gives nmse > 1e-3.
constexpr double k_tolerance = 1e-10;

struct Case {
  size_t rows, cols;
};
const Case k_cases[] = {{1, 1}, {1, 7}, {3, 33}, {7, 1000}, {65, 1027}, {5, 1024}, {2, 4096}, {70000, 3}};

void check(vk::Device& d, vk::Transfer& t, const char* variant, size_t rows, size_t cols, float w_offset,
           bool in_place, uint64_t seed, uint32_t* n_dispatches = nullptr) {
  std::vector<float> x = vk_test::random_floats(rows * cols, seed, -3.0f, 3.0f);
  // Zero-centred weights are small deviations around 0; plain ones around 1.
  std::vector<float> w = w_offset == 0.0f ? vk_test::random_floats(cols, seed + 1, 0.5f, 1.5f)
                                          : vk_test::random_floats(cols, seed + 1, -0.5f, 0.5f);
  const float eps = 1e-6f;
  std::vector<float> want(rows * cols);
  ASSERT_TRUE(cpu::rms_norm(x, w, want, cols, eps, w_offset).is_ok());
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x"), bw = vk_test::upload_floats(d, t, w, "w");
  vk::Buffer by = vk_test::make_floats(d, rows * cols, "y");
  const vk::Buffer& out = in_place ? bx : by;
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::rms_norm(**seq, bx.whole(), bw.whole(), out.whole(), cols, eps, w_offset);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  std::string label = std::string("rms_norm(type=f32,shape=") + vk_test::shape({rows, cols}) +
                      (w_offset != 0.0f ? ",weight=1+w" : ",weight=w") + ",reduce=" + variant +
                      (in_place ? ",in_place" : "") +
                      (n_dispatches ? ",dispatches=" + std::to_string(*n_dispatches) : "") + ")";
  vk_test::report(label, vk_test::nmse(vk_test::download_floats(t, out, rows * cols), want), k_tolerance);
}

void check_all(vk::Device& d, vk::Transfer& t, const char* variant) {
  uint64_t seed = 500;
  for (const Case& c : k_cases) {
    for (float w_offset : {0.0f, 1.0f}) check(d, t, variant, c.rows, c.cols, w_offset, false, seed++);
  }
  check(d, t, variant, 4, 256, 1.0f, true, seed++);
}

}  // namespace

class OpsNorm : public vk_test::VulkanTest {};

TEST_F(OpsNorm, RmsNormMatchesReference) {
  vk::Device& d = vk_test::device();
  check_all(d, vk_test::transfer(), d.use_subgroup_arithmetic() ? "subgroup" : "shared");
}

TEST_F(OpsNorm, RmsNormSharedMemoryFallback) {
  if (!vk_test::device().use_subgroup_arithmetic()) GTEST_SKIP() << "the default device already uses the fallback";
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check_all(*d, *t, "shared");
}

// Rows of activations larger than one binding (64 KiB here) are normalised in chunks of whole rows.
TEST_F(OpsNorm, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint32_t n_dispatches = 0;
  check(*d, *t, d->use_subgroup_arithmetic() ? "subgroup" : "shared", 300, 1000, 1.0f, true, 600, &n_dispatches);
  EXPECT_EQ(n_dispatches, 19u);  // 16 rows of 4,000 bytes fit in 64 KiB
}

TEST_F(OpsNorm, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  vk::Buffer x = vk_test::make_floats(d, 12, "x"), w = vk_test::make_floats(d, 4, "w");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::rms_norm(**seq, x.whole(), w.whole(), x.whole(), 5, 1e-6f, 0.0f);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("rows of 5"), std::string::npos) << s.message();
  EXPECT_EQ(ops::rms_norm(**seq, x.whole(), w.whole(), x.whole(), 4, -1.0f, 0.0f).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(ops::rms_norm(**seq, x.whole(), w.whole(), x.whole(), 0, 1e-6f, 0.0f).code(), ErrorCode::InvalidArgument);
}
