#version 450
// matvec_xreg.comp: the decode product y[y_offset + r] (+)= sum_i W[r, i] x[i] for devices that run shaders on the
// CPU (lavapipe), one subgroup per workgroup. On lavapipe every storage-buffer load whose address differs between
// invocations becomes a per-invocation scalar loop with a bounds check (gallivm's emit_load_mem), so the cost of
// a kernel is the number of 32-bit words each invocation loads, not the bytes. The classic layout (matvec.comp,
// matvec_q.comp: invocations stride along a row) reloads the f32 activations for every few rows, which costs more
// loads than the weights themselves (4 bytes of x per Q8_0 weight byte). Here x stays in registers: the row is cut
// into chunks of CH elements, invocation l owns chunks l, l + SG, l + 2 SG, ... (a tile of SG chunks at a time),
// loads its x chunk once per tile and reuses it for all SG * NG rows of the workgroup; per row only the weight
// words are loaded, and each row's partial sum is reduced across the subgroup. For SG rows in turn the reduced sums
// land in one invocation each, which adds them to y (so tiles after the first, and ACCUMULATE, add to y: the
// residual add folded into the product). f32 accumulation throughout.
//
// Define one of W_F32, W_F16, W_BF16, W_Q8_0, W_Q4_K, W_Q5_K, W_Q6_K; optionally MULTI (up to four matrices with
// one input in one dispatch; with W_KQUANT instead of a single type, each matrix may be Q4_K, Q5_K or Q6_K, chosen
// per slot by a specialisation constant), X_GLU (the input is silu(gate) * up: the MLP's down projection) or NORM
// (the input is RMSNorm(x) * w_norm, qwen35.md §2.2 in its GGUF form: the norm folded into the product). Rows are whole chunks
// (and K-quant rows whole super-blocks; the host checks). Only the x-in-registers layout is lavapipe-specific; a GPU
// keeps using matvec.comp / matvec_q.comp.
//
// NORM: every workgroup forms sum(x^2) from the chunks its invocations load anyway (each element is loaded by
// exactly one invocation in exactly one tile), multiplies each chunk by the norm weights as it is loaded, and, after
// the last tile, scales its rows of y by 1 / sqrt(mean(x^2) + eps): y = s * W (w_norm * x), the same as
// W (s * x * w_norm) up to rounding. Costs one norm-weight word per x word (~6 % more words for 1,024 columns).
#extension GL_EXT_control_flow_attributes : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

layout(constant_id = 0) const uint SG = 8;  // workgroup size = the subgroup size
layout(constant_id = 1) const uint NG = 8;  // groups of SG rows per workgroup
layout(local_size_x_id = 0) in;
#if defined(MULTI) && defined(W_KQUANT)
// ggml type id of matrix m (12 Q4_K, 13 Q5_K, 14 Q6_K): specialisation constants, so each pipeline compiles only
// the layouts it reads (one per slot, not three).
layout(constant_id = 2) const uint T0 = 12;
layout(constant_id = 3) const uint T1 = 12;
layout(constant_id = 4) const uint T2 = 12;
layout(constant_id = 5) const uint T3 = 12;
#endif

#ifdef MULTI
// Up to four matrices with the same input (e.g. a layer's q/k/v projections) in one dispatch: workgroups
// [first_group[m], first_group[m + 1]) compute matrix m into y<m>. Unused slots are bound to slot 0 and get no
// workgroups.
layout(binding = 0) readonly buffer W0Buf { uint w0[]; };
layout(binding = 1) readonly buffer W1Buf { uint w1[]; };
layout(binding = 2) readonly buffer W2Buf { uint w2[]; };
layout(binding = 3) readonly buffer W3Buf { uint w3[]; };
layout(binding = 4) readonly buffer XBuf4 { vec4 x4[]; };  // [n_in / 4]
layout(binding = 5) buffer Y0Buf { float y0[]; };
layout(binding = 6) buffer Y1Buf { float y1[]; };
layout(binding = 7) buffer Y2Buf { float y2[]; };
layout(binding = 8) buffer Y3Buf { float y3[]; };
#ifdef NORM
layout(binding = 9) readonly buffer NBuf4 { vec4 wn4[]; };  // [n_in / 4] RMSNorm weights
#endif

layout(push_constant) uniform Push {
  uint n_in;          // columns of every matrix and of x (a multiple of CH)
  float eps;          // NORM: the RMSNorm epsilon
  uint pad0, pad1;
  uvec4 n_rows;       // rows of each matrix (one row block each)
  uvec4 first_group;  // first workgroup of each matrix; unused slots: the total
} p;
#else
layout(binding = 0) readonly buffer WBuf { uint w_words[]; };  // one row block of W
layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };      // [n_in / 4]
layout(binding = 2) buffer YBuf { float y[]; };                // [y_stride]; read back when accumulating
#ifdef X_GLU
// SwiGLU input: the product's x is silu(gate) * up, formed as each chunk is loaded (binding 1 holds the gate).
layout(binding = 3) readonly buffer UBuf4 { vec4 u4[]; };      // [n_in / 4]
#endif
#ifdef NORM
layout(binding = 3) readonly buffer NBuf4 { vec4 wn4[]; };     // [n_in / 4] RMSNorm weights
#endif

layout(push_constant) uniform Push {
  uint n_in;        // columns of W and x (a multiple of CH)
  uint n_rows;      // rows in this block of W
  uint y_offset;    // first row of this block within the whole matrix
  uint accumulate;  // 1: y += W x; 0: y = W x
  float eps;        // NORM: the RMSNorm epsilon
} p;
#endif

// IEEE binary16 bits to f32 exactly, subnormals included (block scales are often subnormal; see dequant.glsl).
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

// Loads the CW weight words of chunk CC of row ROW (words ROW * row_words + CC * CW ..) and sets S to their
// product with the invocation's x chunk xr (the layout of F32, F16, BF16 and Q8_0).
#define DOT_WORDS(WBUF, ROW, CC, S)                                         \
  {                                                                         \
    const uint b_ = (ROW) * row_words + (CC) * CW;                          \
    uint wv_[CW];                                                           \
    [[unroll]] for (uint k_ = 0; k_ < CW; ++k_) wv_[k_] = WBUF[b_ + k_];    \
    S = chunk_dot(wv_, xr);                                                 \
  }

#if defined(W_F32)
const uint CH = 16u;  // elements per chunk
const uint CW = 16u;  // 32-bit words per chunk
float chunk_dot(uint w[CW], vec4 xr[CH / 4]) {
  float s = 0.0;
  [[unroll]] for (uint k = 0; k < CH / 4; ++k) {
    s += dot(uintBitsToFloat(uvec4(w[4 * k], w[4 * k + 1], w[4 * k + 2], w[4 * k + 3])), xr[k]);
  }
  return s;
}

#elif defined(W_F16)
const uint CH = 32u;
const uint CW = 16u;
float chunk_dot(uint w[CW], vec4 xr[CH / 4]) {
  float s = 0.0;
  [[unroll]] for (uint k = 0; k < CH / 4; ++k) {
    // Little-endian packing: element 2k is the low half of word k.
    const vec4 wv = vec4(unpackHalf2x16(w[2 * k]), unpackHalf2x16(w[2 * k + 1]));
    s += dot(wv, xr[k]);
  }
  return s;
}

#elif defined(W_BF16)
const uint CH = 32u;
const uint CW = 16u;
float chunk_dot(uint w[CW], vec4 xr[CH / 4]) {
  float s = 0.0;
  [[unroll]] for (uint k = 0; k < CH / 4; ++k) {
    const uint a = w[2 * k], b = w[2 * k + 1];
    // bfloat16 is the upper half of an IEEE binary32.
    const vec4 wv = uintBitsToFloat(uvec4(a << 16, a & 0xffff0000u, b << 16, b & 0xffff0000u));
    s += dot(wv, xr[k]);
  }
  return s;
}

#elif defined(W_Q8_0)
// A chunk is two Q8_0 blocks (2 x 34 bytes = 17 words), so every chunk starts on a word boundary when a row has an
// even number of blocks (n_in % 64 == 0): block A = f16 scale in the low half of word 0, quants in bytes 2..33
// (straddling words 0..8); block B = f16 scale in the high half of word 8, quants in words 9..16.
const uint CH = 64u;
const uint CW = 17u;

// Four signed bytes of a word as floats (exact).
vec4 i8x4(uint w) { return vec4(ivec4(uvec4(w) << uvec4(24u, 16u, 8u, 0u)) >> 24); }

float chunk_dot(uint w[CW], vec4 xr[CH / 4]) {
  float sa = 0.0, sb = 0.0;
  [[unroll]] for (uint k = 0; k < 8u; ++k) {
    sa += dot(i8x4((w[k] >> 16) | (w[k + 1] << 16)), xr[k]);
    sb += dot(i8x4(w[k + 9]), xr[k + 8]);
  }
  return half_bits_to_float(w[0] & 0xffffu) * sa + half_bits_to_float(w[8] >> 16) * sb;
}

#elif defined(W_Q4_K) || defined(W_Q5_K) || defined(W_Q6_K) || defined(W_KQUANT)
#include "xreg_kquant.glsl"

#else
#error "define W_F32, W_F16, W_BF16, W_Q8_0, W_Q4_K, W_Q5_K, W_Q6_K or W_KQUANT"
#endif

#ifndef DOT_W
#define DOT_W DOT_WORDS
#endif
// The SG rows of a row group: unrolled for the short chunk products; a loop for the K-quants, whose chunk products
// are long enough that unrolling them SG times (and 12 times more in the mixed multi-matrix variant) makes lavapipe
// spend minutes compiling the pipeline.
#if defined(W_Q4_K) || defined(W_Q5_K) || defined(W_Q6_K) || defined(W_KQUANT)
#define ROW_LOOP [[dont_unroll]]
#else
#define ROW_LOOP [[unroll]]
#endif

vec4 load_x(uint v) {
#ifdef X_GLU
  // silu(g) * u as silu_mul.comp computes it; for very negative g, g / inf = -0: the correct limit.
  const vec4 g = x4[v];
  return g / (1.0 + exp(-g)) * u4[v];
#else
  return x4[v];
#endif
}

// For the tile of chunks starting at c0: for each group of SG rows of [row0, row0 + SG NG) of the matrix in WBUF,
// each row's partial product (subgroup sum of the invocations' chunks), added to YBUF[y_off + row] by invocation
// row % SG (written instead for the first tile unless accumulating).
#define ROW_GROUPS(WBUF, YBUF, N_ROWS, Y_OFF, DOTM)                         \
  for (uint g = 0; g < NG; ++g) {                                           \
    const uint rg = row0 + g * SG;                                          \
    if (rg >= N_ROWS) break; /* uniform */                                  \
    float mine = 0.0;                                                       \
    ROW_LOOP for (uint r = 0; r < SG; ++r) {                                \
      const uint row_ = min(rg + r, N_ROWS - 1u);                           \
      float d_ = 0.0;                                                       \
      DOTM(WBUF, row_, cc, d_)                                              \
      const float s = subgroupAdd(valid ? d_ : 0.0);                        \
      if (lane == r) mine = s;                                              \
    }                                                                       \
    if (rg + lane < N_ROWS) {                                               \
      const uint i = Y_OFF + rg + lane;                                     \
      YBUF[i] = add ? YBUF[i] + mine : mine;                                \
    }                                                                       \
  }

// NORM: the invocation's share of sum(x^2), and its x chunk times the norm weights.
#ifdef NORM
#define NORM_CHUNK                                                          \
  [[unroll]] for (uint k = 0; k < CH / 4; ++k) {                            \
    if (valid) ss += dot(xr[k], xr[k]);                                     \
    xr[k] *= wn4[cc * (CH / 4) + k];                                        \
  }
// After the last tile: the workgroup's rows of y times 1 / sqrt(mean(x^2) + eps).
#define NORM_SCALE(YBUF, N_ROWS, Y_OFF)                                     \
  {                                                                         \
    const float scale = inversesqrt(subgroupAdd(ss) / float(p.n_in) + p.eps); \
    for (uint g = 0; g < NG; ++g) {                                         \
      const uint rg = row0 + g * SG;                                        \
      if (rg >= N_ROWS) break;                                              \
      if (rg + lane < N_ROWS) YBUF[Y_OFF + rg + lane] *= scale;             \
    }                                                                       \
  }
#else
#define NORM_CHUNK
#define NORM_SCALE(YBUF, N_ROWS, Y_OFF)
#endif

// The whole product for the workgroup's rows: tiles of SG chunks; each invocation loads its x chunk once per tile
// (TILE_BEGIN, then the row groups, then TILE_END). Past the row's end an invocation re-reads the last chunk and
// contributes zero.
#define TILE_BEGIN(ACCUMULATE)                                                      \
  for (uint c0 = 0; c0 < n_chunks; c0 += SG) {                                      \
    const uint c = c0 + lane;                                                       \
    const bool valid = c < n_chunks;                                                \
    const uint cc = min(c, n_chunks - 1u);                                          \
    vec4 xr[CH / 4];                                                                \
    [[unroll]] for (uint k = 0; k < CH / 4; ++k) xr[k] = load_x(cc * (CH / 4) + k); \
    NORM_CHUNK                                                                      \
    const bool add = c0 > 0u || (ACCUMULATE);
#define TILE_END }

void main() {
  const uint lane = gl_SubgroupInvocationID;
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint n_chunks = p.n_in / CH;
#if defined(W_Q4_K) || defined(W_Q5_K) || defined(W_Q6_K) || defined(W_KQUANT)
  const uint n_sb = p.n_in / 256u;  // super-blocks per row
#else
  const uint row_words = n_chunks * CW;
#endif
  float ss = 0.0;  // NORM: this invocation's share of sum(x^2)
#ifdef MULTI
  const uint m = uint(group >= p.first_group.y) + uint(group >= p.first_group.z) + uint(group >= p.first_group.w);
  const uint row0 = (group - p.first_group[m]) * (SG * NG);
  if (row0 >= p.n_rows[m]) return;  // uniform across the workgroup (also the groups past the last matrix)
#ifdef W_KQUANT
#define SLOT_TYPE(T) const uint wt = T;
#else
#define SLOT_TYPE(T)
#endif
  // The x chunk (and the norm) once, outside the per-matrix branches: only the row groups are expanded per slot.
  TILE_BEGIN(false)
  if (m == 0u) {
    SLOT_TYPE(T0)
    ROW_GROUPS(w0, y0, p.n_rows.x, 0u, DOT_W)
  } else if (m == 1u) {
    SLOT_TYPE(T1)
    ROW_GROUPS(w1, y1, p.n_rows.y, 0u, DOT_W)
  } else if (m == 2u) {
    SLOT_TYPE(T2)
    ROW_GROUPS(w2, y2, p.n_rows.z, 0u, DOT_W)
  } else {
    SLOT_TYPE(T3)
    ROW_GROUPS(w3, y3, p.n_rows.w, 0u, DOT_W)
  }
  TILE_END
#ifdef NORM
  if (m == 0u) {
    NORM_SCALE(y0, p.n_rows.x, 0u)
  } else if (m == 1u) {
    NORM_SCALE(y1, p.n_rows.y, 0u)
  } else if (m == 2u) {
    NORM_SCALE(y2, p.n_rows.z, 0u)
  } else {
    NORM_SCALE(y3, p.n_rows.w, 0u)
  }
#endif
#else
  const uint row0 = group * (SG * NG);
  if (row0 >= p.n_rows) return;  // uniform across the workgroup
  TILE_BEGIN(p.accumulate != 0u)
  ROW_GROUPS(w_words, y, p.n_rows, p.y_offset, DOT_W)
  TILE_END
  NORM_SCALE(y, p.n_rows, p.y_offset)
#endif
}
