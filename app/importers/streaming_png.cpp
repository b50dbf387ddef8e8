// streaming_png.cpp: PNG rows through libpng with every colour type expanded to 8-bit RGBA, box-filtered to the target
// size as they arrive. Interlaced (Adam7) files keep only the last pass, which holds every odd row at full width.
#include "app/importers/streaming_image_decoder.h"

#include "app/importers/row_downscaler.h"

#include <QFile>

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <memory>
#include <vector>

namespace lectern::app {

namespace {

struct PngErrorState {
    char message[256] = {};
};

void onPngError(png_structp png, png_const_charp message)
{
    auto* state = static_cast<PngErrorState*>(png_get_error_ptr(png));
    std::snprintf(state->message, sizeof state->message, "%s", message);
    png_longjmp(png, 1);
}

void onPngWarning(png_structp, png_const_charp) {}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

StreamingImageDecoder::Result StreamingImageDecoder::decodePng(const QString& path, QSize stored, QSize target)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(QFile::encodeName(path).constData(), "rb"));
    if (!file)
        return {QImage(), tr("The image file could not be opened.")};

    // Everything with a destructor lives outside the setjmp region: libpng's errors longjmp back here.
    PngErrorState errors;
    RowDownscaler downscaler(stored, target);
    std::vector<png_byte> row(size_t(stored.width()) * 8 + 16);
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, onPngError, onPngWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, nullptr);
        return {QImage(), damagedMessage(QStringLiteral("libpng"))};
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return {QImage(), damagedMessage(QString::fromUtf8(errors.message))};
    }
    png_init_io(png, file.get());
    // The header's size was already checked against the import limits; these are libpng's own bomb guards.
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, info);
    const png_uint_32 width = png_get_image_width(png, info);
    const png_uint_32 height = png_get_image_height(png, info);
    if (width != png_uint_32(stored.width()) || height != png_uint_32(stored.height()))
        png_error(png, "the header changed while reading");
    png_set_expand(png);  // palette -> RGB, grey < 8 bits -> 8 bits, tRNS -> alpha
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);  // RGB -> RGBA (no effect when alpha exists)
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != png_size_t(width) * 4)
        png_error(png, "unexpected row layout");

    const bool interlaced = png_get_interlace_type(png, info) == PNG_INTERLACE_ADAM7;
    if (!interlaced) {
        for (png_uint_32 y = 0; y < height; ++y) {
            png_read_row(png, row.data(), nullptr);
            downscaler.addRow(int(y), row.data());
        }
    } else {
        if (height < 2)
            png_error(png, "interlaced image too small for reduced decoding");
        // Without interlace handling png_read_row returns each pass's sub-image rows in turn. Passes 0-5 are read
        // and dropped; pass 6 is rows 1, 3, 5, ... at full width, enough for any reduction of at least 2x.
        for (int pass = 0; pass < PNG_INTERLACE_ADAM7_PASSES; ++pass) {
            const png_uint_32 rows = PNG_PASS_ROWS(height, pass);
            if (PNG_PASS_COLS(width, pass) == 0)
                continue;  // libpng skips empty passes
            for (png_uint_32 i = 0; i < rows; ++i) {
                png_read_row(png, row.data(), nullptr);
                if (pass == PNG_INTERLACE_ADAM7_PASSES - 1)
                    downscaler.addRow(int(2 * i + 1), row.data());
            }
        }
    }
    png_destroy_read_struct(&png, &info, nullptr);
    return {downscaler.finish(), QString()};
}

}  // namespace lectern::app
