// attn_reduce.glsl: workgroup-wide maxima and sums of RED_N values per invocation (the per-row statistics of the
// online softmax in attn_flash.comp). Like reduce.glsl, but with max as well: declare WG_SIZE (a power of two) and
// #define RED_N before including; every invocation fills red_val[0 .. RED_N) and calls red_max() or red_sum() from
// uniform control flow; afterwards red_val holds the workgroup results in every invocation. USE_SUBGROUP reduces
// with subgroup arithmetic (one barrier), otherwise with a shared-memory tree (log2(WG_SIZE) barriers). red_buf may
// be written again only after another barrier.
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif

shared float red_buf[RED_N * WG_SIZE];
float red_val[RED_N];

void red_reduce(bool take_max) {
  const uint tid = gl_LocalInvocationIndex;
#ifdef USE_SUBGROUP
  for (uint r = 0; r < RED_N; ++r) {
    const float s = take_max ? subgroupMax(red_val[r]) : subgroupAdd(red_val[r]);
    if (subgroupElect()) red_buf[r * WG_SIZE + gl_SubgroupID] = s;
  }
  barrier();
  for (uint r = 0; r < RED_N; ++r) {
    float s = red_buf[r * WG_SIZE];
    for (uint i = 1; i < gl_NumSubgroups; ++i) {
      const float v = red_buf[r * WG_SIZE + i];
      s = take_max ? max(s, v) : s + v;
    }
    red_val[r] = s;
  }
#else
  for (uint r = 0; r < RED_N; ++r) red_buf[r * WG_SIZE + tid] = red_val[r];
  barrier();
  for (uint stride = WG_SIZE / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      for (uint r = 0; r < RED_N; ++r) {
        const float a = red_buf[r * WG_SIZE + tid], b = red_buf[r * WG_SIZE + tid + stride];
        red_buf[r * WG_SIZE + tid] = take_max ? max(a, b) : a + b;
      }
    }
    barrier();
  }
  for (uint r = 0; r < RED_N; ++r) red_val[r] = red_buf[r * WG_SIZE];
#endif
}

void red_max() { red_reduce(true); }
void red_sum() { red_reduce(false); }
