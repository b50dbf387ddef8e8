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
        storage::Connection* c = connection();
        if (!c)
            return tr("The database cannot be opened, so the change cannot be kept.");
        const storage::StorageStatus status = storage::ExtractionRepository(*c).updateRecord(recordId, json);
        return status.ok() ? QString() : status.message();
    });

    if (m_database) {
        m_service = std::make_unique<extract::ExtractionService>(*m_database);
        extract::ExtractionService* s = m_service.get();
        connect(s, &extract::ExtractionService::modelLoaded, this, [this] {
            m_modelReady = true;
            m_modelLoading = false;
            emit stateChanged();
            if (m_startWhenLoaded) {
                m_startWhenLoaded = false;
                m_service->start();
                emit stateChanged();
            }
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
                    refreshRecords();
                    emit jobFinished(jobId, state);
                });
        connect(s, &extract::ExtractionService::idle, this, [this] {
            refreshJobs();
            emit stateChanged();
            emit idle();
        });
        connect(s, &extract::ExtractionService::storageError, this, &ExtractionController::setLastError);
        // What is in the database already: the queue, and the records of the latest batch's schema.
        refreshJobs();
        if (!m_jobs->rows().isEmpty()) {
            if (storage::Connection* c = connection()) {
                storage::StorageResult<storage::ExtractionJob> last =
                    storage::ExtractionJobRepository(*c).get(m_jobs->rows().last().jobId);
                if (last.ok())
                    showSchema(last->schemaId);
            }
        }
    }
    const QStringList names = extract::ExtractionTemplates::names();
    if (!names.isEmpty())
        useTemplate(names.first());
}

ExtractionController::~ExtractionController()
{
    m_service.reset();  // cancels a running job and waits for the worker before the models go
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

storage::Connection* ExtractionController::connection()
{
    if (!m_connection && m_database) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> c = m_database->openWriter();
        if (!c.ok()) {
            setLastError(c.status().message());
            return nullptr;
        }
        m_connection = std::move(c).value();
    }
    return m_connection.get();
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
    refreshJobs();
    emit stateChanged();
}

void ExtractionController::clearAdded()
{
    m_pending.clear();
    refreshJobs();
    emit stateChanged();
}

bool ExtractionController::start()
{
    if (!m_service) {
        setLastError(tr("Extraction needs the database, which could not be opened."));
        return false;
    }
    if (!m_pending.isEmpty()) {
        if (!m_schemaProblem.isEmpty()) {
            setLastError(m_schemaProblem);
            return false;
        }
        if (m_schemaId == 0 || m_registeredText != m_schemaText) {
            const QString name = m_templateName.isEmpty() ? QStringLiteral("custom") : m_templateName;
            storage::StorageResult<qint64> id = m_service->addSchema(name, m_schemaText.toUtf8());
            if (!id.ok()) {
                setLastError(id.status().message());
                return false;
            }
            m_schemaId = id.value();
            m_registeredText = m_schemaText;
        }
        const QStringList files = m_pending;
        m_pending.clear();
        storage::StorageResult<QList<qint64>> queued = m_service->enqueue(m_schemaId, files);
        if (!queued.ok()) {
            setLastError(queued.status().message());
            return false;
        }
        showSchema(m_schemaId);
    }
    refreshJobs();
    bool anyQueued = false;
    for (const ExtractionJobModel::Row& row : m_jobs->rows())
        anyQueued = anyQueued || row.state == QLatin1String("queued");
    if (!anyQueued) {
        setLastError(tr("Nothing to extract: add files first."));
        return false;
    }
    if (!m_modelReady) {
        if (!m_modelLoading) {
            setLastError(tr("Choose a model first (Settings → Model)."));
            return false;
        }
        m_startWhenLoaded = true;
        emit stateChanged();
        return true;
    }
    m_service->start();
    emit stateChanged();
    return true;
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
    refreshJobs();
    emit stateChanged();
}

bool ExtractionController::rerunRow(int row)
{
    const QModelIndex source = m_sorted->mapToSource(m_sorted->index(row, 0));
    const storage::ExtractionWithSource* record = m_records->recordAt(source.row());
    storage::Connection* c = connection();
    if (!record || !c || !m_service)
        return false;
    // The job that made this record.
    storage::ExtractionJobRepository repository(*c);
    qint64 jobId = 0;
    for (const ExtractionJobModel::Row& job : m_jobs->rows()) {
        if (job.jobId == 0)
            continue;
        storage::StorageResult<QList<qint64>> ids = repository.recordIds(job.jobId);
        if (ids.ok() && ids->contains(record->extraction.id)) {
            jobId = job.jobId;
            break;
        }
    }
    if (jobId == 0) {
        setLastError(tr("The file of this record is not in the extraction queue, so it cannot be re-run."));
        return false;
    }
    const storage::StorageStatus status = m_service->rerun(jobId);
    if (!status.ok()) {
        setLastError(status.message());
        return false;
    }
    refreshJobs();
    refreshRecords();
    if (!m_service->isRunning())
        return start();
    return true;
}

void ExtractionController::sortBy(int column, bool ascending)
{
    m_sorted->sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
}

bool ExtractionController::exportCsv(const QUrl& file)
{
    if (!m_service)
        return false;
    storage::StorageResult<QList<storage::ExtractionWithSource>> records = m_service->records({m_viewSchemaId});
    if (!records.ok()) {
        setLastError(records.status().message());
        return false;
    }
    exporting::CsvOptions options;
    options.includeSource = true;
    options.byteOrderMark = true;
    storage::StorageResult<QByteArray> csv = exporting::CsvExport::write(records.value(), options);
    if (!csv.ok()) {
        setLastError(csv.status().message());
        return false;
    }
    return writeExport(file, csv.value());
}

bool ExtractionController::exportJson(const QUrl& file)
{
    if (!m_service)
        return false;
    storage::StorageResult<QList<storage::ExtractionWithSource>> records = m_service->records({m_viewSchemaId});
    if (!records.ok()) {
        setLastError(records.status().message());
        return false;
    }
    storage::StorageResult<QByteArray> json = exporting::recordsToJson(records.value());
    if (!json.ok()) {
        setLastError(json.status().message());
        return false;
    }
    return writeExport(file, json.value());
}

bool ExtractionController::writeExport(const QUrl& file, const QByteArray& bytes)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        setLastError(tr("Cannot write %1: %2").arg(path, out.errorString()));
        return false;
    }
    emit exported(path);
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

void ExtractionController::refreshJobs()
{
    QList<storage::ExtractionJob> jobs;
    if (m_service) {
        storage::StorageResult<QList<storage::ExtractionJob>> listed = m_service->jobs();
        if (listed.ok())
            jobs = listed.value();
        else
            setLastError(listed.status().message());
    }
    m_jobs->setJobs(jobs, m_pending);
    if (m_service && m_service->isBusy())
        for (const storage::ExtractionJob& job : jobs)
            if (job.state == storage::JobState::Running)
                m_jobs->setState(job.id, QStringLiteral("running"));
}

void ExtractionController::showSchema(qint64 schemaId)
{
    storage::Connection* c = connection();
    if (!c)
        return;
    storage::StorageResult<storage::ExtractionSchema> schema = storage::ExtractionRepository(*c).getSchema(schemaId);
    if (!schema.ok()) {
        setLastError(schema.status().message());
        return;
    }
    m_viewSchemaId = schemaId;
    m_records->setSchema(schema->schemaJson);
    refreshRecords();
}

void ExtractionController::refreshRecords()
{
    if (!m_service || m_viewSchemaId == 0)
        return;
    storage::StorageResult<QList<storage::ExtractionWithSource>> records = m_service->records({m_viewSchemaId});
    if (!records.ok()) {
        setLastError(records.status().message());
        return;
    }
    QSet<qint64> edited;
    if (storage::Connection* c = connection()) {
        storage::StorageResult<QList<qint64>> ids = storage::ExtractionRepository(*c).editedIds();
        if (ids.ok())
            edited = QSet<qint64>(ids->begin(), ids->end());
    }
    m_records->setRecords(records.value(), edited);
    if (m_sorted->sortColumn() >= 0)
        m_sorted->sort(m_sorted->sortColumn(), m_sorted->sortOrder());
}

}  // namespace lectern::ui
