// extraction_controller.cpp: the Extract view's controller (see extraction_controller.h).
#include "ui/extraction_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QPointer>
#include <QSaveFile>
#include <QSet>

#include "app/export/csv_export.h"
#include "app/export/json_export.h"
#include "app/extract/extraction_service.h"
#include "app/extract/extraction_templates.h"
#include "app/storage/extraction_job_repository.h"
#include "app/storage/extraction_repository.h"
#include "ui/storage_worker.h"

namespace lectern::ui {

namespace {

QPointer<ExtractionController> g_instance;

QString localPath(const QVariant& file)
{
    const QUrl url = file.toUrl();
    if (url.isValid() && url.isLocalFile())
        return url.toLocalFile();
    const QString text = file.toString();
    if (text.startsWith(QLatin1String("file:")))
        return QUrl(text).toLocalFile();
    return text;
}

// What the table shows of one schema: its columns and records, read together on the storage thread.
struct RecordsSnapshot {
    QList<storage::ExtractionWithSource> records;
    QSet<qint64> edited;
};

storage::StorageResult<RecordsSnapshot> readRecords(storage::Connection& db, qint64 schemaId)
{
    storage::ExtractionRepository repository(db);
    storage::StorageResult<QList<storage::ExtractionWithSource>> records = repository.listWithSource({schemaId});
    if (!records.ok())
        return records.status();
    RecordsSnapshot snapshot;
    snapshot.records = records.value();
    storage::StorageResult<QList<qint64>> ids = repository.editedIds();
    if (ids.ok())
        snapshot.edited = QSet<qint64>(ids->begin(), ids->end());
    return snapshot;
}

}  // namespace

ExtractionController::ExtractionController(std::optional<storage::Database> database, QObject* parent)
    : QObject(parent), m_database(std::move(database))
{
    m_jobs = new ExtractionJobModel(this);
    m_records = new ExtractionRecordModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_records);
    m_sorted->setSortRole(ExtractionRecordModel::SortRole);
    m_sorted->setDynamicSortFilter(false);
    connect(m_records, &ExtractionRecordModel::editFailed, this, &ExtractionController::setLastError);
    m_records->setSaveRecord([this](qint64 recordId, const QByteArray& json) -> QString {
        if (!m_storage)
            return tr("The database cannot be opened, so the change cannot be kept.");
        // Saved on the storage thread; a failure is shown and the table read again (the edit is undone).
        m_storage->run<storage::StorageStatus>(
            this, [recordId, json](storage::Connection& db) { return storage::ExtractionRepository(db).updateRecord(recordId, json); },
            [this](const storage::StorageStatus& status) {
                if (status.ok())
                    return;
                setLastError(tr("Cannot save the change: %1").arg(status.message()));
                refreshRecords();
            });
        return {};
    });

    if (m_database) {
        m_storage = std::make_unique<StorageWorker>(*m_database);
        m_service = std::make_unique<extract::ExtractionService>(*m_database);
        extract::ExtractionService* s = m_service.get();
        connect(s, &extract::ExtractionService::modelLoaded, this, [this] {
            m_modelReady = true;
            m_modelLoading = false;
            emit stateChanged();
            launchIfReady();
        });
        connect(s, &extract::ExtractionService::modelLoadFailed, this, [this](const QString& message) {
            m_modelReady = false;
            m_modelLoading = false;
            m_startWhenLoaded = false;
            setLastError(message);
            emit stateChanged();
        });
        connect(s, &extract::ExtractionService::jobQueued, this, [this] { refreshJobs(); });
        connect(s, &extract::ExtractionService::jobStarted, this, [this](qint64 jobId) {
            m_jobs->setState(jobId, QStringLiteral("running"));
            emit stateChanged();
        });
        connect(s, &extract::ExtractionService::jobProgress, m_jobs, &ExtractionJobModel::setProgress);
        connect(s, &extract::ExtractionService::jobFinished, this,
                [this](qint64 jobId, const QString& state, const QString& error, int recordCount) {
                    m_jobs->setState(jobId, state, error, recordCount);
                    refreshRecords([this, jobId, state] { emit jobFinished(jobId, state); });
                });
        connect(s, &extract::ExtractionService::idle, this, [this] {
            // Said once the queue and the table are read again (storage jobs run in order).
            refreshJobs([this] {
                emit stateChanged();
                emit idle();
            });
        });
        connect(s, &extract::ExtractionService::storageError, this, &ExtractionController::setLastError);
        // What is in the database already: the queue, and the records of the latest batch's schema.
        refreshJobs([this] {
            if (!m_storedJobs.isEmpty() && m_viewSchemaId == 0)
                showSchema(m_storedJobs.last().schemaId);
        });
    }
    const QStringList names = extract::ExtractionTemplates::names();
    if (!names.isEmpty())
        useTemplate(names.first());
}

ExtractionController::~ExtractionController()
{
    m_service.reset();  // cancels a running job and waits for the worker before the models go
    m_storage.reset();  // finishes the writes already given (an edited cell)
}

void ExtractionController::setInstance(ExtractionController* controller)
{
    g_instance = controller;
}

ExtractionController* ExtractionController::create(QQmlEngine*, QJSEngine*)
{
    if (g_instance) {
        QJSEngine::setObjectOwnership(g_instance.data(), QJSEngine::CppOwnership);
        return g_instance.data();
    }
    return new ExtractionController(std::nullopt);  // the engine owns it
}

QVariantList ExtractionController::templates() const
{
    QVariantList list;
    for (const extract::ExtractionTemplate& t : extract::ExtractionTemplates::builtIn())
        list << QVariantMap{{QStringLiteral("name"), t.name},
                            {QStringLiteral("title"), t.title},
                            {QStringLiteral("description"), t.description}};
    return list;
}

void ExtractionController::setSchemaText(const QString& text)
{
    if (text == m_schemaText)
        return;
    m_schemaText = text;
    m_schemaProblem = extract::ExtractionTemplates::check(text.toUtf8());
    if (const std::optional<extract::ExtractionTemplate> t = extract::ExtractionTemplates::byName(m_templateName);
        !t || QString::fromUtf8(t->schemaJson) != text)
        m_templateName.clear();
    emit schemaChanged();
}

void ExtractionController::useTemplate(const QString& name)
{
    const std::optional<extract::ExtractionTemplate> t = extract::ExtractionTemplates::byName(name);
    if (!t) {
        setLastError(tr("There is no built-in template named '%1'.").arg(name));
        return;
    }
    m_templateName = name;
    m_schemaText = QString::fromUtf8(t->schemaJson);
    m_schemaProblem = extract::ExtractionTemplates::check(t->schemaJson);
    emit schemaChanged();
}

bool ExtractionController::running() const
{
    return m_service && (m_service->isRunning() || m_startWhenLoaded);
}

bool ExtractionController::busy() const
{
    return m_service && m_service->isBusy();
}

void ExtractionController::setOptions(const extract::ExtractionOptions& options)
{
    if (m_service)
        m_service->setOptions(options);
}

void ExtractionController::loadModel(const chat::ModelOptions& options)
{
    if (!m_service)
        return;
    m_modelReady = false;
    m_modelLoading = true;
    emit stateChanged();
    m_service->loadModel(options);
}

void ExtractionController::loadModel(const QString& path, const QString& device, qint64 contextLength)
{
    chat::ModelOptions options;
    options.modelPath = path;
    options.device = chat::deviceFromName(device).value_or(chat::ComputeDevice::Auto);
    if (contextLength > 0)
        options.contextLength = contextLength;
    loadModel(options);
}

void ExtractionController::addFiles(const QVariantList& files)
{
    for (const QVariant& file : files) {
        const QString path = localPath(file);
        const QFileInfo info(path);
        if (path.isEmpty() || !info.isFile()) {
            setLastError(tr("%1 is not a file that can be read.").arg(path));
            continue;
        }
        const QString clean = QDir::cleanPath(info.absoluteFilePath());
        if (!m_pending.contains(clean))
            m_pending << clean;
    }
    showJobs();
    emit stateChanged();
}

void ExtractionController::clearAdded()
{
    m_pending.clear();
    showJobs();
    emit stateChanged();
}

bool ExtractionController::start()
{
    if (!m_service) {
        setLastError(tr("Extraction needs the database, which could not be opened."));
        return false;
    }
    if (!m_pending.isEmpty() && !m_schemaProblem.isEmpty()) {
        setLastError(m_schemaProblem);
        return false;
    }
    bool anyQueued = !m_pending.isEmpty();
    for (const ExtractionJobModel::Row& row : m_jobs->rows())
        anyQueued = anyQueued || row.state == QLatin1String("queued");
    if (!anyQueued) {
        setLastError(tr("Nothing to extract: add files first."));
        return false;
    }
    if (!m_modelReady && !m_modelLoading) {
        setLastError(tr("Choose a model first (Settings → Model)."));
        return false;
    }
    m_startWhenLoaded = true;  // runs once the files are queued and the model is loaded
    if (!m_pending.isEmpty())
        enqueuePending();
    emit stateChanged();
    launchIfReady();
    return true;
}

void ExtractionController::enqueuePending()
{
    // The schema is stored once per text; the files are queued with it, all on the storage thread.
    const bool registered = m_schemaId != 0 && m_registeredText == m_schemaText;
    const qint64 knownSchemaId = registered ? m_schemaId : 0;
    const QString name = m_templateName.isEmpty() ? QStringLiteral("custom") : m_templateName;
    const QByteArray schemaJson = m_schemaText.toUtf8();
    const QStringList files = m_pending;
    m_pending.clear();
    m_registeredText = m_schemaText;
    ++m_enqueuesInFlight;
    struct Queued {
        qint64 schemaId = 0;
        QList<storage::ExtractionJob> jobs;
    };
    using Result = storage::StorageResult<Queued>;
    m_storage->run<Result>(
        this,
        [knownSchemaId, name, schemaJson, files](storage::Connection& db) -> Result {
            Queued queued;
            queued.schemaId = knownSchemaId;
            const storage::StorageStatus written = db.write([&]() -> storage::StorageStatus {
                if (queued.schemaId == 0) {
                    storage::ExtractionSchema schema;
                    schema.name = name;
                    schema.schemaJson = schemaJson;
                    storage::StorageResult<qint64> id = storage::ExtractionRepository(db).addSchema(schema);
                    if (!id.ok())
                        return id.status();
                    queued.schemaId = id.value();
                }
                storage::ExtractionJobRepository jobs(db);
                for (const QString& file : files) {
                    storage::StorageResult<qint64> id = jobs.enqueue(queued.schemaId, file);
                    if (!id.ok())
                        return id.status();
                }
                return {};
            });
            if (!written.ok())
                return written;
            storage::StorageResult<QList<storage::ExtractionJob>> listed = storage::ExtractionJobRepository(db).list();
            if (!listed.ok())
                return listed.status();
            queued.jobs = listed.value();
            return queued;
        },
        [this, files](const Result& result) {
            --m_enqueuesInFlight;
            if (!result.ok()) {
                setLastError(tr("Cannot queue the files: %1").arg(result.status().message()));
                m_registeredText.clear();
                for (const QString& file : files)  // back to "added", to try again
                    if (!m_pending.contains(file))
                        m_pending.append(file);
                m_startWhenLoaded = false;
                showJobs();
                emit stateChanged();
                return;
            }
            m_schemaId = result->schemaId;
            m_storedJobs = result->jobs;
            showJobs();
            if (m_viewSchemaId != m_schemaId)
                showSchema(m_schemaId);
            launchIfReady();
        });
}

void ExtractionController::launchIfReady()
{
    if (!m_startWhenLoaded || !m_modelReady || m_enqueuesInFlight > 0 || !m_service)
        return;
    m_startWhenLoaded = false;
    m_service->start();
    emit stateChanged();
}

void ExtractionController::pause()
{
    m_startWhenLoaded = false;
    if (m_service)
        m_service->pause();
    emit stateChanged();
}

void ExtractionController::cancel()
{
    m_startWhenLoaded = false;
    if (m_service)
        m_service->cancel();
    refreshJobs([this] { emit stateChanged(); });
    emit stateChanged();
}

bool ExtractionController::rerunRow(int row)
{
    const QModelIndex source = m_sorted->mapToSource(m_sorted->index(row, 0));
    const storage::ExtractionWithSource* record = m_records->recordAt(source.row());
    if (!record || !m_storage || !m_service)
        return false;
    const qint64 recordId = record->extraction.id;
    QList<qint64> jobIds;
    qint64 runningJob = 0;
    for (const ExtractionJobModel::Row& job : m_jobs->rows()) {
        if (job.jobId != 0)
            jobIds << job.jobId;
        if (job.state == QLatin1String("running"))
            runningJob = job.jobId;
    }
    struct Rerun {
        qint64 jobId = 0;  // 0: the record's job is not in the queue
        QList<storage::ExtractionJob> jobs;
    };
    using Result = storage::StorageResult<Rerun>;
    m_storage->run<Result>(
        this,
        [recordId, jobIds, runningJob](storage::Connection& db) -> Result {
            // The job that made this record, queued again (its records are replaced when it runs).
            storage::ExtractionJobRepository repository(db);
            Rerun rerun;
            for (qint64 jobId : jobIds) {
                storage::StorageResult<QList<qint64>> ids = repository.recordIds(jobId);
                if (ids.ok() && ids->contains(recordId)) {
                    rerun.jobId = jobId;
                    break;
                }
            }
            if (rerun.jobId == 0)
                return rerun;
            if (rerun.jobId == runningJob)
                return storage::StorageStatus(storage::StorageErrorCode::InvalidArgument,
                                              tr("Extraction job %1 is running.").arg(rerun.jobId));
            LECTERN_STORAGE_TRY(repository.rerun(rerun.jobId));
            storage::StorageResult<QList<storage::ExtractionJob>> listed = repository.list();
            if (!listed.ok())
                return listed.status();
            rerun.jobs = listed.value();
            return rerun;
        },
        [this](const Result& result) {
            if (!result.ok()) {
                setLastError(result.status().message());
                return;
            }
            if (result->jobId == 0) {
                setLastError(tr("The file of this record is not in the extraction queue, so it cannot be re-run."));
                return;
            }
            m_storedJobs = result->jobs;
            showJobs();
            refreshRecords();
            if (m_service->isRunning())
                m_service->start();  // picks it up after the running job
            else
                start();
        });
    return true;
}

void ExtractionController::sortBy(int column, bool ascending)
{
    m_sorted->sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
}

bool ExtractionController::exportCsv(const QUrl& file)
{
    return writeExport(file, [](const QList<storage::ExtractionWithSource>& records) {
        exporting::CsvOptions options;
        options.includeSource = true;
        options.byteOrderMark = true;
        return exporting::CsvExport::write(records, options);
    });
}

bool ExtractionController::exportJson(const QUrl& file)
{
    return writeExport(file, [](const QList<storage::ExtractionWithSource>& records) {
        return exporting::recordsToJson(records);
    });
}

bool ExtractionController::writeExport(const QUrl& file, ExportFormat format)
{
    if (!m_storage)
        return false;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const qint64 schemaId = m_viewSchemaId;
    // Read, formatted and written on the storage thread: a large table never holds the window.
    m_storage->run<storage::StorageStatus>(
        this,
        [schemaId, path, format](storage::Connection& db) -> storage::StorageStatus {
            storage::StorageResult<QList<storage::ExtractionWithSource>> records =
                storage::ExtractionRepository(db).listWithSource({schemaId});
            if (!records.ok())
                return records.status();
            storage::StorageResult<QByteArray> bytes = format(records.value());
            if (!bytes.ok())
                return bytes.status();
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes.value()) != bytes->size() || !out.commit())
                return storage::StorageStatus(storage::StorageErrorCode::Io,
                                              tr("Cannot write %1: %2").arg(path, out.errorString()));
            return {};
        },
        [this, path](const storage::StorageStatus& status) {
            if (!status.ok()) {
                setLastError(status.message());
                return;
            }
            emit exported(path);
        });
    return true;
}

void ExtractionController::clearError()
{
    setLastError({});
}

void ExtractionController::setLastError(const QString& message)
{
    if (message == m_lastError)
        return;
    m_lastError = message;
    emit lastErrorChanged();
}

void ExtractionController::refresh()
{
    refreshJobs();
    refreshRecords();
}

void ExtractionController::refreshJobs(std::function<void()> after)
{
    if (!m_storage) {
        showJobs();
        if (after)
            after();
        return;
    }
    using Result = storage::StorageResult<QList<storage::ExtractionJob>>;
    m_storage->run<Result>(
        this, [](storage::Connection& db) { return storage::ExtractionJobRepository(db).list(); },
        [this, after = std::move(after)](const Result& result) {
            if (result.ok())
                m_storedJobs = result.value();
            else
                setLastError(result.status().message());
            showJobs();
            if (after)
                after();
        });
}

void ExtractionController::showJobs()
{
    m_jobs->setJobs(m_storedJobs, m_pending);
    if (m_service && m_service->isBusy())
        for (const storage::ExtractionJob& job : std::as_const(m_storedJobs))
            if (job.state == storage::JobState::Running)
                m_jobs->setState(job.id, QStringLiteral("running"));
}

void ExtractionController::showSchema(qint64 schemaId)
{
    if (!m_storage)
        return;
    m_viewSchemaId = schemaId;
    struct Shown {
        QByteArray schemaJson;
        RecordsSnapshot records;
    };
    using Result = storage::StorageResult<Shown>;
    const quint64 serial = ++m_recordsSerial;
    m_storage->run<Result>(
        this,
        [schemaId](storage::Connection& db) -> Result {
            storage::StorageResult<storage::ExtractionSchema> schema = storage::ExtractionRepository(db).getSchema(schemaId);
            if (!schema.ok())
                return schema.status();
            storage::StorageResult<RecordsSnapshot> records = readRecords(db, schemaId);
            if (!records.ok())
                return records.status();
            return Shown{schema->schemaJson, records.value()};
        },
        [this, serial](const Result& result) {
            if (serial != m_recordsSerial)
                return;  // another schema or a newer read is on its way
            if (!result.ok()) {
                setLastError(result.status().message());
                return;
            }
            m_records->setSchema(result->schemaJson);
            showRecords(result->records.records, result->records.edited);
        });
}

void ExtractionController::refreshRecords(std::function<void()> after)
{
    if (!m_storage || m_viewSchemaId == 0) {
        if (after)
            after();
        return;
    }
    const qint64 schemaId = m_viewSchemaId;
    const quint64 serial = ++m_recordsSerial;
    using Result = storage::StorageResult<RecordsSnapshot>;
    m_storage->run<Result>(
        this, [schemaId](storage::Connection& db) { return readRecords(db, schemaId); },
        [this, serial, after = std::move(after)](const Result& result) {
            if (serial == m_recordsSerial) {
                if (!result.ok())
                    setLastError(result.status().message());
                else
                    showRecords(result->records, result->edited);
            }
            if (after)
                after();
        });
}

void ExtractionController::showRecords(const QList<storage::ExtractionWithSource>& records, const QSet<qint64>& edited)
{
    m_records->setRecords(records, edited);
    if (m_sorted->sortColumn() >= 0)
        m_sorted->sort(m_sorted->sortColumn(), m_sorted->sortOrder());
}

}  // namespace lectern::ui
