// image_inputs.h: the picture of one OpenAI image_url part (a data: URL or a local path) decoded through the app's
// importer and scaled as the chat window would, into the engine's RGB content part.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

#include "app/importers/import_options.h"
#include "lectern/chat.h"

namespace lectern::server {

// One decoded picture, or why there is none (translated; says what to send instead).
struct ImageInput {
    std::optional<lectern::ContentPart> part;  // Image with pixels
    QString error;
    bool serverFault = false;  // the server failed (no temporary file), not the request

    bool ok() const { return part.has_value(); }
};

class ImageInputs {
    Q_DECLARE_TR_FUNCTIONS(ImageInputs)

public:
    // url: "data:image/png;base64,...", "file:///abs/path.png" or "/abs/path.png". Local paths only when
    // allowFilePaths; http(s) URLs are never fetched. The picture must be an image the importer reads (PNG, JPEG,
    // WebP, GIF, BMP, TIFF); its pixels follow the engine's budget (PromptBuilder::visualInputs).
    static ImageInput load(const QString& url, const app::VisionPixelBudget& budget, bool allowFilePaths);

    // The picture in a data: URL; an error for a malformed URL or bad base64.
    static ImageInput fromDataUrl(const QString& url, const app::VisionPixelBudget& budget);

    // The picture in a local file.
    static ImageInput fromFile(const QString& path, const app::VisionPixelBudget& budget);
};

}  // namespace lectern::server
