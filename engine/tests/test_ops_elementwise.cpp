// test_ops_elementwise.cpp: add, mul (same shape and row broadcast) and silu_mul on the device vs the CPU reference.
#include <gtest/gtest.h>

#include "cpu/elementwise.h"
#include "ops/elementwise.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// add and mul: Vulkan requires OpFAdd/OpFMul to be correctly rounded, and the reference rounds the exact double
// result once, so every element must match exactly (nmse 0); 1e-14 leaves room only for a driver that flushes
// denormal results to zero.
constexpr double k_binary_tolerance = 1e-14;
// silu_mul: exp has at most 3 + 2|x| ulp error and division 2.5 ulp in Vulkan shaders, i.e. a relative error
// below ~1e-6 per element for |a| <= 4, so nmse <= ~1e-12; 1e-10 leaves margin while any indexing or formula
// mistake gives nmse > 1e-4.
constexpr double k_silu_tolerance = 1e-10;

using BinaryOp = Status (*)(vk::Sequence&, const vk::BufferSlice&, const vk::BufferSlice&, const vk::BufferSlice&);
using BinaryRef = Status (*)(std::span<const float>, std::span<const float>, std::span<float>);

void check_binary(vk::Device& d, vk::Transfer& t, const char* name, BinaryOp op, BinaryRef ref, size_t n_rows,
                  size_t n_cols, bool broadcast, bool in_place, uint64_t seed, uint32_t* n_dispatches = nullptr) {
  size_t n = n_rows * n_cols;
  std::vector<float> a = vk_test::random_floats(n, seed), b = vk_test::random_floats(broadcast ? n_cols : n, seed + 1);
  std::vector<float> want(n);
  ASSERT_TRUE(ref(a, b, want).is_ok());
  vk::Buffer ba = vk_test::upload_floats(d, t, a, "a"), bb = vk_test::upload_floats(d, t, b, "b");
  vk::Buffer by = vk_test::make_floats(d, n, "y");
  const vk::Buffer& out = in_place ? ba : by;
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = op(**seq, ba.whole(), bb.whole(), out.whole());
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<float> got = vk_test::download_floats(t, out, n);
  std::string label = std::string(name) + "(type=f32,shape=" + vk_test::shape({n_rows, n_cols}) +
                      (broadcast ? ",b=row" : "") + (in_place ? ",in_place" : "") +
                      (n_dispatches ? ",dispatches=" + std::to_string(*n_dispatches) : "") + ")";
  vk_test::report(label, vk_test::nmse(got, want), k_binary_tolerance);
}

struct Shape {
  size_t rows, cols;
};
const Shape k_shapes[] = {{1, 1}, {1, 7}, {3, 33}, {7, 1000}, {65, 1027}, {2, 70001}};

}  // namespace

class OpsElementwise : public vk_test::VulkanTest {};

TEST_F(OpsElementwise, AddMatchesReference) {
  uint64_t seed = 100;
  for (const Shape& s : k_shapes) {
    check_binary(vk_test::device(), vk_test::transfer(), "add", ops::add, cpu::add, s.rows, s.cols, false, false, seed++);
    check_binary(vk_test::device(), vk_test::transfer(), "add", ops::add, cpu::add, s.rows, s.cols, true, false, seed++);
  }
  check_binary(vk_test::device(), vk_test::transfer(), "add", ops::add, cpu::add, 5, 129, false, true, seed++);
}

TEST_F(OpsElementwise, MulMatchesReference) {
  uint64_t seed = 200;
  for (const Shape& s : k_shapes) {
    check_binary(vk_test::device(), vk_test::transfer(), "mul", ops::mul, cpu::mul, s.rows, s.cols, false, false, seed++);
    check_binary(vk_test::device(), vk_test::transfer(), "mul", ops::mul, cpu::mul, s.rows, s.cols, true, false, seed++);
  }
  check_binary(vk_test::device(), vk_test::transfer(), "mul", ops::mul, cpu::mul, 5, 129, true, true, seed++);
}

TEST_F(OpsElementwise, SiluMulMatchesReference) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  uint64_t seed = 300;
  for (size_t n : {1, 7, 33, 1000, 1027, 3 * 3584, 1 << 20}) {
    // Gate pre-activations span [-12, 12] so exp(-a) covers under- and overflow-adjacent ranges.
    std::vector<float> a = vk_test::random_floats(n, seed++, -12.0f, 12.0f), b = vk_test::random_floats(n, seed++);
    std::vector<float> want(n);
    ASSERT_TRUE(cpu::silu_mul(a, b, want).is_ok());
    vk::Buffer ba = vk_test::upload_floats(d, t, a, "a"), bb = vk_test::upload_floats(d, t, b, "b");
    vk::Buffer by = vk_test::make_floats(d, n, "y");
    auto seq = vk::Sequence::create(d);
    ASSERT_TRUE(seq.is_ok());
    ASSERT_TRUE(ops::silu_mul(**seq, ba.whole(), bb.whole(), by.whole()).is_ok());
    ASSERT_TRUE((*seq)->run().is_ok());
    vk_test::report("silu_mul(type=f32,shape=" + vk_test::shape({n}) + ")",
                    vk_test::nmse(vk_test::download_floats(t, by, n), want), k_silu_tolerance);
  }
}

// Activations larger than one binding (64 KiB here, 128 MiB on lavapipe) are processed in aligned chunks.
TEST_F(OpsElementwise, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint32_t n_dispatches = 0;
  check_binary(*d, *t, "add", ops::add, cpu::add, 3, 70001, false, false, 400, &n_dispatches);
  EXPECT_GE(n_dispatches, 13u);  // 840,012 bytes in chunks of at most 65,536
  check_binary(*d, *t, "mul", ops::mul, cpu::mul, 100, 1000, true, false, 401, &n_dispatches);
  EXPECT_GE(n_dispatches, 7u);  // whole 4,000-byte rows per chunk: 16 rows
  check_binary(*d, *t, "add", ops::add, cpu::add, 20, 5000, true, true, 402, &n_dispatches);
  EXPECT_GE(n_dispatches, 7u);

  const size_t n = 100003;
  std::vector<float> a = vk_test::random_floats(n, 403, -12.0f, 12.0f), b = vk_test::random_floats(n, 404);
  std::vector<float> want(n);
  ASSERT_TRUE(cpu::silu_mul(a, b, want).is_ok());
  vk::Buffer ba = vk_test::upload_floats(*d, *t, a, "a"), bb = vk_test::upload_floats(*d, *t, b, "b");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  ASSERT_TRUE(ops::silu_mul(**seq, ba.whole(), bb.whole(), bb.whole()).is_ok());
  EXPECT_GE((*seq)->n_commands(), 7u);
  ASSERT_TRUE((*seq)->run().is_ok());
  vk_test::report("silu_mul(type=f32,shape=[100003],in_place,dispatches=" + std::to_string((*seq)->n_commands()) + ")",
                  vk_test::nmse(vk_test::download_floats(*t, bb, n), want), k_silu_tolerance);

  // A broadcast row must fit in one binding itself.
  vk::Buffer wide = vk_test::make_floats(*d, 2 * 20000, "wide"), row = vk_test::make_floats(*d, 20000, "row");
  Status s = ops::add(**seq, wide.whole(), row.whole(), wide.whole());
  EXPECT_EQ(s.code(), ErrorCode::Unsupported);
  EXPECT_NE(s.message().find("binding"), std::string::npos) << s.message();
}

TEST_F(OpsElementwise, RejectsMismatchedShapes) {
  vk::Device& d = vk_test::device();
  vk::Buffer a = vk_test::make_floats(d, 12, "a"), b = vk_test::make_floats(d, 5, "b"), y = vk_test::make_floats(d, 12, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::add(**seq, a.whole(), b.whole(), y.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("b 5"), std::string::npos) << s.message();
  EXPECT_EQ(ops::mul(**seq, a.whole(), a.whole(), y.slice(0, 44)).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(ops::silu_mul(**seq, a.whole(), b.whole(), y.whole()).code(), ErrorCode::InvalidArgument);
  Status ragged = ops::add(**seq, a.slice(0, 46), a.slice(0, 46), y.slice(0, 46));
  EXPECT_EQ(ragged.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(ragged.message().find("not whole f32"), std::string::npos) << ragged.message();
  EXPECT_EQ(ops::add(**seq, vk::BufferSlice{}, a.whole(), y.whole()).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ((*seq)->n_commands(), 0u);
}
