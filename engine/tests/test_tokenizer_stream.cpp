// test_tokenizer_stream.cpp: streaming decode (emoji/CJK split across tokens), BPE against a naive reference merge
// loop, the NFC quick check, huge inputs and concurrent use, all with the golden Qwen3 tokenizer.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "lectern/tokenizer.h"
#include "text/bpe_byte_level.h"
#include "text/tokenizer_impl.h"
#include "text/tokenizer_normalizer.h"
#include "text/utf8.h"

using namespace lectern;
namespace fs = std::filesystem;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";
const fs::path kQwen3Dir = fs::path(LECTERN_GOLDEN_DIR) / "tokenizer-qwen3";

// Loaded once per test binary (about half a second).
const Result<Tokenizer>& shared_qwen3() {
  static const Result<Tokenizer> tok = Tokenizer::from_hf_folder(kQwen3Dir);
  return tok;
}
const Tokenizer& qwen3() { return *shared_qwen3(); }

// Every test here needs the golden tokenizer; SetUp fails the test (and skips its body) when it cannot load.
class Qwen3 : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(shared_qwen3().is_ok()) << "golden tokenizer missing or unreadable (" << kQwen3Dir
                                        << "): " << shared_qwen3().status().to_string();
  }
};

int32_t byte_token(uint8_t b) {
  auto id = qwen3().piece_to_id(text::byte_to_vocab_piece(b));
  EXPECT_TRUE(id.has_value());
  return id.value_or(0);
}

std::vector<std::string> stream(const std::vector<int32_t>& ids, DecodeOptions opt = {}) {
  StreamingDecoder dec(qwen3(), opt);
  std::vector<std::string> out;
  for (int32_t id : ids) {
    auto piece = dec.push(id);
    EXPECT_TRUE(piece.is_ok()) << piece.status().to_string();
    out.push_back(piece.is_ok() ? *piece : "");
  }
  out.push_back(dec.finish());
  return out;
}

}  // namespace

TEST_F(Qwen3, StreamingDecoderEmojiAndCjkSplitByteByByte) {
  // 😀 = F0 9F 98 80 and 你 = E4 BD A0 spelled with single-byte tokens: nothing appears until the last byte.
  using V = std::vector<std::string>;
  EXPECT_EQ(stream({byte_token(0xF0), byte_token(0x9F), byte_token(0x98), byte_token(0x80)}),
            (V{"", "", "", "\xF0\x9F\x98\x80", ""}));
  EXPECT_EQ(stream({byte_token(0xE4), byte_token(0xBD), byte_token(0xA0), byte_token('!')}),
            (V{"", "", "\xE4\xBD\xA0", "!", ""}));
  // A prefix that can no longer complete becomes U+FFFD as soon as that is certain, and so does a dangling end.
  EXPECT_EQ(stream({byte_token(0xF0), byte_token(0x9F), byte_token('A')}), (V{"", "", kFffd + "A", ""}));
  EXPECT_EQ(stream({byte_token('x'), byte_token(0xE4)}), (V{"x", "", kFffd}));
  StreamingDecoder dec(qwen3());
  EXPECT_FALSE(dec.push(-5).is_ok());
  EXPECT_FALSE(dec.push(qwen3().n_vocab()).is_ok());
}

TEST_F(Qwen3, StreamingDecoderRealTokensThatSplitCharacters) {
  const std::string text = "🏽б ждCF符8gح8yح 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 鿕鿔 🇩🇪";
  auto ids = qwen3().encode(text);
  ASSERT_TRUE(ids.is_ok());
  size_t n_partial = 0;  // tokens whose bytes are not whole characters on their own
  for (int32_t id : *ids) n_partial += text::is_valid_utf8(*qwen3().token_bytes(id)) ? 0 : 1;
  EXPECT_GT(n_partial, 0u) << "the text should contain characters split across tokens";
  std::string joined;
  for (const auto& piece : stream(*ids)) {
    EXPECT_TRUE(text::is_valid_utf8(piece)) << "a push emitted a partial character";
    joined += piece;
  }
  EXPECT_EQ(joined, text);
}

TEST_F(Qwen3, StreamingDecoderEqualsDecodeOnRandomIdSequences) {
  std::mt19937 rng(11);
  const auto n_vocab = static_cast<uint32_t>(qwen3().n_vocab());
  for (int iter = 0; iter < 400; ++iter) {
    std::vector<int32_t> ids;
    const int n = 1 + static_cast<int>(rng() % 16);
    for (int i = 0; i < n; ++i) {
      // Mostly single-byte tokens (to create partial characters), some whole-vocabulary picks.
      ids.push_back(rng() % 3 ? byte_token(static_cast<uint8_t>(0x80 + rng() % 0x80)) : int32_t(rng() % n_vocab));
    }
    for (bool skip : {false, true}) {
      std::string joined;
      for (const auto& piece : stream(ids, DecodeOptions{.skip_special = skip})) joined += piece;
      auto whole = qwen3().decode(ids, DecodeOptions{.skip_special = skip});
      ASSERT_TRUE(whole.is_ok());
      ASSERT_EQ(joined, *whole) << "iteration " << iter;
    }
  }
}

// The textbook BPE loop (find the lowest-ranked adjacent pair, leftmost on ties, merge it, repeat) on vocabulary
// spellings, with merge ranks read straight from tokenizer.json.
TEST_F(Qwen3, BpeMatchesNaiveMergeLoop) {
  std::ifstream in(kQwen3Dir / "tokenizer.json");
  ASSERT_TRUE(in);
  const auto j = nlohmann::json::parse(in);
  std::map<std::pair<std::string, std::string>, int> rank;
  int r = 0;
  for (const auto& m : j["model"]["merges"]) rank.emplace(std::make_pair(m[0].get<std::string>(), m[1].get<std::string>()), r++);

  const auto& bpe = qwen3().impl().bpe;
  std::mt19937 rng(5);
  const std::string alphabet[] = {"e", "t", "a", "o", "n", "r", "s", "i", "h", "l", " ", "th", "er", "in",
                                  "é", "ß", "中", "文", "😀", "\xCC\x81", "0", "_", "-", "\n"};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string word;
    const int n = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) word += alphabet[rng() % std::size(alphabet)];

    std::vector<std::string> parts;
    for (char c : word) parts.push_back(text::byte_to_vocab_piece(static_cast<uint8_t>(c)));
    while (parts.size() > 1) {
      int best = -1, best_rank = 0;
      for (size_t i = 0; i + 1 < parts.size(); ++i) {
        auto it = rank.find({parts[i], parts[i + 1]});
        if (it != rank.end() && (best < 0 || it->second < best_rank)) {
          best = static_cast<int>(i);
          best_rank = it->second;
        }
      }
      if (best < 0) break;
      parts[best] += parts[best + 1];
      parts.erase(parts.begin() + best + 1);
    }
    std::vector<int32_t> expected;
    for (const auto& p : parts) expected.push_back(qwen3().piece_to_id(p).value_or(-1));

    std::vector<int32_t> cached, uncached;
    bpe.encode_word(word, cached);
    bpe.encode_word(word, cached);  // second call comes from the cache
    bpe.encode_word_uncached(word, uncached);
    ASSERT_EQ(uncached, expected) << "word " << nlohmann::json(text::sanitize_utf8(word)).dump();
    ASSERT_EQ(cached.size(), 2 * expected.size());
    ASSERT_TRUE(std::equal(expected.begin(), expected.end(), cached.begin()));
    ASSERT_TRUE(std::equal(expected.begin(), expected.end(), cached.begin() + expected.size()));
  }
}

TEST(Normalizer, QuickCheckNeverSkipsAChange) {
  // Every code point the quick check lets through must be unchanged by NFC on its own. (That it is never the
  // second half of a composition was cross-checked against Python's unicodedata when the check was written.)
  size_t n_inert = 0;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!text::nfc_inert(cp)) continue;
    ++n_inert;
    const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    ASSERT_EQ(p->combining_class, 0) << std::hex << static_cast<uint32_t>(cp);
    std::string one;
    text::append_utf8(one, cp);
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(one.data()),
                                static_cast<utf8proc_ssize_t>(one.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    const bool same = n == static_cast<utf8proc_ssize_t>(one.size()) && std::memcmp(out, one.data(), one.size()) == 0;
    std::free(out);
    ASSERT_TRUE(same) << "NFC changes U+" << std::hex << static_cast<uint32_t>(cp);
  }
  EXPECT_GT(n_inert, 1000000u);
  // Composition needs the NFC path: e + U+0301 -> é, Hangul L V T -> one syllable, Ω (U+2126) -> Ω (U+03A9).
  EXPECT_EQ(*text::nfc_normalize("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(*text::nfc_normalize("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), "\xEA\xB0\x81");
  EXPECT_EQ(*text::nfc_normalize("\xE2\x84\xA6"), "\xCE\xA9");
  EXPECT_FALSE(text::nfc_normalize("\xFF").is_ok());
}

TEST_F(Qwen3, HugeInputsAndRoundTrips) {
  // Single 256 KiB "words": the BPE of one word is O(n log n), about 1 s per MiB on this class of machine.
  const std::string spaces(1 << 18, ' ');
  const std::string letters(1 << 18, 'a');
  const std::string newlines(1 << 18, '\n');
  std::string cjk_text;  // one 300 KB "word": no spaces between ideographs
  for (int i = 0; i < 100000; ++i) text::append_utf8(cjk_text, static_cast<char32_t>(0x4E00 + (i * 7919) % 20000));
  const std::string& cjk = cjk_text;
  for (const std::string* t : {&spaces, &letters, &newlines, &cjk}) {
    auto ids = qwen3().encode(*t);
    ASSERT_TRUE(ids.is_ok()) << ids.status().to_string();
    EXPECT_LT(ids->size(), t->size());
    auto back = qwen3().decode(*ids);
    ASSERT_TRUE(back.is_ok());
    EXPECT_TRUE(*back == *t) << "round trip of a " << t->size() << "-byte input differs";
  }
}

TEST_F(Qwen3, ConcurrentEncodesAgree) {
  std::vector<std::string> texts;
  std::mt19937 rng(9);
  const char* words[] = {"alpha", " beta", " 中文", " 😀", "\n", " 123", " x_y", " ünï", " <think>", "<|im_end|>"};
  for (int i = 0; i < 200; ++i) {
    std::string t;
    for (int k = 0; k < 30; ++k) t += words[rng() % std::size(words)];
    texts.push_back(t + std::to_string(rng()));
  }
  std::vector<std::vector<int32_t>> expected;
  for (const auto& t : texts) expected.push_back(*qwen3().encode(t));
  std::vector<int> n_bad(4, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (int round = 0; round < 5; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          auto ids = qwen3().encode(texts[(i + w * 37) % texts.size()]);
          if (!ids.is_ok() || *ids != expected[(i + w * 37) % texts.size()]) ++n_bad[w];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(n_bad, std::vector<int>(4, 0));
}
