// test_ui_vision_budget.cpp: the image token budget from the settings to the engine's options and to the context
// meter: AppSettings turns the image resolution, video fps and frame budget into ModelOptions and import options,
// and the attachments' token estimate (what the context meter shows) follows a change of the setting at once.
#include <QGuiApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/app_settings.h"
#include "ui/attachment_list_model.h"

using lectern::ui::AppSettings;
using lectern::ui::AttachmentListModel;
using lectern::ui::Attachments;

namespace {

QString writeImage(const QString& path, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, (x * 3 + y) % 256));
    return image.save(path) ? path : QString();
}

}  // namespace

class TestUiVisionBudget : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());  // Attachments' import cache
    }

    void settingsBecomeModelAndImportOptions()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("options.ini")));
        lectern::chat::ModelOptions options = settings.modelOptions();
        QCOMPARE(options.visionPixels.imageMaxPixels, qint64(16777216));  // the model's own limit by default
        QCOMPARE(options.visionPixels.imageMinPixels, qint64(65536));
        QCOMPARE(options.videoSampling.fps, 2.0);
        QCOMPARE(options.videoSampling.maxFrames, 768);

        QSignalSpy changed(&settings, &AppSettings::visionBudgetChanged);
        settings.setImageResolution(QStringLiteral("low"));
        settings.setVideoFps(0.5);
        settings.setVideoMaxFrames(32);
        QCOMPARE(changed.size(), 3);
        options = settings.modelOptions();
        QCOMPARE(options.visionPixels.imageMaxPixels, qint64(262144));
        QCOMPARE(options.videoSampling.fps, 0.5);
        QCOMPARE(options.videoSampling.maxFrames, 32);
        QCOMPARE(settings.visionPixels().imageMaxPixels, options.visionPixels.imageMaxPixels);
        QCOMPARE(settings.videoSampling().maxFrames, 32);
    }

    void estimateFollowsTheBudget()
    {
        const QString image = writeImage(m_dir.filePath(QStringLiteral("square.png")), QSize(1024, 1024));
        QVERIFY(!image.isEmpty());
        AttachmentListModel model(QString(), nullptr);
        QCOMPARE(model.addFiles({image}), 1);
        QVERIFY(model.waitForImports(30000));
        // 1024 x 1024 within the default budget: 1024 tokens + <|vision_start|> and <|vision_end|>.
        QCOMPARE(model.totalTokens(), qint64(1026));
        QSignalSpy summary(&model, &AttachmentListModel::summaryChanged);
        lectern::app::VisionPixelBudget low;
        low.imageMaxPixels = 262144;  // 512 x 512 → 256 tokens
        model.setVisionBudget(low, lectern::app::VideoSampling());
        QVERIFY(!summary.isEmpty());
        QCOMPARE(model.totalTokens(), qint64(258));
        // New attachments are estimated with the budget too.
        const QString other = writeImage(m_dir.filePath(QStringLiteral("other.png")), QSize(2048, 1024));
        QCOMPARE(model.addFiles({other}), 1);
        QVERIFY(model.waitForImports(30000));
        // 2048 x 1024 under 262,144 pixels: β = √8 → 704 x 352 (floored to multiples of 32) = 242 tokens.
        QCOMPARE(model.totalTokens(), qint64(258 + 242 + 2));
    }

    void attachmentsFollowTheSettings()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("meter.ini")));
        AppSettings::setInstance(&settings);
        Attachments attachments;
        const QString image = m_dir.filePath(QStringLiteral("square.png"));
        QCOMPARE(attachments.addUrls({QUrl::fromLocalFile(image)}), 1);
        QVERIFY(attachments.list()->waitForImports(30000));
        QCOMPARE(attachments.totalTokens(), 1026.0);
        QSignalSpy changed(&attachments, &Attachments::changed);
        settings.setImageResolution(QStringLiteral("medium"));  // 1,048,576 pixels: 1024 x 1024 still fits
        QCOMPARE(attachments.totalTokens(), 1026.0);
        settings.setImageResolution(QStringLiteral("low"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(attachments.totalTokens(), 258.0);
        AppSettings::setInstance(nullptr);
    }

    // The default "auto" resolution against the default 8,192-token context: a 3072 x 3072 picture would take
    // 9,218 tokens at full size, so the largest preset that fits what is left ("high": 2048 x 2048, 4,096 tokens
    // + 2) is chosen, and smaller ones as less is left, never below "low". A preset named in the settings wins.
    void autoResolutionFitsTheContextLeft()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("auto.ini")));
        QCOMPARE(settings.imageResolution(), QStringLiteral("auto"));
        AppSettings::setInstance(&settings);
        Attachments attachments;
        attachments.setTokensLeft(8192 - AppSettings::answerReserveTokens());
        QImage picture(3072, 3072, QImage::Format_RGB32);
        picture.fill(qRgb(40, 90, 160));
        const QString path = m_dir.filePath(QStringLiteral("large.png"));
        QVERIFY(picture.save(path));
        QCOMPARE(attachments.addUrls({QUrl::fromLocalFile(path)}), 1);
        QVERIFY(attachments.list()->waitForImports(60000));
        QCOMPARE(attachments.imageResolutionInUse(), QStringLiteral("high"));
        QCOMPARE(attachments.imageMaxPixelsInUse(), 4194304.0);
        QCOMPARE(attachments.totalTokens(), 4098.0);

        attachments.setTokensLeft(3000);
        QCOMPARE(attachments.imageResolutionInUse(), QStringLiteral("medium"));
        QCOMPARE(attachments.totalTokens(), 1026.0);
        attachments.setTokensLeft(100);  // nothing fits: the smallest, and the meter warns
        QCOMPARE(attachments.imageResolutionInUse(), QStringLiteral("low"));
        QCOMPARE(attachments.totalTokens(), 258.0);
        attachments.setTokensLeft(262144 - 1024);
        QCOMPARE(attachments.imageResolutionInUse(), QStringLiteral("max"));
        QCOMPARE(attachments.totalTokens(), 9218.0);

        // An explicit preset: no choice is made, the setting's budget is used whatever is left.
        settings.setImageResolution(QStringLiteral("medium"));
        QCOMPARE(attachments.imageResolutionInUse(), QString());
        QCOMPARE(attachments.imageMaxPixelsInUse(), 1048576.0);
        QCOMPARE(attachments.totalTokens(), 1026.0);
        settings.setImageResolution(QStringLiteral("max"));
        attachments.setTokensLeft(100);
        QCOMPARE(attachments.totalTokens(), 9218.0);
        // Back to auto: chosen again at once.
        settings.setImageResolution(QStringLiteral("auto"));
        QCOMPARE(attachments.imageResolutionInUse(), QStringLiteral("low"));
        QCOMPARE(attachments.totalTokens(), 258.0);
        AppSettings::setInstance(nullptr);
    }
};

QTEST_MAIN(TestUiVisionBudget)
#include "test_ui_vision_budget.moc"
