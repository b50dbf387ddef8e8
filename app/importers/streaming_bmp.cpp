// streaming_bmp.cpp: uncompressed and bit-field BMP files (1, 4, 8, 16, 24 and 32 bits per pixel; bottom-up or
// top-down) read a row at a time and box-filtered to the target size. No library streams BMP rows; the format's
// uncompressed layout is simple enough to read directly. RLE-compressed files are refused at this size.
#include "app/importers/streaming_image_decoder.h"

#include "app/importers/row_downscaler.h"

#include <QFile>
#include <QtEndian>

#include <bit>
#include <vector>

namespace lectern::app {

namespace {

constexpr quint32 kBiRgb = 0;
constexpr quint32 kBiBitfields = 3;
constexpr quint32 kBiAlphaBitfields = 6;

// One channel of a bit-field pixel: mask, shift to its lowest bit and its width, scaled to 0..255.
struct Channel {
    quint32 mask = 0;
    int shift = 0;
    int bits = 0;

    explicit Channel(quint32 m = 0) : mask(m)
    {
        if (m) {
            shift = std::countr_zero(m);
            bits = std::popcount(m);
        }
    }
    uchar extract(quint32 pixel, uchar absent) const
    {
        if (!mask)
            return absent;
        const quint32 value = (pixel & mask) >> shift;
        const quint32 maximum = bits >= 32 ? 0xffffffffu : (1u << bits) - 1u;
        return uchar((quint64(value) * 255 + maximum / 2) / maximum);
    }
};

quint32 le32(const uchar* p) { return qFromLittleEndian<quint32>(p); }
quint16 le16(const uchar* p) { return qFromLittleEndian<quint16>(p); }

}  // namespace

StreamingImageDecoder::Result StreamingImageDecoder::decodeBmp(const QString& path, QSize stored, QSize target)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QImage(), tr("The image file could not be opened.")};
    const QByteArray head = file.read(14 + 124);
    const auto* h = reinterpret_cast<const uchar*>(head.constData());
    if (head.size() < 14 + 40 || h[0] != 'B' || h[1] != 'M')
        return {QImage(), damagedMessage(QStringLiteral("BMP header"))};
    const quint32 pixelOffset = le32(h + 10);
    const quint32 infoSize = le32(h + 14);
    if (infoSize < 40 || infoSize > (1u << 16))  // OS/2 core headers (12 bytes) are never this large
        return {QImage(), tr("This kind of BMP file cannot be decoded at reduced size; save it as PNG or JPEG, or make "
                             "it smaller."), true};
    const qint32 width = qint32(le32(h + 18));
    const qint32 rawHeight = qint32(le32(h + 22));
    const int bitCount = le16(h + 28);
    const quint32 compression = le32(h + 30);
    quint32 paletteSize = le32(h + 46);
    const bool topDown = rawHeight < 0;
    const qint64 height = topDown ? -qint64(rawHeight) : rawHeight;
    if (width != stored.width() || height != stored.height())
        return {QImage(), damagedMessage(QStringLiteral("size differs from the header"))};

    // Pixel layout: a palette for <= 8 bits, bit fields (default 5-5-5 or 8-8-8) otherwise.
    Channel red, green, blue, alpha;
    if (compression == kBiBitfields || compression == kBiAlphaBitfields) {
        if (bitCount != 16 && bitCount != 32)
            return {QImage(), damagedMessage(QStringLiteral("bit fields need 16 or 32 bits per pixel"))};
        // Masks follow a 40-byte header; larger headers hold them in place at the same offsets.
        const QByteArray masks = infoSize >= 56 ? head.mid(14 + 40, 16) : (file.seek(14 + 40), file.read(16));
        if (masks.size() < 12)
            return {QImage(), damagedMessage(QStringLiteral("BMP bit fields"))};
        const auto* m = reinterpret_cast<const uchar*>(masks.constData());
        red = Channel(le32(m));
        green = Channel(le32(m + 4));
        blue = Channel(le32(m + 8));
        if (masks.size() >= 16 && (compression == kBiAlphaBitfields || infoSize >= 56))
            alpha = Channel(le32(m + 12));
    } else if (compression == kBiRgb) {
        if (bitCount == 16) {
            red = Channel(0x7c00);
            green = Channel(0x03e0);
            blue = Channel(0x001f);
        } else if (bitCount == 24 || bitCount == 32) {
            red = Channel(0x00ff0000);
            green = Channel(0x0000ff00);
            blue = Channel(0x000000ff);
        } else if (bitCount != 1 && bitCount != 4 && bitCount != 8) {
            return {QImage(), damagedMessage(QStringLiteral("%1 bits per pixel").arg(bitCount))};
        }
    } else {
        return {QImage(), tr("This kind of BMP file (compressed) cannot be decoded at reduced size; save it as PNG or "
                             "JPEG, or make it smaller."), true};
    }

    std::vector<uchar> palette;  // RGBA entries
    if (bitCount <= 8) {
        const quint32 maxEntries = 1u << bitCount;
        if (paletteSize == 0 || paletteSize > maxEntries)
            paletteSize = maxEntries;
        if (!file.seek(14 + qint64(infoSize)))
            return {QImage(), damagedMessage(QStringLiteral("BMP palette"))};
        const QByteArray entries = file.read(qint64(paletteSize) * 4);
        palette.assign(size_t(maxEntries) * 4, 0);
        for (quint32 i = 0; i < maxEntries; ++i)
            palette[size_t(i) * 4 + 3] = 255;
        for (qsizetype i = 0; i + 3 < entries.size(); i += 4) {
            const auto* e = reinterpret_cast<const uchar*>(entries.constData()) + i;
            palette[size_t(i) + 0] = e[2];
            palette[size_t(i) + 1] = e[1];
            palette[size_t(i) + 2] = e[0];
        }
    }

    const qint64 stride = ((qint64(bitCount) * width + 31) / 32) * 4;
    if (!file.seek(pixelOffset))
        return {QImage(), damagedMessage(QStringLiteral("BMP pixel offset"))};
    RowDownscaler downscaler(stored, target);
    QByteArray fileRow(stride, Qt::Uninitialized);
    std::vector<uchar> rgba(size_t(width) * 4);
    for (qint64 i = 0; i < height; ++i) {
        if (file.read(fileRow.data(), stride) != stride)
            return {QImage(), damagedMessage(QStringLiteral("the file ends after %1 of %2 rows").arg(i).arg(height))};
        const auto* src = reinterpret_cast<const uchar*>(fileRow.constData());
        for (qint32 x = 0; x < width; ++x) {
            uchar* out = &rgba[size_t(x) * 4];
            if (bitCount <= 8) {
                const int perByte = 8 / bitCount;
                const int shift = 8 - bitCount * (x % perByte + 1);
                const int index = (src[x / perByte] >> shift) & ((1 << bitCount) - 1);
                std::copy_n(&palette[size_t(index) * 4], 4, out);
                continue;
            }
            quint32 pixel = 0;
            if (bitCount == 16)
                pixel = le16(src + 2 * x);
            else if (bitCount == 24)
                pixel = quint32(src[3 * x]) | quint32(src[3 * x + 1]) << 8 | quint32(src[3 * x + 2]) << 16;
            else
                pixel = le32(src + 4 * x);
            out[0] = red.extract(pixel, 0);
            out[1] = green.extract(pixel, 0);
            out[2] = blue.extract(pixel, 0);
            out[3] = alpha.extract(pixel, 255);
        }
        downscaler.addRow(int(topDown ? i : height - 1 - i), rgba.data());
    }
    return {downscaler.finish(), QString()};
}

}  // namespace lectern::app
