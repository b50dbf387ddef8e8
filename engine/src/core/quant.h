// quant.h: ggml's quantised block formats (Q8_0, Q4_K, Q5_K, Q6_K) and row-wise conversion between them and f32.
//
// Dequantisation follows ggml's arithmetic operation by operation (same products, same order, f32 throughout), so
// its output is bit-identical to ggml's dequantize_row_* for every block. Quantisation is Lectern's own (a
// per-sub-block scale/min search in the spirit of ggml's reference quantisers); its bytes are valid ggml blocks but
// need not equal what llama-quantize writes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern {

inline constexpr int k_qk8_0 = 32;     // elements per Q8_0 block
inline constexpr int k_qk_k = 256;     // elements per K-quant super-block
inline constexpr int k_k_scale_bytes = 12;  // Q4_K/Q5_K: 8 six-bit scales + 8 six-bit mins

// Blocks are byte-packed (alignment 1) so a pointer into a file mapping at any offset may be viewed as blocks.
// f16 fields are raw IEEE binary16 bits (convert with f16_to_f32). Field order is ggml's (ggml-common.h).
#pragma pack(push, 1)

// x[i] = d * qs[i]
struct BlockQ8_0 {
  uint16_t d;            // f16 scale
  int8_t qs[k_qk8_0];    // quants, element order
};

// 8 sub-blocks of 32: x = d * sc[j] * q - dmin * m[j], q in [0, 15]. scales[] packs sc/m as 6 bits each (see
// unpack_k_scale_min). qs[32*c + l] holds element 64*c + l in its low nibble and element 64*c + 32 + l in its high.
struct BlockQ4_K {
  uint16_t d;                        // f16 super-block scale of the sub-block scales
  uint16_t dmin;                     // f16 super-block scale of the sub-block mins
  uint8_t scales[k_k_scale_bytes];   // packed 6-bit sub-block scales and mins
  uint8_t qs[k_qk_k / 2];            // 4-bit quants
};

// As Q4_K with 5-bit quants q in [0, 31]: the low 4 bits are in qs (same order as Q4_K); bit 4 of element
// 64*c + l is bit 2c of qh[l], of element 64*c + 32 + l bit 2c+1 of qh[l].
struct BlockQ5_K {
  uint16_t d;
  uint16_t dmin;
  uint8_t scales[k_k_scale_bytes];
  uint8_t qh[k_qk_k / 8];            // high (fifth) bits
  uint8_t qs[k_qk_k / 2];            // low 4 bits
};

// 16 sub-blocks of 16: x = d * scales[j] * (q - 32), q in [0, 63]. Each half of 128 elements (h = 0, 1) uses
// ql[64h .. 64h+63] and qh[32h .. 32h+31]; within a half, for l in [0, 32): element l = low nibble of ql[l],
// l+32 = low nibble of ql[l+32], l+64 = high nibble of ql[l], l+96 = high nibble of ql[l+32]; their upper two bits
// are bits 0-1, 2-3, 4-5, 6-7 of qh[l].
struct BlockQ6_K {
  uint8_t ql[k_qk_k / 2];            // low 4 bits
  uint8_t qh[k_qk_k / 4];            // upper 2 bits
  int8_t scales[k_qk_k / 16];        // signed 8-bit sub-block scales
  uint16_t d;                        // f16 super-block scale
};

#pragma pack(pop)

static_assert(sizeof(BlockQ8_0) == 34 && alignof(BlockQ8_0) == 1);
static_assert(sizeof(BlockQ4_K) == 144 && alignof(BlockQ4_K) == 1);
static_assert(sizeof(BlockQ5_K) == 176 && alignof(BlockQ5_K) == 1);
static_assert(sizeof(BlockQ6_K) == 210 && alignof(BlockQ6_K) == 1);
static_assert(offsetof(BlockQ4_K, scales) == 4 && offsetof(BlockQ4_K, qs) == 16);
static_assert(offsetof(BlockQ5_K, qh) == 16 && offsetof(BlockQ5_K, qs) == 48);
static_assert(offsetof(BlockQ6_K, qh) == 128 && offsetof(BlockQ6_K, scales) == 192 && offsetof(BlockQ6_K, d) == 208);

// Q4_K/Q5_K packing of sub-block j's 6-bit scale and min into 12 bytes: for j < 4, scales[j] and scales[j+4] hold
// sc and m in their low 6 bits; for j >= 4, scales[j+4] holds the low 4 bits of sc (low nibble) and m (high nibble)
// and the top 2 bits of bytes j-4 (sc) and j (m) hold their high 2 bits.
inline void unpack_k_scale_min(int j, const uint8_t* scales, uint8_t* sc, uint8_t* m) {
  if (j < 4) {
    *sc = scales[j] & 63;
    *m = scales[j + 4] & 63;
  } else {
    *sc = static_cast<uint8_t>((scales[j + 4] & 0x0f) | ((scales[j - 4] >> 6) << 4));
    *m = static_cast<uint8_t>((scales[j + 4] >> 4) | ((scales[j] >> 6) << 4));
  }
}

// Inverse of unpack_k_scale_min for all 8 sub-blocks; sc and m must be < 64.
void pack_k_scale_min(const uint8_t sc[8], const uint8_t m[8], uint8_t* scales);

// True for the types dequantize_row / quantize_row handle: F32, F16, BF16, Q8_0, Q4_K, Q5_K, Q6_K.
bool quant_row_supported(DType type);

// Fast, unchecked row conversions. Preconditions (not checked): the type is supported, n >= 0 and a multiple of
// the type's block size, src/dst hold dtype_row_bytes(type, n) bytes resp. n floats and do not overlap. On a
// violation nothing is written beyond the last whole block and unsupported types write nothing; use the
// *_checked variants where inputs come from outside.
void dequantize_row(DType type, const void* src, float* dst, int64_t n);
void quantize_row(DType type, const float* src, void* dst, int64_t n);

// Checked variants: InvalidArgument for a negative n, an n that is not a multiple of the block size, a null
// pointer with n > 0 or a buffer size other than dtype_row_bytes(type, n); Unsupported for other types.
Status dequantize_row_checked(DType type, const void* src, size_t src_bytes, float* dst, int64_t n);
Status quantize_row_checked(DType type, const float* src, int64_t n, void* dst, size_t dst_bytes);

// Per-format entry points (n a multiple of the format's block size; same preconditions as above).
void dequantize_row_q8_0(const BlockQ8_0* src, float* dst, int64_t n);
void dequantize_row_q4_k(const BlockQ4_K* src, float* dst, int64_t n);
void dequantize_row_q5_k(const BlockQ5_K* src, float* dst, int64_t n);
void dequantize_row_q6_k(const BlockQ6_K* src, float* dst, int64_t n);
void quantize_row_q8_0(const float* src, BlockQ8_0* dst, int64_t n);
void quantize_row_q4_k(const float* src, BlockQ4_K* dst, int64_t n);
void quantize_row_q5_k(const float* src, BlockQ5_K* dst, int64_t n);
void quantize_row_q6_k(const float* src, BlockQ6_K* dst, int64_t n);

}  // namespace lectern
