// device.h: the logical Vulkan device Lectern computes on: one compute queue, the optional features it enabled,
// and the effective limits (device limits, lowered by options or LECTERN_VK_MAX_* for tests).
#pragma once

#include <vulkan/vulkan.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "lectern/status.h"
#include "vk/physical_device.h"

namespace lectern::vk {

class Instance;
class PipelineCache;

// Which family of launch shapes the ops use (src/ops/kernel_config.cpp). Cpu suits drivers that run shaders on the
// CPU (lavapipe): one subgroup per workgroup, because barriers between subgroups are expensive there.
enum class KernelProfile { Auto, Gpu, Cpu };

struct DeviceOptions {
  // nullopt: the environment variable LECTERN_VK_DEVICE (index or name part); unset: the best-ranked device.
  std::optional<std::string> selector;
  // false forces the uint-packed 16-bit weight loads even when storageBuffer16BitAccess exists (tests both paths).
  bool allow_16bit_storage = true;
  // false forces shared-memory reductions even when subgroup arithmetic exists.
  bool allow_subgroup_arithmetic = true;
  // Lower the per-binding / per-allocation limits (0: device limit). LECTERN_VK_MAX_BINDING_BYTES and
  // LECTERN_VK_MAX_ALLOCATION_BYTES lower them too. Values above the device's own limit are ignored.
  uint64_t max_binding_bytes = 0;
  uint64_t max_allocation_bytes = 0;
  // Uploads and downloads go through the staging buffer even when device memory is host-visible (lavapipe,
  // integrated GPUs), so tests exercise the staging path everywhere.
  bool force_staging = false;
  // Bytes of the staging buffer each Transfer uses (0: 16 MiB), split in two halves that alternate.
  uint64_t staging_bytes = 0;
  // How long a fence wait may take before it becomes a Timeout error (0: 10 minutes).
  uint64_t fence_timeout_ns = 0;
  // Auto: Cpu for CPU devices, Gpu otherwise. Tests force each so both are checked on any machine.
  KernelProfile kernel_profile = KernelProfile::Auto;
};

// The limits Lectern's code plans with.
struct DeviceLimits {
  uint64_t max_binding_bytes = 0;     // largest range one storage-buffer descriptor may cover
  uint64_t max_allocation_bytes = 0;  // largest single VkDeviceMemory allocation / buffer
  uint64_t storage_offset_alignment = 1;
  uint64_t non_coherent_atom_size = 1;
  std::array<uint32_t, 3> max_group_count{};
  uint32_t max_push_constants_bytes = 0;
  uint32_t max_shared_memory_bytes = 0;
  uint32_t max_workgroup_invocations = 0;
  uint32_t subgroup_size = 0;
};

class Device {
 public:
  static Result<std::unique_ptr<Device>> create(std::shared_ptr<Instance> instance, const DeviceOptions& options = {});
  ~Device();
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  VkDevice handle() const { return device_; }
  VkPhysicalDevice physical() const { return info_.handle; }
  VkQueue queue() const { return queue_; }
  uint32_t queue_family() const { return info_.compute_queue_family; }
  Instance& instance() const { return *instance_; }
  const PhysicalDeviceInfo& info() const { return info_; }
  const DeviceLimits& limits() const { return limits_; }
  const DeviceOptions& options() const { return options_; }

  // Which shader variants to use (the feature exists, was enabled, and is not disabled by options).
  bool use_16bit_storage() const { return use_16bit_storage_; }
  bool use_subgroup_arithmetic() const { return use_subgroup_arithmetic_; }
  KernelProfile kernel_profile() const { return kernel_profile_; }  // never Auto

  PipelineCache& pipelines() { return *pipelines_; }

  // vkQueueSubmit of one command buffer, serialised because a VkQueue must be externally synchronised.
  Status submit(VkCommandBuffer command_buffer, VkFence fence, std::string_view what) const;
  // Waits for a fence; Timeout / DeviceLost become distinct error codes. timeout_ns 0: the device default.
  Status wait(VkFence fence, uint64_t timeout_ns, std::string_view what) const;
  uint64_t fence_timeout_ns() const { return fence_timeout_ns_; }

  // Bytes of device-local memory Buffer::create has allocated on this device: now, and the most at any one time
  // (what `lectern-cli bench` reports as peak device memory). Buffer keeps them current.
  uint64_t device_local_bytes() const { return device_local_bytes_.load(); }
  uint64_t peak_device_local_bytes() const { return peak_device_local_bytes_.load(); }
  void note_device_local_alloc(uint64_t n_bytes) const;
  void note_device_local_free(uint64_t n_bytes) const { device_local_bytes_.fetch_sub(n_bytes); }

 private:
  Device() = default;

  std::shared_ptr<Instance> instance_;
  PhysicalDeviceInfo info_;
  DeviceOptions options_;
  DeviceLimits limits_;
  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  mutable std::mutex queue_mutex_;
  bool use_16bit_storage_ = false;
  bool use_subgroup_arithmetic_ = false;
  KernelProfile kernel_profile_ = KernelProfile::Gpu;
  uint64_t fence_timeout_ns_ = 0;
  std::unique_ptr<PipelineCache> pipelines_;
  mutable std::atomic<uint64_t> device_local_bytes_{0};
  mutable std::atomic<uint64_t> peak_device_local_bytes_{0};
};

}  // namespace lectern::vk
