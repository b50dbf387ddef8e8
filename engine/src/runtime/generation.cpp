// generation.cpp: run_generation's loop and the small public helpers of lectern/generation.h.
#include "runtime/generation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <limits>

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

// Logits with the ids outside the constraint's bitset at -inf.
void apply_token_mask(std::span<const float> logits, const std::vector<uint32_t>& bits, std::vector<float>& out) {
  out.assign(logits.begin(), logits.end());
  const size_t n = out.size();
  for (size_t w = 0; w * 32 < n; ++w) {
    const uint32_t word = w < bits.size() ? bits[w] : 0;
    if (word == ~0u) continue;
    for (size_t i = w * 32; i < std::min(n, w * 32 + 32); ++i)
      if (!((word >> (i & 31)) & 1)) out[i] = -std::numeric_limits<float>::infinity();
  }
}

// LECTERN_DEVICE_SAMPLING=0 keeps sampling on the host even where the backend could sample on the device.
bool device_sampling_enabled() {
  const char* v = std::getenv("LECTERN_DEVICE_SAMPLING");
  return !(v && std::string(v) == "0");
}

bool only_stops_allowed(std::vector<uint32_t> bits, const GenerationVocab& vocab) {
  for (int32_t id : vocab.stop_ids)
    if (id >= 0 && static_cast<size_t>(id >> 5) < bits.size()) bits[id >> 5] &= ~(1u << (id & 31));
  return std::all_of(bits.begin(), bits.end(), [](uint32_t w) { return w == 0; });
}

}  // namespace

Result<GenerationResult> generate(Session& session, const Tokenizer& tokenizer, const GenerationVocab& vocab,
                                  std::span<const int32_t> prompt, const GenerationSettings& settings,
                                  const GenerationCallbacks& callbacks, const std::atomic<bool>* cancel,
                                  TokenConstraint* constraint) {
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

  // Sampling on the device where the backend takes these settings: only the token id comes back; the host sampler
  // (same seed, same uniform) stays the fallback.
  DeviceSampleRequest device_request;
  device_request.temperature = settings.sampler.temperature;
  device_request.top_k = settings.sampler.top_k;
  device_request.top_p = settings.sampler.top_p;
  device_request.min_p = settings.sampler.min_p;
  device_request.presence_penalty = settings.sampler.presence_penalty;
  device_request.repetition_penalty = settings.sampler.repetition_penalty;
  const bool on_device = device_sampling_enabled() && session.can_sample_on_device(device_request);
  const size_t n_vocab = static_cast<size_t>(session.n_vocab());
  const size_t n_words = (n_vocab + 31) / 32;
  const std::vector<uint32_t> vocab_bits = on_device ? sampler.allowed_bits(n_vocab) : std::vector<uint32_t>{};
  std::vector<uint32_t> device_bits, penalty_pairs;
  // The next token's draw, made on the device in the submission that evaluated the previous token (when that step
  // was known to be an unconstrained sampled one).
  bool have_pre_sampled = false;
  DeviceSampleResult pre_sampled;

  // 1. The prompt: reuse what the session holds, evaluate the rest.
  ExtendOptions prefill;
  prefill.checkpoint_at = prompt_checkpoints(prompt, vocab);
  prefill.cancel = cancel;
  prefill.progress = callbacks.on_prefill_progress;
  prefill.keep_logits_on_device = on_device;
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
  std::vector<uint32_t> allowed_bits;  // [ceil(n_logits / 32)] the constraint's mask
  std::vector<float> masked_logits;    // [n_logits]
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
      const bool constrained = constraint && !reasoning;
      if (constrained) {
        const int64_t remaining = std::min<int64_t>(settings.max_tokens - st.n_generated,
                                                    session.n_ctx() - session.n_past() + 1);
        Status s = constraint->allowed(allowed_bits, remaining);
        if (!s.is_ok()) {
          fail(std::move(s));
          break;
        }
        if (constraint->complete() && only_stops_allowed(allowed_bits, vocab)) {
          st.finish_reason = FinishReason::Stop;
          break;
        }
      }
      token = -2;  // not sampled yet
      if (have_pre_sampled && !constrained && !pre_sampled.host_fallback) {
        token = pre_sampled.token;
        if (pre_sampled.used_uniform) sampler.consume_uniform();
      } else if (on_device && !(have_pre_sampled && !constrained)) {  // a fused draw's fallback goes to the host
        DeviceSampleRequest r = device_request;
        r.uniform = sampler.peek_uniform();
        penalty_pairs = sampler.penalty_pairs(n_vocab);
        r.penalties = penalty_pairs;
        if (constrained) {
          device_bits.assign(n_words, 0);
          for (size_t w = 0; w < std::min(n_words, allowed_bits.size()); ++w)
            device_bits[w] = allowed_bits[w] & (vocab_bits.empty() ? ~0u : vocab_bits[w]);
          r.allowed_bits = device_bits;
        } else {
          r.allowed_bits = vocab_bits;
        }
        Result<DeviceSampleResult> drawn = session.sample_on_device(r);
        if (drawn.is_ok() && !drawn->host_fallback) {
          token = drawn->token;
          if (drawn->used_uniform) sampler.consume_uniform();
        }
      }
      if (token == -2) {
        std::span<const float> logits = session.logits();
        if (constrained) {
          apply_token_mask(logits, allowed_bits, masked_logits);
          logits = masked_logits;
        }
        token = sampler.sample(logits);
      }
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
    if (constraint && !reasoning && !injected) {
      Status s = constraint->accept(token);
      if (!s.is_ok()) {
        fail(std::move(s));
        break;
      }
    }
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
    one.keep_logits_on_device = on_device;
    // Will the next step sample without a constraint? Then draw it in the same submission.
    const bool next_samples = on_device && inject.empty() && !(constraint && !reasoning) &&
                              !(reasoning && settings.max_reasoning_tokens >= 0 &&
                                st.n_reasoning >= settings.max_reasoning_tokens);
    DeviceSampleRequest next = device_request;
    DeviceSampleResult next_result;
    if (next_samples) {
      next.uniform = sampler.peek_uniform();
      penalty_pairs = sampler.penalty_pairs(n_vocab);
      next.penalties = penalty_pairs;
      next.allowed_bits = vocab_bits;
      one.sample = &next;
      one.sampled = &next_result;
    }
    have_pre_sampled = false;
    Status s = session.extend(std::span<const int32_t>(&token, 1), one);
    if (!s.is_ok()) {
      fail(s);
      break;
    }
    if (next_samples) pre_sampled = next_result, have_pre_sampled = true;
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
