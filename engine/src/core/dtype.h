// dtype.h: element types of weights and activations (GGUF/ggml numbering), block geometry, and scalar
// conversions between f32 and the 16-bit float formats.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace lectern {

// Values are ggml's type ids so GGUF tensor infos map directly.
enum class DType : uint32_t {
  F32 = 0,
  F16 = 1,
  Q8_0 = 8,
  Q4_K = 12,
  Q5_K = 13,
  Q6_K = 14,
  BF16 = 30,
};

struct DTypeInfo {
  DType type;
  const char* name;      // "f32", "q4_k", ...
  uint32_t block_elems;  // elements per block (1 for plain floats)
  uint32_t block_bytes;  // bytes per block
};

// nullopt for ggml type ids Lectern does not support.
std::optional<DTypeInfo> dtype_info_from_ggml(uint32_t ggml_type);
DTypeInfo dtype_info(DType type);
const char* dtype_name(DType type);
std::optional<DType> dtype_from_name(std::string_view name);  // case-insensitive: "f16", "Q8_0", ...

// Bytes for a row of n elements; n must be a multiple of the block size (callers validate first).
inline uint64_t dtype_row_bytes(DType type, uint64_t n) {
  DTypeInfo info = dtype_info(type);
  return n / info.block_elems * info.block_bytes;
}

// IEEE binary16 <-> binary32, round to nearest even; handles subnormals, inf and NaN.
float f16_to_f32(uint16_t h);
uint16_t f32_to_f16(float f);

// bfloat16 is the upper half of a binary32; conversion rounds to nearest even, NaN stays NaN.
inline float bf16_to_f32(uint16_t b) { return std::bit_cast<float>(static_cast<uint32_t>(b) << 16); }
inline uint16_t f32_to_bf16(float f) {
  uint32_t u = std::bit_cast<uint32_t>(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((u >> 16) | 0x40u);  // quiet NaN
  u += 0x7fffu + ((u >> 16) & 1u);
  return static_cast<uint16_t>(u >> 16);
}

}  // namespace lectern
