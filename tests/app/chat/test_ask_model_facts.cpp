// test_ask_model_facts.cpp: what ChatService reports about a loaded model and about prompts before they are sent,
// with the tiny model: the ModelInfo facts (backend, memory, context, KV precision, why "auto" fell back to the
// CPU), the KV precision setting reaching the engine, the prompt estimate (memory, time) and the token count of a
// stored conversation.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "app/chat/chat_service.h"
#include "ask_fixture.h"

using namespace lectern;
using namespace lectern::chat;

namespace {

app::ImportedDocument textDocument(const QString& path, const QString& text)
{
    app::ImportedDocument doc;
    doc.kind = app::DocumentKind::Text;
    doc.sourcePath = path;
    doc.contentHash = QByteArray(64, 'c');
    app::DocumentPage page;
    page.number = 1;
    page.text = text;
    doc.pages.append(page);
    return doc;
}

bool waitFor(QSignalSpy& spy, int timeoutMs = 60000)
{
    for (int waited = 0; spy.isEmpty() && waited < timeoutMs; waited += 50)
        QTest::qWait(50);
    return !spy.isEmpty();
}

}  // namespace

class TestAskModelFacts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    std::optional<storage::Database> m_database;

    // The ModelInfo of a load, or nullopt with *failure.
    std::optional<ModelInfo> load(ChatService& chat, const ModelOptions& options, QString* failure)
    {
        QSignalSpy loaded(&chat, &ChatService::modelLoaded);
        QSignalSpy failed(&chat, &ChatService::modelLoadFailed);
        chat.loadModel(options);
        for (int i = 0; i < 1200 && loaded.isEmpty() && failed.isEmpty(); ++i)
            QTest::qWait(100);
        if (!failed.isEmpty())
            *failure = failed.first().first().toString();
        else if (loaded.isEmpty())
            *failure = QStringLiteral("timed out loading the model");
        if (loaded.isEmpty())
            return std::nullopt;
        return loaded.first().first().value<ModelInfo>();
    }

    PromptEstimate estimate(ChatService& chat, quint64 requestId, qint64 tokens)
    {
        QSignalSpy spy(&chat, &ChatService::promptEstimated);
        chat.estimatePrompt(requestId, tokens);
        if (!waitFor(spy)) {
            PromptEstimate timedOut;
            timedOut.error = QStringLiteral("timed out waiting for promptEstimated");
            return timedOut;
        }
        return spy.first().first().value<PromptEstimate>();
    }

    qint64 countTokens(ChatService& chat, qint64 conversationId)
    {
        QSignalSpy spy(&chat, &ChatService::conversationTokensCounted);
        chat.countConversationTokens(conversationId);
        if (!waitFor(spy))
            return -2;
        if (spy.first().at(0).toLongLong() != conversationId)
            return -3;
        return spy.first().at(1).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_model = testing::makeTinyModel(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
        auto database = storage::Database::open(m_dir.filePath(QStringLiteral("facts.sqlite3")));
        QVERIFY2(database.ok(), qPrintable(database.status().message()));
        m_database = database.value();
    }

    // First, before any Vulkan instance exists in this process: a loader that finds no driver makes "auto" run on
    // the CPU, and ModelInfo says why.
    void autoFallbackGivesTheReason()
    {
        const QByteArray icd = qgetenv("VK_ICD_FILENAMES");
        const QByteArray drivers = qgetenv("VK_DRIVER_FILES");
        const QString missing = m_dir.filePath(QStringLiteral("no-such-icd.json"));
        qputenv("VK_ICD_FILENAMES", missing.toLocal8Bit());
        qputenv("VK_DRIVER_FILES", missing.toLocal8Bit());
        std::optional<ModelInfo> info;
        QString failure;
        {
            ChatService chat(*m_database);
            info = load(chat, {m_model, ComputeDevice::Auto, 1024}, &failure);
        }
        icd.isNull() ? qunsetenv("VK_ICD_FILENAMES") : qputenv("VK_ICD_FILENAMES", icd);
        drivers.isNull() ? qunsetenv("VK_DRIVER_FILES") : qputenv("VK_DRIVER_FILES", drivers);
        QVERIFY2(info, qPrintable(failure));
        QCOMPARE(info->backend, QStringLiteral("cpu"));
        QVERIFY2(info->fallbackReason.contains(QStringLiteral("Vulkan")), qPrintable(info->fallbackReason));
    }

    void cpuFactsAndEstimate()
    {
        ChatService chat(*m_database);
        QString failure;
        ModelOptions options{m_model, ComputeDevice::Cpu, 2048};
        options.kvType = QStringLiteral("q8_0");  // the CPU reference keeps f32 whatever is asked
        const std::optional<ModelInfo> info = load(chat, options, &failure);
        QVERIFY2(info, qPrintable(failure));
        QCOMPARE(info->backend, QStringLiteral("cpu"));
        QVERIFY(info->fallbackReason.isEmpty());  // the CPU was asked for
        QCOMPARE(info->contextLength, qint64(2048));
        QCOMPARE(info->kvType, QStringLiteral("f32"));
        QVERIFY(info->weightBytes > 0);
        QVERIFY(info->sessionBytes > 0);
        QCOMPARE(info->memoryUsedBytes, info->weightBytes + info->sessionBytes);
        QVERIFY(info->maxContextLength >= info->contextLength);

        // Before anything ran: memory but no speed yet.
        PromptEstimate e = estimate(chat, 7, 1500);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        QCOMPARE(e.requestId, quint64(7));
        QCOMPARE(e.promptTokens, qint64(1500));
        QCOMPARE(e.contextLength, qint64(2048));
        QVERIFY(e.fitsContext);
        QCOMPARE(e.bytesNeeded, info->memoryUsedBytes);
        QCOMPARE(e.seconds, 0.0);
        QVERIFY(!estimate(chat, 8, 5000).fitsContext);
        const PromptEstimate negative = estimate(chat, 9, -1);
        QVERIFY2(negative.error.startsWith(QStringLiteral("Cannot estimate the prompt: ")), qPrintable(negative.error));

        // A turn whose prompt has 64+ tokens gives a measured speed; the estimate then has a time.
        QString notes;
        for (int i = 0; i < 40; ++i)
            notes += QStringLiteral("Line %1 of the meeting notes: budget, schedule and staffing. ").arg(i);
        TurnRequest request{std::nullopt, QStringLiteral("Summarise the notes."),
                            {textDocument(m_dir.filePath(QStringLiteral("notes.txt")), notes)}, false, {}};
        request.sampling.seed = 3;
        request.sampling.maxTokens = 4;
        QSignalSpy finished(&chat, &ChatService::turnFinished);
        chat.sendTurn(request);
        QVERIFY(waitFor(finished, 120000));
        const TurnResult result = finished.first().first().value<TurnResult>();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.stats.promptTokens.value_or(0) >= 64);

        e = estimate(chat, 10, 1000);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        QVERIFY(e.tokensPerSecond > 0);
        QVERIFY(e.seconds > 0);
        QVERIFY(qAbs(e.seconds - 1000.0 / e.tokensPerSecond) < 1e-6 * e.seconds + 1e-9);

        // The stored conversation counted again: its history plus the next question's header, at least the
        // prompt the turn had (the answer is added) and no more than that plus the answer re-tokenized as text (at
        // most one token per UTF-8 byte: random weights write special-token names) and a few template tokens.
        const qint64 counted = countTokens(chat, result.conversationId);
        const qint64 prompt = *result.stats.promptTokens;
        const QString counts = QStringLiteral("counted %1, prompt %2, generated %3, answer \"%4\"")
                                   .arg(counted)
                                   .arg(prompt)
                                   .arg(result.stats.generatedTokens.value_or(-1))
                                   .arg(result.answer);
        QVERIFY2(counted >= prompt, qPrintable(counts));
        QVERIFY2(counted <= prompt + result.answer.toUtf8().size() + 16, qPrintable(counts));
        QCOMPARE(countTokens(chat, 987654), qint64(-1));  // no such conversation
    }

    void withoutModel()
    {
        ChatService chat(*m_database);
        const PromptEstimate e = estimate(chat, 1, 100);
        QVERIFY2(e.error.startsWith(QStringLiteral("No model is loaded")), qPrintable(e.error));
        QCOMPARE(countTokens(chat, 1), qint64(-1));
    }

    void unknownKvTypeIsRefused()
    {
        ChatService chat(*m_database);
        QString failure;
        ModelOptions options{m_model, ComputeDevice::Cpu, 1024};
        options.kvType = QStringLiteral("q4");
        QVERIFY(!load(chat, options, &failure));
        QVERIFY2(failure.contains(QStringLiteral("q4")) && failure.contains(QStringLiteral("q8_0")), qPrintable(failure));
    }

    // On Vulkan (lavapipe here) the KV precision reaches the engine: q8_0 is reported and its session is smaller.
    void vulkanKvPrecision()
    {
        ChatService chat(*m_database);
        QString failure;
        ModelOptions options{m_model, ComputeDevice::Vulkan, 4096};
        options.kvType = QStringLiteral("f16");
        const std::optional<ModelInfo> f16 = load(chat, options, &failure);
        QVERIFY2(f16, qPrintable(failure));
        options.kvType = QStringLiteral("q8_0");
        const std::optional<ModelInfo> q8 = load(chat, options, &failure);
        QVERIFY2(q8, qPrintable(failure));
        QCOMPARE(f16->backend, QStringLiteral("vulkan"));
        QVERIFY(!f16->deviceName.isEmpty());
        QCOMPARE(f16->kvType, QStringLiteral("f16"));
        QCOMPARE(q8->kvType, QStringLiteral("q8_0"));
        QVERIFY2(q8->sessionBytes < f16->sessionBytes,
                 qPrintable(QStringLiteral("%1 vs %2").arg(q8->sessionBytes).arg(f16->sessionBytes)));
        QVERIFY(f16->memoryTotalBytes > 0);
        QVERIFY(f16->memoryUsedBytes <= f16->memoryTotalBytes);
        QVERIFY(f16->maxContextLength >= 4096);
        const PromptEstimate e = estimate(chat, 2, 3000);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        QCOMPARE(e.bytesAvailable, q8->memoryTotalBytes);
        QVERIFY(e.fitsMemory);
    }
};

QTEST_GUILESS_MAIN(TestAskModelFacts)
#include "test_ask_model_facts.moc"
