#version 450
// sample.comp: token sampling over one logit row on the device (ops/sampling.h), one pass per define:
//   SAMPLE_PENALTY   the repetition / presence penalties applied to a copy of the row, one invocation per listed id;
//   SAMPLE_MAXIMA    G = 1024 strided groups (invocation g: ids g, g + G, ...): each group's maximum after the mask;
//   SAMPLE_THRESHOLD one workgroup sorts the G maxima: T = the K-th largest. At least K ids reach T (K groups do),
//                    so every id of the top K has a value >= T; greedy (K = 1): T = the row maximum;
//   SAMPLE_GATHER    one invocation per id: greedy: atomicMin of the ids equal to T (lowest id on ties);
//                    otherwise ids with value >= T are appended to the candidate list (at most CAP);
//   SAMPLE_FINAL     one workgroup sorts the candidates (value descending, id ascending, as the host sampler), keeps
//                    the top K, then softmax with the temperature, top-p, min-p and the draw with the host's uniform.
// state words: [0] token (-1: none), [1] flags (1: the uniform was used, 2: more than CAP candidates: sample on
// the host), [2] candidate count, [3] T (float bits), [4, 4 + G) group maxima, then CAP values and CAP ids.
// Masked ids (bit clear in the bitset) and NaN read as -inf, as in runtime::Sampler.
#extension GL_EXT_control_flow_attributes : require

#define G 1024u
#define CAP 2048u
#define S_MAXIMA 4u
#define S_VALUES (4u + G)
#define S_IDS (4u + G + CAP)
#define NO_ID 0x7fffffffu

layout(local_size_x_id = 0) in;

layout(binding = 0) buffer LogitBuf { float logits[]; };         // [n] (written by SAMPLE_PENALTY only)
layout(binding = 1) buffer StateBuf { uint state[]; };           // see above
layout(binding = 2) readonly buffer PenaltyBuf { uint pen[]; };  // [n_pen, 2]: id, flags (1 repetition, 2 presence)
layout(binding = 3) readonly buffer MaskBuf { uint mask[]; };    // [ceil(n / 32)] allowed-id bits

layout(push_constant) uniform Push {
  uint n;
  uint n_pen;
  uint has_mask;
  uint k;        // top-k after clamping (1..256); 1 with greedy
  uint greedy;
  float inv_temperature;
  float top_p;
  float min_p;
  float presence;
  float repetition;
  float uniform_u;  // [0, 1)
} p;

float neg_inf() { return uintBitsToFloat(0xff800000u); }

float value_of(uint i) {
  if (p.has_mask != 0u && ((mask[i >> 5] >> (i & 31u)) & 1u) == 0u) return neg_inf();
  float v = logits[i];
  return isnan(v) ? neg_inf() : v;
}

uint linear_id() { return (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * gl_WorkGroupSize.x + gl_LocalInvocationID.x; }

#if defined(SAMPLE_THRESHOLD) || defined(SAMPLE_FINAL)
shared float sv[CAP];
shared uint si[CAP];

// a before b in the host sampler's order.
bool better(uint a, uint b) { return sv[a] > sv[b] || (sv[a] == sv[b] && si[a] < si[b]); }

// Bitonic sort of sv/si[0, n_sort) (a power of two), best first.
void sort_shared(uint n_sort) {
  for (uint kk = 2u; kk <= n_sort; kk <<= 1u) {
    for (uint j = kk >> 1u; j > 0u; j >>= 1u) {
      for (uint i = gl_LocalInvocationID.x; i < n_sort; i += gl_WorkGroupSize.x) {
        uint l = i ^ j;
        if (l > i) {
          bool first_better = (i & kk) == 0u;
          bool swap = first_better ? better(l, i) : better(i, l);
          if (swap) {
            float tv = sv[i];
            sv[i] = sv[l];
            sv[l] = tv;
            uint ti = si[i];
            si[i] = si[l];
            si[l] = ti;
          }
        }
      }
      barrier();
    }
  }
}
#endif

void main() {
#if defined(SAMPLE_PENALTY)
  uint e = linear_id();
  if (e >= p.n_pen) return;
  uint id = pen[2u * e], flags = pen[2u * e + 1u];
  float v = logits[id];
  if ((flags & 1u) != 0u) v = v > 0.0 ? v / p.repetition : v * p.repetition;
  if ((flags & 2u) != 0u) v -= p.presence;
  logits[id] = v;
#elif defined(SAMPLE_MAXIMA)
  uint g = linear_id();
  if (g >= G) return;
  float m = neg_inf();
  for (uint i = g; i < p.n; i += G) m = max(m, value_of(i));
  state[S_MAXIMA + g] = floatBitsToUint(m);
#elif defined(SAMPLE_THRESHOLD)
  for (uint i = gl_LocalInvocationID.x; i < G; i += gl_WorkGroupSize.x) {
    sv[i] = uintBitsToFloat(state[S_MAXIMA + i]);
    si[i] = i;
  }
  barrier();
  sort_shared(G);
  if (gl_LocalInvocationID.x == 0u) {
    state[0] = NO_ID;
    state[1] = 0u;
    state[2] = 0u;
    state[3] = floatBitsToUint(sv[p.k - 1u]);
  }
#elif defined(SAMPLE_GATHER)
  uint i = linear_id();
  if (i >= p.n) return;
  float v = value_of(i);
  float t = uintBitsToFloat(state[3]);
  if (v == neg_inf() || v < t) return;
  if (p.greedy != 0u) {
    atomicMin(state[0], i);
  } else {
    uint slot = atomicAdd(state[2], 1u);
    if (slot < CAP) {
      state[S_VALUES + slot] = floatBitsToUint(v);
      state[S_IDS + slot] = i;
    }
  }
#elif defined(SAMPLE_FINAL)
  if (p.greedy != 0u) {
    if (gl_LocalInvocationID.x == 0u && state[0] == NO_ID) state[0] = 0xffffffffu;
    return;
  }
  uint count = state[2];
  if (count > CAP || count == 0u) {
    if (gl_LocalInvocationID.x == 0u) {
      state[0] = 0xffffffffu;
      state[1] = count > CAP ? 2u : 0u;
    }
    return;
  }
  uint n_sort = 1u;
  while (n_sort < count) n_sort <<= 1u;
  for (uint i = gl_LocalInvocationID.x; i < n_sort; i += gl_WorkGroupSize.x) {
    sv[i] = i < count ? uintBitsToFloat(state[S_VALUES + i]) : neg_inf();
    si[i] = i < count ? state[S_IDS + i] : 0xffffffffu;
  }
  barrier();
  sort_shared(n_sort);
  if (gl_LocalInvocationID.x != 0u) return;
  uint m = min(p.k, count);
  // Softmax over the top m (sv[0] is the maximum), then top-p and min-p on the sorted probabilities; sv holds the
  // unnormalised weights from here on.
  float sum = 0.0;
  const float top = sv[0];
  for (uint i = 0u; i < m; ++i) {
    float w = exp((sv[i] - top) * p.inv_temperature);
    sv[i] = w;
    sum += w;
  }
  uint keep = m;
  if (p.top_p < 1.0) {
    float cum = 0.0;
    for (uint i = 0u; i < m; ++i) {
      cum += sv[i] / sum;
      if (cum >= p.top_p) {
        keep = i + 1u;
        break;
      }
    }
  }
  float kept = 0.0;
  for (uint i = 0u; i < keep; ++i) kept += sv[i];
  if (p.min_p > 0.0) {
    float threshold = p.min_p * (sv[0] / kept);
    uint k2 = 1u;
    while (k2 < keep && sv[k2] / kept >= threshold) ++k2;
    keep = k2;
    kept = 0.0;
    for (uint i = 0u; i < keep; ++i) kept += sv[i];
  }
  if (keep == 1u) {
    state[0] = si[0];
    state[1] = 0u;
    return;
  }
  float cum = 0.0;
  uint pick = si[keep - 1u];
  for (uint i = 0u; i < keep; ++i) {
    cum += sv[i] / kept;
    if (p.uniform_u < cum) {
      pick = si[i];
      break;
    }
  }
  state[0] = pick;
  state[1] = 1u;
#endif
}
