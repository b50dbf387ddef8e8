// shader_registry.h: lookup of the SPIR-V blobs compiled from engine/shaders and embedded at build time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace lectern::vk {

struct ShaderBlob {
  const char* name;       // variant name given to lectern_shader() in engine/shaders/CMakeLists.txt
  const uint32_t* words;  // SPIR-V code
  size_t n_words;
};

// Defined in the generated shader_registry_data.cpp (ordered by CMake, not necessarily by C++ string order).
extern const ShaderBlob k_shader_blobs[];
extern const size_t k_shader_blob_count;

// nullptr when no shader of that name was built.
const ShaderBlob* find_shader(std::string_view name);
std::span<const ShaderBlob> all_shaders();

}  // namespace lectern::vk
