// generation_vocab.h: the token ids generation depends on, read from the tokenizer (never hard-coded): stop
// tokens, the think tags, turn starts, and which logit rows may be sampled at all.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "lectern/status.h"
#include "lectern/tokenizer.h"

namespace lectern::runtime {

struct GenerationVocab {
  std::vector<int32_t> stop_ids;        // <|im_end|>, <|endoftext|>, the tokenizer's eos (deduplicated)
  std::optional<int32_t> think_open;    // <think>
  std::optional<int32_t> think_close;   // </think>
  std::optional<int32_t> turn_start;    // <|im_start|>
  std::vector<uint8_t> allowed;         // [n_logits] 1 = a real token that may be sampled (padding rows 0)

  bool is_stop(int32_t id) const;
};

// NotFound when the tokenizer has none of the stop tokens (generation could never end by itself).
Result<GenerationVocab> generation_vocab(const Tokenizer& tokenizer, int32_t n_logits);

// The prompt leaves a reasoning block open: a <think> after the last <|im_start|> with no </think> after it
// (the Qwen3.5 template's generation prompt with thinking on, qwen35.md §6.2).
bool prompt_opens_reasoning(std::span<const int32_t> prompt, const GenerationVocab& vocab);

// History lengths in the prompt worth a rewind checkpoint: before every <|im_start|> (editing a turn diverges just
// after it), before the generation prompt's <think> (the next turn's re-render drops the think block there,
// qwen35.md §6.2) and the whole prompt (regenerate). Sorted, unique, all in 1..prompt.size().
std::vector<int64_t> prompt_checkpoints(std::span<const int32_t> prompt, const GenerationVocab& vocab);

}  // namespace lectern::runtime
