// image_importer.h: still images through QImageReader (PNG, JPEG, WebP, GIF first frame, BMP, TIFF) with EXIF
// orientation applied, the claimed size checked before decoding, and huge images decoded at reduced size.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

#include <QCoreApplication>

namespace lectern::app {

class ImageImporter {
    Q_DECLARE_TR_FUNCTIONS(ImageImporter)

public:
    static void import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context);

    // The decoded image (seeded when the import already has it, re-decoded on demand otherwise).
    static std::shared_ptr<const ImageProvider> makeProvider(const ImportedDocument& doc, const ImportOptions& options,
                                                             const QImage& decoded = QImage());

    struct Decoded {
        QImage image;             // oriented, at most limits.maxDecodePixels pixels; null on failure
        QSize displaySize;        // full size after EXIF orientation
        int frameCount = 1;       // GIF/WebP/TIFF frames (only the first is used)
        bool reduced = false;     // decoded below full size
        ImportErrorCode errorCode = ImportErrorCode::None;
        QString errorMessage;
    };
    // format: Qt's name ("png", "jpeg", "gif", "bmp", "tiff", "webp"); empty lets Qt guess from the content.
    static Decoded decode(const QString& path, const QString& format, const ImportLimits& limits);
};

}  // namespace lectern::app
