// completion_runner.h: runs one stateless CompletionJob (the API server's) on the inference worker with the loaded
// model's one session: checks, prompt counting, the context limit and generation; nothing is stored.
#pragma once

#include <QString>

#include "app/chat/completion_job.h"

namespace lectern {
class Engine;
class ChatSession;
}  // namespace lectern

namespace lectern::chat {

// The loaded model as the runner sees it; engine and session null when none is loaded.
struct CompletionModel {
    const lectern::Engine* engine = nullptr;
    lectern::ChatSession* session = nullptr;
    QString modelName;
    qint64 contextLength = 0;
};

// Runs the job on the calling (worker) thread and calls its callbacks there: onStarted once it is accepted (the prompt
// counted and fitting the context, generation next),
// onPiece while generating and always exactly one onFinished, also when it fails or was cancelled before it started.
// Returns the same outcome onFinished got.
CompletionOutcome runCompletion(CompletionJob& job, const CompletionModel& model);

}  // namespace lectern::chat
