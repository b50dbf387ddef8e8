// test_ask_vision.cpp: pictures through ChatService with a real tiny random model and its tiny random vision tower on
// the CPU: an image, a PDF page image and a 4-frame video reach the model (the prompt grows by exactly the vision
// tokens the importer estimated), different pictures give different answers, the image budget reaches the engine,
// pictures of earlier questions are sent again (left out with a warning when they do not fit or their file changed),
// a model without a tower answers text-only with a warning, and `lectern ask --attach photo.png` works end to end.
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "app/chat/chat_service.h"
#include "app/chat/prompt_builder.h"
#include "app/storage/attachment_repository.h"
#include "app/storage/message_repository.h"
#include "app/importers/importer.h"
#include "ask_fixture.h"
#include "lectern/engine.h"

using namespace lectern;
using namespace lectern::chat;

namespace {

TurnResult waitForTurn(ChatService& chat, int timeoutMs = 120000)
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

// A picture with structure (not one flat colour), so that two seeds give clearly different encoder inputs.
QImage patternImage(int width, int height, QColor a, QColor b)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, ((x / 8 + y / 8) % 2) ? a : b);
    return image;
}

}  // namespace

class TestAskVision : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_visionModel;  // tiny.gguf with mmproj-tiny.gguf beside it
    QString m_plainModel;   // the same text model without a tower
    std::optional<storage::Database> m_database;

    QString path(const QString& name) const { return QDir(m_dir.path()).filePath(name); }

    bool loadModel(ChatService& chat, const ModelOptions& options, ModelInfo* info = nullptr)
    {
        QSignalSpy loaded(&chat, &ChatService::modelLoaded);
        QSignalSpy failed(&chat, &ChatService::modelLoadFailed);
        chat.loadModel(options);
        for (int i = 0; i < 600 && loaded.isEmpty() && failed.isEmpty(); ++i)
            QTest::qWait(100);
        if (!failed.isEmpty())
            qWarning() << "model load failed:" << failed.first().first().toString();
        if (info && !loaded.isEmpty())
            *info = loaded.first().first().value<ModelInfo>();
        return !loaded.isEmpty();
    }

    static ModelOptions cpuOptions(const QString& model)
    {
        ModelOptions options;
        options.modelPath = model;
        options.device = ComputeDevice::Cpu;
        options.contextLength = 4096;
        return options;
    }

    // One greedy turn in a new conversation.
    TurnResult ask(ChatService& chat, const QList<app::ImportedDocument>& attachments, int maxTokens = 6)
    {
        TurnRequest request{std::nullopt, QStringLiteral("Describe it."), attachments, false, {}};
        request.sampling.greedy = true;
        request.sampling.maxTokens = maxTokens;
        chat.sendTurn(request);
        return waitForTurn(chat);
    }

    app::ImportedDocument import(const QString& file, const app::ImportOptions& options = app::ImportOptions())
    {
        return app::Importer::importFile(file, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("vision"));
        QDir(m_dir.path()).mkpath(QStringLiteral("plain"));
        m_visionModel = path(QStringLiteral("vision/tiny.gguf"));
        const testing::ProcessRun run = testing::runProcess(
            testing::cliPath(), {QStringLiteral("make-test-model"), QStringLiteral("--shape"), QStringLiteral("tiny"),
                                 QStringLiteral("--format"), QStringLiteral("gguf"), QStringLiteral("--type"),
                                 QStringLiteral("f32"), QStringLiteral("--seed"), QStringLiteral("1"),
                                 QStringLiteral("--vision"), QStringLiteral("--out"), m_visionModel});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(QFile::exists(path(QStringLiteral("vision/mmproj-tiny.gguf"))),
                 "make-test-model --vision wrote no mmproj-tiny.gguf beside the model");
        QString error;
        m_plainModel = testing::makeTinyModel(path(QStringLiteral("plain")), &error);
        QVERIFY2(!m_plainModel.isEmpty(), qPrintable(error));
        auto database = storage::Database::open(path(QStringLiteral("chat.db")));
        QVERIFY2(database.ok(), qPrintable(database.status().message()));
        m_database = database.value();

        QVERIFY(patternImage(64, 64, Qt::red, Qt::white).save(path(QStringLiteral("red.png"))));
        QVERIFY(patternImage(64, 64, Qt::blue, Qt::yellow).save(path(QStringLiteral("blue.png"))));
        QVERIFY(patternImage(128, 96, Qt::green, Qt::black).save(path(QStringLiteral("wide.png"))));
    }

    void imageReachesTheModel()
    {
        ChatService chat(*m_database);
        ModelInfo info;
        QVERIFY(loadModel(chat, cpuOptions(m_visionModel), &info));
        QVERIFY(info.vision);
        QVERIFY(info.visionPath.endsWith(QStringLiteral("mmproj-tiny.gguf")));

        const TurnResult textOnly = ask(chat, {});
        QVERIFY2(textOnly.ok(), qPrintable(textOnly.error));
        const app::ImportedDocument red = import(path(QStringLiteral("red.png")));
        const app::ImportedDocument blue = import(path(QStringLiteral("blue.png")));
        QVERIFY2(red.ok(), qPrintable(red.errorMessage));
        QVERIFY(blue.ok());
        // 64 x 64 is below the 65,536-pixel minimum: the engine scales it up to 256 x 256 = 64 tokens.
        QCOMPARE(red.tokens.imageTokens, 64);

        const TurnResult withRed = ask(chat, {red});
        QVERIFY2(withRed.ok(), qPrintable(withRed.error));
        QVERIFY2(withRed.warnings.isEmpty(), qPrintable(withRed.warnings.join(QLatin1Char('\n'))));
        // The prompt grew by exactly the importer's estimate: 64 <|image_pad|> + <|vision_start|> + <|vision_end|>.
        QCOMPARE(*withRed.stats.promptTokens - *textOnly.stats.promptTokens, int(red.tokens.total()));

        const TurnResult withBlue = ask(chat, {blue});
        QVERIFY2(withBlue.ok(), qPrintable(withBlue.error));
        QCOMPARE(withBlue.stats.promptTokens, withRed.stats.promptTokens);
        QVERIFY2(withRed.answer != withBlue.answer || withRed.answer != textOnly.answer,
                 "two different images and no image gave the same greedy answer: the pixels do not reach the model");
        QVERIFY(withRed.answer != withBlue.answer);

        // Two attachments: both images, in order.
        const TurnResult both = ask(chat, {red, blue});
        QVERIFY2(both.ok(), qPrintable(both.error));
        QCOMPARE(*both.stats.promptTokens - *textOnly.stats.promptTokens, int(red.tokens.total() + blue.tokens.total()));
    }

    void imageBudgetReachesEngineAndEstimate()
    {
        // A smaller budget: at most 4,096 pixels per image (64 x 64 → 4 tokens), at least 1,024.
        app::VisionPixelBudget budget;
        budget.imageMinPixels = 1024;
        budget.imageMaxPixels = 4096;
        ModelOptions options = cpuOptions(m_visionModel);
        options.visionPixels = budget;
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, options));
        app::ImportOptions importOptions;
        importOptions.visionPixels = budget;
        const app::ImportedDocument wide = import(path(QStringLiteral("wide.png")), importOptions);
        QVERIFY2(wide.ok(), qPrintable(wide.errorMessage));
        // 128 x 96 = 12,288 pixels > 4,096: β = √3, → 64 x 32 (floor to multiples of 32) = 2 tokens.
        QCOMPARE(wide.tokens.imageTokens, 2);
        const TurnResult textOnly = ask(chat, {}, 1);
        const TurnResult withImage = ask(chat, {wide}, 1);
        QVERIFY2(withImage.ok(), qPrintable(withImage.error));
        QCOMPARE(*withImage.stats.promptTokens - *textOnly.stats.promptTokens, int(wide.tokens.total()));
    }

    void imageBudgetChangesWithoutReload()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, cpuOptions(m_visionModel)));
        const app::ImportedDocument atDefault = import(path(QStringLiteral("wide.png")));
        QCOMPARE(atDefault.tokens.imageTokens, 70);  // 128 x 96 → 320 x 224 under the 65,536-pixel minimum
        const TurnResult textOnly = ask(chat, {}, 1);
        const TurnResult before = ask(chat, {atDefault}, 1);
        QVERIFY2(before.ok(), qPrintable(before.error));
        QCOMPARE(*before.stats.promptTokens - *textOnly.stats.promptTokens, int(atDefault.tokens.total()));

        app::VisionPixelBudget budget;
        budget.imageMinPixels = 1024;
        budget.imageMaxPixels = 4096;
        chat.setVisionBudget(budget, app::VideoSampling());
        app::ImportOptions importOptions;
        importOptions.visionPixels = budget;
        const app::ImportedDocument small = import(path(QStringLiteral("wide.png")), importOptions);
        QCOMPARE(small.tokens.imageTokens, 2);
        const TurnResult after = ask(chat, {small}, 1);
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(*after.stats.promptTokens - *textOnly.stats.promptTokens, int(small.tokens.total()));

        // A budget the engine refuses: a warning, and the previous budget stays.
        QSignalSpy warnings(&chat, &ChatService::warning);
        app::VisionPixelBudget bad = budget;
        bad.imageMinPixels = 100000;
        chat.setVisionBudget(bad, app::VideoSampling());
        QVERIFY(warnings.wait(10000));
        QVERIFY2(warnings.first().first().toString().contains(QStringLiteral("image minimum pixels")),
                 qPrintable(warnings.first().first().toString()));
        const TurnResult still = ask(chat, {small}, 1);
        QCOMPARE(still.stats.promptTokens, after.stats.promptTokens);
    }

    void pdfPageImageReachesTheModel()
    {
        const QString pdf = path(QStringLiteral("scan.pdf"));
        {
            QPdfWriter writer(pdf);
            writer.setPageSize(QPageSize(QSizeF(200, 150), QPageSize::Point));
            writer.setResolution(72);
            QPainter painter(&writer);
            painter.fillRect(QRect(10, 10, 120, 80), Qt::darkCyan);  // no text: the page is sent as an image
            painter.fillRect(QRect(60, 40, 100, 60), Qt::magenta);
        }
        app::ImportOptions importOptions;
        importOptions.renderDpi = 72.0;
        const app::ImportedDocument doc = import(pdf, importOptions);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.pages.size(), 1);
        QVERIFY(doc.pages.first().imagePage);
        QVERIFY(doc.tokens.imageTokens > 0);

        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, cpuOptions(m_visionModel)));
        const TurnResult textOnly = ask(chat, {}, 1);
        const TurnResult withPage = ask(chat, {doc}, 1);
        QVERIFY2(withPage.ok(), qPrintable(withPage.error));
        QVERIFY2(withPage.warnings.isEmpty(), qPrintable(withPage.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(*withPage.stats.promptTokens - *textOnly.stats.promptTokens, int(doc.tokens.total()));
    }

    void videoFramesReachTheModel()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QFAIL("ffmpeg is not installed (scripts/setup installs it)");
        const QString clip = path(QStringLiteral("clip.mp4"));
        const testing::ProcessRun made = testing::runProcess(
            QStandardPaths::findExecutable(QStringLiteral("ffmpeg")),
            {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-nostdin"),
             QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("testsrc=size=64x48:rate=10:duration=2"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
             QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), clip});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const app::ImportedDocument doc = import(clip);  // 20 frames at 10 fps, sampled at 2 fps: 4 frames
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.frames.size(), 4);
        QCOMPARE(doc.tokens.visionInputs.size(), 1);
        // 4 frames of 64 x 48 → 64 x 64: 2 temporal pairs of 4 tokens.
        QCOMPARE(doc.tokens.imageTokens, 8);

        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, cpuOptions(m_visionModel)));
        const TurnResult textOnly = ask(chat, {}, 1);
        const TurnResult withVideo = ask(chat, {doc}, 1);
        QVERIFY2(withVideo.ok(), qPrintable(withVideo.error));
        QVERIFY2(withVideo.warnings.isEmpty(), qPrintable(withVideo.warnings.join(QLatin1Char('\n'))));
        // Per pair: "<t seconds>" (t = the mean of the pair's frame times), <|vision_start|>, 4 pads, <|vision_end|>.
        // The timestamp text is counted with the model's own tokenizer, not the importer's estimator.
        EngineOptions engineOptions;
        engineOptions.model_path = m_plainModel.toStdString();
        engineOptions.device = DeviceChoice::Cpu;
        engineOptions.context_length = 256;
        Result<Engine> engine = Engine::load(engineOptions);
        QVERIFY2(engine.is_ok(), engine.status().message().c_str());
        qint64 expected = doc.tokens.imageTokens;
        for (int k = 0; k < 4; k += 2) {
            const double t = (doc.frames.at(k).timestamp + doc.frames.at(k + 1).timestamp) / 2;
            Result<int64_t> n = engine->count_tokens(QStringLiteral("<%1 seconds>").arg(t, 0, 'f', 1).toStdString());
            QVERIFY(n.is_ok());
            expected += *n + 2;
        }
        QCOMPARE(qint64(*withVideo.stats.promptTokens - *textOnly.stats.promptTokens), expected);
    }

    // The prompt tokens of a follow-up in `conversationId` (its last two messages: the follow-up and its answer)
    // without any pictures, counted with the text model alone.
    qint64 textOnlyFollowUpTokens(qint64 conversationId)
    {
        auto reader = m_database->openReader();
        if (!reader.ok())
            return -1;
        auto messages = storage::MessageRepository(*reader.value()).listForConversation(conversationId);
        auto attachments = storage::AttachmentRepository(*reader.value()).listForConversation(conversationId);
        if (!messages.ok() || !attachments.ok() || messages.value().size() < 4)
            return -1;
        QList<storage::Message> history = messages.value();
        history.removeLast();
        const QString question = history.takeLast().content;
        EngineOptions engineOptions;
        engineOptions.model_path = m_plainModel.toStdString();
        engineOptions.device = DeviceChoice::Cpu;
        engineOptions.context_length = 4096;
        Result<Engine> engine = Engine::load(engineOptions);
        if (!engine.is_ok())
            return -1;
        Result<int64_t> n = engine->count_prompt_tokens(
            PromptBuilder::buildRequest(history, attachments.value(), question, {}, false));
        return n.is_ok() ? qint64(*n) : -1;
    }

    TurnResult followUp(ChatService& chat, qint64 conversationId, const QList<app::ImportedDocument>& attachments = {})
    {
        TurnRequest request{conversationId, QStringLiteral("And the colours?"), attachments, false, {}};
        request.sampling.greedy = true;
        request.sampling.maxTokens = 4;
        chat.sendTurn(request);
        return waitForTurn(chat);
    }

    // Pictures of earlier questions go again with the history (the template keeps them, qwen35.md §6): the
    // follow-up's prompt holds exactly the first question's image tokens more than the same conversation without
    // pictures, also after a new ChatService (the picture is imported again from its stored path).
    void earlierPicturesAreSentAgain()
    {
        ChatService chat(*m_database);
        QVERIFY(loadModel(chat, cpuOptions(m_visionModel)));
        const app::ImportedDocument red = import(path(QStringLiteral("red.png")));
        const TurnResult first = ask(chat, {red}, 4);
        QVERIFY2(first.ok(), qPrintable(first.error));
        const TurnResult second = followUp(chat, first.conversationId);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QVERIFY2(second.warnings.isEmpty(), qPrintable(second.warnings.join(QLatin1Char('\n'))));
        const qint64 textOnly = textOnlyFollowUpTokens(first.conversationId);
        QVERIFY(textOnly > 0);
        QCOMPARE(qint64(*second.stats.promptTokens) - textOnly, qint64(red.tokens.total()));

        ChatService restarted(*m_database);
        QVERIFY(loadModel(restarted, cpuOptions(m_visionModel)));
        const TurnResult third = followUp(restarted, first.conversationId);
        QVERIFY2(third.ok(), qPrintable(third.error));
        QVERIFY2(third.warnings.isEmpty(), qPrintable(third.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(qint64(*third.stats.promptTokens) - textOnlyFollowUpTokens(first.conversationId),
                 qint64(red.tokens.total()));
    }

    // A conversation whose pictures do not all fit the context: the earlier question's picture is left out with a
    // warning (halving a 64 x 64 picture does not help: the engine scales it up to its minimum again), the new one
    // is sent. A picture whose file changed since is left out with its own warning.
    void earlierPicturesLeftOutWhenTheyDoNotFit()
    {
        ChatService chat(*m_database);
        ModelOptions options = cpuOptions(m_visionModel);
        options.contextLength = 160;
        QVERIFY(loadModel(chat, options));
        const app::ImportedDocument red = import(path(QStringLiteral("red.png")));
        const app::ImportedDocument blue = import(path(QStringLiteral("blue.png")));
        const TurnResult first = ask(chat, {red}, 4);
        QVERIFY2(first.ok(), qPrintable(first.error));
        const TurnResult second = followUp(chat, first.conversationId, {blue});
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.warnings.size(), 1);
        QVERIFY2(second.warnings.first().contains(QStringLiteral("left out")), qPrintable(second.warnings.first()));
        QCOMPARE(qint64(*second.stats.promptTokens) - textOnlyFollowUpTokens(first.conversationId),
                 qint64(blue.tokens.total()));

        const QString copy = path(QStringLiteral("changing.png"));
        QVERIFY(patternImage(64, 64, Qt::magenta, Qt::white).save(copy));
        ChatService other(*m_database);
        QVERIFY(loadModel(other, cpuOptions(m_visionModel)));
        const TurnResult withCopy = ask(other, {import(copy)}, 4);
        QVERIFY2(withCopy.ok(), qPrintable(withCopy.error));
        QVERIFY(patternImage(64, 64, Qt::cyan, Qt::white).save(copy));
        ChatService restarted(*m_database);
        QVERIFY(loadModel(restarted, cpuOptions(m_visionModel)));
        const TurnResult after = followUp(restarted, withCopy.conversationId);
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(after.warnings.size(), 1);
        QVERIFY2(after.warnings.first().contains(QStringLiteral("changing.png")), qPrintable(after.warnings.first()));
        QCOMPARE(qint64(*after.stats.promptTokens), textOnlyFollowUpTokens(withCopy.conversationId));
    }

    void withoutTowerTheTurnIsTextOnlyWithAWarning()
    {
        ChatService chat(*m_database);
        ModelInfo info;
        QVERIFY(loadModel(chat, cpuOptions(m_plainModel), &info));
        QVERIFY(!info.vision);
        QVERIFY(info.visionPath.isEmpty());
        const app::ImportedDocument red = import(path(QStringLiteral("red.png")));
        const TurnResult textOnly = ask(chat, {}, 2);
        const TurnResult withRed = ask(chat, {red}, 2);
        QVERIFY2(withRed.ok(), qPrintable(withRed.error));
        QCOMPARE(withRed.warnings.size(), 1);
        QVERIFY2(withRed.warnings.first().contains(QStringLiteral("red.png")) &&
                     withRed.warnings.first().contains(QStringLiteral("cannot see")),
                 qPrintable(withRed.warnings.first()));
        QCOMPARE(withRed.stats.promptTokens, textOnly.stats.promptTokens);
        QCOMPARE(withRed.answer, textOnly.answer);
    }

    void explicitMmprojLoadsTheTower()
    {
        // The plain model file with the vision model's projector named explicitly (same text width, seed-independent).
        ModelOptions options = cpuOptions(m_plainModel);
        options.mmprojPath = path(QStringLiteral("vision/mmproj-tiny.gguf"));
        ChatService chat(*m_database);
        ModelInfo info;
        QVERIFY(loadModel(chat, options, &info));
        QVERIFY(info.vision);
        QCOMPARE(info.visionPath, QFileInfo(options.mmprojPath).absoluteFilePath());
    }

    void askCommandSendsTheImage()
    {
#ifndef LECTERN_APP_PATH
        QSKIP("the lectern program is not built (LECTERN_BUILD_APP=OFF)");
#else
        auto runAsk = [&](const QString& model) {
            return testing::runProcess(QStringLiteral(LECTERN_APP_PATH),
                                       {QStringLiteral("ask"), QStringLiteral("--model"), model, QStringLiteral("--device"),
                                        QStringLiteral("cpu"), QStringLiteral("--db"), path(QStringLiteral("ask.db")),
                                        QStringLiteral("--greedy"), QStringLiteral("--max-tokens"), QStringLiteral("3"),
                                        QStringLiteral("--attach"), path(QStringLiteral("red.png")),
                                        QStringLiteral("What is in the picture?")});
        };
        const testing::ProcessRun seen = runAsk(m_visionModel);
        QVERIFY2(seen.exitCode == 0, qPrintable(seen.err));
        QVERIFY2(!seen.err.contains(QStringLiteral("cannot see")), qPrintable(seen.err));
        const testing::ProcessRun unseen = runAsk(m_plainModel);
        QVERIFY2(unseen.exitCode == 0, qPrintable(unseen.err));
        QVERIFY2(unseen.err.contains(QStringLiteral("cannot see")), qPrintable(unseen.err));
        // The statistics line reports the prompt: with the picture it is 66 tokens longer (64 pads + 2 markers).
        auto promptTokens = [](const QString& err) {
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("prompt (\\d+) tokens")).match(err);
            return m.hasMatch() ? m.captured(1).toInt() : -1;
        };
        QVERIFY2(promptTokens(seen.err) > 0 && promptTokens(unseen.err) > 0, qPrintable(seen.err + unseen.err));
        QCOMPARE(promptTokens(seen.err) - promptTokens(unseen.err), 66);
#endif
    }
};

QTEST_MAIN(TestAskVision)
#include "test_ask_vision.moc"
