// database.h: opens Lectern's SQLite file safely: refuses corrupt or newer files without writing to them,
// backs the file up, migrates it to the current schema, and hands out per-thread connections.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

#include "app/storage/connection.h"
#include "app/storage/schema.h"
#include "app/storage/storage_result.h"

namespace lectern::storage {

// How to use (the window, `lectern export` and a future `lectern ask` all do the same):
//   auto db = Database::open(Database::defaultPath());       // validates, backs up, migrates
//   auto writer = db->openWriter();                          // on the thread that writes
//   auto reader = db->openReader();                          // on each thread that reads (e.g. the UI)
//   ConversationRepository(*writer.value()).create(...);
// WAL mode lets readers read the last committed state while a writer holds a long transaction.
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    struct Options {
        bool readOnly = false;               // never write: no creation, no migration (TooOld instead)
        bool createIfMissing = true;         // create a new file (and its folder) when none exists
        bool backupBeforeMigration = true;   // copy the file before migrating it
        int busyTimeoutMs = 5000;            // how long a statement waits for another connection's lock
        int targetVersion = kSchemaVersion;  // tests only: stop migrating at an older version
    };

    static QString fileName() { return QStringLiteral("lectern.sqlite3"); }
    // QStandardPaths::AppDataLocation/lectern.sqlite3, i.e. ~/.local/share/Lectern/lectern.sqlite3 once the
    // application identity is set (AppInfo::applyIdentity()).
    static QString defaultPath();

    // Order of checks, so that a file we must not change is never written:
    //  1. the header: not "SQLite format 3", an impossible page size, or shorter than the header says
    //     (truncated) -> Corrupt;
    //  2. a read-only look at PRAGMA user_version and the schema: unreadable -> Corrupt; newer than
    //     kSchemaVersion -> TooNew; version 0 with tables in it -> Corrupt ("not a Lectern database");
    //  3. only if a migration is due: PRAGMA quick_check must say ok (else Corrupt), then a consistent
    //     copy is written with VACUUM INTO to "<file>.backup-v<N>-<UTC time>" (backupPath());
    //  4. journal_mode=WAL, then each missing migration step in its own transaction.
    static StorageResult<Database> open(const QString& path, const Options& options);
    static StorageResult<Database> open(const QString& path) { return open(path, Options()); }

    const QString& path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    bool isReadOnly() const { return m_options.readOnly; }
    // The backup written by this open(), or empty when none was needed.
    const QString& backupPath() const { return m_backupPath; }

    // A connection bound to the calling thread (see Connection). A writer on a read-only Database
    // answers ReadOnly.
    StorageResult<std::unique_ptr<Connection>> openWriter() const;
    StorageResult<std::unique_ptr<Connection>> openReader() const;

    // PRAGMA integrity_check: Ok, or Corrupt with SQLite's first findings.
    static StorageStatus checkIntegrity(Connection& connection);
    // PRAGMA user_version of the connection's database.
    static StorageResult<int> readVersion(Connection& connection);

private:
    Database(QString path, Options options, int version, QString backupPath);

    QString m_path;
    Options m_options;
    int m_version = 0;
    QString m_backupPath;
};

}  // namespace lectern::storage
