// chat_controller.cpp: what the window's actions do: turns through ChatService, storage through StorageWorker.
#include "ui/chat_controller.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJSEngine>
#include <QPointer>

#include <algorithm>

#include "app/importers/import_cache.h"
#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/message_repository.h"
#include "app/storage/search_repository.h"
#include "ui/attachment_resender.h"
#include "ui/storage_worker.h"

#if __has_include("ui/attachment_list_model.h")
#include "ui/attachment_list_model.h"
#define LECTERN_UI_HAVE_ATTACHMENT_MODEL 1
#endif

namespace lectern::ui {

namespace {

QPointer<ChatController> g_instance;

constexpr int kFlushIntervalMs = 30;     // streamed text is shown at most ~33 times a second
constexpr int kDefaultUndoMs = 6000;     // how long "Conversation deleted - Undo" stays
// Marks around matched words in search snippets: control characters never typed in a question, replaced by
// <b></b> after the snippet is escaped for rich text.
const QString kMarkStart = QStringLiteral("\u0001");
const QString kMarkEnd = QStringLiteral("\u0002");

QString snippetHtml(const QString& snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(kMarkStart, QStringLiteral("<b>"));
    html.replace(kMarkEnd, QStringLiteral("</b>"));
    html.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return html;
}

}  // namespace

ChatController::ChatController(std::optional<storage::Database> database, QObject* parent) : QObject(parent)
{
    m_conversations = new ConversationListModel(this);
    m_messages = new MessageListModel(this);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChatController::flushStream);
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(kDefaultUndoMs);
    connect(&m_undoTimer, &QTimer::timeout, this, &ChatController::commitPendingDelete);
    if (!database)
        return;

    m_storage = std::make_unique<StorageWorker>(*database);
    m_resender = std::make_unique<AttachmentResender>(app::ImportCache::defaultDirectory());
    connect(m_resender.get(), &AttachmentResender::finished, this, &ChatController::onAttachmentsRebuilt);
    m_chat = std::make_unique<chat::ChatService>(*database);
    connect(m_chat.get(), &chat::ChatService::modelLoaded, this, [this](const chat::ModelInfo& info) {
        m_modelReady = true;
        m_modelName = info.modelName;
        m_modelInfo = info;
        m_thinkingDefault = info.thinkingByDefault;
        emit modelChanged();
        updateConversationTokens();
        if (m_currentId == 0 && !m_busy && m_thinking != m_thinkingDefault) {
            m_thinking = m_thinkingDefault;
            emit thinkingChanged();
        }
        emit modelLoaded(info.modelName);
    });
    connect(m_chat.get(), &chat::ChatService::modelLoadFailed, this, [this](const QString& message) {
        m_modelReady = false;
        m_modelName.clear();
        m_modelInfo = {};
        emit modelChanged();
        if (!m_promptEstimate.isEmpty()) {
            m_promptEstimate.clear();
            emit promptEstimateChanged();
        }
        setLastError(message);
        emit modelLoadFailed(message);
    });
    connect(m_chat.get(), &chat::ChatService::turnStarted, this, [this] {
        setApiRequestsAhead(0);
        m_turnRunning = true;
    });
    connect(m_chat.get(), &chat::ChatService::turnStarted, this, &ChatController::onTurnStarted);
    connect(m_chat.get(), &chat::ChatService::conversationTokensCounted, this, [this](qint64 id, qint64 tokens) {
        if (id == m_currentId && tokens >= 0)
            setConversationTokens(tokens);
    });
    connect(m_chat.get(), &chat::ChatService::promptEstimated, this, [this](const chat::PromptEstimate& e) {
        if (e.requestId != m_estimateSerial)
            return;  // a later question is on its way
        m_promptEstimate = QVariantMap{{QStringLiteral("tokens"), double(e.promptTokens)},
                                       {QStringLiteral("contextLength"), double(e.contextLength)},
                                       {QStringLiteral("fitsContext"), e.fitsContext},
                                       {QStringLiteral("bytesNeeded"), double(e.bytesNeeded)},
                                       {QStringLiteral("bytesAvailable"), double(e.bytesAvailable)},
                                       {QStringLiteral("fitsMemory"), e.fitsMemory},
                                       {QStringLiteral("seconds"), e.seconds},
                                       {QStringLiteral("error"), e.error}};
        emit promptEstimateChanged();
    });
    connect(m_chat.get(), &chat::ChatService::turnFinished, this, [this] {
        setApiRequestsAhead(0);
        m_turnRunning = false;
    });
    connect(m_chat.get(), &chat::ChatService::turnFinished, this, &ChatController::onTurnFinished);
    connect(m_chat.get(), &chat::ChatService::prefillProgress, this, [this](qint64 done, qint64 total) {
        setApiRequestsAhead(0);
        m_prefillDone = done;
        m_prefillTotal = total;
        emit prefillChanged();
    });
    connect(m_chat.get(), &chat::ChatService::reasoningDelta, this, [this](const QString& text) {
        m_streamReasoning += text;
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    });
    connect(m_chat.get(), &chat::ChatService::answerDelta, this, [this](const QString& text) {
        m_streamAnswer += text;
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    });
    refreshConversations();
}

ChatController::~ChatController()
{
    if (m_chat)
        m_chat->cancel();
    m_chat.reset();  // waits for the inference worker
    if (m_pendingDeleteId != 0 && m_storage) {
        const qint64 id = m_pendingDeleteId;
        (void)m_storage->runBlocking([id](storage::Connection& db) { return storage::ConversationRepository(db).remove(id); });
    }
    m_storage.reset();
}

void ChatController::setInstance(ChatController* controller)
{
    g_instance = controller;
}

ChatController* ChatController::create(QQmlEngine*, QJSEngine*)
{
    if (g_instance) {
        // The program owns it, not the QML engine.
        QJSEngine::setObjectOwnership(g_instance.data(), QJSEngine::CppOwnership);
        return g_instance.data();
    }
    return new ChatController(std::nullopt);  // the engine owns it
}

QString ChatController::currentTitle() const
{
    return m_conversations->titleOf(m_currentId);
}

void ChatController::setLastError(const QString& message)
{
    if (m_lastError == message)
        return;
    m_lastError = message;
    emit lastErrorChanged();
}

void ChatController::setApiActivity(int activeRequests)
{
    m_apiActive = std::max(0, activeRequests);
    // Requests that arrive later queue behind the pending turn: the count ahead of it only goes down.
    if (m_apiRequestsAhead > m_apiActive)
        setApiRequestsAhead(m_apiActive);
}

void ChatController::setApiRequestsAhead(int count)
{
    if (m_apiRequestsAhead == count)
        return;
    m_apiRequestsAhead = count;
    emit apiRequestsAheadChanged();
}

void ChatController::clearError()
{
    setLastError({});
}

void ChatController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ChatController::setCurrent(qint64 id)
{
    if (m_currentId == id)
        return;
    m_currentId = id;
    emit currentConversationChanged();
    emit currentTitleChanged();
}

void ChatController::setUndoTimeoutMs(int ms)
{
    if (ms == m_undoTimer.interval())
        return;
    m_undoTimer.setInterval(ms);
    emit undoTimeoutMsChanged();
}

void ChatController::setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling)
{
    m_visionPixels = pixels;
    m_videoSampling = sampling;
    if (m_chat)
        m_chat->setVisionBudget(pixels, sampling);
}

void ChatController::loadModel(const chat::ModelOptions& options)
{
    if (!m_chat) {
        setLastError(tr("No database is open, so no model can be used."));
        return;
    }
    m_chat->loadModel(options);
}

void ChatController::loadModel(const QString& path, const QString& device, qint64 contextLength, const QString& kvType)
{
    chat::ModelOptions options;
    options.modelPath = path;
    options.device = chat::deviceFromName(device).value_or(chat::ComputeDevice::Auto);
    if (contextLength > 0)
        options.contextLength = contextLength;
    if (!kvType.isEmpty())
        options.kvType = kvType;
    options.visionPixels = m_visionPixels;
    options.videoSampling = m_videoSampling;
    loadModel(options);
}

// --- conversations -------------------------------------------------------------------------------------------

void ChatController::refreshConversations()
{
    reloadConversations();
}

void ChatController::reloadConversations(std::function<void()> after)
{
    if (!m_storage)
        return;
    using Result = storage::StorageResult<QList<storage::Conversation>>;
    m_storage->run<Result>(
        this, [](storage::Connection& db) { return storage::ConversationRepository(db).list(); },
        [this, after = std::move(after)](const Result& result) {
            if (!result.ok()) {
                setLastError(tr("Cannot read the conversations: %1").arg(result.status().message()));
            } else {
                m_conversations->setConversations(result.value());
                emit currentTitleChanged();
            }
            if (after)
                after();
        });
}

void ChatController::selectConversation(qint64 id)
{
    if (id == m_currentId)
        return;
    if (id == 0) {
        newConversation();
        return;
    }
    m_viewingTurn = false;
    setCurrent(id);
    if (const storage::Conversation* conversation = m_conversations->find(id)) {
        if (m_thinking != conversation->thinking) {
            m_thinking = conversation->thinking;
            emit thinkingChanged();
        }
    }
    m_messages->clear();
    loadMessages();
}

void ChatController::loadMessages()
{
    if (!m_storage || m_currentId == 0)
        return;
    const qint64 id = m_currentId;
    const quint64 serial = ++m_loadSerial;
    using Result = storage::StorageResult<QList<storage::Message>>;
    m_storage->run<Result>(
        this, [id](storage::Connection& db) { return storage::MessageRepository(db).listForConversation(id); },
        [this, serial](const Result& result) {
            if (serial != m_loadSerial)
                return;  // another conversation was opened meanwhile
            if (!result.ok()) {
                setLastError(tr("Cannot read the conversation: %1").arg(result.status().message()));
                return;
            }
            m_messages->setMessages(result.value());
            updateConversationTokens();
        });
}

void ChatController::setConversationTokens(qint64 tokens)
{
    if (tokens == m_conversationTokens)
        return;
    m_conversationTokens = tokens;
    emit conversationTokensChanged();
}

void ChatController::updateConversationTokens()
{
    if (m_currentId == 0) {
        setConversationTokens(0);
        return;
    }
    // The last finished answer knows its prompt and its own length: nothing to count.
    const std::optional<qint64> fromStats = m_messages->lastTurnTokens();
    if (fromStats) {
        setConversationTokens(*fromStats);
        return;
    }
    if (m_chat && m_modelReady)
        m_chat->countConversationTokens(m_currentId);  // -> conversationTokensCounted
}

void ChatController::estimatePrompt(qint64 tokens)
{
    const quint64 serial = ++m_estimateSerial;
    if (tokens <= 0 || !m_chat || !m_modelReady) {
        if (!m_promptEstimate.isEmpty()) {
            m_promptEstimate.clear();
            emit promptEstimateChanged();
        }
        return;
    }
    m_chat->estimatePrompt(serial, tokens);
}

void ChatController::newConversation()
{
    m_viewingTurn = false;
    ++m_loadSerial;
    setCurrent(0);
    m_messages->clear();
    setConversationTokens(0);
    if (m_thinking != m_thinkingDefault) {
        m_thinking = m_thinkingDefault;
        emit thinkingChanged();
    }
}

void ChatController::renameConversation(qint64 id, const QString& title)
{
    const QString trimmed = title.simplified();
    if (!m_storage || id == 0 || trimmed.isEmpty() || trimmed == m_conversations->titleOf(id))
        return;
    m_storage->run<storage::StorageStatus>(
        this, [id, trimmed](storage::Connection& db) { return storage::ConversationRepository(db).rename(id, trimmed); },
        [this](const storage::StorageStatus& status) {
            if (!status.ok())
                setLastError(tr("Cannot rename the conversation: %1").arg(status.message()));
            reloadConversations();
        });
}

void ChatController::deleteConversation(qint64 id)
{
    if (id == 0 || id == m_pendingDeleteId)
        return;
    commitPendingDelete();
    m_pendingDeleteId = id;
    m_pendingDeleteTitle = m_conversations->titleOf(id);
    m_conversations->setHidden(id, true);
    if (m_currentId == id)
        newConversation();
    m_undoTimer.start();
    emit pendingDeleteChanged();
    if (!m_searchHits.isEmpty())
        search(m_searchText);  // drop its hits
}

void ChatController::undoDelete()
{
    if (m_pendingDeleteId == 0)
        return;
    m_undoTimer.stop();
    m_conversations->setHidden(m_pendingDeleteId, false);
    m_pendingDeleteId = 0;
    m_pendingDeleteTitle.clear();
    emit pendingDeleteChanged();
    if (!m_searchText.isEmpty())
        search(m_searchText);
}

void ChatController::commitPendingDelete()
{
    if (m_pendingDeleteId == 0)
        return;
    m_undoTimer.stop();
    const qint64 id = m_pendingDeleteId;
    m_pendingDeleteId = 0;
    m_pendingDeleteTitle.clear();
    emit pendingDeleteChanged();
    if (!m_storage)
        return;
    m_storage->run<storage::StorageStatus>(
        this, [id](storage::Connection& db) { return storage::ConversationRepository(db).remove(id); },
        [this, id](const storage::StorageStatus& status) {
            if (!status.ok() && status.code() != storage::StorageErrorCode::NotFound)
                setLastError(tr("Cannot delete the conversation: %1").arg(status.message()));
            // Shown again only once the list no longer has it (ids of deleted rows may be reused).
            reloadConversations([this, id] { m_conversations->setHidden(id, false); });
        });
}

void ChatController::saveThinking()
{
    if (!m_storage || m_currentId == 0)
        return;
    const qint64 id = m_currentId;
    const bool thinking = m_thinking;
    m_storage->run<storage::StorageStatus>(
        this,
        [id, thinking](storage::Connection& db) -> storage::StorageStatus {
            storage::ConversationRepository conversations(db);
            storage::StorageResult<storage::Conversation> conversation = conversations.get(id);
            if (!conversation.ok())
                return conversation.status();
            if (conversation->thinking == thinking)
                return {};
            conversation->thinking = thinking;  // keeps updatedAt: a switch is no new activity
            return conversations.update(conversation.value());
        },
        [this](const storage::StorageStatus& status) {
            if (!status.ok() && status.code() != storage::StorageErrorCode::NotFound)
                setLastError(tr("Cannot save the thinking setting: %1").arg(status.message()));
            reloadConversations();
        });
}

void ChatController::setThinking(bool thinking)
{
    if (m_thinking == thinking)
        return;
    m_thinking = thinking;
    emit thinkingChanged();
    saveThinking();
}

// --- search --------------------------------------------------------------------------------------------------

void ChatController::search(const QString& text)
{
    m_searchText = text;
    const quint64 serial = ++m_searchSerial;
    if (text.trimmed().isEmpty() || !m_storage) {
        m_searchHits.clear();
        emit searchChanged();
        return;
    }
    emit searchChanged();
    using Result = storage::StorageResult<QList<storage::MessageHit>>;
    m_storage->run<Result>(
        this,
        [text](storage::Connection& db) {
            storage::SearchOptions options;
            options.limit = 60;
            options.snippetTokens = 10;
            options.markStart = kMarkStart;
            options.markEnd = kMarkEnd;
            return storage::SearchRepository(db).searchMessages(text, options);
        },
        [this, serial](const Result& result) {
            if (serial != m_searchSerial)
                return;  // the user typed more meanwhile
            m_searchHits.clear();
            if (!result.ok()) {
                setLastError(tr("Cannot search: %1").arg(result.status().message()));
            } else {
                QSet<qint64> seen;
                for (const storage::MessageHit& hit : result.value()) {
                    if (hit.conversationId == m_pendingDeleteId || seen.contains(hit.conversationId))
                        continue;
                    seen.insert(hit.conversationId);
                    m_searchHits.append(QVariantMap{{QStringLiteral("conversationId"), hit.conversationId},
                                                    {QStringLiteral("messageId"), hit.messageId},
                                                    {QStringLiteral("title"), hit.conversationTitle},
                                                    {QStringLiteral("snippet"), snippetHtml(hit.snippet)}});
                }
            }
            emit searchChanged();
        });
}

// --- turns ---------------------------------------------------------------------------------------------------

bool ChatController::send(const QString& text, const QVariantList& attachments, bool thinking, double imageMaxPixels)
{
    const QString question = text.trimmed();
    if (question.isEmpty())
        return false;
    if (!m_chat) {
        setLastError(tr("No database is open, so nothing can be asked or kept."));
        return false;
    }
    if (m_busy) {
        setLastError(tr("Wait for the answer, or stop it, before asking again."));
        return false;
    }
    if (!m_modelReady) {
        setLastError(tr("No model is loaded. Open a model before asking."));
        return false;
    }
    QList<app::ImportedDocument> documents;
#ifdef LECTERN_UI_HAVE_ATTACHMENT_MODEL
    documents = AttachmentListModel::documentsFromVariant(attachments);
#else
    Q_UNUSED(attachments);
#endif
    if (thinking != m_thinking) {
        m_thinking = thinking;  // the turn stores it with the conversation
        emit thinkingChanged();
    }
    // The engine resizes this turn's pictures to the budget their estimate used (queued before the turn).
    app::VisionPixelBudget pixels = m_visionPixels;
    if (imageMaxPixels > 0)
        pixels.imageMaxPixels = qint64(imageMaxPixels);
    m_chat->setVisionBudget(pixels, m_videoSampling);
    startTurn(question, documents, thinking);
    return true;
}

void ChatController::startTurn(const QString& question, const QList<app::ImportedDocument>& attachments, bool thinking)
{
    startTurnIn(m_currentId, question, attachments, thinking);
}

void ChatController::startTurnIn(qint64 conversationId, const QString& question,
                                 const QList<app::ImportedDocument>& attachments, bool thinking)
{
    clearError();
    chat::TurnRequest request;
    if (conversationId != 0)
        request.conversationId = conversationId;
    request.question = question;
    request.attachments = attachments;
    request.thinking = thinking;
    request.sampling = m_sampling;
    m_streamAnswer.clear();
    m_streamReasoning.clear();
    m_prefillDone = 0;
    m_prefillTotal = 0;
    emit prefillChanged();
    // A re-sent question whose conversation was left meanwhile runs unseen, like a turn left while it streams.
    m_viewingTurn = conversationId == m_currentId;
    if (m_viewingTurn)
        m_messages->beginTurn(question);
    setBusy(true);
    // What the API server has running or queued now goes first (ChatService runs in submission order).
    setApiRequestsAhead(m_apiActive);
    m_chat->sendTurn(request);
}

void ChatController::stop()
{
    if (m_resendSerial != 0)
        m_stopBeforeStart = true;  // the turn is not sent yet: it stops as soon as it is
    else if (m_chat && m_busy)
        m_chat->cancel();
}

void ChatController::flushStream()
{
    m_flushTimer.stop();
    if (m_viewingTurn)
        m_messages->appendStreamed(m_streamReasoning, m_streamAnswer);
    m_streamReasoning.clear();
    m_streamAnswer.clear();
}

void ChatController::onTurnStarted(qint64 conversationId, qint64 userMessageId, qint64 assistantMessageId)
{
    if (!m_viewingTurn)
        return;
    if (m_currentId == 0)
        setCurrent(conversationId);  // the new conversation now exists
    m_messages->setTurnIds(userMessageId, assistantMessageId);
    reloadConversations();
}

void ChatController::onTurnFinished(const chat::TurnResult& result)
{
    flushStream();
    if (m_viewingTurn) {
        m_messages->finishTurn(result.answer, result.reasoning, result.stats, result.error);
        if (!result.ok())
            setLastError(result.error);
        else if (result.stats.promptTokens)
            setConversationTokens(qint64(*result.stats.promptTokens) + result.stats.generatedTokens.value_or(0));
    }
    m_viewingTurn = false;
    m_prefillDone = 0;
    m_prefillTotal = 0;
    emit prefillChanged();
    if (m_chat->pendingTurns() == 0)
        setBusy(false);
    reloadConversations();
    emit turnCompleted(result.conversationId, result.assistantMessageId, result.error);
}

bool ChatController::rewindAndSend(int fromRow, qint64 questionId, const QString& question)
{
    if (!m_chat || !m_storage || m_busy || !m_modelReady || fromRow < 0 || m_currentId == 0) {
        if (!m_modelReady)
            setLastError(tr("No model is loaded. Open a model before asking."));
        return false;
    }
    const QList<qint64> ids = m_messages->idsFrom(fromRow);
    m_messages->removeFrom(fromRow);
    setBusy(true);  // nothing else may start until the old turn is gone from storage
    m_stopBeforeStart = false;
    const bool thinking = m_thinking;
    using Result = storage::StorageResult<QList<storage::Attachment>>;
    m_storage->run<Result>(
        this,
        [ids, questionId](storage::Connection& db) -> Result {
            // The replaced question's attachments go with it: the new turn stores them again with the new question.
            QList<storage::Attachment> attachments;
            const storage::StorageStatus status = db.write([&]() -> storage::StorageStatus {
                storage::AttachmentRepository repository(db);
                storage::StorageResult<QList<storage::Attachment>> listed = repository.listForMessage(questionId);
                if (!listed.ok())
                    return listed.status();
                attachments = listed.value();
                for (const storage::Attachment& attachment : std::as_const(attachments))
                    LECTERN_STORAGE_TRY(repository.remove(attachment.id));
                storage::MessageRepository messages(db);
                for (qint64 id : ids)
                    LECTERN_STORAGE_TRY(messages.remove(id));
                return {};
            });
            if (!status.ok())
                return status;
            return attachments;
        },
        [this, question, thinking](const Result& result) {
            if (!result.ok()) {
                setBusy(false);
                setLastError(tr("Cannot remove the old answer: %1").arg(result.status().message()));
                loadMessages();
                return;
            }
            if (result.value().isEmpty()) {
                setBusy(false);
                // The session rewinds to the longest prompt prefix it still holds (engine ChatSession).
                startTurn(question, {}, thinking);
                return;
            }
            // Busy stays on while the attachments are rebuilt (stored text, or the unchanged file imported again).
            app::ImportOptions options;
            options.video = m_videoSampling;
            options.visionPixels = m_visionPixels;
            m_resendConversationId = m_currentId;
            m_resendQuestion = question;
            m_resendThinking = thinking;
            m_resendSerial = m_resender->start(result.value(), options);
        });
    return true;
}

void ChatController::onAttachmentsRebuilt(quint64 serial, const QList<app::ImportedDocument>& documents,
                                          const QStringList& warnings)
{
    if (serial != m_resendSerial)
        return;
    m_resendSerial = 0;
    setBusy(false);
    startTurnIn(m_resendConversationId, m_resendQuestion, documents, m_resendThinking);
    if (!warnings.isEmpty())
        setLastError(warnings.join(QLatin1Char('\n')));
    if (m_stopBeforeStart)
        stop();  // Esc while the attachments were being rebuilt: the question is kept, the answer stops at once
    m_stopBeforeStart = false;
}

bool ChatController::regenerate(qint64 assistantMessageId)
{
    const int row = m_messages->rowOf(assistantMessageId);
    if (assistantMessageId == 0 || row < 1 || m_messages->isUserAt(row) || !m_messages->isUserAt(row - 1))
        return false;
    return rewindAndSend(row - 1, m_messages->idsFrom(row - 1).value(0), m_messages->contentAt(row - 1));
}

bool ChatController::editAndResend(qint64 userMessageId, const QString& text)
{
    const int row = m_messages->rowOf(userMessageId);
    const QString question = text.trimmed();
    if (userMessageId == 0 || row < 0 || !m_messages->isUserAt(row) || question.isEmpty())
        return false;
    return rewindAndSend(row, userMessageId, question);
}

bool ChatController::copyMessage(qint64 messageId)
{
    const int row = m_messages->rowOf(messageId);
    if (messageId == 0 || row < 0)
        return false;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return false;
    clipboard->setText(m_messages->contentAt(row));
    return true;
}

}  // namespace lectern::ui
