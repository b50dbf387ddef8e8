// import_service.cpp: one QRunnable per import on a private QThreadPool; results and progress are delivered
// to the service's thread as queued calls, so receivers never see a worker thread.
#include "app/importers/import_service.h"

#include "app/importers/importer.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

namespace lectern::app {

namespace {

// Progress signals are throttled: a page-by-page callback on a 1000-page PDF must not flood the event loop.
constexpr qint64 kProgressIntervalMs = 50;

}  // namespace

ImportService::ImportService(const QString& cacheDirectory, QObject* parent)
    : QObject(parent), m_cache(cacheDirectory), m_estimator(defaultTextTokenEstimator())
{
    qRegisterMetaType<lectern::app::ImportedDocument>();
    // Imports are I/O- and decoder-heavy and FFmpeg decodes with two threads itself: two at a time is plenty.
    m_pool.setMaxThreadCount(2);
}

ImportService::~ImportService()
{
    cancelAll();
    m_pool.waitForDone();
}

void ImportService::setTextTokenEstimator(std::shared_ptr<const TextTokenEstimator> estimator)
{
    QMutexLocker lock(&m_mutex);
    m_estimator = estimator ? std::move(estimator) : defaultTextTokenEstimator();
}

void ImportService::setMaxParallelImports(int count)
{
    m_pool.setMaxThreadCount(std::max(1, count));
}

int ImportService::activeImports() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

quint64 ImportService::import(const QString& path, const ImportOptions& options)
{
    auto job = std::make_shared<Job>();
    quint64 id = 0;
    std::shared_ptr<const TextTokenEstimator> estimator;
    {
        QMutexLocker lock(&m_mutex);
        id = m_nextId++;
        m_jobs.insert(id, job);
        estimator = m_estimator;
    }
    emit importStarted(id, path);
    QPointer<ImportService> self(this);
    m_pool.start([this, self, id, job, path, options, estimator] {
        auto elapsed = std::make_shared<QElapsedTimer>();
        elapsed->start();
        ImportContext context;
        context.cancelFlag = &job->cancel;
        context.deadline = QDeadlineTimer(options.limits.timeLimitMs);
        context.progress = [self, id, elapsed](double fraction, const QString& stage) {
            if (elapsed->elapsed() < kProgressIntervalMs && fraction < 1.0 && fraction > 0.0)
                return;
            elapsed->restart();
            QMetaObject::invokeMethod(
                self.data(),
                [self, id, fraction, stage] {
                    if (self)
                        emit self->importProgress(id, fraction, stage);
                },
                Qt::QueuedConnection);
        };
        // The service outlives its jobs (the destructor waits), so m_cache is safe to use here.
        ImportedDocument document = Importer::importFile(path, options, context, &m_cache, *estimator);
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, document = std::move(document)] {
                if (!self)
                    return;
                {
                    QMutexLocker lock(&self->m_mutex);
                    self->m_jobs.remove(id);
                }
                emit self->importFinished(id, document);
            },
            Qt::QueuedConnection);
    });
    return id;
}

void ImportService::cancel(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_jobs.constFind(id); it != m_jobs.constEnd())
        (*it)->cancel.store(true);
}

void ImportService::cancelAll()
{
    QMutexLocker lock(&m_mutex);
    for (const auto& job : std::as_const(m_jobs))
        job->cancel.store(true);
}

bool ImportService::waitForDone(int msecs)
{
    return m_pool.waitForDone(msecs);
}

}  // namespace lectern::app
