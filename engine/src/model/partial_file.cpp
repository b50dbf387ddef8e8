// partial_file.cpp: the '<path>.partial' file the model writers stream into, renamed into place once complete.
#include "model/partial_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace lectern::model {

PartialFile::PartialFile(std::string path) : path_(std::move(path)), tmp_(path_ + ".partial") {}

Status PartialFile::open() {
  f_.reset(std::fopen(tmp_.c_str(), "wb"));
  if (!f_) return Status(ErrorCode::IoError, "cannot create '" + tmp_ + "': " + std::strerror(errno));
  return Status::ok();
}

void PartialFile::discard() {
  f_.reset();
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

Status PartialFile::fail(const std::string& what) {
  discard();
  return Status(ErrorCode::IoError, "writing '" + path_ + "' failed: " + what);
}

Status PartialFile::write(const void* data, size_t n) {
  if (std::fwrite(data, 1, n, f_.get()) != n) return fail(std::strerror(errno));
  return Status::ok();
}

Status PartialFile::write_tensor(const std::string& name, uint64_t n_bytes, const TensorProducer& produce) {
  uint64_t got = 0;
  Sink sink = [&](const void* data, size_t n) -> Status {
    if (got + n > n_bytes)
      return Status(ErrorCode::Internal, "tensor " + name + " produced more than its " + std::to_string(n_bytes) + " bytes");
    if (n > 0 && std::fwrite(data, 1, n, f_.get()) != n)
      return Status(ErrorCode::IoError, "writing '" + path_ + "' failed: " + std::strerror(errno));
    got += n;
    return Status::ok();
  };
  Status s = produce(sink);
  if (s.is_ok() && got != n_bytes)
    s = Status(ErrorCode::Internal, "tensor " + name + " produced " + std::to_string(got) + " bytes, expected " +
                                        std::to_string(n_bytes));
  if (!s.is_ok()) {
    discard();
    return s.with_context("writing tensor " + name);
  }
  return Status::ok();
}

Status PartialFile::commit() {
  if (std::fflush(f_.get()) != 0) return fail(std::strerror(errno));
  f_.reset();
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) return Status(ErrorCode::IoError, "cannot rename '" + tmp_ + "' to '" + path_ + "': " + ec.message());
  return Status::ok();
}

}  // namespace lectern::model
