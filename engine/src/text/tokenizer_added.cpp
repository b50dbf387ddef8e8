// tokenizer_added.cpp: splitting text on added tokens (literal, leftmost-longest) with HF's lstrip/rstrip/single_word.
#include "text/tokenizer_added.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace lectern::text {

namespace {

// Unicode White_Space, which is what HF's `\s` (Rust regex) means for lstrip/rstrip.
bool is_white_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// HF's `\w` (Rust regex, Unicode): letters, marks, decimal digits, connector punctuation, ZWNJ/ZWJ; letter
// numbers (Nl) are Alphabetic and count too.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c == 0x200C || c == 0x200D) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

// The character that ends text[0, end) (text is valid UTF-8); 0 when end == 0.
char32_t char_before(std::string_view text, size_t end) {
  if (end == 0) return 0;
  size_t begin = end - 1;
  while (begin > 0 && (static_cast<uint8_t>(text[begin]) & 0xC0) == 0x80) --begin;
  return utf8_step(text.substr(begin, end - begin)).cp;
}

char32_t char_at(std::string_view text, size_t pos) { return utf8_step(text.substr(pos)).cp; }

size_t utf8_len_before(std::string_view text, size_t end) {
  size_t begin = end - 1;
  while (begin > 0 && (static_cast<uint8_t>(text[begin]) & 0xC0) == 0x80) --begin;
  return end - begin;
}

}  // namespace

AddedTokenMatcher::AddedTokenMatcher(std::vector<AddedToken> tokens) : tokens_(std::move(tokens)) {
  by_first_byte_.resize(256);
  for (uint32_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i].content.empty()) continue;  // HF ignores empty added tokens
    by_first_byte_[static_cast<uint8_t>(tokens_[i].content[0])].push_back(i);
  }
  for (auto& list : by_first_byte_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return tokens_[a].content.size() > tokens_[b].content.size();
    });
  }
}

void AddedTokenMatcher::split(std::string_view text, bool match_special, std::vector<TextSegment>& out) const {
  const size_t n = text.size();
  size_t search = 0;        // where the literal search continues (end of the previous raw match)
  size_t start_offset = 0;  // text before this is already assigned to a segment
  while (search < n && !tokens_.empty()) {
    // Leftmost position with any match, longest token there.
    const AddedToken* tok = nullptr;
    size_t start = search;
    for (; start < n && tok == nullptr; ++start) {
      for (uint32_t idx : by_first_byte_[static_cast<uint8_t>(text[start])]) {
        const AddedToken& t = tokens_[idx];
        if (t.special && !match_special) continue;
        if (t.content.size() <= n - start && std::memcmp(text.data() + start, t.content.data(), t.content.size()) == 0) {
          tok = &t;
          break;
        }
      }
    }
    if (tok == nullptr) break;
    --start;
    size_t stop = start + tok->content.size();
    search = stop;

    if (tok->single_word) {
      const bool glued_left = start > 0 && is_word_char(char_before(text, start));
      const bool glued_right = stop < n && is_word_char(char_at(text, stop));
      if (glued_left || glued_right) continue;
    }
    if (tok->lstrip) {
      size_t s = start;
      while (s > start_offset && is_white_space(char_before(text, s))) s -= utf8_len_before(text, s);
      start = s;
    }
    if (tok->rstrip) {
      while (stop < n) {
        const Utf8Step c = utf8_step(text.substr(stop));
        if (!is_white_space(c.cp)) break;
        stop += c.n_bytes;
      }
    }
    // A match inside whitespace an earlier rstrip already took would overlap it; HF's splits would be invalid.
    if (start < start_offset) continue;
    if (start_offset < start) out.push_back(TextSegment{start_offset, start, -1});
    out.push_back(TextSegment{start, stop, tok->id});
    start_offset = stop;
  }
  if (start_offset < n) out.push_back(TextSegment{start_offset, n, -1});
}

}  // namespace lectern::text
