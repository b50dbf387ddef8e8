// bench_constrained.h: the cost of JSON-schema-constrained decoding: the same number of tokens generated through the
// real generation loop (runtime/generation.h) with and without a JsonConstraint, plus the time the token masks
// take per step; what `lectern-cli bench --json-schema` prints.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "lectern/status.h"
#include "lectern/tokenizer.h"
#include "runtime/bench.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

struct ConstrainedBenchOptions {
  int32_t n_gen = 128;        // tokens generated per repetition, in both modes
  int32_t n_repeats = 3;      // measured repetitions, after one warm-up repetition that is not counted
  uint64_t seed = 1234;       // sampler seed (the model card's non-thinking sampling settings)
  std::string schema_json;    // the JSON schema (check_json_schema's subset)
};

struct ConstrainedBenchResult {
  std::string backend;
  std::string device_name;
  int32_t n_gen = 0;
  int32_t n_repeats = 0;
  int64_t n_prompt = 0;                    // tokens of the fixed extraction-style prompt
  BenchStat free_tokens_per_s;             // n_gen tokens, no constraint (stop tokens ignored)
  BenchStat constrained_tokens_per_s;      // n_gen tokens with the constraint: values back to back, each with the
                                           // budget of an extraction (1024 tokens), the last one cut at n_gen
  int64_t n_constrained_tokens = 0;        // per repetition (n_gen)
  double slowdown = 0;                     // constrained / free time per token - 1 (0.15 = 15 % slower)
  double free_ms_per_token = 0;            // generation time per token, no constraint
  double constrained_ms_per_token = 0;     // generation time per token with the constraint (masks included)
  double mask_ms_per_step = 0;             // wall time of TokenConstraint::allowed per step
  double mask_cpu_ms_per_step = 0;         // thread CPU time of the same (barely depends on machine load)
  double mask_max_cpu_ms = 0;              // the slowest mask
  double table_build_s = 0;                // the token table (once per tokenizer)
  int64_t n_values = 0;                    // complete values generated per repetition (mean)
  int64_t n_masks = 0;                     // masks computed in the measured repetitions
};

// Called before each repetition of each mode (repetition 0 is the warm-up).
using ConstrainedBenchProgress = std::function<void(const char* mode, int32_t repetition, int32_t n_repetitions)>;

// InvalidArgument for a bad schema, n_gen < 1 or n_repeats < 1; NotFound when the tokenizer has no stop token.
Result<ConstrainedBenchResult> run_constrained_bench(ModelBackend& backend, const Tokenizer& tokenizer,
                                                     const ConstrainedBenchOptions& options,
                                                     const ConstrainedBenchProgress& progress = {});

}  // namespace lectern::runtime
