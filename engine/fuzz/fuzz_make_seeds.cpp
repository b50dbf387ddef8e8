// fuzz_make_seeds.cpp: writes the seed corpora for the fuzz targets: small valid GGUF files (every metadata type;
// a complete miniature qwen35 header with tokenizer keys and tensors) and small safetensors files.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "model/gguf_writer.h"
#include "model/safetensors_writer.h"

using namespace lectern;
using namespace lectern::model;

namespace {

Status zeros(size_t, const GgufWriteTensor& t, const GgufWriter::Sink& sink) {
  std::vector<uint8_t> b(t.n_bytes, 0x3c);
  return sink(b.data(), b.size());
}

Status write_every_type(const std::string& path) {
  GgufWriter w;
  using V = GgufWriteValue;
  w.add("u8", V::scalar(GgufType::U8, 7));
  w.add("i8", V::scalar(GgufType::I8, 0xff));
  w.add("u16", V::scalar(GgufType::U16, 500));
  w.add("i16", V::scalar(GgufType::I16, 0xfff0));
  w.add("u32", V::u32(70000));
  w.add("i32", V::i32(-4));
  w.add("f32", V::f32(0.25f));
  w.add("bool", V::boolean(true));
  w.add("str", V::string("text"));
  w.add("u64", V::u64(1ull << 33));
  w.add("i64", V::scalar(GgufType::I64, ~0ull));
  w.add("f64", V::f64(3.5));
  w.add("arr.i32", V::array_i32({1, -2, 3}));
  w.add("arr.str", V::array_strings({"a", "bc"}));
  w.add("arr.arr", V::array_arrays({V::array_f32({1.0f}), V::array_strings({"x"})}));
  LECTERN_TRY(w.add_tensor("t.f16", DType::F16, {4, 2}));
  LECTERN_TRY(w.add_tensor("t.q8_0", DType::Q8_0, {32}));
  return w.write(path, zeros);
}

// The keys llama.cpp writes for qwen35 (qwen35.md §8.1.2), tiny values, plus a few tensors.
Status write_qwen35(const std::string& path, bool tiled) {
  GgufWriter w;
  using V = GgufWriteValue;
  const std::string a = "qwen35.";
  w.add("general.architecture", V::string("qwen35"));
  w.add(a + "block_count", V::u32(4));
  w.add(a + "context_length", V::u32(4096));
  w.add(a + "embedding_length", V::u32(32));
  w.add(a + "feed_forward_length", V::u32(64));
  w.add(a + "attention.head_count", V::u32(2));
  w.add(a + "attention.head_count_kv", V::u32(1));
  w.add(a + "rope.dimension_sections", V::array_i32({1, 1, 0, 0}));
  w.add(a + "rope.freq_base", V::f32(1e7f));
  w.add(a + "attention.layer_norm_rms_epsilon", V::f32(1e-6f));
  w.add(a + "attention.key_length", V::u32(16));
  w.add(a + "attention.value_length", V::u32(16));
  w.add(a + "ssm.conv_kernel", V::u32(4));
  w.add(a + "ssm.state_size", V::u32(8));
  w.add(a + "ssm.group_count", V::u32(1));
  w.add(a + "ssm.time_step_rank", V::u32(tiled ? 2 : 1));
  w.add(a + "ssm.inner_size", V::u32(tiled ? 16 : 8));
  w.add(a + "full_attention_interval", V::u32(4));
  w.add(a + "rope.dimension_count", V::u32(4));
  w.add("tokenizer.ggml.model", V::string("gpt2"));
  w.add("tokenizer.ggml.pre", V::string("qwen35"));
  w.add("tokenizer.ggml.tokens", V::array_strings({"a", "b", "ab", "<|im_end|>"}));
  w.add("tokenizer.ggml.token_type", V::array_i32({1, 1, 1, 3}));
  w.add("tokenizer.ggml.merges", V::array_strings({"a b"}));
  w.add("tokenizer.ggml.eos_token_id", V::u32(3));
  w.add("tokenizer.ggml.add_bos_token", V::boolean(false));
  w.add("tokenizer.chat_template", V::string("{{ messages }}"));
  LECTERN_TRY(w.add_tensor("token_embd.weight", DType::F32, {32, 4}));
  LECTERN_TRY(w.add_tensor("blk.0.attn_norm.weight", DType::F32, {32}));
  LECTERN_TRY(w.add_tensor("blk.0.ssm_conv1d.weight", DType::F32, {4, 24}));
  LECTERN_TRY(w.add_tensor("output_norm.weight", DType::F32, {32}));
  return w.write(path, zeros);
}

Status write_safetensors(const std::string& path, bool with_metadata) {
  SafetensorsWriter w;
  if (with_metadata) w.set_metadata({{"format", "pt"}});
  LECTERN_TRY(w.add_tensor("model.embed_tokens.weight", DType::BF16, {4, 8}));
  LECTERN_TRY(w.add_tensor("model.norm.weight", DType::F32, {8}));
  LECTERN_TRY(w.add_tensor("scalar", DType::F16, {}));
  return w.write(path, [](size_t, const SafetensorsWriteTensor& t, const SafetensorsWriter::Sink& sink) {
    std::vector<uint8_t> b(t.n_bytes, 0x11);
    return sink(b.data(), b.size());
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUT_DIR\n");
    return 2;
  }
  const std::filesystem::path out(argv[1]);
  std::filesystem::create_directories(out / "gguf_header");
  std::filesystem::create_directories(out / "safetensors_header");
  for (Status s : {write_every_type((out / "gguf_header" / "every_type.gguf").string()),
                   write_qwen35((out / "gguf_header" / "qwen35.gguf").string(), false),
                   write_qwen35((out / "gguf_header" / "qwen35_tiled.gguf").string(), true),
                   write_safetensors((out / "safetensors_header" / "plain.safetensors").string(), false),
                   write_safetensors((out / "safetensors_header" / "metadata.safetensors").string(), true)}) {
    if (!s.is_ok()) {
      std::fprintf(stderr, "fuzz_make_seeds: %s\n", s.to_string().c_str());
      return 1;
    }
  }
  return 0;
}
