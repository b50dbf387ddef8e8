// prompt_builder.h: turns a stored conversation plus a new question and its attachments into the engine's
// ChatRequest. Documents' text goes into the user message, each in a block named after its file; what the model
// cannot see yet (images, videos, scanned pages) becomes a warning instead.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "app/importers/imported_document.h"
#include "app/storage/records.h"
#include "lectern/chat.h"

namespace lectern::chat {

// One attached document's text as the model reads it.
struct DocumentText {
    QString name;  // the file name, without folders
    QString text;
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
    // or nothing for images and videos. Appends a translated warning for every part the model will not see.
    static std::optional<DocumentText> readableText(const app::ImportedDocument& document, QStringList* warnings);

    // The same for an attachment stored with an earlier message (its cached extracted text), for the history.
    static std::optional<DocumentText> readableText(const storage::Attachment& attachment);

    // The whole request: the stored history (attachments found by their message id), then the new question with
    // its documents. Assistant messages carry their reasoning; empty unfinished assistant messages (a crash before
    // the first token) are left out.
    static ChatRequest buildRequest(const QList<storage::Message>& history,
                                    const QList<storage::Attachment>& historyAttachments, const QString& question,
                                    const QList<DocumentText>& documents, bool thinking);
};

}  // namespace lectern::chat
