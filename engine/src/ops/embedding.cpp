// embedding.cpp: argument checks and per-row-block, per-token-chunk dispatch of embedding_<type>_f32.
#include "ops/embedding.h"

#include <algorithm>
#include <string>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/matrix.h"
#include "vk/pipeline.h"

namespace lectern::ops {

Status check_token_ids(std::span<const uint32_t> ids, uint64_t n_vocab) {
  for (size_t t = 0; t < ids.size(); ++t) {
    if (ids[t] >= n_vocab) {
      return Status(ErrorCode::InvalidArgument, "token id " + std::to_string(ids[t]) + " at position " +
                                                    std::to_string(t) + " is outside the vocabulary of " +
                                                    std::to_string(n_vocab) + " tokens");
    }
  }
  return Status::ok();
}

Status embedding(vk::Sequence& seq, const vk::DeviceMatrix& table, const vk::BufferSlice& ids,
                 const vk::BufferSlice& y) {
  if (ids.buffer == nullptr || !ids.buffer->valid() || ids.size == 0 || ids.size % sizeof(uint32_t) != 0) {
    return Status(ErrorCode::InvalidArgument, "embedding: ids must be a non-empty range of whole u32 token ids, got " +
                                                  std::to_string(ids.size) + " bytes");
  }
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "embedding", "y"));
  const uint64_t n_tokens = ids.size / sizeof(uint32_t);
  const uint64_t n_embd = table.n_cols();
  if (n_y != n_tokens * n_embd) {
    return Status(ErrorCode::InvalidArgument, "embedding from '" + table.name() + "' [" +
                                                  std::to_string(table.n_rows()) + ", " + std::to_string(n_embd) +
                                                  "] of " + std::to_string(n_tokens) + " ids needs y of " +
                                                  std::to_string(n_tokens * n_embd) + " elements, got " +
                                                  std::to_string(n_y));
  }
  LECTERN_TRY(check_u32(table.n_rows(), "embedding", "table rows"));
  vk::Device& device = seq.device();
  const std::string shader = std::string("embedding_") + dtype_name(table.dtype()) + "_f32";
  uint32_t spec[] = {norm_workgroup(device, n_embd)};  // about four elements per invocation
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, 24, spec}));
  // ids and y in chunks of whole tokens that fit one binding each.
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk,
                           items_per_chunk(device, {sizeof(uint32_t), n_embd * 4}, n_tokens, 1, "embedding"));
  LECTERN_TRY(check_u32(chunk * n_embd, "embedding", "outputs per dispatch"));
  const auto& blocks = table.blocks();
  for (uint64_t t0 = 0; t0 < n_tokens; t0 += chunk) {
    const uint64_t tokens = std::min(chunk, n_tokens - t0);
    const vk::BufferSlice ids_part = sub_slice(ids, t0 * sizeof(uint32_t), tokens * sizeof(uint32_t));
    const vk::BufferSlice y_part = sub_slice(y, t0 * n_embd * 4, tokens * n_embd * 4);
    for (size_t b = 0; b < blocks.size(); ++b) {
      // The shader addresses the table by flat element index.
      LECTERN_TRY(check_u32(blocks[b].n_rows * n_embd, "embedding", "table elements per row block"));
      struct {
        uint32_t n_embd, n_tokens, first_row, n_rows, n_vocab, zero_fill;
      } push{static_cast<uint32_t>(n_embd),          static_cast<uint32_t>(tokens),
             static_cast<uint32_t>(blocks[b].first_row), static_cast<uint32_t>(blocks[b].n_rows),
             static_cast<uint32_t>(table.n_rows()),  b == 0 ? 1u : 0u};
      vk::Binding bindings[] = {{blocks[b].buffer.whole(), vk::Access::Read},
                                {ids_part, vk::Access::Read},
                                {y_part, vk::Access::Write}};
      LECTERN_TRY(
          seq.dispatch(*pipeline, bindings, push, vk::split_groups(tokens, device.limits().max_group_count)));
    }
  }
  return Status::ok();
}

}  // namespace lectern::ops
