// embedding.h: host side of the embedding gather: y[t, :] = table[ids[t], :] as f32, for u32 token ids and a table
// of any weight type (f32, f16, bf16, q8_0, q4_k, q5_k, q6_k) stored as DeviceMatrix row blocks (qwen35.md §2.1).
#pragma once

#include <cstdint>
#include <span>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class DeviceMatrix;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// ids: u32 [n_tokens]; y: f32 [n_tokens, table.n_cols()]. One dispatch per table row block (and per chunk of
// tokens when y would exceed one binding); each writes the rows of the tokens whose id lies in its block, so a
// table split across bindings (the 0.8B model's 508 MB bf16 embedding on lavapipe) works for any id.
// Out-of-range ids (>= table.n_rows()) never read the table: their row of y is all zeros. The device cannot report
// them, so callers that have the ids on the host validate them with check_token_ids() before uploading.
Status embedding(vk::Sequence& seq, const vk::DeviceMatrix& table, const vk::BufferSlice& ids,
                 const vk::BufferSlice& y);

// InvalidArgument naming the first id >= n_vocab and its position; Ok otherwise.
Status check_token_ids(std::span<const uint32_t> ids, uint64_t n_vocab);

}  // namespace lectern::ops
