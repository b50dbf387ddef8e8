// content_sniffer.h: decides what a file is from its first bytes (never from its name), and notices when the
// name claims something else (a PNG named .pdf).
#pragma once

#include "app/importers/imported_document.h"

#include <QByteArray>
#include <QString>

namespace lectern::app {

struct SniffResult {
    DocumentKind kind = DocumentKind::Unknown;
    QString mimeType;     // from the content
    QString format;       // "pdf", "png", "jpeg", "gif", "bmp", "tiff", "webp", "video", text formats
    QString description;  // human-readable type of unsupported content, e.g. "ZIP archive"
    bool isAudio = false;
};

class ContentSniffer {
public:
    // head: the first bytes of the file (64 KiB is plenty); fileName only picks the text flavour
    // (markdown, csv, json, html) of content that is already known to be text.
    static SniffResult sniff(const QByteArray& head, const QString& fileName);

    // The kind the file name's extension suggests, or Unknown when it suggests none of ours.
    static DocumentKind kindFromFileName(const QString& fileName);

    static constexpr qsizetype kHeadBytes = 64 * 1024;
};

}  // namespace lectern::app
