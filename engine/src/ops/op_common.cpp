// op_common.cpp: argument checks and binding-sized chunking shared by the ops.
#include "ops/op_common.h"

#include <algorithm>
#include <numeric>

#include "vk/device.h"

namespace lectern::ops {

Result<uint64_t> f32_count(const vk::BufferSlice& s, std::string_view op, std::string_view what) {
  if (s.buffer == nullptr || !s.buffer->valid() || s.size == 0) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": " + std::string(what) + " is empty");
  }
  if (s.size % sizeof(float) != 0) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": " + std::string(what) + " is " +
                                                  std::to_string(s.size) + " bytes, not whole f32 elements");
  }
  return s.size / sizeof(float);
}

Status check_u32(uint64_t value, std::string_view op, std::string_view what) {
  if (value > UINT32_MAX) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": " + std::string(what) + " = " +
                                                  std::to_string(value) + " exceeds 32-bit shader indexing");
  }
  return Status::ok();
}

Result<uint64_t> items_per_chunk(const vk::Device& device, std::initializer_list<uint64_t> item_bytes, uint64_t n_items,
                                 uint64_t granularity, std::string_view op) {
  const uint64_t limit = device.limits().max_binding_bytes;
  const uint64_t align = device.limits().storage_offset_alignment;
  uint64_t fits = n_items;
  uint64_t step = std::max<uint64_t>(1, granularity);
  for (uint64_t bytes : item_bytes) {
    fits = std::min(fits, limit / bytes);
    step = std::lcm(step, align / std::gcd(align, bytes));  // chunk * bytes stays a multiple of align
  }
  if (fits >= n_items) return n_items;  // one dispatch; no chunk offsets at all
  uint64_t chunk = fits / step * step;
  if (chunk == 0) {
    return Status(ErrorCode::Unsupported, std::string(op) + ": not even " + std::to_string(step) +
                                              " items fit in one storage-buffer binding (" + vk::format_bytes(limit) +
                                              ") at a legal offset; use smaller tensors");
  }
  return chunk;
}

}  // namespace lectern::ops
