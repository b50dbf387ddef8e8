// generation.h: public types of text generation: sampler settings (with the model card's defaults), generation
// limits, reasoning-loop detection, streamed pieces, statistics and the result of one generation.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/chat.h"

namespace lectern {

// Applied in this order (HF transformers / vLLM): repetition penalty, presence penalty, temperature, top-k, top-p,
// min-p, then a draw from what is left. Padding vocabulary rows are never sampled.
struct SamplerSettings {
  float temperature = 1.0f;         // <= 0: greedy (argmax after the penalties; lowest id on a tie)
  int32_t top_k = 0;                // keep the k most likely tokens; 0 = off
  float top_p = 1.0f;               // keep the smallest set whose probability reaches top_p; >= 1 = off
  float min_p = 0.0f;               // drop tokens below min_p × the top token's probability; 0 = off
  float presence_penalty = 0.0f;    // OpenAI: subtracted once from every token already in the generated output
  float repetition_penalty = 1.0f;  // HF/llama.cpp: seen tokens (prompt + output): logit / r if > 0 else logit × r
  int32_t repetition_last_n = 0;    // the repetition penalty looks at the last n tokens only; 0 = all of them
  std::optional<uint64_t> seed;     // std::mt19937_64 seed; unset: a random one (reported in the statistics)
};

// The Qwen3.5 model card's recommendations (qwen35.md §9) for thinking on/off and text vs vision-language input.
SamplerSettings default_sampler_settings(bool thinking, bool vision);

// Reasoning-loop detection (the 0.8B model is prone to loops in thinking mode, qwen35.md §9). Looks at the
// reasoning tokens only; on a hit the reasoning block is closed and the answer follows.
struct LoopDetectionSettings {
  bool enabled = true;
  // Token loops: the last tokens repeat with a period p <= max_period at least min_repeats times in a row, covering
  // at least min_span tokens (so that "....." or a repeated short word does not count by itself).
  int32_t max_period = 256;
  int32_t min_repeats = 3;
  int32_t min_span = 48;
  // Line loops (sampling rarely repeats token for token): the same line of at least min_line_chars bytes (after
  // trimming) seen line_repeats times in the reasoning; line_repeats < 2 turns this check off.
  int32_t line_repeats = 4;
  int32_t min_line_chars = 24;
};

struct GenerationSettings {
  SamplerSettings sampler;
  int32_t max_tokens = 32768;           // generated tokens (reasoning + answer), qwen35.md §9
  int32_t max_reasoning_tokens = -1;    // the reasoning block is closed after this many tokens; -1 = no cap
  LoopDetectionSettings loop_detection;
  // Text injected to close the reasoning block early (budget or loop): "</think>" with the template's newlines.
  std::string reasoning_close_text = "\n</think>\n\n";
  // Constrains the answer (after any reasoning) to compact JSON valid against this schema (the subset that
  // check_json_schema accepts): only tokens keeping a valid prefix are sampled, the value is closed in time to fit
  // max_tokens, and generation stops when it is complete.
  std::optional<std::string> json_schema;
};

// OK when constrained decoding supports the schema; otherwise InvalidArgument / Unsupported with a message naming
// the offending part (e.g. "JSON schema /properties/total: keyword \"minimum\" is not supported ...").
Status check_json_schema(std::string_view schema_json);

enum class FinishReason {
  Stop,       // a stop token (<|im_end|>, <|endoftext|>, the tokenizer's eos)
  Length,     // max_tokens reached, or the context is full (GenerationStats::context_full)
  Cancelled,  // the cancel flag was raised
  Error,      // evaluation failed after generation started (GenerationResult::error)
};
const char* finish_reason_name(FinishReason reason);

// Why the reasoning block ended.
enum class ReasoningEnd {
  None,     // no reasoning (thinking off) or it was still open at the end
  Model,    // the model wrote </think>
  Budget,   // max_reasoning_tokens reached; close text injected
  Loop,     // a reasoning loop was detected; close text injected
};
const char* reasoning_end_name(ReasoningEnd end);

struct GenerationStats {
  int64_t n_prompt_tokens = 0;     // the whole prompt
  int64_t n_prompt_reused = 0;     // of those, already in the session (not evaluated again)
  int64_t n_prompt_evaluated = 0;  // tokens evaluated to bring the session to the prompt (incl. rewind gaps)
  int64_t n_generated = 0;         // tokens generated, including injected close-reasoning tokens
  int64_t n_reasoning = 0;         // of those, inside the reasoning block
  double prompt_seconds = 0;       // bringing the session to the prompt
  double generation_seconds = 0;   // from the end of the prompt to the end
  double time_to_first_token = 0;  // seconds from the start to the first generated token
  double prompt_tokens_per_second = 0;      // n_prompt_evaluated / prompt_seconds
  double generation_tokens_per_second = 0;  // n_generated / generation_seconds
  FinishReason finish_reason = FinishReason::Stop;
  ReasoningEnd reasoning_end = ReasoningEnd::None;
  bool context_full = false;
  uint64_t seed = 0;               // the sampler seed used
};

// One streamed step: the text one or more tokens decoded to (never a broken UTF-8 character) and what it added to
// the reasoning and answer views.
struct GenerationPiece {
  std::string text;
  AssistantDelta delta;
};

struct GenerationCallbacks {
  std::function<void(const GenerationPiece&)> on_piece;
  std::function<void(int64_t done, int64_t total)> on_prefill_progress;  // prompt tokens evaluated so far
};

struct GenerationResult {
  std::vector<int32_t> tokens;   // generated ids (the stop token not included)
  std::string text;              // their decoded text
  ParsedAssistantOutput output;  // reasoning, answer and tool calls parsed from text
  GenerationStats stats;
  Status error;                  // set when finish_reason == Error
  bool thinking = false;         // the prompt opened a reasoning block
};

// "prompt 145 tokens, 1234.5 tok/s | generated 24 tokens, 56.7 tok/s | first token 0.12 s | finish stop"
std::string format_generation_stats(const GenerationStats& stats);

}  // namespace lectern
