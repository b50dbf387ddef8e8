// import_service.h: runs imports on a thread pool so the UI thread never decodes; reports progress, supports
// cancellation and answers repeated drops of the same bytes from the cache.
#pragma once

#include "app/importers/import_cache.h"
#include "app/importers/import_options.h"
#include "app/importers/imported_document.h"
#include "app/importers/text_token_estimator.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace lectern::app {

class ImportService : public QObject {
    Q_OBJECT

public:
    // cacheDirectory: where finished imports are kept (ImportCache::defaultDirectory() by default; tests pass
    // a temporary folder, an empty string keeps the cache in memory only).
    explicit ImportService(const QString& cacheDirectory = ImportCache::defaultDirectory(), QObject* parent = nullptr);
    ~ImportService() override;  // cancels running imports and waits for them

    // Starts importing path; returns the job id used by the signals. Never blocks.
    quint64 import(const QString& path, const ImportOptions& options = ImportOptions());
    void cancel(quint64 id);
    void cancelAll();
    bool waitForDone(int msecs = -1);  // for tests and shutdown

    // Replaces the heuristic text-token estimator, e.g. with one backed by the real tokenizer.
    void setTextTokenEstimator(std::shared_ptr<const TextTokenEstimator> estimator);
    void setMaxParallelImports(int count);
    ImportCache& cache() { return m_cache; }
    int activeImports() const;

signals:
    void importStarted(quint64 id, const QString& path);
    void importProgress(quint64 id, double fraction, const QString& stage);
    // Always emitted exactly once per id, also for failures and cancellations (document.status()).
    void importFinished(quint64 id, const lectern::app::ImportedDocument& document);

private:
    struct Job {
        std::atomic_bool cancel{false};
    };

    ImportCache m_cache;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
    quint64 m_nextId = 1;
    std::shared_ptr<const TextTokenEstimator> m_estimator;
};

}  // namespace lectern::app
