// sampling.h: host side of token sampling on the device (sample.comp): the chain of runtime::Sampler (mask,
// repetition / presence penalties, temperature, top-k, top-p, min-p, draw from a host uniform) over one logit row,
// recorded into a Sequence so that only the 8-byte result has to be read back.
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// Largest top-k the device path takes; larger k, and top-k off with a temperature, are sampled on the host.
constexpr int32_t k_device_max_top_k = 256;
// Candidates (ids with a value >= the top-k threshold) the final pass can sort; more (many equal logits) sets
// DeviceSampleOutput::host_fallback.
constexpr uint32_t k_device_sample_candidates = 2048;

struct DeviceSampleParams {
  float temperature = 0.0f;  // <= 0: greedy (argmax, lowest id on ties)
  int32_t top_k = 0;         // 1..k_device_max_top_k unless greedy
  float top_p = 1.0f;
  float min_p = 0.0f;
  float presence_penalty = 0.0f;
  float repetition_penalty = 1.0f;
  double uniform = 0.0;  // [0, 1): the host sampler's next draw
};

// Whether the device path handles these settings (greedy, or 1 <= top_k <= k_device_max_top_k).
bool device_sampling_supported(const DeviceSampleParams& params);

// Bytes of the `state` buffer sample() needs (group maxima, candidates, result).
uint64_t device_sample_state_bytes();

// What sample() leaves in state words 0 and 1 (read them back with Transfer::download).
struct DeviceSampleOutput {
  int32_t token = -1;          // -1: nothing could be sampled (or host_fallback)
  uint32_t flags = 0;          // bit 0: the uniform was used; bit 1: host fallback
  bool used_uniform() const { return flags & 1u; }
  bool host_fallback() const { return flags & 2u; }
};

// Records the sampling passes. logits: [n] f32, read only; work: [n] f32 scratch that receives the penalised copy
// (may be empty when n_penalties == 0); state: device_sample_state_bytes(); penalties: [n_penalties, 2] u32 pairs
// (id < n, flags: 1 repetition penalty, 2 presence penalty; each id at most once); mask: [ceil(n / 32)] u32
// allowed-id bits, or an empty slice for no mask. InvalidArgument for bad sizes or settings the device path does
// not take (see device_sampling_supported).
Status sample(vk::Sequence& seq, const vk::BufferSlice& logits, const vk::BufferSlice& work,
              const vk::BufferSlice& state, const vk::BufferSlice& penalties, uint32_t n_penalties,
              const vk::BufferSlice& mask, const DeviceSampleParams& params);

}  // namespace lectern::ops
