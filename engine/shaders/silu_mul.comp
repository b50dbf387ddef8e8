// silu_mul.comp: y = silu(a) * b = a / (1 + exp(-a)) * b elementwise in f32 (the SwiGLU feed-forward gate).
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer ABuf { float a[]; };
layout(binding = 1) readonly buffer BBuf { float b[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; };

layout(push_constant) uniform Push {
  uint n;
} p;

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float v = a[i];
    // For very negative v, exp(-v) overflows to +inf and v / inf = -0: the correct limit.
    y[i] = v / (1.0 + exp(-v)) * b[i];
  }
}
