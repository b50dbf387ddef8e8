// test_storage_database.cpp: opening, settings, migrations with backups, refusal of corrupt and newer
// files (bytes unchanged), per-thread connections, transactions, and reads during a long write.
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "app/storage/conversation_repository.h"
#include "app/storage/database.h"
#include "app/storage/message_repository.h"
#include "app/storage/search_repository.h"
#include "test_support.h"

using namespace lectern::storage;
using namespace lectern::storage::testing;

class TestStorageDatabase : public QObject {
    Q_OBJECT

private:
    QString newPath(const QTemporaryDir& dir) { return dir.filePath(Database::fileName()); }

    // A database at `version` holding one conversation with one message, written with that version's SQL.
    void makeDatabaseAt(const QString& path, int version)
    {
        Database::Options options;
        options.targetVersion = version;
        StorageResult<Database> db = Database::open(path, options);
        LECTERN_VERIFY_OK(db);
        QCOMPARE(db->schemaVersion(), version);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        Connection& c = *writer.value();
        LECTERN_VERIFY_OK(c.exec(QStringLiteral("INSERT INTO conversations (id, title, created_at_ms, updated_at_ms, "
                                                "model, thinking, sampling_json) VALUES (7, 'Old trip notes', 1000, "
                                                "2000, 'm', 1, '{\"temperature\":0.7}')")));
        LECTERN_VERIFY_OK(c.exec(QStringLiteral("INSERT INTO messages (id, conversation_id, position, role, content, "
                                                "reasoning, created_at_ms) VALUES (70, 7, 0, 'user', "
                                                "'Which fjord had the glacier?', '', 1500)")));
    }

    // A valid current database with enough rows to span many pages.
    void makeLargeDatabase(const QString& path)
    {
        StorageResult<Database> db = Database::open(path);
        LECTERN_VERIFY_OK(db);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        Conversation conversation;
        conversation.title = QStringLiteral("big");
        auto id = ConversationRepository(*writer.value()).create(conversation);
        LECTERN_VERIFY_OK(id);
        MessageRepository messages(*writer.value());
        for (int i = 0; i < 40; ++i) {
            Message m;
            m.conversationId = id.value();
            m.content = QString(2000, QLatin1Char('a' + i % 26));
            LECTERN_VERIFY_OK(messages.append(m));
        }
    }

    void expectRefusedUnchanged(const QString& path, StorageErrorCode code, const QString& messagePart)
    {
        const QByteArray before = fileSha256(path);
        const QStringList filesBefore = filesIn(QFileInfo(path).absolutePath());
        QVERIFY(!before.isEmpty());
        StorageResult<Database> db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.status().code(), code);
        QVERIFY2(db.status().message().contains(messagePart), qPrintable(db.status().message()));
        QVERIFY2(db.status().message().contains(path), qPrintable(db.status().message()));
        QCOMPARE(fileSha256(path), before);
        // No backup or other new file beside it either (SQLite's own -shm/-wal aside).
        QStringList filesAfter = filesIn(QFileInfo(path).absolutePath());
        filesAfter.removeIf([](const QString& f) { return f.endsWith(QStringLiteral("-shm")) || f.endsWith(QStringLiteral("-wal")); });
        QCOMPARE(filesAfter, filesBefore);
        // A second attempt gives the same answer (nothing was half-written the first time).
        StorageResult<Database> again = Database::open(path);
        QCOMPARE(again.status().code(), code);
        QCOMPARE(fileSha256(path), before);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void defaultPathIsInAppData()
    {
        QCoreApplication::setApplicationName(QStringLiteral("Lectern"));
        QCoreApplication::setOrganizationName(QString());
        const QString path = Database::defaultPath();
        QVERIFY2(path.endsWith(QStringLiteral("/Lectern/lectern.sqlite3")), qPrintable(path));
    }

    void createsNewDatabaseWithSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/folder/lectern.sqlite3"));
        StorageResult<Database> db = Database::open(path);
        LECTERN_VERIFY_OK(db);
        QCOMPARE(db->schemaVersion(), kSchemaVersion);
        QVERIFY(db->backupPath().isEmpty());  // nothing to back up in a new file
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        Connection& c = *writer.value();
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA journal_mode")).value().toString(), QStringLiteral("wal"));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA foreign_keys")).value().toInt(), 1);
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA synchronous")).value().toInt(), 2);  // FULL
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA user_version")).value().toInt(), kSchemaVersion);
        for (const char* table : {"conversations", "messages", "attachments", "extraction_schemas", "extractions",
                                  "messages_fts", "extractions_fts"}) {
            auto n = c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                              {QString::fromLatin1(table)});
            LECTERN_VERIFY_OK(n);
            QVERIFY2(n->toInt() == 1, table);
        }
        auto reader = db->openReader();
        LECTERN_VERIFY_OK(reader);
        QCOMPARE(reader.value()->scalar(QStringLiteral("PRAGMA foreign_keys")).value().toInt(), 1);
        LECTERN_VERIFY_OK(Database::checkIntegrity(*reader.value()));
    }

    void emptyFileBecomesDatabase()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        StorageResult<Database> db = Database::open(path);
        LECTERN_VERIFY_OK(db);
        QCOMPARE(db->schemaVersion(), kSchemaVersion);
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 1; v < kSchemaVersion; ++v)
            QTest::addRow("v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeDatabaseAt(path, fromVersion);

        StorageResult<Database> db = Database::open(path);
        LECTERN_VERIFY_OK(db);
        QCOMPARE(db->schemaVersion(), kSchemaVersion);

        // The backup is a consistent copy at the old version, named after it.
        const QString backup = db->backupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY2(QFileInfo(backup).fileName().startsWith(
                     QStringLiteral("lectern.sqlite3.backup-v%1-").arg(fromVersion)), qPrintable(backup));
        QVERIFY(QFileInfo::exists(backup));
        {
            auto old = Connection::open(backup, Connection::Mode::ReadOnly, 1000);
            LECTERN_VERIFY_OK(old);
            QCOMPARE(Database::readVersion(*old.value()).value(), fromVersion);
            QCOMPARE(old.value()->scalar(QStringLiteral("SELECT title FROM conversations WHERE id = 7")).value().toString(),
                     QStringLiteral("Old trip notes"));
            LECTERN_VERIFY_OK(Database::checkIntegrity(*old.value()));
        }

        // The data survived and works with the current repositories.
        auto reader = db->openReader();
        LECTERN_VERIFY_OK(reader);
        auto conversation = ConversationRepository(*reader.value()).get(7);
        LECTERN_VERIFY_OK(conversation);
        QCOMPARE(conversation->title, QStringLiteral("Old trip notes"));
        QCOMPARE(conversation->thinking, true);
        QCOMPARE(conversation->sampling.value(QStringLiteral("temperature")).toDouble(), 0.7);
        auto message = MessageRepository(*reader.value()).get(70);
        LECTERN_VERIFY_OK(message);
        QCOMPARE(message->content, QStringLiteral("Which fjord had the glacier?"));
        LECTERN_VERIFY_OK(Database::checkIntegrity(*reader.value()));

        // Opening again is a no-op: no second backup.
        StorageResult<Database> again = Database::open(path);
        LECTERN_VERIFY_OK(again);
        QVERIFY(again->backupPath().isEmpty());
    }

    void migrationToV2AddsColumnsAndIndexesOldMessages()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeDatabaseAt(path, 1);
        StorageResult<Database> db = Database::open(path);
        LECTERN_VERIFY_OK(db);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        // v2 columns exist and are null for old rows.
        auto message = MessageRepository(*writer.value()).get(70);
        LECTERN_VERIFY_OK(message);
        QVERIFY(!message->reasoningMs.has_value());
        QVERIFY(!message->tokensPerSecond.has_value());
        // Messages written under v1 are in the new full-text index.
        auto hits = SearchRepository(*writer.value()).searchMessages(QStringLiteral("glacier"));
        LECTERN_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().messageId, 70);
        QCOMPARE(hits->first().conversationTitle, QStringLiteral("Old trip notes"));
    }

    void readOnlyOpenNeverMigrates()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeDatabaseAt(path, 1);
        const QByteArray before = fileSha256(path);
        Database::Options options;
        options.readOnly = true;
        StorageResult<Database> db = Database::open(path, options);
        QVERIFY(!db.ok());
        QCOMPARE(db.status().code(), StorageErrorCode::TooOld);
        QCOMPARE(fileSha256(path), before);
        StorageResult<Database> missing = Database::open(dir.filePath(QStringLiteral("none.sqlite3")), options);
        QCOMPARE(missing.status().code(), StorageErrorCode::NotFound);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.sqlite3"))));
    }

    void refusesNewerDatabaseWithoutWriting()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeDatabaseAt(path, kSchemaVersion);
        {
            auto c = Connection::open(path, Connection::Mode::ReadWrite, 1000);
            LECTERN_VERIFY_OK(c);
            LECTERN_VERIFY_OK(c.value()->exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion + 1)));
            // Rollback-journal mode, so that even switching it to WAL would change the file's bytes.
            QCOMPARE(c.value()->scalar(QStringLiteral("PRAGMA journal_mode = DELETE")).value().toString(),
                     QStringLiteral("delete"));
        }
        expectRefusedUnchanged(path, StorageErrorCode::TooNew, QStringLiteral("newer version of Lectern"));
        Database::Options options;
        options.readOnly = true;
        QCOMPARE(Database::open(path, options).status().code(), StorageErrorCode::TooNew);
    }

    void refusesRandomBytesWithoutWriting_data()
    {
        QTest::addColumn<bool>("sqliteMagic");
        QTest::addRow("random") << false;
        QTest::addRow("sqlite magic then random") << true;
    }

    void refusesRandomBytesWithoutWriting()
    {
        QFETCH(bool, sqliteMagic);
        QTemporaryDir dir;
        const QString path = newPath(dir);
        QRandomGenerator random(1234);
        QByteArray bytes(16384, Qt::Uninitialized);
        for (char& b : bytes)
            b = char(random.bounded(256));
        if (sqliteMagic)
            bytes.replace(0, 16, QByteArrayLiteral("SQLite format 3\0"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        expectRefusedUnchanged(path, StorageErrorCode::Corrupt, QStringLiteral("has not changed it"));
    }

    void refusesTruncatedDatabaseWithoutWriting_data()
    {
        QTest::addColumn<double>("keep");
        QTest::addRow("half") << 0.5;
        QTest::addRow("header only") << 0.0;
    }

    void refusesTruncatedDatabaseWithoutWriting()
    {
        QFETCH(double, keep);
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeLargeDatabase(path);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));  // checkpointed on close
        const qint64 size = QFileInfo(path).size();
        QVERIFY2(size > 64 * 1024, "the database should span many pages");
        QFile file(path);
        QVERIFY(file.resize(keep == 0.0 ? 50 : qint64(size * keep)));
        expectRefusedUnchanged(path, StorageErrorCode::Corrupt, keep == 0.0 ? QStringLiteral("not an SQLite file")
                                                                            : QStringLiteral("truncated"));
    }

    void refusesForeignSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        {
            auto c = Connection::open(path, Connection::Mode::ReadWrite, 1000);
            LECTERN_VERIFY_OK(c);
            LECTERN_VERIFY_OK(c.value()->exec(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY)")));
        }
        expectRefusedUnchanged(path, StorageErrorCode::Corrupt, QStringLiteral("not one of Lectern's"));
    }

    void integrityCheckFindsDamage()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        makeLargeDatabase(path);
        // Overwrite the middle pages (not the header) with garbage: the header checks pass, the
        // integrity check must not.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(file.seek(size / 2));
        file.write(QByteArray(int(size / 4), '\x5a'));
        file.close();
        // Depending on which pages were hit, the schema is already unreadable when connecting, or the
        // integrity check finds the damage; either way the answer is Corrupt.
        auto c = Connection::open(path, Connection::Mode::ReadOnly, 1000);
        StorageStatus status = c.ok() ? Database::checkIntegrity(*c.value()) : c.status();
        QVERIFY2(status.code() == StorageErrorCode::Corrupt, qPrintable(status.message()));
    }

    void recoversInterruptedWrite()
    {
        // A crash snapshot: copy the file and its rollback journal while a big write is half done.
        QTemporaryDir dir;
        const QString path = newPath(dir);
        const QString crashed = dir.filePath(QStringLiteral("crashed.sqlite3"));
        LECTERN_VERIFY_OK(Database::open(path));
        {
            auto c = Connection::open(path, Connection::Mode::ReadWrite, 1000);
            LECTERN_VERIFY_OK(c);
            Connection& raw = *c.value();
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode = DELETE")).value().toString(), QStringLiteral("delete"));
            Conversation committed;
            committed.title = QStringLiteral("committed");
            LECTERN_VERIFY_OK(ConversationRepository(raw).create(committed));
            LECTERN_VERIFY_OK(raw.exec(QStringLiteral("PRAGMA cache_size = 2")));  // spill pages into the file early
            LECTERN_VERIFY_OK(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
            for (int i = 0; i < 300; ++i)
                LECTERN_VERIFY_OK(raw.exec(QStringLiteral("INSERT INTO conversations (title, created_at_ms, updated_at_ms) "
                                                          "VALUES (?, 1, 1)"),
                                           {QString(500, QLatin1Char('x'))}));
            QVERIFY(QFileInfo::exists(path + QStringLiteral("-journal")));
            QVERIFY(QFile::copy(path, crashed));
            QVERIFY(QFile::copy(path + QStringLiteral("-journal"), crashed + QStringLiteral("-journal")));
            LECTERN_VERIFY_OK(raw.exec(QStringLiteral("ROLLBACK")));
        }
        Database::Options readOnly;
        readOnly.readOnly = true;
        StorageResult<Database> refused = Database::open(crashed, readOnly);
        QCOMPARE(refused.status().code(), StorageErrorCode::ReadOnly);
        QVERIFY2(refused.status().message().contains(QStringLiteral("recovery")), qPrintable(refused.status().message()));

        StorageResult<Database> db = Database::open(crashed);
        LECTERN_VERIFY_OK(db);
        QVERIFY(!QFileInfo::exists(crashed + QStringLiteral("-journal")));
        auto reader = db->openReader();
        LECTERN_VERIFY_OK(reader);
        LECTERN_VERIFY_OK(Database::checkIntegrity(*reader.value()));
        auto all = ConversationRepository(*reader.value()).list();
        LECTERN_VERIFY_OK(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().title, QStringLiteral("committed"));
    }

    void writerIsRefusedOnReadOnlyDatabase()
    {
        QTemporaryDir dir;
        const QString path = newPath(dir);
        LECTERN_VERIFY_OK(Database::open(path));
        Database::Options options;
        options.readOnly = true;
        StorageResult<Database> db = Database::open(path, options);
        LECTERN_VERIFY_OK(db);
        QCOMPARE(db->openWriter().status().code(), StorageErrorCode::ReadOnly);
        auto reader = db->openReader();
        LECTERN_VERIFY_OK(reader);
        Conversation c;
        auto created = ConversationRepository(*reader.value()).create(c);
        QCOMPARE(created.status().code(), StorageErrorCode::ReadOnly);
    }

    void connectionRefusesOtherThreads()
    {
        QTemporaryDir dir;
        StorageResult<Database> db = Database::open(newPath(dir));
        LECTERN_VERIFY_OK(db);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        Connection* connection = writer.value().get();
        StorageStatus fromOtherThread;
        StorageStatus ownConnection;
        QThread* thread = QThread::create([&] {
            fromOtherThread = connection->exec(QStringLiteral("SELECT 1"));
            // The right way: that thread opens its own.
            auto own = db->openReader();
            ownConnection = own.ok() ? own.value()->exec(QStringLiteral("SELECT 1")) : own.status();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QCOMPARE(fromOtherThread.code(), StorageErrorCode::WrongThread);
        QVERIFY(fromOtherThread.message().contains(QStringLiteral("one per thread")));
        LECTERN_VERIFY_OK(ownConnection);
        LECTERN_VERIFY_OK(connection->exec(QStringLiteral("SELECT 1")));
    }

    void failedWriteRollsBackEverything()
    {
        QTemporaryDir dir;
        StorageResult<Database> db = Database::open(newPath(dir));
        LECTERN_VERIFY_OK(db);
        auto writer = db->openWriter();
        LECTERN_VERIFY_OK(writer);
        Connection& c = *writer.value();
        ConversationRepository conversations(c);
        StorageStatus status = c.write([&]() -> StorageStatus {
            Conversation conversation;
            conversation.title = QStringLiteral("never committed");
            auto id = conversations.create(conversation);  // nested: a savepoint
            if (!id.ok())
                return id.status();
            return {StorageErrorCode::InvalidArgument, QStringLiteral("deliberate failure")};
        });
        QCOMPARE(status.code(), StorageErrorCode::InvalidArgument);
        QVERIFY(!c.inTransaction());
        QCOMPARE(conversations.list().value().size(), 0);

        // A failed inner step rolls back only itself when the outer body carries on.
        LECTERN_VERIFY_OK(c.write([&]() -> StorageStatus {
            Conversation kept;
            kept.title = QStringLiteral("kept");
            LECTERN_STORAGE_TRY(conversations.create(kept).status());
            StorageStatus inner = c.write([&]() -> StorageStatus {
                LECTERN_STORAGE_TRY(c.exec(QStringLiteral("INSERT INTO conversations (title, created_at_ms, "
                                                          "updated_at_ms) VALUES ('dropped', 1, 1)")));
                return c.exec(QStringLiteral("INSERT INTO conversations (id, title) VALUES (NULL)"));  // bad SQL
            });
            if (inner.ok())
                return {StorageErrorCode::Sql, QStringLiteral("the bad statement should have failed")};
            return {};
        }));
        auto all = conversations.list();
        LECTERN_VERIFY_OK(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().title, QStringLiteral("kept"));
    }

    void readsDoNotWaitBehindLongWrite()
    {
        QTemporaryDir dir;
        StorageResult<Database> db = Database::open(newPath(dir));
        LECTERN_VERIFY_OK(db);
        Database database = db.value();
        {
            auto writer = database.openWriter();
            LECTERN_VERIFY_OK(writer);
            Conversation before;
            before.title = QStringLiteral("committed before");
            LECTERN_VERIFY_OK(ConversationRepository(*writer.value()).create(before));
        }

        QSemaphore writing;
        QSemaphore mayCommit;
        StorageStatus writerStatus;
        QThread* thread = QThread::create([&] {
            auto writer = database.openWriter();
            if (!writer.ok()) {
                writerStatus = writer.status();
                writing.release();
                return;
            }
            writerStatus = writer.value()->write([&]() -> StorageStatus {
                Conversation pending;
                pending.title = QStringLiteral("written during the long transaction");
                LECTERN_STORAGE_TRY(ConversationRepository(*writer.value()).create(pending).status());
                writing.release();
                mayCommit.acquire();  // the transaction stays open until the reader is done
                return {};
            });
        });
        thread->start();
        QVERIFY(writing.tryAcquire(1, 10000));

        // The UI's read-only connection reads the last committed state at once.
        auto reader = database.openReader();
        LECTERN_VERIFY_OK(reader);
        QElapsedTimer timer;
        timer.start();
        auto seen = ConversationRepository(*reader.value()).list();
        const qint64 readMs = timer.elapsed();
        LECTERN_VERIFY_OK(seen);
        QCOMPARE(seen->size(), 1);
        QCOMPARE(seen->first().title, QStringLiteral("committed before"));
        QVERIFY2(readMs < 1000, qPrintable(QStringLiteral("the read took %1 ms").arg(readMs)));

        // The write lock is really held: another writer gives up with Busy after its timeout.
        Database::Options shortWait;
        shortWait.busyTimeoutMs = 100;
        auto impatient = Database::open(database.path(), shortWait);
        LECTERN_VERIFY_OK(impatient);
        auto secondWriter = impatient->openWriter();
        LECTERN_VERIFY_OK(secondWriter);
        Conversation blocked;
        QCOMPARE(ConversationRepository(*secondWriter.value()).create(blocked).status().code(), StorageErrorCode::Busy);

        mayCommit.release();
        QVERIFY(thread->wait(10000));
        delete thread;
        LECTERN_VERIFY_OK(writerStatus);
        auto after = ConversationRepository(*reader.value()).list();
        LECTERN_VERIFY_OK(after);
        QCOMPARE(after->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStorageDatabase)
#include "test_storage_database.moc"
