// mapped_file.h: read-only memory mapping of a whole file plus a bounds-checked cursor over its bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>

#include "lectern/status.h"

namespace lectern::model {

// A file mapped read-only (PROT_READ, MAP_PRIVATE). Move-only; unmaps on destruction. An empty file is
// valid and has an empty byte span (mmap cannot map zero bytes).
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile();

  // NotFound when the file does not exist, IoError when it cannot be opened (permissions, a directory)
  // or mapped. Messages name the path.
  static Result<MappedFile> open(const std::string& path);

  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  std::string path_;
};

// Convenience for holders that share one mapping (several tensor views keep it alive).
Result<std::shared_ptr<const MappedFile>> map_file_shared(const std::string& path);

// Sequential little-endian reader that never reads past the end: every read reports failure instead.
// On failure the position is unchanged, so callers can say where the truncation happened.
class ByteReader {
 public:
  explicit ByteReader(std::span<const uint8_t> bytes, size_t pos = 0) : bytes_(bytes), pos_(pos) {}

  size_t pos() const { return pos_; }
  size_t size() const { return bytes_.size(); }
  size_t remaining() const { return pos_ <= bytes_.size() ? bytes_.size() - pos_ : 0; }
  bool has(uint64_t n) const { return n <= remaining(); }

  template <typename T>
  bool read(T& out) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!has(sizeof(T))) return false;
    std::memcpy(&out, bytes_.data() + pos_, sizeof(T));  // unaligned-safe; host is little-endian
    pos_ += sizeof(T);
    return true;
  }

  // A view of the next n bytes; advances past them.
  bool read_bytes(uint64_t n, std::span<const uint8_t>& out) {
    if (!has(n)) return false;
    out = bytes_.subspan(pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return true;
  }

  bool skip(uint64_t n) {
    if (!has(n)) return false;
    pos_ += static_cast<size_t>(n);
    return true;
  }

 private:
  std::span<const uint8_t> bytes_;
  size_t pos_ = 0;
};

}  // namespace lectern::model
