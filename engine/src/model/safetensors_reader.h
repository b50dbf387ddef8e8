// safetensors_reader.h: parser and validator for .safetensors files (8-byte header length, JSON header,
// raw little-endian data); every offset is checked against the file before any tensor is handed out.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"
#include "model/mapped_file.h"

namespace lectern::model {

struct SafetensorsTensor {
  std::string name;
  std::string dtype_name;         // as written: "BF16", "F32", "I64", ...
  std::optional<DType> dtype;     // F32 / F16 / BF16; nullopt for types Lectern cannot use as weights
  std::vector<uint64_t> shape;    // row-major, outermost first (PyTorch order)
  uint64_t begin = 0, end = 0;    // byte range relative to the data section
  uint64_t n_elements = 0;
};

class SafetensorsFile {
 public:
  // Parses bytes the caller keeps alive (fuzz targets use this); `name` prefixes every error.
  static Result<SafetensorsFile> parse(std::span<const uint8_t> bytes, const std::string& name);
  static Result<SafetensorsFile> open(const std::string& path);

  const std::string& name() const { return name_; }
  uint64_t data_offset() const { return data_offset_; }  // 8 + header length
  const std::vector<SafetensorsTensor>& tensors() const { return tensors_; }
  const SafetensorsTensor* find(std::string_view name) const;
  std::span<const uint8_t> tensor_data(const SafetensorsTensor& t) const;
  const std::shared_ptr<const MappedFile>& mapping() const { return mapping_; }

 private:
  std::string name_;
  std::span<const uint8_t> bytes_;
  uint64_t data_offset_ = 0;
  std::shared_ptr<const MappedFile> mapping_;
  std::vector<SafetensorsTensor> tensors_;
  std::unordered_map<std::string, size_t> index_;
};

// Byte size of one element of a safetensors dtype name; 0 when the name is not a safetensors dtype.
size_t safetensors_dtype_size(std::string_view dtype);

// The safetensors reference implementation refuses headers above 100 MB; so do we.
inline constexpr uint64_t k_safetensors_max_header = 100ull * 1000 * 1000;

}  // namespace lectern::model
