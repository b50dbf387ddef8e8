// test_vision_budget.cpp: the image token budget settings: defaults (the model's own limits), a round trip through
// the settings file, presets mapped to pixel limits, and bad or hand-edited values falling back or clamped.
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/settings/settings.h"

using lectern::app::Settings;

class TestVisionBudgetSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString iniPath(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void defaultsAreTheModelsOwn()
    {
        Settings settings(iniPath(QStringLiteral("defaults.ini")));
        // "auto": the composer picks a preset per question; the engine's own limit stays the ceiling.
        QCOMPARE(settings.imageResolution(), QStringLiteral("auto"));
        QVERIFY(settings.imageResolutionIsAuto());
        QCOMPARE(settings.imageMaxPixels(), qint64(16777216));  // qwen35.md §7.2 max_pixels
        QCOMPARE(settings.videoFps(), 2.0);                      // §7.4
        QCOMPARE(settings.videoMaxFrames(), 768);
    }

    void presetsMapToPixelLimits()
    {
        QCOMPARE(Settings::imageResolutions(),
                 QStringList({QStringLiteral("auto"), QStringLiteral("max"), QStringLiteral("high"),
                              QStringLiteral("medium"), QStringLiteral("low")}));
        QCOMPARE(Settings::imageResolutionPresets(),
                 QStringList({QStringLiteral("max"), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")}));
        QCOMPARE(Settings::imageMaxPixelsFor(QStringLiteral("max")), qint64(4096) * 4096);
        QCOMPARE(Settings::imageMaxPixelsFor(QStringLiteral("high")), qint64(2048) * 2048);
        QCOMPARE(Settings::imageMaxPixelsFor(QStringLiteral("medium")), qint64(1024) * 1024);
        QCOMPARE(Settings::imageMaxPixelsFor(QStringLiteral("low")), qint64(512) * 512);
        QCOMPARE(Settings::imageMaxPixelsFor(QStringLiteral("huge")), qint64(0));
    }

    // "auto" takes the largest preset whose tokens fit what is left, and never goes below the smallest. The token
    // counts are those of a 3072 x 3072 picture (smart_resize, qwen35.md §7.2): 9,216 at full size, 4,096 under
    // "high", 1,024 under "medium", 256 under "low".
    void autoPicksTheLargestPresetThatFits()
    {
        const auto tokensAt = [](qint64 maxPixels) -> qint64 {
            return std::min<qint64>(qint64(3072) * 3072, maxPixels) / 1024 + 2;
        };
        QCOMPARE(Settings::autoImageResolution(tokensAt, 262144 - 1024), QStringLiteral("max"));
        // The default 8,192-token context, empty conversation, 1,024 kept for the answer: "max" does not fit.
        QCOMPARE(Settings::autoImageResolution(tokensAt, 8192 - Settings::answerReserveTokens()), QStringLiteral("high"));
        QCOMPARE(Settings::autoImageResolution(tokensAt, 4098), QStringLiteral("high"));  // exactly fits
        QCOMPARE(Settings::autoImageResolution(tokensAt, 4097), QStringLiteral("medium"));
        QCOMPARE(Settings::autoImageResolution(tokensAt, 300), QStringLiteral("low"));
        QCOMPARE(Settings::autoImageResolution(tokensAt, 10), QStringLiteral("low"));  // never below the smallest
        QCOMPARE(Settings::autoImageResolution(tokensAt, -500), QStringLiteral("low"));
        // A small picture costs the same under every preset: it keeps the largest.
        const auto small = [](qint64) -> qint64 { return 200; };
        QCOMPARE(Settings::autoImageResolution(small, 250), QStringLiteral("max"));
        QCOMPARE(Settings::answerReserveTokens(), 1024);
    }

    void roundTrip()
    {
        const QString path = iniPath(QStringLiteral("roundtrip.ini"));
        {
            Settings settings(path);
            QSignalSpy changed(&settings, &Settings::visionBudgetChanged);
            settings.setImageResolution(QStringLiteral("medium"));
            settings.setVideoFps(1.0);
            settings.setVideoMaxFrames(64);
            QCOMPARE(changed.size(), 3);
            settings.setVideoMaxFrames(64);  // unchanged: no signal
            QCOMPARE(changed.size(), 3);
        }
        Settings again(path);
        QCOMPARE(again.imageResolution(), QStringLiteral("medium"));
        QCOMPARE(again.imageMaxPixels(), qint64(1048576));
        QCOMPARE(again.videoFps(), 1.0);
        QCOMPARE(again.videoMaxFrames(), 64);
    }

    void badValuesAreIgnoredOrClamped()
    {
        Settings settings(iniPath(QStringLiteral("bad.ini")));
        QSignalSpy changed(&settings, &Settings::visionBudgetChanged);
        settings.setImageResolution(QStringLiteral("ultra"));
        QCOMPARE(settings.imageResolution(), QStringLiteral("auto"));
        settings.setVideoFps(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(changed.size(), 0);
        settings.setVideoFps(1000.0);
        QCOMPARE(settings.videoFps(), Settings::maxVideoFps());
        settings.setVideoFps(0.0);
        QCOMPARE(settings.videoFps(), Settings::minVideoFps());
        settings.setVideoMaxFrames(1);
        QCOMPARE(settings.videoMaxFrames(), 4);  // the model samples at least 4 frames
        settings.setVideoMaxFrames(100000);
        QCOMPARE(settings.videoMaxFrames(), 768);
    }

    void handEditedFileFallsBack()
    {
        const QString path = iniPath(QStringLiteral("edited.ini"));
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("vision/imageResolution"), QStringLiteral("8k"));
            raw.setValue(QStringLiteral("vision/videoFps"), QStringLiteral("fast"));
            raw.setValue(QStringLiteral("vision/videoMaxFrames"), -3);
        }
        Settings settings(path);
        QCOMPARE(settings.imageResolution(), QStringLiteral("auto"));
        QCOMPARE(settings.videoFps(), 2.0);
        QCOMPARE(settings.videoMaxFrames(), 768);
    }
};

QTEST_GUILESS_MAIN(TestVisionBudgetSettings)
#include "test_vision_budget.moc"
