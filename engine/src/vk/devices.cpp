// devices.cpp: lectern/devices.h, the public description of Vulkan devices built from PhysicalDeviceInfo.
#include "lectern/devices.h"

#include "vk/env.h"
#include "vk/instance.h"
#include "vk/physical_device.h"

namespace lectern {

const char* device_type_name(DeviceType type) {
  switch (type) {
    case DeviceType::DiscreteGpu: return "discrete GPU";
    case DeviceType::IntegratedGpu: return "integrated GPU";
    case DeviceType::VirtualGpu: return "virtual GPU";
    case DeviceType::Cpu: return "CPU";
    case DeviceType::Other: return "other";
  }
  return "other";
}

static DeviceType to_device_type(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return DeviceType::DiscreteGpu;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return DeviceType::IntegratedGpu;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return DeviceType::VirtualGpu;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return DeviceType::Cpu;
    default: return DeviceType::Other;
  }
}

static DeviceDescription describe(const vk::PhysicalDeviceInfo& info) {
  DeviceDescription d;
  d.index = info.index;
  d.name = info.name;
  d.type = to_device_type(info.type);
  d.vendor_id = info.vendor_id;
  d.device_id = info.device_id;
  d.driver_name = info.driver_name;
  d.driver_info = info.driver_info;
  d.api_version = vk::api_version_string(info.api_version);
  d.usable = info.usable;
  d.unusable_reason = info.unusable_reason;
  for (const auto& heap : info.heaps) d.memory_heaps.push_back({heap.size, heap.device_local});
  d.subgroup_size = info.subgroup_size;
  d.min_subgroup_size = info.min_subgroup_size;
  d.max_subgroup_size = info.max_subgroup_size;
  d.subgroup_arithmetic = info.subgroup_arithmetic();
  d.storage_buffer_16bit = info.storage_buffer_16bit;
  d.storage_buffer_8bit = info.storage_buffer_8bit;
  d.shader_float16 = info.shader_float16;
  d.shader_int8 = info.shader_int8;
  d.shader_int16 = info.shader_int16;
  d.integer_dot_product = info.integer_dot_product;
  d.integer_dot_product_accelerated = info.integer_dot_product_4x8_accelerated;
  d.cooperative_matrix_khr = info.cooperative_matrix_khr;
  d.cooperative_matrix_nv = info.cooperative_matrix_nv;
  d.max_storage_buffer_range = info.max_storage_buffer_range;
  d.max_memory_allocation_size = info.max_memory_allocation_size;
  for (int i = 0; i < 3; ++i) {
    d.max_compute_workgroup_count[i] = info.max_compute_work_group_count[i];
    d.max_compute_workgroup_size[i] = info.max_compute_work_group_size[i];
  }
  d.max_compute_workgroup_invocations = info.max_compute_work_group_invocations;
  d.max_compute_shared_memory_bytes = info.max_compute_shared_memory_size;
  d.max_push_constants_bytes = info.max_push_constants_size;
  d.timestamps = info.timestamp_valid_bits > 0;
  d.timestamp_period_ns = info.timestamp_period;
  return d;
}

Result<std::vector<DeviceDescription>> list_devices() {
  // Listing needs no validation layer, whatever LECTERN_VK_VALIDATION says.
  LECTERN_ASSIGN_OR_RETURN(auto instance, vk::Instance::create({.validation = false}));
  LECTERN_ASSIGN_OR_RETURN(auto infos, vk::query_physical_devices(*instance));
  auto chosen = vk::select_device(infos, vk::env_string("LECTERN_VK_DEVICE"));
  // Devices that exist but are all unusable are still listed (with their reasons), none selected.
  if (!chosen && chosen.status().code() != ErrorCode::NoDevice) return chosen.status();
  std::vector<DeviceDescription> out;
  for (size_t i = 0; i < infos.size(); ++i) {
    out.push_back(describe(infos[i]));
    out.back().selected = chosen && i == *chosen;
  }
  return out;
}

}  // namespace lectern
