// shader_registry.cpp: binary search over the generated, name-sorted shader table.
#include "vk/shader_registry.h"

#include <algorithm>

namespace lectern::vk {

std::span<const ShaderBlob> all_shaders() { return {k_shader_blobs, k_shader_blob_count}; }

const ShaderBlob* find_shader(std::string_view name) {
  auto blobs = all_shaders();
  auto it = std::lower_bound(blobs.begin(), blobs.end(), name,
                             [](const ShaderBlob& b, std::string_view n) { return std::string_view(b.name) < n; });
  if (it == blobs.end() || std::string_view(it->name) != name) return nullptr;
  return &*it;
}

}  // namespace lectern::vk
