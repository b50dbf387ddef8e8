// dtype.cpp: type table and f16 conversions.
#include "core/dtype.h"

#include <cctype>
#include <string>

namespace lectern {

namespace {
constexpr DTypeInfo k_types[] = {
    {DType::F32, "f32", 1, 4},       {DType::F16, "f16", 1, 2},        {DType::BF16, "bf16", 1, 2},
    {DType::Q8_0, "q8_0", 32, 34},   {DType::Q4_K, "q4_k", 256, 144},  {DType::Q5_K, "q5_k", 256, 176},
    {DType::Q6_K, "q6_k", 256, 210},
};
}  // namespace

std::optional<DTypeInfo> dtype_info_from_ggml(uint32_t ggml_type) {
  for (const auto& t : k_types)
    if (static_cast<uint32_t>(t.type) == ggml_type) return t;
  return std::nullopt;
}

DTypeInfo dtype_info(DType type) { return *dtype_info_from_ggml(static_cast<uint32_t>(type)); }

const char* dtype_name(DType type) { return dtype_info(type).name; }

std::optional<DType> dtype_from_name(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& t : k_types)
    if (lower == t.name) return t.type;
  return std::nullopt;
}

float f16_to_f32(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  uint32_t bits;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else {  // subnormal: renormalise
      int e = -1;
      do {
        ++e;
        mant <<= 1;
      } while ((mant & 0x400u) == 0);
      bits = sign | static_cast<uint32_t>(127 - 15 - e) << 23 | (mant & 0x3ffu) << 13;
    }
  } else if (exp == 31) {
    bits = sign | 0x7f800000u | mant << 13;
  } else {
    bits = sign | (exp + 127 - 15) << 23 | mant << 13;
  }
  return std::bit_cast<float>(bits);
}

uint16_t f32_to_f16(float f) {
  uint32_t x = std::bit_cast<uint32_t>(f);
  uint32_t sign = (x >> 16) & 0x8000u;
  uint32_t abs = x & 0x7fffffffu;
  if (abs > 0x7f800000u) return static_cast<uint16_t>(sign | 0x7e00u);  // NaN
  if (abs >= 0x477ff000u) return static_cast<uint16_t>(sign | 0x7c00u);  // overflow (incl. inf) after rounding
  if (abs < 0x38800000u) {  // result is subnormal or zero: add as float to round at the right place
    float magic = std::bit_cast<float>(abs) + 0.5f;  // 0.5 = 2^-1: aligns the f16 subnormal ulp (2^-24) to bit 0
    return static_cast<uint16_t>(sign | (std::bit_cast<uint32_t>(magic) - 0x3f000000u));
  }
  uint32_t mant_odd = (abs >> 13) & 1u;
  abs += 0xc8000fffu + mant_odd;  // rebias exponent (-112 << 23) and round to nearest even
  return static_cast<uint16_t>(sign | (abs >> 13));
}

}  // namespace lectern
