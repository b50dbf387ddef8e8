// weights.glsl: loads of a weight matrix bound at W_BINDING, converted to f32. Define W_BINDING and one of W_F32,
// W_F16, W_BF16 (row-major, as GGUF/HF store them) before including; with USE_S16 16-bit values are read through
// GL_EXT_shader_16bit_storage (needs storageBuffer16BitAccess), otherwise as packed 32-bit words (any device).
//   float load_w(uint i)   element i
//   vec4  load_w4(uint q)  elements 4q .. 4q+3 (the caller guarantees 4q is a multiple of 4 within the data)

#if defined(W_F32)
layout(binding = W_BINDING) readonly buffer WBuf { float w_data[]; };
layout(binding = W_BINDING) readonly buffer WBuf4 { vec4 w_data4[]; };
float load_w(uint i) { return w_data[i]; }
vec4 load_w4(uint q) { return w_data4[q]; }

#elif defined(W_F16) && defined(USE_S16)
#extension GL_EXT_shader_16bit_storage : require
layout(binding = W_BINDING) readonly buffer WBuf { float16_t w_data[]; };
layout(binding = W_BINDING) readonly buffer WBuf4 { f16vec4 w_data4[]; };
float load_w(uint i) { return float(w_data[i]); }
vec4 load_w4(uint q) { return vec4(w_data4[q]); }

#elif defined(W_F16)
// Little-endian packing: element 2k is the low half of word k.
layout(binding = W_BINDING) readonly buffer WBuf { uint w_data[]; };
layout(binding = W_BINDING) readonly buffer WBuf4 { uvec2 w_data4[]; };
float load_w(uint i) {
  const vec2 pair = unpackHalf2x16(w_data[i >> 1]);
  return (i & 1u) == 0u ? pair.x : pair.y;
}
vec4 load_w4(uint q) {
  const uvec2 v = w_data4[q];
  return vec4(unpackHalf2x16(v.x), unpackHalf2x16(v.y));
}

#elif defined(W_BF16) && defined(USE_S16)
#extension GL_EXT_shader_16bit_storage : require
// bfloat16 is the upper half of an IEEE binary32.
layout(binding = W_BINDING) readonly buffer WBuf { uint16_t w_data[]; };
layout(binding = W_BINDING) readonly buffer WBuf4 { u16vec4 w_data4[]; };
float load_w(uint i) { return uintBitsToFloat(uint(w_data[i]) << 16); }
vec4 load_w4(uint q) { return uintBitsToFloat(uvec4(w_data4[q]) << 16); }

#elif defined(W_BF16)
layout(binding = W_BINDING) readonly buffer WBuf { uint w_data[]; };
layout(binding = W_BINDING) readonly buffer WBuf4 { uvec2 w_data4[]; };
float load_w(uint i) {
  const uint word = w_data[i >> 1];
  return uintBitsToFloat((i & 1u) == 0u ? word << 16 : word & 0xffff0000u);
}
vec4 load_w4(uint q) {
  const uvec2 v = w_data4[q];
  return uintBitsToFloat(uvec4(v.x << 16, v.x & 0xffff0000u, v.y << 16, v.y & 0xffff0000u));
}

#elif defined(W_Q8_0) || defined(W_Q4_K) || defined(W_Q5_K) || defined(W_Q6_K)
// ggml quantised blocks, dequantised on load (rows are whole blocks); see dequant.glsl.
#include "dequant.glsl"

#else
#error "define W_F32, W_F16, W_BF16, W_Q8_0, W_Q4_K, W_Q5_K or W_Q6_K"
#endif
