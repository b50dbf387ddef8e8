// tensor_upload.cpp: TensorUploader, the one place that turns a validated TensorRef into device memory.
#include "runtime/tensor_upload.h"

#include <span>
#include <string>

#include "vk/device.h"
#include "vk/transfer.h"

namespace lectern::runtime {
namespace {

Status missing(const model::TensorRef& t) {
  return Status(ErrorCode::Internal, "tensor " + t.name + " is missing although the weights were validated");
}

}  // namespace

Result<vk::DeviceMatrix> TensorUploader::matrix(const model::TensorRef& t) {
  if (!t.present()) return missing(t);
  if (t.ne[2] != 1 || t.ne[3] != 1) {
    return Status(ErrorCode::Unsupported, "tensor " + t.name + " has shape " + t.shape_string() +
                                              "; the Vulkan backend expects a 2-D matrix");
  }
  auto m = vk::DeviceMatrix::upload(device_, transfer_, t.dtype, t.ne[1], t.ne[0],
                                    std::span<const std::byte>(reinterpret_cast<const std::byte*>(t.data), t.n_bytes),
                                    t.name);
  if (!m.is_ok()) return m.status().with_context("uploading " + t.name + " " + t.shape_string());
  n_bytes_ += m->n_rows() * m->row_bytes();
  return m;
}

Result<vk::Buffer> TensorUploader::f32(const model::TensorRef& t) {
  if (!t.present()) return missing(t);
  if (t.dtype != DType::F32) {
    return Status(ErrorCode::Internal, "tensor " + t.name + " is " + dtype_name(t.dtype) +
                                           ", but the canonical form of 1-D tensors and conv kernels is F32");
  }
  auto b = vk::Buffer::create(device_, t.n_bytes, vk::MemoryUsage::DeviceLocal, t.name);
  if (!b.is_ok()) return b.status().with_context("uploading " + t.name + " " + t.shape_string());
  LECTERN_TRY(transfer_.upload(*b, 0, t.data, t.n_bytes));
  n_bytes_ += t.n_bytes;
  return b;
}

}  // namespace lectern::runtime
