// test_video_importer.cpp: videos generated with the ffmpeg CLI in the test: MP4/H.264, WebM/VP9, Matroska,
// QuickTime, AVI; §7.4 sampling and the frame budget; frame-accurate seeking; rotation metadata; variable frame
// rate timestamps; limits on size, length and frame count; audio-only, truncated and corrupt files.
#include "app/importers/importer.h"

#include "fixtures.h"

#include <QFile>
#include <QTest>

using namespace lectern::app;

namespace {

// Every clip: 64x48, 10 fps, 3 s, frame N has luma 16 + 6·N (geq), so a decoded frame tells its own index.
QStringList lumaRampSource()
{
    return {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
            QStringLiteral("nullsrc=s=64x48:r=10:d=3,format=yuv420p,geq=lum='16+6*N':cb=128:cr=128")};
}

// Full-range RGB grey of limited-range luma y (BT.601 expansion).
int expectedGrey(int frameIndex)
{
    const double y = 16 + 6 * frameIndex;
    return int(std::lround(std::clamp((y - 16) * 255.0 / 219.0, 0.0, 255.0)));
}

bool near(QColor actual, QColor expected, int tolerance)
{
    return std::abs(actual.red() - expected.red()) <= tolerance && std::abs(actual.green() - expected.green()) <= tolerance
        && std::abs(actual.blue() - expected.blue()) <= tolerance;
}

}  // namespace

class TestVideoImporter : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;
    QString m_mp4;

    QString makeVideo(const QString& name, const QStringList& sourceArguments, const QStringList& codecArguments)
    {
        const QString path = m_folder.path(name);
        QString log;
        if (!fixtures::runFfmpeg(sourceArguments + codecArguments + QStringList{path}, &log))
            qFatal("%s", qPrintable(log));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fixtures::ffmpegAvailable(), "the ffmpeg CLI is needed to build video fixtures: run scripts/setup");
        m_mp4 = makeVideo(QStringLiteral("clip.mp4"), lumaRampSource(),
                          {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-qp"), QStringLiteral("0"),
                           QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")});
    }

    void containers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("codecArguments");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("format");
        QTest::newRow("mp4 h264") << QStringLiteral("clip.mp4") << QStringList() << QStringLiteral("h264")
                                  << QStringLiteral("mp4");
        QTest::newRow("webm vp9") << QStringLiteral("clip.webm")
                                  << QStringList{QStringLiteral("-c:v"), QStringLiteral("libvpx-vp9"),
                                                 QStringLiteral("-lossless"), QStringLiteral("1"),
                                                 QStringLiteral("-deadline"), QStringLiteral("realtime"),
                                                 QStringLiteral("-cpu-used"), QStringLiteral("8")}
                                  << QStringLiteral("vp9") << QStringLiteral("webm");
        QTest::newRow("matroska h264") << QStringLiteral("clip.mkv")
                                       << QStringList{QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                                      QStringLiteral("-qp"), QStringLiteral("0")}
                                       << QStringLiteral("h264") << QStringLiteral("mkv");
        QTest::newRow("quicktime mjpeg") << QStringLiteral("clip.mov")
                                         << QStringList{QStringLiteral("-c:v"), QStringLiteral("mjpeg"),
                                                        QStringLiteral("-q:v"), QStringLiteral("1")}
                                         << QStringLiteral("mjpeg") << QStringLiteral("qt");
        QTest::newRow("avi mpeg4") << QStringLiteral("clip.avi")
                                   << QStringList{QStringLiteral("-c:v"), QStringLiteral("mpeg4"),
                                                  QStringLiteral("-q:v"), QStringLiteral("1")}
                                   << QStringLiteral("mpeg4") << QStringLiteral("avi");
    }

    void containers()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, codecArguments);
        QFETCH(QString, codec);
        QFETCH(QString, format);
        const QString path = codecArguments.isEmpty() ? m_mp4 : makeVideo(name, lumaRampSource(), codecArguments);
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Video);
        QCOMPARE(doc.metadata.codec, codec);
        QCOMPARE(doc.metadata.format, format);
        QCOMPARE(doc.metadata.dimensions, QSize(64, 48));
        QCOMPARE(doc.metadata.frameCount, qint64(30));
        QVERIFY2(std::abs(doc.metadata.frameRate - 10.0) < 1e-6, qPrintable(QString::number(doc.metadata.frameRate)));
        QVERIFY2(std::abs(doc.metadata.durationSeconds - 3.0) < 0.1, qPrintable(QString::number(doc.metadata.durationSeconds)));
        QCOMPARE(doc.metadata.rotationDegrees, 0);
        QVERIFY(doc.warnings.isEmpty());
        QVERIFY(doc.pages.isEmpty());

        // §7.4: ⌊30 / 10 · 2⌋ = 6 frames at round(linspace(0, 29, 6)) = 0, 6, 12, 17, 23, 29; t = index / 10.
        const QList<qint64> expected{0, 6, 12, 17, 23, 29};
        QCOMPARE(doc.frames.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(doc.frames.at(i).sourceIndex, expected.at(i));
            QVERIFY2(std::abs(doc.frames.at(i).timestamp - expected.at(i) / 10.0) < 1e-3,
                     qPrintable(QString::number(doc.frames.at(i).timestamp)));
        }
        // 6 frames of 64x48 → 64x64 (48/32 = 1.5 → 2), 3 groups × 4 tokens; each group adds "<t seconds>"
        // (13 ASCII characters → 4 heuristic tokens) and the two vision wrapper tokens.
        QCOMPARE(doc.tokens.imageTokens, qint64(12));
        QCOMPARE(doc.tokens.overheadTokens, qint64(18));
        QCOMPARE(doc.tokens.visionInputs.size(), 1);
        QCOMPARE(doc.tokens.visionInputs.first().frames, 6);

        // Every sampled frame decodes to its own picture (frame-accurate seeking), in any order.
        QVERIFY(doc.images);
        QCOMPARE(doc.images->count(), 6);
        for (const int i : {3, 0, 5, 1, 4, 2}) {
            QString error;
            const QImage frame = doc.images->image(i, QSize(), &error);
            QVERIFY2(!frame.isNull(), qPrintable(error));
            QCOMPARE(frame.size(), QSize(64, 48));
            const int grey = expectedGrey(int(expected.at(i)));
            QVERIFY2(near(frame.pixelColor(32, 24), QColor(grey, grey, grey), 4),
                     qPrintable(QStringLiteral("frame %1: got %2, want %3")
                                    .arg(expected.at(i))
                                    .arg(frame.pixelColor(32, 24).red())
                                    .arg(grey)));
        }
        QCOMPARE(doc.images->image(2, QSize(32, 32)).size(), QSize(32, 24));
    }

    void frameBudgetAndRate()
    {
        ImportOptions options;
        options.video.maxFrames = 4;
        ImportedDocument doc = Importer::importFile(m_mp4, options);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QList<qint64> indices;
        for (const VideoFrame& frame : doc.frames)
            indices.append(frame.sourceIndex);
        QCOMPARE(indices, (QList<qint64>{0, 10, 19, 29}));  // round(linspace(0, 29, 4))
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral("frame budget")), qPrintable(doc.warnings.first()));

        options = ImportOptions();
        options.video.fps = 5;  // ⌊30 / 10 · 5⌋ = 15
        doc = Importer::importFile(m_mp4, options);
        QCOMPARE(doc.frames.size(), 15);
        QCOMPARE(doc.frames.last().sourceIndex, qint64(29));
        QVERIFY(doc.warnings.isEmpty());
    }

    void rotation_data()
    {
        QTest::addColumn<int>("degrees");
        QTest::addColumn<QSize>("displaySize");
        QTest::addColumn<QPoint>("redAt");
        QTest::addColumn<QPoint>("blueAt");
        // Stored 64x48: red left half, blue right half. Clockwise 90°: left goes to the top.
        QTest::newRow("90") << 90 << QSize(48, 64) << QPoint(24, 10) << QPoint(24, 54);
        QTest::newRow("180") << 180 << QSize(64, 48) << QPoint(54, 24) << QPoint(10, 24);
        QTest::newRow("270") << 270 << QSize(48, 64) << QPoint(24, 54) << QPoint(24, 10);
    }

    void rotation()
    {
        QFETCH(int, degrees);
        QFETCH(QSize, displaySize);
        QFETCH(QPoint, redAt);
        QFETCH(QPoint, blueAt);
        const QString plain = makeVideo(
            QStringLiteral("halves-%1.mp4").arg(degrees),
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("color=red:s=32x48:d=1:r=10[a];color=blue:s=32x48:d=1:r=10[b];[a][b]hstack")},
            {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")});
        QFile file(plain);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(fixtures::setMp4Rotation(bytes, degrees));
        const QString rotated = m_folder.write(QStringLiteral("portrait-%1.mp4").arg(degrees), bytes);

        const ImportedDocument doc = Importer::importFile(rotated, ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.rotationDegrees, degrees);
        QCOMPARE(doc.metadata.dimensions, displaySize);
        const QImage frame = doc.images->image(0);
        QCOMPARE(frame.size(), displaySize);
        QVERIFY2(near(frame.pixelColor(redAt), Qt::red, 40), "red half in place");
        QVERIFY2(near(frame.pixelColor(blueAt), Qt::blue, 40), "blue half in place");
    }

    void variableFrameRate()
    {
        // Frames 0-9 every 100 ms, then frames 10-19 every 500 ms (timestamps in ms, Matroska keeps them).
        const QString path = makeVideo(
            QStringLiteral("vfr.mkv"),
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("testsrc=size=64x48:rate=10:duration=2"), QStringLiteral("-vf"),
             QStringLiteral("settb=1/1000,setpts='if(lt(N,10),N*100,1000+(N-10)*500)'"), QStringLiteral("-fps_mode"),
             QStringLiteral("passthrough")},
            {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-bf"), QStringLiteral("0")});
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.frameCount, qint64(20));
        // Measured average rate: 20 frames over 5.5 s · 20/19.
        QVERIFY2(std::abs(doc.metadata.frameRate - 20.0 / (5.5 * 20.0 / 19.0)) < 1e-6,
                 qPrintable(QString::number(doc.metadata.frameRate)));
        // ⌊20 / fps · 2⌋ = 11 frames; each keeps the real timestamp of its source frame.
        QCOMPARE(doc.frames.size(), 11);
        for (const VideoFrame& frame : doc.frames) {
            const double expected = frame.sourceIndex < 10 ? frame.sourceIndex * 0.1 : 1.0 + (frame.sourceIndex - 10) * 0.5;
            QVERIFY2(std::abs(frame.timestamp - expected) < 1e-3,
                     qPrintable(QStringLiteral("frame %1 at %2 s, want %3 s")
                                    .arg(frame.sourceIndex)
                                    .arg(frame.timestamp)
                                    .arg(expected)));
        }
        QCOMPARE(doc.frames.last().timestamp, 5.5);
        QVERIFY(!doc.images->image(10).isNull());
    }

    void limits()
    {
        ImportOptions options;
        options.limits.maxVideoSeconds = 1;
        ImportedDocument doc = Importer::importFile(m_mp4, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::DurationTooLong);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("shorter clips")), qPrintable(doc.errorMessage));

        options = ImportOptions();
        options.limits.maxVideoSide = 32;
        doc = Importer::importFile(m_mp4, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::DimensionsTooLarge);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("64 x 48")));

        options = ImportOptions();
        options.limits.maxVideoPackets = 10;
        doc = Importer::importFile(m_mp4, options);
        QCOMPARE(doc.errorCode, ImportErrorCode::DurationTooLong);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("more than 10 frames")));
    }

    void absurdClaimedDuration()
    {
        // The movie header claims 2^32 − 16 ticks (about 50 days at 1000 ticks/s): refused from the header.
        QFile file(m_mp4);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        QVERIFY(fixtures::setMp4MovieDuration(bytes, 0xFFFFFFF0u));
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("forever.mp4"), bytes), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::DurationTooLong);
    }

    void audioOnly()
    {
        const QStringList sine{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                               QStringLiteral("sine=frequency=440:duration=1")};
        const QString mp4 = makeVideo(QStringLiteral("voice.mp4"), sine, {QStringLiteral("-c:a"), QStringLiteral("aac")});
        ImportedDocument doc = Importer::importFile(mp4, ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::NoContent);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("no video stream")), qPrintable(doc.errorMessage));

        const QString m4a = makeVideo(QStringLiteral("voice.m4a"), sine, {QStringLiteral("-c:a"), QStringLiteral("aac")});
        doc = Importer::importFile(m4a, ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::UnsupportedType);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("audio")), qPrintable(doc.errorMessage));
    }

    void truncatedAndCorrupt()
    {
        QFile file(m_mp4);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // ffmpeg writes the index (moov) at the end: without it nothing can be located.
        ImportedDocument doc = Importer::importFile(
            m_folder.write(QStringLiteral("cut.mp4"), bytes.left(bytes.size() / 2)), ImportOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("damaged")), qPrintable(doc.errorMessage));

        // A valid 'ftyp' box followed by noise.
        QByteArray noise = bytes.left(32);
        quint32 state = 7;
        for (int i = 0; i < 20000; ++i) {
            state = state * 1103515245u + 12345u;
            noise.append(char(state >> 24));
        }
        doc = Importer::importFile(m_folder.write(QStringLiteral("noise.mp4"), noise), ImportOptions());
        QCOMPARE(doc.status(), ImportStatus::Failed);
        QVERIFY2(doc.errorCode == ImportErrorCode::Corrupt, qPrintable(errorCodeName(doc.errorCode)));
    }

    void cancelAndTimeout()
    {
        std::atomic_bool cancel{true};
        ImportContext context;
        context.cancelFlag = &cancel;
        ImportedDocument doc = Importer::importFile(m_mp4, ImportOptions(), context);
        QCOMPARE(doc.errorCode, ImportErrorCode::Cancelled);
        QCOMPARE(doc.status(), ImportStatus::Cancelled);

        ImportContext expired;
        expired.deadline = QDeadlineTimer(0);
        ImportOptions options;
        options.limits.timeLimitMs = 0;
        doc = Importer::importFile(m_mp4, options, expired);
        QCOMPARE(doc.errorCode, ImportErrorCode::TimedOut);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("longer than")));
    }
};

QTEST_MAIN(TestVideoImporter)
#include "test_video_importer.moc"
