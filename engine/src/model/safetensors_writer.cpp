// safetensors_writer.cpp: JSON header via nlohmann (keys sorted, like the reference writer) + streamed data.
#include "model/safetensors_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

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
struct FileCloser {
  void operator()(FILE* f) const {
    if (f) std::fclose(f);
  }
};
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
  const std::string tmp = path + ".partial";
  std::unique_ptr<FILE, FileCloser> f(std::fopen(tmp.c_str(), "wb"));
  if (!f) return Status(ErrorCode::IoError, "cannot create '" + tmp + "': " + std::strerror(errno));
  auto cleanup = [&] {
    f.reset();
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
  };
  auto fail = [&](const std::string& what) {
    cleanup();
    return Status(ErrorCode::IoError, "writing '" + path + "' failed: " + what);
  };
  std::vector<uint8_t> header = header_bytes();
  if (std::fwrite(header.data(), 1, header.size(), f.get()) != header.size()) return fail(std::strerror(errno));
  for (size_t i = 0; i < tensors_.size(); ++i) {
    const auto& t = tensors_[i];
    uint64_t got = 0;
    Sink sink = [&](const void* data, size_t n) -> Status {
      if (got + n > t.n_bytes)
        return Status(ErrorCode::Internal, "tensor " + t.name + " produced more than its " + std::to_string(t.n_bytes) + " bytes");
      if (n > 0 && std::fwrite(data, 1, n, f.get()) != n)
        return Status(ErrorCode::IoError, "writing '" + path + "' failed: " + std::strerror(errno));
      got += n;
      return Status::ok();
    };
    Status s = produce(i, t, sink);
    if (s.is_ok() && got != t.n_bytes)
      s = Status(ErrorCode::Internal, "tensor " + t.name + " produced " + std::to_string(got) + " bytes, expected " +
                                          std::to_string(t.n_bytes));
    if (!s.is_ok()) {
      cleanup();
      return s.with_context("writing tensor " + t.name);
    }
  }
  if (std::fflush(f.get()) != 0) return fail(std::strerror(errno));
  f.reset();
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status(ErrorCode::IoError, "cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
  return Status::ok();
}

}  // namespace lectern::model
