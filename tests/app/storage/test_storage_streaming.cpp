// test_storage_streaming.cpp: StreamingMessageWriter commits streamed text by time and by size, finishes
// with statistics in one commit, and a second connection sees exactly what was committed so far.
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/message_repository.h"
#include "app/storage/streaming_message_writer.h"
#include "test_support.h"

using namespace lectern::storage;
using namespace lectern::storage::testing;

class TestStorageStreaming : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Connection> m_writer;
    std::unique_ptr<Connection> m_reader;
    qint64 m_conversation = 0;

    Message stored(qint64 id) { return MessageRepository(*m_reader).get(id).value(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        StorageResult<Database> db = Database::open(m_dir.filePath(Database::fileName()));
        LECTERN_VERIFY_OK(db);
        m_db = std::make_unique<Database>(db.value());
        m_writer = std::move(m_db->openWriter().value());
        m_reader = std::move(m_db->openReader().value());
        m_conversation = ConversationRepository(*m_writer).create({}).value();
    }

    void commitsEveryAppendWithZeroInterval()
    {
        StreamingMessageWriter stream(*m_writer, {0, 1 << 20});
        QList<StreamingMessageWriter::Commit> commits;
        stream.setCommitCallback([&](const StreamingMessageWriter::Commit& c) { commits << c; });
        auto id = stream.begin(m_conversation);
        LECTERN_VERIFY_OK(id);
        QCOMPARE(commits.size(), 1);  // the empty message itself is committed first
        QCOMPARE(stored(id.value()).role, MessageRole::Assistant);
        QCOMPARE(stored(id.value()).finishReason, FinishReason::None);

        LECTERN_VERIFY_OK(stream.appendReasoning(QStringLiteral("Let me think")));
        QCOMPARE(stored(id.value()).reasoning, QStringLiteral("Let me think"));
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("Grüße ")));
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("\U0001F44B")));
        QCOMPARE(stored(id.value()).content, QStringLiteral("Grüße \U0001F44B"));
        QCOMPARE(commits.size(), 4);
        QCOMPARE(commits.last().contentLength, int(QStringLiteral("Grüße \U0001F44B").size()));
        QCOMPARE(commits.last().reasoningLength, 12);
        QVERIFY(!commits.last().finished);
    }

    void batchesUntilIntervalOrSize()
    {
        StreamingMessageWriter stream(*m_writer, {60000, 10});  // effectively: by size only
        int commits = 0;
        stream.setCommitCallback([&](const StreamingMessageWriter::Commit&) { ++commits; });
        const qint64 id = stream.begin(m_conversation).value();
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("abc")));
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("def")));
        QCOMPARE(stored(id).content, QString());  // pending, not yet committed
        QVERIFY(stream.hasPending());
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("ghij")));  // 10 pending: commit
        QCOMPARE(stored(id).content, QStringLiteral("abcdefghij"));
        QCOMPARE(commits, 2);
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("k")));
        QCOMPARE(stored(id).content, QStringLiteral("abcdefghij"));
        LECTERN_VERIFY_OK(stream.flush());
        QCOMPARE(stored(id).content, QStringLiteral("abcdefghijk"));
        LECTERN_VERIFY_OK(stream.flush());  // nothing pending: no commit
        QCOMPARE(commits, 3);

        StreamingMessageWriter timed(*m_writer, {30, 1 << 20});
        const qint64 timedId = timed.begin(m_conversation).value();
        LECTERN_VERIFY_OK(timed.appendContent(QStringLiteral("early")));
        QCOMPARE(stored(timedId).content, QString());
        QThread::msleep(40);
        LECTERN_VERIFY_OK(timed.appendContent(QStringLiteral(" late")));  // the interval has passed
        QCOMPARE(stored(timedId).content, QStringLiteral("early late"));
    }

    void finishCommitsTextAndStatsTogether()
    {
        StreamingMessageWriter stream(*m_writer, {60000, 1 << 20});
        QList<StreamingMessageWriter::Commit> commits;
        stream.setCommitCallback([&](const StreamingMessageWriter::Commit& c) { commits << c; });
        const qint64 id = stream.begin(m_conversation).value();
        LECTERN_VERIFY_OK(stream.appendReasoning(QStringLiteral("hmm")));
        LECTERN_VERIFY_OK(stream.appendContent(QStringLiteral("Done.")));
        GenerationStats stats;
        stats.finishReason = FinishReason::Stop;
        stats.reasoningMs = 1500;
        stats.promptTokens = 100;
        stats.generatedTokens = 7;
        stats.tokensPerSecond = 12.25;
        LECTERN_VERIFY_OK(stream.finish(stats));
        QCOMPARE(commits.size(), 2);
        QVERIFY(commits.last().finished);
        const Message m = stored(id);
        QCOMPARE(m.content, QStringLiteral("Done."));
        QCOMPARE(m.reasoning, QStringLiteral("hmm"));
        QCOMPARE(m.finishReason, FinishReason::Stop);
        QCOMPARE(m.reasoningMs, std::optional<qint64>(1500));
        QCOMPARE(m.tokensPerSecond, std::optional<double>(12.25));

        // After finish() the writer takes no more text; a second finish() is a no-op.
        QCOMPARE(stream.appendContent(QStringLiteral("more")).code(), StorageErrorCode::InvalidArgument);
        LECTERN_VERIFY_OK(stream.finish(stats));
        QCOMPARE(commits.size(), 2);
    }

    void misuseIsReported()
    {
        StreamingMessageWriter stream(*m_writer);
        QCOMPARE(stream.appendContent(QStringLiteral("x")).code(), StorageErrorCode::InvalidArgument);
        QCOMPARE(stream.finish({}).code(), StorageErrorCode::InvalidArgument);
        QCOMPARE(stream.begin(987654).status().code(), StorageErrorCode::NotFound);
        StreamingMessageWriter twice(*m_writer);
        LECTERN_VERIFY_OK(twice.begin(m_conversation));
        QCOMPARE(twice.begin(m_conversation).status().code(), StorageErrorCode::InvalidArgument);
    }

    void busyCommitKeepsTextPending()
    {
        // Another connection holds the write lock: the commit fails with Busy, the text stays pending and
        // goes out with the next successful commit.
        auto other = m_db->openWriter();
        LECTERN_VERIFY_OK(other);
        auto shortWriter = Connection::open(m_db->path(), Connection::Mode::ReadWrite, 50);
        LECTERN_VERIFY_OK(shortWriter);
        StreamingMessageWriter impatient(*shortWriter.value(), {0, 1 << 20});
        const qint64 impatientId = impatient.begin(m_conversation).value();
        LECTERN_VERIFY_OK(other.value()->exec(QStringLiteral("BEGIN IMMEDIATE")));
        QCOMPARE(impatient.appendContent(QStringLiteral("first ")).code(), StorageErrorCode::Busy);
        QVERIFY(impatient.hasPending());
        LECTERN_VERIFY_OK(other.value()->exec(QStringLiteral("COMMIT")));
        LECTERN_VERIFY_OK(impatient.appendContent(QStringLiteral("second")));
        QCOMPARE(stored(impatientId).content, QStringLiteral("first second"));
        QVERIFY(!impatient.hasPending());
    }
};

QTEST_GUILESS_MAIN(TestStorageStreaming)
#include "test_storage_streaming.moc"
