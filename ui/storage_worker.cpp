// storage_worker.cpp: the storage thread and its lazily opened writer connection.
#include "ui/storage_worker.h"

namespace lectern::ui {

storage::StorageResult<storage::Connection*> StorageThreadContext::connection()
{
    if (!m_writer) {
        storage::StorageResult<std::unique_ptr<storage::Connection>> writer = m_database.openWriter();
        if (!writer.ok())
            return writer.status().withContext(m_database.path());
        m_writer = std::move(writer).value();
    }
    return m_writer.get();
}

StorageWorker::StorageWorker(storage::Database database, QObject* parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("lectern-storage"));
    m_context = new StorageThreadContext(std::move(database));
    m_context->moveToThread(&m_thread);
    // The connection must close on the thread that opened it: the context dies on its own thread.
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

StorageWorker::~StorageWorker()
{
    // An empty blocking call drains the jobs queued before it, so nothing already given is lost.
    (void)runBlocking([](storage::Connection&) { return storage::StorageStatus(); });
    m_thread.quit();
    m_thread.wait();
}

storage::StorageStatus StorageWorker::runBlocking(const std::function<storage::StorageStatus(storage::Connection&)>& job)
{
    storage::StorageStatus status;
    StorageThreadContext* worker = m_context;
    QMetaObject::invokeMethod(
        worker, [worker, &job, &status] { status = execute<storage::StorageStatus>(*worker, job); },
        Qt::BlockingQueuedConnection);
    return status;
}

}  // namespace lectern::ui
