#version 450
// gdn_step.comp: one decode token of a Gated DeltaNet layer after the conv (qwen35.md §2.4.3-§2.4.5 and the gated
// norm of §2.2 item 2) in one dispatch, for CPU devices (lavapipe) with 8-wide subgroups and dk = dv = 128: the q/k
// L2 norms, the gates, the delta-rule step and the gated RMSNorm, which take four dispatches (gdn_l2_norm,
// gdn_gates, gdn_recurrent, gdn_gated_norm) otherwise. One workgroup (one subgroup) per v head j. Invocation l owns
// state rows i = l + 8 m (m < 16) and keeps its q and k entries in registers; for each value column c it loads its
// 16 state entries S[i][c] (the only per-column loads; shared-memory reads cost as much as buffer reads on lavapipe,
// so there are none), and subgroup sums give
//   S <- alpha S,  m_c = S^T k,  o1_c = S^T q,  u_c = beta (v_c - m_c),  S[i][c] += k_i u_c,
//   o_c = o1_c + u_c (k . q)  (= (S + k u^T)^T q)
// with alpha = exp(g), g = ssm_a softplus(a + dt_bias), beta = sigmoid(b). Invocation c % 8 writes o_c; the sum of
// o_c^2 is kept on the way, so the gated norm y_c = o_c / sqrt(mean(o^2) + eps) w_c silu(z_c) then rereads only
// what the same invocation wrote. f32 throughout.
#extension GL_EXT_control_flow_attributes : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require

#define SG 8u
#define DK 128u
#define DV 128u
#define RPL (DK / SG)  // state rows per invocation
layout(local_size_x = 8) in;

layout(binding = 0) readonly buffer QkvBuf { float qkv[]; };    // [C] conv output: q | k | v (not yet L2-normed)
layout(binding = 1) readonly buffer BBuf { float b[]; };        // [Hv]
layout(binding = 2) readonly buffer ABuf { float a[]; };        // [Hv]
layout(binding = 3) readonly buffer DtBuf { float dt_bias[]; }; // [Hv]
layout(binding = 4) readonly buffer SsmABuf { float ssm_a[]; }; // [Hv] = -exp(A_log)
layout(binding = 5) buffer StateBuf { float state[]; };         // [Hv, DK, DV]
layout(binding = 6) readonly buffer ZBuf { float z[]; };        // [Hv DV] gate projection
layout(binding = 7) readonly buffer NormBuf { float norm_w[]; };// [DV]
layout(binding = 8) buffer OBuf { float o[]; };                 // [Hv DV] output

layout(push_constant) uniform Push {
  uint k_offset;   // Hk dk: first k column
  uint v_offset;   // 2 Hk dk: first v column
  uint n_k_heads;  // Hk
  uint n_v_heads;  // Hv
  uint tiled;      // 1: v head j uses k head j % Hk (GGUF order); 0: j / (Hv / Hk) (HF order)
  float q_scale;   // 1 / sqrt(dk)
  float l2_eps;    // 1e-6, inside the square root of the q/k norms
  float norm_eps;  // the model's RMSNorm epsilon
} p;

// log(1 + y) for y in [0, 1] to full relative precision (as gdn_gates.comp).
float log1p_small(float y) {
  const float u = 1.0 + y;
  return u == 1.0 ? y : log(u) * (y / (u - 1.0));
}
float softplus(float x) { return max(x, 0.0) + log1p_small(exp(-abs(x))); }

void main() {
  const uint j = gl_WorkGroupID.x;
  const uint lane = gl_SubgroupInvocationID;
  const uint kh = p.tiled != 0u ? j % p.n_k_heads : j / (p.n_v_heads / p.n_k_heads);

  float q[RPL], k[RPL];
  float sq = 0.0, sk = 0.0;
  [[unroll]] for (uint m = 0; m < RPL; ++m) {
    const uint i = lane + SG * m;
    q[m] = qkv[kh * DK + i];
    k[m] = qkv[p.k_offset + kh * DK + i];
    sq = fma(q[m], q[m], sq);
    sk = fma(k[m], k[m], sk);
  }
  const float q_norm = p.q_scale / sqrt(subgroupAdd(sq) + p.l2_eps);
  const float k_norm = 1.0 / sqrt(subgroupAdd(sk) + p.l2_eps);
  float kq = 0.0;
  [[unroll]] for (uint m = 0; m < RPL; ++m) {
    q[m] *= q_norm;
    k[m] *= k_norm;
    kq = fma(k[m], q[m], kq);
  }
  kq = subgroupAdd(kq);

  // For very negative b, exp(-b) overflows to +inf and 1 / inf = 0: the correct limit.
  const float beta = 1.0 / (1.0 + exp(-b[j]));
  const float alpha = exp(ssm_a[j] * softplus(a[j] + dt_bias[j]));

  const uint s_base = j * DK * DV + lane * DV;  // S[lane][0]
  const uint o_base = j * DV;
  float ss = 0.0;
  for (uint c = 0; c < DV; ++c) {
    float s[RPL];
    float pm = 0.0, po = 0.0;
    [[unroll]] for (uint m = 0; m < RPL; ++m) {
      s[m] = state[s_base + SG * m * DV + c] * alpha;
      pm = fma(s[m], k[m], pm);
      po = fma(s[m], q[m], po);
    }
    pm = subgroupAdd(pm);
    po = subgroupAdd(po);
    const float u = beta * (qkv[p.v_offset + o_base + c] - pm);
    [[unroll]] for (uint m = 0; m < RPL; ++m) state[s_base + SG * m * DV + c] = fma(k[m], u, s[m]);
    const float oc = fma(u, kq, po);
    ss = fma(oc, oc, ss);
    if (lane == (c % SG)) o[o_base + c] = oc;
  }

  const float scale = inversesqrt(ss / float(DV) + p.norm_eps);
  [[unroll]] for (uint m = 0; m < DV / SG; ++m) {
    const uint c = lane + SG * m;  // written above by this invocation
    const float zi = z[o_base + c];
    // silu(z) = z / (1 + exp(-z)); for very negative z the quotient is -0, the correct limit.
    o[o_base + c] = o[o_base + c] * scale * norm_w[c] * (zi / (1.0 + exp(-zi)));
  }
}
