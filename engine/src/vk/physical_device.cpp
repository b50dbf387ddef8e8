// physical_device.cpp: feature/limit queries, ranking and LECTERN_VK_DEVICE selection of physical devices.
#include "vk/physical_device.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "vk/instance.h"
#include "vk/vk_result.h"

namespace lectern::vk {

namespace {

// Not in the 1.3.239 headers Debian 12 ships; the extension name is enough to report it.
constexpr const char* k_khr_cooperative_matrix = "VK_KHR_cooperative_matrix";

uint32_t major_minor(uint32_t version) {
  return VK_MAKE_API_VERSION(0, VK_API_VERSION_MAJOR(version), VK_API_VERSION_MINOR(version), 0);
}

int type_rank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
    default: return 4;
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

void query_queues(VkPhysicalDevice device, PhysicalDeviceInfo& info) {
  uint32_t n = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(device, &n, nullptr);
  std::vector<VkQueueFamilyProperties> families(n);
  vkGetPhysicalDeviceQueueFamilyProperties(device, &n, families.data());
  // Prefer a compute-only family (AMD/NVIDIA "async compute"): it does not contend with the desktop's rendering.
  uint32_t any_compute = UINT32_MAX;
  uint32_t compute_only = UINT32_MAX;
  for (uint32_t i = 0; i < n; ++i) {
    if (!(families[i].queueFlags & VK_QUEUE_COMPUTE_BIT) || families[i].queueCount == 0) continue;
    if (any_compute == UINT32_MAX) any_compute = i;
    if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) && compute_only == UINT32_MAX) compute_only = i;
  }
  info.compute_queue_family = compute_only != UINT32_MAX ? compute_only : any_compute;
  if (info.compute_queue_family != UINT32_MAX) {
    info.timestamp_valid_bits = families[info.compute_queue_family].timestampValidBits;
  }
}

void query_properties2(VkPhysicalDevice device, uint32_t api, PhysicalDeviceInfo& info) {
  VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
  VkPhysicalDeviceSubgroupProperties subgroup{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES};
  VkPhysicalDeviceMaintenance3Properties maintenance3{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES};
  VkPhysicalDeviceDriverProperties driver{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
  VkPhysicalDeviceSubgroupSizeControlProperties size_control{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES};
  VkPhysicalDeviceShaderIntegerDotProductProperties dot{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_PROPERTIES};
  void** next = &props.pNext;
  auto chain = [&next](auto& s) {
    *next = &s;
    next = &s.pNext;
  };
  chain(subgroup);
  chain(maintenance3);
  bool has_driver = api >= VK_API_VERSION_1_2 || info.has_extension(VK_KHR_DRIVER_PROPERTIES_EXTENSION_NAME);
  bool has_size_control =
      api >= VK_API_VERSION_1_3 || info.has_extension(VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
  bool has_dot = api >= VK_API_VERSION_1_3 || info.has_extension(VK_KHR_SHADER_INTEGER_DOT_PRODUCT_EXTENSION_NAME);
  if (has_driver) chain(driver);
  if (has_size_control) chain(size_control);
  if (has_dot) chain(dot);
  vkGetPhysicalDeviceProperties2(device, &props);

  info.subgroup_size = subgroup.subgroupSize;
  info.min_subgroup_size = info.max_subgroup_size = subgroup.subgroupSize;
  info.subgroup_stages = subgroup.supportedStages;
  info.subgroup_operations = subgroup.supportedOperations;
  info.max_memory_allocation_size = maintenance3.maxMemoryAllocationSize;
  if (has_driver) {
    info.driver_name = driver.driverName;
    info.driver_info = driver.driverInfo;
  }
  if (has_size_control && size_control.minSubgroupSize > 0) {
    info.min_subgroup_size = size_control.minSubgroupSize;
    info.max_subgroup_size = size_control.maxSubgroupSize;
  }
  if (has_dot) info.integer_dot_product_4x8_accelerated = dot.integerDotProduct4x8BitPackedSignedAccelerated;
}

void query_features2(VkPhysicalDevice device, uint32_t api, PhysicalDeviceInfo& info) {
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  VkPhysicalDeviceVulkan11Features v11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  VkPhysicalDeviceVulkan12Features v12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  VkPhysicalDeviceShaderIntegerDotProductFeatures dot{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_FEATURES};
  VkPhysicalDeviceSubgroupSizeControlFeatures size_control{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES};
  features.pNext = &v11;
  v11.pNext = &v12;
  void** next = &v12.pNext;
  bool has_dot = api >= VK_API_VERSION_1_3 || info.has_extension(VK_KHR_SHADER_INTEGER_DOT_PRODUCT_EXTENSION_NAME);
  bool has_size_control =
      api >= VK_API_VERSION_1_3 || info.has_extension(VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
  if (has_dot) {
    *next = &dot;
    next = &dot.pNext;
  }
  if (has_size_control) {
    *next = &size_control;
    next = &size_control.pNext;
  }
  vkGetPhysicalDeviceFeatures2(device, &features);

  info.shader_int16 = features.features.shaderInt16;
  info.shader_int64 = features.features.shaderInt64;
  info.storage_buffer_16bit = v11.storageBuffer16BitAccess;
  info.storage_buffer_8bit = v12.storageBuffer8BitAccess;
  info.shader_float16 = v12.shaderFloat16;
  info.shader_int8 = v12.shaderInt8;
  info.integer_dot_product = has_dot && dot.shaderIntegerDotProduct;
  info.subgroup_size_control = has_size_control && size_control.subgroupSizeControl;
}

}  // namespace

bool PhysicalDeviceInfo::has_extension(const char* ext) const {
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

bool PhysicalDeviceInfo::subgroup_arithmetic() const {
  return (subgroup_stages & VK_SHADER_STAGE_COMPUTE_BIT) && (subgroup_operations & VK_SUBGROUP_FEATURE_BASIC_BIT) &&
         (subgroup_operations & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT) && subgroup_size > 0;
}

PhysicalDeviceInfo query_physical_device(VkPhysicalDevice device, uint32_t index, uint32_t instance_api_version) {
  PhysicalDeviceInfo info;
  info.handle = device;
  info.index = index;

  VkPhysicalDeviceProperties props{};
  vkGetPhysicalDeviceProperties(device, &props);
  info.name = props.deviceName;
  info.type = props.deviceType;
  info.vendor_id = props.vendorID;
  info.device_id = props.deviceID;
  info.api_version = props.apiVersion;
  info.driver_version = props.driverVersion;
  const VkPhysicalDeviceLimits& limits = props.limits;
  info.max_storage_buffer_range = limits.maxStorageBufferRange;
  info.min_storage_buffer_offset_alignment = std::max<uint64_t>(1, limits.minStorageBufferOffsetAlignment);
  info.non_coherent_atom_size = std::max<uint64_t>(1, limits.nonCoherentAtomSize);
  for (int i = 0; i < 3; ++i) {
    info.max_compute_work_group_count[i] = limits.maxComputeWorkGroupCount[i];
    info.max_compute_work_group_size[i] = limits.maxComputeWorkGroupSize[i];
  }
  info.max_compute_work_group_invocations = limits.maxComputeWorkGroupInvocations;
  info.max_compute_shared_memory_size = limits.maxComputeSharedMemorySize;
  info.max_push_constants_size = limits.maxPushConstantsSize;
  info.timestamp_period = limits.timestampPeriod;

  uint32_t n_ext = 0;
  if (vkEnumerateDeviceExtensionProperties(device, nullptr, &n_ext, nullptr) == VK_SUCCESS) {
    std::vector<VkExtensionProperties> exts(n_ext);
    if (vkEnumerateDeviceExtensionProperties(device, nullptr, &n_ext, exts.data()) == VK_SUCCESS) {
      for (uint32_t i = 0; i < n_ext; ++i) info.extensions.emplace_back(exts[i].extensionName);
    }
  }
  info.cooperative_matrix_khr = info.has_extension(k_khr_cooperative_matrix);
  info.cooperative_matrix_nv = info.has_extension(VK_NV_COOPERATIVE_MATRIX_EXTENSION_NAME);

  vkGetPhysicalDeviceMemoryProperties(device, &info.memory);
  for (uint32_t i = 0; i < info.memory.memoryHeapCount; ++i) {
    const VkMemoryHeap& heap = info.memory.memoryHeaps[i];
    info.heaps.push_back({heap.size, (heap.flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0});
  }
  query_queues(device, info);  // timestampValidBits per family is authoritative (0: no timestamps)

  uint32_t api = std::min(major_minor(props.apiVersion), major_minor(instance_api_version));
  if (api >= VK_API_VERSION_1_1) query_properties2(device, api, info);
  if (info.max_memory_allocation_size == 0) info.max_memory_allocation_size = uint64_t(1) << 30;  // 1.0 guarantee

  if (api < VK_API_VERSION_1_2) {
    info.unusable_reason = "supports only Vulkan " + api_version_string(props.apiVersion) +
                           "; Lectern needs 1.2 or newer (update the GPU driver)";
    return info;
  }
  query_features2(device, api, info);
  if (info.compute_queue_family == UINT32_MAX) {
    info.unusable_reason = "has no compute queue";
    return info;
  }
  info.usable = true;
  return info;
}

Result<std::vector<PhysicalDeviceInfo>> query_physical_devices(const Instance& instance) {
  LECTERN_ASSIGN_OR_RETURN(auto handles, instance.physical_devices());
  std::vector<PhysicalDeviceInfo> infos;
  infos.reserve(handles.size());
  for (uint32_t i = 0; i < handles.size(); ++i) {
    infos.push_back(query_physical_device(handles[i], i, instance.api_version()));
  }
  return infos;
}

std::vector<size_t> rank_devices(std::span<const PhysicalDeviceInfo> devices) {
  std::vector<size_t> order;
  for (size_t i = 0; i < devices.size(); ++i) {
    if (devices[i].usable) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return type_rank(devices[a].type) < type_rank(devices[b].type);
  });
  return order;
}

Result<size_t> select_device(std::span<const PhysicalDeviceInfo> devices, const std::optional<std::string>& selector) {
  if (devices.empty()) return Status(ErrorCode::NoDevice, k_no_driver_message);
  std::vector<size_t> ranked = rank_devices(devices);
  if (!selector || selector->empty()) {
    if (ranked.empty()) {
      return Status(ErrorCode::NoDevice, "no usable Vulkan device (Lectern needs Vulkan 1.2 with a compute queue):\n" +
                                             describe_devices(devices) + "update the GPU driver, or install Mesa's CPU "
                                             "driver with `sudo apt install mesa-vulkan-drivers`");
    }
    return ranked.front();
  }

  std::vector<size_t> matches;
  if (all_digits(*selector)) {
    uint64_t want = selector->size() > 9 ? UINT64_MAX : std::stoull(*selector);
    for (size_t i = 0; i < devices.size(); ++i) {
      if (devices[i].index == want) matches.push_back(i);
    }
  } else {
    std::string needle = lower(*selector);
    for (size_t i = 0; i < devices.size(); ++i) {
      if (lower(devices[i].name).find(needle) != std::string::npos) matches.push_back(i);
    }
  }
  if (matches.empty()) {
    return Status(ErrorCode::NotFound, "LECTERN_VK_DEVICE='" + *selector +
                                           "' matches no Vulkan device; give an index or part of a name from:\n" +
                                           describe_devices(devices));
  }
  // Several matches (e.g. two identical GPUs): the best-ranked usable one.
  for (size_t r : ranked) {
    if (std::find(matches.begin(), matches.end(), r) != matches.end()) return r;
  }
  const PhysicalDeviceInfo& d = devices[matches.front()];
  return Status(ErrorCode::Unsupported, "LECTERN_VK_DEVICE='" + *selector + "' picks " + d.name + ", which " +
                                            d.unusable_reason + "; choose another device from:\n" +
                                            describe_devices(devices));
}

const char* device_type_name(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return "CPU";
    default: return "other";
  }
}

std::string api_version_string(uint32_t version) {
  return std::to_string(VK_API_VERSION_MAJOR(version)) + "." + std::to_string(VK_API_VERSION_MINOR(version)) + "." +
         std::to_string(VK_API_VERSION_PATCH(version));
}

std::string describe_devices(std::span<const PhysicalDeviceInfo> devices) {
  std::string out;
  for (const auto& d : devices) {
    out += "  " + std::to_string(d.index) + ": " + d.name + " [" + device_type_name(d.type) + "]";
    if (!d.usable) out += " (unusable: " + d.unusable_reason + ")";
    out += "\n";
  }
  return out;
}

}  // namespace lectern::vk
