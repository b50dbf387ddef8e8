// memory.h: choosing Vulkan memory types for device-local data, staging uploads and readbacks; byte formatting
// for messages.
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <optional>
#include <string>

namespace lectern::vk {

enum class MemoryUsage {
  DeviceLocal,  // weights, activations, caches: fastest for the GPU (may also be host-visible on UMA / lavapipe)
  Upload,       // host writes, GPU reads once (staging)
  Readback,     // GPU writes, host reads (cached where possible)
};

const char* memory_usage_name(MemoryUsage usage);

// The best memory type among `type_bits` for `usage`, or nullopt when none qualifies.
std::optional<uint32_t> find_memory_type(const VkPhysicalDeviceMemoryProperties& memory, uint32_t type_bits,
                                         MemoryUsage usage);

// "1.5 GiB", "64 KiB", "17 bytes"
std::string format_bytes(uint64_t bytes);

}  // namespace lectern::vk
