// bench.cpp: the timing loops of run_bench(), with llama-bench's meanings of pp<N> and tg<N>.
#include "runtime/bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <vector>

namespace lectern::runtime {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Repetition {
  double pp_s = 0;          // prompt eval
  double first_decode_s = 0;  // the decode right after the prompt
  double tg_s = 0;          // n_gen decodes from an empty sequence
};

// Evaluates the prompt from an empty sequence in batches of n_batch; logits only for the last token.
Status eval_prompt(SequenceState& seq, const std::vector<int32_t>& tokens, int32_t n_prompt, int32_t n_batch,
                   std::vector<float>& logits) {
  for (int32_t begin = 0; begin < n_prompt; begin += n_batch) {
    const int32_t n = std::min(n_batch, n_prompt - begin);
    EvalBatch batch;
    batch.tokens = std::span<const int32_t>(tokens.data() + begin, size_t(n));
    batch.logits = begin + n == n_prompt ? LogitsMode::Last : LogitsMode::None;
    LECTERN_TRY(seq.eval(batch, logits).with_context("evaluating prompt tokens " + std::to_string(begin) + ".." +
                                                     std::to_string(begin + n - 1)));
  }
  return Status::ok();
}

Status decode_one(SequenceState& seq, const int32_t& token, std::vector<float>& logits) {
  EvalBatch batch;
  batch.tokens = std::span<const int32_t>(&token, 1);
  batch.logits = LogitsMode::Last;
  return seq.eval(batch, logits).with_context("decoding at position " + std::to_string(seq.n_past()));
}

Result<Repetition> run_repetition(SequenceState& seq, const BenchOptions& o, int32_t n_batch,
                                  const std::vector<int32_t>& tokens) {
  Repetition r;
  std::vector<float> logits;
  if (o.n_prompt > 0) {
    seq.reset();
    auto t0 = Clock::now();
    LECTERN_TRY(eval_prompt(seq, tokens, o.n_prompt, n_batch, logits));
    r.pp_s = seconds_since(t0);
    t0 = Clock::now();
    LECTERN_TRY(decode_one(seq, tokens[size_t(o.n_prompt)], logits));
    r.first_decode_s = seconds_since(t0);
  }
  if (o.n_gen > 0) {
    seq.reset();  // llama-bench's tg starts from an empty context
    const auto t0 = Clock::now();
    for (int32_t i = 0; i < o.n_gen; ++i) LECTERN_TRY(decode_one(seq, tokens[size_t(i)], logits));
    r.tg_s = seconds_since(t0);
  }
  return r;
}

}  // namespace

BenchStat bench_stat(const std::vector<double>& values) {
  BenchStat s;
  if (values.empty()) return s;
  for (double v : values) s.mean += v;
  s.mean /= double(values.size());
  if (values.size() > 1) {
    double sq = 0;
    for (double v : values) sq += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(sq / double(values.size() - 1));
  }
  return s;
}

Result<BenchResult> run_bench(ModelBackend& backend, const BenchOptions& options, const BenchProgress& progress) {
  const BackendInfo& info = backend.info();
  if (options.n_prompt < 0 || options.n_gen < 0)
    return Status(ErrorCode::InvalidArgument, "prompt and generation lengths must not be negative");
  if (options.n_prompt == 0 && options.n_gen == 0)
    return Status(ErrorCode::InvalidArgument, "nothing to measure: prompt and generation lengths are both 0");
  if (options.n_repeats < 1) return Status(ErrorCode::InvalidArgument, "repetitions must be at least 1");
  if (options.n_batch < 0) return Status(ErrorCode::InvalidArgument, "batch size must not be negative");
  if (info.n_vocab < 1) return Status(ErrorCode::Internal, "the backend reports an empty vocabulary");

  const int64_t needed = std::max<int64_t>(options.n_prompt > 0 ? int64_t(options.n_prompt) + 1 : 0, options.n_gen);
  const int64_t n_ctx = options.n_ctx > 0 ? options.n_ctx : needed;
  if (n_ctx < needed)
    return Status(ErrorCode::InvalidArgument, "a context of " + std::to_string(n_ctx) + " tokens is too small: the test needs " +
                                                  std::to_string(needed) + " (prompt + first decode, or the generation); "
                                                  "raise --context or lower -p / -n");
  if (info.n_ctx_train > 0 && n_ctx > info.n_ctx_train)
    return Status(ErrorCode::InvalidArgument, "a context of " + std::to_string(n_ctx) +
                                                  " tokens exceeds the model's trained context of " +
                                                  std::to_string(info.n_ctx_train));
  const int32_t n_batch = options.n_batch > 0 ? options.n_batch : std::max<int32_t>(1, info.preferred_batch);

  // Random valid token ids; the same for every repetition.
  std::mt19937 rng(options.seed);
  std::uniform_int_distribution<int32_t> pick(0, info.n_vocab - 1);
  std::vector<int32_t> tokens(static_cast<size_t>(needed));
  for (int32_t& t : tokens) t = pick(rng);

  LECTERN_ASSIGN_OR_RETURN(std::unique_ptr<SequenceState> seq, backend.create_sequence(n_ctx));

  std::vector<double> pp, tg, ttft;
  for (int32_t rep = 0; rep <= options.n_repeats; ++rep) {
    if (progress) progress(rep, options.n_repeats);
    LECTERN_ASSIGN_OR_RETURN(Repetition r, run_repetition(*seq, options, n_batch, tokens));
    if (rep == 0) continue;  // warm-up
    if (options.n_prompt > 0) {
      pp.push_back(double(options.n_prompt) / r.pp_s);
      ttft.push_back((r.pp_s + r.first_decode_s) * 1e3);
    }
    if (options.n_gen > 0) tg.push_back(double(options.n_gen) / r.tg_s);
  }

  BenchResult result;
  result.backend = info.name;
  result.device_name = info.device_name;
  result.n_prompt = options.n_prompt;
  result.n_gen = options.n_gen;
  result.n_repeats = options.n_repeats;
  result.n_batch = n_batch;
  result.n_ctx = n_ctx;
  result.pp_tokens_per_s = bench_stat(pp);
  result.tg_tokens_per_s = bench_stat(tg);
  result.ttft_ms = bench_stat(ttft);
  result.weight_bytes = info.weight_bytes;
  result.planned_bytes = info.weight_bytes + backend.sequence_bytes(n_ctx);
  result.peak_device_bytes = backend.peak_device_bytes();
  return result;
}

}  // namespace lectern::runtime
