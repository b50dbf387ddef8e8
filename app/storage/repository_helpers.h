// repository_helpers.h: statement patterns the extraction repositories share: an INSERT that returns the new row's
// id (a foreign key refusing the row becomes NotFound), the rows a statement changed, and "the statement changed a
// row, else NotFound".
#pragma once

#include <QString>
#include <QVariantList>

#include <functional>

#include "app/storage/connection.h"

namespace lectern::storage {

// Inside a write transaction, right after an UPDATE or DELETE: NotFound with the message when it changed no row.
StorageStatus requireOneChange(Connection& connection, const QString& notFoundMessage);

// In its own write transaction: runs the INSERT and returns the new row's id. When a foreign key refuses the row,
// NotFound with foreignKeyMessage(the database's message).
StorageResult<qint64> insertReturningId(Connection& connection, const QString& sql, const QVariantList& bindings,
                                        const std::function<QString(const QString&)>& foreignKeyMessage);

// In one write transaction: `before` (when given), then the statement; returns how many rows the statement changed.
StorageResult<int> writeCountingChanges(Connection& connection, const QString& sql, const QVariantList& bindings,
                                        const std::function<StorageStatus()>& before = {});

}  // namespace lectern::storage
