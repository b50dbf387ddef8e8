// storage_kill_writer.cpp: victim process for the SIGKILL durability test. Writes conversations and streams
// answers into the database given on the command line, forever, printing each commit after it returned:
//   ready
//   conversation <id> <title>
//   message <id> <conversationId> <contentLength> <sha256(content)>
//   stream <id> <conversationId> <contentLength> <reasoningLength> <sha256(content prefix)> <sha256(reasoning prefix)> <finished 0|1>
// Lengths are UTF-16 code units; hashes are over the UTF-8 of that prefix. Usage: storage_kill_writer DB SEED
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>

#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/message_repository.h"
#include "app/storage/streaming_message_writer.h"

using namespace lectern::storage;

namespace {

QByteArray sha(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

void say(const QString& line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int fail(const StorageStatus& status)
{
    std::fprintf(stderr, "storage_kill_writer: %s\n", status.message().toUtf8().constData());
    return 1;
}

const QStringList kTokens = {
    QStringLiteral("the "), QStringLiteral("fjord "), QStringLiteral("Gletscher "), QStringLiteral("na\u00efve "),
    QStringLiteral("\u65e5\u672c "), QStringLiteral("\U0001F642 "), QStringLiteral("data, "),
    QStringLiteral("\"quoted\" "), QStringLiteral("line\n"), QStringLiteral("caf\u00e9 ")};

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: storage_kill_writer DB SEED\n");
        return 2;
    }
    const quint32 seed = args[2].toUInt();
    QRandomGenerator random(seed);

    StorageResult<Database> db = Database::open(args[1]);
    if (!db.ok())
        return fail(db.status());
    StorageResult<std::unique_ptr<Connection>> writerResult = db->openWriter();
    if (!writerResult.ok())
        return fail(writerResult.status());
    Connection& writer = *writerResult.value();
    say(QStringLiteral("ready"));

    ConversationRepository conversations(writer);
    MessageRepository messages(writer);
    for (int k = 0;; ++k) {
        Conversation conversation;
        conversation.title = QStringLiteral("kill-%1-%2-\u2713").arg(seed).arg(k);
        conversation.thinking = true;
        StorageResult<qint64> conversationId = conversations.create(conversation);
        if (!conversationId.ok())
            return fail(conversationId.status());
        say(QStringLiteral("conversation %1 %2").arg(conversationId.value()).arg(conversation.title));

        for (int turn = 0; turn < 3; ++turn) {
            Message question;
            question.conversationId = conversationId.value();
            question.content = QStringLiteral("Question %1 of run %2: wie geht's? \U0001F914").arg(turn).arg(seed);
            StorageResult<qint64> questionId = messages.append(question);
            if (!questionId.ok())
                return fail(questionId.status());
            say(QStringLiteral("message %1 %2 %3 %4")
                    .arg(questionId.value())
                    .arg(conversationId.value())
                    .arg(question.content.size())
                    .arg(QString::fromLatin1(sha(question.content))));

            StreamingMessageWriter stream(writer, StreamingMessageWriter::Policy{5, 64});
            stream.setCommitCallback([&](const StreamingMessageWriter::Commit& commit) {
                say(QStringLiteral("stream %1 %2 %3 %4 %5 %6 %7")
                        .arg(commit.messageId)
                        .arg(conversationId.value())
                        .arg(commit.contentLength)
                        .arg(commit.reasoningLength)
                        .arg(QString::fromLatin1(sha(stream.content().left(commit.contentLength))))
                        .arg(QString::fromLatin1(sha(stream.reasoning().left(commit.reasoningLength))))
                        .arg(commit.finished ? 1 : 0));
            });
            StorageResult<qint64> answerId = stream.begin(conversationId.value());
            if (!answerId.ok())
                return fail(answerId.status());
            const int reasoningTokens = int(random.bounded(0, 20));
            const int contentTokens = int(random.bounded(10, 80));
            for (int t = 0; t < reasoningTokens + contentTokens; ++t) {
                const QString& token = kTokens[int(random.bounded(qsizetype(kTokens.size())))];
                StorageStatus status = t < reasoningTokens ? stream.appendReasoning(token) : stream.appendContent(token);
                if (!status.ok())
                    return fail(status);
                QThread::usleep(300);  // a fast token rate, like a small model on a GPU
            }
            GenerationStats stats;
            stats.generatedTokens = reasoningTokens + contentTokens;
            stats.tokensPerSecond = 3000.0;
            StorageStatus finished = stream.finish(stats);
            if (!finished.ok())
                return fail(finished);
        }
    }
}
