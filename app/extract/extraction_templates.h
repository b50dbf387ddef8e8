// extraction_templates.h: the built-in extraction schemas (invoice, receipt, contact, table line items, key facts,
// shipped as JSON resources) and the checks a user's own schema gets, with messages that say what to fix.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace lectern::extract {

struct ExtractionTemplate {
    QString name;        // "invoice", "receipt", "contact", "line_items", "key_facts"
    QString title;       // the schema's "title"
    QString description; // the schema's "description"
    QByteArray schemaJson;
};

// How the records of one document are made from the model's value.
enum class RecordShape {
    PerDocument,  // top level is an object: one record per file
    PerItem,      // top level is an array of items: one record per item (row), per page for PDFs
};

class ExtractionTemplates {
    Q_DECLARE_TR_FUNCTIONS(ExtractionTemplates)

public:
    static QList<ExtractionTemplate> builtIn();
    static std::optional<ExtractionTemplate> byName(const QString& name);
    static QStringList names();

    // Empty when the schema can be used for extraction; otherwise a message naming the problem (JSON syntax with
    // line and column, a keyword outside the supported subset with its location, a top level that is not an
    // object or an array of objects).
    static QString check(const QByteArray& schemaJson);
    // PerItem when the top level is an array (check() passed).
    static RecordShape shapeOf(const QByteArray& schemaJson);
};

}  // namespace lectern::extract
