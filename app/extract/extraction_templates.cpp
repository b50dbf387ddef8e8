// extraction_templates.cpp: loading the built-in schema resources and checking user schemas.
#include "app/extract/extraction_templates.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "lectern/generation.h"

// The resources of a static library must be registered by hand (Q_INIT_RESOURCE works outside namespaces only).
static void initTemplateResources()
{
    Q_INIT_RESOURCE(templates);
}

namespace lectern::extract {

namespace {

const char* const kNames[] = {"invoice", "receipt", "contact", "line_items", "key_facts"};

// 1-based line and column of a byte offset.
QString lineAndColumn(const QByteArray& text, qsizetype offset)
{
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return ExtractionTemplates::tr("line %1, column %2").arg(line).arg(column);
}

}  // namespace

QList<ExtractionTemplate> ExtractionTemplates::builtIn()
{
    static const bool registered = (initTemplateResources(), true);
    Q_UNUSED(registered);
    QList<ExtractionTemplate> all;
    for (const char* name : kNames) {
        QFile file(QStringLiteral(":/extract/templates/%1.json").arg(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ExtractionTemplate t;
        t.name = QLatin1String(name);
        t.schemaJson = file.readAll();
        const QJsonObject o = QJsonDocument::fromJson(t.schemaJson).object();
        t.title = o.value(QStringLiteral("title")).toString();
        t.description = o.value(QStringLiteral("description")).toString();
        all.append(t);
    }
    return all;
}

std::optional<ExtractionTemplate> ExtractionTemplates::byName(const QString& name)
{
    for (const ExtractionTemplate& t : builtIn())
        if (t.name == name)
            return t;
    return std::nullopt;
}

QStringList ExtractionTemplates::names()
{
    QStringList n;
    for (const char* name : kNames)
        n << QLatin1String(name);
    return n;
}

QString ExtractionTemplates::check(const QByteArray& schemaJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(schemaJson, &error);
    if (error.error != QJsonParseError::NoError)
        return tr("The schema is not valid JSON (%1 at %2).")
            .arg(error.errorString(), lineAndColumn(schemaJson, error.offset));
    if (!document.isObject())
        return tr("The schema must be a JSON object such as {\"type\": \"object\", \"properties\": {...}}.");
    const Status engineCheck = check_json_schema(std::string_view(schemaJson.constData(), size_t(schemaJson.size())));
    if (!engineCheck.is_ok())
        return tr("The schema cannot be used: %1.").arg(QString::fromStdString(engineCheck.message()));
    const QJsonObject root = document.object();
    const QString type = root.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("object"))
        return {};
    if (type == QStringLiteral("array")
        && root.value(QStringLiteral("items")).toObject().value(QStringLiteral("type")).toString() == QStringLiteral("object"))
        return {};
    return tr("The top level of an extraction schema must be an object (one record per file) or an array of "
              "objects (one record per item); give \"type\": \"object\" or \"type\": \"array\" with object items.");
}

RecordShape ExtractionTemplates::shapeOf(const QByteArray& schemaJson)
{
    const QJsonObject root = QJsonDocument::fromJson(schemaJson).object();
    return root.value(QStringLiteral("type")).toString() == QStringLiteral("array") ? RecordShape::PerItem
                                                                                    : RecordShape::PerDocument;
}

}  // namespace lectern::extract
