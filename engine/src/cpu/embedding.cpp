// embedding.cpp: reference embedding gather, one dequantize_row per token.
#include "cpu/embedding.h"

#include <algorithm>
#include <string>

#include "core/quant.h"

namespace lectern::cpu {

Status embedding(DType dtype, std::span<const std::byte> table, size_t n_vocab, size_t n_embd,
                 std::span<const uint32_t> ids, std::span<float> y) {
  if (!quant_row_supported(dtype)) {
    return Status(ErrorCode::Unsupported, std::string("embedding: no conversion for ") + dtype_name(dtype) + " tables");
  }
  const DTypeInfo info = dtype_info(dtype);
  if (n_vocab == 0 || n_embd == 0 || n_embd % info.block_elems != 0) {
    return Status(ErrorCode::InvalidArgument, "embedding: a " + std::string(info.name) + " table [" +
                                                  std::to_string(n_vocab) + ", " + std::to_string(n_embd) +
                                                  "] needs rows of whole " + std::to_string(info.block_elems) +
                                                  "-element blocks");
  }
  const size_t row_bytes = dtype_row_bytes(dtype, n_embd);
  if (table.size() != n_vocab * row_bytes || y.size() != ids.size() * n_embd) {
    return Status(ErrorCode::InvalidArgument, "embedding: table [" + std::to_string(n_vocab) + ", " +
                                                  std::to_string(n_embd) + "] of " + info.name + " needs " +
                                                  std::to_string(n_vocab * row_bytes) + " bytes and y of " +
                                                  std::to_string(ids.size() * n_embd) + " floats, got " +
                                                  std::to_string(table.size()) + " and " + std::to_string(y.size()));
  }
  for (size_t t = 0; t < ids.size(); ++t) {
    std::span<float> row = y.subspan(t * n_embd, n_embd);
    if (ids[t] >= n_vocab) {
      std::fill(row.begin(), row.end(), 0.0f);
      continue;
    }
    LECTERN_TRY(dequantize_row_checked(dtype, table.data() + size_t{ids[t]} * row_bytes, row_bytes, row.data(),
                                       static_cast<int64_t>(n_embd)));
  }
  return Status::ok();
}

}  // namespace lectern::cpu
