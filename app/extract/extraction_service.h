// extraction_service.h: extraction batches for the window and for `lectern extract`: schemas (built-in templates or
// the user's, checked), a persistent queue of files in SQLite (survives restarts), progress, pause, cancel and
// re-run, with the inference on a worker thread and queued signals back to the owner's thread.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

#include "app/chat/chat_types.h"
#include "app/extract/extraction_queue.h"
#include "app/extract/extraction_worker.h"
#include "app/storage/database.h"
#include "app/storage/extraction_job_repository.h"
#include "app/storage/lazy_writer.h"
#include "app/storage/records.h"

namespace lectern::extract {

// Usage (on a thread with an event loop):
//   ExtractionService service(database);            // jobs a dead process left running are queued again
//   service.loadModel({path, ComputeDevice::Auto});  // -> modelLoaded / modelLoadFailed
//   auto schema = service.addSchema("invoice", json);  // InvalidArgument with ExtractionTemplates::check's message
//   service.enqueue(*schema, files);                 // -> jobQueued per file
//   service.start();                                 // -> jobStarted, jobProgress, recordAdded, jobFinished ..., idle
// A results table reads jobs() and records(); it re-runs a row's job with rerun().
// start(), pause(), cancel() and the steps between jobs never touch the database on the caller's thread: the queue's
// statements run on a thread of their own (ExtractionQueue), the inference on the worker's.
class ExtractionService : public QObject {
    Q_OBJECT

public:
    // What the service does at construction with jobs the database says are running.
    enum class Recovery {
        RequeueInterrupted,  // the window: a process that died left them; they run again
        LeaveOthers,         // `lectern extract`: the window may be running them now; touch nothing but its own jobs
    };

    explicit ExtractionService(const storage::Database& database, QObject* parent = nullptr,
                               Recovery recovery = Recovery::RequeueInterrupted);
    ~ExtractionService() override;  // cancels the running job, waits for the worker

    void loadModel(const chat::ModelOptions& options);
    void setOptions(const ExtractionOptions& options) { m_options = options; }
    const ExtractionOptions& options() const { return m_options; }

    storage::StorageResult<qint64> addSchema(const QString& name, const QByteArray& schemaJson);
    storage::StorageResult<QList<qint64>> enqueue(qint64 schemaId, const QStringList& files);

    // Runs queued jobs one after another until the queue is empty (idle) or pause() / cancel(). With only given,
    // just those jobs run (idle once none of them is queued) and every other job stays as it is.
    void start(const QList<qint64>& only = {});
    // The running job finishes; the next ones stay queued (start() resumes).
    void pause();
    // The running job stops (its records are dropped) and every queued job is cancelled.
    void cancel();
    // Queues a finished job again (its records are replaced); starts it if the service is running.
    storage::StorageStatus rerun(qint64 jobId);

    bool isRunning() const { return m_running; }
    bool isBusy() const { return m_currentJob != 0 || m_dispatching; }
    // Jobs found running at construction and queued again (valid after requeuedAtStartChanged).
    int requeuedAtStart() const { return m_requeuedAtStart; }

    storage::StorageResult<QList<storage::ExtractionJob>> jobs();
    storage::StorageResult<QList<storage::ExtractionWithSource>> records(const QList<qint64>& schemaIds = {});

signals:
    void modelLoaded(const lectern::chat::ModelInfo& info);
    void modelLoadFailed(const QString& message);
    void jobQueued(qint64 jobId, const QString& path);
    void jobStarted(qint64 jobId, const QString& path);
    void jobProgress(qint64 jobId, int unitsDone, int unitsTotal);
    void recordAdded(qint64 jobId, qint64 recordId);
    // state: "done", "failed" or "cancelled"; error says why (or what went wrong on some pages of a done job).
    void jobFinished(qint64 jobId, const QString& state, const QString& error, int recordCount);
    // Nothing runs any more: the queue is empty, or paused / cancelled.
    void idle();
    void storageError(const QString& message);
    void requeuedAtStartChanged(int count);

private:
    storage::Connection* connection();
    void dispatchNext();
    void onNext(qint64 jobId, const QString& path, qint64 schemaId, const QByteArray& schemaJson);
    void onJobFinished(qint64 jobId);
    void emitIdleIfSettled();

    storage::Database m_database;
    storage::LazyWriter m_writer;  // the owner thread's (addSchema, enqueue, rerun, jobs, records)
    QThread m_thread;
    ExtractionWorker* m_worker = nullptr;
    QThread m_queueThread;
    ExtractionQueue* m_queue = nullptr;
    bool m_dispatching = false;      // a takeNext is on its way
    int m_cancelsPending = 0;        // cancelQueued calls on their way
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    ExtractionOptions m_options;
    bool m_running = false;
    qint64 m_currentJob = 0;
    QList<qint64> m_only;  // start(only): the jobs this run may take; empty: any
    int m_requeuedAtStart = 0;
};

}  // namespace lectern::extract
