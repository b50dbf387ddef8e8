#version 450
// matvec_q8s.comp: decode products y[y_offset + r] = sum_i W[r, i] x[i] with Q8_0 weights read through 8-bit storage
// (GPU-profile devices with storageBuffer8BitAccess and shaderInt8). NR consecutive weight rows per workgroup over
// the rows of one row block; the invocations stride over quarter blocks (8 weights: four 16-bit loads, so a subgroup
// reads consecutive bytes of a row), then the workgroup reduces (subgroup arithmetic with USE_SUBGROUP, else shared
// memory). Without X_Q8 the activations are f32 (vec4 loads) and the products f32. With X_Q8 the activations come
// pre-quantised per block of 32 in two int8 levels (quantize_x8.comp: x = (254 hi + lo) d / 254) and each quarter
// block is four packed signed 4x8 dot products (OpSDot of SPV_KHR_integer_dot_product, through
// GL_EXT_spirv_intrinsics: glslc 2023.2 has no GL_EXT_integer_dot_product) combined exactly in int32
// (|254 S_hi + S_lo| <= 255 * 8 * 127 * 127 < 2^25), then scaled by d_w * d_x / 254 into the f32 sum. Same push
// constants and grid as matvec_q.comp (ops/matvec_q8.cpp).

layout(constant_id = 0) const uint WG_SIZE = 64;  // a power of two
layout(constant_id = 1) const uint NR = 2;        // weight rows per workgroup
layout(constant_id = 2) const uint NT = 1;        // tokens per workgroup: 1 only (accepted for the shared grid)
layout(local_size_x_id = 0) in;
#extension GL_EXT_control_flow_attributes : require
#extension GL_EXT_shader_8bit_storage : require
#extension GL_EXT_shader_explicit_arithmetic_types_int8 : require

// ggml's block_q8_0: f16 scale (two bytes, decoded exactly by half_bits_to_float) then 32 int8 quants; 34 bytes, so
// blocks start on even bytes and every i8vec2 is aligned.
struct BlockQ8_0 {
  u8vec2 d;
  i8vec2 qs[16];
};
layout(binding = 0) readonly buffer WBlocks { BlockQ8_0 wb[]; };
#ifdef X_Q8
#extension GL_EXT_spirv_intrinsics : require
// quantize_x8.comp's blocks: ds = (d, sum(x)), then both levels' 32 int8 values packed little-endian four per word.
struct BlockX8 {
  vec2 ds;
  int hi[8];
  int lo[8];
};
layout(binding = 1) readonly buffer XBlocks { BlockX8 xb[]; };
// OpSDot (4450) with PackedVectorFormat4x8Bit (0): capabilities DotProduct (6019), DotProductInput4x8BitPacked
// (6018).
spirv_instruction(extensions = ["SPV_KHR_integer_dot_product"], capabilities = [6019, 6018], id = 4450)
int sdot4x8(int a, int b, spirv_literal int packed_format);
#else
layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };
#endif
layout(binding = 2) writeonly buffer YBuf { float y[]; };

layout(push_constant) uniform Push {
  uint n_in;      // columns of W (a multiple of 32)
  uint n_rows;    // rows in this block of W
  uint y_offset;  // first row of this block within the whole matrix
  uint n_tokens;  // 1
  uint y_stride;  // unused (one token)
} p;

#define RED_N NR
#include "reduce.glsl"
#include "workgroup.glsl"

// IEEE binary16 bits to f32 exactly, subnormals included (as dequant.glsl; unpackHalf2x16 may flush them).
float half_bits_to_float(uint h) {
  const uint e = (h >> 10) & 0x1fu;
  const uint m = h & 0x3ffu;
  float mag;
  if (e == 0u) {
    mag = float(m) * 5.9604644775390625e-8;
  } else if (e == 31u) {
    mag = uintBitsToFloat(0x7f800000u | (m << 13));
  } else {
    mag = uintBitsToFloat(((e + 112u) << 23) | (m << 13));
  }
  return (h & 0x8000u) != 0u ? -mag : mag;
}

float block_scale(uint ib) {
  const u8vec2 d = wb[ib].d;
  return half_bits_to_float(uint(d.x) | (uint(d.y) << 8));
}

void main() {
  const uint row0 = linear_group() * NR;
  if (row0 >= p.n_rows) return;  // uniform across the workgroup
  const uint tid = gl_LocalInvocationIndex;
  [[unroll]] for (uint r = 0; r < NR; ++r) red_val[r] = 0.0;

  const uint n_blocks = p.n_in / 32u;
  uint blocks[NR];  // first block of each row; rows past the end re-read the last one (results not stored)
  [[unroll]] for (uint r = 0; r < NR; ++r) blocks[r] = min(row0 + r, p.n_rows - 1u) * n_blocks;

  const uint n_units = n_blocks * 4u;  // quarter blocks
  for (uint u = tid; u < n_units; u += WG_SIZE) {
    const uint b = u >> 2;
    const uint q = (u & 3u) * 4u;  // first i8vec2 of the quarter
#ifdef X_Q8
    const uint k = (u & 3u) * 2u;
    const int ha = xb[b].hi[k], hc = xb[b].hi[k + 1u];
    const int la = xb[b].lo[k], lc = xb[b].lo[k + 1u];
    const float dx = xb[b].ds.x * (1.0 / 254.0);
    [[unroll]] for (uint r = 0; r < NR; ++r) {
      const uint ib = blocks[r] + b;
      const int wa = pack32(i8vec4(wb[ib].qs[q], wb[ib].qs[q + 1u]));
      const int wc = pack32(i8vec4(wb[ib].qs[q + 2u], wb[ib].qs[q + 3u]));
      const int sumi = 254 * (sdot4x8(wa, ha, 0) + sdot4x8(wc, hc, 0)) + sdot4x8(wa, la, 0) + sdot4x8(wc, lc, 0);
      red_val[r] += float(sumi) * (block_scale(ib) * dx);
    }
#else
    const uint v = b * 8u + (u & 3u) * 2u;
    const vec4 xa = x4[v], xc = x4[v + 1u];
    [[unroll]] for (uint r = 0; r < NR; ++r) {
      const uint ib = blocks[r] + b;
      const vec4 wa = vec4(ivec4(ivec2(wb[ib].qs[q]), ivec2(wb[ib].qs[q + 1u])));
      const vec4 wc = vec4(ivec4(ivec2(wb[ib].qs[q + 2u]), ivec2(wb[ib].qs[q + 3u])));
      red_val[r] += block_scale(ib) * (dot(wa, xa) + dot(wc, xc));
    }
#endif
  }

  reduce_sums();
  if (tid == 0) {
    [[unroll]] for (uint r = 0; r < NR; ++r) {
      if (row0 + r < p.n_rows) y[p.y_offset + row0 + r] = red_val[r];
    }
  }
}
