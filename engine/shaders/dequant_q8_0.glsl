// dequant_q8_0.glsl: Q8_0 blocks for dequant.glsl: 34 bytes, an f16 scale d then 32 int8 quants in element order,
// x = d * q (BlockQ8_0 in core/quant.h). Blocks start on even bytes only.
const uint QK = 32u;
const uint QB = 34u;

vec4 dequant4(uint ib, uint e) {
  const uint base = ib * QB;
  const float d = half_to_float(q_u16(base));
  precise vec4 y = d * vec4(q_i8x4(q_u32(base + 2u + e)));  // ggml: y = qs[j] * d
  return y;
}

#ifdef DEQUANT_MATVEC
// A unit is 8 consecutive elements (a quarter block), so 4 invocations share a block and a subgroup reads a run of
// consecutive blocks. Its product with x is d * sum(q * x).
const uint MV_UNITS = 4u;
struct WUnit {
  vec4 q0, q1;  // quants as floats (exact)
  float d;
};
struct XUnit {
  vec4 a, b;
};

WUnit mv_weights(uint ib, uint unit) {
  const uint base = ib * QB;
  const uvec2 w = q_u64(base + 2u + 8u * unit);
  return WUnit(vec4(q_i8x4(w.x)), vec4(q_i8x4(w.y)), half_to_float(q_u16(base)));
}

XUnit mv_x(uint v0, uint unit) {  // v0: vec4 index of the block's first activation
  const uint v = v0 + 2u * unit;
  return XUnit(x4[v], x4[v + 1u]);
}

float mv_dot(WUnit w, XUnit x) { return w.d * (dot(w.q0, x.a) + dot(w.q1, x.b)); }
#endif
