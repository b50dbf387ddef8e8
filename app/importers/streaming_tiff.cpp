// streaming_tiff.cpp: TIFF through libtiff's RGBA interface, a band of rows at a time (strips or tiles, every
// photometric interpretation libtiff knows), box-filtered to the target size.
#include "app/importers/streaming_image_decoder.h"

#include "app/importers/row_downscaler.h"

#include <QFile>

#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <vector>

namespace lectern::app {

namespace {

// libtiff reports through process-wide handlers; the last error of this thread is kept for the message.
thread_local char lastTiffError[256];

void onTiffError(const char*, const char* format, va_list arguments)
{
    std::vsnprintf(lastTiffError, sizeof lastTiffError, format, arguments);
}

void onTiffWarning(const char*, const char*, va_list) {}

void installTiffHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        TIFFSetErrorHandler(onTiffError);
        TIFFSetWarningHandler(onTiffWarning);
    });
}

constexpr int kBandRows = 64;

}  // namespace

StreamingImageDecoder::Result StreamingImageDecoder::decodeTiff(const QString& path, QSize stored, QSize target)
{
    installTiffHandlers();
    lastTiffError[0] = '\0';
    auto damaged = [] {
        return Result{QImage(), damagedMessage(lastTiffError[0] ? QString::fromUtf8(lastTiffError)
                                                                : QStringLiteral("libtiff"))};
    };
    TIFF* tiff = TIFFOpen(QFile::encodeName(path).constData(), "r");
    if (!tiff)
        return damaged();
    char message[1024] = {};
    TIFFRGBAImage image{};
    if (!TIFFRGBAImageOK(tiff, message) || !TIFFRGBAImageBegin(&image, tiff, 0, message)) {
        TIFFClose(tiff);
        return {QImage(), damagedMessage(QString::fromUtf8(message))};
    }
    if (image.width != quint32(stored.width()) || image.height != quint32(stored.height())) {
        TIFFRGBAImageEnd(&image);
        TIFFClose(tiff);
        return {QImage(), damagedMessage(QStringLiteral("size differs from the header"))};
    }
    // Rows in stored order: the orientation tag is applied by the caller (as Qt reports it) for every format alike.
    image.orientation = ORIENTATION_TOPLEFT;
    image.req_orientation = ORIENTATION_TOPLEFT;

    RowDownscaler downscaler(stored, target);
    std::vector<uint32_t> band(size_t(stored.width()) * kBandRows);
    bool ok = true;
    for (int y = 0; y < stored.height() && ok; y += kBandRows) {
        const int rows = std::min(kBandRows, stored.height() - y);
        image.row_offset = y;
        image.col_offset = 0;
        ok = TIFFRGBAImageGet(&image, band.data(), image.width, quint32(rows)) != 0;
        // Each uint32 holds R, G, B, A in its low to high bytes (TIFFGetR...), i.e. RGBA8888 in memory order on
        // little-endian machines; convert explicitly so big-endian ones work too.
        for (int r = 0; r < rows && ok; ++r) {
            uint32_t* pixels = band.data() + size_t(r) * size_t(stored.width());
            if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN) {
                for (int x = 0; x < stored.width(); ++x) {
                    const uint32_t p = pixels[x];
                    pixels[x] = (TIFFGetR(p) << 24) | (TIFFGetG(p) << 16) | (TIFFGetB(p) << 8) | TIFFGetA(p);
                }
            }
            downscaler.addRow(y + r, reinterpret_cast<const uchar*>(pixels));
        }
    }
    TIFFRGBAImageEnd(&image);
    TIFFClose(tiff);
    if (!ok)
        return damaged();
    return {downscaler.finish(), QString()};
}

}  // namespace lectern::app
