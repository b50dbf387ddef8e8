// devices.h: a Vulkan-free description of every compute device Lectern can see, and which one it would use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern {

enum class DeviceType { Other, IntegratedGpu, DiscreteGpu, VirtualGpu, Cpu };

// "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other"
const char* device_type_name(DeviceType type);

struct MemoryHeapDescription {
  uint64_t size_bytes = 0;
  bool device_local = false;
};

struct DeviceDescription {
  uint32_t index = 0;  // what LECTERN_VK_DEVICE=<index> selects
  std::string name;
  DeviceType type = DeviceType::Other;
  uint32_t vendor_id = 0;
  uint32_t device_id = 0;
  std::string driver_name;  // "llvmpipe", "NVIDIA", ...
  std::string driver_info;  // "Mesa 22.3.6 (LLVM 15.0.6)"
  std::string api_version;  // "1.3.230"

  bool usable = false;          // meets Lectern's needs (Vulkan 1.2, a compute queue)
  std::string unusable_reason;  // why not, when !usable
  bool selected = false;        // the device Lectern would pick (honours LECTERN_VK_DEVICE)

  std::vector<MemoryHeapDescription> memory_heaps;

  uint32_t subgroup_size = 0;
  uint32_t min_subgroup_size = 0;
  uint32_t max_subgroup_size = 0;
  bool subgroup_arithmetic = false;  // subgroup add/min/max in compute shaders

  bool storage_buffer_16bit = false;  // 16-bit loads/stores in storage buffers
  bool storage_buffer_8bit = false;
  bool shader_float16 = false;  // f16 arithmetic
  bool shader_int8 = false;
  bool shader_int16 = false;
  bool integer_dot_product = false;
  bool integer_dot_product_accelerated = false;  // packed 4x8-bit signed dot product in hardware
  bool cooperative_matrix_khr = false;
  bool cooperative_matrix_nv = false;

  uint64_t max_storage_buffer_range = 0;    // bytes one storage-buffer binding may cover
  uint64_t max_memory_allocation_size = 0;  // bytes one allocation may hold
  uint32_t max_compute_workgroup_count[3] = {0, 0, 0};
  uint32_t max_compute_workgroup_size[3] = {0, 0, 0};
  uint32_t max_compute_workgroup_invocations = 0;
  uint32_t max_compute_shared_memory_bytes = 0;
  uint32_t max_push_constants_bytes = 0;
  bool timestamps = false;
  float timestamp_period_ns = 0.0f;
};

// Every Vulkan device, in the loader's order. NoDevice with install advice when there is no driver; NotFound when
// LECTERN_VK_DEVICE names no device (the message lists them).
Result<std::vector<DeviceDescription>> list_devices();

}  // namespace lectern
