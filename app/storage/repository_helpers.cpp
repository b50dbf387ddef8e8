// repository_helpers.cpp: the shared statement patterns of the extraction repositories.
#include "app/storage/repository_helpers.h"

namespace lectern::storage {

StorageStatus requireOneChange(Connection& connection, const QString& notFoundMessage)
{
    StorageResult<int> changed = connection.changes();
    if (!changed.ok())
        return changed.status();
    if (changed.value() == 0)
        return {StorageErrorCode::NotFound, notFoundMessage};
    return {};
}

StorageResult<qint64> insertReturningId(Connection& connection, const QString& sql, const QVariantList& bindings,
                                        const std::function<QString(const QString&)>& foreignKeyMessage)
{
    qint64 id = 0;
    StorageStatus status = connection.write([&]() -> StorageStatus {
        StorageStatus inserted = connection.exec(sql, bindings);
        if (inserted.code() == StorageErrorCode::InvalidArgument)  // a foreign key refused it
            return {StorageErrorCode::NotFound, foreignKeyMessage(inserted.message())};
        LECTERN_STORAGE_TRY(inserted);
        return connection.readLastInsertId(id);
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<int> writeCountingChanges(Connection& connection, const QString& sql, const QVariantList& bindings,
                                        const std::function<StorageStatus()>& before)
{
    int n = 0;
    StorageStatus status = connection.write([&]() -> StorageStatus {
        if (before)
            LECTERN_STORAGE_TRY(before());
        LECTERN_STORAGE_TRY(connection.exec(sql, bindings));
        StorageResult<int> changed = connection.changes();
        if (!changed.ok())
            return changed.status();
        n = changed.value();
        return {};
    });
    if (!status.ok())
        return status;
    return n;
}

}  // namespace lectern::storage
