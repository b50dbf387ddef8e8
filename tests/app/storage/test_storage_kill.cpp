// test_storage_kill.cpp: durability under SIGKILL. A writer process (storage_kill_writer) creates
// conversations and streams answers; it is killed at seeded random moments 50 times. After each kill the
// database must open, pass PRAGMA integrity_check (and the FTS5 index check), and hold everything the
// writer reported as committed.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/message_repository.h"
#include "test_support.h"

using namespace lectern::storage;
using namespace lectern::storage::testing;

namespace {

struct Reported {
    qint64 conversationId = 0;
    int contentLength = 0;
    int reasoningLength = 0;
    QByteArray contentSha;
    QByteArray reasoningSha;
    bool finished = false;
};

QByteArray sha(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

}  // namespace

class TestStorageKill : public QObject {
    Q_OBJECT

private slots:
    void survivesFiftyKills()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(Database::fileName());
        QRandomGenerator random(20250301);  // seeded: every run kills at the same planned moments

        QHash<qint64, QString> conversationTitles;
        QHash<qint64, Reported> messages;  // latest report per message
        int killsMidAnswer = 0;
        int totalCommits = 0;
        QElapsedTimer total;
        total.start();

        for (int run = 0; run < 50; ++run) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(LECTERN_STORAGE_KILL_WRITER), {path, QString::number(run)});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            if (run % 5 == 0) {
                // Now and then (the first run too), kill it early: while it creates, migrates or opens the
                // database, or writes its first rows.
                QThread::msleep(random.bounded(0, 40));
            } else {
                QElapsedTimer ready;
                ready.start();
                while (!writer.canReadLine() && ready.elapsed() < 10000 && writer.state() == QProcess::Running)
                    writer.waitForReadyRead(100);
                QVERIFY2(writer.state() == QProcess::Running,
                         qPrintable(QString::fromUtf8(writer.readAllStandardError())));
                QThread::msleep(random.bounded(20, 150));
            }
            QVERIFY2(writer.state() == QProcess::Running,
                     qPrintable(QStringLiteral("run %1: the writer stopped by itself: %2")
                                    .arg(run)
                                    .arg(QString::fromUtf8(writer.readAllStandardError()))));
            writer.kill();  // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            // What it said it had committed.
            // Only complete lines count: whatever follows the last newline may have been cut off by the kill.
            QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
            lines.removeLast();
            bool unfinishedAnswer = false;
            for (const QByteArray& raw : lines) {
                const QStringList f = QString::fromUtf8(raw).split(QLatin1Char(' '));
                if (f[0] == QStringLiteral("conversation") && f.size() == 3) {
                    conversationTitles.insert(f[1].toLongLong(), f[2]);
                } else if (f[0] == QStringLiteral("message") && f.size() == 5) {
                    Reported r;
                    r.conversationId = f[2].toLongLong();
                    r.contentLength = f[3].toInt();
                    r.contentSha = f[4].toLatin1();
                    r.reasoningSha = sha(QString());
                    r.finished = true;
                    messages.insert(f[1].toLongLong(), r);
                } else if (f[0] == QStringLiteral("stream") && f.size() == 8) {
                    Reported r;
                    r.conversationId = f[2].toLongLong();
                    r.contentLength = f[3].toInt();
                    r.reasoningLength = f[4].toInt();
                    r.contentSha = f[5].toLatin1();
                    r.reasoningSha = f[6].toLatin1();
                    r.finished = f[7] == QStringLiteral("1");
                    messages.insert(f[1].toLongLong(), r);
                    unfinishedAnswer = !r.finished;
                    ++totalCommits;
                } else {
                    QVERIFY2(f[0] == QStringLiteral("ready"),
                             qPrintable(QStringLiteral("unexpected line: ") + QString::fromUtf8(raw)));
                }
            }
            if (unfinishedAnswer)
                ++killsMidAnswer;

            // What is in the database, opened the way the app opens it after a crash.
            StorageResult<Database> db = Database::open(path);
            QVERIFY2(db.ok(), qPrintable(QStringLiteral("run %1: %2").arg(run).arg(db.status().message())));
            auto connection = db->openWriter();
            LECTERN_VERIFY_OK(connection);
            Connection& c = *connection.value();
            const StorageStatus integrity = Database::checkIntegrity(c);
            QVERIFY2(integrity.ok(), qPrintable(QStringLiteral("run %1: %2").arg(run).arg(integrity.message())));
            LECTERN_VERIFY_OK(c.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")));

            ConversationRepository conversationRepository(c);
            for (auto it = conversationTitles.cbegin(); it != conversationTitles.cend(); ++it) {
                auto conversation = conversationRepository.get(it.key());
                QVERIFY2(conversation.ok(), qPrintable(QStringLiteral("run %1: conversation %2 lost: %3")
                                                           .arg(run).arg(it.key()).arg(conversation.status().message())));
                QCOMPARE(conversation->title, it.value());
            }
            MessageRepository messageRepository(c);
            for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
                auto message = messageRepository.get(it.key());
                QVERIFY2(message.ok(), qPrintable(QStringLiteral("run %1: message %2 lost").arg(run).arg(it.key())));
                const Reported& r = it.value();
                QCOMPARE(message->conversationId, r.conversationId);
                QVERIFY2(message->content.size() >= r.contentLength && message->reasoning.size() >= r.reasoningLength,
                         qPrintable(QStringLiteral("run %1: message %2 is shorter than committed").arg(run).arg(it.key())));
                QCOMPARE(sha(message->content.left(r.contentLength)), r.contentSha);
                QCOMPARE(sha(message->reasoning.left(r.reasoningLength)), r.reasoningSha);
                if (r.finished) {
                    QCOMPARE(message->content.size(), r.contentLength);
                    if (message->role == MessageRole::Assistant)
                        QCOMPARE(message->finishReason, FinishReason::Stop);
                }
            }
        }
        qInfo("50 kills in %lld ms: %d streamed commits reported, %lld messages, %d kills mid-answer",
              total.elapsed(), totalCommits, qint64(messages.size()), killsMidAnswer);
        // The test means something only if kills landed while answers were being streamed.
        QVERIFY2(killsMidAnswer >= 10, qPrintable(QStringLiteral("only %1 kills mid-answer").arg(killsMidAnswer)));
        QVERIFY2(totalCommits >= 50, qPrintable(QStringLiteral("only %1 commits").arg(totalCommits)));
    }
};

QTEST_GUILESS_MAIN(TestStorageKill)
#include "test_storage_kill.moc"
