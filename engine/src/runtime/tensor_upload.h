// tensor_upload.h: uploads validated weight tensors to the device as stored (shared by the text and vision towers):
// 2-D tensors as vk::DeviceMatrix, 1-D tensors as f32 buffers, counting the device bytes.
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "model/weights.h"
#include "vk/buffer.h"
#include "vk/matrix.h"

namespace lectern::vk {
class Device;
class Transfer;
}  // namespace lectern::vk

namespace lectern::runtime {

class TensorUploader {
 public:
  TensorUploader(const vk::Device& device, vk::Transfer& transfer) : device_(device), transfer_(transfer) {}

  // A 2-D tensor ne [in, out] becomes DeviceMatrix [out rows, in cols] in its stored type (same bytes).
  Result<vk::DeviceMatrix> matrix(const model::TensorRef& t);
  // 1-D tensors and the conv kernel: f32 (the weights' validation guarantees the canonical form is F32).
  Result<vk::Buffer> f32(const model::TensorRef& t);
  // Device bytes uploaded so far.
  uint64_t n_bytes() const { return n_bytes_; }

 private:
  const vk::Device& device_;
  vk::Transfer& transfer_;
  uint64_t n_bytes_ = 0;
};

}  // namespace lectern::runtime
