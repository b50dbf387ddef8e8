// extraction_job_repository.cpp: SQL for the extraction_jobs table and the records' job links.
#include "app/storage/extraction_job_repository.h"

#include "app/storage/repository_helpers.h"
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
    const qint64 now = nowMs();
    return insertReturningId(
        m_connection,
        QStringLiteral("INSERT INTO extraction_jobs (schema_id, source_path, state, created_at_ms, updated_at_ms) "
                       "VALUES (?, ?, 'queued', ?, ?)"),
        {schemaId, sourcePath, now, now},
        [&](const QString&) { return tr("There is no extraction schema with id %1.").arg(schemaId); });
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

StorageResult<std::optional<ExtractionJob>> ExtractionJobRepository::nextQueued(const QList<qint64>& among)
{
    QString filter;
    QVariantList bindings;
    if (!among.isEmpty()) {
        QStringList marks;
        for (qint64 id : among) {
            marks << QStringLiteral("?");
            bindings << id;
        }
        filter = QStringLiteral(" AND id IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    StorageResult<QSqlQuery> q = m_connection.query(
        QStringLiteral("SELECT %1 FROM extraction_jobs WHERE state = 'queued'%2 ORDER BY id LIMIT 1")
            .arg(kJobColumns, filter),
        bindings);
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
        return requireOneChange(m_connection, tr("There is no extraction job with id %1.").arg(id));
    });
}

StorageResult<int> ExtractionJobRepository::requeueInterrupted()
{
    // Records a dead run stored for the job are dropped: the job runs again from the start.
    return writeCountingChanges(
        m_connection,
        QStringLiteral("UPDATE extraction_jobs SET state = 'queued', record_count = 0, updated_at_ms = ? "
                       "WHERE state = 'running'"),
        {nowMs()}, [&] {
            return m_connection.exec(QStringLiteral(
                "DELETE FROM extractions WHERE job_id IN (SELECT id FROM extraction_jobs WHERE state = 'running')"));
        });
}

StorageResult<int> ExtractionJobRepository::cancelQueued()
{
    return writeCountingChanges(
        m_connection,
        QStringLiteral("UPDATE extraction_jobs SET state = 'cancelled', updated_at_ms = ? WHERE state = 'queued'"),
        {nowMs()});
}

StorageStatus ExtractionJobRepository::rerun(qint64 id)
{
    return m_connection.write([&]() -> StorageStatus {
        LECTERN_STORAGE_TRY(m_connection.exec(QStringLiteral("DELETE FROM extractions WHERE job_id = ?"), {id}));
        LECTERN_STORAGE_TRY(m_connection.exec(
            QStringLiteral("UPDATE extraction_jobs SET state = 'queued', error = '', record_count = 0, "
                           "updated_at_ms = ? WHERE id = ? AND state != 'running'"),
            {nowMs(), id}));
        return requireOneChange(m_connection, tr("There is no finished extraction job with id %1.").arg(id));
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
