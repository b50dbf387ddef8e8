// gguf_writer.cpp: GGUF v3 serialisation (little-endian), tensor data streamed through a producer callback.
#include "model/gguf_writer.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>

#include "model/partial_file.h"

namespace lectern::model {

GgufWriteValue GgufWriteValue::scalar(GgufType type, uint64_t bits) {
  GgufWriteValue v;
  v.type = type;
  v.bits = bits;
  return v;
}
GgufWriteValue GgufWriteValue::f32(float f) { return scalar(GgufType::F32, std::bit_cast<uint32_t>(f)); }
GgufWriteValue GgufWriteValue::f64(double f) { return scalar(GgufType::F64, std::bit_cast<uint64_t>(f)); }
GgufWriteValue GgufWriteValue::string(std::string s) {
  GgufWriteValue v;
  v.type = GgufType::String;
  v.str = std::move(s);
  return v;
}
GgufWriteValue GgufWriteValue::array_scalars(GgufType elem_type, std::vector<uint64_t> bits) {
  GgufWriteValue v;
  v.type = GgufType::Array;
  v.elem_type = elem_type;
  v.scalars = std::move(bits);
  return v;
}
GgufWriteValue GgufWriteValue::array_i32(const std::vector<int32_t>& a) {
  std::vector<uint64_t> bits;
  for (int32_t x : a) bits.push_back(static_cast<uint32_t>(x));
  return array_scalars(GgufType::I32, std::move(bits));
}
GgufWriteValue GgufWriteValue::array_u32(const std::vector<uint32_t>& a) {
  return array_scalars(GgufType::U32, std::vector<uint64_t>(a.begin(), a.end()));
}
GgufWriteValue GgufWriteValue::array_f32(const std::vector<float>& a) {
  std::vector<uint64_t> bits;
  for (float x : a) bits.push_back(std::bit_cast<uint32_t>(x));
  return array_scalars(GgufType::F32, std::move(bits));
}
GgufWriteValue GgufWriteValue::array_bool(const std::vector<bool>& a) {
  std::vector<uint64_t> bits;
  for (bool x : a) bits.push_back(x ? 1 : 0);
  return array_scalars(GgufType::Bool, std::move(bits));
}
GgufWriteValue GgufWriteValue::array_strings(std::vector<std::string> s) {
  GgufWriteValue v;
  v.type = GgufType::Array;
  v.elem_type = GgufType::String;
  v.strings = std::move(s);
  return v;
}
GgufWriteValue GgufWriteValue::array_arrays(std::vector<GgufWriteValue> a) {
  GgufWriteValue v;
  v.type = GgufType::Array;
  v.elem_type = GgufType::Array;
  v.arrays = std::move(a);
  return v;
}

GgufWriteValue GgufWriteValue::from(const GgufValue& v) {
  if (v.type == GgufType::String) return string(std::string(v.str));
  if (v.type != GgufType::Array) return scalar(v.type, v.bits);
  if (v.elem_type == GgufType::String) return array_strings(std::vector<std::string>(v.strings.begin(), v.strings.end()));
  if (v.elem_type == GgufType::Array) {
    std::vector<GgufWriteValue> items;
    for (const GgufValue& item : v.items) items.push_back(from(item));
    return array_arrays(std::move(items));
  }
  const size_t sz = gguf_scalar_size(v.elem_type);
  std::vector<uint64_t> bits(static_cast<size_t>(v.n_elems), 0);
  for (uint64_t i = 0; i < v.n_elems; ++i) std::memcpy(&bits[i], v.raw.data() + i * sz, sz);
  return array_scalars(v.elem_type, std::move(bits));
}

namespace {

void put_bytes(std::vector<uint8_t>& out, const void* p, size_t n) {
  if (n == 0) return;
  size_t old = out.size();
  out.resize(old + n);  // resize + memcpy: GCC 12 misreports vector::insert of raw bytes (-Wstringop-overflow)
  std::memcpy(out.data() + old, p, n);
}
template <typename T>
void put(std::vector<uint8_t>& out, T v) {
  put_bytes(out, &v, sizeof(T));
}
void put_string(std::vector<uint8_t>& out, const std::string& s) {
  put<uint64_t>(out, s.size());
  put_bytes(out, s.data(), s.size());
}

// Writes the payload of a value (no type tag).
void put_value(std::vector<uint8_t>& out, const GgufWriteValue& v) {
  if (size_t sz = gguf_scalar_size(v.type); sz != 0) {
    put_bytes(out, &v.bits, sz);
    return;
  }
  if (v.type == GgufType::String) {
    put_string(out, v.str);
    return;
  }
  put<uint32_t>(out, static_cast<uint32_t>(v.elem_type));
  if (size_t sz = gguf_scalar_size(v.elem_type); sz != 0) {
    put<uint64_t>(out, v.scalars.size());
    for (uint64_t bits : v.scalars) put_bytes(out, &bits, sz);
  } else if (v.elem_type == GgufType::String) {
    put<uint64_t>(out, v.strings.size());
    for (const std::string& s : v.strings) put_string(out, s);
  } else {
    put<uint64_t>(out, v.arrays.size());
    for (const GgufWriteValue& a : v.arrays) put_value(out, a);
  }
}

uint64_t align_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

}  // namespace

void GgufWriter::add(std::string key, GgufWriteValue value) {
  if (key == "general.alignment" && value.type == GgufType::U32 && value.bits != 0 && (value.bits & (value.bits - 1)) == 0) {
    alignment_ = static_cast<uint32_t>(value.bits);
    relayout();
  }
  kvs_.push_back({std::move(key), std::move(value)});
}

void GgufWriter::relayout() {
  data_size_ = 0;
  for (GgufWriteTensor& t : tensors_) {
    t.offset = data_size_;
    data_size_ = align_up(data_size_ + t.n_bytes, alignment_);
  }
}

Status GgufWriter::add_tensor(std::string name, DType type, std::vector<uint64_t> ne) {
  if (ne.empty() || ne.size() > 4)
    return Status(ErrorCode::InvalidArgument, "tensor " + name + " needs 1 to 4 dimensions");
  DTypeInfo info = dtype_info(type);
  if (ne[0] % info.block_elems != 0)
    return Status(ErrorCode::InvalidArgument, "tensor " + name + " has ne0 = " + std::to_string(ne[0]) +
                                                  ", not a multiple of the " + info.name + " block size");
  uint64_t n = 1;
  for (uint64_t d : ne) n *= d;
  GgufWriteTensor t{std::move(name), type, std::move(ne), n / info.block_elems * info.block_bytes, 0};
  t.offset = data_size_;
  data_size_ = align_up(data_size_ + t.n_bytes, alignment_);
  tensors_.push_back(std::move(t));
  return Status::ok();
}

std::vector<uint8_t> GgufWriter::header_bytes() const {
  std::vector<uint8_t> out;
  put_bytes(out, "GGUF", 4);
  put<uint32_t>(out, 3);
  put<uint64_t>(out, tensors_.size());
  put<uint64_t>(out, kvs_.size());
  for (const auto& [key, value] : kvs_) {
    put_string(out, key);
    put<uint32_t>(out, static_cast<uint32_t>(value.type));
    put_value(out, value);
  }
  for (const GgufWriteTensor& t : tensors_) {
    put_string(out, t.name);
    put<uint32_t>(out, static_cast<uint32_t>(t.ne.size()));
    for (uint64_t d : t.ne) put<uint64_t>(out, d);
    put<uint32_t>(out, static_cast<uint32_t>(t.type));
    put<uint64_t>(out, t.offset);
  }
  out.resize(align_up(out.size(), alignment_), 0);
  return out;
}

Status GgufWriter::write(const std::string& path, const Producer& produce) const {
  PartialFile out(path);
  LECTERN_TRY(out.open());
  std::vector<uint8_t> header = header_bytes();
  LECTERN_TRY(out.write(header.data(), header.size()));
  static const uint8_t k_zeros[64] = {};
  uint64_t written = 0;
  for (size_t i = 0; i < tensors_.size(); ++i) {
    const GgufWriteTensor& t = tensors_[i];
    LECTERN_TRY(out.write_tensor(t.name, t.n_bytes, [&](const Sink& sink) { return produce(i, t, sink); }));
    written += t.n_bytes;
    uint64_t pad = align_up(written, alignment_) - written;
    // The last tensor is padded too, as llama.cpp's writer does.
    while (pad > 0) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(pad, sizeof(k_zeros)));
      LECTERN_TRY(out.write(k_zeros, n));
      pad -= n;
      written += n;
    }
  }
  return out.commit();
}

}  // namespace lectern::model
