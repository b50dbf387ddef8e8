// gguf_reader.h: parser and validator for GGUF v2/v3 files (header, typed metadata, tensor directory).
// Nothing here trusts the file: every length, count and offset is checked against the file size before use.
#pragma once

#include <array>
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

// GGUF metadata value types (gguf spec numbering).
enum class GgufType : uint32_t {
  U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, Bool = 7,
  String = 8, Array = 9, U64 = 10, I64 = 11, F64 = 12,
};
const char* gguf_type_name(GgufType type);
// Byte size of a fixed-size scalar type; 0 for String/Array.
size_t gguf_scalar_size(GgufType type);

// Name of a ggml tensor type id, including types Lectern does not support ("Q4_0", "IQ2_XS", ...).
std::string ggml_type_name(uint32_t ggml_type);

// One metadata value. Strings and numeric array payloads are views into the file's bytes.
struct GgufValue {
  GgufType type = GgufType::U8;
  uint64_t bits = 0;          // scalars: the raw little-endian value, zero-extended
  std::string_view str;       // String
  GgufType elem_type = GgufType::U8;  // Array
  uint64_t n_elems = 0;                // Array
  std::span<const uint8_t> raw;        // Array of fixed-size scalars: n_elems * size bytes (unaligned)
  std::vector<std::string_view> strings;  // Array of String
  std::vector<GgufValue> items;           // Array of Array

  bool is_array() const { return type == GgufType::Array; }
  // Integer scalars (any width/sign) as int64/uint64 when representable; floats only for F32/F64.
  std::optional<int64_t> as_int() const;
  std::optional<uint64_t> as_uint() const;
  std::optional<double> as_float() const;  // F32, F64 (integers too: a rope base written as an int is fine)
  std::optional<bool> as_bool() const;
  // Element i of a numeric array (i < n_elems), decoded like the scalar accessors.
  std::optional<int64_t> array_int(uint64_t i) const;
  std::optional<double> array_float(uint64_t i) const;
};

struct GgufKv {
  std::string key;
  GgufValue value;
};

struct GgufTensorInfo {
  std::string name;
  DType type = DType::F32;
  uint32_t n_dims = 0;
  std::array<uint64_t, 4> ne{1, 1, 1, 1};  // ne[0] is the innermost (contiguous) dimension
  uint64_t offset = 0;                     // relative to the start of the data section
  uint64_t n_elements = 0;
  uint64_t n_bytes = 0;
};

class GgufFile {
 public:
  // Parses bytes the caller keeps alive (the fuzz targets use this). `name` prefixes every error message.
  static Result<GgufFile> parse(std::span<const uint8_t> bytes, const std::string& name);
  // Maps the file read-only and parses it; the mapping lives as long as the GgufFile (and copies of mapping()).
  static Result<GgufFile> open(const std::string& path);

  const std::string& name() const { return name_; }
  uint32_t version() const { return version_; }
  uint64_t alignment() const { return alignment_; }
  uint64_t data_offset() const { return data_offset_; }  // absolute byte offset of the data section
  uint64_t file_size() const { return bytes_.size(); }
  std::span<const uint8_t> bytes() const { return bytes_; }
  const std::shared_ptr<const MappedFile>& mapping() const { return mapping_; }

  const std::vector<GgufKv>& metadata() const { return kvs_; }
  const GgufValue* find(std::string_view key) const;
  const std::vector<GgufTensorInfo>& tensors() const { return tensors_; }
  const GgufTensorInfo* find_tensor(std::string_view name) const;
  // The tensor's bytes (validated to lie inside the file at parse time).
  std::span<const uint8_t> tensor_data(const GgufTensorInfo& info) const;

  // Typed getters. Missing key -> NotFound "missing metadata key 'k'"; wrong type -> CorruptData naming the
  // key, its type and what was expected.
  Result<uint64_t> get_uint(std::string_view key) const;
  Result<uint64_t> get_uint_or(std::string_view key, uint64_t fallback) const;
  Result<double> get_float(std::string_view key) const;
  Result<std::string_view> get_string(std::string_view key) const;
  Result<bool> get_bool_or(std::string_view key, bool fallback) const;
  Result<std::vector<int64_t>> get_int_array(std::string_view key) const;
  // Returns a pointer into this file's metadata (valid as long as the GgufFile).
  Result<const std::vector<std::string_view>*> get_string_array(std::string_view key) const;

 private:
  std::string name_;
  uint32_t version_ = 0;
  uint64_t alignment_ = 32;
  uint64_t data_offset_ = 0;
  std::span<const uint8_t> bytes_;
  std::shared_ptr<const MappedFile> mapping_;
  std::vector<GgufKv> kvs_;
  std::unordered_map<std::string, size_t> kv_index_;
  std::vector<GgufTensorInfo> tensors_;
  std::unordered_map<std::string, size_t> tensor_index_;

  friend class GgufParser;
};

// Limits a parser applies before allocating (a hostile header cannot make it reserve gigabytes).
inline constexpr uint32_t k_gguf_max_array_depth = 4;
inline constexpr uint64_t k_gguf_default_alignment = 32;

}  // namespace lectern::model
