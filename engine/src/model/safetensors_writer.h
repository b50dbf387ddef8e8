// safetensors_writer.h: writes .safetensors files (F32/F16/BF16 tensors), streaming the data tensor by tensor.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern::model {

struct SafetensorsWriteTensor {
  std::string name;
  DType type = DType::F32;
  std::vector<uint64_t> shape;  // row-major, outermost first
  uint64_t n_bytes = 0;
  uint64_t begin = 0;           // relative to the data section
};

class SafetensorsWriter {
 public:
  // InvalidArgument for dtypes safetensors cannot hold (block-quantized types).
  Status add_tensor(std::string name, DType type, std::vector<uint64_t> shape);
  void set_metadata(std::map<std::string, std::string> metadata) { metadata_ = std::move(metadata); }
  const std::vector<SafetensorsWriteTensor>& tensors() const { return tensors_; }

  // Receives a tensor's bytes in pieces, in order.
  using Sink = std::function<Status(const void* data, size_t n_bytes)>;
  // Streams exactly tensor.n_bytes bytes of tensor `index` into the sink.
  using Producer = std::function<Status(size_t index, const SafetensorsWriteTensor& tensor, const Sink& sink)>;
  // Writes path + ".partial", renames on success.
  Status write(const std::string& path, const Producer& produce) const;
  // The 8-byte length plus the JSON header, padded with spaces to a multiple of 8 as the reference writer does.
  std::vector<uint8_t> header_bytes() const;

 private:
  std::vector<SafetensorsWriteTensor> tensors_;
  std::map<std::string, std::string> metadata_;
  uint64_t data_size_ = 0;
};

}  // namespace lectern::model
