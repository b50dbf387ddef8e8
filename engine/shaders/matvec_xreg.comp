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
// Define one of W_F32, W_F16, W_BF16, W_Q8_0; optionally MULTI (up to four matrices with one input in one dispatch)
// or X_GLU (the input is silu(gate) * up: the MLP's down projection). Rows are whole chunks (n_in % CH == 0; the host
// checks). Only the x-in-registers layout is lavapipe-specific; a GPU keeps using matvec.comp / matvec_q.comp.
#extension GL_EXT_control_flow_attributes : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

layout(constant_id = 0) const uint SG = 8;  // workgroup size = the subgroup size
layout(constant_id = 1) const uint NG = 8;  // groups of SG rows per workgroup
layout(local_size_x_id = 0) in;

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

layout(push_constant) uniform Push {
  uint n_in;          // columns of every matrix and of x (a multiple of CH)
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

layout(push_constant) uniform Push {
  uint n_in;        // columns of W and x (a multiple of CH)
  uint n_rows;      // rows in this block of W
  uint y_offset;    // first row of this block within the whole matrix
  uint accumulate;  // 1: y += W x; 0: y = W x
} p;
#endif

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

#else
#error "define W_F32, W_F16, W_BF16 or W_Q8_0"
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
#define ROW_GROUPS(WBUF, YBUF, N_ROWS, Y_OFF)                                 \
  for (uint g = 0; g < NG; ++g) {                                           \
    const uint rg = row0 + g * SG;                                          \
    if (rg >= N_ROWS) break; /* uniform */                                  \
    float mine = 0.0;                                                       \
    [[unroll]] for (uint r = 0; r < SG; ++r) {                              \
      const uint base = min(rg + r, N_ROWS - 1u) * row_words + cc * CW;     \
      uint wv[CW];                                                          \
      [[unroll]] for (uint k = 0; k < CW; ++k) wv[k] = WBUF[base + k];      \
      const float s = subgroupAdd(valid ? chunk_dot(wv, xr) : 0.0);         \
      if (lane == r) mine = s;                                              \
    }                                                                       \
    if (rg + lane < N_ROWS) {                                               \
      const uint i = Y_OFF + rg + lane;                                     \
      YBUF[i] = add ? YBUF[i] + mine : mine;                                \
    }                                                                       \
  }

// The whole product for the workgroup's rows: tiles of SG chunks; each invocation loads its x chunk once per tile.
// Past the row's end an invocation re-reads the last chunk and contributes zero.
#define TILES(WBUF, YBUF, N_ROWS, Y_OFF, ACCUMULATE)                                  \
  for (uint c0 = 0; c0 < n_chunks; c0 += SG) {                                      \
    const uint c = c0 + lane;                                                       \
    const bool valid = c < n_chunks;                                                \
    const uint cc = min(c, n_chunks - 1u);                                          \
    vec4 xr[CH / 4];                                                                \
    [[unroll]] for (uint k = 0; k < CH / 4; ++k) xr[k] = load_x(cc * (CH / 4) + k); \
    const bool add = c0 > 0u || (ACCUMULATE);                                       \
    ROW_GROUPS(WBUF, YBUF, N_ROWS, Y_OFF)                                           \
  }

void main() {
  const uint lane = gl_SubgroupInvocationID;
  const uint group = gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
  const uint n_chunks = p.n_in / CH;
  const uint row_words = n_chunks * CW;
#ifdef MULTI
  const uint m = uint(group >= p.first_group.y) + uint(group >= p.first_group.z) + uint(group >= p.first_group.w);
  const uint row0 = (group - p.first_group[m]) * (SG * NG);
  if (row0 >= p.n_rows[m]) return;  // uniform across the workgroup (also the groups past the last matrix)
  if (m == 0u) {
    TILES(w0, y0, p.n_rows.x, 0u, false)
  } else if (m == 1u) {
    TILES(w1, y1, p.n_rows.y, 0u, false)
  } else if (m == 2u) {
    TILES(w2, y2, p.n_rows.z, 0u, false)
  } else {
    TILES(w3, y3, p.n_rows.w, 0u, false)
  }
#else
  const uint row0 = group * (SG * NG);
  if (row0 >= p.n_rows) return;  // uniform across the workgroup
  TILES(w_words, y, p.n_rows, p.y_offset, p.accumulate != 0u)
#endif
}
