// test_tokenizer.cpp: tokenizer building blocks on hand-made inputs: UTF-8 repair, the GPT-2 byte alphabet, the
// pre-tokenizer regexes, BPE merge order, added-token splitting, and vocabularies described GGUF-style.
#include <gtest/gtest.h>

#include <random>

#include "lectern/tokenizer.h"
#include "text/bpe_byte_level.h"
#include "text/pretokenizer.h"
#include "text/tokenizer_added.h"
#include "text/tokenizer_vocab.h"
#include "text/utf8.h"

using namespace lectern;
using namespace lectern::text;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::vector<std::string> split_with(std::string_view pattern, std::string_view text) {
  auto splitter = RegexSplitter::create(pattern);
  EXPECT_TRUE(splitter.is_ok()) << splitter.status().to_string();
  std::vector<std::pair<size_t, size_t>> pieces;
  EXPECT_TRUE(splitter->split(text, pieces).is_ok());
  std::vector<std::string> out;
  for (auto [b, e] : pieces) out.emplace_back(text.substr(b, e - b));
  return out;
}

// A byte-level vocabulary: the 256 single-byte tokens (ids 0..255 in byte order) followed by `extra`.
TokenizerVocab byte_vocab(const std::vector<std::string>& extra, const std::vector<std::string>& merges) {
  TokenizerVocab v;
  for (int b = 0; b < 256; ++b) v.tokens.push_back(byte_to_vocab_piece(static_cast<uint8_t>(b)));
  v.tokens.insert(v.tokens.end(), extra.begin(), extra.end());
  v.merges = merges;
  v.pre = "qwen2";
  return v;
}

std::vector<int32_t> encode_ok(const Tokenizer& tok, std::string_view text, EncodeOptions opt = {}) {
  auto ids = tok.encode(text, opt);
  EXPECT_TRUE(ids.is_ok()) << ids.status().to_string();
  return ids.is_ok() ? *ids : std::vector<int32_t>{};
}

}  // namespace

// ---- UTF-8 ---------------------------------------------------------------------------------------------------

TEST(Utf8, SanitizeFollowsUnicodeMaximalSubparts) {
  // The worked example of Unicode 15 §3.9 "U+FFFD Substitution of Maximal Subparts" (Table 3-11 style):
  // 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 -> a FFFD FFFD FFFD b FFFD c FFFD FFFD d
  EXPECT_EQ(sanitize_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // encoded surrogate: ED is not a prefix of it
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(sanitize_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // above U+10FFFF
  EXPECT_EQ(sanitize_utf8("ok \xE4\xBD"), "ok " + kFffd);            // truncated final character: one FFFD
  EXPECT_EQ(sanitize_utf8("\xF0\x9F\x98\x80 \xE4\xBD\xA0"), "\xF0\x9F\x98\x80 \xE4\xBD\xA0");  // valid untouched
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));
}

TEST(Utf8, AssemblerHoldsBackIncompleteCharacters) {
  Utf8Assembler a;
  std::string out;
  a.push("\xF0", out);
  a.push("\x9F\x98", out);
  EXPECT_EQ(out, "");
  EXPECT_EQ(a.n_pending(), 3u);
  a.push("\x80!", out);
  EXPECT_EQ(out, "\xF0\x9F\x98\x80!");

  out.clear();
  a.push("\xE4\xBD", out);  // 你 split 2 + 1
  EXPECT_EQ(out, "");
  a.push("\xA0", out);
  EXPECT_EQ(out, "\xE4\xBD\xA0");

  out.clear();
  a.push("\xF0\x9F", out);
  a.push("A", out);  // the prefix can no longer complete: one FFFD, then A, at once
  EXPECT_EQ(out, kFffd + "A");

  out.clear();
  a.push("\x80", out);  // stray continuation byte: FFFD immediately
  EXPECT_EQ(out, kFffd);

  out.clear();
  a.push("x\xE2\x82", out);
  EXPECT_EQ(out, "x");
  a.finish(out);  // stream ends inside a character
  EXPECT_EQ(out, "x" + kFffd);
  EXPECT_EQ(a.n_pending(), 0u);
}

TEST(Utf8, AssemblerEqualsWholeBufferRepairOnRandomSplits) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "\xC3\xA9", "\xE4\xBD\xA0", "\xF0\x9F\x98\x80", "\x80", "\xBF", "\xC2",
                                  "\xE0", "\xED", "\xF0", "\xF4", "\xFF", "\xE0\xA0", "\xF0\x90"};
  for (int iter = 0; iter < 3000; ++iter) {
    std::string bytes;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) bytes += alphabet[rng() % std::size(alphabet)];
    Utf8Assembler a;
    std::string out;
    for (size_t pos = 0; pos < bytes.size();) {
      const size_t len = 1 + rng() % 4;
      a.push(std::string_view(bytes).substr(pos, len), out);
      EXPECT_TRUE(is_valid_utf8(out));
      pos += len;
    }
    a.finish(out);
    ASSERT_EQ(out, sanitize_utf8(bytes)) << "iteration " << iter;
  }
}

// ---- byte alphabet ---------------------------------------------------------------------------------------------

TEST(ByteLevel, Gpt2Alphabet) {
  // Well-known spellings from GPT-2's bytes_to_unicode(): space Ġ (U+0120), newline Ċ (U+010A), tab ĉ (U+0109),
  // NUL Ā (U+0100), soft hyphen 0xAD is the last remapped byte, Ń (U+0143); printable bytes map to themselves.
  EXPECT_EQ(byte_to_vocab_piece(' '), "\xC4\xA0");
  EXPECT_EQ(byte_to_vocab_piece('\n'), "\xC4\x8A");
  EXPECT_EQ(byte_to_vocab_piece('\t'), "\xC4\x89");
  EXPECT_EQ(byte_to_vocab_piece(0), "\xC4\x80");
  EXPECT_EQ(byte_to_vocab_piece(0xAD), "\xC5\x83");
  EXPECT_EQ(byte_to_vocab_piece('A'), "A");
  EXPECT_EQ(byte_to_vocab_piece(0xE9), "\xC3\xA9");  // é (Latin-1 printable)
  for (int b = 0; b < 256; ++b) {
    auto back = vocab_piece_to_bytes(byte_to_vocab_piece(static_cast<uint8_t>(b)));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, std::string(1, static_cast<char>(b)));
  }
  EXPECT_FALSE(vocab_piece_to_bytes("\xE4\xBD\xA0").has_value());  // 你 is not in the byte alphabet
}

// ---- pre-tokenizer -------------------------------------------------------------------------------------------

TEST(PreTokenizer, Qwen2RegexPieces) {
  // Derived by hand from the alternation order of the regex in qwen35.md §5.1.
  using V = std::vector<std::string>;
  EXPECT_EQ(split_with(kQwen2Regex, "Hello world's  \n\n x"), (V{"Hello", " world", "'s", "  \n\n", " x"}));
  EXPECT_EQ(split_with(kQwen2Regex, "12345"), (V{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(split_with(kQwen2Regex, "a  b"), (V{"a", " ", " b"}));
  EXPECT_EQ(split_with(kQwen2Regex, "IT'S x"), (V{"IT", "'S", " x"}));  // (?i:...) contractions
  EXPECT_EQ(split_with(kQwen2Regex, "end   "), (V{"end", "   "}));
  EXPECT_EQ(split_with(kQwen2Regex, "x = f(y);\n"), (V{"x", " =", " f", "(y", ");\n"}));
  EXPECT_EQ(split_with(kQwen2Regex, ""), V{});
}

TEST(PreTokenizer, Qwen35KeepsCombiningMarksWithLetters) {
  using V = std::vector<std::string>;
  const std::string text = "a\xCC\x81" "b";  // a + U+0301 COMBINING ACUTE + b (not NFC'd here)
  // Qwen2: the mark is not a letter, so it becomes the optional non-letter prefix of the next letter run.
  EXPECT_EQ(split_with(kQwen2Regex, text), (V{"a", "\xCC\x81" "b"}));
  EXPECT_EQ(split_with(kQwen35Regex, text), (V{text}));
}

TEST(PreTokenizer, IsolatedKeepsGapsAndPreTypesMap) {
  using V = std::vector<std::string>;
  EXPECT_EQ(split_with(R"(\d+)", "ab12cd3"), (V{"ab", "12", "cd", "3"}));
  EXPECT_EQ(*regex_for_pre_type("qwen2"), std::string(kQwen2Regex));
  EXPECT_EQ(*regex_for_pre_type("qwen35"), std::string(kQwen35Regex));
  auto bad = regex_for_pre_type("llama3");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::Unsupported);
  EXPECT_NE(bad.status().message().find("'llama3'"), std::string::npos);
  auto broken = RegexSplitter::create("(unclosed");
  ASSERT_FALSE(broken.is_ok());
  EXPECT_EQ(broken.status().code(), ErrorCode::Unsupported);
}

// ---- BPE on a hand-made vocabulary ------------------------------------------------------------------------------

TEST(Bpe, MergesApplyByRankNotByPosition) {
  // ids: bytes 0..255, then 256 "ab", 257 "bc".
  auto bc_first = tokenizer_from_vocab(byte_vocab({"ab", "bc"}, {"b c", "a b"}));
  ASSERT_TRUE(bc_first.is_ok()) << bc_first.status().to_string();
  EXPECT_EQ(encode_ok(*bc_first, "abc"), (std::vector<int32_t>{'a', 257}));
  auto ab_first = tokenizer_from_vocab(byte_vocab({"ab", "bc"}, {"a b", "b c"}));
  ASSERT_TRUE(ab_first.is_ok());
  EXPECT_EQ(encode_ok(*ab_first, "abc"), (std::vector<int32_t>{256, 'c'}));
}

TEST(Bpe, ChainsAndTiesGoLeftmost) {
  // 256 "aa", 257 "aaaa"; "aaaaa": pairs all rank 0, leftmost first -> aa aa a -> aaaa a.
  auto tok = tokenizer_from_vocab(byte_vocab({"aa", "aaaa"}, {"a a", "aa aa"}));
  ASSERT_TRUE(tok.is_ok());
  EXPECT_EQ(encode_ok(*tok, "aaa"), (std::vector<int32_t>{256, 'a'}));
  EXPECT_EQ(encode_ok(*tok, "aaaaa"), (std::vector<int32_t>{257, 'a'}));
  // Spaces are spelled Ġ (0x20 -> U+0120) in the vocabulary and stick to the following word.
  auto sp = tokenizer_from_vocab(byte_vocab({"\xC4\xA0" "a"}, {"\xC4\xA0 a"}));
  ASSERT_TRUE(sp.is_ok());
  EXPECT_EQ(encode_ok(*sp, "a a"), (std::vector<int32_t>{'a', 256}));
  auto text = sp->decode(std::vector<int32_t>{'a', 256});
  ASSERT_TRUE(text.is_ok());
  EXPECT_EQ(*text, "a a");
}

TEST(Bpe, AddedTokensFromGgufTypes) {
  TokenizerVocab v = byte_vocab({"<|end|>", "<think>", "[PAD0]"}, {});
  v.token_types.assign(v.tokens.size(), 1);
  v.token_types[256] = 3;  // control
  v.token_types[257] = 4;  // user-defined
  v.token_types[258] = 5;  // unused
  v.eos_id = 256;
  auto tok = tokenizer_from_vocab(v);
  ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
  EXPECT_EQ(encode_ok(*tok, "x<|end|>y<think>"), (std::vector<int32_t>{'x', 256, 'y', 257}));
  EXPECT_EQ(encode_ok(*tok, "[PAD0]").size(), 6u);  // unused entries are never matched
  EXPECT_TRUE(tok->is_special(256));
  EXPECT_FALSE(tok->is_special(257));
  EXPECT_EQ(tok->eos_id(), std::optional<int32_t>(256));
  const std::vector<int32_t> ids{'x', 256, 257, 258, 'y'};
  EXPECT_EQ(*tok->decode(ids), "x<|end|><think>y");
  EXPECT_EQ(*tok->decode(ids, DecodeOptions{.skip_special = true}), "x<think>y");
  // With parse_special off the control token is plain text, the user-defined one still matches.
  EXPECT_EQ(encode_ok(*tok, "<|end|><think>", EncodeOptions{.parse_special = false}),
            (std::vector<int32_t>{'<', '|', 'e', 'n', 'd', '|', '>', 257}));
  auto out_of_range = tok->decode(std::vector<int32_t>{259});
  ASSERT_FALSE(out_of_range.is_ok());
  EXPECT_EQ(out_of_range.status().code(), ErrorCode::InvalidArgument);
  EXPECT_FALSE(tok->decode(std::vector<int32_t>{-1}).is_ok());
}

TEST(Bpe, InvalidUtf8InputBecomesReplacementCharacters) {
  auto tok = tokenizer_from_vocab(byte_vocab({}, {}));
  ASSERT_TRUE(tok.is_ok());
  const std::string bad = "ab\xFF" "cd\xE4\xBD";
  EXPECT_EQ(encode_ok(*tok, bad), encode_ok(*tok, "ab" + kFffd + "cd" + kFffd));
  EXPECT_EQ(*tok->decode(encode_ok(*tok, bad)), "ab" + kFffd + "cd" + kFffd);
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(*tok->decode(encode_ok(*tok, with_nul)), with_nul);
}

TEST(Bpe, BadVocabulariesGiveSpecificErrors) {
  auto expect_error = [](const TokenizerVocab& v, ErrorCode code, const std::string& needle) {
    auto tok = tokenizer_from_vocab(v);
    ASSERT_FALSE(tok.is_ok()) << "expected failure mentioning " << needle;
    EXPECT_EQ(tok.status().code(), code) << tok.status().to_string();
    EXPECT_NE(tok.status().message().find(needle), std::string::npos) << tok.status().to_string();
  };
  TokenizerVocab v = byte_vocab({"ab"}, {"a zz"});
  expect_error(v, ErrorCode::CorruptData, "'zz'");  // merge references an unknown token
  v = byte_vocab({}, {"a b"});
  expect_error(v, ErrorCode::CorruptData, "'ab'");  // merged token missing
  v = byte_vocab({"ab"}, {"ab"});
  expect_error(v, ErrorCode::CorruptData, "not two tokens");
  v = byte_vocab({}, {});
  v.pre = "gpt-4o";
  expect_error(v, ErrorCode::Unsupported, "'gpt-4o'");
  v = byte_vocab({}, {});
  v.token_types = {1, 1};
  expect_error(v, ErrorCode::CorruptData, "token types");
  v = byte_vocab({}, {});
  v.token_types.assign(v.tokens.size(), 1);
  v.token_types[7] = 9;
  expect_error(v, ErrorCode::CorruptData, "unknown token type 9");
  v = byte_vocab({}, {});
  v.eos_id = 1000;
  expect_error(v, ErrorCode::CorruptData, "eos id 1000");
  v = byte_vocab({}, {});
  v.tokens.erase(v.tokens.begin() + 'q');  // drop one single-byte token
  expect_error(v, ErrorCode::CorruptData, "single-byte token");
  v = byte_vocab({"a"}, {});
  expect_error(v, ErrorCode::CorruptData, "appears twice");
}

// ---- added-token splitting --------------------------------------------------------------------------------------

namespace {

std::vector<std::string> added_split(const std::vector<AddedToken>& tokens, std::string_view text) {
  AddedTokenMatcher m(tokens);
  std::vector<TextSegment> segs;
  m.split(text, true, segs);
  std::vector<std::string> out;
  size_t covered = 0;
  for (const auto& s : segs) {
    EXPECT_EQ(s.begin, covered);
    covered = s.end;
    out.push_back((s.id >= 0 ? "#" : "") + std::string(text.substr(s.begin, s.end - s.begin)));
  }
  EXPECT_EQ(covered, text.size());
  return out;
}

AddedToken added(int32_t id, std::string content) {
  AddedToken t;
  t.id = id;
  t.content = std::move(content);
  return t;
}

}  // namespace

TEST(AddedTokens, LeftmostLongestAndFlags) {
  using V = std::vector<std::string>;
  // Longest wins at the same start; the earliest start wins overall.
  EXPECT_EQ(added_split({added(1, "<a>"), added(2, "<a><b>")}, "x<a><b>y<a>"), (V{"x", "#<a><b>", "y", "#<a>"}));
  // lstrip / rstrip as in HF tokenizers' tests: "I saw a <mask> 😺".
  AddedToken mask = added(3, "<mask>");
  mask.lstrip = true;
  EXPECT_EQ(added_split({mask}, "I saw a <mask> \xF0\x9F\x98\xBA"),
            (V{"I saw a", "# <mask>", " \xF0\x9F\x98\xBA"}));
  mask.lstrip = false;
  mask.rstrip = true;
  EXPECT_EQ(added_split({mask}, "I saw a <mask> \xF0\x9F\x98\xBA"), (V{"I saw a ", "#<mask> ", "\xF0\x9F\x98\xBA"}));
  // single_word: not when glued to word characters.
  AddedToken ab = added(4, "ab");
  ab.single_word = true;
  EXPECT_EQ(added_split({ab}, "xab ab abx"), (V{"xab ", "#ab", " abx"}));
  EXPECT_EQ(added_split({added(5, "<t>")}, ""), V{});
}
