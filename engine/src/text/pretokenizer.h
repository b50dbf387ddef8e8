// pretokenizer.h: regex pre-tokenizer (HF "Split" with behaviour Isolated) on PCRE2 with UTF + UCP and JIT.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"

namespace lectern::text {

// qwen35.md §5.1: the Qwen2/Qwen3 pre-tokenizer regex (llama.cpp pre type "qwen2").
inline constexpr std::string_view kQwen2Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
// qwen35.md §5.1: the Qwen3.5 regex; combining marks stay attached to letters (llama.cpp pre type "qwen35").
inline constexpr std::string_view kQwen35Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// Maps a GGUF tokenizer.ggml.pre name to its regex; Unsupported (naming the value) for anything else.
Result<std::string> regex_for_pre_type(std::string_view pre);

// Splits text into the pieces a regex Split pre-tokenizer with behaviour "Isolated" produces: every match is a
// piece and so is every gap between matches, in order; together they cover the input exactly. Immutable after
// construction and safe to use from several threads.
class RegexSplitter {
 public:
  static Result<RegexSplitter> create(std::string_view pattern);
  RegexSplitter(RegexSplitter&&) noexcept;
  RegexSplitter& operator=(RegexSplitter&&) noexcept;
  ~RegexSplitter();

  // text must be valid UTF-8 (it is not re-checked). Appends [begin, end) byte offsets into text to pieces.
  Status split(std::string_view text, std::vector<std::pair<size_t, size_t>>& pieces) const;

  const std::string& pattern() const;

 private:
  struct State;
  explicit RegexSplitter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lectern::text
