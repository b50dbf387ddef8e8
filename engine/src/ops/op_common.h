// op_common.h: helpers shared by the host sides of the ops: f32 slice sizes, 32-bit shader indices, and splitting
// activations that exceed one storage-buffer binding into aligned chunks.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
}

namespace lectern::ops {

// Elements in an f32 slice; InvalidArgument for a missing buffer or a size that is not whole floats.
Result<uint64_t> f32_count(const vk::BufferSlice& s, std::string_view op, std::string_view what);

// Shaders index with 32-bit integers; bindings are below 4 GiB, so this only trips on absurd shapes.
Status check_u32(uint64_t value, std::string_view op, std::string_view what);

// How many items (tokens, rows, elements) one dispatch may cover when every bound tensor in `item_bytes` holds that
// many items of the given size: each chunk must fit in one binding, and every chunk's byte offset must stay a
// multiple of minStorageBufferOffsetAlignment. The result is a multiple of `granularity` (e.g. a broadcast row) or
// n_items itself when everything fits at once. Unsupported when not even one granule fits.
Result<uint64_t> items_per_chunk(const vk::Device& device, std::initializer_list<uint64_t> item_bytes, uint64_t n_items,
                                 uint64_t granularity, std::string_view op);

// The part of `s` starting `offset` bytes in, `size` bytes long.
inline vk::BufferSlice sub_slice(const vk::BufferSlice& s, uint64_t offset, uint64_t size) {
  return {s.buffer, s.offset + offset, size};
}

}  // namespace lectern::ops
