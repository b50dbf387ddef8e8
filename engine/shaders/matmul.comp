// matmul.comp: Y[t, y_offset + n] = sum_k X[t, k] * W[n, k] for the rows n of one weight row block (prefill).
// Tiled: each workgroup computes a BM (tokens) x BN (weight rows) tile of Y; per step it stages a BK-deep slice of
// X and W in shared memory (W converted to f32 on the way), and each invocation accumulates TM x TN outputs in f32
// registers. Invocation (tx, ty) owns tokens ty + i*(BM/TM) and rows tx + j*(BN/TN): strided ownership keeps
// shared-memory reads conflict-free and makes consecutive invocations store consecutive outputs.
#version 450

layout(constant_id = 0) const uint BM = 64;        // tokens per tile
layout(constant_id = 1) const uint BN = 64;        // weight rows (outputs) per tile
layout(constant_id = 2) const uint BK = 16;        // reduction depth per step; a multiple of 4
layout(constant_id = 3) const uint TM = 4;         // tokens per invocation
layout(constant_id = 4) const uint TN = 4;         // outputs per invocation
layout(constant_id = 5) const uint WG_SIZE = 256;  // (BM / TM) * (BN / TN)
layout(local_size_x_id = 5) in;

#define W_BINDING 0
#include "weights.glsl"
layout(binding = 1) readonly buffer XBuf { float x[]; };  // [n_tokens, n_in]
layout(binding = 1) readonly buffer XBuf4 { vec4 x4[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; }; // [n_tokens, y_stride]

layout(push_constant) uniform Push {
  uint n_in;      // reduction length (columns of X and W)
  uint n_tokens;  // rows of X and Y
  uint n_rows;    // rows in this block of W
  uint y_stride;  // elements per row of Y (rows of the whole matrix)
  uint y_offset;  // first row of this block within the whole matrix
} p;

// k-major tiles; the +1 column of padding spreads the transposing stores over shared-memory banks.
shared float xs[BK * (BM + 1)];
shared float ws[BK * (BN + 1)];

void main() {
  const uint tid = gl_LocalInvocationIndex;
  const uint tx = tid % (BN / TN);
  const uint ty = tid / (BN / TN);
  const uint n0 = gl_WorkGroupID.x * BN;
  const uint t0 = gl_WorkGroupID.y * BM;
  const bool aligned = (p.n_in & 3u) == 0u;

  float acc[TM * TN];
  for (uint i = 0; i < TM * TN; ++i) acc[i] = 0.0;

  for (uint k0 = 0; k0 < p.n_in; k0 += BK) {
    // Stage X[t0 .. t0+BM, k0 .. k0+BK) as groups of 4 along k, zero-filled outside the matrix.
    for (uint l = tid; l < BM * BK / 4; l += WG_SIZE) {
      const uint r = l / (BK / 4);
      const uint c = (l % (BK / 4)) * 4;
      const uint t = t0 + r;
      const uint k = k0 + c;
      vec4 v = vec4(0.0);
      if (t < p.n_tokens) {
        if (aligned) {
          if (k < p.n_in) v = x4[(t * p.n_in + k) >> 2];  // n_in % 4 == 0: all four are inside
        } else {
          for (uint q = 0; q < 4; ++q) {
            if (k + q < p.n_in) v[q] = x[t * p.n_in + k + q];
          }
        }
      }
      for (uint q = 0; q < 4; ++q) xs[(c + q) * (BM + 1) + r] = v[q];
    }
    // Stage W[n0 .. n0+BN, k0 .. k0+BK) the same way.
    for (uint l = tid; l < BN * BK / 4; l += WG_SIZE) {
      const uint r = l / (BK / 4);
      const uint c = (l % (BK / 4)) * 4;
      const uint n = n0 + r;
      const uint k = k0 + c;
      vec4 v = vec4(0.0);
      if (n < p.n_rows) {
        if (aligned) {
          if (k < p.n_in) v = load_w4((n * p.n_in + k) >> 2);
        } else {
          for (uint q = 0; q < 4; ++q) {
            if (k + q < p.n_in) v[q] = load_w(n * p.n_in + k + q);
          }
        }
      }
      for (uint q = 0; q < 4; ++q) ws[(c + q) * (BN + 1) + r] = v[q];
    }
    barrier();

    for (uint kk = 0; kk < BK; ++kk) {
      float a[TM];
      float b[TN];
      for (uint i = 0; i < TM; ++i) a[i] = xs[kk * (BM + 1) + ty + i * (BM / TM)];
      for (uint j = 0; j < TN; ++j) b[j] = ws[kk * (BN + 1) + tx + j * (BN / TN)];
      for (uint i = 0; i < TM; ++i) {
        for (uint j = 0; j < TN; ++j) acc[i * TN + j] = fma(a[i], b[j], acc[i * TN + j]);
      }
    }
    barrier();  // the next step overwrites the tiles
  }

  for (uint i = 0; i < TM; ++i) {
    const uint t = t0 + ty + i * (BM / TM);
    if (t >= p.n_tokens) continue;
    for (uint j = 0; j < TN; ++j) {
      const uint n = n0 + tx + j * (BN / TN);
      if (n < p.n_rows) y[t * p.y_stride + p.y_offset + n] = acc[i * TN + j];
    }
  }
}
