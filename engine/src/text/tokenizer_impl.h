// tokenizer_impl.h: what a Tokenizer is made of, and the one builder both loaders (tokenizer.json, GGUF) feed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lectern/tokenizer.h"
#include "text/bpe.h"
#include "text/pretokenizer.h"
#include "text/tokenizer_added.h"

namespace lectern::text {

// Everything needed to build a tokenizer, independent of the file it came from.
struct TokenizerSpec {
  PieceToId model_vocab;  // BPE tokens: byte-level spelling -> id
  std::vector<std::pair<std::string, std::string>> merges;  // rank order
  bool ignore_merges = false;
  std::vector<AddedToken> added_tokens;
  std::vector<std::pair<int32_t, std::string>> unused_tokens;  // GGUF padding entries: decode to nothing
  std::string regex;  // pre-tokenizer Split pattern (behaviour Isolated)
  bool nfc = true;
  std::optional<int32_t> eos_id, pad_id, bos_id;
  bool add_bos = false;
};

// Validates the spec (ids unique and non-negative, merges consistent, regex compiles) and builds the tokenizer.
Result<Tokenizer> build_tokenizer(TokenizerSpec spec);

// Per-id attributes.
enum TokenFlags : uint8_t {
  kTokenPresent = 1,  // the id has a token (vocabularies may have holes)
  kTokenAdded = 2,
  kTokenSpecial = 4,
  kTokenUnused = 8,
};

}  // namespace lectern::text

namespace lectern {

struct Tokenizer::Impl {
  Impl(text::BpeModel bpe_model, text::RegexSplitter regex_splitter)
      : bpe(std::move(bpe_model)), splitter(std::move(regex_splitter)) {}

  text::BpeModel bpe;
  text::RegexSplitter splitter;
  text::AddedTokenMatcher raw_added;         // added tokens matched on the raw text (normalized == false)
  text::AddedTokenMatcher normalized_added;  // matched on the NFC text (normalized == true; contents NFC'd)
  bool nfc = true;

  std::vector<std::string> pieces;        // [n_vocab] vocabulary spelling
  std::vector<uint8_t> flags;             // [n_vocab] text::TokenFlags
  std::string bytes;                      // every token's raw bytes, concatenated
  std::vector<uint32_t> bytes_offset;     // [n_vocab + 1] token i is bytes[bytes_offset[i], bytes_offset[i + 1])
  text::PieceToId piece_to_id;            // vocabulary spellings and added-token contents

  std::optional<int32_t> eos_id, pad_id, bos_id;
  bool add_bos = false;
};

}  // namespace lectern
