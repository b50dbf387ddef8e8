// completion_job.h: one stateless chat completion for the API server: the whole conversation in, the answer
// streamed out through callbacks on the inference worker; nothing is stored in the database.
#pragma once

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

#include "lectern/chat.h"
#include "lectern/generation.h"

namespace lectern::chat {

// How a completion ended. error empty: result holds the generation (its finish reason may be Cancelled or Error;
// an Error finish also sets result.error). error set: nothing was generated, and errorKind says why.
struct CompletionOutcome {
    enum class ErrorKind { None, NoModel, InvalidRequest, ContextFull, Cancelled, Internal };
    ErrorKind errorKind = ErrorKind::None;
    QString error;                                  // translated, says what to do
    std::optional<lectern::GenerationResult> result;
    QString modelName;                              // the model that ran it (ModelInfo::modelName)

    bool ok() const { return errorKind == ErrorKind::None; }
};

// Submitted with ChatService::submitCompletion from any thread; run in submission order, between the window's
// turns, on the one loaded model. The callbacks run on the inference worker thread and must not block for long.
struct CompletionJob {
    lectern::ChatRequest request;            // rendered with the model's chat template (tools, thinking, pictures)
    lectern::GenerationSettings settings;    // sampler, max_tokens, json_schema
    std::atomic<bool> cancel{false};         // raise from any thread: stops before the start or at the next token

    std::function<void()> onStarted;                                  // left the queue; the prompt is read next
    std::function<void(int64_t done, int64_t total)> onPrefillProgress;
    std::function<void(const lectern::GenerationPiece& piece)> onPiece;
    std::function<void(const CompletionOutcome& outcome)> onFinished;  // exactly once, also on failure
};

}  // namespace lectern::chat
