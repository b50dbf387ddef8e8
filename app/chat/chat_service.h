// chat_service.h: the chat turns of the window and of `lectern ask`: a model on an inference worker thread, turns
// sent from the UI thread, the answer streamed back as queued signals and saved to the database as it arrives.
#pragma once

#include <QMutex>
#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

#include "app/chat/chat_types.h"
#include "app/chat/completion_job.h"
#include "app/storage/database.h"

namespace lectern::chat {

class TurnRunner;

// Usage (on the UI thread, with an event loop running):
//   ChatService chat(database);
//   connect(&chat, &ChatService::answerDelta, view, ...);
//   chat.loadModel({path, ComputeDevice::Auto});     // -> modelLoaded / modelLoadFailed
//   chat.sendTurn(request);                          // -> turnStarted, deltas, turnFinished
// Calls return at once and queue the work in order on the worker; the UI thread never waits on inference or on the
// answer's database writes. Every signal arrives on the thread that owns the service.
class ChatService : public QObject {
    Q_OBJECT

public:
    explicit ChatService(const storage::Database& database, QObject* parent = nullptr);
    ~ChatService() override;  // cancels what runs, waits for the worker to stop

    void loadModel(const ModelOptions& options);
    void sendTurn(const TurnRequest& request);
    // The image token budget (the settings' image resolution, video fps and frame budget) for the turns sent after
    // this call, without reloading the model; a later loadModel takes the budget of its own options.
    void setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling);
    // Asks the worker what a prompt of promptTokens tokens will need (memory, approximate time) at the loaded
    // context: -> promptEstimated with the same requestId. Queued behind running turns.
    void estimatePrompt(quint64 requestId, qint64 promptTokens);
    // Counts the prompt tokens of a stored conversation with the loaded model: -> conversationTokensCounted.
    void countConversationTokens(qint64 conversationId);
    // Stops the running turn and every turn sent before this call; each still ends with turnFinished (the partial
    // answer is kept with the finish reason "cancelled"). Turns the worker has not reached (waiting behind API
    // completions) finish at once, in order, without waiting for it. Call it on the service's thread.
    void cancel();

    // Thread-safe (the API server's threads call it): queues a stateless completion on the worker, in order with the
    // turns; it runs with the loaded model and stores nothing. The job's callbacks run on the worker thread and its
    // onFinished is called exactly once (also when no model is loaded or it was cancelled while queued).
    void submitCompletion(std::shared_ptr<CompletionJob> job);
    // Thread-safe: the loaded model (a copy), or nothing while none is loaded (before the first load, after a failed
    // one, and while another model loads).
    std::optional<ModelInfo> currentModel() const;

    // Turns sent whose turnFinished has not arrived yet.
    int pendingTurns() const { return m_pendingTurns; }

signals:
    void modelLoaded(const lectern::chat::ModelInfo& info);
    void modelLoadFailed(const QString& message);
    // The question and its attachments are stored; the (empty) answer message exists.
    void turnStarted(qint64 conversationId, qint64 userMessageId, qint64 assistantMessageId);
    void warning(const QString& message);
    void prefillProgress(qint64 done, qint64 total);
    void reasoningDelta(const QString& text);
    void answerDelta(const QString& text);
    // Exactly once per sendTurn, in order, also when the turn failed (result.error).
    void turnFinished(const lectern::chat::TurnResult& result);
    void promptEstimated(const lectern::chat::PromptEstimate& estimate);
    // tokens: -1 when no model is loaded or the conversation cannot be read.
    void conversationTokensCounted(qint64 conversationId, qint64 tokens);

private:
    QThread m_thread;
    TurnRunner* m_runner = nullptr;  // lives on m_thread; deleted there when it finishes
    quint64 m_sentTurns = 0;
    quint64 m_finishedTurns = 0;       // turnFinished emitted for turns 1..m_finishedTurns
    quint64 m_runnerFinished = 0;      // turnFinished received from the runner (one per turn, in order)
    int m_pendingTurns = 0;
    mutable QMutex m_modelMutex;
    std::optional<ModelInfo> m_currentModel;  // guarded by m_modelMutex; written on the worker thread
};

}  // namespace lectern::chat
