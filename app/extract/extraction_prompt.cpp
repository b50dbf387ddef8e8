// extraction_prompt.cpp: units of a document and the chat request of one extraction.
#include "app/extract/extraction_prompt.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace lectern::extract {

QList<ExtractionUnit> extractionUnits(const app::ImportedDocument& document, RecordShape shape)
{
    QList<ExtractionUnit> units;
    if (shape == RecordShape::PerItem && document.pages.size() > 1) {
        for (const app::DocumentPage& page : document.pages)
            if (!page.text.trimmed().isEmpty())
                units.append({page.text, page.number});
        return units;
    }
    QStringList texts;
    for (const app::DocumentPage& page : document.pages)
        if (!page.text.trimmed().isEmpty())
            texts << page.text;
    if (!texts.isEmpty())
        units.append({texts.join(QStringLiteral("\n\n")),
                      document.pages.size() == 1 ? std::optional<int>(document.pages.first().number) : std::nullopt});
    return units;
}

ChatRequest buildExtractionRequest(const QByteArray& schemaJson, const QString& sourceName, const ExtractionUnit& unit,
                                   qsizetype maxTextChars, bool thinking)
{
    const QByteArray compact = QJsonDocument::fromJson(schemaJson).toJson(QJsonDocument::Compact);
    const QString system = QStringLiteral(
        "You extract structured data from documents. Answer with one JSON value and nothing else. The value must "
        "follow this JSON Schema:\n%1\nTake every value from the document; use null where the schema allows it "
        "and the document does not say. Write numbers without thousands separators or currency signs, and dates "
        "as YYYY-MM-DD.")
                               .arg(QString::fromUtf8(compact.isEmpty() ? schemaJson : compact));
    QString text = unit.text;
    if (maxTextChars > 0 && text.size() > maxTextChars)
        text = text.left(maxTextChars) + QStringLiteral("\n[... the rest of the document was cut to fit]");
    const QString name = QFileInfo(sourceName).fileName();
    const QString header = unit.page ? QStringLiteral("Document \"%1\", page %2:").arg(name).arg(*unit.page)
                                     : QStringLiteral("Document \"%1\":").arg(name);
    ChatRequest request;
    request.messages.push_back(ChatMessage::make(ChatRole::System, system.toStdString()));
    request.messages.push_back(ChatMessage::make(ChatRole::User, (header + QStringLiteral("\n\n") + text).toStdString()));
    request.enable_thinking = thinking;
    return request;
}

}  // namespace lectern::extract
