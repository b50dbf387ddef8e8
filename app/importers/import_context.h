// import_context.h: the run-time controls of one import: cancellation flag, deadline and progress callback,
// checked by every importer between pages, frames and I/O chunks.
#pragma once

#include <QDeadlineTimer>
#include <QString>

#include <atomic>
#include <functional>

namespace lectern::app {

struct ImportContext {
    const std::atomic_bool* cancelFlag = nullptr;  // set from any thread to stop the import
    QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    std::function<void(double fraction, const QString& stage)> progress;  // fraction in [0, 1]

    bool cancelled() const { return cancelFlag != nullptr && cancelFlag->load(std::memory_order_relaxed); }
    bool timedOut() const { return deadline.hasExpired(); }
    bool shouldStop() const { return cancelled() || timedOut(); }
    void report(double fraction, const QString& stage) const
    {
        if (progress)
            progress(fraction, stage);
    }
};

}  // namespace lectern::app
