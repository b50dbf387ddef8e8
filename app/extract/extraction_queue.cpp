// extraction_queue.cpp: the queue's SQLite statements, run on ExtractionService's queue thread.
#include "app/extract/extraction_queue.h"

#include "app/storage/extraction_job_repository.h"
#include "app/storage/extraction_repository.h"

namespace lectern::extract {

storage::Connection* ExtractionQueue::connection()
{
    storage::StorageResult<storage::Connection*> c = m_writer.get();
    if (!c.ok())
        emit storageError(c.status().message());
    return c.ok() ? c.value() : nullptr;
}

void ExtractionQueue::requeueInterrupted()
{
    storage::Connection* c = connection();
    if (!c)
        return emit requeued(0);
    storage::StorageResult<int> count = storage::ExtractionJobRepository(*c).requeueInterrupted();
    if (!count.ok())
        emit storageError(count.status().message());
    emit requeued(count.ok() ? count.value() : 0);
}

void ExtractionQueue::takeNext(const QList<qint64>& only)
{
    storage::Connection* c = connection();
    if (!c)
        return emit noneLeft();
    storage::ExtractionJobRepository jobs(*c);
    for (;;) {
        storage::StorageResult<std::optional<storage::ExtractionJob>> job = jobs.nextQueued(only);
        if (!job.ok())
            emit storageError(job.status().message());
        if (!job.ok() || !job.value())
            return emit noneLeft();
        const storage::ExtractionJob& j = *job.value();
        storage::StorageResult<storage::ExtractionSchema> schema = storage::ExtractionRepository(*c).getSchema(j.schemaId);
        if (!schema.ok()) {
            (void)jobs.setState(j.id, storage::JobState::Failed, schema.status().message());
            emit jobFailed(j.id, schema.status().message());
            continue;
        }
        const storage::StorageStatus running = jobs.setState(j.id, storage::JobState::Running);
        if (!running.ok()) {
            emit storageError(running.message());
            return emit noneLeft();
        }
        return emit next(j.id, j.sourcePath, j.schemaId, schema->schemaJson);
    }
}

void ExtractionQueue::putBack(qint64 jobId)
{
    if (storage::Connection* c = connection()) {
        const storage::StorageStatus status = storage::ExtractionJobRepository(*c).setState(jobId, storage::JobState::Queued);
        if (!status.ok())
            emit storageError(status.message());
    }
}

void ExtractionQueue::cancelQueued()
{
    if (storage::Connection* c = connection()) {
        storage::StorageResult<int> cancelled = storage::ExtractionJobRepository(*c).cancelQueued();
        if (!cancelled.ok())
            emit storageError(cancelled.status().message());
    }
    emit cancelledQueued();
}

}  // namespace lectern::extract
