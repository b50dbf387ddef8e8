// test_tokenizer_load.cpp: loading tokenizer.json / tokenizer_config.json: a minimal valid file, and every kind of
// missing, truncated, corrupt or unsupported input giving its specific error instead of a crash.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "lectern/tokenizer.h"
#include "text/bpe_byte_level.h"
#include "text/pretokenizer.h"
#include "text/tokenizer_loader.h"

using namespace lectern;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("lectern_test_tokenizer_load_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& contents) const {
    std::ofstream(path_ / name, std::ios::binary) << contents;
    return path_ / name;
  }

 private:
  fs::path path_;
};

// The smallest tokenizer.json of the supported shape: the 256 byte tokens (ids = byte values), "ab" (256), one
// merge, and one special added token <|x|> (257).
json minimal_tokenizer_json() {
  json vocab = json::object();
  for (int b = 0; b < 256; ++b) vocab[text::byte_to_vocab_piece(static_cast<uint8_t>(b))] = b;
  vocab["ab"] = 256;
  json split = {{"type", "Split"},
                {"pattern", {{"Regex", std::string(text::kQwen2Regex)}}},
                {"behavior", "Isolated"},
                {"invert", false}};
  json byte_level = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", false}};
  return {{"version", "1.0"},
          {"added_tokens", json::array({{{"id", 257}, {"content", "<|x|>"}, {"single_word", false}, {"lstrip", false},
                                         {"rstrip", false}, {"normalized", false}, {"special", true}}})},
          {"normalizer", {{"type", "NFC"}}},
          {"pre_tokenizer", {{"type", "Sequence"}, {"pretokenizers", json::array({split, byte_level})}}},
          {"post_processor", byte_level},
          {"decoder", byte_level},
          {"model",
           {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"byte_fallback", false},
            {"vocab", vocab}, {"merges", json::array({json::array({"a", "b"})})}}}};
}

Result<Tokenizer> load_json(const json& j, const json* config = nullptr) {
  TempDir dir;
  dir.write("tokenizer.json", j.dump());
  if (config) dir.write("tokenizer_config.json", config->dump());
  return Tokenizer::from_hf_folder(dir.path());
}

void expect_error(const Result<Tokenizer>& r, ErrorCode code, const std::string& needle) {
  ASSERT_FALSE(r.is_ok()) << "expected an error mentioning " << needle;
  EXPECT_EQ(r.status().code(), code) << r.status().to_string();
  EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().to_string();
}

}  // namespace

TEST(TokenizerLoad, MinimalFileLoadsAndEncodes) {
  auto tok = load_json(minimal_tokenizer_json());
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  EXPECT_EQ(tok->n_vocab(), 258);
  EXPECT_EQ(*tok->encode("ab<|x|>b"), (std::vector<int32_t>{256, 257, 'b'}));
  EXPECT_TRUE(tok->is_special(257));

  json legacy = minimal_tokenizer_json();  // merges in the older "a b" string form
  legacy["model"]["merges"] = json::array({"a b"});
  auto tok2 = load_json(legacy);
  ASSERT_TRUE(tok2.is_ok()) << tok2.status().to_string();
  EXPECT_EQ(*tok2->encode("ab"), (std::vector<int32_t>{256}));
}

TEST(TokenizerLoad, MissingFilesAreNotFound) {
  TempDir dir;
  expect_error(Tokenizer::from_hf_folder(dir.path() / "nope"), ErrorCode::NotFound, "does not exist");
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::NotFound, "no tokenizer.json");
  const fs::path json_path = dir.write("tokenizer.json", minimal_tokenizer_json().dump());
  expect_error(Tokenizer::from_hf_files(json_path, dir.path() / "missing_config.json"), ErrorCode::NotFound,
               "tokenizer_config.json not found");
  expect_error(text::load_tokenizer_for_model(dir.path() / "model.gguf"), ErrorCode::NotFound, "does not exist");
  // A file is read as GGUF (the model-file reader owns those errors); a 4-byte stub must fail, naming the file.
  const fs::path gguf = dir.write("model.gguf", "GGUF");
  auto stub = text::load_tokenizer_for_model(gguf);
  ASSERT_FALSE(stub.is_ok());
  EXPECT_NE(stub.status().message().find("model.gguf"), std::string::npos) << stub.status().to_string();
  EXPECT_TRUE(text::load_tokenizer_for_model(dir.path()).is_ok());
}

TEST(TokenizerLoad, TruncatedAndCorruptJsonAreCorruptData) {
  const fs::path golden = fs::path(LECTERN_GOLDEN_DIR) / "tokenizer-qwen3" / "tokenizer.json";
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in) << "golden data missing: " << golden;
  std::string head(1 << 20, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  TempDir dir;
  dir.write("tokenizer.json", head);  // the real file cut after 1 MiB
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::CorruptData, "not valid JSON");
  dir.write("tokenizer.json", "");
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::CorruptData, "not valid JSON");
  dir.write("tokenizer.json", std::string("\x00\xFF\x13garbage", 10));
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::CorruptData, "not valid JSON");
  dir.write("tokenizer.json", "[1, 2, 3]");
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::CorruptData, "not a JSON object");
}

TEST(TokenizerLoad, EveryPrefixAndRandomByteFlipsFailCleanly) {
  const std::string full = minimal_tokenizer_json().dump();
  TempDir dir;
  for (size_t n = 0; n < full.size(); n += 61) {
    dir.write("tokenizer.json", full.substr(0, n));
    auto tok = Tokenizer::from_hf_folder(dir.path());
    EXPECT_FALSE(tok.is_ok()) << "prefix of " << n << " bytes loaded";
  }
  std::mt19937 rng(3);
  for (int i = 0; i < 150; ++i) {
    std::string damaged = full;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
    dir.write("tokenizer.json", damaged);
    auto tok = Tokenizer::from_hf_folder(dir.path());  // ok or an error; never a crash
    if (tok.is_ok()) {
      EXPECT_TRUE(tok->encode("some text ab").is_ok());
    }
  }
}

TEST(TokenizerLoad, InconsistentContentsAreCorruptData) {
  json j = minimal_tokenizer_json();
  j["model"]["merges"] = json::array({json::array({"a", "zz"})});
  expect_error(load_json(j), ErrorCode::CorruptData, "'zz'");

  j = minimal_tokenizer_json();
  j["model"]["merges"] = json::array({"a b c"});
  expect_error(load_json(j), ErrorCode::CorruptData, "merge #0");

  j = minimal_tokenizer_json();
  j["model"]["vocab"]["ab"] = "256";
  expect_error(load_json(j), ErrorCode::CorruptData, "non-integer id");

  j = minimal_tokenizer_json();
  j["added_tokens"][0]["id"] = 256;  // collides with "ab"
  expect_error(load_json(j), ErrorCode::CorruptData, "already belongs to 'ab'");

  j = minimal_tokenizer_json();
  j["model"]["vocab"]["huge"] = 2000000000;
  expect_error(load_json(j), ErrorCode::CorruptData, "outside");

  j = minimal_tokenizer_json();
  j.erase("model");
  expect_error(load_json(j), ErrorCode::CorruptData, "no 'model'");
}

TEST(TokenizerLoad, UnsupportedPipelinesAreNamed) {
  json j = minimal_tokenizer_json();
  j["model"]["type"] = "Unigram";
  expect_error(load_json(j), ErrorCode::Unsupported, "'Unigram'");

  j = minimal_tokenizer_json();
  j["pre_tokenizer"] = {{"type", "Metaspace"}, {"replacement", "_"}};
  expect_error(load_json(j), ErrorCode::Unsupported, "'Metaspace'");

  j = minimal_tokenizer_json();
  j["pre_tokenizer"] = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}};
  expect_error(load_json(j), ErrorCode::Unsupported, "use_regex=true");

  j = minimal_tokenizer_json();
  j["pre_tokenizer"]["pretokenizers"][0]["behavior"] = "Removed";
  expect_error(load_json(j), ErrorCode::Unsupported, "'Removed'");

  j = minimal_tokenizer_json();
  j["pre_tokenizer"]["pretokenizers"][0]["pattern"] = {{"String", " "}};
  expect_error(load_json(j), ErrorCode::Unsupported, "pattern");

  j = minimal_tokenizer_json();
  j["pre_tokenizer"]["pretokenizers"][0]["pattern"] = {{"Regex", "(unclosed"}};
  expect_error(load_json(j), ErrorCode::Unsupported, "does not compile");

  j = minimal_tokenizer_json();
  j["decoder"] = {{"type", "WordPiece"}};
  expect_error(load_json(j), ErrorCode::Unsupported, "'WordPiece'");

  j = minimal_tokenizer_json();
  j["normalizer"] = {{"type", "Lowercase"}};
  expect_error(load_json(j), ErrorCode::Unsupported, "'Lowercase'");

  j = minimal_tokenizer_json();
  j["model"]["byte_fallback"] = true;
  expect_error(load_json(j), ErrorCode::Unsupported, "byte_fallback");
}

TEST(TokenizerLoad, ConfigSetsSpecialTokensAndFlags) {
  json config = {{"add_bos_token", false},
                 {"eos_token", {{"content", "<|x|>"}, {"special", true}}},
                 {"pad_token", "ab"},
                 {"bos_token", nullptr},
                 {"added_tokens_decoder", {{"257", {{"content", "<|x|>"}, {"special", false}}}}}};
  auto tok = load_json(minimal_tokenizer_json(), &config);
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  EXPECT_EQ(tok->eos_id(), std::optional<int32_t>(257));
  EXPECT_EQ(tok->pad_id(), std::optional<int32_t>(256));
  EXPECT_FALSE(tok->bos_id().has_value());
  EXPECT_FALSE(tok->is_special(257));  // added_tokens_decoder overrides tokenizer.json's flag

  config = {{"eos_token", "<|nope|>"}};
  expect_error(load_json(minimal_tokenizer_json(), &config), ErrorCode::CorruptData, "'<|nope|>'");
  config = {{"added_tokens_decoder", {{"257", {{"content", "<|y|>"}}}}}};
  expect_error(load_json(minimal_tokenizer_json(), &config), ErrorCode::CorruptData, "'<|y|>'");

  TempDir dir;
  dir.write("tokenizer.json", minimal_tokenizer_json().dump());
  dir.write("tokenizer_config.json", "{\"eos_token\": ");
  expect_error(Tokenizer::from_hf_folder(dir.path()), ErrorCode::CorruptData, "not valid JSON");
}
