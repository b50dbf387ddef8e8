// test_ask_service.cpp: ChatService in process, as the window uses it, with the tiny model on the CPU: signals arrive
// on the UI thread in order (started, deltas, finished once), the streamed deltas are the stored answer, attachments
// are stored with their text, cancelling keeps the partial answer, and failures (no model, bad model, unknown
// conversation) end the turn with a clear error and store nothing.
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "app/chat/chat_service.h"
#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/message_repository.h"
#include "ask_fixture.h"

using namespace lectern;
using namespace lectern::chat;

namespace {

// Waits for the next turnFinished (or times out with an error result).
TurnResult waitForTurn(ChatService& chat, int timeoutMs = 60000)
{
    TurnResult result;
    result.error = QStringLiteral("timed out waiting for turnFinished");
    QEventLoop loop;
    QObject::connect(&chat, &ChatService::turnFinished, &loop, [&](const TurnResult& finished) {
        result = finished;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

app::ImportedDocument textDocument(const QString& path, const QString& text)
{
    app::ImportedDocument doc;
    doc.kind = app::DocumentKind::Text;
    doc.sourcePath = path;
    doc.contentHash = QByteArray(64, 'a');
    app::DocumentPage page;
    page.number = 1;
    page.text = text;
    doc.pages.append(page);
    return doc;
}

}  // namespace

class TestAskService : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    std::optional<storage::Database> m_database;

    bool loadModel(ChatService& chat, const QString& path, QString* failure = nullptr)
    {
        QSignalSpy loaded(&chat, &ChatService::modelLoaded);
        QSignalSpy failed(&chat, &ChatService::modelLoadFailed);
        chat.loadModel({path, ComputeDevice::Cpu, 2048});
        for (int i = 0; i < 600 && loaded.isEmpty() && failed.isEmpty(); ++i)
            QTest::qWait(100);
        if (failure && !failed.isEmpty())
            *failure = failed.first().first().toString();
        return !loaded.isEmpty();
    }

    int conversationCount()
    {
        auto reader = m_database->openReader();
        auto list = storage::ConversationRepository(*reader.value()).list();
        return list.ok() ? int(list->size()) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_model = testing::makeTinyModel(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
        auto database = storage::Database::open(m_dir.filePath(QStringLiteral("service.sqlite3")));
        QVERIFY2(database.ok(), qPrintable(database.status().message()));
        m_database = database.value();
    }

    void badModelFailsToLoad()
    {
        ChatService chat(*m_database);
        QString failure;
        QVERIFY(!loadModel(chat, m_dir.filePath(QStringLiteral("nothing.gguf")), &failure));
        QVERIFY2(failure.startsWith(QStringLiteral("Cannot load the model ")), qPrintable(failure));
        QVERIFY(failure.contains(QStringLiteral("nothing.gguf")));
    }

    void turnWithoutModelFails()
    {
        ChatService chat(*m_database);
        chat.sendTurn({std::nullopt, QStringLiteral("Hi"), {}, false, {}});
        const TurnResult result = waitForTurn(chat);
        QVERIFY2(result.error.startsWith(QStringLiteral("No model is loaded.")), qPrintable(result.error));
        QCOMPARE(result.conversationId, qint64(0));
        QCOMPARE(chat.pendingTurns(), 0);
    }

    void streamsStoresAndContinues()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, m_model));
        QStringList events;
        QString streamed;
        QThread* uiThread = QThread::currentThread();
        bool allOnUiThread = true;
        connect(&chat, &ChatService::turnStarted, this, [&] { events << QStringLiteral("started"); });
        connect(&chat, &ChatService::warning, this, [&] { events << QStringLiteral("warning"); });
        connect(&chat, &ChatService::answerDelta, this, [&](const QString& delta) {
            allOnUiThread = allOnUiThread && QThread::currentThread() == uiThread;
            if (events.isEmpty() || events.last() != QStringLiteral("delta"))
                events << QStringLiteral("delta");
            streamed += delta;
        });
        connect(&chat, &ChatService::turnFinished, this, [&] { events << QStringLiteral("finished"); });

        app::ImportedDocument picture;
        picture.kind = app::DocumentKind::Image;
        picture.sourcePath = m_dir.filePath(QStringLiteral("cat.png"));
        picture.contentHash = QByteArray(64, 'b');
        TurnRequest request{std::nullopt, QStringLiteral("What do the notes say?"),
                            {textDocument(m_dir.filePath(QStringLiteral("notes.txt")), QStringLiteral("Meeting on Tuesday.")), picture},
                            false, {}};
        request.sampling.seed = 11;
        request.sampling.maxTokens = 10;
        chat.sendTurn(request);
        QCOMPARE(chat.pendingTurns(), 1);
        const TurnResult result = waitForTurn(chat);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(chat.pendingTurns(), 0);
        QVERIFY(allOnUiThread);
        QCOMPARE(events, (QStringList{QStringLiteral("warning"), QStringLiteral("started"), QStringLiteral("delta"), QStringLiteral("finished")}));
        QCOMPARE(streamed, result.answer);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.stats.generatedTokens.value_or(0) >= 1);

        auto reader = m_database->openReader();
        QVERIFY(reader.ok());
        auto messages = storage::MessageRepository(*reader.value()).listForConversation(result.conversationId);
        QVERIFY(messages.ok());
        QCOMPARE(messages->size(), 2);
        QCOMPARE(messages->at(1).id, result.assistantMessageId);
        QCOMPARE(messages->at(1).content, streamed);
        QCOMPARE(messages->at(1).finishReason, result.stats.finishReason);
        QCOMPARE(messages->at(1).promptTokens, result.stats.promptTokens);
        auto attachments = storage::AttachmentRepository(*reader.value()).listForMessage(result.userMessageId);
        QVERIFY(attachments.ok());
        QCOMPARE(attachments->size(), 2);
        QCOMPARE(attachments->at(0).kind, QStringLiteral("text"));
        QCOMPARE(attachments->at(0).extractedText, std::optional<QString>(QStringLiteral("Meeting on Tuesday.")));
        QCOMPARE(attachments->at(1).kind, QStringLiteral("image"));
        QCOMPARE(attachments->at(1).extractedText, std::optional<QString>());

        // A follow-up in the same session: the history is longer, so is the prompt.
        TurnRequest followUp{result.conversationId, QStringLiteral("And then?"), {}, false, {}};
        followUp.sampling.maxTokens = 4;
        chat.sendTurn(followUp);
        const TurnResult second = waitForTurn(chat);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.conversationId, result.conversationId);
        QVERIFY(second.stats.promptTokens.value_or(0) > result.stats.promptTokens.value_or(0));
        messages = storage::MessageRepository(*reader.value()).listForConversation(result.conversationId);
        QCOMPARE(messages->size(), 4);
    }

    void cancelKeepsThePartialAnswer()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, m_model));
        const int before = conversationCount();
        // Thinking on, no token limit: the random model stays in its reasoning block, far from any stop token.
        TurnRequest running{std::nullopt, QStringLiteral("Think long."), {}, true, {}};
        running.sampling.seed = 3;
        QSignalSpy reasoning(&chat, &ChatService::reasoningDelta);
        QSignalSpy finished(&chat, &ChatService::turnFinished);
        chat.sendTurn(running);
        // Queued behind it, so the worker cannot have taken it yet when cancel() comes.
        chat.sendTurn({std::nullopt, QStringLiteral("Never mind."), {}, false, {}});
        QTRY_VERIFY_WITH_TIMEOUT(!reasoning.isEmpty(), 60000);
        chat.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);

        const TurnResult result = finished.at(0).at(0).value<TurnResult>();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.stats.finishReason, storage::FinishReason::Cancelled);
        QVERIFY(!result.reasoning.isEmpty());
        auto reader = m_database->openReader();
        auto stored = storage::MessageRepository(*reader.value()).get(result.assistantMessageId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->finishReason, storage::FinishReason::Cancelled);
        QCOMPARE(stored->reasoning, result.reasoning);

        // The queued turn never started: nothing of it is stored.
        const TurnResult dropped = finished.at(1).at(0).value<TurnResult>();
        QVERIFY2(dropped.error.startsWith(QStringLiteral("The question was cancelled")), qPrintable(dropped.error));
        QCOMPARE(conversationCount(), before + 1);
    }

    void cancelFinishesATurnWaitingBehindAnApiCompletion()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, m_model));
        const int before = conversationCount();
        // An API completion holds the worker (its prefill callback waits for the test to let it go).
        std::atomic<bool> release{false};
        std::atomic<bool> holding{false};
        std::atomic<int> jobFinished{0};
        auto job = std::make_shared<CompletionJob>();
        job->request.messages.push_back(lectern::ChatMessage::make(lectern::ChatRole::User, "Hold on."));
        job->settings.max_tokens = 2;
        job->onPrefillProgress = [&](int64_t, int64_t) {
            holding = true;
            while (!release.load())
                QThread::msleep(5);
        };
        job->onFinished = [&](const CompletionOutcome&) { ++jobFinished; };
        chat.submitCompletion(job);
        QTRY_VERIFY_WITH_TIMEOUT(holding.load(), 60000);

        QSignalSpy started(&chat, &ChatService::turnStarted);
        QSignalSpy finished(&chat, &ChatService::turnFinished);
        chat.sendTurn({std::nullopt, QStringLiteral("First"), {}, false, {}});
        chat.sendTurn({std::nullopt, QStringLiteral("Second"), {}, false, {}});
        QCOMPARE(chat.pendingTurns(), 2);
        chat.cancel();
        // Both end while the worker is still busy with the completion.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QVERIFY(holding.load() && jobFinished.load() == 0);
        QCOMPARE(chat.pendingTurns(), 0);
        for (const QList<QVariant>& signal : std::as_const(finished)) {
            const TurnResult result = signal.at(0).value<TurnResult>();
            QVERIFY2(result.error.startsWith(QStringLiteral("The question was cancelled")), qPrintable(result.error));
        }

        // When the worker gets to them they do not run, and nothing finishes twice.
        release = true;
        QTRY_COMPARE_WITH_TIMEOUT(jobFinished.load(), 1, 60000);
        chat.sendTurn({std::nullopt, QStringLiteral("Third"), {}, false, {}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 3);
        QVERIFY2(finished.at(2).at(0).value<TurnResult>().ok(), qPrintable(finished.at(2).at(0).value<TurnResult>().error));
        QCOMPARE(started.size(), 1);
        QCOMPARE(conversationCount(), before + 1);
        QCOMPARE(chat.pendingTurns(), 0);
    }

    void currentModelCarriesTheImageBudgetInForce()
    {
        ChatService chat(*m_database);
        QVERIFY(!chat.currentModel());
        QVERIFY(loadModel(chat, m_model));
        QVERIFY(chat.currentModel());
        QCOMPARE(chat.currentModel()->visionPixels.imageMaxPixels, app::VisionPixelBudget().imageMaxPixels);
        // A new budget reaches what the API server reads...
        app::VisionPixelBudget smaller;
        smaller.imageMaxPixels = 262144;
        chat.setVisionBudget(smaller, {});
        QTRY_COMPARE_WITH_TIMEOUT(chat.currentModel()->visionPixels.imageMaxPixels, qint64(262144), 10000);
        // ...and one the engine refuses (minimum above maximum) leaves it as it was, with a warning.
        QSignalSpy warnings(&chat, &ChatService::warning);
        app::VisionPixelBudget refused;
        refused.imageMinPixels = 1 << 20;
        refused.imageMaxPixels = 1 << 16;
        chat.setVisionBudget(refused, {});
        QTRY_VERIFY_WITH_TIMEOUT(!warnings.isEmpty(), 10000);
        QCOMPARE(chat.currentModel()->visionPixels.imageMaxPixels, qint64(262144));
    }

    void unknownConversationStoresNothing()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, m_model));
        const int before = conversationCount();
        chat.sendTurn({qint64(424242), QStringLiteral("Hello?"), {}, false, {}});
        const TurnResult result = waitForTurn(chat);
        QVERIFY2(result.error.startsWith(QStringLiteral("There is no conversation 424242")), qPrintable(result.error));
        QCOMPARE(conversationCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestAskService)
#include "test_ask_service.moc"
