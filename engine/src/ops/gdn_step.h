// gdn_step.h: host side of the fused Gated DeltaNet decode step (gdn_step.comp): q/k L2 norms, gates, one
// delta-rule token and the gated RMSNorm in one dispatch, for CPU devices (lavapipe).
#pragma once

#include "lectern/status.h"
#include "ops/gdn.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// Whether gdn_step runs for this shape on this device: CPU kernel profile, subgroup arithmetic with 8-wide subgroups,
// dk = dv = 128 (every Qwen3.5 size). Elsewhere use gdn_l2_norm_qk + gdn_gates + delta_rule_recurrent +
// gated_rms_norm, which compute the same thing.
bool gdn_step_supported(const vk::Device& device, const GdnShape& shape);

// One token (qwen35.md §2.4.3-§2.4.5, §2.2 item 2). qkv: [C] conv output (q, k not yet normed; left unchanged);
// b, a: [Hv] projections; dt_bias, ssm_a: [Hv]; state: [Hv, dk, dv], updated in place; z: [Hv dv]; norm_w: [dv];
// o: [Hv dv] = gated_rms_norm(delta rule output, z). o must not overlap the inputs or the state.
// Unsupported where !gdn_step_supported.
Status gdn_step(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& b, const vk::BufferSlice& a,
                const vk::BufferSlice& dt_bias, const vk::BufferSlice& ssm_a, const vk::BufferSlice& state,
                const vk::BufferSlice& z, const vk::BufferSlice& norm_w, const vk::BufferSlice& o,
                const GdnShape& shape, float norm_eps);

}  // namespace lectern::ops
