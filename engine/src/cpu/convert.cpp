// convert.cpp: f32 / f16 / bf16 element conversion, one element at a time (the obviously-correct way).
#include "cpu/convert.h"

#include <cstring>
#include <string>

namespace lectern::cpu {

Status to_f32(DType dtype, std::span<const std::byte> data, std::span<float> out) {
  DTypeInfo info = dtype_info(dtype);
  if (info.block_elems != 1) {
    return Status(ErrorCode::Unsupported, std::string("no reference conversion for ") + info.name + " yet");
  }
  if (data.size() < out.size() * info.block_bytes) {
    return Status(ErrorCode::InvalidArgument, std::to_string(out.size()) + " " + info.name + " elements need " +
                                                  std::to_string(out.size() * info.block_bytes) + " bytes, got " +
                                                  std::to_string(data.size()));
  }
  for (size_t i = 0; i < out.size(); ++i) {
    const std::byte* p = data.data() + i * info.block_bytes;
    if (dtype == DType::F32) {
      std::memcpy(&out[i], p, sizeof(float));
    } else {
      uint16_t h = 0;
      std::memcpy(&h, p, sizeof h);
      out[i] = dtype == DType::F16 ? f16_to_f32(h) : bf16_to_f32(h);
    }
  }
  return Status::ok();
}

}  // namespace lectern::cpu
