// test_ask_cli.cpp: end to end, the real `lectern ask` program with a tiny random-weight model made by lectern-cli,
// with no display and no Qt platform set: a turn with an attached text file is stored (conversation, 2 messages,
// the attachment) and `lectern export` reads back exactly the streamed answer; the prompt the model saw has the
// token count of the hand-written expected conversation; a follow-up continues it; seeded and greedy answers
// repeat; Vulkan works too; images give a warning; bad input gives the documented exit codes and messages.
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "ask_fixture.h"

using namespace lectern::chat::testing;

#ifndef LECTERN_APP_PATH
#error "test_ask_cli needs the lectern program (LECTERN_APP_PATH): build with LECTERN_BUILD_APP=ON"
#endif

namespace {

const QString kNotes = QStringLiteral("Die Sitzung ist am Dienstag um 10 Uhr in Raum \u00dc3.\n"
                                      "Bring the \"blue\" folder, and <nothing> else.\n");

QJsonObject userMessage(const QString& content)
{
    return {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), content}};
}

QJsonObject conversationRequest(const QJsonArray& messages, bool thinking = false)
{
    return {{QStringLiteral("messages"), messages}, {QStringLiteral("enable_thinking"), thinking}};
}

}  // namespace

class TestAskCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    QString m_db;
    QString m_notes;
    QString m_question = QStringLiteral("Wann ist die Sitzung?");
    qint64 m_conversation = 0;
    QString m_firstAnswer;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No display and no platform: only a window-less path can work.
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("xdg-cache")));
        // A private (0700) runtime folder, as a desktop session has: Qt warns on stderr without one.
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
        return env;
    }

    ProcessRun lectern(const QString& command, const QStringList& args) const
    {
        return runProcess(QStringLiteral(LECTERN_APP_PATH), QStringList{command} + args, environment());
    }

    // `lectern ask` on the test database and model, on the CPU unless the arguments say otherwise.
    ProcessRun ask(const QStringList& args) const
    {
        QStringList all{QStringLiteral("--model"), m_model, QStringLiteral("--db"), m_db};
        if (!args.contains(QStringLiteral("--device")))
            all << QStringLiteral("--device") << QStringLiteral("cpu");
        return lectern(QStringLiteral("ask"), all + args);
    }

    static qint64 conversationIdFrom(const ProcessRun& run)
    {
        static const QRegularExpression line(QStringLiteral("^conversation (\\d+)$"), QRegularExpression::MultilineOption);
        QRegularExpressionMatchIterator it = line.globalMatch(run.err);
        qint64 id = 0;
        while (it.hasNext())
            id = it.next().captured(1).toLongLong();
        return id;
    }

    // The conversation as `lectern export --format json` writes it; an empty object (and a failed check) otherwise.
    QJsonObject exported(qint64 id) const
    {
        const ProcessRun run = lectern(QStringLiteral("export"), {QStringLiteral("--db"), m_db, QStringLiteral("--conversation"),
                                                                  QString::number(id), QStringLiteral("--format"), QStringLiteral("json")});
        if (run.exitCode != 0) {
            qWarning("lectern export failed (%d): %s", run.exitCode, qPrintable(run.err));
            return {};
        }
        const QJsonArray conversations = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("conversations")).toArray();
        return conversations.size() == 1 ? conversations.first().toObject() : QJsonObject();
    }

    qsizetype conversationCount() const
    {
        const ProcessRun run = lectern(QStringLiteral("export"), {QStringLiteral("--db"), m_db, QStringLiteral("--all"),
                                                                  QStringLiteral("--format"), QStringLiteral("json")});
        if (run.exitCode != 0)
            return -1;
        return QJsonDocument::fromJson(run.out).object().value(QStringLiteral("conversations")).toArray().size();
    }

    qint64 expectedPromptTokens(const QJsonObject& request)
    {
        QString error;
        const std::optional<qint64> count = promptTokenCount(m_model, request, m_dir.path(), &error);
        if (!count)
            qWarning("%s", qPrintable(error));
        return count.value_or(-1);
    }

    static QString documentBlock(const QString& name, const QString& text)
    {
        return QStringLiteral("<document name=\"") + name + QStringLiteral("\">\n") + text
            + (text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + QStringLiteral("</document>\n\n");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_model = makeTinyModel(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
        m_db = m_dir.filePath(QStringLiteral("chat.sqlite3"));
        m_notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile notes(m_notes);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        QVERIFY(notes.write(kNotes.toUtf8()) > 0);
    }

    void askWithAttachmentStoresTheTurn()
    {
        const ProcessRun run = ask({QStringLiteral("--attach"), m_notes, QStringLiteral("--max-tokens"), QStringLiteral("12"),
                                    QStringLiteral("--seed"), QStringLiteral("7"), m_question});
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        m_conversation = conversationIdFrom(run);
        QVERIFY2(m_conversation > 0, qPrintable(run.err));
        QVERIFY(run.out.endsWith('\n'));

        const QJsonObject conversation = exported(m_conversation);
        QCOMPARE(conversation.value(QStringLiteral("title")).toString(), m_question);
        QCOMPARE(conversation.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
        QCOMPARE(conversation.value(QStringLiteral("thinking")).toBool(true), false);
        const QJsonObject sampling = conversation.value(QStringLiteral("sampling")).toObject();
        QCOMPARE(sampling.value(QStringLiteral("seed")).toString(), QStringLiteral("7"));
        QCOMPARE(sampling.value(QStringLiteral("max_tokens")).toInt(), 12);

        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        const QJsonObject question = messages[0].toObject();
        const QJsonObject answer = messages[1].toObject();
        QCOMPARE(question.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
        QCOMPARE(question.value(QStringLiteral("content")).toString(), m_question);
        QCOMPARE(answer.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        // What was streamed is what was stored (plus the final newline of the output).
        m_firstAnswer = answer.value(QStringLiteral("content")).toString();
        QCOMPARE(QString::fromUtf8(run.out), m_firstAnswer + QLatin1Char('\n'));
        QCOMPARE(answer.value(QStringLiteral("reasoning")).toString(), QString());
        const QString finish = answer.value(QStringLiteral("finish_reason")).toString();
        QVERIFY2(finish == QStringLiteral("length") || finish == QStringLiteral("stop"), qPrintable(finish));
        const int generated = answer.value(QStringLiteral("generated_tokens")).toInt();
        QVERIFY2(generated >= 1 && generated <= 12, qPrintable(QString::number(generated)));
        QVERIFY(answer.value(QStringLiteral("tokens_per_second")).toDouble() > 0.0);
        // The model saw the document in the user message, delimited and named, before the question.
        const qint64 expected = expectedPromptTokens(conversationRequest(
            {userMessage(documentBlock(QStringLiteral("notes.txt"), kNotes) + m_question)}));
        QVERIFY(expected > 0);
        QCOMPARE(answer.value(QStringLiteral("prompt_tokens")).toInteger(), expected);

        const QJsonArray attachments = conversation.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject attachment = attachments[0].toObject();
        QCOMPARE(attachment.value(QStringLiteral("path")).toString(), m_notes);
        QCOMPARE(attachment.value(QStringLiteral("kind")).toString(), QStringLiteral("text"));
        QCOMPARE(attachment.value(QStringLiteral("message_id")).toInteger(), question.value(QStringLiteral("id")).toInteger());
        QCOMPARE(attachment.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(kNotes.toUtf8(), QCryptographicHash::Sha256).toHex()));
    }

    void followUpContinuesTheConversation()
    {
        QVERIFY2(m_conversation > 0, "needs askWithAttachmentStoresTheTurn");
        const QString followUp = QStringLiteral("Und wo?");
        const ProcessRun run = ask({QStringLiteral("--conversation"), QString::number(m_conversation), QStringLiteral("--max-tokens"),
                                    QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("7"), followUp});
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QCOMPARE(conversationIdFrom(run), m_conversation);

        const QJsonObject conversation = exported(m_conversation);
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        const QStringList roles{QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("user"), QStringLiteral("assistant")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(messages[i].toObject().value(QStringLiteral("position")).toInt(), i);
            QCOMPARE(messages[i].toObject().value(QStringLiteral("role")).toString(), roles[i]);
        }
        QCOMPARE(messages[1].toObject().value(QStringLiteral("content")).toString(), m_firstAnswer);
        QCOMPARE(messages[2].toObject().value(QStringLiteral("content")).toString(), followUp);
        const QJsonObject answer = messages[3].toObject();
        QCOMPARE(QString::fromUtf8(run.out), answer.value(QStringLiteral("content")).toString() + QLatin1Char('\n'));
        QCOMPARE(conversation.value(QStringLiteral("attachments")).toArray().size(), 1);
        // The whole history went through the template again, the document with its question.
        QJsonObject firstAnswer{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), m_firstAnswer}};
        const qint64 expected = expectedPromptTokens(conversationRequest(
            {userMessage(documentBlock(QStringLiteral("notes.txt"), kNotes) + m_question), firstAnswer, userMessage(followUp)}));
        QVERIFY(expected > 0);
        QCOMPARE(answer.value(QStringLiteral("prompt_tokens")).toInteger(), expected);
    }

    void seededAndGreedyAnswersRepeat()
    {
        for (const QStringList& settings : {QStringList{QStringLiteral("--seed"), QStringLiteral("3")}, QStringList{QStringLiteral("--greedy")}}) {
            const QStringList args = settings + QStringList{QStringLiteral("--max-tokens"), QStringLiteral("10"), QStringLiteral("Tell me a story.")};
            const ProcessRun first = ask(args);
            const ProcessRun second = ask(args);
            QVERIFY2(first.exitCode == 0 && second.exitCode == 0, qPrintable(first.err + second.err));
            QVERIFY(conversationIdFrom(first) != conversationIdFrom(second));  // two new conversations
            QVERIFY2(first.out.size() > 1, "the answer is empty");
            QCOMPARE(second.out, first.out);
        }
    }

    void thinkingStoresReasoning()
    {
        const ProcessRun run = ask({QStringLiteral("--think"), QStringLiteral("--max-tokens"), QStringLiteral("16"), QStringLiteral("--seed"),
                                    QStringLiteral("5"), QStringLiteral("Think about it.")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject conversation = exported(conversationIdFrom(run));
        QCOMPARE(conversation.value(QStringLiteral("thinking")).toBool(false), true);
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        const QJsonObject answer = messages[1].toObject();
        const QString reasoning = answer.value(QStringLiteral("reasoning")).toString();
        // The prompt opens the think block, so the random model's first tokens are reasoning, streamed to stderr.
        QVERIFY(!reasoning.isEmpty());
        QVERIFY2(run.err.contains(reasoning), qPrintable(run.err));
        QVERIFY(!answer.value(QStringLiteral("reasoning_ms")).isNull());
        QCOMPARE(QString::fromUtf8(run.out), answer.value(QStringLiteral("content")).toString() + QLatin1Char('\n'));
    }

    void vulkanAnswerIsStoredAsStreamed()
    {
        const ProcessRun run = ask({QStringLiteral("--device"), QStringLiteral("vulkan"), QStringLiteral("--greedy"), QStringLiteral("--max-tokens"),
                                    QStringLiteral("8"), QStringLiteral("--attach"), m_notes, m_question});
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        const QJsonObject conversation = exported(conversationIdFrom(run));
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        const QJsonObject answer = messages[1].toObject();
        QVERIFY(answer.value(QStringLiteral("generated_tokens")).toInt() >= 1);
        QCOMPARE(QString::fromUtf8(run.out), answer.value(QStringLiteral("content")).toString() + QLatin1Char('\n'));
        QCOMPARE(answer.value(QStringLiteral("prompt_tokens")).toInteger(),
                 expectedPromptTokens(conversationRequest({userMessage(documentBlock(QStringLiteral("notes.txt"), kNotes) + m_question)})));
    }

    void imageAttachmentIsStoredWithAWarning()
    {
        const QString picture = m_dir.filePath(QStringLiteral("picture.png"));
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(picture, "PNG"));
        const QString question = QStringLiteral("What is in the picture?");
        const ProcessRun run = ask({QStringLiteral("--attach"), picture, QStringLiteral("--max-tokens"), QStringLiteral("4"), question});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("picture.png is an image. The loaded model cannot see images")), qPrintable(run.err));
        const QJsonObject conversation = exported(conversationIdFrom(run));
        const QJsonArray attachments = conversation.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("image"));
        // Nothing of the image went into the prompt.
        const QJsonObject answer = conversation.value(QStringLiteral("messages")).toArray()[1].toObject();
        QCOMPARE(answer.value(QStringLiteral("prompt_tokens")).toInteger(),
                 expectedPromptTokens(conversationRequest({userMessage(question)})));
    }

    void errorsExitOneAndStoreNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
        const QString notAModel = m_notes;
        QTest::newRow("missing model") << QStringList{QStringLiteral("--model"), m_dir.filePath(QStringLiteral("none.gguf")), QStringLiteral("Hi")}
                                       << QStringLiteral("lectern ask: the model %1 does not exist.").arg(m_dir.filePath(QStringLiteral("none.gguf")));
        QTest::newRow("not a model") << QStringList{QStringLiteral("--model"), notAModel, QStringLiteral("Hi")}
                                     << QStringLiteral("lectern ask: Cannot load the model %1: ").arg(notAModel);
        QTest::newRow("missing attachment") << QStringList{QStringLiteral("--attach"), missing, QStringLiteral("Hi")}
                                            << QStringLiteral("lectern ask: cannot attach %1: ").arg(missing);
        QTest::newRow("unknown conversation") << QStringList{QStringLiteral("--conversation"), QStringLiteral("999"), QStringLiteral("Hi")}
                                              << QStringLiteral("lectern ask: there is no conversation 999 in %1.").arg(m_db);
    }

    void errorsExitOneAndStoreNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const qsizetype before = conversationCount();
        QVERIFY(before >= 0);
        // A later --model overrides the default one ask() puts first.
        const ProcessRun run = ask(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(conversationCount(), before);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no model") << QStringList{QStringLiteral("Hi")} << QStringLiteral("lectern ask: --model is required.");
        QTest::newRow("no question") << QStringList{QStringLiteral("--model"), QStringLiteral("m.gguf")}
                                     << QStringLiteral("lectern ask: no question given.");
        QTest::newRow("two questions") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("Hi"), QStringLiteral("there")}
                                       << QStringLiteral("lectern ask: give the question as one argument (in quotes); 'there' is extra.");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("--temperature"), QStringLiteral("2"), QStringLiteral("Hi")}
                                        << QStringLiteral("lectern ask: unknown argument '--temperature'.");
        QTest::newRow("bad device") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("--device"), QStringLiteral("gpu"), QStringLiteral("Hi")}
                                    << QStringLiteral("lectern ask: --device takes auto, cpu or vulkan, not 'gpu'.");
        QTest::newRow("zero tokens") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("--max-tokens=0"), QStringLiteral("Hi")}
                                     << QStringLiteral("lectern ask: --max-tokens takes a whole number from 1 to");
        QTest::newRow("bad conversation id") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("--conversation"), QStringLiteral("x"), QStringLiteral("Hi")}
                                             << QStringLiteral("lectern ask: --conversation takes a whole number from 1 to");
        QTest::newRow("think with value") << QStringList{QStringLiteral("--model=m.gguf"), QStringLiteral("--think=yes"), QStringLiteral("Hi")}
                                          << QStringLiteral("lectern ask: --think takes no value.");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ProcessRun run = lectern(QStringLiteral("ask"), args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("Usage:")));
        QCOMPARE(run.out, QByteArray());
    }

    void helpExitsZero()
    {
        const ProcessRun run = lectern(QStringLiteral("ask"), {QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("lectern ask --model MODEL"));
        QVERIFY(run.out.contains("The model's reasoning (--think) streams to standard"));
    }
};

QTEST_MAIN(TestAskCli)
#include "test_ask_cli.moc"
