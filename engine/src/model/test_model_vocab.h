// test_model_vocab.h: the tokenizer and chat template of Lectern's random-weight test models: byte-level BPE
// with merges trained on a small embedded English text, the 33 Qwen3.5 added tokens (qwen35.md §5.3) numbered
// after the BPE tokens, and padding entries up to the embedding rows; written as GGUF metadata or HF JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lectern::model {

struct TestVocab {
  std::vector<std::string> tokens;  // byte-level spellings; added tokens literal; "[PAD<id>]" padding
  std::vector<int32_t> types;       // GGUF token types: 1 normal, 3 control, 4 user-defined, 5 unused
  std::vector<bool> special;        // HF "special" flag (added tokens only)
  std::vector<std::string> merges;  // "a b" in rank order
  int32_t n_bpe = 0;                // ids [0, n_bpe) are BPE tokens
  int32_t n_real = 0;               // ids [0, n_real) are real tokens (BPE + added); the rest is padding
  int32_t eos_id = -1;              // <|im_end|>
  int32_t pad_id = -1;              // <|endoftext|>
};

// Deterministic: the same vocabulary every time. n_rows must exceed the real token count (~700).
TestVocab build_test_vocab(uint32_t n_rows);

// The Qwen3.5 pre-tokenizer regex (qwen35.md §5.1).
extern const char* const k_qwen35_pretokenizer_regex;

// A short Jinja template of our own: Qwen3.5 ChatML with think blocks, non-thinking by default (0.8B style).
extern const char* const k_test_chat_template;

// HF tokenizers' tokenizer.json for the vocabulary (padding entries are not part of an HF tokenizer).
std::string test_vocab_tokenizer_json(const TestVocab& vocab);
// tokenizer_config.json with eos/pad, no bos, add_bos_token false and the chat template.
std::string test_vocab_tokenizer_config_json(const TestVocab& vocab);

}  // namespace lectern::model
