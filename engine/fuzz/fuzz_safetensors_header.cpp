// fuzz_safetensors_header.cpp: libFuzzer target for the safetensors reader: any input must parse or fail with a
// Status; every tensor range of a parsed file is read at both ends (ASan checks it lies inside the input).
#include <cstddef>
#include <cstdint>
#include <span>

#include "model/safetensors_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lectern::model;
  auto file = SafetensorsFile::parse(std::span<const uint8_t>(data, size), "fuzz.safetensors");
  if (!file.is_ok()) return file.status().message().empty() ? 1 : 0;
  volatile uint64_t sink = 0;
  for (const SafetensorsTensor& t : file->tensors()) {
    auto bytes = file->tensor_data(t);
    if (!bytes.empty()) sink = sink + bytes.front() + bytes.back();
    sink = sink + t.shape.size() + (t.dtype ? 1 : 0) + (file->find(t.name) == &t);
  }
  return 0;
}
