// safetensors_writer.cpp: JSON header via nlohmann (keys sorted, like the reference writer) + streamed data.
#include "model/safetensors_writer.h"

#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "model/partial_file.h"

namespace lectern::model {

namespace {
const char* st_dtype(DType t) {
  switch (t) {
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    default: return nullptr;
  }
}
}  // namespace

Status SafetensorsWriter::add_tensor(std::string name, DType type, std::vector<uint64_t> shape) {
  if (!st_dtype(type))
    return Status(ErrorCode::InvalidArgument, std::string("safetensors cannot store ") + dtype_name(type) + " tensor " +
                                                  name + " (only F32, F16, BF16)");
  uint64_t n = 1;
  for (uint64_t d : shape) n *= d;
  SafetensorsWriteTensor t{std::move(name), type, std::move(shape), n * dtype_info(type).block_bytes, data_size_};
  data_size_ += t.n_bytes;
  tensors_.push_back(std::move(t));
  return Status::ok();
}

std::vector<uint8_t> SafetensorsWriter::header_bytes() const {
  nlohmann::json h = nlohmann::json::object();
  if (!metadata_.empty()) h["__metadata__"] = metadata_;
  for (const auto& t : tensors_)
    h[t.name] = {{"dtype", st_dtype(t.type)}, {"shape", t.shape}, {"data_offsets", {t.begin, t.begin + t.n_bytes}}};
  std::string text = h.dump();
  while (text.size() % 8 != 0) text.push_back(' ');
  const uint64_t len = text.size();
  std::vector<uint8_t> out(8 + text.size());
  std::memcpy(out.data(), &len, 8);
  std::memcpy(out.data() + 8, text.data(), text.size());
  return out;
}

Status SafetensorsWriter::write(const std::string& path, const Producer& produce) const {
  PartialFile out(path);
  LECTERN_TRY(out.open());
  std::vector<uint8_t> header = header_bytes();
  LECTERN_TRY(out.write(header.data(), header.size()));
  for (size_t i = 0; i < tensors_.size(); ++i) {
    const auto& t = tensors_[i];
    LECTERN_TRY(out.write_tensor(t.name, t.n_bytes, [&](const Sink& sink) { return produce(i, t, sink); }));
  }
  return out.commit();
}

}  // namespace lectern::model
