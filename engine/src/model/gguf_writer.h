// gguf_writer.h: writes GGUF v3 files (llama.cpp layout: metadata, tensor infos, 32-byte aligned data),
// streaming tensor data so a model never has to sit in memory whole.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"
#include "model/gguf_reader.h"

namespace lectern::model {

// A metadata value to write. Build with the helpers below.
struct GgufWriteValue {
  GgufType type = GgufType::U32;
  uint64_t bits = 0;                      // scalars, raw little-endian bits
  std::string str;                        // String
  GgufType elem_type = GgufType::U32;     // Array
  std::vector<uint64_t> scalars;          // Array of fixed-size scalars (raw bits)
  std::vector<std::string> strings;       // Array of String
  std::vector<GgufWriteValue> arrays;     // Array of Array

  static GgufWriteValue scalar(GgufType type, uint64_t bits);
  static GgufWriteValue u32(uint32_t v) { return scalar(GgufType::U32, v); }
  static GgufWriteValue i32(int32_t v) { return scalar(GgufType::I32, static_cast<uint32_t>(v)); }
  static GgufWriteValue u64(uint64_t v) { return scalar(GgufType::U64, v); }
  static GgufWriteValue f32(float v);
  static GgufWriteValue f64(double v);
  static GgufWriteValue boolean(bool v) { return scalar(GgufType::Bool, v ? 1 : 0); }
  static GgufWriteValue string(std::string v);
  static GgufWriteValue array_i32(const std::vector<int32_t>& v);
  static GgufWriteValue array_u32(const std::vector<uint32_t>& v);
  static GgufWriteValue array_f32(const std::vector<float>& v);
  static GgufWriteValue array_bool(const std::vector<bool>& v);
  static GgufWriteValue array_scalars(GgufType elem_type, std::vector<uint64_t> bits);
  static GgufWriteValue array_strings(std::vector<std::string> v);
  static GgufWriteValue array_arrays(std::vector<GgufWriteValue> v);
  // A copy of a value read from a file (to rewrite or extend an existing GGUF).
  static GgufWriteValue from(const GgufValue& v);
};

struct GgufWriteTensor {
  std::string name;
  DType type = DType::F32;
  std::vector<uint64_t> ne;  // ne[0] innermost
  uint64_t n_bytes = 0;      // filled by add_tensor
  uint64_t offset = 0;       // filled by add_tensor (relative to the data section)
};

class GgufWriter {
 public:
  explicit GgufWriter(uint32_t alignment = 32) : alignment_(alignment) {}

  // Adding general.alignment (a u32 power of two) also changes the alignment the data is laid out with.
  void add(std::string key, GgufWriteValue value);
  // InvalidArgument when ne0 is not a multiple of the type's block size or the shape is empty.
  Status add_tensor(std::string name, DType type, std::vector<uint64_t> ne);
  const std::vector<GgufWriteTensor>& tensors() const { return tensors_; }

  // Receives a tensor's bytes in pieces, in order (a producer may call it any number of times).
  using Sink = std::function<Status(const void* data, size_t n_bytes)>;
  // Streams exactly tensor.n_bytes bytes of tensor `index` into the sink.
  using Producer = std::function<Status(size_t index, const GgufWriteTensor& tensor, const Sink& sink)>;
  // Writes to path + ".partial" and renames on success, so a failed write never leaves a plausible file.
  Status write(const std::string& path, const Producer& produce) const;
  // Header + metadata + tensor infos + padding, as written (for tests and in-memory files).
  std::vector<uint8_t> header_bytes() const;

 private:
  uint32_t alignment_;
  std::vector<std::pair<std::string, GgufWriteValue>> kvs_;
  std::vector<GgufWriteTensor> tensors_;
  uint64_t data_size_ = 0;

  void relayout();
};

}  // namespace lectern::model
