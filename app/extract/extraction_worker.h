// extraction_worker.h: the inference side of extraction batches, living on the service's worker thread: loads the
// model, and runs one job at a time: import the file, one constrained generation per unit, records stored with
// their job (source file) and page.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

#include "app/chat/chat_types.h"
#include "app/storage/database.h"

namespace lectern::extract {

struct ExtractionOptions {
    int maxTokens = 1024;            // per generation (one unit); the schema's shortest value must fit
    bool thinking = false;           // extraction answers directly by default
    bool greedy = true;              // most likely token at every step (repeatable results)
    std::optional<quint64> seed;     // sampling seed when not greedy
};

class ExtractionWorker : public QObject {
    Q_OBJECT

public:
    ExtractionWorker(storage::Database database, std::shared_ptr<std::atomic<bool>> cancel);
    ~ExtractionWorker() override;

    void loadModel(const chat::ModelOptions& options);
    // The job must already be marked running; it ends with jobFinished (done, failed or cancelled).
    void runJob(qint64 jobId, const QString& path, qint64 schemaId, const QByteArray& schemaJson,
                const ExtractionOptions& options);

signals:
    void modelLoaded(const lectern::chat::ModelInfo& info);
    void modelLoadFailed(const QString& message);
    void jobProgress(qint64 jobId, int unitsDone, int unitsTotal);
    void recordAdded(qint64 jobId, qint64 recordId);
    void jobFinished(qint64 jobId, const QString& state, const QString& error, int recordCount);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace lectern::extract
