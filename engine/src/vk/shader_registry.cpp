// shader_registry.cpp: lookup of embedded shaders by name through an index sorted with C++ string order.
#include "vk/shader_registry.h"

#include <algorithm>
#include <vector>

namespace lectern::vk {

std::span<const ShaderBlob> all_shaders() { return {k_shader_blobs, k_shader_blob_count}; }

// The generated table is ordered by CMake's list(SORT) over "name|path" entries, which puts "rms_norm_f32_sg"
// before "rms_norm_f32" ('_' < '|'), so it is not in the order std::lower_bound needs. Index it once here.
static const std::vector<const ShaderBlob*>& sorted_index() {
  static const std::vector<const ShaderBlob*> index = [] {
    std::vector<const ShaderBlob*> v;
    for (const ShaderBlob& b : all_shaders()) {
      if (b.words != nullptr) v.push_back(&b);  // skips the placeholder of an empty table
    }
    std::sort(v.begin(), v.end(),
              [](const ShaderBlob* a, const ShaderBlob* b) { return std::string_view(a->name) < std::string_view(b->name); });
    return v;
  }();
  return index;
}

const ShaderBlob* find_shader(std::string_view name) {
  const auto& index = sorted_index();
  auto it = std::lower_bound(index.begin(), index.end(), name,
                             [](const ShaderBlob* b, std::string_view n) { return std::string_view(b->name) < n; });
  if (it == index.end() || std::string_view((*it)->name) != name) return nullptr;
  return *it;
}

}  // namespace lectern::vk
