// delta_rule.h: CPU references for the gated delta rule of one value head (qwen35.md §2.4.5 and §2.4.7):
// the token-by-token recurrence and the chunked parallel form used for prefill. Both in f32 storage, f64 sums.
#pragma once

#include <cstdint>

namespace lectern::cpu {

// Inputs for one v head over T tokens (already L2-normalised q/k, q scaled by 1/sqrt(dk)):
//   q, k: [T][dk]   v: [T][dv]   g: [T] log-decay (<= 0)   beta: [T] in (0, 1)
// State S: [dk][dv], updated in place. Output o: [T][dv].
struct DeltaRuleHead {
  const float* q;
  const float* k;
  const float* v;
  const float* g;
  const float* beta;
  int64_t n_tokens;
  int dk;
  int dv;
};

void delta_rule_recurrent(const DeltaRuleHead& in, float* state, float* out);

// Same result via chunks of `chunk` tokens (the last chunk padded with q = k = v = 0, beta = 0, g = 0).
void delta_rule_chunked(const DeltaRuleHead& in, float* state, float* out, int chunk = 64);

}  // namespace lectern::cpu
