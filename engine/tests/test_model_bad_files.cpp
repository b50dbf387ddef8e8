// test_model_bad_files.cpp: broken model files and folders, built by mutating copies of the golden models in a
// temp dir; each must fail with its own clear error (never crash, never load).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "lectern/model_info.h"
#include "model/model_source.h"
#include "model_test_support.h"
#include "text/tokenizer_loader.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;
namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> golden_gguf() { return read_bytes(golden_path("models/tiny-a/model.gguf")); }

// Offset of the tensor info of `name` (its n_dims field) in a GGUF image.
size_t tensor_info_at(const std::vector<uint8_t>& b, const std::string& name) {
  std::string needle(8, '\0');
  uint64_t len = name.size();
  std::memcpy(needle.data(), &len, 8);
  needle += name;
  size_t at = find_bytes(b, needle);
  EXPECT_NE(at, std::string::npos) << name;
  return at + needle.size();
}

// Offset of the value of metadata key `key` (after its type field).
size_t kv_value_at(const std::vector<uint8_t>& b, const std::string& key) {
  std::string needle(8, '\0');
  uint64_t len = key.size();
  std::memcpy(needle.data(), &len, 8);
  needle += key;
  size_t at = find_bytes(b, needle);
  EXPECT_NE(at, std::string::npos) << key;
  return at + needle.size() + 4;
}

Status load_bytes(const TempDir& dir, const std::vector<uint8_t>& bytes) {
  std::string p = dir.file("model.gguf");
  write_bytes(p, bytes);
  return load_model_weights(p).status();
}

void expect_error(const Status& s, ErrorCode code, const std::string& fragment) {
  EXPECT_EQ(s.code(), code) << s.to_string();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << "expected '" << fragment << "' in: " << s.message();
}

// A writable copy of a golden HF folder.
std::string copy_hf(const TempDir& dir, const std::string& model = "tiny-a") {
  fs::path out = dir.path() / "hf";
  fs::create_directories(out);
  for (const auto& e : fs::directory_iterator(golden_path("models/" + model + "/hf")))
    fs::copy_file(e.path(), out / e.path().filename(), fs::copy_options::overwrite_existing);
  for (const auto& e : fs::directory_iterator(out))
    fs::permissions(e.path(), fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
  return out.string();
}

}  // namespace

TEST(ModelBadFiles, MissingEmptyAndWrongMagic) {
  TempDir dir;
  expect_error(load_model_weights(dir.file("nope.gguf")).status(), ErrorCode::NotFound, "does not exist");
  write_bytes(dir.file("empty.gguf"), {});
  expect_error(load_model_weights(dir.file("empty.gguf")).status(), ErrorCode::CorruptData,
               "empty.gguf: the file is empty (0 bytes), not a GGUF model");
  write_text(dir.file("notes.gguf"), "PK\x03\x04 this is a zip file, not a model");
  expect_error(load_model_weights(dir.file("notes.gguf")).status(), ErrorCode::CorruptData,
               "not a GGUF file: the magic is 'PK?" "?', expected 'GGUF'");
  expect_error(load_model_weights(dir.path().string()).status(), ErrorCode::NotFound, "has no config.json");
  write_bytes(dir.file("w.safetensors"), {1, 2, 3});
  expect_error(load_model_weights(dir.file("w.safetensors")).status(), ErrorCode::InvalidArgument,
               "is a single safetensors file");
}

TEST(ModelBadFiles, UnreadableFile) {
  TempDir dir;
  write_bytes(dir.file("locked.gguf"), golden_gguf());
  ::chmod(dir.file("locked.gguf").c_str(), 0);
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: file permissions do not stop root, so the unreadable-file case is skipped";
  }
  expect_error(load_model_weights(dir.file("locked.gguf")).status(), ErrorCode::IoError, "Permission denied");
}

TEST(ModelBadFiles, TruncatedGgufAtEachStage) {
  TempDir dir;
  const auto good = golden_gguf();
  const size_t tokens = kv_value_at(good, "tokenizer.ggml.tokens");
  const size_t infos = tensor_info_at(good, "token_embd.weight") - 17 - 8;
  struct Cut {
    size_t at;
    const char* fragment;
  } cuts[] = {
      {20, "truncated: the GGUF header (metadata count) ends at byte 24 but the file has 20 bytes"},
      {tokens + 40000, "of metadata key 'tokenizer.ggml.tokens'"},
      {infos + 30, "truncated: the tensor info of token_embd.weight ends at byte"},
      {good.size() / 2, "truncated: tensor data of"},
      {good.size() - 100, "truncated: tensor data of output_norm.weight ends at byte"},
  };
  for (const Cut& c : cuts) {
    std::vector<uint8_t> b(good.begin(), good.begin() + static_cast<long>(c.at));
    Status s = load_bytes(dir, b);
    expect_error(s, ErrorCode::CorruptData, c.fragment);
    EXPECT_NE(s.message().find("model.gguf"), std::string::npos) << "the message names the file: " << s.message();
  }
}

TEST(ModelBadFiles, LengthsAndOffsetsPastTheEnd) {
  TempDir dir;
  const auto good = golden_gguf();
  auto b = good;
  poke<uint64_t>(b, kv_value_at(b, "general.architecture"), 1ull << 50);  // string length
  expect_error(load_bytes(dir, b), ErrorCode::CorruptData,
               "string length 1125899906842624 of metadata key 'general.architecture'");
  b = good;
  poke<uint64_t>(b, kv_value_at(b, "tokenizer.ggml.merges") + 4, 1ull << 33);  // array count
  expect_error(load_bytes(dir, b), ErrorCode::CorruptData, "array length 8589934592 of metadata key 'tokenizer.ggml.merges'");
  b = good;
  const size_t info = tensor_info_at(b, "blk.7.ffn_up.weight");
  poke<uint64_t>(b, info + 4 + 16 + 4, 1ull << 40);  // data offset
  expect_error(load_bytes(dir, b), ErrorCode::CorruptData, "truncated: tensor data of blk.7.ffn_up.weight ends at byte");
}

TEST(ModelBadFiles, WrongArchitectureMissingMisshapenUnsupported) {
  TempDir dir;
  const auto good = golden_gguf();
  auto b = good;
  std::memcpy(b.data() + kv_value_at(b, "general.architecture") + 8, "llama3", 6);
  expect_error(load_bytes(dir, b), ErrorCode::Unsupported,
               "general.architecture is 'llama3'; Lectern runs Qwen3.5 text models (architecture 'qwen35')");

  b = good;
  const size_t name = tensor_info_at(b, "blk.5.ssm_out.weight") - std::strlen("blk.5.ssm_out.weight");
  std::memcpy(b.data() + name, "blk.5.ssm_OUT.weight", 20);
  Status missing = load_bytes(dir, b);
  expect_error(missing, ErrorCode::NotFound, "missing tensor blk.5.ssm_out.weight");

  b = good;  // blk.3.attn_k.weight: ne [64, 64] -> [64, 32] (the data shrinks, still inside the file)
  poke<uint64_t>(b, tensor_info_at(b, "blk.3.attn_k.weight") + 4 + 8, 32);
  expect_error(load_bytes(dir, b), ErrorCode::CorruptData,
               "tensor blk.3.attn_k.weight has shape [64, 32], expected [64, 64] from n_embd=64, n_head_kv=2, head_dim=32");

  b = good;
  poke<uint32_t>(b, tensor_info_at(b, "blk.0.attn_qkv.weight") + 4 + 16, 2);  // F32 -> Q4_0
  expect_error(load_bytes(dir, b), ErrorCode::Unsupported,
               "tensor blk.0.attn_qkv.weight has type Q4_0, which Lectern does not support");

  b = good;
  poke<uint32_t>(b, tensor_info_at(b, "blk.0.attn_norm.weight") + 4 + 8, 1);  // a norm stored as F16
  std::string p = dir.file("f16norm.gguf");
  write_bytes(p, b);
  auto w = load_model_weights(p);  // small tensors are converted to F32 at load
  ASSERT_TRUE(w.is_ok()) << w.status().to_string();
  EXPECT_TRUE(w->layers[0].attn_norm.converted);

  b = good;  // found by fuzz.gguf_header: a huge block count must not allocate per-layer state
  poke<uint32_t>(b, kv_value_at(b, "qwen35.block_count"), 0x2d000004u);
  expect_error(load_bytes(dir, b), ErrorCode::CorruptData, "qwen35.block_count = 754974724 is implausibly large");

  b = good;  // a required hyperparameter key renamed away
  std::memcpy(b.data() + find_bytes(b, "qwen35.ssm.state_size"), "qwen35.ssm.state_SIZE", 21);
  expect_error(load_bytes(dir, b), ErrorCode::NotFound, "missing metadata key 'qwen35.ssm.state_size'");
}

TEST(ModelBadFiles, CorruptTokenizerMetadata) {
  TempDir dir;
  const auto good = golden_gguf();
  auto b = good;
  poke<uint32_t>(b, kv_value_at(b, "tokenizer.ggml.eos_token_id"), 99999);
  std::string p = dir.file("tok.gguf");
  write_bytes(p, b);
  EXPECT_TRUE(load_model_weights(p).is_ok());  // the weights are fine
  expect_error(text::load_tokenizer_for_model(p).status(), ErrorCode::CorruptData,
               "tokenizer.ggml.eos_token_id = 99999 is outside the 8064-token vocabulary");
  expect_error(inspect_model(p).status(), ErrorCode::CorruptData, "eos_token_id = 99999");

  b = good;
  std::memcpy(b.data() + kv_value_at(b, "tokenizer.ggml.model") + 8, "bert", 4);
  write_bytes(p, b);
  expect_error(text::load_tokenizer_for_model(p).status(), ErrorCode::Unsupported,
               "tokenizer.ggml.model is 'bert'; Lectern supports byte-level BPE ('gpt2') only");

  b = good;  // token_type becomes an array of strings? No: shorten it so it no longer matches the tokens.
  poke<uint64_t>(b, kv_value_at(b, "tokenizer.ggml.token_type") + 4, 8000);
  write_bytes(p, b);
  Status s = text::load_tokenizer_for_model(p).status();
  EXPECT_FALSE(s.is_ok());  // the shortened array misaligns everything after it: the parse fails
  EXPECT_EQ(s.code(), ErrorCode::CorruptData) << s.to_string();

  b = good;
  std::memcpy(b.data() + find_bytes(b, "tokenizer.ggml.merges"), "tokenizer.ggml.mergez", 21);
  write_bytes(p, b);
  expect_error(text::load_tokenizer_for_model(p).status(), ErrorCode::NotFound,
               "missing metadata key 'tokenizer.ggml.merges'");
}

TEST(ModelBadFiles, MalformedHfConfig) {
  TempDir dir;
  std::string hf = copy_hf(dir);
  ASSERT_TRUE(load_model_weights(hf).is_ok());
  const std::string config = (fs::path(hf) / "config.json").string();
  const auto original = read_bytes(config);
  write_text(config, "{\"architectures\": [\"Qwen3_5ForConditionalGeneration\"], \"text_config\": {");
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "config.json is not valid JSON: parse error");
  write_text(config, R"({"model_type": "llama", "hidden_size": 64})");
  expect_error(load_model_weights(hf).status(), ErrorCode::Unsupported,
               "config.json has model_type 'llama'; Lectern runs Qwen3.5 text models");
  std::string text(original.begin(), original.end());
  write_text(config, text.replace(text.find("\"head_dim\""), 10, "\"head_dimension\""));
  expect_error(load_model_weights(hf).status(), ErrorCode::NotFound, "config.json has no text_config.head_dim");
  text.assign(original.begin(), original.end());
  write_text(config, text.replace(text.find("\"vocab_size\": 8064"), 18, "\"vocab_size\": 8000"));
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData,
               "config.json vocab_size = 8000 but model.language_model.embed_tokens.weight has 8064 rows");
  text.assign(original.begin(), original.end());
  write_text(config, text.replace(text.find("\"num_key_value_heads\": 2"), 24, "\"num_key_value_heads\": 3"));
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "n_head = 4 is not a multiple of n_head_kv = 3");
}

TEST(ModelBadFiles, BrokenSafetensors) {
  TempDir dir;
  std::string hf = copy_hf(dir);
  const std::string st = (fs::path(hf) / "model.safetensors").string();
  const auto good = read_bytes(st);
  auto b = good;
  poke<uint64_t>(b, 0, good.size());  // header length past the end
  write_bytes(st, b);
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "model.safetensors: the header length");
  b = good;
  std::memcpy(b.data() + 8, "#garbage", 8);
  write_bytes(st, b);
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "model.safetensors: the header is not valid JSON");
  b = good;
  std::vector<uint8_t> cut(good.begin(), good.end() - 1000);  // data section shorter than the offsets say
  write_bytes(st, cut);
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "truncated: tensor data of");
  b = good;  // a tensor renamed in the JSON header: reported as missing with both names
  size_t at = find_bytes(b, "layers.5.linear_attn.out_proj.weight");
  std::memcpy(b.data() + at, "layers.5.linear_attn.out_proj.weighT", 36);
  write_bytes(st, b);
  Status s = load_model_weights(hf).status();
  expect_error(s, ErrorCode::NotFound,
               "missing tensor blk.5.ssm_out.weight (model.language_model.layers.5.linear_attn.out_proj.weight)");
  b = good;  // a weight stored as I32: not usable
  at = find_bytes(b, "\"dtype\":\"F32\"", find_bytes(b, "layers.0.mlp.up_proj.weight"));
  std::memcpy(b.data() + at, "\"dtype\":\"I32\"", 13);
  write_bytes(st, b);
  expect_error(load_model_weights(hf).status(), ErrorCode::Unsupported,
               "tensor model.language_model.layers.0.mlp.up_proj.weight has dtype I32, which Lectern cannot use");
}

TEST(ModelBadFiles, BrokenShardIndex) {
  TempDir dir;
  std::string hf = copy_hf(dir);
  fs::rename(fs::path(hf) / "model.safetensors", fs::path(hf) / "part-1.safetensors");
  const std::string index = (fs::path(hf) / "model.safetensors.index.json").string();
  write_text(index, R"({"weight_map": {"model.language_model.norm.weight": "../../etc/passwd"}})");
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "not a file name in the folder");
  write_text(index, R"({"weight_map": {"model.language_model.norm.weight": "part-2.safetensors"}})");
  expect_error(load_model_weights(hf).status(), ErrorCode::NotFound, "part-2.safetensors");
  write_text(index, R"({"metadata": {}})");
  expect_error(load_model_weights(hf).status(), ErrorCode::CorruptData, "has no weight_map object");
  // A valid index over the renamed file loads.
  write_text(index, R"({"weight_map": {"model.language_model.norm.weight": "part-1.safetensors"}})");
  EXPECT_TRUE(load_model_weights(hf).is_ok());
}
