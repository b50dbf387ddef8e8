// generation_vocab.cpp: stop/think ids and the sampling mask from a Tokenizer.
#include "runtime/generation_vocab.h"

#include <algorithm>

#include "text/tokenizer_impl.h"

namespace lectern::runtime {

bool GenerationVocab::is_stop(int32_t id) const {
  return std::find(stop_ids.begin(), stop_ids.end(), id) != stop_ids.end();
}

Result<GenerationVocab> generation_vocab(const Tokenizer& tokenizer, int32_t n_logits) {
  GenerationVocab v;
  // qwen35.md §5.4: stop on <|im_end|> and <|endoftext|>; the tokenizer's eos is one of them for Qwen3.5 files.
  for (auto id : {tokenizer.piece_to_id("<|im_end|>"), tokenizer.piece_to_id("<|endoftext|>"), tokenizer.eos_id()})
    if (id && std::find(v.stop_ids.begin(), v.stop_ids.end(), *id) == v.stop_ids.end()) v.stop_ids.push_back(*id);
  if (v.stop_ids.empty())
    return Status(ErrorCode::NotFound, "the tokenizer has no <|im_end|>, <|endoftext|> or eos token, so generation "
                                       "could not stop; is this a Qwen3.5 model?");
  v.think_open = tokenizer.piece_to_id("<think>");
  v.think_close = tokenizer.piece_to_id("</think>");
  v.turn_start = tokenizer.piece_to_id("<|im_start|>");

  const auto& flags = tokenizer.impl().flags;
  v.allowed.assign(static_cast<size_t>(std::max(n_logits, 0)), 0);
  const int32_t n = std::min(n_logits, tokenizer.n_vocab());
  for (int32_t id = 0; id < n; ++id) {
    const uint8_t f = flags[static_cast<size_t>(id)];
    v.allowed[static_cast<size_t>(id)] = (f & text::kTokenPresent) && !(f & text::kTokenUnused) ? 1 : 0;
  }
  return v;
}

bool prompt_opens_reasoning(std::span<const int32_t> prompt, const GenerationVocab& vocab) {
  if (!vocab.think_open) return false;
  for (size_t i = prompt.size(); i-- > 0;) {
    const int32_t t = prompt[i];
    if (vocab.think_close && t == *vocab.think_close) return false;
    if (t == *vocab.think_open) return true;
    if (vocab.turn_start && t == *vocab.turn_start) return false;
  }
  return false;
}

std::vector<int64_t> prompt_checkpoints(std::span<const int32_t> prompt, const GenerationVocab& vocab) {
  std::vector<int64_t> out;
  int64_t last_turn = -1;
  for (size_t i = 0; i < prompt.size(); ++i) {
    if (vocab.turn_start && prompt[i] == *vocab.turn_start) {
      if (i > 0) out.push_back(static_cast<int64_t>(i));
      last_turn = static_cast<int64_t>(i);
    }
  }
  if (vocab.think_open && last_turn >= 0) {
    for (size_t i = prompt.size(); i-- > static_cast<size_t>(last_turn);) {
      if (prompt[i] == *vocab.think_open) {
        out.push_back(static_cast<int64_t>(i));
        break;
      }
    }
  }
  if (!prompt.empty()) out.push_back(static_cast<int64_t>(prompt.size()));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace lectern::runtime
