// turn_runner.h: the inference worker's side of ChatService: loads a model and runs chat turns on the thread it
// lives on (blocking it), streaming the answer as signals and saving the turn as it goes.
#pragma once

#include <QObject>

#include <atomic>
#include <memory>

#include "app/chat/chat_types.h"
#include "app/chat/completion_job.h"
#include "app/storage/database.h"

namespace lectern::chat {

// Lives on ChatService's worker thread; its slots block that thread, never the UI's. Storage connections are opened
// on, used on and closed on that thread (destroy the runner there too: ChatService deletes it when the thread ends).
class TurnRunner : public QObject {
    Q_OBJECT

public:
    explicit TurnRunner(storage::Database database, QObject* parent = nullptr);
    ~TurnRunner() override;

    // Loads the model and opens one session for it (replacing any model loaded before).
    // Emits modelLoaded or modelLoadFailed.
    void loadModel(const lectern::chat::ModelOptions& options);

    // Runs one turn: imports nothing (attachments come imported), stores the question and its attachments, streams
    // and stores the answer. turnNumber is ChatService's count of sent turns; cancelThrough(n) stops every turn
    // numbered n or lower. Emits turnStarted once the question is stored, deltas while generating, and always
    // exactly one turnFinished, also on failure.
    void runTurn(const lectern::chat::TurnRequest& request, quint64 turnNumber);

    // The vision budget for the next turns (kept for the next loadModel too until that one brings its own).
    // A budget the engine refuses is reported with warning() and the previous one stays (false).
    bool setVisionBudget(const lectern::app::VisionPixelBudget& pixels, const lectern::app::VideoSampling& sampling);

    // What a prompt of promptTokens tokens needs (memory, approximate time) at the loaded context. Emits
    // promptEstimated with requestId, or with an error when no model is loaded.
    void estimatePrompt(quint64 requestId, qint64 promptTokens);

    // Counts the prompt tokens of a stored conversation (its messages, their attachments' text and, for a vision
    // model, their pictures as the next turn sends them again) with the loaded model's template. Emits conversationTokensCounted; -1 when no model is loaded or it cannot be read.
    void countConversationTokens(qint64 conversationId);

    // Runs one stateless API completion with the loaded model's session (completion_runner.h); stores nothing.
    void runCompletion(const std::shared_ptr<lectern::chat::CompletionJob>& job);

    // Thread-safe: stops the running turn (if its number is <= turnNumber) and any queued one up to it. The answer
    // so far is kept with the finish reason "cancelled".
    void cancelThrough(quint64 turnNumber);
    // Thread-safe: the number of the last turn runTurn was entered for (0: none yet).
    quint64 begunThrough() const { return m_begunThrough.load(); }

signals:
    void modelLoaded(const lectern::chat::ModelInfo& info);
    void modelLoadFailed(const QString& message);
    void turnStarted(qint64 conversationId, qint64 userMessageId, qint64 assistantMessageId);
    void warning(const QString& message);
    void prefillProgress(qint64 done, qint64 total);
    void reasoningDelta(const QString& text);
    void answerDelta(const QString& text);
    void turnFinished(const lectern::chat::TurnResult& result);
    void promptEstimated(const lectern::chat::PromptEstimate& estimate);
    void conversationTokensCounted(qint64 conversationId, qint64 tokens);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    std::atomic<quint64> m_cancelThrough{0};
    std::atomic<quint64> m_begunThrough{0};
};

}  // namespace lectern::chat
