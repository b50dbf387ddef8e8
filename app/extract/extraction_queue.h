// extraction_queue.h: the job queue's database work for ExtractionService (take the next job, cancel the queued ones,
// requeue what a dead process left running), on a thread of its own so that the owner's thread never waits on SQLite.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include "app/storage/database.h"
#include "app/storage/lazy_writer.h"

namespace lectern::extract {

// Lives on its own QThread; call its methods with QMetaObject::invokeMethod (queued), answers come as signals.
class ExtractionQueue : public QObject {
    Q_OBJECT

public:
    explicit ExtractionQueue(const storage::Database& database) : m_writer(database) {}

    // Jobs the database says are running go back to the queue -> requeued(count).
    void requeueInterrupted();
    // Marks the next queued job (of `only`, if not empty) running -> next(...); a job whose schema is gone is marked
    // failed (-> jobFailed) and the one after it is taken; none left -> noneLeft().
    void takeNext(const QList<qint64>& only);
    // A job taken by takeNext that will not run after all (paused or cancelled meanwhile) goes back to the queue.
    void putBack(qint64 jobId);
    // Every queued job is cancelled -> cancelledQueued().
    void cancelQueued();

signals:
    void requeued(int count);
    void next(qint64 jobId, const QString& sourcePath, qint64 schemaId, const QByteArray& schemaJson);
    void jobFailed(qint64 jobId, const QString& message);
    void noneLeft();
    void cancelledQueued();
    void storageError(const QString& message);

private:
    storage::Connection* connection();

    storage::LazyWriter m_writer;  // this thread's
};

}  // namespace lectern::extract
