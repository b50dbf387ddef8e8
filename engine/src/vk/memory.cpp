// memory.cpp: memory-type scoring for each usage.
#include "vk/memory.h"

#include <bit>
#include <cstdio>

namespace lectern::vk {

const char* memory_usage_name(MemoryUsage usage) {
  switch (usage) {
    case MemoryUsage::DeviceLocal: return "device-local";
    case MemoryUsage::Upload: return "upload";
    case MemoryUsage::Readback: return "readback";
  }
  return "?";
}

std::optional<uint32_t> find_memory_type(const VkPhysicalDeviceMemoryProperties& memory, uint32_t type_bits,
                                         MemoryUsage usage) {
  VkMemoryPropertyFlags required = 0;
  VkMemoryPropertyFlags preferred = 0;
  VkMemoryPropertyFlags avoided = 0;
  switch (usage) {
    case MemoryUsage::DeviceLocal:
      preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
      // On discrete GPUs the host-visible slice of VRAM (BAR) is small and precious; UMA devices only offer
      // host-visible device memory, which then is the right choice.
      avoided = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
      break;
    case MemoryUsage::Upload:
      required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
      preferred = VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
      avoided = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;  // write-combined memory is faster for streaming writes
      break;
    case MemoryUsage::Readback:
      required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
      preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
      break;
  }
  // Never pick memory the GPU can only reach lazily or through protection.
  const VkMemoryPropertyFlags forbidden = VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT | VK_MEMORY_PROPERTY_PROTECTED_BIT;
  std::optional<uint32_t> best;
  int best_score = -1000;
  for (uint32_t i = 0; i < memory.memoryTypeCount; ++i) {
    if (!(type_bits & (1u << i))) continue;
    VkMemoryPropertyFlags flags = memory.memoryTypes[i].propertyFlags;
    if ((flags & required) != required || (flags & forbidden) != 0) continue;
    int score = 4 * std::popcount(flags & preferred) - std::popcount(flags & avoided);
    if (score > best_score) {  // strict: the first of equally good types wins, as drivers order them by preference
      best_score = score;
      best = i;
    }
  }
  return best;
}

std::string format_bytes(uint64_t bytes) {
  static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024.0 && u < 4) {
    v /= 1024.0;
    ++u;
  }
  char text[32];
  if (v == static_cast<double>(static_cast<uint64_t>(v))) std::snprintf(text, sizeof text, "%.0f %s", v, units[u]);
  else std::snprintf(text, sizeof text, "%.2f %s", v, units[u]);
  return text;
}

}  // namespace lectern::vk
