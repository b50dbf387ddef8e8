// matrix.cpp: splitting 2-D tensors into row blocks that respect per-binding and per-allocation limits.
#include "vk/matrix.h"

#include <algorithm>

#include "vk/device.h"
#include "vk/transfer.h"

namespace lectern::vk {

Result<uint64_t> DeviceMatrix::max_rows_per_block(const Device& device, DType dtype, uint64_t n_cols) {
  DTypeInfo info = dtype_info(dtype);
  if (n_cols == 0 || n_cols % info.block_elems != 0) {
    return Status(ErrorCode::InvalidArgument, "a " + std::string(info.name) + " row of " + std::to_string(n_cols) +
                                                  " elements is not a whole number of " +
                                                  std::to_string(info.block_elems) + "-element blocks");
  }
  uint64_t row_bytes = dtype_row_bytes(dtype, n_cols);
  // Multiples of the buffer granule, so padded buffers and 4-byte-rounded binding ranges stay within both limits.
  uint64_t limit = std::min(device.limits().max_binding_bytes, device.limits().max_allocation_bytes);
  limit = limit / Buffer::k_granule * Buffer::k_granule;
  if (row_bytes > limit) {
    return Status(ErrorCode::Unsupported, "one row of " + std::to_string(n_cols) + " " + info.name + " elements (" +
                                              format_bytes(row_bytes) + ") exceeds the " + format_bytes(limit) +
                                              " a single binding may cover on " + device.info().name);
  }
  return limit / row_bytes;
}

Result<DeviceMatrix> DeviceMatrix::create(const Device& device, DType dtype, uint64_t n_rows, uint64_t n_cols,
                                          std::string name) {
  if (n_rows == 0) return Status(ErrorCode::InvalidArgument, "matrix '" + name + "' has no rows");
  auto max_rows = max_rows_per_block(device, dtype, n_cols);
  if (!max_rows) return max_rows.status().with_context("matrix '" + name + "'");
  DeviceMatrix m;
  m.dtype_ = dtype;
  m.n_rows_ = n_rows;
  m.n_cols_ = n_cols;
  m.row_bytes_ = dtype_row_bytes(dtype, n_cols);
  m.name_ = std::move(name);
  // Equal-sized blocks (rather than full blocks plus a small tail) keep per-block dispatches balanced.
  uint64_t n_blocks = (n_rows + *max_rows - 1) / *max_rows;
  uint64_t rows_per_block = (n_rows + n_blocks - 1) / n_blocks;
  for (uint64_t first = 0; first < n_rows; first += rows_per_block) {
    uint64_t rows = std::min(rows_per_block, n_rows - first);
    std::string block_name = n_blocks == 1 ? m.name_ : m.name_ + "[rows " + std::to_string(first) + ".." +
                                                           std::to_string(first + rows) + ")";
    LECTERN_ASSIGN_OR_RETURN(Buffer buffer,
                             Buffer::create(device, rows * m.row_bytes_, MemoryUsage::DeviceLocal, block_name));
    m.blocks_.push_back({std::move(buffer), first, rows});
  }
  return m;
}

Result<DeviceMatrix> DeviceMatrix::upload(const Device& device, Transfer& transfer, DType dtype, uint64_t n_rows,
                                          uint64_t n_cols, std::span<const std::byte> data, std::string name) {
  LECTERN_ASSIGN_OR_RETURN(DeviceMatrix m, create(device, dtype, n_rows, n_cols, std::move(name)));
  LECTERN_TRY(m.write(transfer, data));
  return m;
}

Status DeviceMatrix::write(Transfer& transfer, std::span<const std::byte> data) {
  if (data.size() != n_rows_ * row_bytes_) {
    return Status(ErrorCode::InvalidArgument, "matrix '" + name_ + "' [" + std::to_string(n_rows_) + ", " +
                                                  std::to_string(n_cols_) + "] of " + dtype_name(dtype_) + " needs " +
                                                  std::to_string(n_rows_ * row_bytes_) + " bytes, got " +
                                                  std::to_string(data.size()));
  }
  for (const RowBlock& block : blocks_) {
    LECTERN_TRY(transfer.upload(block.buffer, 0, data.data() + block.first_row * row_bytes_,
                                block.n_rows * row_bytes_));
  }
  return Status::ok();
}

}  // namespace lectern::vk
