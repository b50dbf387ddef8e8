// elementwise.h: host side of the f32 elementwise ops (add, mul, silu_mul); each records one dispatch.
#pragma once

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Sequence;
}

namespace lectern::ops {

// y = a + b / a * b. Sizes come from the slices: b holds as many elements as a, or a row that repeats across a's
// rows (its element count divides a's); y matches a and may be a itself.
Status add(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y);
Status mul(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y);

// y = silu(a) * b, all the same size; y may be a or b.
Status silu_mul(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y);

}  // namespace lectern::ops
