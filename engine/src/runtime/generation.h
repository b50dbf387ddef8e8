// generation.h: the token loop: bring the session to the prompt, then sample, stream, detect reasoning loops and
// budgets, stop, and measure. Used by the public ChatSession and by tests with scripted backends.
#pragma once

#include <atomic>
#include <span>

#include "lectern/generation.h"
#include "lectern/tokenizer.h"
#include "runtime/generation_vocab.h"
#include "runtime/session.h"
#include "runtime/token_constraint.h"

namespace lectern::runtime {

// Errors before the first token (prompt empty or longer than the context, backend failure during the prompt) come
// back as a Status; cancelling during the prompt gives FinishReason::Cancelled with no tokens; failures after the
// first token give FinishReason::Error with the partial output and GenerationResult::error.
// constraint (optional) restricts every sampled token outside the reasoning block (injected tokens bypass it);
// when it is complete and allows nothing but stop tokens, generation stops there (FinishReason::Stop).
Result<GenerationResult> generate(Session& session, const Tokenizer& tokenizer, const GenerationVocab& vocab,
                                  std::span<const int32_t> prompt, const GenerationSettings& settings,
                                  const GenerationCallbacks& callbacks, const std::atomic<bool>* cancel,
                                  TokenConstraint* constraint = nullptr);

}  // namespace lectern::runtime
