// gelu.comp: y = gelu(x + bias) elementwise in f32, bias a row repeated every n_bias elements (n_bias 0: no bias).
// GELU_TANH: the tanh approximation of the vision blocks, 0.5 z (1 + tanh(u)) = z / (1 + exp(-2u)),
// u = sqrt(2/pi) (z + 0.044715 z^3) (exp overflow gives the exact limit 0). GELU_ERF: the exact form of the merger,
// z * Phi(z) with Phi from erfc (qwen35.md §7.1, §7.3.5).
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };
layout(binding = 1) readonly buffer BBuf { float bias[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; };  // may alias x

layout(push_constant) uniform Push {
  uint n;       // elements of x and y
  uint n_bias;  // elements of bias, dividing n; 0: no bias (binding 1 is not read)
} p;

#if defined(GELU_ERF)
// erfc(z) for z >= 0 with fractional error below 1.2e-7 everywhere (the Chebyshev-fitted form of Press et al.,
// Numerical Recipes §6.2), so Phi keeps full relative precision in the far negative tail where 1 + erf cancels.
float erfc_pos(float z) {
  const float t = 1.0 / (1.0 + 0.5 * z);
  const float poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                     t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * exp(-z * z + poly);
}
float gelu(float z) {
  const float e = 0.5 * erfc_pos(abs(z) * 0.70710678118654752);  // Phi(-|z|)
  return z * (z >= 0.0 ? 1.0 - e : e);
}
#elif defined(GELU_TANH)
float gelu(float z) {
  const float u = 0.7978845608028654 * (z + 0.044715 * z * z * z);
  return z / (1.0 + exp(-2.0 * u));
}
#else
#error "define GELU_TANH or GELU_ERF"
#endif

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float z = p.n_bias == 0u ? x[i] : x[i] + bias[i % p.n_bias];
    y[i] = gelu(z);
  }
}
