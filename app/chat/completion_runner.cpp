// completion_runner.cpp: one API completion on the worker: no model / cancelled / too long checks, max_tokens
// clamped to the context left, generation with the job's callbacks and cancel flag.
#include "app/chat/completion_runner.h"

#include <QCoreApplication>

#include <algorithm>

#include "lectern/engine.h"

namespace lectern::chat {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("lectern::chat::CompletionRunner", text);
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// A Status from the template or generation: the request's fault (InvalidRequest) or ours / the device's (Internal).
CompletionOutcome::ErrorKind errorKindFor(const Status& status)
{
    switch (status.code()) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::Unsupported:
    case ErrorCode::NotFound:
    case ErrorCode::CorruptData: return CompletionOutcome::ErrorKind::InvalidRequest;
    case ErrorCode::Cancelled: return CompletionOutcome::ErrorKind::Cancelled;
    default: break;
    }
    return CompletionOutcome::ErrorKind::Internal;
}

CompletionOutcome failure(CompletionOutcome::ErrorKind kind, const QString& message, const QString& modelName)
{
    CompletionOutcome outcome;
    outcome.errorKind = kind;
    outcome.error = message;
    outcome.modelName = modelName;
    return outcome;
}

CompletionOutcome run(CompletionJob& job, const CompletionModel& model)
{
    if (job.cancel.load())
        return failure(CompletionOutcome::ErrorKind::Cancelled,
                       tr("The request was cancelled before it started."), model.modelName);
    if (!model.engine || !model.session)
        return failure(CompletionOutcome::ErrorKind::NoModel,
                       tr("No model is loaded. Load a model in Lectern (or start `lectern serve` with --model) and "
                          "send the request again."),
                       {});
    // Refuse a prompt that does not fit before anything is evaluated.
    const Result<int64_t> promptTokens = model.engine->count_prompt_tokens(job.request);
    if (!promptTokens.is_ok()) {
        const CompletionOutcome::ErrorKind kind = errorKindFor(promptTokens.status());
        return failure(kind == CompletionOutcome::ErrorKind::Cancelled ? CompletionOutcome::ErrorKind::Internal : kind,
                       tr("The request cannot be turned into a prompt: %1").arg(fromStd(promptTokens.status().message())),
                       model.modelName);
    }
    if (*promptTokens >= model.contextLength)
        return failure(CompletionOutcome::ErrorKind::ContextFull,
                       tr("The messages take %1 tokens, but the model's context holds %2. Send fewer or shorter "
                          "messages, or load the model with a longer context.")
                           .arg(*promptTokens)
                           .arg(model.contextLength),
                       model.modelName);

    GenerationSettings settings = job.settings;
    const int64_t left = model.contextLength - *promptTokens;
    settings.max_tokens = int32_t(std::clamp<int64_t>(std::min<int64_t>(settings.max_tokens, left), 1, left));

    if (job.onStarted)  // accepted: the prompt is read next
        job.onStarted();

    GenerationCallbacks callbacks;
    if (job.onPiece)
        callbacks.on_piece = [&job](const GenerationPiece& piece) { job.onPiece(piece); };
    if (job.onPrefillProgress)
        callbacks.on_prefill_progress = [&job](int64_t done, int64_t total) { job.onPrefillProgress(done, total); };
    Result<GenerationResult> generated = model.session->generate(job.request, settings, callbacks, &job.cancel);
    if (!generated.is_ok()) {
        const CompletionOutcome::ErrorKind kind = errorKindFor(generated.status());
        return failure(kind,
                       kind == CompletionOutcome::ErrorKind::Cancelled
                           ? tr("The request was cancelled before it started.")
                           : tr("The model cannot answer this request: %1").arg(fromStd(generated.status().message())),
                       model.modelName);
    }
    CompletionOutcome outcome;
    outcome.modelName = model.modelName;
    outcome.result = std::move(generated).value();
    return outcome;
}

}  // namespace

CompletionOutcome runCompletion(CompletionJob& job, const CompletionModel& model)
{
    CompletionOutcome outcome = run(job, model);
    if (job.onFinished)
        job.onFinished(outcome);
    return outcome;
}

}  // namespace lectern::chat
