// connection.h: one SQLite connection (QSqlDatabase) bound to the thread that opened it, with
// checked statements and nestable write transactions. Only storage code uses this class.
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>

#include "app/storage/storage_result.h"

class QThread;

namespace lectern::storage {

// Threading rule (Qt's QSqlDatabase rule, enforced here): a Connection may only be used, and must be
// destroyed, on the thread that opened it. Every call checks this and answers WrongThread otherwise.
// Open one writer per writing thread and one reader per reading thread (Database::openWriter/openReader).
class Connection {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens `path` (which must exist unless mode is ReadWrite). Applies the per-connection settings:
    // foreign_keys=ON, synchronous=FULL, busy timeout; a ReadOnly connection also sets query_only.
    // Does not touch the schema or the journal mode (Database does that).
    static StorageResult<std::unique_ptr<Connection>> open(const QString& path, Mode mode, int busyTimeoutMs);

    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Mode mode() const { return m_mode; }
    const QString& path() const { return m_path; }

    // Ok on the owning thread, WrongThread elsewhere.
    StorageStatus checkThread() const;

    // Prepares and runs one statement with positional '?' bindings. The returned query is positioned
    // before the first row; finish it (or let it go out of scope) before the next write on this thread.
    StorageResult<QSqlQuery> query(const QString& sql, const QVariantList& bindings = {});
    // Runs one statement and discards any rows.
    StorageStatus exec(const QString& sql, const QVariantList& bindings = {});
    // The first column of the first row; NotFound when there is no row.
    StorageResult<QVariant> scalar(const QString& sql, const QVariantList& bindings = {});
    // sqlite3_last_insert_rowid() of this connection.
    StorageResult<qint64> lastInsertId();
    // The same, stored into `id`: the one-line form used right after an INSERT inside write().
    StorageStatus readLastInsertId(qint64& id);
    // sqlite3_changes(): rows changed by the last INSERT/UPDATE/DELETE, not counting triggers and cascades.
    StorageResult<int> changes();

    // Runs `body` inside a write transaction: BEGIN IMMEDIATE ... COMMIT at the outermost level (so the
    // write lock is taken up front and a busy database fails early, not at COMMIT), a SAVEPOINT when
    // nested. If `body` fails, everything it did is rolled back and its status is returned.
    StorageStatus write(const std::function<StorageStatus()>& body);
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Runs `body` inside one read transaction, so that several queries see the same committed state
    // (e.g. an export of many conversations while the app keeps writing). Works on readers and writers;
    // inside an open transaction it just runs `body`.
    StorageStatus readSnapshot(const std::function<StorageStatus()>& body);

private:
    Connection(QString name, QString path, Mode mode);
    StorageStatus errorFrom(const QSqlQuery& query, const QString& sql) const;

    QString m_name;  // QSqlDatabase connection name, unique per Connection
    QString m_path;
    Mode m_mode;
    QThread* m_thread = nullptr;
    int m_transactionDepth = 0;
};

// Maps an SQLite result code (QSqlError::nativeErrorCode) to a StorageErrorCode.
StorageErrorCode storageCodeForSqlite(int sqliteCode);

}  // namespace lectern::storage
