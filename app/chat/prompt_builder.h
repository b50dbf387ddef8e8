// prompt_builder.h: turns a stored conversation plus a new question and its attachments into the engine's
// ChatRequest. Documents' text goes into the user message, each in a block named after its file; images, page
// images and video frames become pixel parts when the model has a vision encoder, otherwise a warning each.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"
#include "app/storage/records.h"
#include "lectern/chat.h"

namespace lectern::chat {

// One attached document's text as the model reads it.
struct DocumentText {
    QString name;  // the file name, without folders
    QString text;
};

// One image or video clip the model sees, with its pixels.
struct VisualInput {
    QString name;       // the file name, without folders
    QString label;      // "image", "page 3", "video"
    ContentPart part;   // Image (RGB8) or Video (frames with their timestamps)
};

class PromptBuilder {
    Q_DECLARE_TR_FUNCTIONS(PromptBuilder)

public:
    // The text of a user message: every document as
    //   <document name="report.pdf">
    //   ...text...
    //   </document>
    // separated by blank lines, then a blank line and the question. Without documents, the question alone.
    // '&', '<', '>' and '"' in names are written as XML entities so a name cannot end its own tag.
    static QString userMessageText(const QString& question, const QList<DocumentText>& documents);

    // What of a freshly imported document the model can read: its text layer (text files, PDF pages with text),
    // or nothing for images and videos. Appends a translated warning for every part the model will not see:
    // without a vision encoder (modelSees false) images, videos and page images; with one, only documents with
    // neither text nor images.
    static std::optional<DocumentText> readableText(const app::ImportedDocument& document, QStringList* warnings,
                                                    bool modelSees = false);

    // The pixels a vision model gets of a document, in order: the image, the PDF's image pages (imagePage), or the
    // video's sampled frames with their timestamps (the engine pairs them in time). Pictures stay at their decoded
    // size when the engine's smart resize keeps them within the budget (it resizes them itself); larger ones are
    // scaled here to exactly the size the engine would choose, so the token count is the same either way.
    // A picture that cannot be decoded is left out with a warning.
    static QList<VisualInput> visualInputs(const app::ImportedDocument& document,
                                           const app::VisionPixelBudget& budget, QStringList* warnings);

    // The same for an attachment stored with an earlier message (its cached extracted text), for the history.
    static std::optional<DocumentText> readableText(const storage::Attachment& attachment);

    // The same picture at about a quarter of its pixels (half of each side, frames alike): how pictures of earlier
    // questions shrink when the whole conversation does not fit the context.
    static VisualInput reduced(const VisualInput& visual);

    // The whole request: the stored history (attachments found by their message id), then the new question with
    // its documents. Assistant messages carry their reasoning; empty unfinished assistant messages (a crash before
    // the first token) are left out. The new user message starts with the visual inputs in the order given (each
    // a placeholder the engine expands, qwen35.md §6.3), followed by the text, as in the model card's examples.
    // Earlier user messages carry their attachments' text and, when historyVisuals has their id, their pictures
    // again in the same place (the template keeps every turn's <|vision_start|>... in the history, §6).
    static ChatRequest buildRequest(const QList<storage::Message>& history,
                                    const QList<storage::Attachment>& historyAttachments, const QString& question,
                                    const QList<DocumentText>& documents, bool thinking,
                                    const QList<VisualInput>& visuals = {},
                                    const QHash<qint64, QList<VisualInput>>& historyVisuals = {});
};

}  // namespace lectern::chat
