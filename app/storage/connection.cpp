// connection.cpp: QSqlDatabase wrapper: per-thread ownership, statement helpers, transactions.
#include "app/storage/connection.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

namespace lectern::storage {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

QSqlDatabase databaseFor(const QString& name)
{
    // open=false: never reopen silently; we opened it ourselves in Connection::open.
    return QSqlDatabase::database(name, false);
}

}  // namespace

StorageErrorCode storageCodeForSqlite(int sqliteCode)
{
    switch (sqliteCode & 0xff) {  // primary result code of an extended one
    case 5:   // SQLITE_BUSY
    case 6:   // SQLITE_LOCKED
        return StorageErrorCode::Busy;
    case 8:   // SQLITE_READONLY
        return StorageErrorCode::ReadOnly;
    case 11:  // SQLITE_CORRUPT
    case 26:  // SQLITE_NOTADB
        return StorageErrorCode::Corrupt;
    case 10:  // SQLITE_IOERR
    case 13:  // SQLITE_FULL
    case 14:  // SQLITE_CANTOPEN
    case 3:   // SQLITE_PERM
        return StorageErrorCode::Io;
    case 19:  // SQLITE_CONSTRAINT: a foreign key, CHECK or UNIQUE rule refused the values
        return StorageErrorCode::InvalidArgument;
    default:
        return StorageErrorCode::Sql;
    }
}

Connection::Connection(QString name, QString path, Mode mode)
    : m_name(std::move(name)), m_path(std::move(path)), m_mode(mode), m_thread(QThread::currentThread())
{
}

Connection::~Connection()
{
    if (QThread::currentThread() != m_thread)
        qWarning("lectern storage: connection %s destroyed on a thread that did not open it",
                 qPrintable(m_name));
    {
        QSqlDatabase db = databaseFor(m_name);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

StorageResult<std::unique_ptr<Connection>> Connection::open(const QString& path, Mode mode, int busyTimeoutMs)
{
    if (path.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             QStringLiteral("no database path given"));
    const QString name = QStringLiteral("lectern-storage-%1").arg(++g_connectionCounter);
    std::unique_ptr<Connection> connection(new Connection(name, path, mode));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return StorageStatus(StorageErrorCode::Sql,
                                 QStringLiteral("the Qt SQLite driver (QSQLITE) is not available; install "
                                                "the Qt 6 SQLite plugin (Debian: libqt6sql6-sqlite)"));
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            const QSqlError error = db.lastError();
            return StorageStatus(storageCodeForSqlite(error.nativeErrorCode().toInt()),
                                 QStringLiteral("cannot open %1: %2").arg(path, error.text()));
        }
    }
    // FULL: in WAL mode this syncs the WAL on every commit, so a commit that returned is on disk even
    // after a power cut, not only after a crash of this process (NORMAL's guarantee). Lectern commits a
    // few times per second at most (user actions, streamed answers every ~250 ms), so the fsync is cheap.
    LECTERN_STORAGE_TRY(connection->exec(QStringLiteral("PRAGMA foreign_keys = ON")));
    LECTERN_STORAGE_TRY(connection->exec(QStringLiteral("PRAGMA synchronous = FULL")));
    if (mode == Mode::ReadOnly)
        LECTERN_STORAGE_TRY(connection->exec(QStringLiteral("PRAGMA query_only = ON")));
    return connection;
}

StorageStatus Connection::checkThread() const
{
    if (QThread::currentThread() == m_thread)
        return {};
    return {StorageErrorCode::WrongThread,
            QStringLiteral("database connection %1 was opened on another thread; SQLite connections "
                           "cannot be shared between threads: open one per thread with "
                           "Database::openWriter() or Database::openReader()")
                .arg(m_name)};
}

StorageStatus Connection::errorFrom(const QSqlQuery& query, const QString& sql) const
{
    const QSqlError error = query.lastError();
    const int code = error.nativeErrorCode().toInt();
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    StorageErrorCode storageCode = storageCodeForSqlite(code);
    if (storageCode == StorageErrorCode::ReadOnly && m_mode == Mode::ReadOnly)
        text += QStringLiteral(" (this is a read-only connection; write through Database::openWriter())");
    else if (storageCode == StorageErrorCode::Corrupt)
        text += QStringLiteral(" (the database file %1 is damaged; restore it from a backup)").arg(m_path);
    return {storageCode, QStringLiteral("%1 [in: %2]").arg(text, sql.simplified().left(120))};
}

StorageResult<QSqlQuery> Connection::query(const QString& sql, const QVariantList& bindings)
{
    LECTERN_STORAGE_TRY(checkThread());
    QSqlQuery q(databaseFor(m_name));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return errorFrom(q, sql);
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings[i]);
    if (!q.exec())
        return errorFrom(q, sql);
    return q;
}

StorageStatus Connection::exec(const QString& sql, const QVariantList& bindings)
{
    StorageResult<QSqlQuery> q = query(sql, bindings);
    if (!q.ok())
        return q.status();
    q->finish();
    return {};
}

StorageResult<QVariant> Connection::scalar(const QString& sql, const QVariantList& bindings)
{
    StorageResult<QSqlQuery> q = query(sql, bindings);
    if (!q.ok())
        return q.status();
    if (!q->next()) {
        if (q->lastError().isValid())
            return errorFrom(q.value(), sql);
        return StorageStatus(StorageErrorCode::NotFound, QStringLiteral("no row [in: %1]").arg(sql.left(120)));
    }
    QVariant value = q->value(0);
    q->finish();
    return value;
}

StorageResult<qint64> Connection::lastInsertId()
{
    StorageResult<QVariant> id = scalar(QStringLiteral("SELECT last_insert_rowid()"));
    if (!id.ok())
        return id.status();
    return id->toLongLong();
}

StorageStatus Connection::readLastInsertId(qint64& id)
{
    StorageResult<qint64> rowId = lastInsertId();
    if (!rowId.ok())
        return rowId.status();
    id = rowId.value();
    return {};
}

StorageResult<int> Connection::changes()
{
    StorageResult<QVariant> n = scalar(QStringLiteral("SELECT changes()"));
    if (!n.ok())
        return n.status();
    return n->toInt();
}

StorageStatus Connection::write(const std::function<StorageStatus()>& body)
{
    LECTERN_STORAGE_TRY(checkThread());
    if (m_mode == Mode::ReadOnly)
        return {StorageErrorCode::ReadOnly,
                QStringLiteral("cannot write through a read-only connection; use Database::openWriter()")};
    const bool outermost = m_transactionDepth == 0;
    const QString savepoint = QStringLiteral("lectern_sp%1").arg(m_transactionDepth);
    LECTERN_STORAGE_TRY(exec(outermost ? QStringLiteral("BEGIN IMMEDIATE")
                                       : QStringLiteral("SAVEPOINT ") + savepoint));
    ++m_transactionDepth;
    StorageStatus status = body();
    --m_transactionDepth;
    if (status.ok()) {
        status = exec(outermost ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepoint);
        if (status.ok())
            return status;
    }
    // Roll back whatever the body (or a failed COMMIT) left; the first error is what the caller needs.
    if (outermost) {
        (void)exec(QStringLiteral("ROLLBACK"));
    } else {
        (void)exec(QStringLiteral("ROLLBACK TO ") + savepoint);
        (void)exec(QStringLiteral("RELEASE ") + savepoint);
    }
    return status;
}

StorageStatus Connection::readSnapshot(const std::function<StorageStatus()>& body)
{
    LECTERN_STORAGE_TRY(checkThread());
    if (m_transactionDepth > 0)
        return body();
    LECTERN_STORAGE_TRY(exec(QStringLiteral("BEGIN DEFERRED")));
    ++m_transactionDepth;
    StorageStatus status = body();
    --m_transactionDepth;
    // Nothing was written; COMMIT just ends the read transaction.
    StorageStatus ended = exec(status.ok() ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    return status.ok() ? ended : status;
}

}  // namespace lectern::storage
