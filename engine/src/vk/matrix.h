// matrix.h: DeviceMatrix, a row-major 2-D tensor [n_rows, n_cols] on the device (a weight W[out, in], an embedding
// table) stored as blocks of whole rows, each in its own buffer small enough for one storage-buffer binding and one
// allocation. A 508 MB embedding on lavapipe (128 MiB per binding) becomes four blocks; kernels run once per block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {

class Device;
class Transfer;

struct RowBlock {
  Buffer buffer;  // rows [first_row, first_row + n_rows), row-major, starting at byte 0
  uint64_t first_row = 0;
  uint64_t n_rows = 0;
};

class DeviceMatrix {
 public:
  // Allocates without initialising. InvalidArgument when n_cols is not a whole number of dtype blocks or a single
  // row exceeds the binding limit.
  static Result<DeviceMatrix> create(const Device& device, DType dtype, uint64_t n_rows, uint64_t n_cols,
                                     std::string name);
  // create() plus upload of `data`: n_rows * row_bytes() bytes in GGUF/HF layout (row-major [n_rows, n_cols]).
  static Result<DeviceMatrix> upload(const Device& device, Transfer& transfer, DType dtype, uint64_t n_rows,
                                     uint64_t n_cols, std::span<const std::byte> data, std::string name);

  // Rows that fit in one block given the device's binding and allocation limits.
  static Result<uint64_t> max_rows_per_block(const Device& device, DType dtype, uint64_t n_cols);

  Status write(Transfer& transfer, std::span<const std::byte> data);

  DType dtype() const { return dtype_; }
  uint64_t n_rows() const { return n_rows_; }
  uint64_t n_cols() const { return n_cols_; }
  uint64_t row_bytes() const { return row_bytes_; }
  const std::vector<RowBlock>& blocks() const { return blocks_; }
  const std::string& name() const { return name_; }

 private:
  DType dtype_ = DType::F32;
  uint64_t n_rows_ = 0;
  uint64_t n_cols_ = 0;
  uint64_t row_bytes_ = 0;
  std::vector<RowBlock> blocks_;
  std::string name_;
};

}  // namespace lectern::vk
