// chat_controller.h: the window's one controller (QML singleton ChatController): the conversation list, the open
// conversation's messages, sending, streaming, stopping, regenerating and editing turns through ChatService, and
// rename, delete-with-undo and full-text search through a storage worker thread.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>

#include "app/chat/chat_service.h"
#include "app/chat/chat_types.h"
#include "app/storage/database.h"
#include "ui/conversation_list_model.h"
#include "ui/message_list_model.h"

class QQmlEngine;
class QJSEngine;

namespace lectern::ui {

class AttachmentResender;
class StorageWorker;

// Lives on the UI thread. Nothing here waits on inference or on the disk: turns run on ChatService's worker and
// every read or write of the database on StorageWorker's thread, their results coming back as queued calls.
class ChatController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(lectern::ui::ConversationListModel* conversations READ conversations CONSTANT)
    Q_PROPERTY(lectern::ui::MessageListModel* messages READ messages CONSTANT)
    Q_PROPERTY(double currentConversationId READ currentConversationId NOTIFY currentConversationChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentTitleChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double prefillDone READ prefillDone NOTIFY prefillChanged)
    Q_PROPERTY(double prefillTotal READ prefillTotal NOTIFY prefillChanged)
    Q_PROPERTY(bool thinking READ thinking WRITE setThinking NOTIFY thinkingChanged)
    Q_PROPERTY(bool modelReady READ modelReady NOTIFY modelChanged)
    Q_PROPERTY(QString modelName READ modelName NOTIFY modelChanged)
    // Facts of the loaded model (ModelInfo): what the status line and the context meter show.
    Q_PROPERTY(QString modelBackend READ modelBackend NOTIFY modelChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY modelChanged)
    Q_PROPERTY(double memoryUsedBytes READ memoryUsedBytes NOTIFY modelChanged)
    Q_PROPERTY(double memoryTotalBytes READ memoryTotalBytes NOTIFY modelChanged)
    Q_PROPERTY(QString fallbackReason READ fallbackReason NOTIFY modelChanged)
    Q_PROPERTY(double contextLength READ contextLength NOTIFY modelChanged)
    Q_PROPERTY(double maxContextLength READ maxContextLength NOTIFY modelChanged)
    Q_PROPERTY(QString kvType READ kvType NOTIFY modelChanged)
    // Prompt tokens of the open conversation so far (0 for a new one).
    Q_PROPERTY(double conversationTokens READ conversationTokens NOTIFY conversationTokensChanged)
    // The answer to the last estimatePrompt(): {tokens, contextLength, fitsContext, bytesNeeded, bytesAvailable,
    // fitsMemory, seconds, error}; empty before one arrives or when cleared.
    Q_PROPERTY(QVariantMap promptEstimate READ promptEstimate NOTIFY promptEstimateChanged)
    Q_PROPERTY(bool storageReady READ storageReady CONSTANT)
    Q_PROPERTY(bool canUndoDelete READ canUndoDelete NOTIFY pendingDeleteChanged)
    Q_PROPERTY(QString pendingDeleteTitle READ pendingDeleteTitle NOTIFY pendingDeleteChanged)
    Q_PROPERTY(int undoTimeoutMs READ undoTimeoutMs WRITE setUndoTimeoutMs NOTIFY undoTimeoutMsChanged)
    Q_PROPERTY(QString searchText READ searchText NOTIFY searchChanged)
    Q_PROPERTY(QVariantList searchHits READ searchHits NOTIFY searchChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // API server requests (ServerController) queued before the sent turn: it starts when they are done. 0 once the
    // turn started (or when none were ahead of it).
    Q_PROPERTY(int apiRequestsAhead READ apiRequestsAhead NOTIFY apiRequestsAheadChanged)

public:
    // Without a database (it could not be opened) the window still works, but nothing is listed or kept.
    explicit ChatController(std::optional<storage::Database> database, QObject* parent = nullptr);
    ~ChatController() override;  // stops a running turn; a pending delete is carried out before returning

    // The instance QML gets as the ChatController singleton (not owned). Without one, each QML engine gets its
    // own controller with no database.
    static void setInstance(ChatController* controller);
    static ChatController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    ConversationListModel* conversations() const { return m_conversations; }
    MessageListModel* messages() const { return m_messages; }
    qint64 currentConversationId() const { return m_currentId; }
    QString currentTitle() const;
    bool busy() const { return m_busy; }
    qint64 prefillDone() const { return m_prefillDone; }
    qint64 prefillTotal() const { return m_prefillTotal; }
    bool thinking() const { return m_thinking; }
    void setThinking(bool thinking);
    bool modelReady() const { return m_modelReady; }
    QString modelName() const { return m_modelName; }
    const chat::ModelInfo& modelInfo() const { return m_modelInfo; }
    QString modelBackend() const { return m_modelInfo.backend; }
    QString deviceName() const { return m_modelInfo.deviceName; }
    double memoryUsedBytes() const { return double(m_modelInfo.memoryUsedBytes); }
    double memoryTotalBytes() const { return double(m_modelInfo.memoryTotalBytes); }
    QString fallbackReason() const { return m_modelInfo.fallbackReason; }
    double contextLength() const { return double(m_modelInfo.contextLength); }
    double maxContextLength() const { return double(m_modelInfo.maxContextLength); }
    QString kvType() const { return m_modelInfo.kvType; }
    qint64 conversationTokensCount() const { return m_conversationTokens; }
    double conversationTokens() const { return double(m_conversationTokens); }
    QVariantMap promptEstimate() const { return m_promptEstimate; }
    bool storageReady() const { return m_storage != nullptr; }
    bool canUndoDelete() const { return m_pendingDeleteId != 0; }
    QString pendingDeleteTitle() const { return m_pendingDeleteTitle; }
    int undoTimeoutMs() const { return m_undoTimer.interval(); }
    void setUndoTimeoutMs(int ms);
    QString searchText() const { return m_searchText; }
    QVariantList searchHits() const { return m_searchHits; }
    QString lastError() const { return m_lastError; }
    int apiRequestsAhead() const { return m_apiRequestsAhead; }
    // The window's turn is on the inference worker: between its turnStarted and turnFinished.
    bool turnRunning() const { return m_turnRunning; }
    // The API server's running and queued completions (ServerController::activeRequests), as they change.
    void setApiActivity(int activeRequests);

    // Applied to every turn sent from now on (tests: fixed seed, few tokens; later the advanced settings panel).
    void setSamplingOverrides(const chat::SamplingOverrides& sampling) { m_sampling = sampling; }
    // The image token budget (settings): for the loaded model at once, and for every model loaded later.
    void setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling);
    // Loads the model on the inference worker: -> modelLoaded / modelLoadFailed.
    void loadModel(const chat::ModelOptions& options);

    // device: "auto", "cpu" or "vulkan"; contextLength 0: the default; kvType: "f16" or "q8_0".
    Q_INVOKABLE void loadModel(const QString& path, const QString& device = QStringLiteral("auto"),
                               qint64 contextLength = 0, const QString& kvType = QStringLiteral("f16"));
    // Reads the conversation list again (done at start and after every change).
    Q_INVOKABLE void refreshConversations();
    Q_INVOKABLE void selectConversation(qint64 id);
    Q_INVOKABLE void newConversation();
    // Sends a question in the open conversation (a new one when none is open). attachments: the composer's
    // documents (AttachmentListModel::documents()). imageMaxPixels > 0: the image budget of this question's pictures
    // (the composer's, which "auto" resolution chose); 0: the settings'. False, with lastError, when it cannot be
    // sent now.
    Q_INVOKABLE bool send(const QString& text, const QVariantList& attachments, bool thinking,
                          double imageMaxPixels = 0);
    // Stops the running turn at once; the partial answer is kept.
    Q_INVOKABLE void stop();
    // Asks the question before this answer again (the old answer is deleted), with the question's attachments
    // (AttachmentResender: their stored text, or the unchanged file imported again).
    Q_INVOKABLE bool regenerate(qint64 assistantMessageId);
    // Replaces this question and everything after it with `text`, and asks it with the question's attachments.
    Q_INVOKABLE bool editAndResend(qint64 userMessageId, const QString& text);
    Q_INVOKABLE bool copyMessage(qint64 messageId);
    Q_INVOKABLE void renameConversation(qint64 id, const QString& title);
    // Hides the conversation at once; it is deleted for good when the undo time runs out, when another one is
    // deleted, or when the program ends.
    Q_INVOKABLE void deleteConversation(qint64 id);
    Q_INVOKABLE void undoDelete();
    Q_INVOKABLE void commitPendingDelete();
    // Full-text search over every message; hits (one per conversation, best first) arrive in searchHits as maps
    // {conversationId, title, snippet} where the snippet is rich text with the matched words in <b>.
    Q_INVOKABLE void search(const QString& text);
    Q_INVOKABLE void clearError();
    // Asks the inference worker what a prompt of `tokens` tokens (the conversation, the typed text and the
    // attachments) will need: memory and approximate reading time -> promptEstimate. Only the latest call's answer
    // is kept; tokens <= 0 clears it.
    Q_INVOKABLE void estimatePrompt(qint64 tokens);
    // Shows `message` where the window shows errors (lastError).
    void showError(const QString& message) { setLastError(message); }

    chat::ChatService* chatService() const { return m_chat.get(); }

signals:
    void currentConversationChanged();
    void currentTitleChanged();
    void busyChanged();
    void prefillChanged();
    void thinkingChanged();
    void modelChanged();
    void conversationTokensChanged();
    void promptEstimateChanged();
    void pendingDeleteChanged();
    void undoTimeoutMsChanged();
    void searchChanged();
    void lastErrorChanged();
    void apiRequestsAheadChanged();
    void modelLoaded(const QString& modelName);
    void modelLoadFailed(const QString& message);
    // After each turn's answer is stored (or failed: error is not empty).
    void turnCompleted(qint64 conversationId, qint64 assistantMessageId, const QString& error);

private:
    void startTurn(const QString& question, const QList<app::ImportedDocument>& attachments, bool thinking);
    void startTurnIn(qint64 conversationId, const QString& question, const QList<app::ImportedDocument>& attachments,
                     bool thinking);
    // Removes the rows from fromRow on (the question questionId first) and asks `question` again with the removed
    // question's attachments (AttachmentResender).
    bool rewindAndSend(int fromRow, qint64 questionId, const QString& question);
    void onAttachmentsRebuilt(quint64 serial, const QList<app::ImportedDocument>& documents, const QStringList& warnings);
    void loadMessages();
    void reloadConversations(std::function<void()> after = {});
    void saveThinking();
    void setBusy(bool busy);
    void setCurrent(qint64 id);
    void setLastError(const QString& message);
    void setApiRequestsAhead(int count);
    void flushStream();
    void onTurnStarted(qint64 conversationId, qint64 userMessageId, qint64 assistantMessageId);
    void onTurnFinished(const chat::TurnResult& result);
    void setConversationTokens(qint64 tokens);
    void updateConversationTokens();  // from the open conversation's last answer, else counted on the worker

    std::unique_ptr<StorageWorker> m_storage;     // declared before m_chat: destroyed after it
    std::unique_ptr<chat::ChatService> m_chat;
    std::unique_ptr<AttachmentResender> m_resender;  // regenerate / edit-and-resend: the question's attachments
    ConversationListModel* m_conversations = nullptr;
    MessageListModel* m_messages = nullptr;
    chat::SamplingOverrides m_sampling;
    app::VisionPixelBudget m_visionPixels;
    app::VideoSampling m_videoSampling;

    qint64 m_currentId = 0;
    quint64 m_loadSerial = 0;       // drops message lists that arrive after another conversation was opened
    bool m_viewingTurn = false;     // the running turn belongs to the conversation on screen
    bool m_busy = false;
    qint64 m_prefillDone = 0;
    qint64 m_prefillTotal = 0;
    bool m_thinking = false;
    bool m_thinkingDefault = false;  // the model's default, for new conversations
    bool m_modelReady = false;
    QString m_modelName;
    chat::ModelInfo m_modelInfo;
    qint64 m_conversationTokens = 0;
    QVariantMap m_promptEstimate;
    quint64 m_estimateSerial = 0;
    QString m_lastError;
    int m_apiActive = 0;            // the API server's completions running or queued
    int m_apiRequestsAhead = 0;     // of those, the ones sent before the window's pending turn
    bool m_turnRunning = false;

    quint64 m_resendSerial = 0;     // attachments of a re-sent question being rebuilt (0: none)
    qint64 m_resendConversationId = 0;
    QString m_resendQuestion;
    bool m_resendThinking = false;
    bool m_stopBeforeStart = false;  // stop() came while they were rebuilt

    QString m_streamReasoning;      // deltas not shown yet: shown together every ~30 ms
    QString m_streamAnswer;
    QTimer m_flushTimer;

    qint64 m_pendingDeleteId = 0;
    QString m_pendingDeleteTitle;
    QTimer m_undoTimer;

    QString m_searchText;
    QVariantList m_searchHits;
    quint64 m_searchSerial = 0;
};

}  // namespace lectern::ui
