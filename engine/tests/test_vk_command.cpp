// test_vk_command.cpp: the pipeline cache, shader registry, command sequences (barriers from data dependencies,
// device copies, state errors, binding checks, fence timeouts) and workgroup-grid splitting.
#include <gtest/gtest.h>

#include "ops/elementwise.h"
#include "ops/matmul.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk/pipeline.h"
#include "vk/shader_registry.h"
#include "vk_test_support.h"

using namespace lectern;

TEST(SplitGroups, CoversLargeCounts) {
  std::array<uint32_t, 3> limits{65535, 65535, 65535};
  EXPECT_EQ(vk::split_groups(1, limits), (std::array<uint32_t, 3>{1, 1, 1}));
  EXPECT_EQ(vk::split_groups(65535, limits), (std::array<uint32_t, 3>{65535, 1, 1}));
  for (uint64_t n : {65536ull, 124160ull, 1000003ull}) {
    auto g = vk::split_groups(n, limits);
    EXPECT_LE(g[0], 65535u);
    EXPECT_GE(uint64_t(g[0]) * g[1], n);
    EXPECT_LT(uint64_t(g[0]) * (g[1] - 1), n);  // no whole row of idle groups
  }
}

TEST(ShaderRegistry, HasEveryVariant) {
  for (const char* name : {"add_f32", "mul_f32", "silu_mul_f32", "rms_norm_f32", "rms_norm_f32_sg"}) {
    EXPECT_NE(vk::find_shader(name), nullptr) << name;
  }
  for (const char* w : {"f32", "f16", "bf16"}) {
    std::vector<std::string> names = {std::string("matvec_") + w + "_f32", std::string("matvec_") + w + "_f32_sg",
                                      std::string("matmul_") + w + "_f32"};
    if (std::string(w) != "f32") {
      names.push_back(std::string("matvec_") + w + "_f32_s16");
      names.push_back(std::string("matvec_") + w + "_f32_s16_sg");
      names.push_back(std::string("matmul_") + w + "_f32_s16");
    }
    for (const auto& n : names) {
      const vk::ShaderBlob* blob = vk::find_shader(n);
      ASSERT_NE(blob, nullptr) << n;
      EXPECT_EQ(blob->words[0], 0x07230203u) << n;  // SPIR-V magic
    }
  }
  EXPECT_EQ(vk::find_shader("no_such_shader_f32"), nullptr);
  EXPECT_EQ(vk::find_shader("matvec_f16"), nullptr);  // a prefix of real names is not a match
}

class VulkanCommand : public vk_test::VulkanTest {};

TEST_F(VulkanCommand, PipelineCacheKeysOnShaderAndConstants) {
  vk::PipelineCache& cache = vk_test::device().pipelines();
  uint32_t a[] = {64};
  uint32_t b[] = {128};
  auto p1 = cache.get({"add_f32", 3, 8, a});
  auto p2 = cache.get({"add_f32", 3, 8, a});
  auto p3 = cache.get({"add_f32", 3, 8, b});
  ASSERT_TRUE(p1.is_ok()) << p1.status().to_string();
  ASSERT_TRUE(p2.is_ok() && p3.is_ok());
  EXPECT_EQ(*p1, *p2);
  EXPECT_NE(*p1, *p3);
  EXPECT_EQ((*p3)->name, "add_f32{128}");
  auto missing = cache.get({"no_such_shader", 1, 0, {}});
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::NotFound);
  EXPECT_NE(missing.status().message().find("engine/shaders/CMakeLists.txt"), std::string::npos);
  auto big_push = cache.get({"add_f32", 3, 4096, a});
  ASSERT_FALSE(big_push.is_ok());
  EXPECT_EQ(big_push.status().code(), ErrorCode::Unsupported);
}

// y_{k+1} = y_k + b, fifty times in one command buffer: each dispatch reads what the previous one wrote, so every
// step needs a barrier; independent dispatches need none.
TEST_F(VulkanCommand, BarriersFollowDataDependencies) {
  vk::Device& d = vk_test::device();
  const size_t n = 1000;
  std::vector<float> a = vk_test::random_floats(n, 1), b = vk_test::random_floats(n, 2);
  vk::Buffer ba = vk_test::upload_floats(d, vk_test::transfer(), a, "a");
  vk::Buffer bb = vk_test::upload_floats(d, vk_test::transfer(), b, "b");
  vk::Buffer y0 = vk_test::make_floats(d, n, "y0"), y1 = vk_test::make_floats(d, n, "y1");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  ASSERT_TRUE(ops::add(**seq, ba.whole(), bb.whole(), y0.whole()).is_ok());
  const int steps = 50;
  for (int i = 1; i < steps; ++i) {
    const vk::Buffer& src = i % 2 ? y0 : y1;
    const vk::Buffer& dst = i % 2 ? y1 : y0;
    ASSERT_TRUE(ops::add(**seq, src.whole(), bb.whole(), dst.whole()).is_ok());
  }
  EXPECT_EQ((*seq)->n_commands(), uint32_t(steps));
  EXPECT_EQ((*seq)->n_barriers(), uint32_t(steps - 1));
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<float> got = vk_test::download_floats(vk_test::transfer(), steps % 2 ? y0 : y1, n);
  std::vector<float> want(n);
  for (size_t i = 0; i < n; ++i) {
    float v = a[i];
    for (int k = 0; k < steps; ++k) v += b[i];  // the same f32 additions in the same order
    want[i] = v;
  }
  vk_test::report("add_chain(steps=50,shape=[1000])", vk_test::nmse(got, want), 0.0);

  // Independent work: both read a and b, write different outputs; then a write-after-read on a.
  ASSERT_TRUE(ops::add(**seq, ba.whole(), bb.whole(), y0.whole()).is_ok());
  ASSERT_TRUE(ops::mul(**seq, ba.whole(), bb.whole(), y1.whole()).is_ok());
  EXPECT_EQ((*seq)->n_barriers(), 0u);
  ASSERT_TRUE(ops::add(**seq, bb.whole(), bb.whole(), ba.whole()).is_ok());
  EXPECT_EQ((*seq)->n_barriers(), 1u);
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<float> sum = vk_test::download_floats(vk_test::transfer(), y0, n);
  std::vector<float> new_a = vk_test::download_floats(vk_test::transfer(), ba, n);
  for (size_t i = 0; i < n; ++i) {
    ASSERT_EQ(sum[i], a[i] + b[i]) << i;
    ASSERT_EQ(new_a[i], b[i] + b[i]) << i;
  }
}

TEST_F(VulkanCommand, CopiesOrderWithDispatches) {
  vk::Device& d = vk_test::device();
  const size_t n = 333;
  std::vector<float> a = vk_test::random_floats(n, 3);
  vk::Buffer ba = vk_test::upload_floats(d, vk_test::transfer(), a, "a");
  vk::Buffer t = vk_test::make_floats(d, n, "t"), u = vk_test::make_floats(d, n, "u");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  ASSERT_TRUE(ops::add(**seq, ba.whole(), ba.whole(), t.whole()).is_ok());  // t = 2a
  ASSERT_TRUE((*seq)->copy(t.whole(), u.whole()).is_ok());                   // u = t  (RAW: compute -> transfer)
  ASSERT_TRUE(ops::add(**seq, u.whole(), ba.whole(), t.whole()).is_ok());    // t = u + a  (RAW, WAR)
  EXPECT_EQ((*seq)->n_barriers(), 2u);
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<float> got = vk_test::download_floats(vk_test::transfer(), t, n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(got[i], (a[i] + a[i]) + a[i]) << i;
  Status mismatch = (*seq)->copy(t.slice(0, 8), u.slice(0, 12));
  EXPECT_EQ(mismatch.code(), ErrorCode::InvalidArgument);
  ASSERT_TRUE((*seq)->run().is_ok());  // nothing recorded: an empty submission is fine
}

TEST_F(VulkanCommand, StateAndArgumentErrors) {
  vk::Device& d = vk_test::device();
  vk::Buffer a = vk_test::make_floats(d, 64, "a");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  ASSERT_TRUE(ops::add(**seq, a.whole(), a.whole(), a.whole()).is_ok());
  Status early = (*seq)->wait();
  EXPECT_EQ(early.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(early.message().find("submit()"), std::string::npos) << early.message();
  ASSERT_TRUE((*seq)->submit().is_ok());
  Status during = ops::add(**seq, a.whole(), a.whole(), a.whole());
  EXPECT_EQ(during.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(during.message().find("wait()"), std::string::npos) << during.message();
  ASSERT_TRUE((*seq)->wait().is_ok());

  uint32_t wg[] = {64};
  auto pipeline = d.pipelines().get({"add_f32", 3, 8, wg});
  ASSERT_TRUE(pipeline.is_ok());
  uint32_t push[2] = {16, 16};
  vk::Binding two[] = {{a.whole(), vk::Access::Read}, {a.whole(), vk::Access::Write}};
  EXPECT_EQ((*seq)->dispatch(**pipeline, two, push, {1, 1, 1}).code(), ErrorCode::InvalidArgument);
  vk::Binding three[] = {{a.whole(), vk::Access::Read}, {a.whole(), vk::Access::Read}, {a.slice(0, 512), vk::Access::Write}};
  Status past_end = (*seq)->dispatch(**pipeline, three, push, {1, 1, 1});
  EXPECT_EQ(past_end.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(past_end.message().find("runs past the end"), std::string::npos) << past_end.message();
  three[2].slice = a.whole();
  EXPECT_EQ((*seq)->dispatch(**pipeline, three, push, {0, 1, 1}).code(), ErrorCode::InvalidArgument);
  uint32_t short_push = 16;
  EXPECT_EQ((*seq)->dispatch(**pipeline, three, short_push, {1, 1, 1}).code(), ErrorCode::InvalidArgument);
  uint64_t align = d.limits().storage_offset_alignment;
  if (align > 4) {
    three[0].slice = a.slice(4, 64);
    Status misaligned = (*seq)->dispatch(**pipeline, three, push, {1, 1, 1});
    EXPECT_EQ(misaligned.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(misaligned.message().find("minStorageBufferOffsetAlignment"), std::string::npos);
  }
  EXPECT_FALSE((*seq)->recording());  // nothing invalid was recorded (or even started a recording)
  ASSERT_TRUE((*seq)->run().is_ok());
}

TEST_F(VulkanCommand, BindingLargerThanTheLimitIsRejected) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  vk::Buffer a = vk_test::make_floats(*d, 20000, "activations");  // 80,000 bytes
  uint32_t wg[] = {64};
  auto pipeline = d->pipelines().get({"add_f32", 3, 8, wg});
  ASSERT_TRUE(pipeline.is_ok());
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  uint32_t push[2] = {20000, 20000};
  vk::Binding whole[] = {{a.whole(), vk::Access::Read}, {a.whole(), vk::Access::Read}, {a.whole(), vk::Access::Write}};
  Status s = (*seq)->dispatch(**pipeline, whole, push, {1, 1, 1});
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("more than the 64 KiB one binding may cover"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("LECTERN_VK_MAX_BINDING_BYTES"), std::string::npos) << s.message();
  vk::BufferSlice part = a.slice(0, 65536);
  push[0] = push[1] = 16384;
  vk::Binding fits[] = {{part, vk::Access::Read}, {part, vk::Access::Read}, {part, vk::Access::Write}};
  EXPECT_TRUE((*seq)->dispatch(**pipeline, fits, push, {1, 1, 1}).is_ok());
  ASSERT_TRUE((*seq)->run().is_ok());
}

// A wait with a deadline far shorter than the work returns Timeout and leaves the work pending.
TEST_F(VulkanCommand, FenceTimeoutIsAnError) {
  vk::Device& d = vk_test::device();
  const uint64_t n_in = 1024, n_out = 1024, n_tokens = 64;
  std::vector<float> w = vk_test::random_floats(n_in * n_out, 5);
  auto m = vk::DeviceMatrix::upload(d, vk_test::transfer(), DType::F32, n_out, n_in, vk_test::encode(DType::F32, w),
                                    "w");
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  vk::Buffer x = vk_test::upload_floats(d, vk_test::transfer(), vk_test::random_floats(n_in * n_tokens, 6), "x");
  vk::Buffer y = vk_test::make_floats(d, n_out * n_tokens, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(ops::matmul(**seq, *m, x.whole(), y.whole()).is_ok());  // ~0.5 GFLOP
  ASSERT_TRUE((*seq)->submit().is_ok());
  Status quick = (*seq)->wait(1000);  // 1 microsecond
  EXPECT_EQ(quick.code(), ErrorCode::Timeout) << quick.to_string();
  EXPECT_NE(quick.message().find("VK_TIMEOUT"), std::string::npos) << quick.message();
  EXPECT_TRUE((*seq)->pending());
  ASSERT_TRUE((*seq)->wait().is_ok());
  EXPECT_FALSE((*seq)->pending());
}
