// text_importer.h: plain text, Markdown, CSV, JSON and HTML files read as text, with encoding detection
// (UTF-8 validated, UTF-16/32 with a byte-order mark, otherwise Latin-1) and HTML reduced to its visible text.
#pragma once

#include "app/importers/import_context.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"

#include <QCoreApplication>

namespace lectern::app {

class TextImporter {
    Q_DECLARE_TR_FUNCTIONS(TextImporter)

public:
    // doc.metadata.format picks the flavour: "plain", "markdown", "csv", "json", "html".
    static void import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context);

    struct DecodedText {
        QString text;
        QString encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "ISO-8859-1"
        bool hadBom = false;
    };
    static DecodedText decode(const QByteArray& bytes);

    // Visible text of an HTML document: tags removed, script/style/head content dropped, entities decoded.
    static QString htmlToText(const QString& html, QString* title);
};

}  // namespace lectern::app
