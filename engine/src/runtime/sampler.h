// sampler.h: picks the next token from a logit row: penalties, temperature, top-k / top-p / min-p and a seeded
// draw (SamplerSettings in lectern/generation.h). CPU for now; the same chain can later run on the GPU (issue 9).
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "lectern/generation.h"

namespace lectern::runtime {

class Sampler {
 public:
  // allowed: [n_logits], nonzero where the id may be sampled (0 for padding rows); empty = every id allowed.
  Sampler(const SamplerSettings& settings, std::vector<uint8_t> allowed);

  const SamplerSettings& settings() const { return settings_; }
  uint64_t seed() const { return seed_; }

  // Prompt tokens: seen by the repetition penalty, not by the presence penalty (they are not generated output).
  void add_context(std::span<const int32_t> tokens);
  // A generated (or injected) token: seen by both penalties.
  void accept(int32_t token);
  // Forgets the context and the output and restarts the random stream from the seed.
  void reset();

  struct Candidate {
    int32_t id = 0;
    double p = 0;  // probability in the final distribution
  };
  // The distribution sample() draws from, most likely first (ties: lower id first); sums to 1. Greedy settings give
  // the single argmax with p = 1. Empty when no id is allowed.
  std::vector<Candidate> distribution(std::span<const float> logits) const;

  // Draws one id; -1 when no id can be sampled (every allowed logit is -inf or nothing is allowed).
  int32_t sample(std::span<const float> logits);

  // For a sampler elsewhere (the device, ops/sampling.h) that must pick the same token as sample():
  // the penalised ids as flat (id, flags) pairs (flags: 1 repetition penalty applies, 2 presence penalty applies;
  // ids < n_logits, each once; empty when neither penalty is on); the constructor's allowed ids as a bitset of
  // ceil(n_logits / 32) words (empty: every id allowed); the uniform sample() would draw next, without drawing it,
  // and consume_uniform() to advance the stream when the other sampler used it (it draws only when more than one
  // candidate is left, as sample() does).
  std::vector<uint32_t> penalty_pairs(size_t n_logits) const;
  std::vector<uint32_t> allowed_bits(size_t n_logits) const;
  double peek_uniform() const;
  void consume_uniform() { rng_.discard(1); }

 private:
  // The logits after masking and both penalties, as doubles; masked ids are -inf.
  std::vector<double> penalized(std::span<const float> logits) const;

  SamplerSettings settings_;
  std::vector<uint8_t> allowed_;
  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
  std::vector<int32_t> history_;      // context + output, for the repetition penalty
  std::vector<uint8_t> in_output_;    // [id] generated at least once (presence penalty)
};

}  // namespace lectern::runtime
