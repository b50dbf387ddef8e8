// matmul_lanes.comp: Y[t, y_offset + n] = sum_k X[t, k] * W[n, k] (prefill) for CPU devices such as lavapipe, where
// every invocation is one SIMD lane, each per-lane memory read is a scalar load, barriers split the workgroup into
// coroutines, and shared memory costs as much as any other memory. So: one subgroup per workgroup, no shared
// memory, no barriers, no reduction: lane l owns TN weight rows (row0 + l + WG_SIZE j) for the TM tokens of the
// workgroup and walks the whole reduction itself, keeping TM x TN sums in f32 registers (spills are cheap stack
// accesses next to per-lane loads). Each loaded weight is reused TM times and each loaded activation TN times; the
// activation addresses are the same in every lane. Same push constants and grid as matvec.comp's register tiles
// (x, y: weight rows in groups of WG_SIZE * TN; z: tokens in groups of TM).
#version 450
#extension GL_EXT_control_flow_attributes : require

layout(constant_id = 0) const uint WG_SIZE = 8;  // lanes (one subgroup)
layout(constant_id = 1) const uint NR = 64;      // weight rows per workgroup: WG_SIZE * TN
layout(constant_id = 2) const uint TM = 8;       // tokens per workgroup
layout(local_size_x_id = 0) in;
const uint TN = NR / WG_SIZE;                    // weight rows per lane

#define W_BINDING 0
#include "weights.glsl"
layout(binding = 1) readonly buffer XBuf { float x[]; };  // [n_tokens, n_in]
layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; }; // [n_tokens, y_stride]

layout(push_constant) uniform Push {
  uint n_in;      // columns of W and X
  uint n_rows;    // rows in this block of W
  uint y_offset;  // first row of this block within the whole matrix
  uint n_tokens;  // rows of X and Y
  uint y_stride;  // elements per row of Y (rows of the whole matrix)
} p;

#include "workgroup.glsl"

void main() {
  const uint row0 = linear_group() * NR;
  const uint t0 = gl_WorkGroupID.z * TM;
  if (row0 >= p.n_rows) return;
  const uint lane = gl_LocalInvocationIndex;

  // Rows and tokens past the end re-read the last one (results not stored) so loads stay in bounds.
  uint rows[TN];
  [[unroll]] for (uint j = 0; j < TN; ++j) rows[j] = min(row0 + lane + WG_SIZE * j, p.n_rows - 1);
  uint tokens[TM];
  [[unroll]] for (uint i = 0; i < TM; ++i) tokens[i] = min(t0 + i, p.n_tokens - 1);

  float acc[TM * TN];
  [[unroll]] for (uint e = 0; e < TM * TN; ++e) acc[e] = 0.0;

  if ((p.n_in & 3u) == 0u) {
    const uint n4 = p.n_in >> 2;
    for (uint k4 = 0; k4 < n4; ++k4) {
      vec4 wv[TN];
      [[unroll]] for (uint j = 0; j < TN; ++j) wv[j] = load_w4(rows[j] * n4 + k4);
      [[unroll]] for (uint i = 0; i < TM; ++i) {
        const vec4 xv = x4[tokens[i] * n4 + k4];
        [[unroll]] for (uint j = 0; j < TN; ++j) {
          acc[i * TN + j] = fma(wv[j].x, xv.x, acc[i * TN + j]);
          acc[i * TN + j] = fma(wv[j].y, xv.y, acc[i * TN + j]);
          acc[i * TN + j] = fma(wv[j].z, xv.z, acc[i * TN + j]);
          acc[i * TN + j] = fma(wv[j].w, xv.w, acc[i * TN + j]);
        }
      }
    }
  } else {
    for (uint k = 0; k < p.n_in; ++k) {
      float wv[TN];
      [[unroll]] for (uint j = 0; j < TN; ++j) wv[j] = load_w(rows[j] * p.n_in + k);
      [[unroll]] for (uint i = 0; i < TM; ++i) {
        const float xv = x[tokens[i] * p.n_in + k];
        [[unroll]] for (uint j = 0; j < TN; ++j) acc[i * TN + j] = fma(wv[j], xv, acc[i * TN + j]);
      }
    }
  }

  [[unroll]] for (uint i = 0; i < TM; ++i) {
    if (t0 + i >= p.n_tokens) break;
    [[unroll]] for (uint j = 0; j < TN; ++j) {
      const uint n = row0 + lane + WG_SIZE * j;
      if (n < p.n_rows) y[(t0 + i) * p.y_stride + p.y_offset + n] = acc[i * TN + j];
    }
  }
}
