// test_extract_storage.cpp: the v3 migration (extraction jobs, records linked to their job) keeps v2 records and
// makes their source known through the job; the persistent queue: order, states, restart recovery, cancel, re-run.
#include <QTemporaryDir>
#include <QTest>

#include "app/storage/database.h"
#include "app/storage/extraction_job_repository.h"
#include "app/storage/extraction_repository.h"
#include "app/storage/schema.h"

using namespace lectern::storage;

#define VERIFY_OK(expr)                                                                   \
    do {                                                                                  \
        const auto& r_ = (expr);                                                          \
        QVERIFY2(r_.ok(), qPrintable(r_.status().message()));                             \
    } while (false)
#define VERIFY_STATUS_OK(expr)                                                            \
    do {                                                                                  \
        const StorageStatus s_ = (expr);                                                  \
        QVERIFY2(s_.ok(), qPrintable(s_.message()));                                      \
    } while (false)

class ExtractStorageTest : public QObject {
    Q_OBJECT

private slots:
    void migratesV2RecordsAndLinksJobs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite3"));
        qint64 oldRecord = 0, schemaId = 0;
        {
            Database::Options options;
            options.targetVersion = 2;
            StorageResult<Database> db = Database::open(path, options);
            VERIFY_OK(db);
            QCOMPARE(db->schemaVersion(), 2);
            auto writer = db->openWriter();
            VERIFY_OK(writer);
            ExtractionRepository repo(*writer.value());
            StorageResult<qint64> s = repo.addSchema({0, QStringLiteral("old"), QByteArray(R"({"type":"object"})"), {}});
            VERIFY_OK(s);
            schemaId = s.value();
            Extraction e;
            e.schemaId = schemaId;
            e.recordJson = R"({"z":1,"a":2})";
            StorageResult<qint64> r = repo.add(e);
            VERIFY_OK(r);
            oldRecord = r.value();
        }
        StorageResult<Database> db = Database::open(path);
        VERIFY_OK(db);
        QCOMPARE(kSchemaVersion, 3);
        QCOMPARE(db->schemaVersion(), 3);
        auto writer = db->openWriter();
        VERIFY_OK(writer);
        Connection& c = *writer.value();
        ExtractionRepository repo(c);
        ExtractionJobRepository jobs(c);
        StorageResult<QList<ExtractionWithSource>> before = repo.listWithSource();
        VERIFY_OK(before);
        QCOMPARE(before->size(), 1);
        QCOMPARE(before->first().extraction.recordJson, QByteArray(R"({"z":1,"a":2})"));
        QVERIFY(!before->first().sourcePath.has_value());

        StorageResult<qint64> job = jobs.enqueue(schemaId, QStringLiteral("/data/invoice-7.pdf"));
        VERIFY_OK(job);
        Extraction e;
        e.schemaId = schemaId;
        e.recordJson = R"({"n":7})";
        e.page = 2;
        StorageResult<qint64> record = repo.add(e);
        VERIFY_OK(record);
        VERIFY_STATUS_OK(jobs.linkRecord(record.value(), job.value()));
        StorageResult<QList<ExtractionWithSource>> after = repo.listWithSource();
        VERIFY_OK(after);
        QCOMPARE(after->size(), 2);
        QCOMPARE(after->at(0).extraction.id, oldRecord);
        QCOMPARE(after->at(1).sourcePath.value_or(QString()), QStringLiteral("/data/invoice-7.pdf"));
        QCOMPARE(after->at(1).extraction.page.value_or(0), 2);
        QCOMPARE(jobs.enqueue(9999, QStringLiteral("/x")).status().code(), StorageErrorCode::NotFound);
    }

    void queueStatesRestartCancelRerun()
    {
        QTemporaryDir dir;
        StorageResult<Database> db = Database::open(dir.filePath(QStringLiteral("db.sqlite3")));
        VERIFY_OK(db);
        auto writer = db->openWriter();
        VERIFY_OK(writer);
        ExtractionRepository repo(*writer.value());
        ExtractionJobRepository jobs(*writer.value());
        StorageResult<qint64> schema = repo.addSchema({0, QStringLiteral("s"), QByteArray(R"({"type":"object"})"), {}});
        VERIFY_OK(schema);
        QList<qint64> ids;
        for (const char* f : {"/a.txt", "/b.txt", "/c.txt"}) {
            StorageResult<qint64> id = jobs.enqueue(schema.value(), QString::fromLatin1(f));
            VERIFY_OK(id);
            ids << id.value();
        }
        StorageResult<std::optional<ExtractionJob>> next = jobs.nextQueued();
        VERIFY_OK(next);
        QCOMPARE(next.value()->id, ids[0]);
        QCOMPARE(next.value()->sourcePath, QStringLiteral("/a.txt"));

        // A process dies while running job 0, which had stored one record: the restart queues it again, fresh.
        VERIFY_STATUS_OK(jobs.setState(ids[0], JobState::Running));
        Extraction e;
        e.schemaId = schema.value();
        e.recordJson = "{}";
        StorageResult<qint64> partial = repo.add(e);
        VERIFY_OK(partial);
        VERIFY_STATUS_OK(jobs.linkRecord(partial.value(), ids[0]));
        StorageResult<int> requeued = jobs.requeueInterrupted();
        VERIFY_OK(requeued);
        QCOMPARE(requeued.value(), 1);
        QCOMPARE(jobs.get(ids[0])->state, JobState::Queued);
        QCOMPARE(repo.get(partial.value()).status().code(), StorageErrorCode::NotFound);

        VERIFY_STATUS_OK(jobs.setState(ids[0], JobState::Done, QString(), 3));
        StorageResult<int> cancelled = jobs.cancelQueued();
        VERIFY_OK(cancelled);
        QCOMPARE(cancelled.value(), 2);
        StorageResult<QList<ExtractionJob>> all = jobs.list();
        VERIFY_OK(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).state, JobState::Done);
        QCOMPARE(all->at(0).recordCount, 3);
        QCOMPARE(all->at(1).state, JobState::Cancelled);
        QCOMPARE(jobs.list(JobState::Cancelled)->size(), 2);

        VERIFY_STATUS_OK(jobs.rerun(ids[1]));
        QCOMPARE(jobs.get(ids[1])->state, JobState::Queued);
        VERIFY_STATUS_OK(jobs.setState(ids[1], JobState::Running));
        QCOMPARE(jobs.rerun(ids[1]).code(), StorageErrorCode::NotFound);  // not while it runs
        QCOMPARE(jobStateFromName(QStringLiteral("done")), std::optional<JobState>(JobState::Done));
        QVERIFY(!jobStateFromName(QStringLiteral("paused")).has_value());
    }
};

QTEST_GUILESS_MAIN(ExtractStorageTest)
#include "test_extract_storage.moc"
