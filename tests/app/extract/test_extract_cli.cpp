// test_extract_cli.cpp: `lectern extract` end to end on a text file and PDFs made in the test, with a random-weight
// tiny model (lectern-cli make-test-model): CSV and JSON rows whose values follow the schema, one row per file or
// per item and page; bad schemas and arguments exit 2 with a clear message. ExtractionService in process: jobs a
// dead process left running resume after a restart, pause keeps the rest queued, cancel cancels them.
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "app/extract/extraction_service.h"
#include "app/storage/extraction_job_repository.h"
#include "tests/app/importers/fixtures.h"

using namespace lectern;

namespace {

struct Run {
    int exitCode = -1;
    QString err;
};

Run runProgram(const QString& program, const QStringList& args, int timeoutMs = 240000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("did not run or timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

const QByteArray kObjectSchema = R"({"type":"object","properties":{"title":{"type":"string","maxLength":12},
  "count":{"type":"integer"}},"required":["title","count"],"additionalProperties":false})";
const QByteArray kItemsSchema = R"({"type":"array","maxItems":2,"items":{"type":"object","properties":{
  "item":{"type":"string","maxLength":8}},"required":["item"],"additionalProperties":false}})";

}  // namespace

class ExtractCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_text, m_pdf1, m_pdf2;

    QString file(const QString& name) const { return m_dir.filePath(name); }
    QString write(const QString& name, const QByteArray& bytes) const
    {
        QFile f(file(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }
    Run extract(const QStringList& args) const
    {
#ifdef LECTERN_APP_PATH
        return runProgram(QStringLiteral(LECTERN_APP_PATH), QStringList{QStringLiteral("extract")} + args);
#else
        Q_UNUSED(args);
        return {};
#endif
    }

private slots:
    void initTestCase()
    {
#ifndef LECTERN_APP_PATH
        QSKIP("the lectern program is not built (LECTERN_BUILD_APP=OFF)");
#endif
        QVERIFY(m_dir.isValid());
        m_model = file(QStringLiteral("tiny.gguf"));
        const Run made = runProgram(QStringLiteral(LECTERN_CLI_PATH),
                                    {QStringLiteral("make-test-model"), QStringLiteral("--shape"), QStringLiteral("tiny"),
                                     QStringLiteral("--format"), QStringLiteral("gguf"), QStringLiteral("--type"),
                                     QStringLiteral("f32"), QStringLiteral("--seed"), QStringLiteral("5"),
                                     QStringLiteral("--out"), m_model});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        m_text = write(QStringLiteral("note.txt"), "Order 17: three boxes of nails, shipped 2024-03-05.\n");
        m_pdf1 = write(QStringLiteral("one.pdf"), fixtures::makePdf({fixtures::pdfText(72, 700, 12, "Invoice 42: 2 lamps")}));
        m_pdf2 = write(QStringLiteral("two.pdf"), fixtures::makePdf({fixtures::pdfText(72, 700, 12, "Page one: apples, pears"),
                                                                     fixtures::pdfText(72, 700, 12, "Page two: plums and cherries")}));
        write(QStringLiteral("object.json"), kObjectSchema);
        write(QStringLiteral("items.json"), kItemsSchema);
    }

    void textAndPdfToCsv()
    {
        const QString out = file(QStringLiteral("rows.csv"));
        const Run r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--device"), QStringLiteral("cpu"),
                               QStringLiteral("--schema"), file(QStringLiteral("object.json")), QStringLiteral("--db"),
                               file(QStringLiteral("a.sqlite3")), QStringLiteral("--max-tokens"), QStringLiteral("48"),
                               QStringLiteral("--out"), out, m_text, m_pdf1});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("[1/2] ")) && r.err.contains(QStringLiteral("[2/2] ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2 rows from 2 files written")), qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QVERIFY2(csv.startsWith("source.file,source.page,title,count\r\n"), csv.constData());
        QVERIFY2(csv.contains(QDir::cleanPath(m_text).toUtf8()) && csv.contains(QDir::cleanPath(m_pdf1).toUtf8()),
                 csv.constData());
    }

    void perItemAndPageToJson()
    {
        const QString out = file(QStringLiteral("rows.json"));
        const Run r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--device"), QStringLiteral("cpu"),
                               QStringLiteral("--schema"), file(QStringLiteral("items.json")), QStringLiteral("--db"),
                               file(QStringLiteral("b.sqlite3")), QStringLiteral("--max-tokens"), QStringLiteral("48"),
                               QStringLiteral("--out"), out, m_pdf2});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("part 2 of 2")), qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("lectern-extractions"));
        const QJsonArray records = doc.value(QStringLiteral("records")).toArray();
        QVERIFY(records.size() <= 4);  // at most 2 items on each of 2 pages
        for (const QJsonValue& v : records) {
            const QJsonObject row = v.toObject();
            const QJsonObject source = row.value(QStringLiteral("source")).toObject();
            QCOMPARE(source.value(QStringLiteral("file")).toString(), QDir::cleanPath(m_pdf2));
            const int page = source.value(QStringLiteral("page")).toInt();
            QVERIFY2(page == 1 || page == 2, qPrintable(QString::number(page)));
            const QJsonObject record = row.value(QStringLiteral("record")).toObject();
            QCOMPARE(record.keys(), QStringList{QStringLiteral("item")});
            QVERIFY(record.value(QStringLiteral("item")).isString());
            QVERIFY(record.value(QStringLiteral("item")).toString().toUcs4().size() <= 8);
        }
    }

    void badSchemaAndArgumentsExit2()
    {
        write(QStringLiteral("bad.json"), R"({"type":"object","properties":{"code":{"type":"string","pattern":"[A-Z]+"}}})");
        Run r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--schema"), file(QStringLiteral("bad.json")),
                         QStringLiteral("--out"), file(QStringLiteral("x.csv")), m_text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("/properties/code: keyword \"pattern\" is not supported")), qPrintable(r.err));
        write(QStringLiteral("broken.json"), "{\"type\": \"object\",");
        r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--schema"), file(QStringLiteral("broken.json")),
                     QStringLiteral("--out"), file(QStringLiteral("x.csv")), m_text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not valid JSON")), qPrintable(r.err));
        r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--template"), QStringLiteral("passport"),
                     QStringLiteral("--out"), file(QStringLiteral("x.csv")), m_text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no template 'passport'")), qPrintable(r.err));
        r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--template"), QStringLiteral("invoice"),
                     QStringLiteral("--out"), file(QStringLiteral("x.txt")), m_text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--out must end in .csv or .json")), qPrintable(r.err));
        QVERIFY(!QFile::exists(file(QStringLiteral("x.csv"))));
    }

    void headlessRunTakesOnlyItsOwnJobs()
    {
        // The window queued two batches in the same database and is running a job of a third right now.
        const QString dbPath = file(QStringLiteral("shared.sqlite3"));
        storage::StorageResult<storage::Database> db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        QList<qint64> others;
        {
            extract::ExtractionService window(db.value());
            storage::StorageResult<qint64> schema = window.addSchema(QStringLiteral("window"), kObjectSchema);
            QVERIFY(schema.ok());
            for (const QStringList& batch : {QStringList{m_text, m_pdf1}, QStringList{m_pdf2}, QStringList{m_text}}) {
                storage::StorageResult<QList<qint64>> queued = window.enqueue(schema.value(), batch);
                QVERIFY(queued.ok());
                others += queued.value();
            }
        }
        {
            auto writer = db->openWriter();
            QVERIFY(writer.ok());
            QVERIFY(storage::ExtractionJobRepository(*writer.value()).setState(others.last(), storage::JobState::Running).ok());
        }

        const QString out = file(QStringLiteral("mine.csv"));
        const Run r = extract({QStringLiteral("--model"), m_model, QStringLiteral("--device"), QStringLiteral("cpu"),
                               QStringLiteral("--schema"), file(QStringLiteral("object.json")), QStringLiteral("--db"),
                               dbPath, QStringLiteral("--max-tokens"), QStringLiteral("48"), QStringLiteral("--out"), out,
                               m_pdf1});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("[1/1] ")) && !r.err.contains(QStringLiteral("/2]")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1 rows from 1 files written")), qPrintable(r.err));

        auto reader = db->openWriter();
        QVERIFY(reader.ok());
        storage::StorageResult<QList<storage::ExtractionJob>> all = storage::ExtractionJobRepository(*reader.value()).list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), others.size() + 1);
        for (const storage::ExtractionJob& job : all.value()) {
            if (job.id == others.last())
                QCOMPARE(job.state, storage::JobState::Running);  // not re-queued under the window's feet
            else if (others.contains(job.id))
                QCOMPARE(job.state, storage::JobState::Queued);   // left for the window
            else
                QCOMPARE(job.state, storage::JobState::Done);     // the command's own job
        }
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 3);  // header, one row, the empty rest after the last line break
        QVERIFY2(lines[1].contains(QDir::cleanPath(m_pdf1).toUtf8()), lines[1].constData());
    }

    // start(), cancel() and the step to the next job do no SQLite work on the caller's thread: with another
    // connection holding the write lock they return at once, and the queue proceeds once the lock is released.
    void queueWorkStaysOffTheCallersThread()
    {
        const QString dbPath = file(QStringLiteral("locked.sqlite3"));
        storage::StorageResult<storage::Database> db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        extract::ExtractionService service(db.value(), nullptr, extract::ExtractionService::Recovery::LeaveOthers);
        storage::StorageResult<qint64> schema = service.addSchema(QStringLiteral("obj"), kObjectSchema);
        QVERIFY(schema.ok());
        QVERIFY(service.enqueue(schema.value(), {m_text, m_text}).ok());

        auto locker = db->openWriter();
        QVERIFY(locker.ok());
        QVERIFY(locker.value()->exec(QStringLiteral("BEGIN IMMEDIATE")).ok());  // holds the write lock

        QSignalSpy started(&service, &extract::ExtractionService::jobStarted);
        QSignalSpy idle(&service, &extract::ExtractionService::idle);
        QSignalSpy errors(&service, &extract::ExtractionService::storageError);
        service.start();  // no model: each job fails at once once it runs
        QVERIFY(service.isBusy());
        QTest::qWait(300);  // the queue thread waits on the lock meanwhile
        QCOMPARE(started.size(), 0);
        QCOMPARE(idle.size(), 0);
        QVERIFY(locker.value()->exec(QStringLiteral("COMMIT")).ok());
        QVERIFY(idle.wait(30000));
        QCOMPARE(started.size(), 2);
        QCOMPARE(errors.size(), 0);

        // cancel() with the lock held: returns at once; idle comes once the queued jobs are really cancelled.
        QVERIFY(service.enqueue(schema.value(), {m_text}).ok());
        QVERIFY(locker.value()->exec(QStringLiteral("BEGIN IMMEDIATE")).ok());
        service.cancel();
        QTest::qWait(300);
        QCOMPARE(idle.size(), 1);
        QVERIFY(locker.value()->exec(QStringLiteral("COMMIT")).ok());
        QVERIFY(idle.wait(30000));
        storage::StorageResult<QList<storage::ExtractionJob>> all = service.jobs();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(2).state, storage::JobState::Cancelled);
    }

    void serviceResumesPausesAndCancels()
    {
        const QString dbPath = file(QStringLiteral("service.sqlite3"));
        storage::StorageResult<storage::Database> db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        QList<qint64> jobs;
        {
            extract::ExtractionService first(db.value());
            QCOMPARE(first.addSchema(QStringLiteral("bad"), "{\"type\":\"string\"}").status().code(),
                     storage::StorageErrorCode::InvalidArgument);
            storage::StorageResult<qint64> schema = first.addSchema(QStringLiteral("obj"), kObjectSchema);
            QVERIFY(schema.ok());
            storage::StorageResult<QList<qint64>> queued = first.enqueue(schema.value(), {m_text, m_pdf1, m_text});
            QVERIFY(queued.ok());
            jobs = queued.value();
        }
        {
            // A process that died while running the first job.
            auto writer = db->openWriter();
            QVERIFY(writer.ok());
            QVERIFY(storage::ExtractionJobRepository(*writer.value()).setState(jobs[0], storage::JobState::Running).ok());
        }
        extract::ExtractionService service(db.value());
        QSignalSpy requeued(&service, &extract::ExtractionService::requeuedAtStartChanged);
        QVERIFY(requeued.wait(10000));  // the queue's thread does it, not the constructor's caller
        QCOMPARE(service.requeuedAtStart(), 1);
        extract::ExtractionOptions options;
        options.maxTokens = 48;
        service.setOptions(options);
        QSignalSpy loaded(&service, &extract::ExtractionService::modelLoaded);
        service.loadModel({m_model, chat::ComputeDevice::Cpu, 1024});
        QVERIFY(loaded.wait(60000));

        // Pause as soon as the first job starts: it finishes, the others stay queued.
        QSignalSpy idle(&service, &extract::ExtractionService::idle);
        QSignalSpy finished(&service, &extract::ExtractionService::jobFinished);
        connect(&service, &extract::ExtractionService::jobStarted, &service, [&] { service.pause(); },
                Qt::SingleShotConnection);
        service.start();
        QVERIFY(idle.wait(120000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toLongLong(), jobs[0]);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("done"));
        QCOMPARE(finished.first().at(3).toInt(), 1);

        // Resume: the second job runs; cancel while it runs: it and the third end cancelled, without records.
        connect(&service, &extract::ExtractionService::jobStarted, &service, [&] { service.cancel(); },
                Qt::SingleShotConnection);
        service.start();
        QVERIFY(idle.wait(120000));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(1).at(1).toString(), QStringLiteral("cancelled"));
        storage::StorageResult<QList<storage::ExtractionJob>> all = service.jobs();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).state, storage::JobState::Done);
        QCOMPARE(all->at(1).state, storage::JobState::Cancelled);
        QCOMPARE(all->at(2).state, storage::JobState::Cancelled);
        storage::StorageResult<QList<storage::ExtractionWithSource>> records = service.records();
        QVERIFY(records.ok());
        QCOMPARE(records->size(), 1);
        QCOMPARE(records->first().sourcePath.value_or(QString()), QDir::cleanPath(m_text));

        // Re-run a row's job: it runs again and its record is replaced, not added.
        QVERIFY(service.rerun(jobs[0]).ok());
        service.start();
        QVERIFY(idle.wait(120000));
        QCOMPARE(finished.size(), 3);
        QCOMPARE(finished.at(2).at(0).toLongLong(), jobs[0]);
        QCOMPARE(service.jobs()->at(0).state, storage::JobState::Done);
        QCOMPARE(service.records()->size(), 1);
    }
};

QTEST_MAIN(ExtractCliTest)
#include "test_extract_cli.moc"
