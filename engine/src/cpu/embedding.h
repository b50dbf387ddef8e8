// embedding.h: reference embedding gather: rows of a token table (any stored type) converted to f32.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern::cpu {

// y[t, :] = table[ids[t], :] for table [n_vocab, n_embd] row-major in `dtype` (f32, f16, bf16, q8_0, q4_k, q5_k,
// q6_k; rows dequantised with dequantize_row, bit-identical to ggml). qwen35.md §2.1: h0[t] = E[token_t], no scale.
// An id >= n_vocab gives a row of zeros (the rule ops::embedding follows; callers validate ids with
// ops::check_token_ids where they have them). InvalidArgument for mismatched sizes, Unsupported for other types.
Status embedding(DType dtype, std::span<const std::byte> table, size_t n_vocab, size_t n_embd,
                 std::span<const uint32_t> ids, std::span<float> y);

}  // namespace lectern::cpu
