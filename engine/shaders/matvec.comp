// matvec.comp: Y[t, y_offset + r] = sum_i W[r, i] * X[t, i] for NR consecutive weight rows and NT consecutive
// tokens per workgroup, over the rows of one weight row block. With NT = 1 it is the decode kernel (y = W x); with
// NT > 1 a register-tiled product for devices where shared-memory tiles and barriers are expensive (lavapipe).
// Invocations stride along the row (consecutive invocations read consecutive 16-byte groups, so loads coalesce),
// each keeping NT x NR partial sums in f32 and reusing every loaded weight NT times and every x value NR times; the
// workgroup then reduces them (subgroup arithmetic, or shared memory without it).
#version 450

layout(constant_id = 0) const uint WG_SIZE = 64;  // a power of two
layout(constant_id = 1) const uint NR = 2;        // weight rows per workgroup
layout(constant_id = 2) const uint NT = 1;        // tokens per workgroup
layout(local_size_x_id = 0) in;
#extension GL_EXT_control_flow_attributes : require

#define W_BINDING 0
#include "weights.glsl"
layout(binding = 1) readonly buffer XBuf { float x[]; };  // [n_tokens, n_in]
layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; }; // [n_tokens, y_stride]

// The first three fields are shared with matvec_q.comp (decode only), so one host path drives both.
layout(push_constant) uniform Push {
  uint n_in;      // columns of W and X
  uint n_rows;    // rows in this block of W
  uint y_offset;  // first row of this block within the whole matrix
  uint n_tokens;  // rows of X and Y
  uint y_stride;  // elements per row of Y (rows of the whole matrix)
} p;

#define RED_N (NT * NR)
#include "reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint row0 = linear_group() * NR;  // x and y of the grid: weight rows (may exceed 65535 groups)
  const uint t0 = gl_WorkGroupID.z * NT;  // z: tokens
  if (row0 >= p.n_rows) return;           // uniform across the workgroup
  const uint tid = gl_LocalInvocationIndex;
  [[unroll]] for (uint k = 0; k < RED_N; ++k) red_val[k] = 0.0;

  // Rows and tokens past the end re-read the last one (results not stored) so loads stay in bounds.
  uint rows[NR];
  [[unroll]] for (uint r = 0; r < NR; ++r) rows[r] = min(row0 + r, p.n_rows - 1);
  uint tokens[NT];
  [[unroll]] for (uint t = 0; t < NT; ++t) tokens[t] = min(t0 + t, p.n_tokens - 1);

  if ((p.n_in & 3u) == 0u) {
    // Rows start on 4-element boundaries: vector loads.
    const uint n4 = p.n_in >> 2;
    for (uint i = tid; i < n4; i += WG_SIZE) {
      vec4 wv[NR];
      [[unroll]] for (uint r = 0; r < NR; ++r) wv[r] = load_w4(rows[r] * n4 + i);
      [[unroll]] for (uint t = 0; t < NT; ++t) {
        const vec4 xv = x4[tokens[t] * n4 + i];
        [[unroll]] for (uint r = 0; r < NR; ++r) red_val[t * NR + r] += dot(wv[r], xv);
      }
    }
  } else {
    for (uint i = tid; i < p.n_in; i += WG_SIZE) {
      float wv[NR];
      [[unroll]] for (uint r = 0; r < NR; ++r) wv[r] = load_w(rows[r] * p.n_in + i);
      [[unroll]] for (uint t = 0; t < NT; ++t) {
        const float xv = x[tokens[t] * p.n_in + i];
        [[unroll]] for (uint r = 0; r < NR; ++r) red_val[t * NR + r] = fma(wv[r], xv, red_val[t * NR + r]);
      }
    }
  }

  reduce_sums();
  if (tid == 0) {
    [[unroll]] for (uint t = 0; t < NT; ++t) {
      if (t0 + t >= p.n_tokens) break;
      [[unroll]] for (uint r = 0; r < NR; ++r) {
        if (row0 + r < p.n_rows) y[(t0 + t) * p.y_stride + p.y_offset + row0 + r] = red_val[t * NR + r];
      }
    }
  }
}
