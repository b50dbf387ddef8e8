// safetensors_reader.cpp: header parsing (nlohmann JSON without exceptions) and data-range validation.
#include "model/safetensors_reader.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

namespace lectern::model {

size_t safetensors_dtype_size(std::string_view d) {
  if (d == "F64" || d == "I64" || d == "U64") return 8;
  if (d == "F32" || d == "I32" || d == "U32") return 4;
  if (d == "F16" || d == "BF16" || d == "I16" || d == "U16") return 2;
  if (d == "I8" || d == "U8" || d == "BOOL" || d == "F8_E4M3" || d == "F8_E5M2") return 1;
  return 0;
}

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

Status corrupt(const std::string& msg) { return Status(ErrorCode::CorruptData, msg); }

// Deeply nested JSON would make the parser and the destructor recurse; safetensors headers are two levels deep.
bool nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

Status parse_entry(const std::string& name, const nlohmann::json& v, uint64_t data_size, SafetensorsTensor& t) {
  t.name = name;
  if (!v.is_object()) return corrupt("header entry '" + name + "' is not a JSON object");
  auto dt = v.find("dtype");
  auto sh = v.find("shape");
  auto off = v.find("data_offsets");
  if (dt == v.end() || !dt->is_string()) return corrupt("tensor " + name + " has no string 'dtype'");
  if (sh == v.end() || !sh->is_array()) return corrupt("tensor " + name + " has no 'shape' array");
  if (off == v.end() || !off->is_array() || off->size() != 2)
    return corrupt("tensor " + name + " has no 'data_offsets' pair [begin, end]");
  t.dtype_name = dt->get<std::string>();
  size_t el = safetensors_dtype_size(t.dtype_name);
  if (el == 0) return corrupt("tensor " + name + " has unknown dtype '" + t.dtype_name + "'");
  if (t.dtype_name == "F32") t.dtype = DType::F32;
  else if (t.dtype_name == "F16") t.dtype = DType::F16;
  else if (t.dtype_name == "BF16") t.dtype = DType::BF16;
  uint64_t n = 1;
  for (const auto& d : *sh) {
    if (!d.is_number_unsigned()) return corrupt("tensor " + name + " has a shape entry that is not a non-negative integer");
    uint64_t x = d.get<uint64_t>();
    if (__builtin_mul_overflow(n, x, &n)) return corrupt("tensor " + name + " has a shape whose element count overflows");
    t.shape.push_back(x);
  }
  t.n_elements = n;
  const auto& b = (*off)[0];
  const auto& e = (*off)[1];
  if (!b.is_number_unsigned() || !e.is_number_unsigned())
    return corrupt("tensor " + name + " has data_offsets that are not non-negative integers");
  t.begin = b.get<uint64_t>();
  t.end = e.get<uint64_t>();
  if (t.end < t.begin)
    return corrupt("tensor " + name + " has data_offsets [" + u64s(t.begin) + ", " + u64s(t.end) + "] that end before they begin");
  if (t.end > data_size)
    return corrupt("truncated: tensor data of " + name + " ends at byte " + u64s(t.end) + " of the data section but it has only " +
                   u64s(data_size) + " bytes");
  uint64_t expect = 0;
  const bool overflow = __builtin_mul_overflow(n, static_cast<uint64_t>(el), &expect);
  if (overflow || expect != t.end - t.begin)
    return corrupt("tensor " + name + " has " + u64s(t.end - t.begin) + " bytes of data but its shape and dtype " +
                   t.dtype_name + " need " + (overflow ? std::string("more than 2^64") : u64s(expect)));
  return Status::ok();
}

}  // namespace

Result<SafetensorsFile> SafetensorsFile::parse(std::span<const uint8_t> bytes, const std::string& name) {
  SafetensorsFile f;
  f.name_ = name;
  f.bytes_ = bytes;
  auto fail = [&](Status s) { return s.with_context(name); };
  const uint64_t size = bytes.size();
  if (size == 0) return fail(corrupt("the file is empty (0 bytes), not a safetensors file"));
  ByteReader r(bytes);
  uint64_t header_len = 0;
  if (!r.read(header_len))
    return fail(corrupt("truncated: the 8-byte header length ends at byte 8 but the file has " + u64s(size) + " bytes"));
  if (header_len > size - 8)
    return fail(corrupt("the header length " + u64s(header_len) + " points past the end of the file (" + u64s(size) +
                        " bytes); not a safetensors file or truncated"));
  if (header_len > k_safetensors_max_header)
    return fail(corrupt("the header is " + u64s(header_len) + " bytes, above the 100 MB safetensors limit"));
  std::span<const uint8_t> hb;
  (void)r.read_bytes(header_len, hb);
  std::string_view text(reinterpret_cast<const char*>(hb.data()), hb.size());
  if (!nesting_within(text, 8)) return fail(corrupt("the JSON header nests deeper than a safetensors header can"));
  nlohmann::json header = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (header.is_discarded()) return fail(corrupt("the header is not valid JSON"));
  if (!header.is_object()) return fail(corrupt("the JSON header is not an object"));
  f.data_offset_ = 8 + header_len;
  const uint64_t data_size = size - f.data_offset_;
  try {
    for (auto it = header.begin(); it != header.end(); ++it) {
      if (it.key() == "__metadata__") continue;  // free-form string map; not needed for weights
      SafetensorsTensor t;
      Status s = parse_entry(it.key(), it.value(), data_size, t);
      if (!s.is_ok()) return fail(s);
      f.index_.emplace(t.name, f.tensors_.size());
      f.tensors_.push_back(std::move(t));
    }
  } catch (const std::exception& e) {  // nlohmann type errors; the checks above should make this unreachable
    return fail(corrupt(std::string("malformed header: ") + e.what()));
  }
  std::vector<const SafetensorsTensor*> order;
  for (const auto& t : f.tensors_) order.push_back(&t);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i - 1]->end > order[i]->begin && order[i]->end > order[i]->begin)
      return fail(corrupt("tensor data of " + order[i - 1]->name + " (bytes " + u64s(order[i - 1]->begin) + ".." +
                          u64s(order[i - 1]->end) + ") overlaps " + order[i]->name + " (from byte " +
                          u64s(order[i]->begin) + ")"));
  }
  return f;
}

Result<SafetensorsFile> SafetensorsFile::open(const std::string& path) {
  LECTERN_ASSIGN_OR_RETURN(std::shared_ptr<const MappedFile> mapping, map_file_shared(path));
  LECTERN_ASSIGN_OR_RETURN(SafetensorsFile f, parse(mapping->bytes(), path));
  f.mapping_ = std::move(mapping);
  return f;
}

const SafetensorsTensor* SafetensorsFile::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &tensors_[it->second];
}

std::span<const uint8_t> SafetensorsFile::tensor_data(const SafetensorsTensor& t) const {
  return bytes_.subspan(static_cast<size_t>(data_offset_ + t.begin), static_cast<size_t>(t.end - t.begin));
}

}  // namespace lectern::model
