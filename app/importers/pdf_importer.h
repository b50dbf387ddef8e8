// pdf_importer.h: PDFs through Poppler's Qt 6 binding: per-page text in reading order, pages without a usable
// text layer marked as image pages, passwords, page ranges, metadata, and lazily rendered page images.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

#include <QCoreApplication>

namespace lectern::app {

class PdfImporter {
    Q_DECLARE_TR_FUNCTIONS(PdfImporter)

public:
    // doc arrives with sourcePath and the common fields set; on return it holds pages or an error.
    static void import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context);

    // Renders doc.pages[index] at options.renderDpi (lowered to stay within limits.maxRenderPixels).
    static std::shared_ptr<const ImageProvider> makeProvider(const ImportedDocument& doc, const ImportOptions& options);

    // True when a page's extracted text is worth sending as text: at least minCharacters printable,
    // non-space characters, and at most a quarter of them replacement or private-use characters (what a font
    // without a Unicode map produces).
    static bool hasUsableText(const QString& text, int minCharacters);

    // Pixel size of a page of sizePoints rendered at dpi, and the dpi actually used so it stays within
    // maxPixels (and maxSize, when valid).
    static QSize renderSize(QSizeF sizePoints, double dpi, qint64 maxPixels, QSize maxSize, double* usedDpi);
};

}  // namespace lectern::app
