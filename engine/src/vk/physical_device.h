// physical_device.h: what each Vulkan physical device offers (features, limits, subgroups, memory), how devices
// are ranked, and how LECTERN_VK_DEVICE picks one.
#pragma once

#include <vulkan/vulkan.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::vk {

class Instance;

struct MemoryHeapInfo {
  uint64_t size = 0;
  bool device_local = false;
};

struct PhysicalDeviceInfo {
  VkPhysicalDevice handle = VK_NULL_HANDLE;
  uint32_t index = 0;  // position in the loader's enumeration (what LECTERN_VK_DEVICE=<n> refers to)
  std::string name;
  VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
  uint32_t vendor_id = 0;
  uint32_t device_id = 0;
  uint32_t api_version = 0;  // what the driver supports
  uint32_t driver_version = 0;
  std::string driver_name;  // "llvmpipe", "NVIDIA", ... (empty before Vulkan 1.2)
  std::string driver_info;  // "Mesa 22.3.6 (LLVM 15.0.6)"

  // Lectern needs Vulkan 1.2 and a compute queue; anything else is listed but not chosen.
  bool usable = false;
  std::string unusable_reason;
  uint32_t compute_queue_family = UINT32_MAX;
  uint32_t timestamp_valid_bits = 0;  // of the compute queue family; 0: no timestamps

  // Subgroups (Vulkan 1.1 / 1.3 subgroup size control).
  uint32_t subgroup_size = 0;
  uint32_t min_subgroup_size = 0;
  uint32_t max_subgroup_size = 0;
  VkShaderStageFlags subgroup_stages = 0;
  VkSubgroupFeatureFlags subgroup_operations = 0;
  bool subgroup_size_control = false;

  // Storage and arithmetic types.
  bool storage_buffer_16bit = false;  // storageBuffer16BitAccess
  bool storage_buffer_8bit = false;   // storageBuffer8BitAccess
  bool shader_float16 = false;
  bool shader_int8 = false;
  bool shader_int16 = false;
  bool shader_int64 = false;
  bool integer_dot_product = false;              // shaderIntegerDotProduct feature (1.3 or the KHR extension)
  bool integer_dot_product_4x8_accelerated = false;  // packed signed 4x8 dot product runs in hardware
  bool cooperative_matrix_khr = false;           // VK_KHR_cooperative_matrix is offered
  bool cooperative_matrix_nv = false;            // VK_NV_cooperative_matrix is offered

  // Limits.
  uint64_t max_storage_buffer_range = 0;
  uint64_t max_memory_allocation_size = 0;  // VkPhysicalDeviceMaintenance3Properties
  uint64_t min_storage_buffer_offset_alignment = 1;
  uint64_t non_coherent_atom_size = 1;
  std::array<uint32_t, 3> max_compute_work_group_count{};
  std::array<uint32_t, 3> max_compute_work_group_size{};
  uint32_t max_compute_work_group_invocations = 0;
  uint32_t max_compute_shared_memory_size = 0;
  uint32_t max_push_constants_size = 0;
  float timestamp_period = 0.0f;  // nanoseconds per timestamp tick

  VkPhysicalDeviceMemoryProperties memory{};
  std::vector<MemoryHeapInfo> heaps;
  std::vector<std::string> extensions;

  bool has_extension(const char* name) const;
  // Subgroup add/min/max in compute shaders (GL_KHR_shader_subgroup_arithmetic).
  bool subgroup_arithmetic() const;
};

// Queries every device the instance sees. NoDevice (with install advice) when there is none.
Result<std::vector<PhysicalDeviceInfo>> query_physical_devices(const Instance& instance);
PhysicalDeviceInfo query_physical_device(VkPhysicalDevice device, uint32_t index, uint32_t instance_api_version);

// Preference order of the usable devices: discrete > integrated > virtual > CPU > other, ties by index.
std::vector<size_t> rank_devices(std::span<const PhysicalDeviceInfo> devices);

// The device Lectern uses: `selector` (LECTERN_VK_DEVICE) is an enumeration index ("1") or a case-insensitive part
// of the name ("llvmpipe"); without one, the best-ranked usable device. Returns a position in `devices`. NotFound
// (listing what exists) when the selector matches nothing; Unsupported when it matches only unusable devices.
Result<size_t> select_device(std::span<const PhysicalDeviceInfo> devices, const std::optional<std::string>& selector);

// "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other".
const char* device_type_name(VkPhysicalDeviceType type);
// "1.3.230"
std::string api_version_string(uint32_t version);
// One line per device: "  0: llvmpipe (LLVM 15.0.6, 256 bits) [CPU]".
std::string describe_devices(std::span<const PhysicalDeviceInfo> devices);

}  // namespace lectern::vk
