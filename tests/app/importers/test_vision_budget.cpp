// test_vision_budget.cpp: smart_resize, video sampling and vision token counts against qwen35.md §7.2/§7.4 —
// the spec's worked examples and values computed by hand (or by the spec's Python formulas) in the comments.
#include "app/importers/import_options.h"
#include "app/importers/vision_budget.h"

#include <QTest>

using namespace lectern::app;

class TestVisionBudget : public QObject {
    Q_OBJECT

private slots:
    void pythonRoundGoesToEven()
    {
        QCOMPARE(pythonRound(0.5), 0.0);
        QCOMPARE(pythonRound(1.5), 2.0);
        QCOMPARE(pythonRound(2.5), 2.0);
        QCOMPARE(pythonRound(3.5), 4.0);
        QCOMPARE(pythonRound(2.4999), 2.0);
        QCOMPARE(pythonRound(2.5001), 3.0);
        QCOMPARE(pythonRound(-1.5), -2.0);
        QCOMPARE(pythonRound(33.75), 34.0);
    }

    void smartResize_data()
    {
        QTest::addColumn<QSize>("source");  // width x height
        QTest::addColumn<QSize>("resized");
        QTest::addColumn<qint64>("tokens");
        // qwen35.md §7.2 worked examples.
        QTest::newRow("1920x1080 (spec)") << QSize(1920, 1080) << QSize(1920, 1088) << qint64(2040);
        QTest::newRow("100x100 (spec)") << QSize(100, 100) << QSize(256, 256) << qint64(64);
        // 80/32 = 2.5 rounds to 2 (half to even): 64 high, not 96; 64·2048 is inside the pixel range.
        QTest::newRow("half to even") << QSize(2048, 80) << QSize(2048, 64) << qint64(128);
        // 48/32 = 1.5 → 2 → 64; 64·64 < 65536 → β = √(65536/3072): ⌈48β/32⌉·32 = 224, ⌈64β/32⌉·32 = 320.
        QTest::newRow("min branch") << QSize(64, 48) << QSize(320, 224) << qint64(70);
        // 20000² > max: β = √(4·10⁸/2²⁴) = 4.8828125 exactly, 20000/β = 4096 → 4096², the 16384-token maximum.
        QTest::newRow("max branch 20000x20000") << QSize(20000, 20000) << QSize(4096, 4096) << qint64(16384);
        // US Letter at 120 dpi: 1020/32 = 31.875 → 32 → 1024; 1320/32 = 41.25 → 41 → 1312.
        QTest::newRow("letter page at 120 dpi") << QSize(1020, 1320) << QSize(1024, 1312) << qint64(1312);
        QTest::newRow("4000x3000 photo") << QSize(4000, 3000) << QSize(4000, 3008) << qint64(11750);
        // Exactly 200:1 is allowed: h = ⌈1·β/32⌉·32 = 32, w = ⌈200·β/32⌉·32 = 3648 with β = √(65536/200).
        QTest::newRow("aspect 200") << QSize(200, 1) << QSize(3648, 32) << qint64(114);
    }

    void smartResize()
    {
        QFETCH(QSize, source);
        QFETCH(QSize, resized);
        QFETCH(qint64, tokens);
        const std::optional<QSize> result = lectern::app::smartResize(source);
        QVERIFY(result.has_value());
        QCOMPARE(*result, resized);
        QCOMPARE(result->width() % 32, 0);
        QCOMPARE(result->height() % 32, 0);
        QCOMPARE(imageTokens(*result), tokens);
    }

    void smartResizeRejectsUnusableSizes()
    {
        QVERIFY(!lectern::app::smartResize(QSize(201, 1)).has_value());  // aspect ratio above 200
        QVERIFY(!lectern::app::smartResize(QSize(0, 100)).has_value());
        QVERIFY(!lectern::app::smartResize(QSize(100, -1)).has_value());
        QVERIFY(!lectern::app::smartResizeVideo(0, QSize(64, 48)).has_value());
    }

    void smartResizeVideo_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<QSize>("source");
        QTest::addColumn<QSize>("resized");
        QTest::addColumn<qint64>("tokens");
        // 20 frames of 1080p: 20·1088·1920 > 25165824 → β = √(20·1080·1920/25165824) = 1.2837…:
        // ⌊1080/β/32⌋·32 = 832, ⌊1920/β/32⌋·32 = 1472; 10 groups × 832·1472/1024 = 11960 tokens.
        QTest::newRow("20 frames 1080p") << 20 << QSize(1920, 1080) << QSize(1472, 832) << qint64(11960);
        // 6 frames 64x48: 48/32 = 1.5 → 64 (half to even), 6·64·64 within [4096, max]: 3 groups × 4 tokens.
        QTest::newRow("6 frames 64x48") << 6 << QSize(64, 48) << QSize(64, 64) << qint64(12);
        // 5 frames: t_bar = 6 for the budget, 3 groups; 360/32 = 11.25 → 352, 640 → 640: 3 × 220 = 660.
        QTest::newRow("odd frame count") << 5 << QSize(640, 360) << QSize(640, 352) << qint64(660);
        // 768 frames (the maximum) of 1080p: β = √(768·1080·1920/25165824) → 128 x 224 per frame.
        QTest::newRow("768 frames 1080p") << 768 << QSize(1920, 1080) << QSize(224, 128) << qint64(10752);
    }

    void smartResizeVideo()
    {
        QFETCH(int, frames);
        QFETCH(QSize, source);
        QFETCH(QSize, resized);
        QFETCH(qint64, tokens);
        const std::optional<QSize> result = lectern::app::smartResizeVideo(frames, source);
        QVERIFY(result.has_value());
        QCOMPARE(*result, resized);
        QCOMPARE(videoTokens(frames, *result), tokens);
    }

    void sampledFrameCount_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<double>("videoFps");
        QTest::addColumn<int>("maxFrames");
        QTest::addColumn<int>("expected");
        QTest::newRow("10 s at 30 fps → 2 fps") << qint64(300) << 30.0 << 768 << 20;
        QTest::newRow("1 s at 30 fps → min 4") << qint64(30) << 30.0 << 768 << 4;
        QTest::newRow("only 3 frames") << qint64(3) << 30.0 << 768 << 3;
        QTest::newRow("1 hour → 768 budget") << qint64(108000) << 30.0 << 768 << 768;
        QTest::newRow("smaller budget") << qint64(300) << 30.0 << 8 << 8;
        QTest::newRow("floor, not round") << qint64(29) << 10.0 << 768 << 5;  // 29/10·2 = 5.8 → 5
    }

    void sampledFrameCount()
    {
        QFETCH(qint64, total);
        QFETCH(double, videoFps);
        QFETCH(int, maxFrames);
        QFETCH(int, expected);
        VideoSampling sampling;
        sampling.maxFrames = maxFrames;
        QCOMPARE(lectern::app::sampledFrameCount(total, videoFps, sampling), expected);
    }

    void sampleFrameIndices_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<qint64>>("expected");
        // round(linspace(0, 5, 5)) = round(0, 1.25, 2.5, 3.75, 5): 2.5 → 2 (half to even).
        QTest::newRow("halves") << qint64(6) << 5 << QList<qint64>{0, 1, 2, 4, 5};
        // linspace(0, 7, 3) = 0, 3.5, 7: 3.5 → 4.
        QTest::newRow("half up to even") << qint64(8) << 3 << QList<qint64>{0, 4, 7};
        // linspace(0, 29, 6) = 0, 5.8, 11.6, 17.4, 23.2, 29.
        QTest::newRow("30 frames, 6 samples") << qint64(30) << 6 << QList<qint64>{0, 6, 12, 17, 23, 29};
        QTest::newRow("30 frames, budget 4") << qint64(30) << 4 << QList<qint64>{0, 10, 19, 29};
        QTest::newRow("one") << qint64(30) << 1 << QList<qint64>{0};
        QTest::newRow("all") << qint64(4) << 4 << QList<qint64>{0, 1, 2, 3};
    }

    void sampleFrameIndices()
    {
        QFETCH(qint64, total);
        QFETCH(int, count);
        QFETCH(QList<qint64>, expected);
        QCOMPARE(lectern::app::sampleFrameIndices(total, count), expected);
    }

    void sampleFrameIndicesSpreadEvenly()
    {
        // 300 frames, 20 samples: first and last included, strictly increasing, gaps 15 or 16 (299/19 = 15.7).
        const QList<qint64> indices = lectern::app::sampleFrameIndices(300, 20);
        QCOMPARE(indices.size(), 20);
        QCOMPARE(indices.first(), 0);
        QCOMPARE(indices.last(), 299);
        for (qsizetype i = 1; i < indices.size(); ++i) {
            const qint64 gap = indices.at(i) - indices.at(i - 1);
            QVERIFY2(gap == 15 || gap == 16, qPrintable(QString::number(gap)));
        }
    }
};

QTEST_GUILESS_MAIN(TestVisionBudget)
#include "test_vision_budget.moc"
