// extraction_repository.cpp: SQL for the extraction_schemas and extractions tables.
#include "app/storage/extraction_repository.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include "app/storage/repository_helpers.h"
#include "app/storage/sql_values.h"

namespace lectern::storage {

namespace {

const QString kColumns = QStringLiteral(
    "e.id, e.schema_id, e.record_json, e.validation, e.validation_errors, e.attachment_id, e.page, "
    "e.message_id, e.created_at_ms");

Extraction extractionFromRow(const QSqlQuery& q)
{
    Extraction e;
    e.id = q.value(0).toLongLong();
    e.schemaId = q.value(1).toLongLong();
    e.recordJson = q.value(2).toString().toUtf8();
    e.validation = validationFromName(q.value(3).toString()).value_or(ValidationStatus::Unchecked);
    e.validationErrors = q.value(4).toString();
    e.attachmentId = sql::optionalInt64(q.value(5));
    e.page = sql::optionalInt(q.value(6));
    e.messageId = sql::optionalInt64(q.value(7));
    e.createdAt = sql::fromMs(q.value(8));
    return e;
}

ExtractionSchema schemaFromRow(const QSqlQuery& q)
{
    ExtractionSchema s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.schemaJson = q.value(2).toString().toUtf8();
    s.createdAt = sql::fromMs(q.value(3));
    return s;
}

// Empty when `json` is a JSON object, otherwise what is wrong with it.
QString objectError(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1 at byte %2").arg(error.errorString()).arg(error.offset);
    if (!document.isObject())
        return QStringLiteral("not a JSON object");
    return {};
}

}  // namespace

StorageResult<qint64> ExtractionRepository::addSchema(const ExtractionSchema& schema)
{
    if (schema.name.trimmed().isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument, tr("An extraction schema needs a name."));
    const QString problem = objectError(schema.schemaJson);
    if (!problem.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             tr("The extraction schema '%1' is not valid JSON: %2.").arg(schema.name, problem));
    qint64 id = 0;
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("INSERT INTO extraction_schemas (name, schema_json, created_at_ms) VALUES (?, ?, ?)"),
            {sql::text(schema.name), QString::fromUtf8(schema.schemaJson), sql::toMs(schema.createdAt)}));
        LECTERN_STORAGE_TRY(m_connection.readLastInsertId(id));
        return {};
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<ExtractionSchema> ExtractionRepository::getSchema(qint64 id)
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT id, name, schema_json, created_at_ms FROM extraction_schemas WHERE id = ?"), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no extraction schema with id %1.").arg(id));
    return schemaFromRow(q.value());
}

StorageResult<QList<ExtractionSchema>> ExtractionRepository::listSchemas()
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT id, name, schema_json, created_at_ms FROM extraction_schemas ORDER BY id"));
    if (!q.ok())
        return q.status();
    QList<ExtractionSchema> schemas;
    while (q->next())
        schemas.append(schemaFromRow(q.value()));
    return schemas;
}

StorageStatus ExtractionRepository::removeSchema(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        StorageResult<QVariant> records = m_connection.scalar(
            QStringLiteral("SELECT count(*) FROM extractions WHERE schema_id = ?"), {id});
        if (!records.ok())
            return records.status();
        if (records->toInt() > 0)
            return {StorageErrorCode::InvalidArgument,
                    tr("Extraction schema %1 still has %2 records; delete or export them first.")
                        .arg(id)
                        .arg(records->toInt())};
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM extraction_schemas WHERE id = ?"), {id}));
        return requireOneChange(m_connection, tr("There is no extraction schema with id %1.").arg(id));
    });
}

StorageResult<qint64> ExtractionRepository::add(const Extraction& extraction)
{
    const QString problem = objectError(extraction.recordJson);
    if (!problem.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             tr("The extracted record is not a valid JSON object: %1.").arg(problem));
    if (extraction.page && *extraction.page < 1)
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             tr("Page numbers start at 1, not %1.").arg(*extraction.page));
    return insertReturningId(
        m_connection,
        QStringLiteral("INSERT INTO extractions (schema_id, record_json, validation, validation_errors, "
                       "attachment_id, page, message_id, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {extraction.schemaId, QString::fromUtf8(extraction.recordJson), validationName(extraction.validation),
         sql::text(extraction.validationErrors), sql::optionalValue(extraction.attachmentId),
         sql::optionalValue(extraction.page), sql::optionalValue(extraction.messageId), sql::toMs(extraction.createdAt)},
        [&](const QString& refused) {
            return tr("Cannot store the record: its schema %1, attachment or message does not exist (%2).")
                .arg(extraction.schemaId)
                .arg(refused);
        });
}

StorageResult<Extraction> ExtractionRepository::get(qint64 id)
{
    StorageResult<QSqlQuery> q =
        m_connection.query(QStringLiteral("SELECT %1 FROM extractions e WHERE e.id = ?").arg(kColumns), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no extracted record with id %1.").arg(id));
    return extractionFromRow(q.value());
}

StorageResult<QList<ExtractionWithSource>> ExtractionRepository::listWithSource(const QList<qint64>& schemaIds)
{
    QVariantList bindings;
    QString filter;
    if (!schemaIds.isEmpty()) {
        QStringList marks;
        for (qint64 schemaId : schemaIds) {
            StorageResult<ExtractionSchema> schema = getSchema(schemaId);
            if (!schema.ok())
                return schema.status();
            marks << QStringLiteral("?");
            bindings << schemaId;
        }
        filter = QStringLiteral("WHERE e.schema_id IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1, s.name, coalesce(a.original_path, j.source_path) FROM extractions e "
                       "JOIN extraction_schemas s ON s.id = e.schema_id "
                       "LEFT JOIN attachments a ON a.id = e.attachment_id "
                       "LEFT JOIN extraction_jobs j ON j.id = e.job_id %2 ORDER BY e.id")
            .arg(kColumns, filter),
        bindings);
    if (!q.ok())
        return q.status();
    QList<ExtractionWithSource> rows;
    while (q->next()) {
        ExtractionWithSource row;
        row.extraction = extractionFromRow(q.value());
        row.schemaName = q->value(9).toString();
        row.sourcePath = sql::optionalString(q->value(10));
        rows.append(row);
    }
    return rows;
}

StorageStatus ExtractionRepository::setValidation(qint64 id, ValidationStatus status, const QString& errors)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extractions SET validation = ?, validation_errors = ? WHERE id = ?"),
            {validationName(status), sql::text(errors), id}));
        return requireOneChange(m_connection, tr("There is no extracted record with id %1.").arg(id));
    });
}

StorageStatus ExtractionRepository::updateRecord(qint64 id, const QByteArray& recordJson)
{
    const QString problem = objectError(recordJson);
    if (!problem.isEmpty())
        return {StorageErrorCode::InvalidArgument,
                tr("The edited record %1 is not a JSON object: %2.").arg(id).arg(problem)};
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extractions SET record_json = ?, edited_at_ms = ? WHERE id = ?"),
            {QString::fromUtf8(recordJson), sql::toMs(QDateTime::currentDateTimeUtc()), id}));
        return requireOneChange(m_connection, tr("There is no extracted record with id %1.").arg(id));
    });
}

StorageResult<QList<qint64>> ExtractionRepository::editedIds()
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT id FROM extractions WHERE edited_at_ms IS NOT NULL ORDER BY id"));
    if (!q.ok())
        return q.status();
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    return ids;
}

StorageStatus ExtractionRepository::remove(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM extractions WHERE id = ?"), {id}));
        return requireOneChange(m_connection, tr("There is no extracted record with id %1.").arg(id));
    });
}

}  // namespace lectern::storage
