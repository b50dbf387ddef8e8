// dequant_q4_k.glsl: Q4_K (144 bytes) and Q5_K (176 bytes, W_Q5_K) super-blocks for dequant.glsl: 256 elements in 8
// sub-blocks of 32, x = (d * sc[j]) * q - (dmin * m[j]) with 6-bit sub-block scales/mins (BlockQ4_K / BlockQ5_K in
// core/quant.h). Both sizes are multiples of 4, so blocks are word-aligned: word 0 holds d (low half) and dmin,
// words 1-3 the packed scales; Q4_K has the quants qs in words 4-35, Q5_K the fifth bits qh in words 4-11 and qs in
// words 12-43. Element 64c + l (l < 32) is the low nibble of qs[32c + l] (sub-block 2c), element 64c + 32 + l its
// high nibble (sub-block 2c + 1); Q5_K adds bit 2c resp. 2c + 1 of qh[l] as 16.
const uint QK = 256u;
#ifdef W_Q5_K
const uint QB = 176u;
const uint QS_WORD = 12u;
#else
const uint QB = 144u;
const uint QS_WORD = 4u;
#endif
const uint QH_WORD = 4u;

uint k_scale_byte(uvec3 s, uint k) { return (s[k >> 2] >> (8u * (k & 3u))) & 0xffu; }

// Sub-block j's 6-bit (scale, min): unpack_k_scale_min in core/quant.h.
uvec2 k_scale_min(uvec3 s, uint j) {
  if (j < 4u) return uvec2(k_scale_byte(s, j) & 63u, k_scale_byte(s, j + 4u) & 63u);
  const uint b = k_scale_byte(s, j + 4u);
  return uvec2((b & 0xfu) | ((k_scale_byte(s, j - 4u) >> 6) << 4), (b >> 4) | ((k_scale_byte(s, j) >> 6) << 4));
}

uvec3 k_scales(uint wb) { return uvec3(q_words[wb + 1u], q_words[wb + 2u], q_words[wb + 3u]); }

#ifdef W_Q5_K
// The fifth bit of four consecutive elements (bit s of each qh byte), as 16 or 0.
uvec4 k_bit5(uint w, uint s) { return ((uvec4(w) >> (k_byte_shift + s)) & 1u) << 4; }
#endif

vec4 dequant4(uint ib, uint e) {
  const uint wb = ib * (QB / 4u);
  const uint c = e >> 6;          // 64-element chunk
  const uint hi = (e >> 5) & 1u;  // 0: low nibbles (sub-block 2c); 1: high nibbles (2c + 1)
  const uint l = e & 31u;
  const uint dm = q_words[wb];
  const uvec2 sm = k_scale_min(k_scales(wb), 2u * c + hi);
  uvec4 q = q_nib4(q_words[wb + QS_WORD + 8u * c + (l >> 2)], 4u * hi);
#ifdef W_Q5_K
  q += k_bit5(q_words[wb + QH_WORD + (l >> 2)], 2u * c + hi);
#endif
  // ggml: d1 = d * sc; m1 = min * m; y = d1 * q - m1 (two roundings, not one fma)
  precise float d1 = half_to_float(dm & 0xffffu) * float(sm.x);
  precise float m1 = half_to_float(dm >> 16) * float(sm.y);
  precise vec4 y = d1 * vec4(q) - m1;
  return y;
}

#ifdef DEQUANT_MATVEC
// A unit is 16 elements: the 8 low-nibble elements 64c + l0 .. +8 and the 8 high-nibble elements 32 further on, i.e.
// one 8-byte run of quants (c = unit / 4, l0 = 8 * (unit % 4)); the 16 units of a super-block read its quants as
// consecutive words. Its product with x is, per sub-block, (d * sc) * sum(q * x) - (dmin * m) * sum(x): exact
// algebra on ggml's x = (d * sc) * q - dmin * m, with the activation sums shared by every row.
const uint MV_UNITS = 16u;
struct WUnit {
  vec4 lo0, lo1, hi0, hi1;  // quants as floats (exact)
  vec4 c;                   // d * sc and dmin * m of the low sub-block, then of the high one
};
struct XUnit {
  vec4 lo0, lo1, hi0, hi1;
  float sum_lo, sum_hi;
};

WUnit mv_weights(uint ib, uint unit) {
  const uint wb = ib * (QB / 4u);
  const uint c = unit >> 2;
  const uint lw = 2u * (unit & 3u);  // first word of the run within the chunk's 32 quant bytes
  const uint dm = q_words[wb];
  const uvec3 s = k_scales(wb);
  const uvec2 sm_lo = k_scale_min(s, 2u * c);
  const uvec2 sm_hi = k_scale_min(s, 2u * c + 1u);
  const uint qa = q_words[wb + QS_WORD + 8u * c + lw];
  const uint qb = q_words[wb + QS_WORD + 8u * c + lw + 1u];
  uvec4 lo0 = q_nib4(qa, 0u), lo1 = q_nib4(qb, 0u), hi0 = q_nib4(qa, 4u), hi1 = q_nib4(qb, 4u);
#ifdef W_Q5_K
  const uint ha = q_words[wb + QH_WORD + lw];
  const uint hb = q_words[wb + QH_WORD + lw + 1u];
  lo0 += k_bit5(ha, 2u * c);
  lo1 += k_bit5(hb, 2u * c);
  hi0 += k_bit5(ha, 2u * c + 1u);
  hi1 += k_bit5(hb, 2u * c + 1u);
#endif
  const float d = half_to_float(dm & 0xffffu);
  const float dmin = half_to_float(dm >> 16);
  return WUnit(vec4(lo0), vec4(lo1), vec4(hi0), vec4(hi1),
               vec4(d * float(sm_lo.x), dmin * float(sm_lo.y), d * float(sm_hi.x), dmin * float(sm_hi.y)));
}

XUnit mv_x(uint v0, uint unit) {  // v0: vec4 index of the super-block's first activation
  const uint v = v0 + 16u * (unit >> 2) + 2u * (unit & 3u);
  XUnit x;
  x.lo0 = x4[v];
  x.lo1 = x4[v + 1u];
  x.hi0 = x4[v + 8u];
  x.hi1 = x4[v + 9u];
  x.sum_lo = dot(x.lo0 + x.lo1, vec4(1.0));
  x.sum_hi = dot(x.hi0 + x.hi1, vec4(1.0));
  return x;
}

float mv_dot(WUnit w, XUnit x) {
  return w.c.x * (dot(w.lo0, x.lo0) + dot(w.lo1, x.lo1)) - w.c.y * x.sum_lo +
         w.c.z * (dot(w.hi0, x.hi0) + dot(w.hi1, x.hi1)) - w.c.w * x.sum_hi;
}
#endif
