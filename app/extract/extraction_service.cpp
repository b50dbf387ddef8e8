// extraction_service.cpp: the queue logic of ExtractionService; the inference runs in ExtractionWorker.
#include "app/extract/extraction_service.h"

#include <QDir>
#include <QFileInfo>

#include "app/extract/extraction_templates.h"
#include "app/storage/extraction_repository.h"

namespace lectern::extract {

ExtractionService::ExtractionService(const storage::Database& database, QObject* parent, Recovery recovery)
    : QObject(parent), m_database(database), m_writer(database)
{
    qRegisterMetaType<lectern::chat::ModelInfo>();
    qRegisterMetaType<QList<qint64>>();
    m_worker = new ExtractionWorker(m_database, m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ExtractionWorker::modelLoaded, this, &ExtractionService::modelLoaded);
    connect(m_worker, &ExtractionWorker::modelLoadFailed, this, &ExtractionService::modelLoadFailed);
    connect(m_worker, &ExtractionWorker::jobProgress, this, &ExtractionService::jobProgress);
    connect(m_worker, &ExtractionWorker::recordAdded, this, &ExtractionService::recordAdded);
    connect(m_worker, &ExtractionWorker::jobFinished, this,
            [this](qint64 jobId, const QString& state, const QString& error, int recordCount) {
                emit jobFinished(jobId, state, error, recordCount);
                onJobFinished(jobId);
            });
    m_thread.setObjectName(QStringLiteral("extraction"));
    m_thread.start();

    m_queue = new ExtractionQueue(m_database);
    m_queue->moveToThread(&m_queueThread);
    connect(&m_queueThread, &QThread::finished, m_queue, &QObject::deleteLater);
    connect(m_queue, &ExtractionQueue::next, this, &ExtractionService::onNext);
    connect(m_queue, &ExtractionQueue::jobFailed, this, [this](qint64 jobId, const QString& message) {
        emit jobFinished(jobId, storage::jobStateName(storage::JobState::Failed), message, 0);
    });
    connect(m_queue, &ExtractionQueue::noneLeft, this, [this] {
        m_dispatching = false;
        m_running = false;
        emitIdleIfSettled();
    });
    connect(m_queue, &ExtractionQueue::cancelledQueued, this, [this] {
        --m_cancelsPending;
        emitIdleIfSettled();
    });
    connect(m_queue, &ExtractionQueue::storageError, this, &ExtractionService::storageError);
    connect(m_queue, &ExtractionQueue::requeued, this, [this](int count) {
        m_requeuedAtStart = count;
        emit requeuedAtStartChanged(count);
    });
    m_queueThread.setObjectName(QStringLiteral("extraction-queue"));
    m_queueThread.start();
    // Resume after a restart: what a dead process was running is queued again (before any takeNext: same thread).
    if (recovery == Recovery::RequeueInterrupted)
        QMetaObject::invokeMethod(m_queue, &ExtractionQueue::requeueInterrupted, Qt::QueuedConnection);
}

ExtractionService::~ExtractionService()
{
    m_cancel->store(true);
    m_queueThread.quit();
    m_queueThread.wait();
    m_thread.quit();
    m_thread.wait();
    // A job the worker did not finish stays "running" in the database and is queued again on the next start.
}

storage::Connection* ExtractionService::connection()
{
    storage::StorageResult<storage::Connection*> c = m_writer.get();
    if (!c.ok())
        emit storageError(c.status().message());
    return c.ok() ? c.value() : nullptr;
}

void ExtractionService::loadModel(const chat::ModelOptions& options)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, options] { worker->loadModel(options); },
                              Qt::QueuedConnection);
}

storage::StorageResult<qint64> ExtractionService::addSchema(const QString& name, const QByteArray& schemaJson)
{
    const QString problem = ExtractionTemplates::check(schemaJson);
    if (!problem.isEmpty())
        return storage::StorageStatus(storage::StorageErrorCode::InvalidArgument, problem);
    storage::Connection* c = connection();
    if (!c)
        return storage::StorageStatus(storage::StorageErrorCode::Io, tr("The database cannot be opened."));
    storage::ExtractionSchema schema;
    schema.name = name;
    schema.schemaJson = schemaJson;
    return storage::ExtractionRepository(*c).addSchema(schema);
}

storage::StorageResult<QList<qint64>> ExtractionService::enqueue(qint64 schemaId, const QStringList& files)
{
    storage::Connection* c = connection();
    if (!c)
        return storage::StorageStatus(storage::StorageErrorCode::Io, tr("The database cannot be opened."));
    storage::ExtractionJobRepository jobs(*c);
    QList<qint64> ids;
    for (const QString& file : files) {
        const QString path = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
        storage::StorageResult<qint64> id = jobs.enqueue(schemaId, path);
        if (!id.ok())
            return id.status();
        ids << id.value();
        emit jobQueued(id.value(), path);
    }
    if (m_running && m_currentJob == 0)
        dispatchNext();
    return ids;
}

void ExtractionService::start(const QList<qint64>& only)
{
    m_only = only;
    m_running = true;
    m_cancel->store(false);
    if (m_currentJob == 0)
        dispatchNext();
}

void ExtractionService::pause()
{
    m_running = false;
    emitIdleIfSettled();
}

void ExtractionService::cancel()
{
    m_running = false;
    ++m_cancelsPending;
    QMetaObject::invokeMethod(m_queue, &ExtractionQueue::cancelQueued, Qt::QueuedConnection);
    if (m_currentJob != 0)
        m_cancel->store(true);
}

storage::StorageStatus ExtractionService::rerun(qint64 jobId)
{
    if (jobId == m_currentJob)
        return {storage::StorageErrorCode::InvalidArgument, tr("Extraction job %1 is running.").arg(jobId)};
    storage::Connection* c = connection();
    if (!c)
        return {storage::StorageErrorCode::Io, tr("The database cannot be opened.")};
    storage::StorageStatus status = storage::ExtractionJobRepository(*c).rerun(jobId);
    if (status.ok() && m_running && m_currentJob == 0)
        dispatchNext();
    return status;
}

void ExtractionService::dispatchNext()
{
    if (m_dispatching)
        return;
    m_dispatching = true;
    QMetaObject::invokeMethod(m_queue, [queue = m_queue, only = m_only] { queue->takeNext(only); }, Qt::QueuedConnection);
}

void ExtractionService::onNext(qint64 jobId, const QString& path, qint64 schemaId, const QByteArray& schemaJson)
{
    m_dispatching = false;
    if (!m_running) {
        // Paused or cancelled while the job was being taken: it goes back (and is cancelled with the rest).
        QMetaObject::invokeMethod(m_queue, [queue = m_queue, jobId] { queue->putBack(jobId); }, Qt::QueuedConnection);
        if (m_cancelsPending > 0) {
            ++m_cancelsPending;
            QMetaObject::invokeMethod(m_queue, &ExtractionQueue::cancelQueued, Qt::QueuedConnection);
        }
        emitIdleIfSettled();
        return;
    }
    m_currentJob = jobId;
    m_cancel->store(false);
    emit jobStarted(jobId, path);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, jobId, path, schemaId, schemaJson, options = m_options] {
            worker->runJob(jobId, path, schemaId, schemaJson, options);
        },
        Qt::QueuedConnection);
}

void ExtractionService::onJobFinished(qint64 jobId)
{
    if (jobId != m_currentJob)
        return;
    m_currentJob = 0;
    if (m_running)
        dispatchNext();
    else
        emitIdleIfSettled();
}

void ExtractionService::emitIdleIfSettled()
{
    if (!m_running && m_currentJob == 0 && !m_dispatching && m_cancelsPending == 0)
        emit idle();
}

storage::StorageResult<QList<storage::ExtractionJob>> ExtractionService::jobs()
{
    storage::Connection* c = connection();
    if (!c)
        return storage::StorageStatus(storage::StorageErrorCode::Io, tr("The database cannot be opened."));
    return storage::ExtractionJobRepository(*c).list();
}

storage::StorageResult<QList<storage::ExtractionWithSource>> ExtractionService::records(const QList<qint64>& schemaIds)
{
    storage::Connection* c = connection();
    if (!c)
        return storage::StorageStatus(storage::StorageErrorCode::Io, tr("The database cannot be opened."));
    return storage::ExtractionRepository(*c).listWithSource(schemaIds);
}

}  // namespace lectern::extract
