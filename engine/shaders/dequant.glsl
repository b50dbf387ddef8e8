// dequant.glsl: reads of ggml quantised weight blocks (Q8_0, Q4_K, Q5_K, Q6_K) from a buffer bound at W_BINDING as
// 32-bit words, dequantised to f32 with ggml's arithmetic. Define W_BINDING and one of W_Q8_0, W_Q4_K, W_Q5_K,
// W_Q6_K before including (weights.glsl does this for the W_Q* variants). Provides, for the format chosen:
//   QK, QB                     elements and bytes per block
//   vec4  dequant4(ib, e)      elements e .. e+3 (e a multiple of 4) of block ib, bit-identical to ggml's
//                              dequantize_row_* (every product rounded on its own: `precise` forbids fma contraction)
//   float load_w(i), vec4 load_w4(q)   the weights.glsl interface: element i / elements 4q .. 4q+3 of the row-major
//                              weights; rows are whole blocks, so flat element i lies in block i / QK
// and, with DEQUANT_MATVEC defined and `x4` (vec4 activations) declared, the pieces of matvec_q.comp: a block is
// MV_UNITS work units; WUnit mv_weights(ib, unit) decodes one unit of block ib (quants as exact floats plus its
// scale factors), XUnit mv_x(v0, unit) loads the matching activations of the block whose first element is x4[v0],
// and float mv_dot(WUnit, XUnit) is their product.
//
// Packing: blocks are 34, 144, 176 and 210 bytes, so Q4_K/Q5_K blocks start on 4-byte boundaries but Q8_0 and Q6_K
// blocks only on 2-byte ones; every multi-byte field starts on an even byte. Reads use whole words and funnel-shift
// when a field straddles two (little-endian: byte k of a word is bits 8k .. 8k+7). A read never touches a word past
// the field, so it stays inside the binding (Sequence rounds bindings up to whole words).

layout(binding = W_BINDING) readonly buffer WBufQ { uint q_words[]; };

// Shift amounts of the four bytes of a word.
const uvec4 k_byte_shift = uvec4(0u, 8u, 16u, 24u);

uint q_u8(uint byte_off) { return (q_words[byte_off >> 2] >> (8u * (byte_off & 3u))) & 0xffu; }

uint q_u16(uint byte_off) {  // byte_off even
  const uint w = q_words[byte_off >> 2];
  return (byte_off & 2u) == 0u ? (w & 0xffffu) : (w >> 16);
}

uint q_u32(uint byte_off) {  // byte_off even
  const uint i = byte_off >> 2;
  if ((byte_off & 2u) == 0u) return q_words[i];
  return (q_words[i] >> 16) | (q_words[i + 1u] << 16);
}

uvec2 q_u64(uint byte_off) {  // byte_off even; 8 bytes
  const uint i = byte_off >> 2;
  if ((byte_off & 2u) == 0u) return uvec2(q_words[i], q_words[i + 1u]);
  const uint a = q_words[i], b = q_words[i + 1u], c = q_words[i + 2u];
  return uvec2((a >> 16) | (b << 16), (b >> 16) | (c << 16));
}

// IEEE binary16 bits to f32, exactly, subnormals included. Not unpackHalf2x16: Vulkan lets implementations flush
// denormals, and block scales are often f16 subnormals (Q4_K's d = largest sub-block scale / 63 is below 2^-14 =
// 6.1e-5 for any sub-block step under 3.9e-3, common in real weights).
float half_to_float(uint h) {
  const uint e = (h >> 10) & 0x1fu;
  const uint m = h & 0x3ffu;
  float mag;
  if (e == 0u) {
    mag = float(m) * 5.9604644775390625e-8;  // m * 2^-24: exact
  } else if (e == 31u) {
    mag = uintBitsToFloat(0x7f800000u | (m << 13));  // inf / NaN
  } else {
    mag = uintBitsToFloat(((e + 112u) << 23) | (m << 13));  // rebias 15 -> 127
  }
  return (h & 0x8000u) != 0u ? -mag : mag;
}

// Four signed bytes of a word, sign-extended.
ivec4 q_i8x4(uint w) { return ivec4(uvec4(w) << (24u - k_byte_shift)) >> 24; }
// Four 4-bit fields (bits s .. s+3 of each byte; s = 0 low nibbles, s = 4 high nibbles).
uvec4 q_nib4(uint w, uint s) { return (uvec4(w) >> (k_byte_shift + s)) & 0xfu; }

#if defined(W_Q8_0)
#include "dequant_q8_0.glsl"
#elif defined(W_Q4_K) || defined(W_Q5_K)
#include "dequant_q4_k.glsl"
#elif defined(W_Q6_K)
#include "dequant_q6_k.glsl"
#else
#error "define W_Q8_0, W_Q4_K, W_Q5_K or W_Q6_K"
#endif

vec4 load_w4(uint q) {
  const uint e = q * 4u;
  return dequant4(e / QK, e % QK);
}
float load_w(uint i) { return dequant4(i / QK, (i % QK) & ~3u)[i & 3u]; }
