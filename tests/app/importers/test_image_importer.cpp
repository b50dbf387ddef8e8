// test_image_importer.cpp: PNG, JPEG, WebP, GIF (first frame), BMP and TIFF through the import pipeline; EXIF
// orientation; a 20000 x 20000 image decoded at reduced size within a memory bound; decompression bombs,
// truncated and corrupt images. The streaming decoders of other formats: test_image_streaming.cpp.
#include "app/importers/importer.h"

#include "fixtures.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

using namespace lectern::app;

namespace {

bool near(QColor actual, QColor expected, int tolerance = 40)
{
    return std::abs(actual.red() - expected.red()) <= tolerance && std::abs(actual.green() - expected.green()) <= tolerance
        && std::abs(actual.blue() - expected.blue()) <= tolerance;
}

QString describe(QColor c)
{
    return QStringLiteral("rgb(%1,%2,%3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

}  // namespace

class TestImageImporter : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

    ImportedDocument importBytes(const QString& name, const QByteArray& bytes, const ImportOptions& options = {})
    {
        return Importer::importFile(m_folder.write(name, bytes), options);
    }

private slots:
    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("jpeg") << QStringLiteral("jpeg");
        QTest::newRow("webp") << QStringLiteral("webp");
        QTest::newRow("bmp") << QStringLiteral("bmp");
        QTest::newRow("tiff") << QStringLiteral("tiff");
    }

    void formats()
    {
        QFETCH(QString, format);
        const QImage source = fixtures::twoColourImage(120, 80, Qt::red, Qt::blue);
        const QByteArray bytes = fixtures::encodeImage(source, format.toLatin1().constData(), 95);
        const ImportedDocument doc = importBytes(QStringLiteral("picture.") + format, bytes);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.kind, DocumentKind::Image);
        QCOMPARE(doc.metadata.format, format);
        QCOMPARE(doc.metadata.mimeType, QStringLiteral("image/") + format);
        QCOMPARE(doc.metadata.dimensions, QSize(120, 80));
        QCOMPARE(doc.contentHash.size(), 64);
        QVERIFY(doc.warnings.isEmpty());
        QCOMPARE(doc.pages.size(), 1);
        QVERIFY(doc.pages.first().imagePage);
        // smart_resize(80 x 120): 80/32 = 2.5 → 64, 120/32 = 3.75 → 128; 64·128 = 8192 < 65536 → min branch:
        // β = √(65536/9600), ⌈80β/32⌉·32 = 224, ⌈120β/32⌉·32 = 320 → 224·320/1024 = 70 tokens.
        QCOMPARE(doc.tokens.imageTokens, qint64(70));
        QCOMPARE(doc.tokens.visionInputs.size(), 1);
        QCOMPARE(doc.tokens.visionInputs.first().resizedSize, QSize(320, 224));
        QCOMPARE(doc.tokens.overheadTokens, qint64(2));
        QVERIFY(doc.images);
        QCOMPARE(doc.images->count(), 1);
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(120, 80));
        QVERIFY2(near(image.pixelColor(20, 40), Qt::red), qPrintable(describe(image.pixelColor(20, 40))));
        QVERIFY2(near(image.pixelColor(100, 40), Qt::blue), qPrintable(describe(image.pixelColor(100, 40))));
        // Scaled on request, aspect kept.
        QCOMPARE(doc.images->image(0, QSize(60, 60)).size(), QSize(60, 40));
        QString error;
        QVERIFY(doc.images->image(1, QSize(), &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    void gifFirstFrame()
    {
        const QByteArray gif = fixtures::makeGif(16, 12, {Qt::green, Qt::red, Qt::blue});
        const ImportedDocument doc = importBytes(QStringLiteral("anim.gif"), gif);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.format, QStringLiteral("gif"));
        QCOMPARE(doc.metadata.dimensions, QSize(16, 12));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral("3 frames")), qPrintable(doc.warnings.first()));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(16, 12));
        QVERIFY2(near(image.pixelColor(8, 6), Qt::green, 0), qPrintable(describe(image.pixelColor(8, 6))));
    }

    void exifOrientation()
    {
        // Stored 40 wide x 20 high, red left / blue right; orientation 6 = "rotate 90° clockwise to display":
        // displayed 20 x 40 with red on top.
        const QImage stored = fixtures::twoColourImage(40, 20, Qt::red, Qt::blue);
        const ImportedDocument doc = importBytes(QStringLiteral("phone.jpg"), fixtures::jpegWithExifOrientation(stored, 6));
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.dimensions, QSize(20, 40));
        QCOMPARE(doc.pages.first().imageSize, QSize(20, 40));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(20, 40));
        QVERIFY2(near(image.pixelColor(10, 5), Qt::red), qPrintable(describe(image.pixelColor(10, 5))));
        QVERIFY2(near(image.pixelColor(10, 35), Qt::blue), qPrintable(describe(image.pixelColor(10, 35))));
    }

    void hugeImageDecodedReduced()
    {
        // 20000 x 20000 JPEG: 1.6 GB as 32-bit pixels. libjpeg's DCT scaling decodes it at reduced size.
        const QByteArray jpeg = fixtures::uniformGreyJpeg(20000, 20000);
        QVERIFY(jpeg.size() < 2 * 1024 * 1024);
        const QString path = m_folder.write(QStringLiteral("huge.jpg"), jpeg);
        const long rssBefore = peakRssMiB();
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.dimensions, QSize(20000, 20000));
        const QImage image = doc.images->image(0);
        QVERIFY(qint64(image.width()) * image.height() <= 16777216);
        QVERIFY(image.width() >= 4000);
        QVERIFY2(near(image.pixelColor(image.width() / 2, image.height() / 2), QColor(128, 128, 128), 2),
                 qPrintable(describe(image.pixelColor(image.width() / 2, image.height() / 2))));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY(doc.warnings.first().contains(QStringLiteral("decoded at")));
        // Tokens come from the full size: smart_resize(20000²) = 4096² → 16384 (qwen35.md §7.2 maximum).
        QCOMPARE(doc.tokens.imageTokens, qint64(16384));
        const long grown = peakRssMiB() - rssBefore;
        qInfo("20000x20000 JPEG: %lld ms, decoded %dx%d, peak memory grew by %ld MiB", elapsed, image.width(),
              image.height(), grown);
        QVERIFY2(grown < 600, qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(grown)));
        QVERIFY2(elapsed < 30000, qPrintable(QString::number(elapsed)));
    }

    void hugePngDecodedReduced()
    {
        // 8-bit RGB PNG: Qt scales it row by row. 4000 x 4000 against a 1 Mpx decode budget.
        QImage rgb(4000, 4000, QImage::Format_RGB888);
        rgb.fill(QColor(10, 200, 30));
        const QString path = m_folder.write(QStringLiteral("big.png"), fixtures::encodeImage(rgb, "png"));
        rgb = QImage();
        ImportOptions options;
        options.limits.maxDecodePixels = 1000000;
        options.limits.maxFullDecodeBytes = 10000000;  // 4000²·4 = 64 MB would be refused: proves the scaled path
        const ImportedDocument doc = Importer::importFile(path, options);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(1000, 1000));
        QVERIFY(near(image.pixelColor(500, 500), QColor(10, 200, 30), 2));
    }

    void decompressionBomb()
    {
        // 60000 x 60000 claimed in 100-odd bytes: refused from the header, in milliseconds.
        const QByteArray bomb = fixtures::pngBomb(60000, 60000);
        QVERIFY(bomb.size() < 1024);
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = importBytes(QStringLiteral("bomb.png"), bomb);
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(doc.errorCode, ImportErrorCode::DimensionsTooLarge);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("60000 x 60000")), qPrintable(doc.errorMessage));
        QCOMPARE(doc.status(), ImportStatus::Failed);
    }

    void absurdSide()
    {
        // 1 x 100000: few pixels, but a side beyond 65535.
        const ImportedDocument doc = importBytes(QStringLiteral("line.png"), fixtures::pngBomb(100000, 1));
        QCOMPARE(doc.errorCode, ImportErrorCode::DimensionsTooLarge);
    }

    void truncatedPng()
    {
        const QImage noise = [] {
            QImage image(64, 64, QImage::Format_RGB32);
            quint32 state = 12345;
            for (int y = 0; y < 64; ++y)
                for (int x = 0; x < 64; ++x) {
                    state = state * 1664525u + 1013904223u;
                    image.setPixel(x, y, state);
                }
            return image;
        }();
        const QByteArray png = fixtures::encodeImage(noise, "png");
        const ImportedDocument doc = importBytes(QStringLiteral("cut.png"), png.left(png.size() / 2));
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("damaged")));
    }

    void corruptJpeg()
    {
        // A JPEG start-of-image marker followed by garbage.
        QByteArray bytes("\xFF\xD8\xFF\xE0");
        bytes += QByteArray(500, '\x5A');
        const ImportedDocument doc = importBytes(QStringLiteral("broken.jpg"), bytes);
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
    }

    void providerRedecodesAfterCacheRestore()
    {
        // A provider made without a decoded image (as after a cache hit) decodes the file on demand.
        ImportedDocument doc;
        doc.kind = DocumentKind::Image;
        doc.sourcePath = m_folder.write(QStringLiteral("lazy.png"),
                                        fixtures::encodeImage(fixtures::twoColourImage(8, 8, Qt::red, Qt::red), "png"));
        doc.metadata.format = QStringLiteral("png");
        Importer::attachImageProvider(doc, ImportOptions());
        QVERIFY(doc.images);
        QCOMPARE(doc.images->image(0).size(), QSize(8, 8));
    }
};

QTEST_MAIN(TestImageImporter)
#include "test_image_importer.moc"
