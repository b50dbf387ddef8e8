// test_vk_profiler.cpp: per-command GPU timestamps: one per command, labelled, monotone, non-negative durations.
#include <gtest/gtest.h>

#include "ops/elementwise.h"
#include "ops/norm.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

class VulkanProfiler : public vk_test::VulkanTest {};

TEST_F(VulkanProfiler, TimestampsAreMonotone) {
  vk::Device& d = vk_test::device();
  if (d.info().timestamp_valid_bits == 0) {
    auto seq = vk::Sequence::create(d, {.profile = true});
    ASSERT_FALSE(seq.is_ok());
    EXPECT_EQ(seq.status().code(), ErrorCode::Unsupported);
    GTEST_SKIP() << d.info().name << " has no compute timestamps (the Unsupported error was checked)";
  }
  const size_t rows = 64, cols = 4096;
  vk::Buffer x = vk_test::upload_floats(d, vk_test::transfer(), vk_test::random_floats(rows * cols, 1), "x");
  vk::Buffer w = vk_test::upload_floats(d, vk_test::transfer(), vk_test::random_floats(cols, 2), "w");
  vk::Buffer y = vk_test::make_floats(d, rows * cols, "y");
  auto seq = vk::Sequence::create(d, {.profile = true, .name = "profiled"});
  ASSERT_TRUE(seq.is_ok()) << seq.status().to_string();
  for (int round = 0; round < 2; ++round) {  // a second recording reuses the query pools
    ASSERT_TRUE(ops::rms_norm(**seq, x.whole(), w.whole(), y.whole(), cols, 1e-6f, 0.0f).is_ok());
    ASSERT_TRUE(ops::add(**seq, y.whole(), x.whole(), y.whole()).is_ok());
    ASSERT_TRUE((*seq)->copy(y.whole(), x.whole()).is_ok());
    ASSERT_TRUE(ops::silu_mul(**seq, x.whole(), y.whole(), y.whole()).is_ok());
    ASSERT_TRUE((*seq)->run().is_ok());
    auto timings = (*seq)->timings();
    ASSERT_TRUE(timings.is_ok()) << timings.status().to_string();
    ASSERT_EQ(timings->size(), 4u);
    EXPECT_EQ((*timings)[0].label.rfind("rms_norm_f32", 0), 0u) << (*timings)[0].label;
    EXPECT_EQ((*timings)[2].label, "copy " + std::to_string(rows * cols * 4) + " bytes");
    double previous_end = 0.0;
    for (const auto& t : *timings) {
      std::printf("timing %s: start %.1f us, %.1f us\n", t.label.c_str(), t.start_ns / 1e3, t.duration_ns() / 1e3);
      EXPECT_GE(t.duration_ns(), 0.0) << t.label;
      EXPECT_GE(t.start_ns, previous_end - 1e-9) << t.label;
      previous_end = t.end_ns;
    }
    EXPECT_GT(previous_end, 0.0);  // 64 x 4096 elements through four commands take measurable time
  }
  auto plain = vk::Sequence::create(d);
  ASSERT_TRUE(plain.is_ok());
  EXPECT_EQ((*plain)->timings().status().code(), ErrorCode::InvalidArgument);
}
