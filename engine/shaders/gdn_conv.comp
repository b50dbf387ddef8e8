#version 450
// gdn_conv.comp: causal depthwise conv1d + SiLU over T tokens of mixed_qkv with a carried state (qwen35.md §2.4.2).
// Invocation (c, block) computes channel c for TB consecutive tokens, sliding a K-wide window down the column, so
// consecutive invocations touch consecutive channels (coalesced). The invocation of block 0 is the only one that
// reads the old state (TB >= K - 1) and, after its outputs, replaces it with the last K - 1 raw rows of [state; x]
// for its channel: no other invocation touches that state column, so there is no race.

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(constant_id = 1) const uint K = 4;    // kernel width, 2 .. 16
layout(constant_id = 2) const uint TB = 16;  // tokens per invocation, >= K - 1
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };  // [T, C] raw rows
layout(binding = 1) readonly buffer WBuf { float w[]; };  // [C, K]; w[c, K-1] multiplies the current token
layout(binding = 2) buffer SBuf { float state[]; };       // [K-1, C]
layout(binding = 3) writeonly buffer YBuf { float y[]; }; // [T, C]

layout(push_constant) uniform Push {
  uint n_channels;  // C
  uint n_tokens;    // T
} p;

#include "workgroup.glsl"

void main() {
  const uint C = p.n_channels, T = p.n_tokens;
  const uint idx = linear_group() * WG_SIZE + gl_LocalInvocationIndex;
  const uint c = idx % C;
  const uint blk = idx / C;
  const uint t0 = blk * TB;
  if (t0 >= T) return;

  float wk[K];
  for (uint j = 0; j < K; ++j) wk[j] = w[c * K + j];
  // win[0 .. K-2]: the K - 1 raw rows before the current token; state rows stand in before the first token.
  float win[K];
  for (uint j = 0; j + 1 < K; ++j) {
    const int r = int(t0) - int(K - 1) + int(j);
    win[j] = r < 0 ? state[uint(int(K - 1) + r) * C + c] : x[uint(r) * C + c];
  }
  const uint t_end = min(t0 + TB, T);
  for (uint t = t0; t < t_end; ++t) {
    win[K - 1] = x[t * C + c];
    float acc = 0.0;
    for (uint j = 0; j < K; ++j) acc = fma(wk[j], win[j], acc);
    // For very negative acc, exp(-acc) overflows to +inf and acc / inf = -0: the correct limit.
    y[t * C + c] = acc / (1.0 + exp(-acc));
    for (uint j = 0; j + 1 < K; ++j) win[j] = win[j + 1];
  }
  if (blk == 0) {
    // New state row r = row T + r of [state; x]. Reads of old state rows (index T + r > r) happen before the
    // write of row r, and later writes only go to smaller indices than later reads.
    for (uint r = 0; r + 1 < K; ++r) {
      const uint i = T + r;
      const float v = i < K - 1 ? state[i * C + c] : x[(i - (K - 1)) * C + c];
      state[r * C + c] = v;
    }
  }
}
