// tokenizer_vocab.h: the plain vocabulary description a GGUF file carries (tokenizer.ggml.*), and the builder
// that turns it into a Tokenizer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lectern/tokenizer.h"

namespace lectern::text {

// GGUF tokenizer.ggml.token_type values (llama.cpp's llama_token_type).
enum class GgufTokenType : int32_t {
  Undefined = 0,
  Normal = 1,
  Unknown = 2,
  Control = 3,      // special added token: matched atomically, hidden by skip_special
  UserDefined = 4,  // non-special added token (<think>, <tool_call>): matched atomically, always shown
  Unused = 5,       // padding entries; never produced by encode, decode to nothing
  Byte = 6,
};

// What the GGUF loader fills from tokenizer.ggml.* metadata (tokenizer.ggml.model must be "gpt2").
struct TokenizerVocab {
  std::vector<std::string> tokens;   // index = id; byte-level spellings, added tokens as literal text
  std::vector<int32_t> token_types;  // GgufTokenType per token; empty = all Normal
  std::vector<std::string> merges;   // "a b", rank order
  std::string pre;                   // tokenizer.ggml.pre: "qwen2" or "qwen35"
  std::optional<int32_t> eos_id, pad_id, bos_id;
  bool add_bos = false;
};

// Fails with Unsupported for an unknown `pre` (naming it) and CorruptData for inconsistent contents.
Result<Tokenizer> tokenizer_from_vocab(const TokenizerVocab& vocab);

}  // namespace lectern::text
