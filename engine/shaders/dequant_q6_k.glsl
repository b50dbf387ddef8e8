// dequant_q6_k.glsl: Q6_K super-blocks for dequant.glsl: 210 bytes (so blocks start on even bytes only), 256
// elements in 16 sub-blocks of 16, x = (d * sc[j]) * (q - 32) with 6-bit q (BlockQ6_K in core/quant.h): ql[128] at
// byte 0, qh[64] at 128, int8 scales[16] at 192, f16 d at 208. Half h (elements 128h ..) uses ql[64h ..],
// qh[32h ..] and scales[8h ..]; in it, for l < 32, quadrant k (element 32k + l) takes its low 4 bits from
// ql[l + 32 * (k & 1)] (low nibble for k < 2, high nibble otherwise), its top 2 bits from bits 2k, 2k + 1 of qh[l],
// and its scale from scales[l / 16 + 2k].
const uint QK = 256u;
const uint QB = 210u;

vec4 dequant4(uint ib, uint e) {
  const uint base = ib * QB;
  const uint h = e >> 7;
  const uint k = (e >> 5) & 3u;
  const uint l = e & 31u;
  const uvec4 lo = q_nib4(q_u32(base + 64u * h + 32u * (k & 1u) + l), 4u * (k >> 1));
  const uvec4 hi = (uvec4(q_u32(base + 128u + 32u * h + l)) >> (k_byte_shift + 2u * k)) & 3u;
  const int sc = int(q_u8(base + 192u + 8u * h + (l >> 4) + 2u * k) << 24) >> 24;
  // ggml: y = d * sc * q, i.e. (d * sc) * q
  precise float ds = half_to_float(q_u16(base + 208u)) * float(sc);
  precise vec4 y = ds * vec4(ivec4(lo | (hi << 4)) - 32);
  return y;
}

#ifdef DEQUANT_MATVEC
// A unit is 16 elements: 4 consecutive l (l0 = 4 * (unit % 8)) in each quadrant of half h = unit / 8, which is one
// 4-byte run of ql in each of its two 32-byte rows and one of qh; all four share the scale index l0 / 16. Its
// product with x is sum_k (d * sc_k) * sum((q - 32) * x) over the quadrants k.
const uint MV_UNITS = 16u;
struct WUnit {
  vec4 q0, q1, q2, q3;  // q - 32 of quadrants 0 .. 3 as floats (exact)
  vec4 ds;              // d * sc of each quadrant, as ggml rounds it
};
struct XUnit {
  vec4 q0, q1, q2, q3;  // activations of quadrants 0 .. 3
};

WUnit mv_weights(uint ib, uint unit) {
  const uint base = ib * QB;
  const uint h = unit >> 3;
  const uint l = 4u * (unit & 7u);
  const uint qa = q_u32(base + 64u * h + l);
  const uint qb = q_u32(base + 64u * h + 32u + l);
  const uvec4 qh = uvec4(q_u32(base + 128u + 32u * h + l));
  // scales[8h + l/16 + 2k], k = 0..3: bytes l/16 and l/16 + 2 of each word of scales[8h .. 8h + 8].
  const uvec2 sw = q_u64(base + 192u + 8u * h);
  const uint is = l >> 4;
  const ivec4 s0 = q_i8x4(sw.x), s1 = q_i8x4(sw.y);
  const float d = half_to_float(q_u16(base + 208u));
  WUnit w;
  w.q0 = vec4(ivec4(q_nib4(qa, 0u) | (((qh >> k_byte_shift) & 3u) << 4)) - 32);
  w.q1 = vec4(ivec4(q_nib4(qb, 0u) | (((qh >> (k_byte_shift + 2u)) & 3u) << 4)) - 32);
  w.q2 = vec4(ivec4(q_nib4(qa, 4u) | (((qh >> (k_byte_shift + 4u)) & 3u) << 4)) - 32);
  w.q3 = vec4(ivec4(q_nib4(qb, 4u) | (((qh >> (k_byte_shift + 6u)) & 3u) << 4)) - 32);
  w.ds = d * vec4(s0[is], s0[is + 2u], s1[is], s1[is + 2u]);
  return w;
}

XUnit mv_x(uint v0, uint unit) {  // v0: vec4 index of the super-block's first activation
  const uint v = v0 + 32u * (unit >> 3) + (unit & 7u);
  return XUnit(x4[v], x4[v + 8u], x4[v + 16u], x4[v + 24u]);
}

float mv_dot(WUnit w, XUnit x) {
  return dot(w.ds, vec4(dot(w.q0, x.q0), dot(w.q1, x.q1), dot(w.q2, x.q2), dot(w.q3, x.q3)));
}
#endif
