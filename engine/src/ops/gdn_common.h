// gdn_common.h: argument checks shared by the host files of the GDN ops (ops/gdn.cpp, ops/gdn_delta_rule.cpp).
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "ops/gdn.h"
#include "vk/buffer.h"

namespace lectern::ops {

// Same buffer and intersecting byte ranges.
bool slices_overlap(const vk::BufferSlice& a, const vk::BufferSlice& b);
// Hv a positive multiple of Hk; dk and dv multiples of 32 in [32, 256] (the kernels' tiles and register arrays).
Status check_gdn_shape(const GdnShape& shape, const char* op);
// Rows in an f32 slice of whole rows of `row` elements; InvalidArgument naming op and tensor otherwise.
Result<uint64_t> whole_rows(const vk::BufferSlice& s, uint64_t row, const char* op, const char* what);
// InvalidArgument unless the slice holds exactly `want` f32 elements.
Status expect_count(const vk::BufferSlice& s, uint64_t want, const char* op, const char* what);

}  // namespace lectern::ops
