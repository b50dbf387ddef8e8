// sampling.cpp: argument checks and the five dispatches of sample.comp (penalties, group maxima, threshold,
// gather, final).
#include "ops/sampling.h"

#include <array>
#include <string>

#include "ops/gdn_common.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {
namespace {

constexpr uint32_t k_groups = 1024;  // G in sample.comp

struct Push {
  uint32_t n, n_pen, has_mask, k, greedy;
  float inv_temperature, top_p, min_p, presence, repetition, uniform_u;
};

}  // namespace

bool device_sampling_supported(const DeviceSampleParams& p) {
  return p.temperature <= 0.0f || (p.top_k >= 1 && p.top_k <= k_device_max_top_k);
}

uint64_t device_sample_state_bytes() { return (4ull + k_groups + 2ull * k_device_sample_candidates) * 4; }

Status sample(vk::Sequence& seq, const vk::BufferSlice& logits, const vk::BufferSlice& work,
              const vk::BufferSlice& state, const vk::BufferSlice& penalties, uint32_t n_penalties,
              const vk::BufferSlice& mask, const DeviceSampleParams& params) {
  const char* op = "sample";
  LECTERN_ASSIGN_OR_RETURN(const uint64_t n, f32_count(logits, op, "logits [n]"));
  if (n == 0) return Status(ErrorCode::InvalidArgument, "sample: the logit row is empty");
  LECTERN_TRY(check_u32(n, op, "n_vocab"));
  if (!device_sampling_supported(params))
    return Status(ErrorCode::InvalidArgument,
                  "sample: top_k " + std::to_string(params.top_k) + " with a temperature is not sampled on the device (1.." +
                      std::to_string(k_device_max_top_k) + "); sample on the host");
  if (!state.buffer || state.size < device_sample_state_bytes())
    return Status(ErrorCode::InvalidArgument, "sample: the state buffer needs " +
                                                  std::to_string(device_sample_state_bytes()) + " bytes");
  if (n_penalties > 0) {
    if (!penalties.buffer || penalties.size < uint64_t(n_penalties) * 8)
      return Status(ErrorCode::InvalidArgument, "sample: the penalty list needs 8 bytes per entry");
    if (!work.buffer || work.size != logits.size)
      return Status(ErrorCode::InvalidArgument, "sample: the work row must be as large as the logit row");
    if (slices_overlap(work, logits) || slices_overlap(work, state))
      return Status(ErrorCode::InvalidArgument, "sample: the work row must not overlap the logits or the state");
  }
  const bool has_mask = mask.buffer != nullptr && mask.size > 0;
  if (has_mask && mask.size < (n + 31) / 32 * 4)
    return Status(ErrorCode::InvalidArgument, "sample: the mask needs ceil(n / 32) words");
  if (!(params.uniform >= 0.0 && params.uniform < 1.0))
    return Status(ErrorCode::InvalidArgument, "sample: the uniform must lie in [0, 1)");

  const bool greedy = params.temperature <= 0.0f;
  Push push{static_cast<uint32_t>(n),
            n_penalties,
            has_mask ? 1u : 0u,
            greedy ? 1u : static_cast<uint32_t>(params.top_k),
            greedy ? 1u : 0u,
            greedy ? 1.0f : 1.0f / params.temperature,
            params.top_p,
            params.min_p,
            params.presence_penalty,
            params.repetition_penalty,
            static_cast<float>(params.uniform)};
  // float(u) may round up to 1.0 for u just below 1; keep it below every cumulative sum's end.
  if (push.uniform_u >= 1.0f) push.uniform_u = 0x1.fffffep-1f;
  const bool penalise = n_penalties > 0 && ((params.repetition_penalty != 1.0f && params.repetition_penalty > 0.0f) ||
                                            params.presence_penalty != 0.0f);
  const vk::BufferSlice row = penalise ? work : logits;
  vk::Device& device = seq.device();
  const auto pipeline = [&](const char* name, uint32_t wg) -> Result<const vk::Pipeline*> {
    const std::array<uint32_t, 1> spec{wg};
    return device.pipelines().get({name, 4, sizeof(Push), spec});
  };
  if (penalise) {
    LECTERN_TRY(seq.copy(logits, work));
    LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* p, pipeline("sample_penalty", 64));
    vk::Binding pb[] = {{row, vk::Access::ReadWrite}, {state, vk::Access::Read}, {penalties, vk::Access::Read},
                        {has_mask ? mask : state, vk::Access::Read}};
    LECTERN_TRY(seq.dispatch(*p, pb, push, {(n_penalties + 63) / 64, 1, 1}));
  }
  // Unused bindings (no penalties, no mask) point at the state, with the access it has in the same dispatch.
  vk::Binding b[] = {{row, vk::Access::Read}, {state, vk::Access::ReadWrite},
                     {penalise ? penalties : state, penalise ? vk::Access::Read : vk::Access::ReadWrite},
                     {has_mask ? mask : state, has_mask ? vk::Access::Read : vk::Access::ReadWrite}};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* maxima, pipeline("sample_maxima", 64));
  LECTERN_TRY(seq.dispatch(*maxima, b, push, {k_groups / 64, 1, 1}));
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* threshold, pipeline("sample_threshold", 256));
  LECTERN_TRY(seq.dispatch(*threshold, b, push, {1, 1, 1}));
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* gather, pipeline("sample_gather", 256));
  LECTERN_TRY(seq.dispatch(*gather, b, push, vk::split_groups((n + 255) / 256, device.limits().max_group_count)));
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* fin, pipeline("sample_final", 256));
  return seq.dispatch(*fin, b, push, {1, 1, 1});
}

}  // namespace lectern::ops
