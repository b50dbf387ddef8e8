// test_ui_chat_controller.cpp: ChatController as the window uses it, with the tiny random-weight model on the CPU
// behind ChatService's worker and a real SQLite file: a sent question streams into the message model and is
// stored; the conversation list, rename, delete with undo (and delete for good on time-out and on quit), full-text
// search, the per-conversation thinking switch, copy, regenerate, edit-and-resend and stop.
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "app/importers/import_service.h"
#include "app/storage/attachment_repository.h"
#include "app/storage/conversation_repository.h"
#include "app/storage/message_repository.h"
#include "ask_fixture.h"
#include "ui/chat_controller.h"

using namespace lectern;
using namespace lectern::ui;

class TestChatController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    std::optional<storage::Database> m_database;
    std::unique_ptr<storage::Connection> m_reader;

    std::unique_ptr<ChatController> makeController()
    {
        auto controller = std::make_unique<ChatController>(m_database);
        chat::SamplingOverrides sampling;
        sampling.seed = 7;
        sampling.maxTokens = 8;
        controller->setSamplingOverrides(sampling);
        return controller;
    }

    bool loadModel(ChatController& controller)
    {
        QSignalSpy loaded(&controller, &ChatController::modelLoaded);
        QSignalSpy failed(&controller, &ChatController::modelLoadFailed);
        controller.loadModel(m_model, QStringLiteral("cpu"), 2048);
        for (int i = 0; i < 600 && loaded.isEmpty() && failed.isEmpty(); ++i)
            QTest::qWait(100);
        if (!failed.isEmpty())
            qWarning("model failed to load: %s", qPrintable(failed.first().first().toString()));
        return !loaded.isEmpty() && controller.modelReady();
    }

    // Sends and waits for the stored answer; returns the assistant message id (0 on failure).
    qint64 ask(ChatController& controller, const QString& question, bool thinking = false)
    {
        QSignalSpy completed(&controller, &ChatController::turnCompleted);
        if (!controller.send(question, {}, thinking)) {
            qWarning("send refused: %s", qPrintable(controller.lastError()));
            return 0;
        }
        if (!completed.wait(60000) && completed.isEmpty())
            return 0;
        const QString error = completed.first().at(2).toString();
        if (!error.isEmpty()) {
            qWarning("turn failed: %s", qPrintable(error));
            return 0;
        }
        return completed.first().at(1).toLongLong();
    }

    QList<storage::Message> storedMessages(qint64 conversationId)
    {
        auto messages = storage::MessageRepository(*m_reader).listForConversation(conversationId);
        return messages.ok() ? messages.value() : QList<storage::Message>();
    }

    QList<storage::Attachment> storedAttachments(qint64 conversationId)
    {
        auto attachments = storage::AttachmentRepository(*m_reader).listForConversation(conversationId);
        return attachments.ok() ? attachments.value() : QList<storage::Attachment>();
    }

    // Imports a file as the composer does (ImportService, no cache).
    static std::optional<app::ImportedDocument> importFile(const QString& path)
    {
        app::ImportService service(QString{});
        std::optional<app::ImportedDocument> result;
        QObject::connect(&service, &app::ImportService::importFinished, &service,
                         [&](quint64, const app::ImportedDocument& document) { result = document; });
        service.import(path);
        for (int i = 0; i < 300 && !result; ++i)
            QTest::qWait(100);
        if (!result || !result->ok())
            return std::nullopt;
        return result;
    }

    // Sends with attachments and waits for the stored answer; the answer's stored message (nullopt on failure).
    std::optional<storage::Message> askWith(ChatController& controller, const QString& question,
                                            const QList<app::ImportedDocument>& documents)
    {
        QVariantList attachments;
        for (const app::ImportedDocument& document : documents)
            attachments.append(QVariant::fromValue(document));
        QSignalSpy completed(&controller, &ChatController::turnCompleted);
        if (!controller.send(question, attachments, false))
            return std::nullopt;
        if (!completed.wait(60000) && completed.isEmpty())
            return std::nullopt;
        if (!completed.first().at(2).toString().isEmpty()) {
            qWarning("turn failed: %s", qPrintable(completed.first().at(2).toString()));
            return std::nullopt;
        }
        const QList<storage::Message> stored = storedMessages(completed.first().at(0).toLongLong());
        return stored.isEmpty() ? std::nullopt : std::optional<storage::Message>(stored.last());
    }

    std::optional<storage::Conversation> storedConversation(qint64 id)
    {
        auto conversation = storage::ConversationRepository(*m_reader).get(id);
        if (!conversation.ok())
            return std::nullopt;
        return conversation.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Imports made again for regenerate use the default cache folder: keep it in the test's folder.
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        QString error;
        m_model = chat::testing::makeTinyModel(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
        auto database = storage::Database::open(m_dir.filePath(QStringLiteral("controller.sqlite3")));
        QVERIFY2(database.ok(), qPrintable(database.status().message()));
        m_database = database.value();
        auto reader = m_database->openReader();
        QVERIFY(reader.ok());
        m_reader = std::move(reader).value();
    }

    void cleanupTestCase() { m_reader.reset(); }

    void sendStreamsIntoTheViewAndStores()
    {
        auto controller = makeController();
        QVERIFY(!controller->send(QStringLiteral("Hi"), {}, false));  // no model yet
        QVERIFY(controller->lastError().contains(QStringLiteral("No model")));
        QVERIFY(loadModel(*controller));
        QCOMPARE(controller->modelName(), QStringLiteral("tiny"));

        MessageListModel* messages = controller->messages();
        QString streamedBeforeEnd;
        bool sawBusyWhileStreaming = false;
        connect(messages, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from, const QModelIndex&) {
            if (messages->data(from, MessageListModel::StreamingRole).toBool()) {
                streamedBeforeEnd = messages->contentAt(from.row());
                sawBusyWhileStreaming = sawBusyWhileStreaming || controller->busy();
            }
        });
        QSignalSpy busy(controller.get(), &ChatController::busyChanged);
        QSignalSpy completed(controller.get(), &ChatController::turnCompleted);
        QVERIFY(controller->send(QStringLiteral("  What do the notes say?  "), {}, false));
        // At once, before the worker has done anything: the question and an empty streaming answer.
        QVERIFY(controller->busy());
        QCOMPARE(messages->count(), 2);
        QCOMPARE(messages->contentAt(0), QStringLiteral("What do the notes say?"));
        QVERIFY(messages->isStreaming());
        QVERIFY(!controller->send(QStringLiteral("Again"), {}, false));  // one turn at a time

        QVERIFY(completed.wait(60000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        QVERIFY(!controller->busy());
        QCOMPARE(busy.size(), 2);
        const qint64 conversationId = controller->currentConversationId();
        QVERIFY(conversationId != 0);
        QCOMPARE(completed.first().at(0).toLongLong(), conversationId);

        const QList<storage::Message> stored = storedMessages(conversationId);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(messages->count(), 2);
        QCOMPARE(messages->rowOf(stored.at(0).id), 0);
        QCOMPARE(messages->rowOf(stored.at(1).id), 1);
        QCOMPARE(messages->contentAt(1), stored.at(1).content);
        QVERIFY(!stored.at(1).content.isEmpty());
        QVERIFY(stored.at(1).generatedTokens.value_or(0) >= 1);
        QCOMPARE(messages->data(messages->index(1), MessageListModel::GeneratedTokensRole).toInt(),
                 *stored.at(1).generatedTokens);
        QVERIFY(messages->data(messages->index(1), MessageListModel::TokensPerSecondRole).toDouble() > 0);
        // The text was shown while it streamed, and what was shown is a prefix of what was stored.
        QVERIFY(sawBusyWhileStreaming);
        QVERIFY(stored.at(1).content.startsWith(streamedBeforeEnd));

        // The sidebar lists it, titled after the question.
        QTRY_COMPARE(controller->conversations()->count(), 1);
        QCOMPARE(controller->conversations()->titleOf(conversationId), QStringLiteral("What do the notes say?"));
        QCOMPARE(controller->currentTitle(), QStringLiteral("What do the notes say?"));

        // Copy puts the answer's Markdown on the clipboard.
        QVERIFY(controller->copyMessage(stored.at(1).id));
        QCOMPARE(QGuiApplication::clipboard()->text(), stored.at(1).content);
        QVERIFY(!controller->copyMessage(0));
    }

    void reopeningAConversationLoadsItsMessages()
    {
        auto controller = makeController();
        QTRY_VERIFY(controller->conversations()->count() >= 1);
        const qint64 id = controller->conversations()->data(controller->conversations()->index(0),
                                                            ConversationListModel::IdRole).toLongLong();
        QCOMPARE(controller->messages()->count(), 0);
        controller->selectConversation(id);
        QCOMPARE(controller->currentConversationId(), id);
        QTRY_COMPARE(controller->messages()->count(), int(storedMessages(id).size()));
        controller->newConversation();
        QCOMPARE(controller->currentConversationId(), qint64(0));
        QCOMPARE(controller->messages()->count(), 0);
    }

    // The model facts reach the controller's properties; conversationTokens follows the open conversation: the last
    // turn's prompt + generated tokens after a turn and after reopening it, 0 for a new one; a long prompt's
    // estimate comes back from the worker.
    void modelFactsConversationTokensAndEstimate()
    {
        auto controller = makeController();
        QCOMPARE(controller->modelBackend(), QString());
        QVERIFY(loadModel(*controller));
        QCOMPARE(controller->modelBackend(), QStringLiteral("cpu"));
        QCOMPARE(controller->contextLength(), 2048.0);
        QVERIFY(controller->memoryUsedBytes() > 0);
        QCOMPARE(controller->fallbackReason(), QString());
        QCOMPARE(controller->kvType(), QStringLiteral("f32"));
        QVERIFY(controller->maxContextLength() >= 2048.0);

        QCOMPARE(controller->conversationTokensCount(), qint64(0));
        const qint64 answerId = ask(*controller, QStringLiteral("How many tokens is this?"));
        QVERIFY(answerId > 0);
        const QList<storage::Message> stored = storedMessages(controller->currentConversationId());
        QVERIFY(!stored.isEmpty() && stored.last().id == answerId);
        QVERIFY(stored.last().promptTokens && stored.last().generatedTokens);
        const qint64 expected = *stored.last().promptTokens + *stored.last().generatedTokens;
        QCOMPARE(controller->conversationTokensCount(), expected);

        const qint64 id = controller->currentConversationId();
        controller->newConversation();
        QCOMPARE(controller->conversationTokensCount(), qint64(0));
        controller->selectConversation(id);
        QTRY_COMPARE(controller->conversationTokensCount(), expected);

        QSignalSpy estimated(controller.get(), &ChatController::promptEstimateChanged);
        controller->estimatePrompt(1500);
        QVERIFY(estimated.wait(30000));
        const QVariantMap estimate = controller->promptEstimate();
        QCOMPARE(estimate.value(QStringLiteral("tokens")).toDouble(), 1500.0);
        QVERIFY(estimate.value(QStringLiteral("fitsContext")).toBool());
        QCOMPARE(estimate.value(QStringLiteral("bytesNeeded")).toDouble(), controller->memoryUsedBytes());
        QCOMPARE(estimate.value(QStringLiteral("error")).toString(), QString());
        controller->estimatePrompt(0);
        QVERIFY(controller->promptEstimate().isEmpty());
    }

    void thinkingIsSavedPerConversation()
    {
        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        const bool modelDefault = controller->thinking();  // a new conversation starts with the model's default
        QVERIFY(ask(*controller, QStringLiteral("First")) != 0);
        const qint64 first = controller->currentConversationId();
        controller->setThinking(true);
        QTRY_COMPARE(storedConversation(first)->thinking, true);

        controller->newConversation();
        QCOMPARE(controller->thinking(), modelDefault);
        QVERIFY(ask(*controller, QStringLiteral("Second"), false) != 0);
        const qint64 second = controller->currentConversationId();
        QVERIFY(second != first);
        QCOMPARE(storedConversation(second)->thinking, false);

        QTRY_VERIFY(controller->conversations()->rowOf(first) >= 0);
        controller->selectConversation(first);
        QCOMPARE(controller->thinking(), true);
        controller->selectConversation(second);
        QCOMPARE(controller->thinking(), false);
    }

    void renameAndSearch()
    {
        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        QVERIFY(ask(*controller, QStringLiteral("Where is the invoice for Zanzibar?")) != 0);
        const qint64 id = controller->currentConversationId();

        controller->renameConversation(id, QStringLiteral("  Travel   costs "));
        QTRY_COMPARE(controller->conversations()->titleOf(id), QStringLiteral("Travel costs"));
        QCOMPARE(storedConversation(id)->title, QStringLiteral("Travel costs"));
        QCOMPARE(controller->currentTitle(), QStringLiteral("Travel costs"));

        controller->search(QStringLiteral("zanzib"));  // search as you type: the last word is a prefix
        QCOMPARE(controller->searchText(), QStringLiteral("zanzib"));
        QTRY_COMPARE(controller->searchHits().size(), 1);
        const QVariantMap hit = controller->searchHits().first().toMap();
        QCOMPARE(hit.value(QStringLiteral("conversationId")).toLongLong(), id);
        QCOMPARE(hit.value(QStringLiteral("title")).toString(), QStringLiteral("Travel costs"));
        QVERIFY2(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("<b>Zanzibar</b>")),
                 qPrintable(hit.value(QStringLiteral("snippet")).toString()));

        controller->search(QStringLiteral("<script> nothing-like-this-anywhere"));
        QTRY_COMPARE(controller->searchHits().size(), 0);
        controller->search(QString());
        QCOMPARE(controller->searchHits().size(), 0);
        QCOMPARE(controller->searchText(), QString());
    }

    void deleteCanBeUndoneAndIsFinalLater()
    {
        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        QVERIFY(ask(*controller, QStringLiteral("Delete me")) != 0);
        const qint64 id = controller->currentConversationId();
        QTRY_VERIFY(controller->conversations()->rowOf(id) >= 0);
        const int before = controller->conversations()->count();

        controller->setUndoTimeoutMs(60000);
        controller->deleteConversation(id);
        QVERIFY(controller->canUndoDelete());
        QCOMPARE(controller->pendingDeleteTitle(), QStringLiteral("Delete me"));
        QCOMPARE(controller->conversations()->count(), before - 1);
        QCOMPARE(controller->currentConversationId(), qint64(0));  // the open one was closed
        QVERIFY(storedConversation(id));                             // not deleted yet
        controller->undoDelete();
        QVERIFY(!controller->canUndoDelete());
        QCOMPARE(controller->conversations()->count(), before);
        QVERIFY(storedConversation(id));

        // The bar times out: now it is gone from the disk too.
        controller->setUndoTimeoutMs(100);
        controller->deleteConversation(id);
        QVERIFY(controller->canUndoDelete());
        QTRY_VERIFY_WITH_TIMEOUT(!controller->canUndoDelete(), 5000);
        QTRY_VERIFY(!storedConversation(id));
        QTRY_COMPARE(controller->conversations()->count(), before - 1);
        QCOMPARE(controller->conversations()->rowOf(id), -1);
    }

    void pendingDeleteHappensOnQuit()
    {
        qint64 id = 0;
        {
            auto controller = makeController();
            QVERIFY(loadModel(*controller));
            QVERIFY(ask(*controller, QStringLiteral("Gone at quit")) != 0);
            id = controller->currentConversationId();
            controller->setUndoTimeoutMs(60000);
            controller->deleteConversation(id);
            QVERIFY(storedConversation(id));
        }  // the program ends before the undo bar times out
        QVERIFY(!storedConversation(id));
    }

    void regenerateAndEditReplaceTheTurn()
    {
        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        const qint64 firstAnswer = ask(*controller, QStringLiteral("Tell me something"));
        QVERIFY(firstAnswer != 0);
        const qint64 id = controller->currentConversationId();

        QSignalSpy completed(controller.get(), &ChatController::turnCompleted);
        QVERIFY(!controller->regenerate(0));
        QVERIFY(controller->regenerate(firstAnswer));
        QVERIFY(completed.wait(60000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        QList<storage::Message> stored = storedMessages(id);
        QCOMPARE(stored.size(), 2);  // the old turn was replaced, not added to
        QCOMPARE(stored.at(0).content, QStringLiteral("Tell me something"));
        // (SQLite may give the new answer the old one's id: rowids of deleted last rows are reused.)
        QCOMPARE(completed.first().at(1).toLongLong(), stored.at(1).id);
        QVERIFY(stored.at(1).finishReason != storage::FinishReason::None);  // finished, with its statistics
        QCOMPARE(controller->messages()->count(), 2);
        QCOMPARE(controller->messages()->rowOf(stored.at(1).id), 1);

        completed.clear();
        QVERIFY(!controller->editAndResend(stored.at(1).id, QStringLiteral("not a question")));  // answers cannot be edited
        QVERIFY(controller->editAndResend(stored.at(0).id, QStringLiteral("Tell me something else")));
        QVERIFY(completed.wait(60000));
        stored = storedMessages(id);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).content, QStringLiteral("Tell me something else"));
        QCOMPARE(controller->messages()->contentAt(0), QStringLiteral("Tell me something else"));
    }

    // The prompt of a regenerated or edited turn holds the replaced question's attachments again: the prompt token
    // count is the original one (and well above the same question without the document), and the new question
    // is stored with the attachment and its text, with no leftover rows of the old one.
    void regenerateAndEditResendTheAttachments()
    {
        const QString notesPath = m_dir.filePath(QStringLiteral("harbour-notes.txt"));
        QString notes;
        for (int i = 0; i < 40; ++i)
            notes += QStringLiteral("The harbour master logged %1 crates of saffron at pier %2.\n").arg(i * 7).arg(i % 5);
        {
            QFile file(notesPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(notes.toUtf8());
        }
        const std::optional<app::ImportedDocument> document = importFile(notesPath);
        QVERIFY(document);

        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        const std::optional<storage::Message> bare = askWith(*controller, QStringLiteral("What was logged?"), {});
        QVERIFY(bare && bare->promptTokens);
        controller->newConversation();
        const std::optional<storage::Message> first = askWith(*controller, QStringLiteral("What was logged?"), {*document});
        QVERIFY(first && first->promptTokens);
        QVERIFY2(*first->promptTokens > *bare->promptTokens + 200,
                 qPrintable(QStringLiteral("%1 vs %2").arg(*first->promptTokens).arg(*bare->promptTokens)));
        const qint64 id = controller->currentConversationId();
        QCOMPARE(storedAttachments(id).size(), 1);

        // The file changes after it was sent: a text attachment is sent again as it was read the first time.
        {
            QFile file(notesPath);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("changed");
        }
        QSignalSpy completed(controller.get(), &ChatController::turnCompleted);
        QVERIFY(controller->regenerate(first->id));
        QVERIFY(controller->busy());
        QVERIFY(completed.wait(60000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        QList<storage::Message> stored = storedMessages(id);
        QCOMPARE(stored.size(), 2);
        QVERIFY(stored.at(1).promptTokens);
        QCOMPARE(*stored.at(1).promptTokens, *first->promptTokens);  // the same prompt, document included
        QList<storage::Attachment> attachments = storedAttachments(id);
        QCOMPARE(attachments.size(), 1);  // stored again with the new question; the old row is gone
        QCOMPARE(attachments.first().messageId, std::optional<qint64>(stored.at(0).id));
        QCOMPARE(attachments.first().extractedText.value_or(QString()), document->text());
        QCOMPARE(attachments.first().sha256, QString::fromLatin1(document->contentHash));
        QCOMPARE(controller->lastError(), QString());

        // Edit and resend: a different question, the same document.
        completed.clear();
        QVERIFY(controller->editAndResend(stored.at(0).id, QStringLiteral("Which pier?")));
        QVERIFY(completed.wait(60000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        stored = storedMessages(id);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).content, QStringLiteral("Which pier?"));
        attachments = storedAttachments(id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().messageId, std::optional<qint64>(stored.at(0).id));
        QVERIFY(stored.at(1).promptTokens && *stored.at(1).promptTokens > *bare->promptTokens + 200);
    }

    // Pictures are not kept in the database: an image is imported again when its file has the same bytes, and left
    // out with a warning when it changed.
    void regenerateImportsAnUnchangedImageAgainAndSaysWhenItChanged()
    {
        const QString imagePath = m_dir.filePath(QStringLiteral("chart.png"));
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(imagePath));
        const std::optional<app::ImportedDocument> document = importFile(imagePath);
        QVERIFY(document);

        auto controller = makeController();
        QVERIFY(loadModel(*controller));
        const std::optional<storage::Message> first = askWith(*controller, QStringLiteral("Describe it"), {*document});
        QVERIFY(first);
        const qint64 id = controller->currentConversationId();

        QSignalSpy completed(controller.get(), &ChatController::turnCompleted);
        QVERIFY(controller->regenerate(first->id));
        QVERIFY(completed.wait(60000));
        QList<storage::Message> stored = storedMessages(id);
        QCOMPARE(stored.size(), 2);
        QList<storage::Attachment> attachments = storedAttachments(id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().kind, QStringLiteral("image"));
        QCOMPARE(attachments.first().messageId, std::optional<qint64>(stored.at(0).id));
        QCOMPARE(controller->lastError(), QString());

        image.fill(Qt::red);
        QVERIFY(image.save(imagePath));
        completed.clear();
        QVERIFY(controller->regenerate(stored.at(1).id));
        QVERIFY(completed.wait(60000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        QCOMPARE(storedAttachments(id).size(), 0);
        QVERIFY2(controller->lastError().contains(QStringLiteral("chart.png has changed")), qPrintable(controller->lastError()));
    }

    void stopEndsTheAnswerAtOnceAndKeepsIt()
    {
        auto controller = makeController();
        controller->setSamplingOverrides({});  // no token limit: the random model keeps going until stopped
        QVERIFY(loadModel(*controller));
        QSignalSpy completed(controller.get(), &ChatController::turnCompleted);
        MessageListModel* messages = controller->messages();
        QVERIFY(controller->send(QStringLiteral("Think long."), {}, true));
        QTRY_VERIFY_WITH_TIMEOUT(!messages->data(messages->index(1), MessageListModel::ReasoningRole).toString().isEmpty()
                                     || !messages->contentAt(1).isEmpty(),
                                 60000);
        controller->stop();
        QVERIFY(completed.wait(30000));
        QCOMPARE(completed.first().at(2).toString(), QString());
        QVERIFY(!controller->busy());
        QCOMPARE(messages->data(messages->index(1), MessageListModel::FinishReasonRole).toString(), QStringLiteral("cancelled"));
        const QList<storage::Message> stored = storedMessages(controller->currentConversationId());
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).finishReason, storage::FinishReason::Cancelled);
    }

    void withoutADatabaseNothingIsKept()
    {
        ChatController controller(std::nullopt);
        QVERIFY(!controller.storageReady());
        QVERIFY(!controller.send(QStringLiteral("Hi"), {}, false));
        QVERIFY(!controller.lastError().isEmpty());
        controller.deleteConversation(5);
        controller.commitPendingDelete();
        QCOMPARE(controller.conversations()->count(), 0);
    }
};

QTEST_MAIN(TestChatController)
#include "test_ui_chat_controller.moc"
