// test_ui_chat_models.cpp: the chat view models without a model behind them: Markdown block splitting (streamed in
// pieces = split at once; code blocks kept whole), the block model's incremental updates, the conversation list
// (newest first as given, hidden rows for undoable deletes, in-place updates) and the message list's streaming turn.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/conversation_list_model.h"
#include "ui/markdown_blocks.h"
#include "ui/message_list_model.h"

using namespace lectern;
using namespace lectern::ui;

namespace {

storage::Conversation conversation(qint64 id, const QString& title)
{
    storage::Conversation c;
    c.id = id;
    c.title = title;
    return c;
}

QStringList rows(const QAbstractItemModel& model, int role)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.data(model.index(i, 0), role).toString();
    return out;
}

const QString kAnswer = QStringLiteral(
    "Here is a summary.\n"
    "\n"
    "- first point\n"
    "- second point\n"
    "\n"
    "| a | b |\n"
    "|---|---|\n"
    "| 1 | 2 |\n"
    "\n"
    "```python\n"
    "def f():\n"
    "\n"
    "    return 1\n"
    "```\n"
    "\n"
    "Done.");

}  // namespace

class TestChatModels : public QObject {
    Q_OBJECT

private slots:
    void splitsParagraphsListsTablesAndCode()
    {
        const QStringList blocks = MarkdownSplitter::split(kAnswer);
        QCOMPARE(blocks,
                 (QStringList{QStringLiteral("Here is a summary."), QStringLiteral("- first point\n- second point"),
                              QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |"),
                              QStringLiteral("```python\ndef f():\n\n    return 1\n```"), QStringLiteral("Done.")}));
    }

    void unclosedFenceKeepsTheRestInTheTail()
    {
        MarkdownSplitter splitter;
        QCOMPARE(splitter.append(QStringLiteral("Intro\n\n~~~\ncode\n\nmore code\n")), QStringList{QStringLiteral("Intro")});
        QCOMPARE(splitter.tail(), QStringLiteral("~~~\ncode\n\nmore code\n"));
        // A shorter fence or one of the other kind does not close it.
        QCOMPARE(splitter.append(QStringLiteral("```\n\n")), QStringList());
        QCOMPARE(splitter.append(QStringLiteral("~~~\n\nafter")), QStringList{QStringLiteral("~~~\ncode\n\nmore code\n```\n\n~~~")});
        QCOMPARE(splitter.tail(), QStringLiteral("after"));
    }

    void streamingInPiecesGivesTheSameBlocks_data()
    {
        QTest::addColumn<int>("pieceSize");
        for (int size : {1, 2, 3, 7, 16, 1000})
            QTest::addRow("%d chars", size) << size;
    }

    void streamingInPiecesGivesTheSameBlocks()
    {
        QFETCH(int, pieceSize);
        MarkdownBlockModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int inserted = 0;
        int resets = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex&, int first, int last) {
            inserted += last - first + 1;
        });
        connect(&model, &QAbstractItemModel::modelReset, this, [&] { ++resets; });
        QString shown;
        for (qsizetype at = 0; at < kAnswer.size(); at += pieceSize) {
            shown += kAnswer.mid(at, pieceSize);
            model.setText(shown);
        }
        QCOMPARE(resets, 0);  // appending never rebuilds the rows
        QCOMPARE(rows(model, MarkdownBlockModel::MarkdownRole), MarkdownSplitter::split(kAnswer));
        QCOMPARE(model.blocks(), MarkdownSplitter::split(kAnswer));
        QCOMPARE(inserted, 5);  // each block's row was inserted once
    }

    void finishedBlocksDoNotChangeWhileStreaming()
    {
        MarkdownBlockModel model;
        model.setText(QStringLiteral("One.\n\nTw"));
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setText(QStringLiteral("One.\n\nTwo, still going"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);  // only the live tail
        QCOMPARE(model.data(model.index(1), MarkdownBlockModel::MarkdownRole).toString(), QStringLiteral("Two, still going"));
        // Replacing the text (a regenerated answer) rebuilds.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setText(QStringLiteral("Other"));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.blocks(), QStringList{QStringLiteral("Other")});
    }

    void conversationListHidesAndUpdatesInPlace()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations({conversation(3, QStringLiteral("Newest")), conversation(2, QStringLiteral("Middle")),
                                conversation(1, QStringLiteral("Oldest"))});
        // From here on no change rebuilds the rows (the view keeps its place).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(rows(model, ConversationListModel::TitleRole),
                 (QStringList{QStringLiteral("Newest"), QStringLiteral("Middle"), QStringLiteral("Oldest")}));
        QCOMPARE(model.roleNames().value(ConversationListModel::IdRole), QByteArray("conversationId"));
        QCOMPARE(model.rowOf(1), 2);

        model.setHidden(2, true);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(model.rowOf(2), -1);
        QCOMPARE(model.count(), 2);
        // A reload while it is hidden keeps it hidden.
        model.setConversations({conversation(3, QStringLiteral("Newest")), conversation(2, QStringLiteral("Middle")),
                                conversation(1, QStringLiteral("Renamed"))});
        QCOMPARE(rows(model, ConversationListModel::TitleRole), (QStringList{QStringLiteral("Newest"), QStringLiteral("Renamed")}));
        model.setHidden(2, false);
        QCOMPARE(inserted.size(), 1);  // the undo
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(model.rowOf(2), 1);
        QCOMPARE(reset.size(), 0);
        // New activity moves a conversation to the top: the order changes.
        model.setConversations({conversation(1, QStringLiteral("Renamed")), conversation(3, QStringLiteral("Newest")),
                                conversation(2, QStringLiteral("Middle"))});
        QCOMPARE(model.titleOf(1), QStringLiteral("Renamed"));
        QCOMPARE(model.rowOf(1), 0);
    }

    void messageListStreamsATurn()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        storage::Message question;
        question.id = 10;
        question.role = storage::MessageRole::User;
        question.content = QStringLiteral("Hi");
        storage::Message system;
        system.id = 9;
        system.role = storage::MessageRole::System;
        system.content = QStringLiteral("You are helpful.");
        storage::Message answer;
        answer.id = 11;
        answer.role = storage::MessageRole::Assistant;
        answer.content = QStringLiteral("Hello.\n\nHow can I help?");
        answer.reasoning = QStringLiteral("The user greets me.");
        answer.reasoningMs = 12400;
        answer.generatedTokens = 20;
        answer.tokensPerSecond = 8.5;
        answer.finishReason = storage::FinishReason::Stop;
        model.setMessages({system, question, answer});
        QCOMPARE(model.count(), 2);  // no system message in the view
        const QModelIndex first = model.index(1);
        QCOMPARE(model.data(first, MessageListModel::RoleNameRole).toString(), QStringLiteral("assistant"));
        QCOMPARE(model.data(first, MessageListModel::ReasoningSecondsRole).toInt(), 12);
        QCOMPARE(model.data(first, MessageListModel::GeneratedTokensRole).toInt(), 20);
        QCOMPARE(model.data(first, MessageListModel::TokensPerSecondRole).toDouble(), 8.5);
        QCOMPARE(model.data(first, MessageListModel::FinishReasonRole).toString(), QStringLiteral("stop"));
        auto* blocks = qobject_cast<MarkdownBlockModel*>(model.data(first, MessageListModel::BlocksRole).value<QObject*>());
        QVERIFY(blocks);
        QCOMPARE(blocks->rowCount(), 2);

        model.beginTurn(QStringLiteral("And then?"));
        QCOMPARE(model.count(), 4);
        QVERIFY(model.isStreaming());
        QCOMPARE(model.data(model.index(3), MessageListModel::StreamingRole).toBool(), true);
        QCOMPARE(model.data(model.index(3), MessageListModel::GeneratedTokensRole).toInt(), -1);
        model.setTurnIds(12, 13);
        QCOMPARE(model.rowOf(13), 3);
        QCOMPARE(model.rowOf(12), 2);
        model.appendStreamed(QStringLiteral("Hmm"), QString());
        model.appendStreamed(QString(), QStringLiteral("Then "));
        model.appendStreamed(QString(), QStringLiteral("nothing."));
        QCOMPARE(model.contentAt(3), QStringLiteral("Then nothing."));
        QCOMPARE(model.data(model.index(3), MessageListModel::ReasoningRole).toString(), QStringLiteral("Hmm"));
        storage::GenerationStats stats;
        stats.finishReason = storage::FinishReason::Cancelled;
        stats.generatedTokens = 4;
        model.finishTurn(QStringLiteral("Then nothing."), QStringLiteral("Hmm"), stats, QString());
        QVERIFY(!model.isStreaming());
        QCOMPARE(model.data(model.index(3), MessageListModel::FinishReasonRole).toString(), QStringLiteral("cancelled"));
        // Appending after the end changes nothing.
        model.appendStreamed(QString(), QStringLiteral("late"));
        QCOMPARE(model.contentAt(3), QStringLiteral("Then nothing."));

        QCOMPARE(model.idsFrom(2), (QList<qint64>{12, 13}));
        model.removeFrom(2);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.rowOf(13), -1);
    }

    void failedTurnKeepsTheQuestionAndShowsTheError()
    {
        MessageListModel model;
        model.beginTurn(QStringLiteral("Hi"));
        model.finishTurn(QString(), QString(), {}, QStringLiteral("No model is loaded."));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.data(model.index(1), MessageListModel::ErrorRole).toString(), QStringLiteral("No model is loaded."));
        QCOMPARE(model.data(model.index(1), MessageListModel::StreamingRole).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestChatModels)
#include "test_ui_chat_models.moc"
