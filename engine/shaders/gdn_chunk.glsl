// gdn_chunk.glsl: shared pieces of the chunked gated delta rule (qwen35.md §2.4.7), split into three kernels:
//   gdn_chunk_prep  (all chunks in parallel)  W = Tm diag(beta Gamma) K, U = Tm diag(beta) V with Tm = (I + A)^-1
//   gdn_chunk_state (chunks in sequence)      Vn = U - W S, O = diag(Gamma) Q S, S = e^gamma_C S + Kd^T Vn
//   gdn_chunk_out   (all chunks in parallel)  O += P Vn with P = (Q K^T) . D, lower triangle incl. the diagonal
// Only gdn_chunk_state depends on the state, and its cost per chunk is three C x dk x BV products. Rows past the
// last token of the last chunk are zero-padded (q = k = v = 0, beta = 0, g = 0), which leaves the state untouched.
// Before including: declare the specialisation constants DK, DV and WG_SIZE (256) and bind qkv at 0, g at 1.

#include "workgroup.glsl"

const uint CH = 64;       // chunk length
const uint TW = 32;       // columns of a staged tile (DK and DV are multiples of it)
const uint TS = TW + 1;   // tile row stride; the padding column spreads column reads over the memory banks

layout(binding = 0) readonly buffer QkvBuf { float qkv[]; };  // [T, row_stride]: q | k | v
layout(binding = 1) readonly buffer GBuf { float g[]; };      // [T, Hv] log decay

layout(push_constant) uniform Push {
  uint n_tokens;      // tokens of this dispatch (the last chunk may be partial)
  uint row_stride;    // C = 2 Hk dk + Hv dv
  uint k_offset;      // Hk dk: first k column of a row
  uint v_offset;      // 2 Hk dk: first v column
  uint n_k_heads;
  uint n_v_heads;
  uint tiled;         // 1: v head j uses k head j % Hk (GGUF order); 0: j / (Hv / Hk) (HF order)
  uint o_stride;      // Hv dv
  uint n_chunks;      // ceil(n_tokens / CH)
  uint scratch_rows;  // rows per head in the W / U scratch (n_chunks * CH)
} p;

uint k_head(uint j) { return p.tiled != 0 ? j % p.n_k_heads : j / (p.n_v_heads / p.n_k_heads); }

shared float sh_graw[CH];
shared float sh_gam[CH];  // gamma_r = sum_{s <= r} g_s within the chunk

// Fills sh_gam for chunk rows [t0, t0 + CH) of v head j (n_real of them are tokens). Every kernel sums in the same
// order, so they agree exactly. Call from uniform control flow.
void load_gamma(uint t0, uint n_real, uint j) {
  const uint tid = gl_LocalInvocationIndex;
  if (tid < CH) sh_graw[tid] = tid < n_real ? g[(t0 + tid) * p.n_v_heads + j] : 0.0;
  barrier();
  if (tid < CH) {
    float s = 0.0;
    for (uint u = 0; u <= tid; ++u) s += sh_graw[u];
    sh_gam[tid] = s;
  }
  barrier();
}

// Stages rows [t0, t0 + CH) x columns [col0, col0 + TW) of the conv output into tile[CH][TS], zero for padding rows.
#define STAGE_QKV(tile, t0, n_real, col0)                                              \
  for (uint l_ = gl_LocalInvocationIndex; l_ < CH * TW; l_ += WG_SIZE) {              \
    const uint r_ = l_ / TW, d_ = l_ % TW;                                              \
    tile[r_ * TS + d_] = r_ < (n_real) ? qkv[((t0) + r_) * p.row_stride + (col0) + d_] : 0.0; \
  }

// acc[i][jj] += sum over the staged TW columns of a[r0 + i] * b[s0 + jj]: a 4 x 4 block of a product of two
// CH x TW tiles (A B^T).
#define GRAM_BLOCK(acc, ta, tb, r0, s0)                                   \
  for (uint d_ = 0; d_ < TW; ++d_) {                                     \
    float a_[4], b_[4];                                                  \
    for (uint i_ = 0; i_ < 4; ++i_) a_[i_] = ta[((r0) + i_) * TS + d_];  \
    for (uint i_ = 0; i_ < 4; ++i_) b_[i_] = tb[((s0) + i_) * TS + d_];  \
    for (uint i_ = 0; i_ < 4; ++i_)                                      \
      for (uint j_ = 0; j_ < 4; ++j_) acc[i_ * 4 + j_] = fma(a_[i_], b_[j_], acc[i_ * 4 + j_]); \
  }
