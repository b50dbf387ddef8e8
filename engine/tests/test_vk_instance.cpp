// test_vk_instance.cpp: VkResult mapping, LECTERN_VK_* parsing, instance creation, and that the validation
// recorder really records (so "zero messages" in the other tests means something).
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "vk/env.h"
#include "vk/instance.h"
#include "vk/vk_result.h"
#include "vk_test_support.h"

using namespace lectern;

TEST(VkResult, NamesAndCodes) {
  EXPECT_STREQ(vk::vk_result_name(VK_ERROR_DEVICE_LOST), "VK_ERROR_DEVICE_LOST");
  EXPECT_STREQ(vk::vk_result_name(static_cast<VkResult>(-12345)), "VkResult(-12345)");
  EXPECT_EQ(vk::error_code_for(VK_ERROR_OUT_OF_DEVICE_MEMORY), ErrorCode::OutOfDeviceMemory);
  EXPECT_EQ(vk::error_code_for(VK_ERROR_OUT_OF_HOST_MEMORY), ErrorCode::OutOfHostMemory);
  EXPECT_EQ(vk::error_code_for(VK_ERROR_DEVICE_LOST), ErrorCode::DeviceLost);
  EXPECT_EQ(vk::error_code_for(VK_TIMEOUT), ErrorCode::Timeout);
  EXPECT_EQ(vk::error_code_for(VK_ERROR_INCOMPATIBLE_DRIVER), ErrorCode::NoDevice);

  Status oom = vk::vk_status(VK_ERROR_OUT_OF_DEVICE_MEMORY, "allocating 3 GiB for the KV cache");
  EXPECT_EQ(oom.code(), ErrorCode::OutOfDeviceMemory);
  EXPECT_EQ(oom.message().rfind("allocating 3 GiB for the KV cache: VK_ERROR_OUT_OF_DEVICE_MEMORY (", 0), 0u)
      << oom.message();
  EXPECT_NE(oom.message().find("smaller"), std::string::npos) << oom.message();
  Status lost = vk::vk_status(VK_ERROR_DEVICE_LOST, "waiting");
  EXPECT_EQ(lost.code(), ErrorCode::DeviceLost);
  EXPECT_NE(lost.message().find("LECTERN_VK_DEVICE"), std::string::npos) << lost.message();
  Status no_driver = vk::vk_status(VK_ERROR_INCOMPATIBLE_DRIVER, "creating the instance");
  EXPECT_NE(no_driver.message().find("mesa-vulkan-drivers"), std::string::npos) << no_driver.message();
}

TEST(VkEnv, ByteCounts) {
  EXPECT_EQ(vk::parse_byte_count("65536"), 65536u);
  EXPECT_EQ(vk::parse_byte_count("64K"), 65536u);
  EXPECT_EQ(vk::parse_byte_count("64kib"), 65536u);
  EXPECT_EQ(vk::parse_byte_count("128M"), 128ull << 20);
  EXPECT_EQ(vk::parse_byte_count("2G"), 2ull << 30);
  EXPECT_FALSE(vk::parse_byte_count(""));
  EXPECT_FALSE(vk::parse_byte_count("lots"));
  EXPECT_FALSE(vk::parse_byte_count("12Q"));
  EXPECT_FALSE(vk::parse_byte_count("-5"));
  EXPECT_FALSE(vk::parse_byte_count("99999999999999999999"));
  EXPECT_FALSE(vk::parse_byte_count("17179869184G"));  // overflows 64 bits after the shift

  vk_test::ScopedEnv bad("LECTERN_VK_MAX_BINDING_BYTES", "a lot");
  auto r = vk::env_bytes("LECTERN_VK_MAX_BINDING_BYTES");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("LECTERN_VK_MAX_BINDING_BYTES='a lot'"), std::string::npos);
  vk_test::ScopedEnv zero("LECTERN_VK_MAX_BINDING_BYTES", "0");
  EXPECT_FALSE(vk::env_bytes("LECTERN_VK_MAX_BINDING_BYTES").is_ok());
  vk_test::ScopedEnv unset("LECTERN_VK_MAX_BINDING_BYTES", nullptr);
  auto none = vk::env_bytes("LECTERN_VK_MAX_BINDING_BYTES");
  ASSERT_TRUE(none.is_ok());
  EXPECT_FALSE(none->has_value());
}

TEST(VkEnv, Flags) {
  vk_test::ScopedEnv on("LECTERN_TEST_FLAG", "Yes");
  EXPECT_TRUE(vk::env_flag("LECTERN_TEST_FLAG"));
  vk_test::ScopedEnv off("LECTERN_TEST_FLAG", "0");
  EXPECT_FALSE(vk::env_flag("LECTERN_TEST_FLAG"));
  vk_test::ScopedEnv unset("LECTERN_TEST_FLAG", nullptr);
  EXPECT_FALSE(vk::env_flag("LECTERN_TEST_FLAG"));
}

class VulkanInstance : public vk_test::VulkanTest {};

TEST_F(VulkanInstance, ValidationFollowsTheEnvironment) {
  // The test harness runs with LECTERN_VK_VALIDATION=1; explicitly off must mean off.
  auto plain = vk::Instance::create({.validation = false});
  ASSERT_TRUE(plain.is_ok()) << plain.status().to_string();
  EXPECT_FALSE((*plain)->validation_enabled());
  if (!vk::env_flag("LECTERN_VK_VALIDATION")) GTEST_SKIP() << "LECTERN_VK_VALIDATION is not set";
  if (!vk_test::instance().validation_enabled()) {
    GTEST_SKIP() << "validation requested but unavailable: " << vk_test::instance().validation_note();
  }
  EXPECT_TRUE(vk_test::instance().validation_note().empty());
}

TEST_F(VulkanInstance, RecorderCountsValidationErrors) {
  if (!vk_test::instance().validation_enabled()) {
    GTEST_SKIP() << "validation layer unavailable: " << vk_test::instance().validation_note();
  }
  // A zero-sized buffer violates VUID-VkBufferCreateInfo-size-00912; the layer reports it and skips the call.
  vk::ValidationLog& log = vk_test::instance().validation_log();
  log.clear();
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = 0;
  info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
  VkBuffer buffer = VK_NULL_HANDLE;
  VkResult r = vkCreateBuffer(vk_test::device().handle(), &info, nullptr, &buffer);
  if (r == VK_SUCCESS && buffer != VK_NULL_HANDLE) vkDestroyBuffer(vk_test::device().handle(), buffer, nullptr);
  EXPECT_GE(log.count(), 1u);
  EXPECT_NE(log.joined().find("VUID-VkBufferCreateInfo-size"), std::string::npos) << log.joined();
  log.clear();
}

// Synchronization validation is on too: two transfer writes to one buffer without a barrier are a write-after-write
// hazard it must report. This is what makes zero messages in the op tests a check of Sequence's barriers.
TEST_F(VulkanInstance, SynchronizationValidationReportsMissingBarriers) {
  if (!vk_test::instance().validation_enabled()) {
    GTEST_SKIP() << "validation layer unavailable: " << vk_test::instance().validation_note();
  }
  vk::Device& d = vk_test::device();
  auto buffer = vk::Buffer::create(d, 256, vk::MemoryUsage::DeviceLocal, "hazard");
  ASSERT_TRUE(buffer.is_ok());
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.queueFamilyIndex = d.queue_family();
  VkCommandPool pool = VK_NULL_HANDLE;
  ASSERT_EQ(vkCreateCommandPool(d.handle(), &pool_info, nullptr, &pool), VK_SUCCESS);
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cb = VK_NULL_HANDLE;
  ASSERT_EQ(vkAllocateCommandBuffers(d.handle(), &alloc, &cb), VK_SUCCESS);
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  vk::ValidationLog& log = vk_test::instance().validation_log();
  log.clear();
  ASSERT_EQ(vkBeginCommandBuffer(cb, &begin), VK_SUCCESS);
  vkCmdFillBuffer(cb, buffer->handle(), 0, 256, 1);
  vkCmdFillBuffer(cb, buffer->handle(), 0, 256, 2);  // no barrier in between
  ASSERT_EQ(vkEndCommandBuffer(cb), VK_SUCCESS);
  vkDestroyCommandPool(d.handle(), pool, nullptr);
  EXPECT_GE(log.count(), 1u);
  EXPECT_NE(log.joined().find("SYNC-HAZARD-WRITE-AFTER-WRITE"), std::string::npos) << log.joined();
  log.clear();
}

TEST(ValidationLog, ThreadSafeCounting) {
  vk::ValidationLog log;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&log] {
      for (int i = 0; i < 1000; ++i) log.record("message");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(log.count(), 4000u);
  EXPECT_EQ(log.messages().size(), vk::ValidationLog::k_max_kept);
  EXPECT_NE(log.joined().find("more not kept"), std::string::npos);
  log.clear();
  EXPECT_EQ(log.count(), 0u);
}
