// bench.h: llama-bench style measurements of a loaded model backend: prompt processing (pp<N>), generation
// (tg<N>), time to first token and device memory, averaged over repetitions; what `lectern-cli bench` prints.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lectern/status.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

struct BenchOptions {
  int32_t n_prompt = 512;  // pp<N>: one prompt of N random tokens from an empty sequence; 0 skips pp and ttft
  int32_t n_gen = 128;     // tg<N>: N single-token decodes from an empty sequence; 0 skips tg
  int32_t n_repeats = 3;   // measured repetitions, after one warm-up repetition that is not counted
  int64_t n_ctx = 0;       // the sequence's context; 0: just enough (max(n_prompt + 1, n_gen))
  int32_t n_batch = 0;     // prompt tokens per eval(); 0: the backend's preferred batch
  uint32_t seed = 1234;    // for the random token ids
};

// Mean and sample standard deviation over the repetitions (stddev 0 for one repetition).
struct BenchStat {
  double mean = 0;
  double stddev = 0;
};

// Mean and sample standard deviation of the values (the repetitions of one test).
BenchStat bench_stat(const std::vector<double>& values);

struct BenchResult {
  std::string backend;      // "cpu", "vulkan"
  std::string device_name;
  int32_t n_prompt = 0;
  int32_t n_gen = 0;
  int32_t n_repeats = 0;
  int32_t n_batch = 0;
  int64_t n_ctx = 0;
  BenchStat pp_tokens_per_s;  // n_prompt / prompt eval time
  BenchStat tg_tokens_per_s;  // n_gen / time of n_gen single-token decodes
  BenchStat ttft_ms;          // prompt eval + the first decode after it
  uint64_t weight_bytes = 0;          // the loaded weights on this backend
  uint64_t planned_bytes = 0;         // weights + sequence_bytes(n_ctx): the memory plan
  uint64_t peak_device_bytes = 0;     // measured device allocations (0 where the backend does not track them)
};

// Called before each repetition (0 is the warm-up) so a CLI can show progress.
using BenchProgress = std::function<void(int32_t repetition, int32_t n_repetitions)>;

// InvalidArgument for negative sizes, both sizes 0, n_repeats < 1 or a context too small for the test.
Result<BenchResult> run_bench(ModelBackend& backend, const BenchOptions& options, const BenchProgress& progress = {});

}  // namespace lectern::runtime
