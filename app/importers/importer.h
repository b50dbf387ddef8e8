// importer.h: imports one file synchronously: checks the file, hashes it, detects its kind from the content,
// consults the cache, runs the kind's importer and estimates tokens. ImportService runs this off the UI thread.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"
#include "app/importers/text_token_estimator.h"

#include <QCoreApplication>

namespace lectern::app {

class ImportCache;

class Importer {
    Q_DECLARE_TR_FUNCTIONS(Importer)

public:
    // Never throws, never returns without either a document or an error in the result. cache may be null.
    static ImportedDocument importFile(const QString& path, const ImportOptions& options,
                                       const ImportContext& context = ImportContext(), ImportCache* cache = nullptr,
                                       const TextTokenEstimator& estimator = *defaultTextTokenEstimator());

    // Fills doc.tokens from the pages, frames and image sizes (qwen35.md §7.2, §7.4, §6.3) under the pixel budget.
    static void estimateTokens(ImportedDocument& doc, const TextTokenEstimator& estimator,
                               const VisionPixelBudget& pixels = VisionPixelBudget());

    // Recreates doc.images for a document restored from the cache.
    static void attachImageProvider(ImportedDocument& doc, const ImportOptions& options);

    // The cache key of a file with this content hash imported with these options.
    static QByteArray cacheKey(const QByteArray& contentHash, const ImportOptions& options);

    // "12.3 MiB"-style size for messages.
    static QString formatBytes(qint64 bytes);
};

}  // namespace lectern::app
