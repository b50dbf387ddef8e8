// test_ask_prompt.cpp: PromptBuilder against hand-written expectations: documents delimited and named in the user
// message (names escaped), what the model can read of each kind of import (warnings for images, videos and scanned
// pages), and the history rebuilt from stored messages and attachments; with a vision model, the pixels of images,
// page images and video frames (RGB8 bytes, budget downscaling, timestamps) placed before the text.
#include <QImage>
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

// Pictures by index, as the importers' providers give them.
class FixedImages : public app::ImageProvider {
public:
    explicit FixedImages(QList<QImage> images) : m_images(std::move(images)) {}
    int count() const override { return int(m_images.size()); }
    QImage image(int index, QSize, QString* error) const override
    {
        if (index < 0 || index >= m_images.size()) {
            if (error)
                *error = QStringLiteral("no picture %1").arg(index);
            return {};
        }
        return m_images.at(index);
    }

private:
    QList<QImage> m_images;
};

QImage filled(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(colour);
    return image;
}

storage::Message storedMessage(qint64 id, storage::MessageRole role, const QString& content,
                               const QString& reasoning = {})
{
    storage::Message m;
    m.id = id;
    m.role = role;
    m.content = content;
    m.reasoning = reasoning;
    return m;
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
        QVERIFY2(warnings[0].startsWith(QStringLiteral("cat.png is an image. The loaded model cannot see images")), qPrintable(warnings[0]));
        QVERIFY2(warnings[1].startsWith(QStringLiteral("clip.mp4 is a video. The loaded model cannot see videos")), qPrintable(warnings[1]));
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

    void aVisionModelSeesImagesWithoutWarnings()
    {
        QStringList warnings;
        QVERIFY(!PromptBuilder::readableText(document(app::DocumentKind::Image, QStringLiteral("/p/cat.png")), &warnings, true));
        QVERIFY(!PromptBuilder::readableText(document(app::DocumentKind::Video, QStringLiteral("/p/clip.mp4")), &warnings, true));
        QVERIFY(!PromptBuilder::readableText(
            document(app::DocumentKind::Pdf, QStringLiteral("/d/scan.pdf"), {{QString(), true}}), &warnings, true));
        const auto mixed = PromptBuilder::readableText(
            document(app::DocumentKind::Pdf, QStringLiteral("/d/r.pdf"), {{QStringLiteral("one"), false}, {QString(), true}}),
            &warnings, true);
        QVERIFY(mixed);
        QCOMPARE(mixed->text, QStringLiteral("one"));
        QCOMPARE(warnings, QStringList());
    }

    void imagePixelsAreRgbRowsWithoutPadding()
    {
        app::ImportedDocument doc = document(app::DocumentKind::Image, QStringLiteral("/p/dot.png"), {{QString(), true}});
        QImage image = filled(3, 2, QColor(10, 20, 30));  // 3 px wide: RGB888 lines are padded to 12 bytes in QImage
        image.setPixelColor(2, 1, QColor(200, 100, 50));
        doc.images = std::make_shared<FixedImages>(QList<QImage>{image});
        QStringList warnings;
        const QList<VisualInput> inputs = PromptBuilder::visualInputs(doc, {}, &warnings);
        QCOMPARE(warnings, QStringList());
        QCOMPARE(inputs.size(), 1);
        const ContentPart& part = inputs[0].part;
        QCOMPARE(part.kind, ContentPartKind::Image);
        QCOMPARE(part.width, 3u);
        QCOMPARE(part.height, 2u);
        QCOMPARE(part.rgb.size(), size_t(18));
        QCOMPARE(int(part.rgb[0]), 10);
        QCOMPARE(int(part.rgb[1]), 20);
        QCOMPARE(int(part.rgb[2]), 30);
        QCOMPARE(int(part.rgb[15]), 200);  // (x 2, y 1) = (1 · 3 + 2) · 3
        QCOMPARE(int(part.rgb[16]), 100);
        QCOMPARE(int(part.rgb[17]), 50);
        QCOMPARE(QString::fromStdString(part.source), QStringLiteral("/p/dot.png"));
    }

    void picturesAboveTheBudgetAreScaledToTheEnginesSize()
    {
        app::ImportedDocument doc = document(app::DocumentKind::Pdf, QStringLiteral("/d/scan.pdf"),
                                             {{QStringLiteral("text"), false}, {QString(), true}, {QString(), true}});
        // Page 2 is within a 10,000-pixel budget (kept as decoded, the engine resizes it); page 3 is not:
        // 200 x 100 → β = √2 → 128 x 64 (floor to multiples of 32), exactly what the engine's smart resize gives.
        doc.images = std::make_shared<FixedImages>(
            QList<QImage>{filled(8, 8, Qt::black), filled(90, 60, Qt::red), filled(200, 100, Qt::blue)});
        app::VisionPixelBudget budget;
        budget.imageMinPixels = 1024;
        budget.imageMaxPixels = 10000;
        QStringList warnings;
        const QList<VisualInput> inputs = PromptBuilder::visualInputs(doc, budget, &warnings);
        QCOMPARE(warnings, QStringList());
        QCOMPARE(inputs.size(), 2);
        QCOMPARE(inputs[0].label, QStringLiteral("page 2"));
        QCOMPARE(inputs[0].part.width, 90u);
        QCOMPARE(inputs[0].part.height, 60u);
        QCOMPARE(int(inputs[0].part.rgb[0]), 255);
        QCOMPARE(inputs[1].label, QStringLiteral("page 3"));
        QCOMPARE(inputs[1].part.width, 128u);
        QCOMPARE(inputs[1].part.height, 64u);
        QCOMPARE(int(inputs[1].part.rgb[2]), 255);
    }

    void videoFramesKeepTheirTimestamps()
    {
        app::ImportedDocument doc = document(app::DocumentKind::Video, QStringLiteral("/v/clip.mp4"));
        QList<QImage> frames;
        for (int i = 0; i < 3; ++i) {
            doc.frames.append(app::VideoFrame{i * 10, i * 0.5, 0});
            frames.append(filled(64, 32, QColor(i * 50, 0, 0)));
        }
        doc.metadata.dimensions = QSize(64, 32);
        doc.images = std::make_shared<FixedImages>(frames);
        QStringList warnings;
        const QList<VisualInput> inputs = PromptBuilder::visualInputs(doc, {}, &warnings);
        QCOMPARE(warnings, QStringList());
        QCOMPARE(inputs.size(), 1);
        const ContentPart& part = inputs[0].part;
        QCOMPARE(part.kind, ContentPartKind::Video);
        QCOMPARE(part.frames.size(), size_t(3));  // the engine pairs them (an odd count repeats the last)
        QCOMPARE(part.frame_times, (std::vector<double>{0.0, 0.5, 1.0}));
        QCOMPARE(part.width, 64u);
        QCOMPARE(part.height, 32u);
        QCOMPARE(int(part.frames[2][0]), 100);
    }

    void unreadablePicturesWarnAndAreLeftOut()
    {
        app::ImportedDocument doc = document(app::DocumentKind::Pdf, QStringLiteral("/d/scan.pdf"), {{QString(), true}});
        doc.images = std::make_shared<FixedImages>(QList<QImage>{});
        QStringList warnings;
        QVERIFY(PromptBuilder::visualInputs(doc, {}, &warnings).isEmpty());
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("page 1 of scan.pdf")), qPrintable(warnings[0]));
    }

    void picturesComeBeforeTheTextInOrder()
    {
        VisualInput a{QStringLiteral("a.png"), QStringLiteral("image"), ContentPart::make_image_rgb(1, 1, {1, 2, 3}, "a")};
        VisualInput b{QStringLiteral("b.png"), QStringLiteral("image"), ContentPart::make_image_rgb(1, 1, {4, 5, 6}, "b")};
        const ChatRequest request = PromptBuilder::buildRequest({}, {}, QStringLiteral("Which is brighter?"),
                                                                {{QStringLiteral("n.txt"), QStringLiteral("N")}}, false, {a, b});
        QCOMPARE(int(request.messages.size()), 1);
        const std::vector<ContentPart>& content = request.messages[0].content;
        QCOMPARE(int(content.size()), 3);
        QCOMPARE(content[0].kind, ContentPartKind::Image);
        QCOMPARE(content[0].source, std::string("a"));
        QCOMPARE(content[1].source, std::string("b"));
        QCOMPARE(content[2].kind, ContentPartKind::Text);
        QCOMPARE(QString::fromStdString(content[2].text),
                 QStringLiteral("<document name=\"n.txt\">\nN\n</document>\n\nWhich is brighter?"));
    }

    void historyIsRebuiltWithItsDocuments()
    {
        const QList<storage::Message> history{
            storedMessage(1, storage::MessageRole::System, QStringLiteral("Be brief.")),
            storedMessage(2, storage::MessageRole::User, QStringLiteral("Summarise.")),
            storedMessage(3, storage::MessageRole::Assistant, QStringLiteral("It is short."), QStringLiteral("Read it.")),
            storedMessage(4, storage::MessageRole::User, QStringLiteral("Again?")),
            storedMessage(5, storage::MessageRole::Assistant, QString()),  // died before its first token
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

    // Pictures of earlier questions go again before their message's text (by message id); messages without any,
    // and assistant messages, stay text.
    void historyPicturesGoBeforeTheirMessagesText()
    {
        const storage::Message first = storedMessage(7, storage::MessageRole::User, QStringLiteral("What is this?"));
        const storage::Message reply = storedMessage(8, storage::MessageRole::Assistant, QStringLiteral("A cat."));
        VisualInput cat{QStringLiteral("cat.png"), QStringLiteral("image"), ContentPart::make_image_rgb(1, 1, {1, 2, 3}, "cat")};
        VisualInput dog{QStringLiteral("dog.png"), QStringLiteral("image"), ContentPart::make_image_rgb(1, 1, {4, 5, 6}, "dog")};
        const ChatRequest request = PromptBuilder::buildRequest({first, reply}, {}, QStringLiteral("And this?"), {}, false,
                                                                {dog}, {{7, {cat}}, {8, {dog}}});
        QCOMPARE(int(request.messages.size()), 3);
        const std::vector<ContentPart>& earlier = request.messages[0].content;
        QCOMPARE(int(earlier.size()), 2);
        QCOMPARE(earlier[0].kind, ContentPartKind::Image);
        QCOMPARE(earlier[0].source, std::string("cat"));
        QCOMPARE(QString::fromStdString(earlier[1].text), QStringLiteral("What is this?"));
        QCOMPARE(int(request.messages[1].content.size()), 1);  // the assistant's answer: text only
        QCOMPARE(int(request.messages[2].content.size()), 2);
        QCOMPARE(request.messages[2].content[0].source, std::string("dog"));
    }

    // Halving a picture: half of each side (rounded down, at least 1), the pixels averaged; video frames alike.
    void reducedPicturesHaveHalfTheSides()
    {
        std::vector<uint8_t> rgb(size_t(65) * 40 * 3, 200);
        VisualInput image{QStringLiteral("a.png"), QStringLiteral("image"), ContentPart::make_image_rgb(65, 40, rgb, "a")};
        const VisualInput half = PromptBuilder::reduced(image);
        QCOMPARE(half.part.width, 32u);
        QCOMPARE(half.part.height, 20u);
        QCOMPARE(half.part.rgb.size(), size_t(32) * 20 * 3);
        QCOMPARE(int(half.part.rgb[100]), 200);
        VisualInput clip{QStringLiteral("v.mp4"), QStringLiteral("video"),
                         ContentPart::make_video_frames(4, 2, {std::vector<uint8_t>(24, 9), std::vector<uint8_t>(24, 9)},
                                                        {0.0, 0.5}, "v")};
        const VisualInput smaller = PromptBuilder::reduced(clip);
        QCOMPARE(smaller.part.width, 2u);
        QCOMPARE(smaller.part.height, 1u);
        QCOMPARE(int(smaller.part.frames.size()), 2);
        QCOMPARE(smaller.part.frames[1], std::vector<uint8_t>(6, 9));
        QCOMPARE(smaller.part.frame_times, (std::vector<double>{0.0, 0.5}));
    }
};

QTEST_GUILESS_MAIN(TestAskPrompt)
#include "test_ask_prompt.moc"
