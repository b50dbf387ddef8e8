// norm.h: host side of RMSNorm over rows.
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Sequence;
}

namespace lectern::ops {

// x, y: f32 [n_rows, n_cols] (n_rows from x's size); w: f32 [n_cols]. y may be x.
// y = x / sqrt(mean(x^2) + eps) * (w + w_offset): w_offset 0 for a plain weight, 1 for a zero-centred one.
Status rms_norm(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& y,
                uint64_t n_cols, float eps, float w_offset);

}  // namespace lectern::ops
