// tokenizer_added.h: splitting text on added tokens (literal, leftmost-longest) with HF's lstrip/rstrip/single_word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::text {

// One added token as tokenizer.json describes it (GGUF control / user-defined tokens map onto the same fields).
struct AddedToken {
  int32_t id = -1;
  std::string content;
  bool special = false;      // hidden by DecodeOptions::skip_special; not matched when parse_special is off
  bool lstrip = false;       // the match swallows whitespace on its left
  bool rstrip = false;       // ... and on its right
  bool single_word = false;  // only matches when not glued to word characters on either side
  bool normalized = false;   // matched against the NFC-normalised text instead of the raw text
};

// A stretch of text: either an added token (id >= 0) or plain text still to be tokenized (id == -1).
struct TextSegment {
  size_t begin;
  size_t end;
  int32_t id;
};

// Finds added tokens the way HF tokenizers' AddedVocabulary::find_matches does: leftmost-longest literal matches,
// scanned left to right without overlap; a single_word match glued to a word is dropped (and the scan resumes
// after it); lstrip/rstrip extend a match over adjacent whitespace.
class AddedTokenMatcher {
 public:
  AddedTokenMatcher() = default;
  explicit AddedTokenMatcher(std::vector<AddedToken> tokens);

  bool empty() const { return tokens_.empty(); }
  // Appends segments covering [0, text.size()) exactly, in order. Special tokens are skipped unless
  // match_special. Segment offsets are relative to text.
  void split(std::string_view text, bool match_special, std::vector<TextSegment>& out) const;

 private:
  std::vector<AddedToken> tokens_;
  std::vector<std::vector<uint32_t>> by_first_byte_;  // [256] token indices, longest content first
};

}  // namespace lectern::text
