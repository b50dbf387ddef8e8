// video_importer.h: videos through FFmpeg: stream facts, frames sampled per qwen35.md §7.4 (2 fps by default,
// up to a frame budget, evenly spread) by their real timestamps, rotation honoured, limits on size and length.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

#include <QCoreApplication>

namespace lectern::app {

class VideoImporter {
    Q_DECLARE_TR_FUNCTIONS(VideoImporter)

public:
    static void import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context);

    // Decodes doc.frames[index] on demand (seek + decode forward), rotated for display.
    static std::shared_ptr<const ImageProvider> makeProvider(const ImportedDocument& doc, const ImportOptions& options);
};

}  // namespace lectern::app
