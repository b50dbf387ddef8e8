// test_tokenizer_golden.cpp: tokenizer conformance against ../shared/golden (ids from transformers.js) for the
// Qwen3 regex and the Qwen3.5 regex, plus decode round trips on every case.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lectern/tokenizer.h"

using namespace lectern;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string text;
  std::vector<int32_t> ids;
};

fs::path golden(const char* name) { return fs::path(LECTERN_GOLDEN_DIR) / name; }

std::vector<Case> load_cases(const fs::path& dir) {
  const fs::path path = dir / "cases.json";
  std::ifstream in(path);
  if (!in) {
    ADD_FAILURE() << "golden data missing: " << path << " (the ../shared/golden folder must sit beside the checkout)";
    return {};
  }
  std::vector<Case> cases;
  for (const auto& c : nlohmann::json::parse(in)) cases.push_back({c.at("text"), c.at("ids")});
  return cases;
}

std::string ids_str(const std::vector<int32_t>& ids) {
  std::string s = "[";
  for (size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + std::to_string(ids[i]);
  return s + "]";
}

// Reference NFC straight from utf8proc (not through the tokenizer's quick-check path).
std::string nfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                              &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  EXPECT_GE(n, 0);
  std::string r(reinterpret_cast<const char*>(out), n < 0 ? 0 : static_cast<size_t>(n));
  std::free(out);
  return r;
}

void run_conformance(const char* folder) {
  const fs::path dir = golden(folder);
  const auto t0 = std::chrono::steady_clock::now();
  auto tok = Tokenizer::from_hf_folder(dir);
  const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  std::printf("[%s] tokenizer loaded in %.3f s (n_vocab %d)\n", folder, load_s, tok->n_vocab());

  const auto cases = load_cases(dir);
  ASSERT_GT(cases.size(), 100u) << "expected the full case list in " << dir;
  size_t n_match = 0, n_roundtrip = 0;
  for (const auto& c : cases) {
    auto ids = tok->encode(c.text);
    ASSERT_TRUE(ids.is_ok()) << ids.status().to_string();
    if (*ids == c.ids) {
      ++n_match;
    } else {
      ADD_FAILURE() << "mismatch for text " << nlohmann::json(c.text).dump() << "\n  expected " << ids_str(c.ids)
                    << "\n  got      " << ids_str(*ids);
    }
    auto text = tok->decode(*ids);
    ASSERT_TRUE(text.is_ok()) << text.status().to_string();
    if (*text == nfc(c.text)) {
      ++n_roundtrip;
    } else {
      ADD_FAILURE() << "decode(encode(t)) != NFC(t) for " << nlohmann::json(c.text).dump() << ": got "
                    << nlohmann::json(*text).dump();
    }
  }
  std::printf("[%s] %zu/%zu cases match the golden ids, %zu/%zu round-trip\n", folder, n_match, cases.size(),
              n_roundtrip, cases.size());
  EXPECT_EQ(n_match, cases.size());
  EXPECT_EQ(n_roundtrip, cases.size());
}

}  // namespace

TEST(TokenizerGolden, Qwen3AllCases) { run_conformance("tokenizer-qwen3"); }

TEST(TokenizerGolden, Qwen35RegexAllCases) { run_conformance("tokenizer-qwen35-regex"); }

TEST(TokenizerGolden, Qwen3Metadata) {
  auto tok = Tokenizer::from_hf_folder(golden("tokenizer-qwen3"));
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  // tokenizer.json: 151,643 BPE tokens + 26 added tokens (golden/README.md); tokenizer_config.json: eos <|im_end|>,
  // pad <|endoftext|>, no bos.
  EXPECT_EQ(tok->n_vocab(), 151643 + 26);
  EXPECT_EQ(tok->eos_id(), std::optional<int32_t>(151645));
  EXPECT_EQ(tok->pad_id(), std::optional<int32_t>(151643));
  EXPECT_FALSE(tok->bos_id().has_value());
  EXPECT_FALSE(tok->add_bos());
  EXPECT_EQ(tok->token_piece(151645), "<|im_end|>");
  EXPECT_TRUE(tok->is_special(151645));
  EXPECT_TRUE(tok->is_added(151667));
  EXPECT_FALSE(tok->is_special(151667));  // <think> is shown when decoding
  EXPECT_EQ(tok->piece_to_id("<think>"), std::optional<int32_t>(151667));

  // skip_special drops <|im_start|>/<|im_end|> but keeps <think>.
  auto ids = tok->encode("<|im_start|>assistant\n<think>\nok\n</think>\n\nHi<|im_end|>");
  ASSERT_TRUE(ids.is_ok());
  auto shown = tok->decode(*ids, DecodeOptions{.skip_special = true});
  ASSERT_TRUE(shown.is_ok());
  EXPECT_EQ(*shown, "assistant\n<think>\nok\n</think>\n\nHi");

  // parse_special=false: special tokens are plain text, <think> (non-special) is still one token.
  auto plain = tok->encode("<|im_end|><think>", EncodeOptions{.parse_special = false});
  ASSERT_TRUE(plain.is_ok());
  EXPECT_GT(plain->size(), 2u);
  EXPECT_EQ(plain->back(), 151667);
  EXPECT_EQ(std::count(plain->begin(), plain->end(), 151645), 0);
}
