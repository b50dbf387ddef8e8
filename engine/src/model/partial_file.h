// partial_file.h: writes a model file as '<path>.partial', streams tensor data into it, and renames it into place
// once complete; shared by the GGUF and safetensors writers.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "lectern/status.h"

namespace lectern::model {

class PartialFile {
 public:
  using Sink = std::function<Status(const void* data, size_t n_bytes)>;
  // Feeds one tensor's bytes to the sink.
  using TensorProducer = std::function<Status(const Sink& sink)>;

  explicit PartialFile(std::string path);

  // Creates '<path>.partial'.
  Status open();
  // Appends n bytes; on failure removes the partial file and returns the IoError.
  Status write(const void* data, size_t n);
  // Streams tensor `name` of exactly n_bytes from `produce`; on failure removes the partial file.
  Status write_tensor(const std::string& name, uint64_t n_bytes, const TensorProducer& produce);
  // Flushes, closes and renames the partial file to the path.
  Status commit();

 private:
  struct FileCloser {
    void operator()(FILE* f) const {
      if (f) std::fclose(f);
    }
  };
  void discard();
  Status fail(const std::string& what);

  std::string path_, tmp_;
  std::unique_ptr<FILE, FileCloser> f_;
};

}  // namespace lectern::model
