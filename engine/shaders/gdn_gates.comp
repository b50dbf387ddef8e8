#version 450
// gdn_gates.comp: the per-token, per-v-head gates of the delta rule (qwen35.md §2.4.4):
// beta = sigmoid(b), g = ssm_a * softplus(a + dt_bias) with ssm_a = -exp(A_log) (GGUF form), all f32.

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer BBuf { float b[]; };         // [T, Hv]
layout(binding = 1) readonly buffer ABuf { float a[]; };         // [T, Hv]
layout(binding = 2) readonly buffer DtBuf { float dt_bias[]; };  // [Hv]
layout(binding = 3) readonly buffer SsmABuf { float ssm_a[]; };  // [Hv]
layout(binding = 4) writeonly buffer BetaBuf { float beta[]; };  // [T, Hv]
layout(binding = 5) writeonly buffer GBuf { float g[]; };        // [T, Hv]

layout(push_constant) uniform Push {
  uint n;          // T * Hv
  uint n_v_heads;  // Hv
} p;

// log(1 + y) for y in [0, 1] to full relative precision without log1p: with u = fl(1 + y), log(u) * y / (u - 1)
// corrects the rounding of u (Goldberg, "What every computer scientist should know about floating-point", thm. 4).
float log1p_small(float y) {
  const float u = 1.0 + y;
  return u == 1.0 ? y : log(u) * (y / (u - 1.0));
}

// softplus(x) = log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): no overflow for large x, no cancellation for small.
float softplus(float x) { return max(x, 0.0) + log1p_small(exp(-abs(x))); }

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const uint j = i % p.n_v_heads;
    // For very negative b, exp(-b) overflows to +inf and 1 / inf = 0: the correct limit.
    beta[i] = 1.0 / (1.0 + exp(-b[i]));
    g[i] = ssm_a[j] * softplus(a[i] + dt_bias[j]);
  }
}
