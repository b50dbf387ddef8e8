// streaming_gif.cpp: the first frame of a GIF through giflib, line by line, placed on the logical screen and
// box-filtered to the target size. Interlaced frames keep only their last pass (every odd row).
#include "app/importers/streaming_image_decoder.h"

#include "app/importers/row_downscaler.h"

#include <QFile>

#include <gif_lib.h>

#include <algorithm>
#include <vector>

namespace lectern::app {

namespace {

struct GifCloser {
    void operator()(GifFileType* gif) const
    {
        int error = 0;
        DGifCloseFile(gif, &error);
    }
};

QString gifErrorText(int code)
{
    const char* text = GifErrorString(code);
    return text ? QString::fromUtf8(text) : QStringLiteral("giflib error %1").arg(code);
}

}  // namespace

StreamingImageDecoder::Result StreamingImageDecoder::decodeGif(const QString& path, QSize stored, QSize target)
{
    int error = 0;
    std::unique_ptr<GifFileType, GifCloser> gif(DGifOpenFileName(QFile::encodeName(path).constData(), &error));
    if (!gif)
        return {QImage(), damagedMessage(gifErrorText(error))};
    if (gif->SWidth != stored.width() || gif->SHeight != stored.height())
        return {QImage(), damagedMessage(QStringLiteral("size differs from the header"))};

    int transparentIndex = NO_TRANSPARENT_COLOR;
    for (;;) {
        GifRecordType record = UNDEFINED_RECORD_TYPE;
        if (DGifGetRecordType(gif.get(), &record) == GIF_ERROR)
            return {QImage(), damagedMessage(gifErrorText(gif->Error))};
        if (record == TERMINATE_RECORD_TYPE)
            return {QImage(), damagedMessage(QStringLiteral("no image in the file"))};
        if (record == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType* extension = nullptr;
            if (DGifGetExtension(gif.get(), &code, &extension) == GIF_ERROR)
                return {QImage(), damagedMessage(gifErrorText(gif->Error))};
            if (code == GRAPHICS_EXT_FUNC_CODE && extension && extension[0] >= 4) {
                GraphicsControlBlock control{};
                if (DGifExtensionToGCB(extension[0], extension + 1, &control) == GIF_OK)
                    transparentIndex = control.TransparentColor;
            }
            while (extension) {
                if (DGifGetExtensionNext(gif.get(), &extension) == GIF_ERROR)
                    return {QImage(), damagedMessage(gifErrorText(gif->Error))};
            }
            continue;
        }
        if (record != IMAGE_DESC_RECORD_TYPE)
            continue;
        if (DGifGetImageDesc(gif.get()) == GIF_ERROR)
            return {QImage(), damagedMessage(gifErrorText(gif->Error))};
        break;
    }

    const GifImageDesc& frame = gif->Image;
    const ColorMapObject* colours = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
    if (!colours || frame.Width <= 0 || frame.Height <= 0 || frame.Left < 0 || frame.Top < 0
        || frame.Left + frame.Width > stored.width() || frame.Top + frame.Height > stored.height())
        return {QImage(), damagedMessage(QStringLiteral("frame outside the screen or without colours"))};

    // The palette as RGBA; indices past its end are black, the transparent index is clear.
    std::vector<uchar> palette(256 * 4, 0);
    for (int i = 0; i < 256; ++i) {
        palette[size_t(i) * 4 + 3] = 255;
        if (i < colours->ColorCount) {
            palette[size_t(i) * 4 + 0] = colours->Colors[i].Red;
            palette[size_t(i) * 4 + 1] = colours->Colors[i].Green;
            palette[size_t(i) * 4 + 2] = colours->Colors[i].Blue;
        }
    }
    if (transparentIndex >= 0 && transparentIndex < 256)
        palette[size_t(transparentIndex) * 4 + 3] = 0;

    RowDownscaler downscaler(stored, target);
    const std::vector<uchar> clearRow(size_t(stored.width()) * 4, 0);
    std::vector<uchar> row(size_t(stored.width()) * 4, 0);
    std::vector<GifPixelType> indices(size_t(frame.Width));
    for (int y = 0; y < frame.Top; ++y)
        downscaler.addRow(y, clearRow.data());

    auto emitRow = [&](int y) {
        for (int x = 0; x < frame.Width; ++x)
            std::copy_n(&palette[size_t(indices[size_t(x)]) * 4], 4, &row[size_t(frame.Left + x) * 4]);
        downscaler.addRow(frame.Top + y, row.data());
    };
    if (!frame.Interlace) {
        for (int y = 0; y < frame.Height; ++y) {
            if (DGifGetLine(gif.get(), indices.data(), frame.Width) == GIF_ERROR)
                return {QImage(), damagedMessage(gifErrorText(gif->Error))};
            emitRow(y);
        }
    } else {
        // Passes: rows 0, 8, ...; 4, 12, ...; 2, 6, ...; then the odd rows 1, 3, ..., which alone are kept.
        static constexpr int kStart[4] = {0, 4, 2, 1};
        static constexpr int kStep[4] = {8, 8, 4, 2};
        for (int pass = 0; pass < 4; ++pass) {
            for (int y = kStart[pass]; y < frame.Height; y += kStep[pass]) {
                if (DGifGetLine(gif.get(), indices.data(), frame.Width) == GIF_ERROR)
                    return {QImage(), damagedMessage(gifErrorText(gif->Error))};
                if (pass == 3 || frame.Height == 1)
                    emitRow(y);
            }
        }
    }
    for (int y = frame.Top + frame.Height; y < stored.height(); ++y)
        downscaler.addRow(y, clearRow.data());
    return {downscaler.finish(), QString()};
}

}  // namespace lectern::app
