// generation.cpp: run_generation's loop and the small public helpers of lectern/generation.h.
#include "runtime/generation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>

#include "runtime/loop_detector.h"
#include "runtime/sampler.h"

namespace lectern {

const char* finish_reason_name(FinishReason reason) {
  switch (reason) {
    case FinishReason::Stop: return "stop";
    case FinishReason::Length: return "length";
    case FinishReason::Cancelled: return "cancelled";
    case FinishReason::Error: return "error";
  }
  return "?";
}

const char* reasoning_end_name(ReasoningEnd end) {
  switch (end) {
    case ReasoningEnd::None: return "none";
    case ReasoningEnd::Model: return "model";
    case ReasoningEnd::Budget: return "budget";
    case ReasoningEnd::Loop: return "loop";
  }
  return "?";
}

std::string format_generation_stats(const GenerationStats& s) {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "prompt %lld tokens (%lld evaluated), %.1f tok/s | generated %lld tokens, %.1f tok/s | "
                "first token %.3f s | finish %s%s",
                static_cast<long long>(s.n_prompt_tokens), static_cast<long long>(s.n_prompt_evaluated),
                s.prompt_tokens_per_second, static_cast<long long>(s.n_generated), s.generation_tokens_per_second,
                s.time_to_first_token, finish_reason_name(s.finish_reason), s.context_full ? " (context full)" : "");
  std::string out = buf;
  if (s.reasoning_end == ReasoningEnd::Budget || s.reasoning_end == ReasoningEnd::Loop)
    out += std::string(" | reasoning closed: ") + reasoning_end_name(s.reasoning_end);
  return out;
}

}  // namespace lectern

namespace lectern::runtime {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

}  // namespace

Result<GenerationResult> generate(Session& session, const Tokenizer& tokenizer, const GenerationVocab& vocab,
                                  std::span<const int32_t> prompt, const GenerationSettings& settings,
                                  const GenerationCallbacks& callbacks, const std::atomic<bool>* cancel) {
  if (settings.max_tokens < 0) return Status(ErrorCode::InvalidArgument, "max_tokens must be >= 0");
  const Clock::time_point t_start = Clock::now();
  GenerationResult result;
  GenerationStats& st = result.stats;
  st.n_prompt_tokens = static_cast<int64_t>(prompt.size());
  result.thinking = prompt_opens_reasoning(prompt, vocab);

  std::vector<int32_t> close_tokens;
  if (result.thinking) {
    if (!vocab.think_close)
      return Status(ErrorCode::NotFound, "the prompt opens a <think> block but the tokenizer has no </think> token");
    LECTERN_ASSIGN_OR_RETURN(close_tokens, tokenizer.encode(settings.reasoning_close_text));
    if (std::find(close_tokens.begin(), close_tokens.end(), *vocab.think_close) == close_tokens.end())
      return Status(ErrorCode::InvalidArgument, "reasoning_close_text must contain </think>");
  }

  Sampler sampler(settings.sampler, vocab.allowed);
  st.seed = sampler.seed();
  sampler.add_context(prompt);

  // 1. The prompt: reuse what the session holds, evaluate the rest.
  ExtendOptions prefill;
  prefill.checkpoint_at = prompt_checkpoints(prompt, vocab);
  prefill.cancel = cancel;
  prefill.progress = callbacks.on_prefill_progress;
  const uint64_t evaluated_before = session.n_evaluated();
  Result<int64_t> reused = session.sync(prompt, prefill);
  st.n_prompt_evaluated = static_cast<int64_t>(session.n_evaluated() - evaluated_before);
  st.prompt_seconds = seconds_since(t_start);
  if (st.prompt_seconds > 0) st.prompt_tokens_per_second = static_cast<double>(st.n_prompt_evaluated) / st.prompt_seconds;
  if (!reused.is_ok()) {
    if (reused.status().code() != ErrorCode::Cancelled) return reused.status();
    st.finish_reason = FinishReason::Cancelled;
    return result;
  }
  st.n_prompt_reused = *reused;

  // 2. The tokens.
  const Clock::time_point t_gen = Clock::now();
  StreamingDecoder decoder(tokenizer);
  AssistantOutputStream stream(result.thinking);
  LoopDetector loops(settings.loop_detection);
  bool reasoning = result.thinking;
  std::deque<int32_t> inject;  // close-reasoning tokens still to emit
  const auto emit = [&](std::string text, AssistantDelta delta) {
    const bool empty = text.empty() && delta.reasoning.empty() && delta.content.empty() && delta.tool_calls.empty() &&
                       !delta.replaced;
    if (!empty && callbacks.on_piece) callbacks.on_piece(GenerationPiece{std::move(text), std::move(delta)});
  };
  const auto fail = [&](Status s) {
    st.finish_reason = FinishReason::Error;
    result.error = std::move(s);
  };

  st.finish_reason = FinishReason::Length;
  while (true) {
    if (cancelled(cancel)) {
      st.finish_reason = FinishReason::Cancelled;
      break;
    }
    if (st.n_generated >= settings.max_tokens) break;
    if (reasoning && inject.empty() && settings.max_reasoning_tokens >= 0 &&
        st.n_reasoning >= settings.max_reasoning_tokens) {
      inject.assign(close_tokens.begin(), close_tokens.end());
      st.reasoning_end = ReasoningEnd::Budget;
    }

    int32_t token;
    const bool injected = !inject.empty();
    if (injected) {
      token = inject.front();
      inject.pop_front();
    } else {
      token = sampler.sample(session.logits());
      if (token < 0) {
        fail(Status(ErrorCode::Internal, "no token could be sampled (every allowed logit is -inf or NaN)"));
        break;
      }
      if (vocab.is_stop(token)) {
        st.finish_reason = FinishReason::Stop;
        break;
      }
    }
    if (st.n_generated == 0) st.time_to_first_token = seconds_since(t_start);
    sampler.accept(token);
    result.tokens.push_back(token);
    ++st.n_generated;

    Result<std::string> piece = decoder.push(token);
    if (!piece.is_ok()) {
      fail(piece.status());
      break;
    }
    AssistantDelta delta = stream.push(*piece);
    if (reasoning) {
      if (token == *vocab.think_close) {
        reasoning = false;  // the rest of an injected close text (the "\n\n") still follows
        if (st.reasoning_end == ReasoningEnd::None) st.reasoning_end = ReasoningEnd::Model;
      } else {
        ++st.n_reasoning;
        if (!injected && inject.empty() && loops.push(token, *piece)) {
          inject.assign(close_tokens.begin(), close_tokens.end());
          st.reasoning_end = ReasoningEnd::Loop;
        }
      }
    }
    emit(std::move(*piece), std::move(delta));

    if (session.n_past() >= session.n_ctx()) {
      st.context_full = true;
      break;
    }
    ExtendOptions one;
    one.logits = LogitsMode::Last;
    Status s = session.extend(std::span<const int32_t>(&token, 1), one);
    if (!s.is_ok()) {
      fail(s);
      break;
    }
  }

  std::string tail = decoder.finish();
  if (!tail.empty()) emit(tail, stream.push(tail));
  emit(std::string(), stream.finish());
  result.text = stream.text();
  result.output = stream.current();
  st.generation_seconds = seconds_since(t_gen);
  if (st.generation_seconds > 0)
    st.generation_tokens_per_second = static_cast<double>(st.n_generated) / st.generation_seconds;
  return result;
}

}  // namespace lectern::runtime
