// bandwidth_read.comp: reads a buffer once as 16-byte vectors and writes one xor-sum per workgroup, so nothing can
// be optimised away; `lectern-cli bench --bandwidth` times it to measure how fast shaders stream device memory.
#version 450

layout(constant_id = 0) const uint WG_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer Src { uvec4 src[]; };
layout(binding = 1) writeonly buffer Dst { uint dst[]; };

layout(push_constant) uniform Push {
  uint n_vec4;       // 16-byte vectors in src
  uint vec4_per_wg;  // contiguous vectors each workgroup reads
} p;

shared uint partial[WG_SIZE];

void main() {
  const uint begin = gl_WorkGroupID.x * p.vec4_per_wg;
  const uint end = min(begin + p.vec4_per_wg, p.n_vec4);
  uvec4 acc = uvec4(0);
  for (uint i = begin + gl_LocalInvocationID.x; i < end; i += WG_SIZE) acc ^= src[i];
  partial[gl_LocalInvocationID.x] = acc.x ^ acc.y ^ acc.z ^ acc.w;
  barrier();
  if (gl_LocalInvocationID.x == 0) {
    uint sum = 0;
    for (uint j = 0; j < WG_SIZE; ++j) sum ^= partial[j];
    dst[gl_WorkGroupID.x] = sum;
  }
}
