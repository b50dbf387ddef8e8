#version 450
// matvec_q.comp: Y[t, y_offset + r] = sum_i W[r, i] * X[t, i] for quantised weights (Q8_0, Q4_K, Q5_K, Q6_K;
// dequant.glsl), NR consecutive weight rows and NT consecutive tokens per workgroup, over the rows of one weight row
// block. Same interface, grid and register tiling as matvec.comp: NT = 1 is the decode kernel, NT > 1 the
// register-tiled product. A row is split into work units (a quarter Q8_0 block, a sixteenth of a K-quant
// super-block) that the invocations stride over, so a subgroup reads consecutive words of a row; each unit is
// decoded once per row and reused for all NT tokens, its activations loaded once per token and reused for all NR
// rows. Activations stay f32 (no 8-bit activation quantisation) and sums are f32; the workgroup then reduces the
// NT x NR partial sums (subgroup arithmetic, or shared memory without it).

layout(constant_id = 0) const uint WG_SIZE = 64;  // a power of two
layout(constant_id = 1) const uint NR = 2;        // weight rows per workgroup
layout(constant_id = 2) const uint NT = 1;        // tokens per workgroup
layout(local_size_x_id = 0) in;
#extension GL_EXT_control_flow_attributes : require

layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };  // [n_tokens, n_in / 4]
layout(binding = 2) writeonly buffer YBuf { float y[]; };  // [n_tokens, y_stride]
#define W_BINDING 0
#define DEQUANT_MATVEC
#include "dequant.glsl"

// The same push constants as matvec.comp (ops/matmul.cpp drives both).
layout(push_constant) uniform Push {
  uint n_in;      // columns of W (a multiple of QK) and X
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
  const uint n_blocks = p.n_in / QK;  // blocks per row
  const uint n4 = p.n_in >> 2;
  uint blocks[NR];  // first block of each row
  [[unroll]] for (uint r = 0; r < NR; ++r) blocks[r] = min(row0 + r, p.n_rows - 1) * n_blocks;
  uint xs[NT];  // first vec4 of each token's activations
  [[unroll]] for (uint t = 0; t < NT; ++t) xs[t] = min(t0 + t, p.n_tokens - 1) * n4;

  const uint n_units = n_blocks * MV_UNITS;
  for (uint u = tid; u < n_units; u += WG_SIZE) {
    const uint b = u / MV_UNITS;
    const uint unit = u % MV_UNITS;
    WUnit w[NR];
    [[unroll]] for (uint r = 0; r < NR; ++r) w[r] = mv_weights(blocks[r] + b, unit);
    [[unroll]] for (uint t = 0; t < NT; ++t) {
      const XUnit xu = mv_x(xs[t] + b * (QK / 4u), unit);
      [[unroll]] for (uint r = 0; r < NR; ++r) red_val[t * NR + r] += mv_dot(w[r], xu);
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
