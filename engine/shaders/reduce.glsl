// reduce.glsl: workgroup-wide sums with f32 accumulation. Before including: declare the specialisation constant
// WG_SIZE (the workgroup size, a power of two) and #define RED_N (sums per invocation). Every invocation fills
// red_val[0 .. RED_N) and calls reduce_sums() from uniform control flow; afterwards red_val holds the workgroup
// totals in every invocation. USE_SUBGROUP selects subgroup arithmetic (one barrier), otherwise a shared-memory
// tree (log2(WG_SIZE) barriers) for devices without it. red_buf may be reused only after another barrier().
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif

shared float red_buf[RED_N * WG_SIZE];
float red_val[RED_N];

void reduce_sums() {
  const uint tid = gl_LocalInvocationIndex;
#ifdef USE_SUBGROUP
  for (uint r = 0; r < RED_N; ++r) {
    const float s = subgroupAdd(red_val[r]);
    if (subgroupElect()) red_buf[r * WG_SIZE + gl_SubgroupID] = s;
  }
  barrier();
  // Each invocation adds the few per-subgroup partials itself, which saves a second barrier.
  for (uint r = 0; r < RED_N; ++r) {
    float s = 0.0;
    for (uint i = 0; i < gl_NumSubgroups; ++i) s += red_buf[r * WG_SIZE + i];
    red_val[r] = s;
  }
#else
  for (uint r = 0; r < RED_N; ++r) red_buf[r * WG_SIZE + tid] = red_val[r];
  barrier();
  for (uint stride = WG_SIZE / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      for (uint r = 0; r < RED_N; ++r) red_buf[r * WG_SIZE + tid] += red_buf[r * WG_SIZE + tid + stride];
    }
    barrier();
  }
  for (uint r = 0; r < RED_N; ++r) red_val[r] = red_buf[r * WG_SIZE];
#endif
}
