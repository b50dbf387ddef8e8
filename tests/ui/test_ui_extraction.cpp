// test_ui_extraction.cpp: the Extract view's controller with the tiny random-weight model on the CPU: two text files
// run to completion into a table with the schema's columns plus source file and page; an edited cell is saved to
// SQLite (read back through a fresh connection) and marked; sorting; pause keeps the rest queued and Start resumes;
// a row re-runs; the CSV export parses and the JSON export has every record; an invalid schema is refused with its
// message and queues nothing.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "app/extract/extraction_service.h"
#include "app/storage/extraction_repository.h"
#include "ask_fixture.h"
#include "ui/extraction_controller.h"

using namespace lectern;

namespace {

const QByteArray kObjectSchema = R"({"type":"object","properties":{"title":{"type":"string","maxLength":12},
  "count":{"type":"integer"}},"required":["title","count"],"additionalProperties":false})";

// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks); rows end in CR LF.
QList<QStringList> parseCsv(const QString& text, QString* error)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('"')) {
            *error = QStringLiteral("unexpected character at %1").arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *error = QStringLiteral("the last row does not end in CR LF");
    return rows;
}

int columnOf(const ui::ExtractionRecordModel& model, const QString& name)
{
    return int(model.columnNames().indexOf(name));
}

}  // namespace

class ExtractionControllerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;

    QString writeText(const QString& name, const QByteArray& text) const
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return {};
        return f.fileName();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_model = chat::testing::makeTinyModel(m_dir.path(), &error);
        QVERIFY2(!m_model.isEmpty(), qPrintable(error));
    }

    void batchTableEditPauseRerunExport()
    {
        const QString dbPath = m_dir.filePath(QStringLiteral("batch.sqlite3"));
        storage::StorageResult<storage::Database> db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        ui::ExtractionController controller(db.value());
        QVERIFY(controller.storageReady());
        extract::ExtractionOptions options;
        options.maxTokens = 48;
        controller.setOptions(options);
        controller.setSchemaText(QString::fromUtf8(kObjectSchema));
        QVERIFY2(controller.schemaValid(), qPrintable(controller.schemaProblem()));
        QCOMPARE(controller.templateName(), QString());

        const QString a = writeText(QStringLiteral("a.txt"), "Order 12: three apples for Anna.\n");
        const QString b = writeText(QStringLiteral("b.txt"), "Order 7: one pear for Ben.\n");
        controller.addFiles({QUrl::fromLocalFile(a), b});
        QCOMPARE(controller.jobs()->rowCount(), 2);
        QCOMPARE(controller.jobs()->rows().at(0).state, QStringLiteral("added"));
        QCOMPARE(controller.pendingCount(), 2);

        // Start before the model is loaded: the batch starts once it is.
        QSignalSpy idle(&controller, &ui::ExtractionController::idle);
        controller.loadModel(chat::ModelOptions{m_model, chat::ComputeDevice::Cpu, 1024});
        QVERIFY2(controller.start(), qPrintable(controller.lastError()));
        QVERIFY(controller.running());
        QVERIFY(idle.wait(180000));
        QVERIFY2(controller.lastError().isEmpty(), qPrintable(controller.lastError()));
        QCOMPARE(controller.jobs()->rowCount(), 2);
        for (const ui::ExtractionJobModel::Row& row : controller.jobs()->rows()) {
            QCOMPARE(row.state, QStringLiteral("done"));
            QCOMPARE(row.recordCount, 1);
            QVERIFY(row.jobId > 0);
        }
        QCOMPARE(controller.jobs()->data(controller.jobs()->index(0), ui::ExtractionJobModel::ProgressRole).toDouble(),
                 1.0);

        // One row per record; the schema's properties as columns, then source file and page.
        ui::ExtractionRecordModel& records = *controller.records();
        QCOMPARE(records.rowCount(), 2);
        QCOMPARE(records.columnNames(), (QStringList{QStringLiteral("title"), QStringLiteral("count"),
                                                     QStringLiteral("Source file"), QStringLiteral("Page")}));
        QAbstractItemModel& table = *controller.sortedRecords();
        QCOMPARE(table.rowCount(), 2);
        QCOMPARE(table.columnCount(), 4);
        QCOMPARE(table.data(table.index(0, 2)).toString(), QStringLiteral("a.txt"));
        QCOMPARE(table.data(table.index(1, 2)).toString(), QStringLiteral("b.txt"));
        QCOMPARE(table.headerData(1, Qt::Horizontal).toString(), QStringLiteral("count"));
        bool isNumber = false;
        table.data(table.index(0, 1)).toString().toLongLong(&isNumber);
        QVERIFY2(isNumber, qPrintable(table.data(table.index(0, 1)).toString()));
        QVERIFY(!(table.flags(table.index(0, 2)) & Qt::ItemIsEditable));
        QVERIFY(table.flags(table.index(0, 1)) & Qt::ItemIsEditable);

        // Editing a cell: the schema's type is kept, the record saved and marked as edited.
        const int countColumn = columnOf(records, QStringLiteral("count"));
        const qint64 editedId = table.data(table.index(0, 0), ui::ExtractionRecordModel::RecordIdRole).toLongLong();
        QVERIFY(!table.setData(table.index(0, countColumn), QStringLiteral("seven")));
        QVERIFY2(controller.lastError().contains(QStringLiteral("count")), qPrintable(controller.lastError()));
        controller.clearError();
        QVERIFY(table.setData(table.index(0, countColumn), QStringLiteral("  7 ")));
        QVERIFY(table.setData(table.index(0, 0), QStringLiteral("Edited")));
        QCOMPARE(table.data(table.index(0, countColumn)).toString(), QStringLiteral("7"));
        QVERIFY(table.data(table.index(0, 0), ui::ExtractionRecordModel::EditedRole).toBool());
        QVERIFY(!table.data(table.index(1, 0), ui::ExtractionRecordModel::EditedRole).toBool());
        // Saved on the storage thread: an export (queued after the edits) has seen them once it is written.
        {
            QSignalSpy exported(&controller, &ui::ExtractionController::exported);
            QVERIFY(controller.exportJson(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("after-edit.json")))));
            QVERIFY(exported.wait(10000));
        }
        {
            storage::StorageResult<storage::Database> reopened = storage::Database::open(dbPath);
            QVERIFY(reopened.ok());
            auto reader = reopened->openWriter();
            QVERIFY(reader.ok());
            storage::ExtractionRepository repository(*reader.value());
            storage::StorageResult<storage::Extraction> stored = repository.get(editedId);
            QVERIFY(stored.ok());
            const QJsonObject record = QJsonDocument::fromJson(stored->recordJson).object();
            QCOMPARE(record.value(QStringLiteral("count")), QJsonValue(7));
            QCOMPARE(record.value(QStringLiteral("title")).toString(), QStringLiteral("Edited"));
            QVERIFY2(stored->recordJson.startsWith("{\"title\""), stored->recordJson.constData());  // key order kept
            storage::StorageResult<QList<qint64>> edited = repository.editedIds();
            QVERIFY(edited.ok());
            QCOMPARE(edited.value(), QList<qint64>{editedId});
        }

        // Sorting by count, descending then ascending.
        controller.sortBy(countColumn, false);
        QVERIFY(table.data(table.index(0, countColumn), ui::ExtractionRecordModel::SortRole).toDouble()
                >= table.data(table.index(1, countColumn), ui::ExtractionRecordModel::SortRole).toDouble());
        controller.sortBy(2, true);
        QCOMPARE(table.data(table.index(0, 2)).toString(), QStringLiteral("a.txt"));

        // Pause as soon as the next job starts: it finishes, the other stays queued; Start resumes.
        const QString c = writeText(QStringLiteral("c.txt"), "Order 3: two plums for Cleo.\n");
        const QString d = writeText(QStringLiteral("d.txt"), "Order 9: a melon for Dan.\n");
        controller.addFiles({c, d});
        connect(controller.service(), &extract::ExtractionService::jobStarted, &controller,
                [&] { controller.pause(); }, Qt::SingleShotConnection);
        QVERIFY(controller.start());
        QVERIFY(idle.wait(180000));
        QVERIFY(!controller.running());
        QCOMPARE(controller.jobs()->rowCount(), 4);
        QCOMPARE(controller.jobs()->rows().at(2).state, QStringLiteral("done"));
        QCOMPARE(controller.jobs()->rows().at(3).state, QStringLiteral("queued"));
        QCOMPARE(records.rowCount(), 3);
        QVERIFY(controller.start());
        QVERIFY(idle.wait(180000));
        QCOMPARE(controller.jobs()->rows().at(3).state, QStringLiteral("done"));
        QCOMPARE(records.rowCount(), 4);

        // Re-run the edited row's file: its record is replaced (no longer edited), the others stay.
        int editedRow = -1;
        for (int row = 0; row < table.rowCount(); ++row)
            if (table.data(table.index(row, 0), ui::ExtractionRecordModel::RecordIdRole).toLongLong() == editedId)
                editedRow = row;
        QVERIFY(editedRow >= 0);
        QVERIFY2(controller.rerunRow(editedRow), qPrintable(controller.lastError()));
        QVERIFY(idle.wait(180000));
        QCOMPARE(records.rowCount(), 4);
        QStringList files;
        for (int row = 0; row < table.rowCount(); ++row) {
            QVERIFY(table.data(table.index(row, 0), ui::ExtractionRecordModel::RecordIdRole).toLongLong() != editedId);
            QVERIFY(!table.data(table.index(row, 0), ui::ExtractionRecordModel::EditedRole).toBool());
            files << table.data(table.index(row, 2)).toString();
        }
        files.sort();
        QCOMPARE(files, (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt"), QStringLiteral("c.txt"),
                                     QStringLiteral("d.txt")}));

        // CSV export: a header with the source columns and the schema's, one row per record, every row complete.
        const QString csvPath = m_dir.filePath(QStringLiteral("rows.csv"));
        QSignalSpy written(&controller, &ui::ExtractionController::exported);
        QVERIFY2(controller.exportCsv(QUrl::fromLocalFile(csvPath)), qPrintable(controller.lastError()));
        QVERIFY(!QFileInfo::exists(csvPath));  // written on the storage thread, after the call returned
        QVERIFY(written.wait(10000));
        QCOMPARE(written.takeFirst().first().toString(), csvPath);
        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QByteArray csv = csvFile.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QString parseError;
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.mid(3)), &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("source.file"), QStringLiteral("source.page"),
                                            QStringLiteral("title"), QStringLiteral("count")}));
        for (int i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), 4);
            QVERIFY2(rows[i][0].startsWith(m_dir.path()) && rows[i][0].endsWith(QLatin1String(".txt")),
                     qPrintable(rows[i][0]));
            rows[i][3].toLongLong(&isNumber);
            QVERIFY2(isNumber, qPrintable(rows[i][3]));
        }

        // JSON export: every record with its source.
        const QString jsonPath = m_dir.filePath(QStringLiteral("rows.json"));
        QVERIFY(controller.exportJson(QUrl::fromLocalFile(jsonPath)));
        QVERIFY(written.wait(10000));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(exported.value(QStringLiteral("format")).toString(), QStringLiteral("lectern-extractions"));
        const QJsonArray exportedRecords = exported.value(QStringLiteral("records")).toArray();
        QCOMPARE(exportedRecords.size(), 4);
        for (const QJsonValue& r : exportedRecords)
            QVERIFY(r.toObject().value(QStringLiteral("record")).toObject().contains(QStringLiteral("count")));

        // Export to a folder that does not exist: refused with the path in the message.
        const QString badPath = m_dir.filePath(QStringLiteral("no/such/folder/rows.csv"));
        QVERIFY(controller.exportCsv(QUrl::fromLocalFile(badPath)));
        QTRY_VERIFY2(controller.lastError().contains(badPath), qPrintable(controller.lastError()));
    }

    // The view's reads run on the storage thread: a controller over a database with a finished batch returns from
    // its constructor, and from refresh(), with the queue and the table still empty; they fill when the event loop
    // delivers the results.
    void queueAndTableFillAsynchronously()
    {
        const QString dbPath = m_dir.filePath(QStringLiteral("async.sqlite3"));
        storage::StorageResult<storage::Database> db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        {
            auto writer = db->openWriter();
            QVERIFY(writer.ok());
            storage::ExtractionSchema schema;
            schema.name = QStringLiteral("custom");
            schema.schemaJson = kObjectSchema;
            storage::StorageResult<qint64> schemaId = storage::ExtractionRepository(*writer.value()).addSchema(schema);
            QVERIFY(schemaId.ok());
            storage::ExtractionJobRepository jobs(*writer.value());
            for (int i = 0; i < 3; ++i) {
                storage::StorageResult<qint64> job =
                    jobs.enqueue(schemaId.value(), m_dir.filePath(QStringLiteral("f%1.txt").arg(i)));
                QVERIFY(job.ok());
                QVERIFY(jobs.setState(job.value(), storage::JobState::Done).ok());
                storage::Extraction record;
                record.schemaId = schemaId.value();
                record.recordJson = QByteArray("{\"title\":\"row ") + QByteArray::number(i) + "\",\"count\":" +
                                    QByteArray::number(i) + "}";
                QVERIFY(storage::ExtractionRepository(*writer.value()).add(record).ok());
            }
        }
        ui::ExtractionController controller(db.value());
        QCOMPARE(controller.jobs()->rowCount(), 0);
        QCOMPARE(controller.records()->rowCount(), 0);
        QTRY_COMPARE(controller.jobs()->rowCount(), 3);
        QTRY_COMPARE(controller.records()->rowCount(), 3);
        QCOMPARE(controller.records()->columnNames().first(), QStringLiteral("title"));
        QCOMPARE(controller.jobs()->rows().first().state, QStringLiteral("done"));

        // An edited cell is in the table at once and on disk later (queued behind nothing else here).
        QAbstractItemModel& table = *controller.sortedRecords();
        QVERIFY(table.setData(table.index(0, 0), QStringLiteral("Changed")));
        QCOMPARE(table.data(table.index(0, 0)).toString(), QStringLiteral("Changed"));
        const qint64 recordId = table.data(table.index(0, 0), ui::ExtractionRecordModel::RecordIdRole).toLongLong();
        auto reader = db->openReader();
        QVERIFY(reader.ok());
        QTRY_VERIFY(storage::ExtractionRepository(*reader.value()).get(recordId).value().recordJson.contains("Changed"));
        QVERIFY2(controller.lastError().isEmpty(), qPrintable(controller.lastError()));
    }

    void invalidSchemaIsRefused()
    {
        storage::StorageResult<storage::Database> db =
            storage::Database::open(m_dir.filePath(QStringLiteral("invalid.sqlite3")));
        QVERIFY(db.ok());
        ui::ExtractionController controller(db.value());
        QVERIFY(controller.schemaValid());  // a built-in template to start with
        QVERIFY(!controller.templateName().isEmpty());
        controller.setSchemaText(QStringLiteral("{\"type\": \"string\"}"));
        QVERIFY(!controller.schemaValid());
        QVERIFY(!controller.schemaProblem().isEmpty());
        const QString problem = controller.schemaProblem();
        controller.setSchemaText(QStringLiteral("{\"type\": \"object\", "));
        QVERIFY(!controller.schemaValid());
        QVERIFY(controller.schemaProblem() != problem);  // says what is wrong with this one

        controller.addFiles({writeText(QStringLiteral("e.txt"), "Nothing much.\n")});
        QVERIFY(!controller.start());
        QCOMPARE(controller.lastError(), controller.schemaProblem());
        // Nothing was queued: the file waits for a valid schema.
        QCOMPARE(controller.jobs()->rowCount(), 1);
        QCOMPARE(controller.jobs()->rows().first().state, QStringLiteral("added"));
        storage::StorageResult<QList<storage::ExtractionJob>> jobs = controller.service()->jobs();
        QVERIFY(jobs.ok());
        QVERIFY(jobs->isEmpty());

        // A file that does not exist is not added.
        controller.clearError();
        controller.addFiles({m_dir.filePath(QStringLiteral("missing.txt"))});
        QVERIFY(controller.lastError().contains(QStringLiteral("missing.txt")));
        QCOMPARE(controller.pendingCount(), 1);

        // Without a model, a valid batch cannot start either, and says so.
        controller.useTemplate(QStringLiteral("invoice"));
        QVERIFY(controller.schemaValid());
        QVERIFY(!controller.start());
        QVERIFY2(controller.lastError().contains(QStringLiteral("model")), qPrintable(controller.lastError()));
    }
};

QTEST_GUILESS_MAIN(ExtractionControllerTest)
#include "test_ui_extraction.moc"
