// database.cpp: file validation, backup and migration for Lectern's SQLite database.
#include "app/storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtEndian>

namespace lectern::storage {

namespace {

constexpr int kHeaderSize = 100;  // SQLite file format, section 1.3

enum class FileState { Missing, Empty, Sqlite };

// Cheap checks on the 100-byte header that catch random bytes and truncation before SQLite sees the
// file (SQLite itself notices a truncated file only when it reads a missing page).
StorageResult<FileState> inspectFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return FileState::Missing;
    if (info.isDir())
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             Database::tr("%1 is a folder, not a database file.").arg(path));
    if (info.size() == 0)
        return FileState::Empty;  // what SQLite itself creates; nothing in it to lose
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StorageStatus(StorageErrorCode::Io,
                             Database::tr("Cannot read %1: %2.").arg(path, file.errorString()));
    const QByteArray header = file.read(kHeaderSize);
    const QString notSqlite =
        Database::tr("%1 is not a Lectern database: it is damaged or not an SQLite file. Lectern has not "
                     "changed it. Restore it from a backup, or move it away to start a new database.");
    if (header.size() < kHeaderSize || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return StorageStatus(StorageErrorCode::Corrupt, notSqlite.arg(path));
    const auto* bytes = reinterpret_cast<const uchar*>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return StorageStatus(StorageErrorCode::Corrupt, notSqlite.arg(path));

    // With a non-empty WAL beside it, the main file may legitimately lag behind; SQLite checks later.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return FileState::Sqlite;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pagesInHeader = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    const bool sizeValid = pagesInHeader != 0 && changeCounter == validFor;
    if (info.size() % pageSize != 0 || (sizeValid && quint64(info.size()) < quint64(pagesInHeader) * pageSize))
        return StorageStatus(StorageErrorCode::Corrupt,
                             Database::tr("%1 is truncated (%2 bytes; its header says %3). Lectern has not "
                                          "changed it. Restore it from a backup, or move it away to start "
                                          "a new database.")
                                 .arg(path)
                                 .arg(info.size())
                                 .arg(quint64(pagesInHeader) * pageSize));
    return FileState::Sqlite;
}

// Corrupt/NotADb errors from the first reads get the user-facing explanation; others pass through.
StorageStatus explainOpenError(const QString& path, const StorageStatus& status)
{
    if (status.code() == StorageErrorCode::Corrupt)
        return {StorageErrorCode::Corrupt,
                Database::tr("%1 is damaged (%2). Lectern has not changed it. Restore it from a backup, or "
                             "move it away to start a new database.")
                    .arg(path, status.message())};
    return status.withContext(path);
}

QString uniqueBackupPath(const QString& path, int version)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString base = QStringLiteral("%1.backup-v%2-%3").arg(path).arg(version).arg(stamp);
    QString candidate = base;
    for (int i = 2; QFileInfo::exists(candidate); ++i)
        candidate = QStringLiteral("%1-%2").arg(base).arg(i);
    return candidate;
}

// Opening a writable connection and reading the schema makes SQLite roll back a hot journal (or
// replay a WAL) left by an interrupted write.
StorageStatus recoverInterruptedWrite(const QString& path, int busyTimeoutMs)
{
    StorageResult<std::unique_ptr<Connection>> connection =
        Connection::open(path, Connection::Mode::ReadWrite, busyTimeoutMs);
    if (!connection.ok())
        return connection.status();
    return connection.value()->exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
}

StorageStatus migrate(Connection& writer, int fromVersion, int toVersion)
{
    for (const MigrationStep& step : migrationSteps()) {
        if (step.toVersion <= fromVersion || step.toVersion > toVersion)
            continue;
        StorageStatus status = writer.write([&]() -> StorageStatus {
            // Another process may have migrated since we looked: the write lock makes this check exact.
            StorageResult<int> current = Database::readVersion(writer);
            if (!current.ok())
                return current.status();
            if (current.value() >= step.toVersion)
                return {};
            for (const QString& sql : step.statements)
                LECTERN_STORAGE_TRY(writer.exec(sql));
            return writer.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion));
        });
        if (!status.ok())
            return status.withContext(QStringLiteral("migrating to schema version %1 (%2)")
                                          .arg(step.toVersion)
                                          .arg(step.summary));
    }
    return {};
}

}  // namespace

Database::Database(QString path, Options options, int version, QString backupPath)
    : m_path(std::move(path)), m_options(options), m_version(version), m_backupPath(std::move(backupPath))
{
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/') + fileName();
}

StorageResult<int> Database::readVersion(Connection& connection)
{
    StorageResult<QVariant> version = connection.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version.ok())
        return version.status();
    return version->toInt();
}

StorageStatus Database::checkIntegrity(Connection& connection)
{
    StorageResult<QSqlQuery> q = connection.query(QStringLiteral("PRAGMA integrity_check(20)"));
    if (!q.ok())
        return q.status();
    QStringList findings;
    while (q->next())
        findings << q->value(0).toString();
    if (findings == QStringList{QStringLiteral("ok")})
        return {};
    return {StorageErrorCode::Corrupt, tr("%1 failed its integrity check: %2")
                                           .arg(connection.path(), findings.join(QStringLiteral("; ")))};
}

StorageResult<Database> Database::open(const QString& path, const Options& options)
{
    if (options.targetVersion < 1 || options.targetVersion > kSchemaVersion)
        return StorageStatus(StorageErrorCode::InvalidArgument,
                             QStringLiteral("target schema version %1 is outside 1..%2")
                                 .arg(options.targetVersion)
                                 .arg(kSchemaVersion));
    StorageResult<FileState> state = inspectFile(path);
    if (!state.ok())
        return state.status();

    int version = 0;
    if (state.value() == FileState::Missing) {
        if (options.readOnly || !options.createIfMissing)
            return StorageStatus(StorageErrorCode::NotFound,
                                 tr("There is no database at %1. Check the path.").arg(path));
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder))
            return StorageStatus(StorageErrorCode::Io,
                                 tr("Cannot create the folder %1 for the database. Check its permissions.")
                                     .arg(folder));
    } else if (state.value() == FileState::Sqlite) {
        // A read-only look first: nothing below writes to a file we may have to refuse.
        StorageResult<std::unique_ptr<Connection>> probe =
            Connection::open(path, Connection::Mode::ReadOnly, options.busyTimeoutMs);
        if (!probe.ok() && probe.status().code() == StorageErrorCode::ReadOnly) {
            // A write was interrupted (crash, kill, power cut) and left a hot journal that only a writable
            // connection may roll back. That rollback is SQLite's ordinary recovery: it restores the last
            // committed state, which is exactly the file we are about to judge.
            if (options.readOnly)
                return StorageStatus(StorageErrorCode::ReadOnly,
                                     tr("%1 needs recovery from an interrupted write, which a read-only open "
                                        "cannot do. Open it once with Lectern, then try again.")
                                         .arg(path));
            StorageStatus recovered = recoverInterruptedWrite(path, options.busyTimeoutMs);
            if (!recovered.ok())
                return explainOpenError(path, recovered);
            probe = Connection::open(path, Connection::Mode::ReadOnly, options.busyTimeoutMs);
        }
        if (!probe.ok())
            return explainOpenError(path, probe.status());
        StorageResult<int> found = readVersion(*probe.value());
        if (!found.ok())
            return explainOpenError(path, found.status());
        version = found.value();
        // Reading sqlite_master parses the whole schema, which catches damage to it.
        StorageResult<QVariant> tables = probe.value()->scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
        if (!tables.ok())
            return explainOpenError(path, tables.status());
        if (version > kSchemaVersion)
            return StorageStatus(StorageErrorCode::TooNew,
                                 tr("%1 was written by a newer version of Lectern (schema version %2; this "
                                    "version understands up to %3). Lectern has not changed it. Update Lectern "
                                    "to open it.")
                                     .arg(path)
                                     .arg(version)
                                     .arg(kSchemaVersion));
        if (version < 0 || (version == 0 && tables->toInt() > 0))
            return StorageStatus(StorageErrorCode::Corrupt,
                                 tr("%1 is an SQLite database, but not one of Lectern's. Lectern has not "
                                    "changed it. Choose another file.")
                                     .arg(path));
        if (version < options.targetVersion && version > 0) {
            if (options.readOnly)
                return StorageStatus(StorageErrorCode::TooOld,
                                     tr("%1 uses schema version %2 and needs an upgrade to version %3, but it "
                                        "was opened read-only. Open it once with Lectern to upgrade it (a "
                                        "backup is made first).")
                                         .arg(path)
                                         .arg(version)
                                         .arg(options.targetVersion));
            StorageResult<QVariant> check = probe.value()->scalar(QStringLiteral("PRAGMA quick_check"));
            if (!check.ok())
                return explainOpenError(path, check.status());
            if (check->toString() != QStringLiteral("ok"))
                return StorageStatus(StorageErrorCode::Corrupt,
                                     tr("%1 failed its integrity check (%2), so Lectern will not upgrade it "
                                        "and has not changed it. Restore it from a backup.")
                                         .arg(path, check->toString()));
        }
    }
    if (options.readOnly) {
        if (version < options.targetVersion)
            return StorageStatus(StorageErrorCode::TooOld,
                                 tr("%1 holds no Lectern data yet and was opened read-only.").arg(path));
        return Database(path, options, version, QString());
    }

    StorageResult<std::unique_ptr<Connection>> writerResult =
        Connection::open(path, Connection::Mode::ReadWrite, options.busyTimeoutMs);
    if (!writerResult.ok())
        return explainOpenError(path, writerResult.status());
    Connection& writer = *writerResult.value();
    StorageResult<QVariant> journal = writer.scalar(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal.ok())
        return explainOpenError(path, journal.status());
    if (journal->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return StorageStatus(StorageErrorCode::Io,
                             tr("%1 cannot use write-ahead logging (journal mode stays '%2'); put the database "
                                "on a local disk.")
                                 .arg(path, journal->toString()));

    QString backupPath;
    if (version > 0 && version < options.targetVersion && options.backupBeforeMigration) {
        backupPath = uniqueBackupPath(path, version);
        // VACUUM INTO writes a consistent, compacted copy from one read transaction.
        StorageStatus copied = writer.exec(QStringLiteral("VACUUM INTO ?"), {backupPath});
        if (!copied.ok()) {
            QFile::remove(backupPath);
            return StorageStatus(StorageErrorCode::Io,
                                 tr("Could not back up %1 to %2 before upgrading it (%3). Nothing was changed; "
                                    "free some disk space and try again.")
                                     .arg(path, backupPath, copied.message()));
        }
    }
    StorageStatus migrated = migrate(writer, version, options.targetVersion);
    if (!migrated.ok())
        return migrated.withContext(path);
    StorageResult<int> finalVersion = readVersion(writer);
    if (!finalVersion.ok())
        return finalVersion.status();
    return Database(path, options, finalVersion.value(), backupPath);
}

StorageResult<std::unique_ptr<Connection>> Database::openWriter() const
{
    if (m_options.readOnly)
        return StorageStatus(StorageErrorCode::ReadOnly,
                             tr("%1 was opened read-only; it cannot be written.").arg(m_path));
    return Connection::open(m_path, Connection::Mode::ReadWrite, m_options.busyTimeoutMs);
}

StorageResult<std::unique_ptr<Connection>> Database::openReader() const
{
    return Connection::open(m_path, Connection::Mode::ReadOnly, m_options.busyTimeoutMs);
}

}  // namespace lectern::storage
