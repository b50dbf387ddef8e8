// extraction_prompt.h: what the model sees for one extraction: the schema in the system prompt (the model has to
// see it; the constraint only keeps the output valid) and the document text, cut into units by the record shape.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

#include "app/extract/extraction_templates.h"
#include "app/importers/imported_document.h"
#include "lectern/chat.h"

namespace lectern::extract {

// The text one generation reads, and the page its records come from.
struct ExtractionUnit {
    QString text;
    std::optional<int> page;  // 1-based; set for per-page units of multi-page documents
};

// PerDocument: one unit with every page's text. PerItem: one unit per page that has text (pages are numbered),
// a single unit for one-page documents. Image-only pages have no text and are skipped.
QList<ExtractionUnit> extractionUnits(const app::ImportedDocument& document, RecordShape shape);

// System prompt with the schema, user message with the (possibly shortened) text; thinking off unless asked.
// maxTextChars: the text is cut there (with a note saying so) so that the prompt fits the context.
ChatRequest buildExtractionRequest(const QByteArray& schemaJson, const QString& sourceName, const ExtractionUnit& unit,
                                   qsizetype maxTextChars, bool thinking = false);

}  // namespace lectern::extract
