// streaming_image_decoder.h: decodes PNG (every colour type, 16-bit, interlaced), WebP, TIFF, GIF and BMP straight to a
// reduced size, a row or a band at a time, for images too large to decode whole (issue 5: 20000 x 20000).
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

namespace lectern::app {

class StreamingImageDecoder {
    Q_DECLARE_TR_FUNCTIONS(StreamingImageDecoder)

public:
    struct Result {
        QImage image;   // at most target in size (aspect kept by the caller's choice of target); null on failure
        QString error;  // translated; empty on success
        // The file is fine but this variant cannot be streamed (RLE BMP, ...): too large rather than damaged.
        bool unsupportedVariant = false;
    };

    // True when `format` (Qt's name: "png", "webp", "tiff", "gif", "bmp") has a streaming decoder.
    static bool supports(const QString& format);

    // Decodes the stored (not yet orientation-corrected) image of size `stored` to `target`. The caller applies the
    // EXIF/TIFF orientation afterwards and has already checked `stored` against its limits.
    static Result decode(const QString& path, const QString& format, QSize stored, QSize target);

    // The per-format decoders (streaming_<format>.cpp).
    static Result decodePng(const QString& path, QSize stored, QSize target);
    static Result decodeWebp(const QString& path, QSize stored, QSize target);
    static Result decodeTiff(const QString& path, QSize stored, QSize target);
    static Result decodeGif(const QString& path, QSize stored, QSize target);
    static Result decodeBmp(const QString& path, QSize stored, QSize target);

    static QString damagedMessage(const QString& detail);
};

}  // namespace lectern::app
