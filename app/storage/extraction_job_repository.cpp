// extraction_job_repository.cpp: SQL for the extraction_jobs table and the records' job links.
#include "app/storage/extraction_job_repository.h"

#include "app/storage/sql_values.h"

namespace lectern::storage {

namespace {

const QString kJobColumns = QStringLiteral(
    "id, schema_id, source_path, state, error, record_count, created_at_ms, updated_at_ms");

ExtractionJob jobFromRow(const QSqlQuery& q)
{
    ExtractionJob j;
    j.id = q.value(0).toLongLong();
    j.schemaId = q.value(1).toLongLong();
    j.sourcePath = q.value(2).toString();
    j.state = jobStateFromName(q.value(3).toString()).value_or(JobState::Failed);
    j.error = q.value(4).toString();
    j.recordCount = q.value(5).toInt();
    j.createdAt = sql::fromMs(q.value(6));
    j.updatedAt = sql::fromMs(q.value(7));
    return j;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Done: return QStringLiteral("done");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<JobState> jobStateFromName(const QString& name)
{
    for (JobState s : {JobState::Queued, JobState::Running, JobState::Done, JobState::Failed, JobState::Cancelled})
        if (jobStateName(s) == name)
            return s;
    return std::nullopt;
}

StorageResult<qint64> ExtractionJobRepository::enqueue(qint64 schemaId, const QString& sourcePath)
{
    if (sourcePath.isEmpty())
        return StorageStatus(StorageErrorCode::InvalidArgument, tr("An extraction job needs a source file."));
    qint64 id = 0;
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        const qint64 now = nowMs();
        StorageStatus inserted = m_connection.exec(
            QStringLiteral("INSERT INTO extraction_jobs (schema_id, source_path, state, created_at_ms, updated_at_ms) "
                           "VALUES (?, ?, 'queued', ?, ?)"),
            {schemaId, sourcePath, now, now});
        if (inserted.code() == StorageErrorCode::InvalidArgument)
            return {StorageErrorCode::NotFound, tr("There is no extraction schema with id %1.").arg(schemaId)};
        LECTERN_STORAGE_TRY(inserted);
        LECTERN_STORAGE_TRY(m_connection.readLastInsertId(id));
        return {};
    });
    if (!status.ok())
        return status;
    return id;
}

StorageResult<ExtractionJob> ExtractionJobRepository::get(qint64 id)
{
    StorageResult<QSqlQuery> q =
        m_connection.query(QStringLiteral("SELECT %1 FROM extraction_jobs WHERE id = ?").arg(kJobColumns), {id});
    if (!q.ok())
        return q.status();
    if (!q->next())
        return StorageStatus(StorageErrorCode::NotFound, tr("There is no extraction job with id %1.").arg(id));
    return jobFromRow(q.value());
}

StorageResult<QList<ExtractionJob>> ExtractionJobRepository::list(std::optional<JobState> state)
{
    StorageResult<QSqlQuery> q = state
        ? m_connection.query(QStringLiteral("SELECT %1 FROM extraction_jobs WHERE state = ? ORDER BY id").arg(kJobColumns),
                             {jobStateName(*state)})
        : m_connection.query(QStringLiteral("SELECT %1 FROM extraction_jobs ORDER BY id").arg(kJobColumns));
    if (!q.ok())
        return q.status();
    QList<ExtractionJob> jobs;
    while (q->next())
        jobs.append(jobFromRow(q.value()));
    return jobs;
}

StorageResult<std::optional<ExtractionJob>> ExtractionJobRepository::nextQueued()
{
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM extraction_jobs WHERE state = 'queued' ORDER BY id LIMIT 1").arg(kJobColumns));
    if (!q.ok())
        return q.status();
    if (!q->next())
        return std::optional<ExtractionJob>();
    return std::optional<ExtractionJob>(jobFromRow(q.value()));
}

StorageStatus ExtractionJobRepository::setState(qint64 id, JobState state, const QString& error, int recordCount)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extraction_jobs SET state = ?, error = ?, record_count = ?, updated_at_ms = ? "
                           "WHERE id = ?"),
            {jobStateName(state), sql::text(error), recordCount, nowMs(), id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no extraction job with id %1.").arg(id)};
        return {};
    });
}

StorageResult<int> ExtractionJobRepository::requeueInterrupted()
{
    int n = 0;
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        // Records a dead run stored for the job are dropped: the job runs again from the start.
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral(
            "DELETE FROM extractions WHERE job_id IN (SELECT id FROM extraction_jobs WHERE state = 'running')")));
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extraction_jobs SET state = 'queued', record_count = 0, updated_at_ms = ? "
                           "WHERE state = 'running'"),
            {nowMs()}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        n = changed.value();
        return {};
    });
    if (!status.ok())
        return status;
    return n;
}

StorageResult<int> ExtractionJobRepository::cancelQueued()
{
    int n = 0;
    StorageStatus status = m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extraction_jobs SET state = 'cancelled', updated_at_ms = ? WHERE state = 'queued'"),
            {nowMs()}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        n = changed.value();
        return {};
    });
    if (!status.ok())
        return status;
    return n;
}

StorageStatus ExtractionJobRepository::rerun(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM extractions WHERE job_id = ?"), {id}));
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extraction_jobs SET state = 'queued', error = '', record_count = 0, "
                           "updated_at_ms = ? WHERE id = ? AND state != 'running'"),
            {nowMs(), id}));
        StorageResult<int> changed = m_connection.changes();
        if (!changed.ok())
            return changed.status();
        if (changed.value() == 0)
            return {StorageErrorCode::NotFound, tr("There is no finished extraction job with id %1.").arg(id)};
        return {};
    });
}

StorageStatus ExtractionJobRepository::linkRecord(qint64 recordId, qint64 jobId)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("UPDATE extractions SET job_id = ? WHERE id = ?"),
                                              {jobId, recordId}));
        return {};
    });
}

StorageResult<QList<qint64>> ExtractionJobRepository::recordIds(qint64 jobId)
{
    StorageResult<QSqlQuery> q =
        m_connection.query(QStringLiteral("SELECT id FROM extractions WHERE job_id = ? ORDER BY id"), {jobId});
    if (!q.ok())
        return q.status();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

}  // namespace lectern::storage
