#version 450
// gdn_recurrent_lanes.comp: the gated delta rule token by token (qwen35.md §2.4.5) for CPU devices such as
// lavapipe, where every invocation is one SIMD lane, every memory access is a loop over the lanes, shared memory
// costs as much as any other memory and barriers are expensive. One subgroup per workgroup, no shared memory, no
// barriers: lane l owns NC consecutive value columns (c0 + NC l ..) of head j with all DK state rows of each, so the
// DK x NC state lives in registers (spills are vector stack accesses) for the whole batch and is read and written
// once per dispatch. Per token, q and k are read as vec4 at the same address in every lane (DK / 2 vec4 loads
// serve the workgroup's WG_SIZE NC columns), k stays in registers for the update, and with S already decayed by
// alpha = exp(g):
//   m = S^T k, o1 = S^T q, u = beta (v - m), o = (S + k u^T)^T q = o1 + u (k . q), S += k u^T.
// Every loop over rows or columns is unrolled (constant array indices keep arrays in registers), so the only loop
// lavapipe's limiter counts (65,535 iterations per invocation) is the token loop: one iteration per token.

#extension GL_EXT_control_flow_attributes : require

layout(constant_id = 0) const uint DK = 128;     // key head dim, a multiple of 4
layout(constant_id = 1) const uint DV = 128;     // value head dim, a multiple of WG_SIZE * NC
layout(constant_id = 2) const uint NC = 4;       // value columns per lane, a multiple of 4
layout(constant_id = 3) const uint WG_SIZE = 8;  // lanes (one subgroup)
layout(local_size_x_id = 3) in;

layout(binding = 0) readonly buffer QkvBuf { vec4 qkv4[]; };   // [T, row_stride / 4]: q | k | v
layout(binding = 1) readonly buffer GBuf { float g[]; };       // [T, Hv] log decay
layout(binding = 2) readonly buffer BetaBuf { float beta[]; }; // [T, Hv]
layout(binding = 3) buffer StateBuf { vec4 state4[]; };        // [Hv, DK, DV / 4]
layout(binding = 4) writeonly buffer OBuf { vec4 o4[]; };      // [T, o_stride / 4]

layout(push_constant) uniform Push {
  uint n_tokens;
  uint row_stride;  // C = 2 Hk dk + Hv dv (a multiple of 4)
  uint k_offset;    // Hk dk: first k column of a row
  uint v_offset;    // 2 Hk dk: first v column
  uint n_k_heads;
  uint n_v_heads;
  uint tiled;       // 1: v head j uses k head j % Hk (GGUF order); 0: j / (Hv / Hk) (HF order)
  uint o_stride;    // Hv dv
} p;

#include "workgroup.glsl"

const uint NC4 = NC / 4;      // vec4 groups of columns per lane
const uint DK4 = DK / 4;
const uint DV4 = DV / 4;

void main() {
  const uint wg = linear_group();
  const uint groups_per_head = DV / (WG_SIZE * NC);
  const uint j = wg / groups_per_head;
  const uint c4 = (wg % groups_per_head) * (WG_SIZE * NC4) + gl_LocalInvocationIndex * NC4;  // first vec4 column
  const uint kh = p.tiled != 0 ? j % p.n_k_heads : j / (p.n_v_heads / p.n_k_heads);
  const uint s_base = j * DK * DV4 + c4;

  vec4 s[DK * NC4];  // s[i * NC4 + b]: state rows i, columns 4 (c4 + b) ..
  [[unroll]] for (uint i = 0; i < DK; ++i) {
    [[unroll]] for (uint b = 0; b < NC4; ++b) s[i * NC4 + b] = state4[s_base + i * DV4 + b];
  }

  const uint row4 = p.row_stride / 4;
  const uint q4 = (kh * DK) / 4, k4 = (p.k_offset + kh * DK) / 4, v4 = (p.v_offset + j * DV) / 4 + c4;
  for (uint t = 0; t < p.n_tokens; ++t) {
    const uint row = t * row4;
    const float alpha = exp(g[t * p.n_v_heads + j]);
    const float bt = beta[t * p.n_v_heads + j];
    vec4 kr[DK4];
    vec4 m[NC4], o1[NC4];
    [[unroll]] for (uint b = 0; b < NC4; ++b) {
      m[b] = vec4(0.0);
      o1[b] = vec4(0.0);
    }
    float kq = 0.0;
    [[unroll]] for (uint i4 = 0; i4 < DK4; ++i4) {
      const vec4 qv = qkv4[row + q4 + i4];
      const vec4 kv = qkv4[row + k4 + i4];
      kr[i4] = kv;
      kq = fma(kv.x, qv.x, kq);
      kq = fma(kv.y, qv.y, kq);
      kq = fma(kv.z, qv.z, kq);
      kq = fma(kv.w, qv.w, kq);
      [[unroll]] for (uint r = 0; r < 4; ++r) {
        const uint i = 4 * i4 + r;
        [[unroll]] for (uint b = 0; b < NC4; ++b) {
          const vec4 si = s[i * NC4 + b] * alpha;
          s[i * NC4 + b] = si;
          m[b] = fma(si, vec4(kv[r]), m[b]);
          o1[b] = fma(si, vec4(qv[r]), o1[b]);
        }
      }
    }
    [[unroll]] for (uint b = 0; b < NC4; ++b) {
      const vec4 u = bt * (qkv4[row + v4 + b] - m[b]);
      o4[(t * p.o_stride + j * DV) / 4 + c4 + b] = fma(u, vec4(kq), o1[b]);
      [[unroll]] for (uint i4 = 0; i4 < DK4; ++i4) {
        [[unroll]] for (uint r = 0; r < 4; ++r) {
          const uint i = 4 * i4 + r;
          s[i * NC4 + b] = fma(vec4(kr[i4][r]), u, s[i * NC4 + b]);
        }
      }
    }
  }
  [[unroll]] for (uint i = 0; i < DK; ++i) {
    [[unroll]] for (uint b = 0; b < NC4; ++b) state4[s_base + i * DV4 + b] = s[i * NC4 + b];
  }
}
