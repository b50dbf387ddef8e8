// utf8.h: UTF-8 validation, U+FFFD repair and an incremental assembler that emits only complete characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern::text {

// The Unicode replacement character U+FFFD, UTF-8 encoded.
inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// Appends the UTF-8 encoding of a valid scalar value (no surrogates, <= U+10FFFF) to out.
void append_utf8(std::string& out, char32_t cp);

// Result of looking at the bytes at the front of a buffer.
struct Utf8Step {
  enum Kind { Valid, Invalid, Incomplete } kind;
  size_t n_bytes;  // Valid: length of the character; Invalid: length of the maximal ill-formed subpart (>= 1);
                   // Incomplete: bytes present, all a valid prefix of some character
  char32_t cp;     // Valid only
};

// Classifies the character at the front of bytes (non-empty). Follows the Unicode "maximal subpart" practice
// (Unicode 15 §3.9, U+FFFD substitution), which is also what Python's errors="replace" and Rust's
// String::from_utf8_lossy do, so replacement counts match HF tokenizers' decoders.
Utf8Step utf8_step(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// Returns bytes with every maximal ill-formed subpart (including a truncated final character) replaced by U+FFFD.
std::string sanitize_utf8(std::string_view bytes);

// Incremental decoder: feed arbitrary byte chunks, get back only complete, valid UTF-8. An incomplete trailing
// sequence is held back until the bytes that complete it arrive; a sequence becomes one U+FFFD per maximal
// subpart as soon as it is certain to be ill-formed. push(a) + push(b) + finish() == sanitize_utf8(a + b).
class Utf8Assembler {
 public:
  // Appends the text that became complete to out.
  void push(std::string_view bytes, std::string& out);
  // End of stream: any held-back partial character becomes U+FFFD.
  void finish(std::string& out);
  void reset() { n_pending_ = 0; }
  size_t n_pending() const { return n_pending_; }

 private:
  char pending_[4] = {};  // at most 3 bytes of an incomplete character are ever held
  size_t n_pending_ = 0;
};

}  // namespace lectern::text
