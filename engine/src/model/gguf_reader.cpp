// gguf_reader.cpp: GGUF parsing with bounds checks on every read and validation of the tensor directory.
#include "model/gguf_reader.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace lectern::model {

const char* gguf_type_name(GgufType type) {
  switch (type) {
    case GgufType::U8: return "u8";
    case GgufType::I8: return "i8";
    case GgufType::U16: return "u16";
    case GgufType::I16: return "i16";
    case GgufType::U32: return "u32";
    case GgufType::I32: return "i32";
    case GgufType::F32: return "f32";
    case GgufType::Bool: return "bool";
    case GgufType::String: return "string";
    case GgufType::Array: return "array";
    case GgufType::U64: return "u64";
    case GgufType::I64: return "i64";
    case GgufType::F64: return "f64";
  }
  return "unknown";
}

size_t gguf_scalar_size(GgufType type) {
  switch (type) {
    case GgufType::U8: case GgufType::I8: case GgufType::Bool: return 1;
    case GgufType::U16: case GgufType::I16: return 2;
    case GgufType::U32: case GgufType::I32: case GgufType::F32: return 4;
    case GgufType::U64: case GgufType::I64: case GgufType::F64: return 8;
    case GgufType::String: case GgufType::Array: return 0;
  }
  return 0;
}

std::string ggml_type_name(uint32_t ggml_type) {
  // ggml's type ids; gaps are ids ggml retired.
  static constexpr const char* k_names[] = {
      "F32", "F16", "Q4_0", "Q4_1", nullptr, nullptr, "Q5_0", "Q5_1", "Q8_0", "Q8_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K",
      "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS", "I8", "I16",
      "I32", "I64", "F64", "IQ1_M", "BF16", nullptr, nullptr, nullptr, "TQ1_0", "TQ2_0", nullptr, nullptr, nullptr,
      "MXFP4"};
  if (ggml_type < std::size(k_names) && k_names[ggml_type] != nullptr) return k_names[ggml_type];
  return "unknown type id " + std::to_string(ggml_type);
}

namespace {

bool is_integer_type(GgufType t) {
  switch (t) {
    case GgufType::U8: case GgufType::I8: case GgufType::U16: case GgufType::I16: case GgufType::U32:
    case GgufType::I32: case GgufType::U64: case GgufType::I64: return true;
    default: return false;
  }
}
bool is_signed_type(GgufType t) {
  return t == GgufType::I8 || t == GgufType::I16 || t == GgufType::I32 || t == GgufType::I64;
}

// Sign-extends a raw scalar of type t.
int64_t signed_value(GgufType t, uint64_t bits) {
  switch (t) {
    case GgufType::I8: return static_cast<int8_t>(bits);
    case GgufType::I16: return static_cast<int16_t>(bits);
    case GgufType::I32: return static_cast<int32_t>(bits);
    default: return static_cast<int64_t>(bits);
  }
}

std::optional<int64_t> decode_int(GgufType t, uint64_t bits) {
  if (!is_integer_type(t)) return std::nullopt;
  if (is_signed_type(t)) return signed_value(t, bits);
  if (bits > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(bits);
}

std::optional<double> decode_float(GgufType t, uint64_t bits) {
  if (t == GgufType::F32) return std::bit_cast<float>(static_cast<uint32_t>(bits));
  if (t == GgufType::F64) return std::bit_cast<double>(bits);
  if (is_integer_type(t)) {
    if (is_signed_type(t)) return static_cast<double>(signed_value(t, bits));
    return static_cast<double>(bits);
  }
  return std::nullopt;
}

uint64_t load_bits(const uint8_t* p, size_t size) {
  uint64_t v = 0;
  std::memcpy(&v, p, size);  // little-endian host: low bytes first
  return v;
}

std::string u64s(uint64_t v) { return std::to_string(v); }

}  // namespace

std::optional<int64_t> GgufValue::as_int() const { return decode_int(type, bits); }
std::optional<uint64_t> GgufValue::as_uint() const {
  if (!is_integer_type(type)) return std::nullopt;
  if (is_signed_type(type)) {
    int64_t v = signed_value(type, bits);
    if (v < 0) return std::nullopt;
    return static_cast<uint64_t>(v);
  }
  return bits;
}
std::optional<double> GgufValue::as_float() const { return decode_float(type, bits); }
std::optional<bool> GgufValue::as_bool() const {
  if (type == GgufType::Bool) return bits != 0;
  return std::nullopt;
}
std::optional<int64_t> GgufValue::array_int(uint64_t i) const {
  size_t sz = gguf_scalar_size(elem_type);
  if (type != GgufType::Array || sz == 0 || i >= n_elems) return std::nullopt;
  uint64_t bits_i = load_bits(raw.data() + i * sz, sz);
  if (elem_type == GgufType::Bool) return bits_i != 0 ? 1 : 0;
  return decode_int(elem_type, bits_i);
}
std::optional<double> GgufValue::array_float(uint64_t i) const {
  size_t sz = gguf_scalar_size(elem_type);
  if (type != GgufType::Array || sz == 0 || i >= n_elems) return std::nullopt;
  return decode_float(elem_type, load_bits(raw.data() + i * sz, sz));
}

// The parser keeps the reader and turns every failed read into a message that says what was being read,
// where it would end and how big the file is.
class GgufParser {
 public:
  GgufParser(std::span<const uint8_t> bytes, GgufFile& out) : r_(bytes), out_(out) {}

  Status run();

 private:
  Status truncated(const std::string& what, uint64_t need) const {
    uint64_t end = static_cast<uint64_t>(r_.pos()) + need;
    if (end < need) end = std::numeric_limits<uint64_t>::max();
    return Status(ErrorCode::CorruptData, "truncated: " + what + " ends at byte " + u64s(end) +
                                              " but the file has " + u64s(r_.size()) + " bytes");
  }
  Status read_string(const std::string& what, std::string_view& out);
  Status read_value(GgufType type, const std::string& what, uint32_t depth, GgufValue& out);
  Status read_kv(uint64_t index);
  Status read_tensor_info(uint64_t index);
  Status check_tensor_data();

  ByteReader r_;
  GgufFile& out_;
};

Status GgufParser::read_string(const std::string& what, std::string_view& out) {
  uint64_t len = 0;
  if (!r_.read(len)) return truncated("the length of " + what, 8);
  std::span<const uint8_t> s;
  if (!r_.read_bytes(len, s))
    return Status(ErrorCode::CorruptData, "string length " + u64s(len) + " of " + what + " at byte " +
                                              u64s(r_.pos() - 8) + " points past the end of the file (" +
                                              u64s(r_.size()) + " bytes)");
  out = std::string_view(reinterpret_cast<const char*>(s.data()), s.size());
  return Status::ok();
}

Status GgufParser::read_value(GgufType type, const std::string& what, uint32_t depth, GgufValue& out) {
  out.type = type;
  if (size_t sz = gguf_scalar_size(type); sz != 0) {
    std::span<const uint8_t> b;
    if (!r_.read_bytes(sz, b)) return truncated(what, sz);
    out.bits = load_bits(b.data(), sz);
    if (type == GgufType::Bool && out.bits > 1)
      return Status(ErrorCode::CorruptData, what + " is a bool with invalid value " + u64s(out.bits));
    return Status::ok();
  }
  if (type == GgufType::String) return read_string(what, out.str);
  if (type != GgufType::Array)
    return Status(ErrorCode::CorruptData, what + " has unknown value type " + u64s(static_cast<uint32_t>(type)));

  if (depth >= k_gguf_max_array_depth)
    return Status(ErrorCode::CorruptData, what + " nests arrays deeper than " + u64s(k_gguf_max_array_depth));
  uint32_t et = 0;
  if (!r_.read(et)) return truncated("the element type of " + what, 4);
  if (et > static_cast<uint32_t>(GgufType::F64))
    return Status(ErrorCode::CorruptData, what + " is an array with unknown element type " + u64s(et));
  out.elem_type = static_cast<GgufType>(et);
  if (!r_.read(out.n_elems)) return truncated("the element count of " + what, 8);
  const uint64_t n = out.n_elems;
  const uint64_t count_at = r_.pos() - 8;
  auto past_end = [&](uint64_t min_bytes_each) {
    return Status(ErrorCode::CorruptData, "array length " + u64s(n) + " of " + what + " at byte " + u64s(count_at) +
                                              " points past the end of the file (needs at least " +
                                              (n > r_.size() ? std::string("more") : u64s(n * min_bytes_each)) +
                                              " bytes, " + u64s(r_.remaining()) + " remain)");
  };
  if (size_t sz = gguf_scalar_size(out.elem_type); sz != 0) {
    if (n > r_.remaining() / sz) return past_end(sz);
    (void)r_.read_bytes(n * sz, out.raw);
    if (out.elem_type == GgufType::Bool)
      for (uint8_t b : out.raw)
        if (b > 1) return Status(ErrorCode::CorruptData, what + " holds a bool with invalid value " + u64s(b));
    return Status::ok();
  }
  if (out.elem_type == GgufType::String) {
    if (n > r_.remaining() / 8) return past_end(8);  // each string needs at least its 8-byte length
    out.strings.resize(static_cast<size_t>(n));
    for (uint64_t i = 0; i < n; ++i) LECTERN_TRY(read_string("element " + u64s(i) + " of " + what, out.strings[i]));
    return Status::ok();
  }
  if (n > r_.remaining() / 12) return past_end(12);  // nested array: type + count at least
  out.items.resize(static_cast<size_t>(n));
  for (uint64_t i = 0; i < n; ++i)
    LECTERN_TRY(read_value(GgufType::Array, "element " + u64s(i) + " of " + what, depth + 1, out.items[i]));
  return Status::ok();
}

Status GgufParser::read_kv(uint64_t index) {
  GgufKv kv;
  std::string_view key;
  LECTERN_TRY(read_string("the key of metadata entry " + u64s(index), key));
  if (key.empty()) return Status(ErrorCode::CorruptData, "metadata entry " + u64s(index) + " has an empty key");
  kv.key = std::string(key);
  uint32_t type = 0;
  if (!r_.read(type)) return truncated("the value type of metadata key '" + kv.key + "'", 4);
  if (type > static_cast<uint32_t>(GgufType::F64))
    return Status(ErrorCode::CorruptData, "metadata key '" + kv.key + "' has unknown value type " + u64s(type));
  LECTERN_TRY(read_value(static_cast<GgufType>(type), "metadata key '" + kv.key + "'", 0, kv.value));
  if (!out_.kv_index_.emplace(kv.key, out_.kvs_.size()).second)
    return Status(ErrorCode::CorruptData, "duplicate metadata key '" + kv.key + "'");
  out_.kvs_.push_back(std::move(kv));
  return Status::ok();
}

Status GgufParser::read_tensor_info(uint64_t index) {
  GgufTensorInfo info;
  std::string_view name;
  LECTERN_TRY(read_string("the name of tensor " + u64s(index), name));
  if (name.empty()) return Status(ErrorCode::CorruptData, "tensor " + u64s(index) + " has an empty name");
  info.name = std::string(name);
  const std::string what = "the tensor info of " + info.name;
  if (!r_.read(info.n_dims)) return truncated(what, 4);
  if (info.n_dims < 1 || info.n_dims > 4)
    return Status(ErrorCode::CorruptData, "tensor " + info.name + " has " + u64s(info.n_dims) +
                                              " dimensions; GGUF tensors have 1 to 4");
  for (uint32_t d = 0; d < info.n_dims; ++d)
    if (!r_.read(info.ne[d])) return truncated(what, 8ull * (info.n_dims - d) + 12);
  uint32_t type = 0;
  if (!r_.read(type)) return truncated(what, 12);
  if (!r_.read(info.offset)) return truncated(what, 8);

  std::optional<DTypeInfo> dt = dtype_info_from_ggml(type);
  if (!dt)
    return Status(ErrorCode::Unsupported, "tensor " + info.name + " has type " + ggml_type_name(type) +
                                              ", which Lectern does not support (supported: F32, F16, BF16, Q8_0, "
                                              "Q4_K, Q5_K, Q6_K); re-quantize the model to one of these");
  info.type = dt->type;
  uint64_t n = 1;
  for (uint32_t d = 0; d < info.n_dims; ++d) {
    if (__builtin_mul_overflow(n, info.ne[d], &n) || n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return Status(ErrorCode::CorruptData, "tensor " + info.name + " has a shape whose element count overflows");
  }
  info.n_elements = n;
  if (info.ne[0] % dt->block_elems != 0)
    return Status(ErrorCode::CorruptData, "tensor " + info.name + " has ne0 = " + u64s(info.ne[0]) +
                                              ", not a multiple of the " + dt->name + " block size " +
                                              u64s(dt->block_elems));
  uint64_t n_blocks = n / dt->block_elems;
  if (__builtin_mul_overflow(n_blocks, static_cast<uint64_t>(dt->block_bytes), &info.n_bytes))
    return Status(ErrorCode::CorruptData, "tensor " + info.name + " has a byte size that overflows");
  if (!out_.tensor_index_.emplace(info.name, out_.tensors_.size()).second)
    return Status(ErrorCode::CorruptData, "duplicate tensor name '" + info.name + "'");
  out_.tensors_.push_back(std::move(info));
  return Status::ok();
}

Status GgufParser::check_tensor_data() {
  const uint64_t size = r_.size();
  const uint64_t base = out_.data_offset_;
  if (!out_.tensors_.empty() && base > size)
    return Status(ErrorCode::CorruptData, "truncated: the tensor data section starts at byte " + u64s(base) +
                                              " but the file has " + u64s(size) + " bytes");
  std::vector<const GgufTensorInfo*> order;
  order.reserve(out_.tensors_.size());
  for (const GgufTensorInfo& t : out_.tensors_) {
    if (t.offset % out_.alignment_ != 0)
      return Status(ErrorCode::CorruptData, "tensor " + t.name + " has data offset " + u64s(t.offset) +
                                                ", not a multiple of the alignment " + u64s(out_.alignment_));
    uint64_t begin = 0, end = 0;
    if (__builtin_add_overflow(base, t.offset, &begin) || __builtin_add_overflow(begin, t.n_bytes, &end) || end > size)
      return Status(ErrorCode::CorruptData,
                    "truncated: tensor data of " + t.name + " ends at byte " +
                        (end >= begin && begin >= base ? u64s(end) : std::string("beyond 2^64")) +
                        " but the file has " + u64s(size) + " bytes");
    order.push_back(&t);
  }
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->offset < b->offset; });
  for (size_t i = 1; i < order.size(); ++i) {
    const GgufTensorInfo& a = *order[i - 1];
    const GgufTensorInfo& b = *order[i];
    if (a.offset + a.n_bytes > b.offset && a.n_bytes != 0 && b.n_bytes != 0)
      return Status(ErrorCode::CorruptData, "tensor data of " + a.name + " (bytes " + u64s(a.offset) + ".." +
                                                u64s(a.offset + a.n_bytes) + " of the data section) overlaps " +
                                                b.name + " (from byte " + u64s(b.offset) + ")");
  }
  return Status::ok();
}

Status GgufParser::run() {
  const uint64_t size = r_.size();
  if (size == 0) return Status(ErrorCode::CorruptData, "the file is empty (0 bytes), not a GGUF model");
  if (size < 4) return Status(ErrorCode::CorruptData, "not a GGUF file: only " + u64s(size) + " bytes");
  std::span<const uint8_t> magic;
  (void)r_.read_bytes(4, magic);
  if (std::memcmp(magic.data(), "GGUF", 4) != 0) {
    std::string shown;
    for (uint8_t c : magic) shown += (c >= 32 && c < 127) ? static_cast<char>(c) : '?';
    return Status(ErrorCode::CorruptData, "not a GGUF file: the magic is '" + shown + "', expected 'GGUF'");
  }
  if (!r_.read(out_.version_)) return truncated("the GGUF header (version)", 4);
  if (out_.version_ == 0x02000000u || out_.version_ == 0x03000000u)
    return Status(ErrorCode::Unsupported, "this GGUF file is big-endian; Lectern reads little-endian GGUF only");
  if (out_.version_ == 1)
    return Status(ErrorCode::Unsupported, "GGUF version 1 is not supported (only versions 2 and 3); re-convert the model");
  if (out_.version_ != 2 && out_.version_ != 3)
    return Status(ErrorCode::CorruptData, "unknown GGUF version " + u64s(out_.version_) + " (expected 2 or 3)");
  uint64_t n_tensors = 0, n_kv = 0;
  if (!r_.read(n_tensors)) return truncated("the GGUF header (tensor count)", 8);
  if (!r_.read(n_kv)) return truncated("the GGUF header (metadata count)", 8);
  // Each tensor info needs >= 33 bytes (name length + 1 char + n_dims + ne0 + type + offset), each key/value
  // pair >= 14 (key length + 1 char + type + 1-byte value): reject counts the file cannot possibly hold.
  if (n_tensors > r_.remaining() / 33)
    return Status(ErrorCode::CorruptData, "the header claims " + u64s(n_tensors) + " tensors, more than a " +
                                              u64s(size) + "-byte file can describe");
  if (n_kv > r_.remaining() / 14)
    return Status(ErrorCode::CorruptData, "the header claims " + u64s(n_kv) + " metadata entries, more than a " +
                                              u64s(size) + "-byte file can describe");
  out_.kvs_.reserve(static_cast<size_t>(n_kv));
  for (uint64_t i = 0; i < n_kv; ++i) LECTERN_TRY(read_kv(i));

  if (const GgufValue* a = out_.find("general.alignment")) {
    std::optional<uint64_t> v = a->as_uint();
    if (a->type != GgufType::U32 || !v || *v == 0 || (*v & (*v - 1)) != 0)
      return Status(ErrorCode::CorruptData, "general.alignment must be a power-of-two u32, got a " +
                                                std::string(gguf_type_name(a->type)) +
                                                (v ? " " + u64s(*v) : std::string()));
    out_.alignment_ = *v;
  }
  out_.tensors_.reserve(static_cast<size_t>(n_tensors));
  for (uint64_t i = 0; i < n_tensors; ++i) LECTERN_TRY(read_tensor_info(i));

  uint64_t pos = r_.pos();
  out_.data_offset_ = (pos + out_.alignment_ - 1) / out_.alignment_ * out_.alignment_;
  return check_tensor_data();
}

Result<GgufFile> GgufFile::parse(std::span<const uint8_t> bytes, const std::string& name) {
  GgufFile file;
  file.name_ = name;
  file.bytes_ = bytes;
  GgufParser parser(bytes, file);
  Status s = parser.run();
  if (!s.is_ok()) return s.with_context(name);
  return file;
}

Result<GgufFile> GgufFile::open(const std::string& path) {
  LECTERN_ASSIGN_OR_RETURN(std::shared_ptr<const MappedFile> mapping, map_file_shared(path));
  LECTERN_ASSIGN_OR_RETURN(GgufFile file, parse(mapping->bytes(), path));
  file.mapping_ = std::move(mapping);
  return file;
}

const GgufValue* GgufFile::find(std::string_view key) const {
  auto it = kv_index_.find(std::string(key));
  return it == kv_index_.end() ? nullptr : &kvs_[it->second].value;
}

const GgufTensorInfo* GgufFile::find_tensor(std::string_view name) const {
  auto it = tensor_index_.find(std::string(name));
  return it == tensor_index_.end() ? nullptr : &tensors_[it->second];
}

std::span<const uint8_t> GgufFile::tensor_data(const GgufTensorInfo& info) const {
  return bytes_.subspan(static_cast<size_t>(data_offset_ + info.offset), static_cast<size_t>(info.n_bytes));
}

namespace {
Status missing_key(std::string_view key) {
  return Status(ErrorCode::NotFound, "missing metadata key '" + std::string(key) + "'");
}
Status wrong_type(std::string_view key, const GgufValue& v, const char* expected) {
  std::string got = gguf_type_name(v.type);
  if (v.is_array()) got += " of " + std::string(gguf_type_name(v.elem_type));
  return Status(ErrorCode::CorruptData, "metadata key '" + std::string(key) + "' has type " + got + ", expected " + expected);
}
}  // namespace

Result<uint64_t> GgufFile::get_uint(std::string_view key) const {
  const GgufValue* v = find(key);
  if (!v) return missing_key(key);
  std::optional<uint64_t> u = v->as_uint();
  if (!u) return wrong_type(key, *v, "a non-negative integer");
  return *u;
}

Result<uint64_t> GgufFile::get_uint_or(std::string_view key, uint64_t fallback) const {
  if (!find(key)) return fallback;
  return get_uint(key);
}

Result<double> GgufFile::get_float(std::string_view key) const {
  const GgufValue* v = find(key);
  if (!v) return missing_key(key);
  std::optional<double> f = v->as_float();
  if (!f) return wrong_type(key, *v, "a number");
  return *f;
}

Result<std::string_view> GgufFile::get_string(std::string_view key) const {
  const GgufValue* v = find(key);
  if (!v) return missing_key(key);
  if (v->type != GgufType::String) return wrong_type(key, *v, "a string");
  return v->str;
}

Result<bool> GgufFile::get_bool_or(std::string_view key, bool fallback) const {
  const GgufValue* v = find(key);
  if (!v) return fallback;
  std::optional<bool> b = v->as_bool();
  if (!b) return wrong_type(key, *v, "a bool");
  return *b;
}

Result<std::vector<int64_t>> GgufFile::get_int_array(std::string_view key) const {
  const GgufValue* v = find(key);
  if (!v) return missing_key(key);
  if (!v->is_array() || !(is_integer_type(v->elem_type) || v->elem_type == GgufType::Bool))
    return wrong_type(key, *v, "an array of integers");
  std::vector<int64_t> out;
  out.reserve(static_cast<size_t>(v->n_elems));
  for (uint64_t i = 0; i < v->n_elems; ++i) {
    std::optional<int64_t> x = v->array_int(i);
    if (!x) return Status(ErrorCode::CorruptData, "metadata key '" + std::string(key) + "' element " + u64s(i) +
                                                      " does not fit a signed 64-bit integer");
    out.push_back(*x);
  }
  return out;
}

Result<const std::vector<std::string_view>*> GgufFile::get_string_array(std::string_view key) const {
  const GgufValue* v = find(key);
  if (!v) return missing_key(key);
  if (!v->is_array() || v->elem_type != GgufType::String) return wrong_type(key, *v, "an array of strings");
  return &v->strings;
}

}  // namespace lectern::model
