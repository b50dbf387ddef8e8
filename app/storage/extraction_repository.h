// extraction_repository.h: extraction schemas and the JSON records extracted with them (the only SQL for
// the extraction_schemas and extractions tables).
#pragma once

#include <QCoreApplication>
#include <QList>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

class ExtractionRepository {
    Q_DECLARE_TR_FUNCTIONS(ExtractionRepository)

public:
    explicit ExtractionRepository(Connection& connection) : m_connection(connection) {}

    // schemaJson must be a JSON object; returns the new id.
    StorageResult<qint64> addSchema(const ExtractionSchema& schema);
    StorageResult<ExtractionSchema> getSchema(qint64 id);
    StorageResult<QList<ExtractionSchema>> listSchemas();
    // Refused (InvalidArgument) while records of the schema exist.
    StorageStatus removeSchema(qint64 id);

    // recordJson must be a JSON object; it is stored byte for byte. Returns the new id.
    StorageResult<qint64> add(const Extraction& extraction);
    StorageResult<Extraction> get(qint64 id);
    // Records with schema name and source file, in id order; only the given schemas if any are given.
    // NotFound if a given schema id does not exist.
    StorageResult<QList<ExtractionWithSource>> listWithSource(const QList<qint64>& schemaIds = {});
    StorageStatus setValidation(qint64 id, ValidationStatus status, const QString& errors);
    // The user's edit of a record (results table): recordJson must be a JSON object; marks the record as edited.
    StorageStatus updateRecord(qint64 id, const QByteArray& recordJson);
    // Ids of the records the user edited, in id order.
    StorageResult<QList<qint64>> editedIds();
    StorageStatus remove(qint64 id);

private:
    Connection& m_connection;
};

}  // namespace lectern::storage
