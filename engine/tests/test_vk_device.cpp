// test_vk_device.cpp: device ranking and LECTERN_VK_DEVICE selection (on synthetic device lists), the features and
// limits queried from the real device, and the LECTERN_VK_MAX_* overrides.
#include <gtest/gtest.h>

#include <bit>

#include "vk/device.h"
#include "vk/physical_device.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

vk::PhysicalDeviceInfo fake(uint32_t index, const char* name, VkPhysicalDeviceType type, bool usable = true) {
  vk::PhysicalDeviceInfo d;
  d.index = index;
  d.name = name;
  d.type = type;
  d.usable = usable;
  if (!usable) d.unusable_reason = "supports only Vulkan 1.1.0; Lectern needs 1.2 or newer";
  return d;
}

std::vector<vk::PhysicalDeviceInfo> fake_machine() {
  return {fake(0, "llvmpipe (LLVM 15.0.6, 256 bits)", VK_PHYSICAL_DEVICE_TYPE_CPU),
          fake(1, "Intel(R) UHD Graphics 770", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU),
          fake(2, "NVIDIA GeForce RTX 4090", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU),
          fake(3, "NVIDIA GeForce RTX 4090", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU),
          fake(4, "Virtio-GPU Venus", VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU),
          fake(5, "AMD Radeon Old", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, false)};
}

}  // namespace

TEST(DeviceSelection, RanksDiscreteIntegratedVirtualCpuStably) {
  auto devices = fake_machine();
  EXPECT_EQ(vk::rank_devices(devices), (std::vector<size_t>{2, 3, 1, 4, 0}));  // the unusable 5 is left out
  auto best = vk::select_device(devices, std::nullopt);
  ASSERT_TRUE(best.is_ok());
  EXPECT_EQ(*best, 2u);
  EXPECT_EQ(*vk::select_device(devices, std::string()), 2u);
}

TEST(DeviceSelection, ByIndexOrCaseInsensitiveName) {
  auto devices = fake_machine();
  EXPECT_EQ(*vk::select_device(devices, std::string("1")), 1u);
  EXPECT_EQ(*vk::select_device(devices, std::string("0")), 0u);
  EXPECT_EQ(*vk::select_device(devices, std::string("LLVMPIPE")), 0u);
  EXPECT_EQ(*vk::select_device(devices, std::string("uhd")), 1u);
  EXPECT_EQ(*vk::select_device(devices, std::string("rtx 4090")), 2u);  // two match: the best-ranked
}

TEST(DeviceSelection, NoMatchListsDevices) {
  auto devices = fake_machine();
  for (const char* selector : {"radeon pro", "17"}) {
    auto r = vk::select_device(devices, std::string(selector));
    ASSERT_FALSE(r.is_ok()) << selector;
    EXPECT_EQ(r.status().code(), ErrorCode::NotFound);
    const std::string m = r.status().message();
    EXPECT_NE(m.find(std::string("LECTERN_VK_DEVICE='") + selector + "' matches no Vulkan device"), std::string::npos)
        << m;
    EXPECT_NE(m.find("2: NVIDIA GeForce RTX 4090 [discrete GPU]"), std::string::npos) << m;
    EXPECT_NE(m.find("0: llvmpipe"), std::string::npos) << m;
  }
}

TEST(DeviceSelection, UnusableDevicesAreExplained) {
  auto devices = fake_machine();
  auto r = vk::select_device(devices, std::string("5"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::Unsupported);
  EXPECT_NE(r.status().message().find("needs 1.2"), std::string::npos) << r.status().message();

  std::vector<vk::PhysicalDeviceInfo> none_usable = {fake(0, "Old GPU", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, false)};
  auto n = vk::select_device(none_usable, std::nullopt);
  ASSERT_FALSE(n.is_ok());
  EXPECT_EQ(n.status().code(), ErrorCode::NoDevice);
  EXPECT_NE(n.status().message().find("Old GPU"), std::string::npos) << n.status().message();

  auto empty = vk::select_device({}, std::nullopt);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::NoDevice);
  EXPECT_EQ(empty.status().message(), vk::k_no_driver_message);
}

class VulkanDevice : public vk_test::VulkanTest {};

TEST_F(VulkanDevice, QueriesFeaturesAndLimits) {
  const vk::PhysicalDeviceInfo& info = vk_test::device().info();
  const vk::DeviceLimits& limits = vk_test::device().limits();
  std::printf("device: %s (%s), subgroup %u, 16-bit storage %d, binding %llu, allocation %llu\n", info.name.c_str(),
              info.driver_name.c_str(), info.subgroup_size, info.storage_buffer_16bit,
              static_cast<unsigned long long>(info.max_storage_buffer_range),
              static_cast<unsigned long long>(info.max_memory_allocation_size));
  EXPECT_TRUE(info.usable);
  EXPECT_GE(info.api_version, VK_API_VERSION_1_2);
  EXPECT_TRUE(std::has_single_bit(info.subgroup_size)) << info.subgroup_size;
  EXPECT_LE(info.min_subgroup_size, info.subgroup_size);
  EXPECT_GE(info.max_subgroup_size, info.subgroup_size);
  // Vulkan's required minimums.
  EXPECT_GE(info.max_storage_buffer_range, uint64_t(1) << 27);
  EXPECT_GE(info.max_push_constants_size, 128u);
  EXPECT_GE(info.max_compute_work_group_count[0], 65535u);
  EXPECT_FALSE(info.heaps.empty());
  EXPECT_EQ(limits.max_binding_bytes, info.max_storage_buffer_range);
  EXPECT_EQ(limits.max_allocation_bytes, info.max_memory_allocation_size);
  EXPECT_EQ(vk_test::device().use_16bit_storage(), info.storage_buffer_16bit);
  EXPECT_EQ(vk_test::device().use_subgroup_arithmetic(), info.subgroup_arithmetic());
  if (info.driver_name == "llvmpipe") {
    // Mesa 22.3 lavapipe: 8-wide subgroups with arithmetic, 16/8-bit storage, 128 MiB bindings, 2 GiB allocations.
    EXPECT_EQ(info.type, VK_PHYSICAL_DEVICE_TYPE_CPU);
    EXPECT_EQ(info.subgroup_size, 8u);
    EXPECT_TRUE(info.subgroup_arithmetic());
    EXPECT_TRUE(info.storage_buffer_16bit);
    EXPECT_TRUE(info.storage_buffer_8bit);
    EXPECT_EQ(info.max_storage_buffer_range, 128ull << 20);
    EXPECT_EQ(info.max_memory_allocation_size, 2ull << 30);
    EXPECT_GT(info.timestamp_valid_bits, 0u);
  }
}

TEST_F(VulkanDevice, LimitOverridesOnlyLower) {
  const vk::PhysicalDeviceInfo& info = vk_test::device().info();
  {
    vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
    vk_test::ScopedEnv allocation("LECTERN_VK_MAX_ALLOCATION_BYTES", "1M");
    auto d = vk_test::make_device({});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->limits().max_binding_bytes, 65536u);
    EXPECT_EQ(d->limits().max_allocation_bytes, 1u << 20);
  }
  {
    vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "1024G");  // above the device limit: ignored
    auto d = vk_test::make_device({.max_allocation_bytes = 12345});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->limits().max_binding_bytes, info.max_storage_buffer_range);
    EXPECT_EQ(d->limits().max_allocation_bytes, 12345u);
  }
  {
    vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "sixty-four");
    auto d = vk::Device::create(vk_test::context().instance);
    ASSERT_FALSE(d.is_ok());
    EXPECT_EQ(d.status().code(), ErrorCode::InvalidArgument);
    EXPECT_NE(d.status().message().find("LECTERN_VK_MAX_BINDING_BYTES='sixty-four'"), std::string::npos);
  }
}

TEST_F(VulkanDevice, SelectorFromEnvironment) {
  {
    vk_test::ScopedEnv selector("LECTERN_VK_DEVICE", "no-such-gpu-xyz");
    auto d = vk::Device::create(vk_test::context().instance);
    ASSERT_FALSE(d.is_ok());
    EXPECT_EQ(d.status().code(), ErrorCode::NotFound);
    EXPECT_NE(d.status().message().find(vk_test::device().info().name), std::string::npos) << d.status().message();
  }
  {
    vk_test::ScopedEnv selector("LECTERN_VK_DEVICE", std::to_string(vk_test::device().info().index).c_str());
    auto d = vk_test::make_device({});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->info().name, vk_test::device().info().name);
  }
}

TEST_F(VulkanDevice, ForcedFallbacks) {
  auto d = vk_test::make_device({.allow_16bit_storage = false, .allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->use_16bit_storage());
  EXPECT_FALSE(d->use_subgroup_arithmetic());
  // CPU drivers get the one-subgroup launch shapes unless a test forces the GPU ones.
  vk::KernelProfile expected = vk_test::device().info().type == VK_PHYSICAL_DEVICE_TYPE_CPU ? vk::KernelProfile::Cpu
                                                                                             : vk::KernelProfile::Gpu;
  EXPECT_EQ(vk_test::device().kernel_profile(), expected);
  auto gpu = vk_test::make_device({.kernel_profile = vk::KernelProfile::Gpu});
  ASSERT_TRUE(gpu);
  EXPECT_EQ(gpu->kernel_profile(), vk::KernelProfile::Gpu);
}
