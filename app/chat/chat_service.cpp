// chat_service.cpp: the worker thread, the queued calls into TurnRunner and the signals back out of it.
#include "app/chat/chat_service.h"

#include "app/chat/turn_runner.h"

namespace lectern::chat {

ChatService::ChatService(const storage::Database& database, QObject* parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("lectern-inference"));
    m_runner = new TurnRunner(database);
    m_runner->moveToThread(&m_thread);
    // Storage connections must close on the thread that opened them: the runner dies on its own thread.
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);

    // The model the API server answers with: recorded on the worker as soon as it is known (direct connections).
    connect(m_runner, &TurnRunner::modelLoaded, m_runner, [this](const ModelInfo& info) {
        QMutexLocker lock(&m_modelMutex);
        m_currentModel = info;
    }, Qt::DirectConnection);
    connect(m_runner, &TurnRunner::modelLoadFailed, m_runner, [this] {
        QMutexLocker lock(&m_modelMutex);
        m_currentModel.reset();
    }, Qt::DirectConnection);

    // Runner -> service signals cross threads: queued, delivered on this object's thread.
    connect(m_runner, &TurnRunner::modelLoaded, this, &ChatService::modelLoaded);
    connect(m_runner, &TurnRunner::modelLoadFailed, this, &ChatService::modelLoadFailed);
    connect(m_runner, &TurnRunner::turnStarted, this, &ChatService::turnStarted);
    connect(m_runner, &TurnRunner::warning, this, &ChatService::warning);
    connect(m_runner, &TurnRunner::prefillProgress, this, &ChatService::prefillProgress);
    connect(m_runner, &TurnRunner::reasoningDelta, this, &ChatService::reasoningDelta);
    connect(m_runner, &TurnRunner::answerDelta, this, &ChatService::answerDelta);
    connect(m_runner, &TurnRunner::promptEstimated, this, &ChatService::promptEstimated);
    connect(m_runner, &TurnRunner::conversationTokensCounted, this, &ChatService::conversationTokensCounted);
    connect(m_runner, &TurnRunner::turnFinished, this, [this](const TurnResult& result) {
        if (++m_runnerFinished <= m_finishedTurns)
            return;  // cancel() already finished this turn before the worker reached it
        m_finishedTurns = m_runnerFinished;
        --m_pendingTurns;
        emit turnFinished(result);
    });
    m_thread.start();
}

ChatService::~ChatService()
{
    m_runner->cancelThrough(m_sentTurns);
    m_thread.quit();
    m_thread.wait();
}

void ChatService::loadModel(const ModelOptions& options)
{
    TurnRunner* runner = m_runner;
    QMetaObject::invokeMethod(runner, [this, runner, options] {
        {  // the old model is gone once the load starts
            QMutexLocker lock(&m_modelMutex);
            m_currentModel.reset();
        }
        runner->loadModel(options);
    }, Qt::QueuedConnection);
}

namespace {

// A queued completion: if the worker stops before running it (the service is destroyed), the job still finishes,
// as cancelled, so that nobody waits for it forever.
struct PendingCompletion {
    std::shared_ptr<CompletionJob> job;
    bool ran = false;

    ~PendingCompletion()
    {
        if (ran || !job || !job->onFinished)
            return;
        CompletionOutcome outcome;
        outcome.errorKind = CompletionOutcome::ErrorKind::Cancelled;
        outcome.error = ChatService::tr("The request was cancelled: Lectern is shutting down.");
        job->onFinished(outcome);
    }
};

}  // namespace

void ChatService::submitCompletion(std::shared_ptr<CompletionJob> job)
{
    TurnRunner* runner = m_runner;
    auto pending = std::make_shared<PendingCompletion>();
    pending->job = std::move(job);
    QMetaObject::invokeMethod(runner, [runner, pending] {
        pending->ran = true;
        runner->runCompletion(pending->job);
    }, Qt::QueuedConnection);
}

std::optional<ModelInfo> ChatService::currentModel() const
{
    QMutexLocker lock(&m_modelMutex);
    return m_currentModel;
}

void ChatService::sendTurn(const TurnRequest& request)
{
    const quint64 turn = ++m_sentTurns;
    ++m_pendingTurns;
    TurnRunner* runner = m_runner;
    QMetaObject::invokeMethod(runner, [runner, request, turn] { runner->runTurn(request, turn); }, Qt::QueuedConnection);
}

void ChatService::setVisionBudget(const app::VisionPixelBudget& pixels, const app::VideoSampling& sampling)
{
    TurnRunner* runner = m_runner;
    QMetaObject::invokeMethod(runner, [this, runner, pixels, sampling] {
        if (!runner->setVisionBudget(pixels, sampling))
            return;
        QMutexLocker lock(&m_modelMutex);  // what the API server scales pictures to
        if (m_currentModel)
            m_currentModel->visionPixels = pixels;
    }, Qt::QueuedConnection);
}

void ChatService::estimatePrompt(quint64 requestId, qint64 promptTokens)
{
    TurnRunner* runner = m_runner;
    QMetaObject::invokeMethod(runner, [runner, requestId, promptTokens] { runner->estimatePrompt(requestId, promptTokens); },
                              Qt::QueuedConnection);
}

void ChatService::countConversationTokens(qint64 conversationId)
{
    TurnRunner* runner = m_runner;
    QMetaObject::invokeMethod(runner, [runner, conversationId] { runner->countConversationTokens(conversationId); },
                              Qt::QueuedConnection);
}

void ChatService::cancel()
{
    m_runner->cancelThrough(m_sentTurns);
    // The worker enters a turn only after it has finished the one before, and checks the cancel mark on entering:
    // when every turn it has entered has also finished here, the turns after them cannot start any more (they wait
    // behind API completions). Finish them now, in order, rather than when the worker gets to them.
    const quint64 begun = m_runner->begunThrough();
    if (begun > m_finishedTurns || m_finishedTurns >= m_sentTurns)
        return;  // one is running (it stops at its next token and finishes itself), or nothing is waiting
    const quint64 from = m_finishedTurns + 1;
    const quint64 through = m_sentTurns;
    m_finishedTurns = through;
    QMetaObject::invokeMethod(this, [this, from, through] {
        for (quint64 turn = from; turn <= through; ++turn) {
            TurnResult result;
            result.error = TurnRunner::tr("The question was cancelled before it was sent.");  // as the worker says it
            --m_pendingTurns;
            emit turnFinished(result);
        }
    }, Qt::QueuedConnection);
}

}  // namespace lectern::chat
