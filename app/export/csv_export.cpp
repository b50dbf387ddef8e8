// csv_export.cpp: flattening of JSON records and RFC 4180 writing (rules in csv_export.h).
#include "app/export/csv_export.h"

#include <QHash>

#include "app/export/json_support.h"

namespace lectern::exporting {

using json::Json;

namespace {

QString scalarText(const Json& value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return json::dumpCompact(value);  // numbers, booleans, arrays
}

// Appends (path, text) pairs; an existing path keeps its position and takes the new text.
void flattenInto(const Json& value, const QString& path, QList<QPair<QString, QString>>& cells,
                 QHash<QString, qsizetype>& index)
{
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, child] : value.items()) {
            const QString name = QString::fromStdString(key);
            flattenInto(child, path.isEmpty() ? name : path + QLatin1Char('.') + name, cells, index);
        }
        return;
    }
    const QString text = value.is_object() ? QStringLiteral("{}") : scalarText(value);
    const auto found = index.constFind(path);
    if (found != index.constEnd()) {
        cells[*found].second = text;
        return;
    }
    index.insert(path, cells.size());
    cells.append({path, text});
}

}  // namespace

QString CsvExport::field(const QString& value)
{
    const bool quote = value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(','))
                       || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

storage::StorageResult<QList<QPair<QString, QString>>> CsvExport::flatten(const QByteArray& recordJson)
{
    QString error;
    std::optional<Json> record = json::parse(recordJson, &error);
    if (!record)
        return storage::StorageStatus(storage::StorageErrorCode::Corrupt,
                                      QStringLiteral("the record is not JSON (%1)").arg(error));
    QList<QPair<QString, QString>> cells;
    QHash<QString, qsizetype> index;
    if (record->is_object()) {
        for (const auto& [key, child] : record->items())  // {} at the top has no cells at all
            flattenInto(child, QString::fromStdString(key), cells, index);
    } else
        flattenInto(*record, QStringLiteral("value"), cells, index);
    return cells;
}

storage::StorageResult<QByteArray> CsvExport::write(const QList<storage::ExtractionWithSource>& records,
                                                    const CsvOptions& options)
{
    QStringList columns;
    QHash<QString, qsizetype> columnIndex;
    const QString sourceFile = QStringLiteral("source.file");
    const QString sourcePage = QStringLiteral("source.page");
    if (options.includeSource) {
        columns << sourceFile << sourcePage;
        columnIndex.insert(sourceFile, 0);
        columnIndex.insert(sourcePage, 1);
    }
    QList<QHash<QString, QString>> rows;
    for (const storage::ExtractionWithSource& record : records) {
        storage::StorageResult<QList<QPair<QString, QString>>> cells = flatten(record.extraction.recordJson);
        if (!cells.ok())
            return cells.status().withContext(QStringLiteral("extracted record %1").arg(record.extraction.id));
        QHash<QString, QString> row;
        if (options.includeSource) {
            row.insert(sourceFile, record.sourcePath.value_or(QString()));
            row.insert(sourcePage, record.extraction.page ? QString::number(*record.extraction.page) : QString());
        }
        for (const auto& [name, text] : cells.value()) {
            if (!columnIndex.contains(name)) {
                columnIndex.insert(name, columns.size());
                columns << name;
            }
            if (!(options.includeSource && (name == sourceFile || name == sourcePage)))
                row.insert(name, text);
        }
        rows.append(row);
    }

    QString out;
    const QString crlf = QStringLiteral("\r\n");
    if (!columns.isEmpty()) {
        QStringList header;
        for (const QString& column : columns)
            header << field(column);
        out += header.join(QLatin1Char(',')) + crlf;
    }
    for (const QHash<QString, QString>& row : rows) {
        QStringList fields;
        for (const QString& column : columns)
            fields << field(row.value(column));
        out += fields.join(QLatin1Char(',')) + crlf;
    }
    QByteArray bytes = options.byteOrderMark ? QByteArrayLiteral("\xEF\xBB\xBF") : QByteArray();
    bytes += out.toUtf8();
    return bytes;
}

}  // namespace lectern::exporting
