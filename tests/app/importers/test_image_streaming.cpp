// test_image_streaming.cpp: images too large to decode whole are decoded at reduced size, a row or band at a time, in
// every format Qt cannot scale while decoding (16-bit, palette, interlaced PNG; WebP; TIFF; GIF; BMP), with
// colours and orientation intact; damaged and unstreamable files give clear errors.
#include "app/importers/importer.h"
#include "app/importers/row_downscaler.h"

#include "fixtures.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

using namespace lectern::app;

namespace {

bool near(QColor actual, QColor expected, int tolerance)
{
    return std::abs(actual.red() - expected.red()) <= tolerance && std::abs(actual.green() - expected.green()) <= tolerance
        && std::abs(actual.blue() - expected.blue()) <= tolerance;
}

QString describe(QColor c)
{
    return QStringLiteral("rgb(%1,%2,%3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

// 400 x 300 in four uniform quadrants, so box-filtered pixels inside a quadrant keep its colour exactly.
QImage quadrants(QColor topLeft, QColor topRight, QColor bottomLeft, QColor bottomRight)
{
    QImage image(400, 300, QImage::Format_RGB32);
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x)
            image.setPixelColor(x, y, y < 150 ? (x < 200 ? topLeft : topRight) : (x < 200 ? bottomLeft : bottomRight));
    return image;
}

// Room for a 100 x 75 decode only; the full 400 x 300 decode (480,000 bytes) is refused, so success proves streaming.
ImportOptions streamingOnlyOptions()
{
    ImportOptions options;
    options.limits.maxDecodePixels = 100 * 75;
    options.limits.maxFullDecodeBytes = 100000;
    return options;
}

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// An uncompressed 8-bit RGB TIFF with an Orientation tag (Qt's writer cannot set one), written by hand.
QByteArray tiffWithOrientation(const QImage& image, int orientation)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const quint32 w = quint32(rgb.width()), h = quint32(rgb.height());
    QByteArray out("II*\0", 4);
    auto le16 = [&out](quint32 v) { out.append(char(v & 0xff)); out.append(char((v >> 8) & 0xff)); };
    auto le32 = [&out](quint32 v) { for (int i = 0; i < 4; ++i) out.append(char((v >> (8 * i)) & 0xff)); };
    constexpr quint32 kEntries = 11, kIfd = 8, kBitsAt = kIfd + 2 + kEntries * 12 + 4, kPixelsAt = kBitsAt + 6;
    le32(kIfd);
    le16(kEntries);
    auto entry = [&](quint32 tag, quint32 type, quint32 count, quint32 value) {
        le16(tag);
        le16(type);
        le32(count);
        if (type == 3 && count == 1) {
            le16(value);
            le16(0);
        } else {
            le32(value);
        }
    };
    entry(256, 4, 1, w);             // ImageWidth
    entry(257, 4, 1, h);             // ImageLength
    entry(258, 3, 3, kBitsAt);       // BitsPerSample 8, 8, 8
    entry(259, 3, 1, 1);             // no compression
    entry(262, 3, 1, 2);             // RGB
    entry(273, 4, 1, kPixelsAt);     // StripOffsets
    entry(274, 3, 1, quint32(orientation));
    entry(277, 3, 1, 3);             // SamplesPerPixel
    entry(278, 4, 1, h);             // RowsPerStrip
    entry(279, 4, 1, w * h * 3);     // StripByteCounts
    entry(284, 3, 1, 1);             // PlanarConfiguration: contiguous
    le32(0);                         // no next IFD
    le16(8);
    le16(8);
    le16(8);
    for (quint32 y = 0; y < h; ++y)
        out.append(reinterpret_cast<const char*>(rgb.constScanLine(int(y))), qsizetype(w) * 3);
    return out;
}

const QColor kRed(220, 20, 30), kGreen(20, 200, 40), kBlue(30, 40, 210), kWhite(250, 250, 250);
const QColor kGrey1(30, 30, 30), kGrey2(90, 90, 90), kGrey3(160, 160, 160), kGrey4(230, 230, 230);

}  // namespace

class TestImageStreaming : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

private slots:
    void reducedDecode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("grey");
        QTest::addColumn<int>("tolerance");
        const QImage colour = quadrants(kRed, kGreen, kBlue, kWhite);
        const QImage grey = quadrants(kGrey1, kGrey2, kGrey3, kGrey4);
        // Exact formats keep colours within rounding; lossy WebP and palette quantisation get more room.
        QTest::newRow("png 16-bit grey") << QStringLiteral("grey16.png")
                                         << fixtures::encodeImage(grey.convertToFormat(QImage::Format_Grayscale16), "png")
                                         << true << 2;
        QTest::newRow("png 16-bit rgba") << QStringLiteral("rgba64.png")
                                         << fixtures::encodeImage(colour.convertToFormat(QImage::Format_RGBA64), "png")
                                         << false << 2;
        QTest::newRow("png palette") << QStringLiteral("palette.png")
                                     << fixtures::encodeImage(colour.convertToFormat(QImage::Format_Indexed8), "png")
                                     << false << 2;
        QTest::newRow("png interlaced") << QStringLiteral("adam7.png") << fixtures::interlacedPng(colour) << false << 2;
        QTest::newRow("webp") << QStringLiteral("photo.webp") << fixtures::encodeImage(colour, "webp", 90) << false << 24;
        QTest::newRow("tiff") << QStringLiteral("scan.tiff") << fixtures::encodeImage(colour, "tiff") << false << 2;
        QTest::newRow("bmp 24-bit") << QStringLiteral("rgb.bmp") << fixtures::encodeImage(colour, "bmp") << false << 2;
        QTest::newRow("bmp 8-bit palette")
            << QStringLiteral("indexed.bmp") << fixtures::encodeImage(colour.convertToFormat(QImage::Format_Indexed8), "bmp")
            << false << 2;
    }

    void reducedDecode()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, grey);
        QFETCH(int, tolerance);
        QVERIFY(!bytes.isEmpty());
        const ImportedDocument doc = Importer::importFile(m_folder.write(name, bytes), streamingOnlyOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.dimensions, QSize(400, 300));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY2(doc.warnings.first().contains(QStringLiteral("decoded at 100 x 75")), qPrintable(doc.warnings.first()));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(100, 75));
        const QColor expected[4] = {grey ? kGrey1 : kRed, grey ? kGrey2 : kGreen, grey ? kGrey3 : kBlue,
                                    grey ? kGrey4 : kWhite};
        const QPoint centres[4] = {{25, 18}, {75, 18}, {25, 56}, {75, 56}};
        for (int i = 0; i < 4; ++i) {
            const QColor actual = image.pixelColor(centres[i]);
            QVERIFY2(near(actual, expected[i], tolerance),
                     qPrintable(QStringLiteral("quadrant %1: %2, expected %3")
                                    .arg(i)
                                    .arg(describe(actual), describe(expected[i]))));
        }
        // Image tokens still follow the full size (qwen35.md §7.2): 400 x 300 -> 384 x 288 (12.5 rounds to even) -> 108.
        QCOMPARE(doc.tokens.imageTokens, qint64(384 * 288 / 1024));
    }

    void gifFirstFrameReduced()
    {
        const QByteArray gif = fixtures::makeGif(400, 300, {QColor(200, 30, 30), QColor(30, 30, 200)});
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("anim.gif"), gif),
                                                          streamingOnlyOptions());
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(100, 75));
        QVERIFY2(near(image.pixelColor(50, 37), QColor(200, 30, 30), 2), qPrintable(describe(image.pixelColor(50, 37))));
        QVERIFY(doc.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("only the first is used")));
    }

    void hugeBilevelPngDecodedReduced()
    {
        // 1-bit greyscale, 20000 x 20000: 1.6 GB as 32-bit pixels, which Qt's reader would allocate whole.
        const QString path = m_folder.write(QStringLiteral("scan.png"), fixtures::bilevelPng(20000, 20000));
        const long rssBefore = peakRssMiB();
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = Importer::importFile(path, ImportOptions());
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.dimensions, QSize(20000, 20000));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(4096, 4096));  // sqrt(16777216): the decode budget
        QVERIFY2(near(image.pixelColor(1000, 2000), Qt::black, 0), qPrintable(describe(image.pixelColor(1000, 2000))));
        QVERIFY2(near(image.pixelColor(3000, 2000), Qt::white, 0), qPrintable(describe(image.pixelColor(3000, 2000))));
        const long grown = peakRssMiB() - rssBefore;
        qInfo("20000x20000 1-bit PNG: %lld ms, decoded %dx%d, peak memory grew by %ld MiB", elapsed, image.width(),
              image.height(), grown);
        QVERIFY2(grown < 400, qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(grown)));
    }

    void orientationAppliedAfterStreaming()
    {
        // Stored 40 x 20, red on top, blue below, Orientation 6 (rotate 90° clockwise to display): shown 20 x 40 with
        // red on the right. Qt's own full decode is the reference for the orientation's meaning.
        const QByteArray tiff = tiffWithOrientation(quadrants(kRed, kRed, kBlue, kBlue).scaled(40, 20), 6);
        const ImportedDocument whole = Importer::importFile(m_folder.write(QStringLiteral("whole.tiff"), tiff), {});
        QVERIFY2(whole.ok(), qPrintable(whole.errorMessage));
        const QImage reference = whole.images->image(0);
        QCOMPARE(reference.size(), QSize(20, 40));
        QVERIFY2(near(reference.pixelColor(15, 20), kRed, 2), qPrintable(describe(reference.pixelColor(15, 20))));
        QVERIFY2(near(reference.pixelColor(4, 20), kBlue, 2), qPrintable(describe(reference.pixelColor(4, 20))));

        ImportOptions options;
        options.limits.maxDecodePixels = 200;       // 10 x 20 shown
        options.limits.maxFullDecodeBytes = 1000;   // 40 x 20 x 4 = 3200: only streaming can decode it
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("turned.tiff"), tiff), options);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.metadata.dimensions, QSize(20, 40));
        const QImage image = doc.images->image(0);
        QCOMPARE(image.size(), QSize(10, 20));
        QVERIFY2(near(image.pixelColor(8, 10), kRed, 2), qPrintable(describe(image.pixelColor(8, 10))));
        QVERIFY2(near(image.pixelColor(1, 10), kBlue, 2), qPrintable(describe(image.pixelColor(1, 10))));
    }

    void rleBmpRefusedAsTooLarge()
    {
        // A BMP header announcing RLE8 compression: not streamable, and too large for a whole decode here.
        QByteArray bmp("BM", 2);
        auto le32 = [&bmp](quint32 v) { for (int i = 0; i < 4; ++i) bmp.append(char((v >> (8 * i)) & 0xff)); };
        auto le16 = [&bmp](quint16 v) { bmp.append(char(v & 0xff)); bmp.append(char(v >> 8)); };
        le32(0);            // file size (unchecked by readers)
        le32(0);            // reserved
        le32(14 + 40 + 1024);
        le32(40);           // BITMAPINFOHEADER
        le32(400);
        le32(300);
        le16(1);
        le16(8);
        le32(1);            // BI_RLE8
        for (int i = 0; i < 5; ++i)
            le32(0);
        bmp += QByteArray(1024, '\0');  // palette
        bmp += QByteArray("\x00\x01", 2);  // end of bitmap
        const ImportedDocument doc = Importer::importFile(m_folder.write(QStringLiteral("rle.bmp"), bmp),
                                                          streamingOnlyOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::DimensionsTooLarge);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("cannot be decoded at reduced size")), qPrintable(doc.errorMessage));
    }

    void truncatedFilesAreDamaged_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        const QImage colour = quadrants(kRed, kGreen, kBlue, kWhite);
        QTest::newRow("png") << QStringLiteral("cut.png") << fixtures::interlacedPng(colour);
        QTest::newRow("bmp") << QStringLiteral("cut.bmp") << fixtures::encodeImage(colour, "bmp");
        QTest::newRow("tiff") << QStringLiteral("cut.tiff") << fixtures::encodeImage(colour, "tiff");
        QTest::newRow("webp") << QStringLiteral("cut.webp") << fixtures::encodeImage(colour, "webp", 90);
    }

    void truncatedFilesAreDamaged()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        const ImportedDocument doc = Importer::importFile(m_folder.write(name, bytes.left(bytes.size() / 2)),
                                                          streamingOnlyOptions());
        QCOMPARE(doc.errorCode, ImportErrorCode::Corrupt);
        QVERIFY2(doc.errorMessage.contains(QStringLiteral("damaged")), qPrintable(doc.errorMessage));
    }

    void downscalerAveragesAndFillsGaps()
    {
        // 4 x 4 -> 2 x 2 from rows 1 and 3 only (an interlaced last pass), in decreasing order (bottom-up BMP).
        RowDownscaler downscaler(QSize(4, 4), QSize(2, 2));
        const uchar row3[16] = {0, 0, 0, 255, 100, 100, 100, 255, 10, 20, 30, 255, 30, 40, 50, 255};
        const uchar row1[16] = {200, 0, 0, 255, 100, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0};
        downscaler.addRow(3, row3);
        downscaler.addRow(1, row1);
        const QImage image = downscaler.finish();
        QCOMPARE(image.size(), QSize(2, 2));
        QCOMPARE(image.pixelColor(0, 0), QColor(150, 0, 0, 255));
        QCOMPARE(image.pixelColor(1, 0), QColor(0, 0, 0, 0));
        QCOMPARE(image.pixelColor(0, 1), QColor(50, 50, 50, 255));
        QCOMPARE(image.pixelColor(1, 1), QColor(20, 30, 40, 255));
        // No rows at all: a null image, not garbage.
        QVERIFY(RowDownscaler(QSize(4, 4), QSize(2, 2)).finish().isNull());
    }
};

QTEST_MAIN(TestImageStreaming)
#include "test_image_streaming.moc"
