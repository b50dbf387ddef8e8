// extraction_job_repository.h: the persistent queue of extraction batches (the only SQL for the extraction_jobs
// table and for linking records to the job they came from).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "app/storage/connection.h"
#include "app/storage/records.h"

namespace lectern::storage {

enum class JobState { Queued, Running, Done, Failed, Cancelled };
QString jobStateName(JobState state);  // "queued", "running", "done", "failed", "cancelled"
std::optional<JobState> jobStateFromName(const QString& name);

// One file to extract with one schema.
struct ExtractionJob {
    qint64 id = 0;
    qint64 schemaId = 0;
    QString sourcePath;      // absolute path of the file
    JobState state = JobState::Queued;
    QString error;           // why it failed, empty otherwise
    int recordCount = 0;     // records stored for it
    QDateTime createdAt;
    QDateTime updatedAt;
};

class ExtractionJobRepository {
    Q_DECLARE_TR_FUNCTIONS(ExtractionJobRepository)

public:
    explicit ExtractionJobRepository(Connection& connection) : m_connection(connection) {}

    // A queued job; NotFound when the schema does not exist.
    StorageResult<qint64> enqueue(qint64 schemaId, const QString& sourcePath);
    StorageResult<ExtractionJob> get(qint64 id);
    // In id (queue) order; all jobs when no state is given.
    StorageResult<QList<ExtractionJob>> list(std::optional<JobState> state = std::nullopt);
    // The oldest queued job, if any; among: only one of these jobs (empty: any).
    StorageResult<std::optional<ExtractionJob>> nextQueued(const QList<qint64>& among = {});
    StorageStatus setState(qint64 id, JobState state, const QString& error = {}, int recordCount = 0);
    // After a restart: jobs left running by a process that died are queued again. Returns how many.
    StorageResult<int> requeueInterrupted();
    // Every queued job becomes cancelled. Returns how many.
    StorageResult<int> cancelQueued();
    // A finished, failed or cancelled job is queued again; its records are deleted (re-run).
    StorageStatus rerun(qint64 id);
    // Records the job produced (source file and page for exports).
    StorageStatus linkRecord(qint64 recordId, qint64 jobId);
    StorageResult<QList<qint64>> recordIds(qint64 jobId);

private:
    Connection& m_connection;
};

}  // namespace lectern::storage
