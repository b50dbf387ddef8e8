// storage_worker.h: runs the window's database reads and writes on a thread of their own and hands each result
// back to the UI thread as a queued call, so the UI thread never waits on disk.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <utility>

#include "app/storage/connection.h"
#include "app/storage/database.h"

namespace lectern::ui {

// The worker-thread side: owns one writer connection, opened on first use and closed on that thread.
class StorageThreadContext : public QObject {
    Q_OBJECT

public:
    explicit StorageThreadContext(storage::Database database) : m_database(std::move(database)) {}

    // The writer connection of this thread, or the reason it cannot be opened. Call on the worker thread only.
    storage::StorageResult<storage::Connection*> connection();

private:
    storage::Database m_database;
    std::unique_ptr<storage::Connection> m_writer;
};

// Usage (on the UI thread):
//   worker.run<StorageResult<QList<Conversation>>>(this,
//       [](Connection& db) { return ConversationRepository(db).list(); },
//       [this](const StorageResult<QList<Conversation>>& result) { ... back on the UI thread ... });
// Jobs run one at a time in the order they were given. `done` runs on `context`'s thread, and not at all once
// `context` is gone. Result must be constructible from a StorageStatus (StorageStatus, StorageResult<T>).
class StorageWorker : public QObject {
    Q_OBJECT

public:
    explicit StorageWorker(storage::Database database, QObject* parent = nullptr);
    ~StorageWorker() override;  // finishes the jobs already given, then stops the thread

    template <typename Result>
    void run(QObject* context, std::function<Result(storage::Connection&)> job, std::function<void(const Result&)> done)
    {
        QPointer<QObject> receiver(context);
        StorageThreadContext* worker = m_context;
        QMetaObject::invokeMethod(
            worker,
            [worker, receiver, job = std::move(job), done = std::move(done)] {
                Result result = execute<Result>(*worker, job);
                if (!receiver || !done)
                    return;
                QMetaObject::invokeMethod(
                    receiver.data(), [done, result = std::move(result)] { done(result); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    // Runs `job` on the worker thread and waits for it: only for shutdown (e.g. a delete that must reach the disk
    // before the program ends).
    storage::StorageStatus runBlocking(const std::function<storage::StorageStatus(storage::Connection&)>& job);

private:
    template <typename Result>
    static Result execute(StorageThreadContext& worker, const std::function<Result(storage::Connection&)>& job)
    {
        storage::StorageResult<storage::Connection*> connection = worker.connection();
        if (!connection.ok())
            return Result(connection.status());
        return job(*connection.value());
    }

    QThread m_thread;
    StorageThreadContext* m_context = nullptr;  // lives on m_thread; deleted there when it finishes
};

}  // namespace lectern::ui
