// xreg_kquant.glsl: Q4_K, Q5_K and Q6_K chunks for matvec_xreg.comp (included there; needs half_bits_to_float and
// the locals n_sb, xr). A chunk is half a super-block, 128 elements: a 1,024-column row is 8 chunks, one per
// invocation of an 8-wide subgroup (a whole 256-element super-block per chunk would idle half of them). Loads stay
// whole words: Q4_K (144 bytes) and Q5_K (176) super-blocks are word aligned; a chunk loads the 4 header words (d,
// dmin, the 12 bytes of packed scales and mins) and its half of the quants (Q4_K: 16 words, 20 per chunk against
// 18 for half a super-block; Q5_K: also all 8 words of fifth bits, 28 against 22). Q6_K super-blocks are 210
// bytes, so every other one starts in the middle of a word; instead of 16-bit reads (on lavapipe a 16-bit load
// costs as much as a 32-bit one) or two super-blocks per chunk (4 chunks for 1,024 columns: half the invocations
// idle), each field is read as whole words with one word more and funnel-shifted by 16 bits where the super-block
// starts mid-word: ql 17, qh 9, scales 3 and d 1 word, 30 per chunk against 26.25. Products are formed per
// sub-block as (d * sc) * sum(q * x) [- (dmin * m) * sum(x)]: exact algebra on ggml's dequantisation with the same
// roundings of d * sc and dmin * m (dequant_q4_k.glsl, dequant_q6_k.glsl).

const uint CH = 128u;  // elements per chunk
const uvec4 k_byte_shift = uvec4(0u, 8u, 16u, 24u);

// Q4_K / Q5_K sub-block j's 6-bit (scale, min) from the three packed scale words (unpack_k_scale_min in
// core/quant.h).
uint kq_scale_byte(uvec3 s, uint k) { return (s[k >> 2] >> (8u * (k & 3u))) & 0xffu; }
uvec2 kq_scale_min(uvec3 s, uint j) {
  if (j < 4u) return uvec2(kq_scale_byte(s, j) & 63u, kq_scale_byte(s, j + 4u) & 63u);
  const uint b = kq_scale_byte(s, j + 4u);
  return uvec2((b & 0xfu) | ((kq_scale_byte(s, j - 4u) >> 6) << 4), (b >> 4) | ((kq_scale_byte(s, j) >> 6) << 4));
}

// Half h of a Q4_K / Q5_K super-block: sub-blocks 4h .. 4h + 3. hd: d | dmin << 16, then the scale words; qs: quant
// bytes 64h .. 64h + 63 (byte l of 32-byte run c' holds element 64c' + l in its low and 64c' + 32 + l in its high
// nibble); qh (Q5_K, five): all 32 fifth-bit bytes, bit 2c resp. 2c + 1 of byte l for super-block chunk c.
float q45k_dot(uint hd[4], uint qs[16], uint qh[8], bool five, uint h, vec4 xr[32]) {
  const uvec3 s = uvec3(hd[1], hd[2], hd[3]);
  const float d = half_bits_to_float(hd[0] & 0xffffu);
  const float dmin = half_bits_to_float(hd[0] >> 16);
  float acc = 0.0;
  [[unroll]] for (uint cp = 0; cp < 2u; ++cp) {
    const uint c = 2u * h + cp;  // 64-element run of the super-block
    float qlo = 0.0, qhi = 0.0;
    vec4 xlo = vec4(0.0), xhi = vec4(0.0);
    [[unroll]] for (uint j = 0; j < 8u; ++j) {
      const uint w = qs[8u * cp + j];
      uvec4 lo = (uvec4(w) >> k_byte_shift) & 0xfu;
      uvec4 hi = (uvec4(w) >> (k_byte_shift + 4u)) & 0xfu;
      if (five) {
        lo += ((uvec4(qh[j]) >> (k_byte_shift + 2u * c)) & 1u) << 4;
        hi += ((uvec4(qh[j]) >> (k_byte_shift + 2u * c + 1u)) & 1u) << 4;
      }
      const vec4 a = xr[16u * cp + j], b = xr[16u * cp + 8u + j];
      qlo += dot(vec4(lo), a);
      qhi += dot(vec4(hi), b);
      xlo += a;
      xhi += b;
    }
    const uvec2 sm_lo = kq_scale_min(s, 2u * c), sm_hi = kq_scale_min(s, 2u * c + 1u);
    const float d_lo = d * float(sm_lo.x), m_lo = dmin * float(sm_lo.y);
    const float d_hi = d * float(sm_hi.x), m_hi = dmin * float(sm_hi.y);
    acc += d_lo * qlo - m_lo * dot(xlo, vec4(1.0)) + d_hi * qhi - m_hi * dot(xhi, vec4(1.0));
  }
  return acc;
}

// Half h of a Q6_K super-block, its fields already aligned: ql = ql bytes 64h .., qh = qh bytes 32h .., sc = int8
// scales 8h .. 8h + 7, d = the f16 bits. Element 32k + l (quadrant k, l < 32) takes its low 4 bits from byte
// l + 32 (k & 1) of ql (low nibble for k < 2), its top 2 bits from bits 2k, 2k + 1 of qh byte l, and scale l / 16 + 2k.
float q6k_dot(uint ql[16], uint qh[8], uint sc[2], uint d_bits, vec4 xr[32]) {
  const float d = half_bits_to_float(d_bits);
  const ivec4 s0 = ivec4(uvec4(sc[0]) << (24u - k_byte_shift)) >> 24;
  const ivec4 s1 = ivec4(uvec4(sc[1]) << (24u - k_byte_shift)) >> 24;
  float acc = 0.0;
  [[unroll]] for (uint k = 0; k < 4u; ++k) {
    [[unroll]] for (uint half16 = 0; half16 < 2u; ++half16) {
      float part = 0.0;
      [[unroll]] for (uint j4 = 0; j4 < 4u; ++j4) {
        const uint j = 4u * half16 + j4;  // l = 4j .. 4j + 3
        const uvec4 lo = (uvec4(ql[j + 8u * (k & 1u)]) >> (k_byte_shift + 4u * (k >> 1))) & 0xfu;
        const uvec4 hi = (uvec4(qh[j]) >> (k_byte_shift + 2u * k)) & 3u;
        part += dot(vec4(ivec4(lo | (hi << 4)) - 32), xr[8u * k + j]);
      }
      const uint is = half16 + 2u * k;
      const int scale = is < 4u ? s0[is] : s1[is - 4u];
      acc += (d * float(scale)) * part;  // ggml: y = (d * sc) * q
    }
  }
  return acc;
}

// The low 32 bits at byte 2 (sh = 16) or byte 0 (sh = 0) of the pair a, b.
uint kq_funnel(uint a, uint b, uint sh) { return sh == 0u ? a : (a >> 16) | (b << 16); }

// Chunk CC (half CC & 1 of super-block CC >> 1) of row ROW of a row block, times xr, into S.
#define DOT_Q4_K(WBUF, ROW, CC, S)                                                \
  {                                                                               \
    const uint b_ = ((ROW) * n_sb + ((CC) >> 1)) * 36u;                           \
    const uint h_ = (CC) & 1u;                                                    \
    uint hd_[4], qs_[16], qh_[8];                                                 \
    [[unroll]] for (uint k_ = 0; k_ < 4u; ++k_) hd_[k_] = WBUF[b_ + k_];          \
    [[unroll]] for (uint k_ = 0; k_ < 16u; ++k_) qs_[k_] = WBUF[b_ + 4u + 16u * h_ + k_]; \
    [[unroll]] for (uint k_ = 0; k_ < 8u; ++k_) qh_[k_] = 0u;                     \
    S = q45k_dot(hd_, qs_, qh_, false, h_, xr);                                   \
  }

#define DOT_Q5_K(WBUF, ROW, CC, S)                                                \
  {                                                                               \
    const uint b_ = ((ROW) * n_sb + ((CC) >> 1)) * 44u;                           \
    const uint h_ = (CC) & 1u;                                                    \
    uint hd_[4], qs_[16], qh_[8];                                                 \
    [[unroll]] for (uint k_ = 0; k_ < 4u; ++k_) hd_[k_] = WBUF[b_ + k_];          \
    [[unroll]] for (uint k_ = 0; k_ < 8u; ++k_) qh_[k_] = WBUF[b_ + 4u + k_];     \
    [[unroll]] for (uint k_ = 0; k_ < 16u; ++k_) qs_[k_] = WBUF[b_ + 12u + 16u * h_ + k_]; \
    S = q45k_dot(hd_, qs_, qh_, true, h_, xr);                                    \
  }

// Fields at byte offsets 64h (ql), 128 + 32h (qh), 192 + 8h (scales) and 208 (d) of a super-block starting at
// byte b_: all multiples of 4, so each field starts at word w_ + offset / 4, shifted by 16 bits when b_ is not.
#define DOT_Q6_K(WBUF, ROW, CC, S)                                                \
  {                                                                               \
    const uint b_ = ((ROW) * n_sb + ((CC) >> 1)) * 210u;                          \
    const uint w_ = b_ >> 2, sh_ = (b_ & 2u) * 8u, h_ = (CC) & 1u;                \
    uint ql_[16], qh_[8], sc_[2];                                                 \
    uint a_ = WBUF[w_ + 16u * h_];                                                \
    [[unroll]] for (uint k_ = 0; k_ < 16u; ++k_) {                                \
      const uint n_ = WBUF[w_ + 16u * h_ + k_ + 1u];                              \
      ql_[k_] = kq_funnel(a_, n_, sh_);                                           \
      a_ = n_;                                                                    \
    }                                                                             \
    a_ = WBUF[w_ + 32u + 8u * h_];                                                \
    [[unroll]] for (uint k_ = 0; k_ < 8u; ++k_) {                                 \
      const uint n_ = WBUF[w_ + 32u + 8u * h_ + k_ + 1u];                         \
      qh_[k_] = kq_funnel(a_, n_, sh_);                                           \
      a_ = n_;                                                                    \
    }                                                                             \
    a_ = WBUF[w_ + 48u + 2u * h_];                                                \
    [[unroll]] for (uint k_ = 0; k_ < 2u; ++k_) {                                 \
      const uint n_ = WBUF[w_ + 48u + 2u * h_ + k_ + 1u];                         \
      sc_[k_] = kq_funnel(a_, n_, sh_);                                           \
      a_ = n_;                                                                    \
    }                                                                             \
    S = q6k_dot(ql_, qh_, sc_, (WBUF[w_ + 52u] >> sh_) & 0xffffu, xr);            \
  }

// W_KQUANT (MULTI only): the slot's type `wt` (12, 13, 14; a specialisation constant) picks the layout.
#define DOT_KQ(WBUF, ROW, CC, S)    \
  if (wt == 12u) DOT_Q4_K(WBUF, ROW, CC, S) \
  else if (wt == 13u) DOT_Q5_K(WBUF, ROW, CC, S) \
  else DOT_Q6_K(WBUF, ROW, CC, S)

#if defined(W_Q4_K)
#define DOT_W DOT_Q4_K
#elif defined(W_Q5_K)
#define DOT_W DOT_Q5_K
#elif defined(W_Q6_K)
#define DOT_W DOT_Q6_K
#else
#define DOT_W DOT_KQ
#endif
