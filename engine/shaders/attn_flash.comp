#version 450
// attn_flash.comp: causal GQA attention over one block of a layer's KV cache, flash style (qwen35.md §2.5.4-5).
// A workgroup takes BR query rows that share one kv head g (row ri = t * n_rep + rep: tokens x the n_rep query
// heads of g, so every key it reads serves all of them) and one split of the cache positions (chunk_keys keys;
// decode splits the context across workgroups: flash-decoding). It walks the split in tiles of WG_SIZE keys:
//   scores:  invocation i takes key kb + i and computes its BR dot products q . k (k read once, as vec4; the
//            queries come from shared memory, the same address for all invocations);
//   softmax: online, in f32: workgroup max per row, alpha = exp(m_old - m_new) rescales what came before,
//            p = exp(s - m_new); each invocation keeps partial row sums l of its own keys (reduced at the end);
//   values:  invocation i owns NP pairs of output dims of all BR rows and accumulates p * v over the tile's keys
//            (consecutive invocations read consecutive v pairs: coalesced).
// With one split in total (finalize) the workgroup writes out = o / l * sigmoid(gate); otherwise the unnormalised o
// and (m, l) go to the partial buffer and attn_combine.comp merges the splits. Masked and missing keys get the
// finite sentinel NEG and p = 0, so empty rows and tiles never produce inf - inf.

layout(constant_id = 0) const uint WG_SIZE = 128;  // a power of two; also the keys per tile
layout(constant_id = 1) const uint HD = 256;       // head_dim, a multiple of 4
layout(constant_id = 2) const uint BR = 4;         // query rows per workgroup
layout(constant_id = 3) const uint NP = 1;         // output dim pairs per invocation: ceil(HD / 2 / WG_SIZE)
layout(local_size_x_id = 0) in;

const uint HD4 = HD / 4;
const uint HD2 = HD / 2;
const float NEG = -3.402823466e38;

layout(binding = 0) readonly buffer QBuf { float qg[]; };  // [n_tokens, n_head, 2, HD]: (query | gate)
layout(binding = 0) readonly buffer QBuf4 { vec4 qg4[]; };
#if defined(CACHE_Q8)
// Per (key, kv head) row HD / 32 groups of 9 words: 8 words of int8 quants (4 per word, little-endian), then the
// f32 scale (attn_kv_store.comp). HD is a multiple of 32 (checked by the host).
layout(binding = 1) readonly buffer KBuf { uint k_cache[]; };
layout(binding = 2) readonly buffer VBuf { uint v_cache[]; };
const uint ROW_WORDS = HD / 32u * 9u;
// i: index of a group of four values in the [row][HD4] view (as for the f16 cache).
vec4 load_k4(uint i) {
  const uint c = i % HD4, base = (i / HD4) * ROW_WORDS + (c >> 3) * 9u;
  const int w = int(k_cache[base + (c & 7u)]);
  const vec4 q = vec4(bitfieldExtract(w, 0, 8), bitfieldExtract(w, 8, 8), bitfieldExtract(w, 16, 8),
                      bitfieldExtract(w, 24, 8));
  return q * uintBitsToFloat(k_cache[base + 8u]);
}
// i: index of a pair of values in the [row][HD2] view.
vec2 load_v2(uint i) {
  const uint c = i % HD2, base = (i / HD2) * ROW_WORDS + (c >> 4) * 9u;
  const int w = int(v_cache[base + ((c & 15u) >> 1)]);
  const int shift = int(c & 1u) * 16;
  return vec2(bitfieldExtract(w, shift, 8), bitfieldExtract(w, shift + 8, 8)) * uintBitsToFloat(v_cache[base + 8u]);
}
#elif defined(CACHE_F16)
// Halves packed two per 32-bit word (no 16-bit storage feature needed).
layout(binding = 1) readonly buffer KBuf { uvec2 k_cache[]; };  // [block keys, n_head_kv, HD]
layout(binding = 2) readonly buffer VBuf { uint v_cache[]; };
vec4 load_k4(uint i) { const uvec2 u = k_cache[i]; return vec4(unpackHalf2x16(u.x), unpackHalf2x16(u.y)); }
vec2 load_v2(uint i) { return unpackHalf2x16(v_cache[i]); }
#else
layout(binding = 1) readonly buffer KBuf { vec4 k_cache[]; };
layout(binding = 2) readonly buffer VBuf { vec2 v_cache[]; };
vec4 load_k4(uint i) { return k_cache[i]; }
vec2 load_v2(uint i) { return v_cache[i]; }
#endif
layout(binding = 3) writeonly buffer OBuf { vec2 out_data[]; };  // [n_tokens, n_head, HD]
layout(binding = 4) writeonly buffer PartBuf { float part[]; };  // o [n_splits, n_tokens * n_head, HD], then (m, l)
layout(binding = 4) writeonly buffer PartBuf2 { vec2 part2[]; };

layout(push_constant) uniform Push {
  uint n_tokens;       // tokens of this dispatch
  uint n_head;
  uint n_head_kv;
  uint q_pos0;         // absolute position of the first token
  uint n_keys;         // keys visible to the last token: q_pos0 + n_tokens
  uint block_first;    // position of the bound cache block's first key
  uint chunk_keys;     // keys per split
  uint split_first;    // first split this dispatch covers
  uint n_splits_here;  // splits this dispatch covers (all inside the bound block)
  uint n_splits;       // splits of all dispatches (partial layout)
  uint finalize;       // one split in total: write the gated output directly
  float scale;
} p;

shared vec4 qs[BR * HD4];         // the tile's queries
// Probabilities of the current keys, [key][row], as vec4 so the value phase reads four rows per load.
shared vec4 ps4[(WG_SIZE * BR + 3) / 4];

#define RED_N BR
#include "attn_reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint n_rep = p.n_head / p.n_head_kv;
  const uint n_rows = p.n_tokens * n_rep;  // query rows per kv head
  const uint n_tiles = (n_rows + BR - 1u) / BR;
  const uint lin = linear_group();
  if (lin >= n_tiles * p.n_head_kv * p.n_splits_here) return;  // uniform across the workgroup
  const uint split = p.split_first + lin % p.n_splits_here;
  const uint rest = lin / p.n_splits_here;
  const uint g = rest % p.n_head_kv;
  const uint ri0 = (rest / p.n_head_kv) * BR;
  const uint tid = gl_LocalInvocationIndex;
  // Keys of this split that the tile's last token can see.
  const uint ri_last = min(ri0 + BR, n_rows) - 1u;
  const uint k_lo = split * p.chunk_keys;
  const uint k_hi = min(min(k_lo + p.chunk_keys, p.n_keys), p.q_pos0 + ri_last / n_rep + 1u);

  for (uint e = tid; e < BR * HD4; e += WG_SIZE) {
    const uint ri = ri0 + e / HD4;
    qs[e] = ri < n_rows ? qg4[((ri / n_rep) * p.n_head + g * n_rep + ri % n_rep) * (2u * HD4) + e % HD4] : vec4(0.0);
  }
  barrier();

  float m[BR], l[BR], alpha[BR];
  vec2 o[BR * NP];
  for (uint r = 0; r < BR; ++r) {
    m[r] = NEG;
    l[r] = 0.0;
    for (uint k = 0; k < NP; ++k) o[r * NP + k] = vec2(0.0);
  }

  for (uint kb = k_lo; kb < k_hi; kb += WG_SIZE) {
    const uint key = kb + tid;
    float s[BR];
    for (uint r = 0; r < BR; ++r) s[r] = NEG;
    if (key < k_hi) {
      float acc[BR];
      for (uint r = 0; r < BR; ++r) acc[r] = 0.0;
      const uint base = ((key - p.block_first) * p.n_head_kv + g) * HD4;
      for (uint c = 0; c < HD4; ++c) {
        const vec4 kv = load_k4(base + c);
        for (uint r = 0; r < BR; ++r) acc[r] += dot(qs[r * HD4 + c], kv);
      }
      for (uint r = 0; r < BR; ++r) {
        const uint ri = ri0 + r;
        if (ri < n_rows && key <= p.q_pos0 + ri / n_rep) s[r] = acc[r] * p.scale;  // causal mask
      }
    }
    for (uint r = 0; r < BR; ++r) red_val[r] = s[r];
    red_max();
    for (uint r = 0; r < BR; ++r) {
      const float m_new = max(m[r], red_val[r]);
      alpha[r] = exp(m[r] - m_new);  // 0 when m was NEG and m_new is real; 1 when both are NEG
      m[r] = m_new;
      const float pr = s[r] == NEG ? 0.0 : exp(s[r] - m_new);
      l[r] = l[r] * alpha[r] + pr;
      ps4[(tid * BR + r) >> 2][(tid * BR + r) & 3u] = pr;
    }
    barrier();
    for (uint r = 0; r < BR; ++r) {
      for (uint k = 0; k < NP; ++k) o[r * NP + k] *= alpha[r];
    }
    const uint n_valid = min(WG_SIZE, k_hi - kb);
    for (uint j = 0; j < n_valid; ++j) {
      const uint vbase = ((kb + j - p.block_first) * p.n_head_kv + g) * HD2;
      for (uint k = 0; k < NP; ++k) {
        const uint dp = tid + k * WG_SIZE;
        if (dp < HD2) {
          const vec2 vv = load_v2(vbase + dp);
          if (BR % 4 == 0) {  // resolved at specialisation
            for (uint r4 = 0; r4 < BR / 4; ++r4) {
              const vec4 p4 = ps4[j * (BR / 4) + r4];
              for (uint c = 0; c < 4; ++c) o[(4 * r4 + c) * NP + k] = fma(vec2(p4[c]), vv, o[(4 * r4 + c) * NP + k]);
            }
          } else {
            for (uint r = 0; r < BR; ++r) {
              o[r * NP + k] = fma(vec2(ps4[(j * BR + r) >> 2][(j * BR + r) & 3u]), vv, o[r * NP + k]);
            }
          }
        }
      }
    }
    // The next tile writes ps4 only after red_max()'s barrier, which every invocation reaches after its reads here.
  }

  for (uint r = 0; r < BR; ++r) red_val[r] = l[r];
  red_sum();
  for (uint r = 0; r < BR; ++r) {
    const uint ri = ri0 + r;
    if (ri >= n_rows) break;
    const uint row = (ri / n_rep) * p.n_head + g * n_rep + ri % n_rep;  // (token, query head)
    if (p.finalize != 0u) {
      const float inv = red_val[r] > 0.0 ? 1.0 / red_val[r] : 0.0;
      for (uint k = 0; k < NP; ++k) {
        const uint dp = tid + k * WG_SIZE;
        if (dp < HD2) {
          const vec2 gate = vec2(qg[row * 2u * HD + HD + 2u * dp], qg[row * 2u * HD + HD + 2u * dp + 1u]);
          out_data[row * HD2 + dp] = o[r * NP + k] * inv / (1.0 + exp(-gate));  // exp overflow -> inf -> 0: the limit
        }
      }
    } else {
      const uint prow = split * (p.n_tokens * p.n_head) + row;
      for (uint k = 0; k < NP; ++k) {
        const uint dp = tid + k * WG_SIZE;
        if (dp < HD2) part2[prow * HD2 + dp] = o[r * NP + k];
      }
      if (tid == 0u) {
        const uint ml = p.n_splits * p.n_tokens * p.n_head * HD + prow * 2u;
        part[ml] = m[r];
        part[ml + 1u] = red_val[r];
      }
    }
  }
}
