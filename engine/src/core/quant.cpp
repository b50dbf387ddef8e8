// quant.cpp: row conversion dispatch by dtype, the plain float formats, and the checked (Status) entry points.
#include "core/quant.h"

#include <cstring>
#include <string>

namespace lectern {

namespace {

// Floor division to whole blocks: an n that breaks the precondition converts the whole blocks only.
int64_t whole_elems(DType type, int64_t n) {
  if (n <= 0) return 0;
  const int64_t block = dtype_info(type).block_elems;
  return n / block * block;
}

Status validate(DType type, const void* data, size_t bytes, const void* floats, int64_t n, const char* what) {
  const std::string op = what;
  if (!quant_row_supported(type))
    return Status(ErrorCode::Unsupported, op + ": dtype " + std::to_string(static_cast<uint32_t>(type)) +
                                              " is not one of f32, f16, bf16, q8_0, q4_k, q5_k, q6_k");
  const DTypeInfo info = dtype_info(type);
  if (n < 0) return Status(ErrorCode::InvalidArgument, op + ": negative element count " + std::to_string(n));
  if (n % info.block_elems != 0)
    return Status(ErrorCode::InvalidArgument, op + ": " + std::to_string(n) + " elements is not a multiple of the " +
                                                  info.name + " block size " + std::to_string(info.block_elems));
  const uint64_t want = dtype_row_bytes(type, static_cast<uint64_t>(n));
  if (bytes != want)
    return Status(ErrorCode::InvalidArgument, op + ": " + std::to_string(n) + " " + info.name + " elements need " +
                                                  std::to_string(want) + " bytes, buffer has " + std::to_string(bytes));
  if (n > 0 && (data == nullptr || floats == nullptr))
    return Status(ErrorCode::InvalidArgument, op + ": null buffer for " + std::to_string(n) + " elements");
  return Status::ok();
}

}  // namespace

bool quant_row_supported(DType type) {
  switch (type) {
    case DType::F32:
    case DType::F16:
    case DType::BF16:
    case DType::Q8_0:
    case DType::Q4_K:
    case DType::Q5_K:
    case DType::Q6_K:
      return true;
  }
  return false;
}

void dequantize_row(DType type, const void* src, float* dst, int64_t n) {
  if (!quant_row_supported(type)) return;
  n = whole_elems(type, n);
  switch (type) {
    case DType::F32:
      if (n > 0) std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(float));
      return;
    case DType::F16: {
      const auto* h = static_cast<const uint8_t*>(src);  // may be unaligned: read bytes
      for (int64_t i = 0; i < n; ++i) {
        uint16_t v;
        std::memcpy(&v, h + 2 * i, 2);
        dst[i] = f16_to_f32(v);
      }
      return;
    }
    case DType::BF16: {
      const auto* b = static_cast<const uint8_t*>(src);
      for (int64_t i = 0; i < n; ++i) {
        uint16_t v;
        std::memcpy(&v, b + 2 * i, 2);
        dst[i] = bf16_to_f32(v);
      }
      return;
    }
    case DType::Q8_0: dequantize_row_q8_0(static_cast<const BlockQ8_0*>(src), dst, n); return;
    case DType::Q4_K: dequantize_row_q4_k(static_cast<const BlockQ4_K*>(src), dst, n); return;
    case DType::Q5_K: dequantize_row_q5_k(static_cast<const BlockQ5_K*>(src), dst, n); return;
    case DType::Q6_K: dequantize_row_q6_k(static_cast<const BlockQ6_K*>(src), dst, n); return;
  }
}

void quantize_row(DType type, const float* src, void* dst, int64_t n) {
  if (!quant_row_supported(type)) return;
  n = whole_elems(type, n);
  switch (type) {
    case DType::F32:
      if (n > 0) std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(float));
      return;
    case DType::F16: {
      auto* h = static_cast<uint8_t*>(dst);
      for (int64_t i = 0; i < n; ++i) {
        const uint16_t v = f32_to_f16(src[i]);
        std::memcpy(h + 2 * i, &v, 2);
      }
      return;
    }
    case DType::BF16: {
      auto* b = static_cast<uint8_t*>(dst);
      for (int64_t i = 0; i < n; ++i) {
        const uint16_t v = f32_to_bf16(src[i]);
        std::memcpy(b + 2 * i, &v, 2);
      }
      return;
    }
    case DType::Q8_0: quantize_row_q8_0(src, static_cast<BlockQ8_0*>(dst), n); return;
    case DType::Q4_K: quantize_row_q4_k(src, static_cast<BlockQ4_K*>(dst), n); return;
    case DType::Q5_K: quantize_row_q5_k(src, static_cast<BlockQ5_K*>(dst), n); return;
    case DType::Q6_K: quantize_row_q6_k(src, static_cast<BlockQ6_K*>(dst), n); return;
  }
}

Status dequantize_row_checked(DType type, const void* src, size_t src_bytes, float* dst, int64_t n) {
  LECTERN_TRY(validate(type, src, src_bytes, dst, n, "dequantize_row"));
  dequantize_row(type, src, dst, n);
  return Status::ok();
}

Status quantize_row_checked(DType type, const float* src, int64_t n, void* dst, size_t dst_bytes) {
  LECTERN_TRY(validate(type, dst, dst_bytes, src, n, "quantize_row"));
  quantize_row(type, src, dst, n);
  return Status::ok();
}

}  // namespace lectern
