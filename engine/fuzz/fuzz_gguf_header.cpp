// fuzz_gguf_header.cpp: libFuzzer target for the GGUF reader: any input must parse or fail with a Status, never
// crash or read out of bounds; parsed files are walked completely (metadata, tensor data, hparams, tokenizer).
#include <cstddef>
#include <cstdint>
#include <span>

#include "model/gguf_reader.h"
#include "model/gguf_tokenizer.h"
#include "model/hparams.h"

namespace {

uint64_t touch(const lectern::model::GgufValue& v) {
  uint64_t h = v.bits + v.str.size();
  if (auto i = v.as_int()) h += static_cast<uint64_t>(*i);
  if (auto f = v.as_float()) h += static_cast<uint64_t>(*f != 0);
  if (v.is_array()) {
    const uint64_t n = v.n_elems < 4096 ? v.n_elems : 4096;
    for (uint64_t i = 0; i < n; ++i) {
      if (auto x = v.array_int(i)) h += static_cast<uint64_t>(*x);
      if (auto x = v.array_float(i)) h += static_cast<uint64_t>(*x != 0);
    }
    for (const auto& s : v.strings) h += s.empty() ? 0 : static_cast<uint8_t>(s.back());
    for (const auto& item : v.items) h += touch(item);
  }
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lectern::model;
  auto file = GgufFile::parse(std::span<const uint8_t>(data, size), "fuzz.gguf");
  if (!file.is_ok()) return file.status().message().empty() ? 1 : 0;  // every failure carries a message
  volatile uint64_t sink = 0;
  for (const GgufKv& kv : file->metadata()) sink = sink + touch(kv.value) + kv.key.size();
  for (const GgufTensorInfo& t : file->tensors()) {
    auto bytes = file->tensor_data(t);
    if (!bytes.empty()) sink = sink + bytes.front() + bytes.back();  // ASan checks these lie inside the input
  }
  auto hp = hparams_from_gguf(*file);
  if (hp.is_ok()) sink = sink + hp->n_layer + hp->check().is_ok();
  auto vocab = tokenizer_vocab_from_gguf(*file);
  if (vocab.is_ok()) sink = sink + vocab->tokens.size();
  return 0;
}
