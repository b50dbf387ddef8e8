// test_ask_prompt.cpp: PromptBuilder against hand-written expectations: documents delimited and named in the user
// message (names escaped), what the model can read of each kind of import (warnings for images, videos and scanned
// pages), and the history rebuilt from stored messages and attachments.
#include <QTest>

#include "app/chat/prompt_builder.h"

using namespace lectern;
using namespace lectern::chat;

namespace {

app::ImportedDocument document(app::DocumentKind kind, const QString& path, const QList<QPair<QString, bool>>& pages = {})
{
    app::ImportedDocument doc;
    doc.kind = kind;
    doc.sourcePath = path;
    int number = 1;
    for (const auto& [text, imagePage] : pages) {
        app::DocumentPage page;
        page.number = number++;
        page.text = text;
        page.imagePage = imagePage;
        doc.pages.append(page);
    }
    return doc;
}

QString text(const ChatMessage& message)
{
    return message.content.size() == 1 ? QString::fromStdString(message.content[0].text) : QStringLiteral("<%1 parts>").arg(message.content.size());
}

}  // namespace

class TestAskPrompt : public QObject {
    Q_OBJECT

private slots:
    void questionAlone()
    {
        QCOMPARE(PromptBuilder::userMessageText(QStringLiteral("Hi?"), {}), QStringLiteral("Hi?"));
    }

    void documentsComeFirstDelimitedAndNamed()
    {
        const QString built = PromptBuilder::userMessageText(
            QStringLiteral("Compare them."),
            {{QStringLiteral("a.txt"), QStringLiteral("first\n")}, {QStringLiteral("R&D \"<b>\".md"), QStringLiteral("zweite Zeile ü")}});
        QCOMPARE(built, QStringLiteral("<document name=\"a.txt\">\nfirst\n</document>\n\n"
                                       "<document name=\"R&amp;D &quot;&lt;b&gt;&quot;.md\">\nzweite Zeile \u00fc\n</document>\n\n"
                                       "Compare them."));
    }

    void textDocumentsAreRead()
    {
        QStringList warnings;
        const auto read = PromptBuilder::readableText(
            document(app::DocumentKind::Text, QStringLiteral("/tmp/x/notes.txt"), {{QStringLiteral("hello"), false}}), &warnings);
        QVERIFY(read);
        QCOMPARE(read->name, QStringLiteral("notes.txt"));
        QCOMPARE(read->text, QStringLiteral("hello"));
        QCOMPARE(warnings, QStringList());
    }

    void imagesAndVideosWarn()
    {
        QStringList warnings;
        QVERIFY(!PromptBuilder::readableText(document(app::DocumentKind::Image, QStringLiteral("/p/cat.png")), &warnings));
        QVERIFY(!PromptBuilder::readableText(document(app::DocumentKind::Video, QStringLiteral("/p/clip.mp4")), &warnings));
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings[0].startsWith(QStringLiteral("cat.png is an image. The model cannot see images yet")), qPrintable(warnings[0]));
        QVERIFY2(warnings[1].startsWith(QStringLiteral("clip.mp4 is a video. The model cannot see videos yet")), qPrintable(warnings[1]));
    }

    void scannedPdfPagesAreLeftOutWithAWarning()
    {
        QStringList warnings;
        const auto read = PromptBuilder::readableText(
            document(app::DocumentKind::Pdf, QStringLiteral("/d/report.pdf"),
                     {{QStringLiteral("page one"), false}, {QString(), true}, {QStringLiteral("page three"), false}}),
            &warnings);
        QVERIFY(read);
        QCOMPARE(read->text, QStringLiteral("page one\n\npage three"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("of report.pdf have no text layer")), qPrintable(warnings[0]));

        warnings.clear();
        QVERIFY(!PromptBuilder::readableText(
            document(app::DocumentKind::Pdf, QStringLiteral("/d/scan.pdf"), {{QString(), true}}), &warnings));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(QStringLiteral("scan.pdf has no text the model can read")), qPrintable(warnings[0]));
    }

    void historyIsRebuiltWithItsDocuments()
    {
        auto message = [](qint64 id, storage::MessageRole role, const QString& content, const QString& reasoning = {}) {
            storage::Message m;
            m.id = id;
            m.role = role;
            m.content = content;
            m.reasoning = reasoning;
            return m;
        };
        const QList<storage::Message> history{
            message(1, storage::MessageRole::System, QStringLiteral("Be brief.")),
            message(2, storage::MessageRole::User, QStringLiteral("Summarise.")),
            message(3, storage::MessageRole::Assistant, QStringLiteral("It is short."), QStringLiteral("Read it.")),
            message(4, storage::MessageRole::User, QStringLiteral("Again?")),
            message(5, storage::MessageRole::Assistant, QString()),  // died before its first token
        };
        storage::Attachment notes;
        notes.messageId = 2;
        notes.originalPath = QStringLiteral("/home/u/notes.txt");
        notes.extractedText = QStringLiteral("The notes.");
        storage::Attachment picture;  // no text: not in the prompt
        picture.messageId = 2;
        picture.originalPath = QStringLiteral("/home/u/cat.png");
        storage::Attachment other;  // belongs to another message
        other.messageId = 4;
        other.originalPath = QStringLiteral("/home/u/b.txt");
        other.extractedText = QStringLiteral("B");

        const ChatRequest request = PromptBuilder::buildRequest(
            history, {notes, picture, other}, QStringLiteral("Last one."),
            {{QStringLiteral("c.txt"), QStringLiteral("C")}}, true);
        QCOMPARE(int(request.messages.size()), 5);
        QCOMPARE(request.messages[0].role, ChatRole::System);
        QCOMPARE(text(request.messages[0]), QStringLiteral("Be brief."));
        QCOMPARE(request.messages[1].role, ChatRole::User);
        QCOMPARE(text(request.messages[1]), QStringLiteral("<document name=\"notes.txt\">\nThe notes.\n</document>\n\nSummarise."));
        QCOMPARE(request.messages[2].role, ChatRole::Assistant);
        QCOMPARE(text(request.messages[2]), QStringLiteral("It is short."));
        QVERIFY(request.messages[2].reasoning_content.has_value());
        QCOMPARE(QString::fromStdString(*request.messages[2].reasoning_content), QStringLiteral("Read it."));
        QCOMPARE(text(request.messages[3]), QStringLiteral("<document name=\"b.txt\">\nB\n</document>\n\nAgain?"));
        QCOMPARE(request.messages[4].role, ChatRole::User);
        QCOMPARE(text(request.messages[4]), QStringLiteral("<document name=\"c.txt\">\nC\n</document>\n\nLast one."));
        QCOMPARE(request.enable_thinking, std::optional<bool>(true));
        QVERIFY(request.add_generation_prompt);
    }
};

QTEST_GUILESS_MAIN(TestAskPrompt)
#include "test_ask_prompt.moc"
