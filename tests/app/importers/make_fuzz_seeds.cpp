// make_fuzz_seeds.cpp: writes the small seed corpora for the importer fuzz targets (ctest fuzz.importers):
// make_fuzz_seeds DIR creates DIR/pdf, DIR/image, DIR/video and DIR/text with a few valid files each.
#include "fixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace {

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_seeds DIR\n");
        return 2;
    }
    const QDir root(QString::fromLocal8Bit(argv[1]));
    for (const char* kind : {"pdf", "image", "video", "text"})
        root.mkpath(QString::fromLatin1(kind));
    auto at = [&root](const char* kind, const char* name) { return root.filePath(QString::fromLatin1(kind) + QLatin1Char('/') + QString::fromLatin1(name)); };
    bool ok = true;

    ok &= write(at("pdf", "text.pdf"), fixtures::makePdf({fixtures::pdfText(72, 700, 12, "Hello (world) \\ text"),
                                                          fixtures::pdfRect(10, 10, 50, 50, 1, 0, 0)},
                                                         "Title", "Author"));
    ok &= write(at("pdf", "columns.pdf"), fixtures::makePdf({fixtures::pdfText(300, 700, 10, "right")
                                                             + fixtures::pdfText(72, 700, 10, "left column")},
                                                            QByteArray(), QByteArray(), QSizeF(200, 200)));

    const QImage image = fixtures::twoColourImage(16, 12, Qt::red, Qt::blue);
    for (const char* format : {"png", "jpeg", "bmp", "tiff", "webp"})
        ok &= write(at("image", format), fixtures::encodeImage(image, format, 80));
    ok &= write(at("image", "anim.gif"), fixtures::makeGif(8, 6, {Qt::green, Qt::red}));
    ok &= write(at("image", "exif.jpg"), fixtures::jpegWithExifOrientation(image, 6));
    ok &= write(at("image", "claims-big.png"), fixtures::pngBomb(4000, 3000));

    ok &= write(at("text", "plain.txt"), QByteArray("plain text, caf\xC3\xA9\n"));
    ok &= write(at("text", "latin1.txt"), QByteArray("caf\xE9\n"));
    ok &= write(at("text", "utf16.txt"), QByteArray("\xFF\xFEh\0i\0", 6));
    ok &= write(at("text", "page.html"), QByteArray("\x04<html><head><title>T</title><script>x</script></head>"
                                                    "<body><p>a &amp; b &#8364;</p></body></html>"));
    ok &= write(at("text", "data.json"), QByteArray("\x03{\"a\": [1, \"b\", null]}"));

    // Videos: tiny clips from the ffmpeg CLI (MP4/H.264, WebM/VP9, AVI/MPEG-4, Matroska/MJPEG).
    const QStringList source{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("testsrc=size=32x24:rate=5:duration=1")};
    const QList<QStringList> encodings{
        {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), at("video", "clip.mp4")},
        {QStringLiteral("-c:v"), QStringLiteral("libvpx-vp9"), QStringLiteral("-deadline"), QStringLiteral("realtime"), at("video", "clip.webm")},
        {QStringLiteral("-c:v"), QStringLiteral("mpeg4"), at("video", "clip.avi")},
        {QStringLiteral("-c:v"), QStringLiteral("mjpeg"), at("video", "clip.mkv")},
    };
    for (const QStringList& encoding : encodings) {
        QString log;
        if (!fixtures::runFfmpeg(source + encoding, &log)) {
            std::fprintf(stderr, "make_fuzz_seeds: %s\n", qPrintable(log));
            ok = false;
        }
    }
    if (!ok) {
        std::fprintf(stderr, "make_fuzz_seeds: could not write every seed under %s\n", argv[1]);
        return 1;
    }
    return 0;
}
