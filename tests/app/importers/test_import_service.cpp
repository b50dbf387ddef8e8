// test_import_service.cpp: ImportService runs imports on worker threads, reports progress on the caller's
// thread, cancels, honours the time limit, and answers a second import of the same bytes from its cache
// (memory, then disk across service instances), with working image providers after a cache hit.
#include "app/importers/import_service.h"
#include "app/importers/importer.h"

#include "fixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace lectern::app;

namespace {

// Counts calls and remembers the thread it ran on: proves the estimator is pluggable and off the UI thread.
class RecordingEstimator final : public TextTokenEstimator {
public:
    qint64 countTokens(const QString& text) const override
    {
        thread.store(QThread::currentThread());
        ++calls;
        return text.size();  // one token per UTF-16 unit: easy to check
    }
    QString name() const override { return QStringLiteral("recording"); }
    mutable std::atomic<QThread*> thread{nullptr};
    mutable std::atomic_int calls{0};
};

ImportedDocument waitForResult(QSignalSpy& finished, quint64 id, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        for (const QList<QVariant>& arguments : std::as_const(finished)) {
            if (arguments.at(0).toULongLong() == id)
                return arguments.at(1).value<ImportedDocument>();
        }
        finished.wait(100);
    }
    ImportedDocument timedOut;
    timedOut.fail(ImportErrorCode::TimedOut, QStringLiteral("test: no importFinished within %1 ms").arg(timeoutMs));
    return timedOut;
}

QByteArray bigPdf(int pages)
{
    QList<QByteArray> contents;
    for (int i = 1; i <= pages; ++i)
        contents.append(fixtures::pdfText(72, 700, 12, "Page " + QByteArray::number(i) + " has a sentence of text on it."));
    return fixtures::makePdf(contents);
}

}  // namespace

class TestImportService : public QObject {
    Q_OBJECT

private:
    fixtures::Folder m_folder;

private slots:
    void importsOffTheUiThreadWithProgress()
    {
        ImportService service(m_folder.path(QStringLiteral("cache-a")));
        auto estimator = std::make_shared<RecordingEstimator>();
        service.setTextTokenEstimator(estimator);
        QSignalSpy started(&service, &ImportService::importStarted);
        QSignalSpy progress(&service, &ImportService::importProgress);
        QSignalSpy finished(&service, &ImportService::importFinished);
        QThread* receiverThread = nullptr;
        connect(&service, &ImportService::importFinished, this,
                [&receiverThread] { receiverThread = QThread::currentThread(); });

        const QString path = m_folder.write(QStringLiteral("doc.pdf"), bigPdf(5));
        const quint64 id = service.import(path);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).toULongLong(), id);
        const ImportedDocument doc = waitForResult(finished, id);
        QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
        QCOMPARE(doc.pages.size(), 5);
        QCOMPARE(finished.size(), 1);
        QVERIFY(progress.size() >= 2);
        for (const QList<QVariant>& arguments : std::as_const(progress)) {
            QCOMPARE(arguments.at(0).toULongLong(), id);
            QVERIFY(arguments.at(1).toDouble() >= 0.0 && arguments.at(1).toDouble() <= 1.0);
        }
        QCOMPARE(progress.last().at(1).toDouble(), 1.0);
        QCOMPARE(receiverThread, QThread::currentThread());  // signals arrive on the service's thread
        QVERIFY(estimator->thread.load() != nullptr);
        QVERIFY(estimator->thread.load() != QThread::currentThread());  // the work ran elsewhere
        QCOMPARE(doc.tokens.textEstimator, QStringLiteral("recording"));
        QCOMPARE(doc.tokens.textTokens, doc.text().size() - 4 * 2);  // pages joined by "\n\n" are not counted
        QCOMPARE(service.activeImports(), 0);
    }

    void secondImportComesFromTheCache()
    {
        const QString cacheDir = m_folder.path(QStringLiteral("cache-b"));
        const QString video = m_folder.path(QStringLiteral("clip.mp4"));
        QString log;
        QVERIFY2(fixtures::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                      QStringLiteral("testsrc=size=160x120:rate=25:duration=4"), QStringLiteral("-c:v"),
                                      QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), video},
                                     &log),
                 qPrintable(log));
        QElapsedTimer timer;
        qint64 firstMs = 0;
        ImportedDocument first;
        {
            ImportService service(cacheDir);
            QSignalSpy finished(&service, &ImportService::importFinished);
            timer.start();
            first = waitForResult(finished, service.import(video));
            firstMs = timer.elapsed();
            QVERIFY2(first.ok(), qPrintable(first.errorMessage));
            QVERIFY(!first.fromCache);

            // Same bytes under another name: from memory.
            const QString copy = m_folder.path(QStringLiteral("copy-of-clip.mp4"));
            QVERIFY(QFile::copy(video, copy));
            timer.restart();
            const ImportedDocument second = waitForResult(finished, service.import(copy));
            const qint64 secondMs = timer.elapsed();
            QVERIFY2(second.ok(), qPrintable(second.errorMessage));
            QVERIFY(second.fromCache);
            QCOMPARE(second.sourcePath, copy);
            QCOMPARE(second.contentHash, first.contentHash);
            QCOMPARE(second.frames.size(), first.frames.size());
            QCOMPARE(second.tokens.total(), first.tokens.total());
            qInfo("video import %lld ms, same bytes again %lld ms", firstMs, secondMs);
            QVERIFY2(secondMs < 1000, qPrintable(QString::number(secondMs)));
            // The provider after a cache hit decodes from the new path.
            QVERIFY(second.images);
            QCOMPARE(second.images->image(3).size(), QSize(160, 120));
        }
        QCOMPARE(QDir(cacheDir).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 1);

        // A new service (a restarted app) finds it on disk.
        {
            ImportService service(cacheDir);
            QSignalSpy finished(&service, &ImportService::importFinished);
            const ImportedDocument again = waitForResult(finished, service.import(video));
            QVERIFY(again.fromCache);
            QCOMPARE(again.frames.size(), first.frames.size());
            QCOMPARE(again.frames.last().timestamp, first.frames.last().timestamp);
            QCOMPARE(again.metadata.codec, QStringLiteral("h264"));
            QVERIFY(!again.images->image(0).isNull());
        }

        // Different options are a different result: not answered from the cache.
        {
            ImportService service(cacheDir);
            QSignalSpy finished(&service, &ImportService::importFinished);
            ImportOptions options;
            options.video.maxFrames = 4;
            const ImportedDocument fewer = waitForResult(finished, service.import(video, options));
            QVERIFY(!fewer.fromCache);
            QCOMPARE(fewer.frames.size(), 4);
        }

        // A damaged cache file is ignored (and removed), and the file imported again.
        for (const QString& name : QDir(cacheDir).entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile file(cacheDir + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{ not json");
        }
        {
            ImportService service(cacheDir);
            QSignalSpy finished(&service, &ImportService::importFinished);
            const ImportedDocument rebuilt = waitForResult(finished, service.import(video));
            QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.errorMessage));
            QVERIFY(!rebuilt.fromCache);
            QCOMPARE(rebuilt.frames.size(), first.frames.size());
        }
    }

    void pdfProviderAfterCacheRestore()
    {
        const QString cacheDir = m_folder.path(QStringLiteral("cache-c"));
        const QString path = m_folder.write(QStringLiteral("figure.pdf"),
                                            fixtures::makePdf({fixtures::pdfRect(0, 0, 612, 792, 0, 1, 0)}));
        for (int round = 0; round < 2; ++round) {
            ImportService service(cacheDir);
            QSignalSpy finished(&service, &ImportService::importFinished);
            const ImportedDocument doc = waitForResult(finished, service.import(path));
            QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
            QCOMPARE(doc.fromCache, round == 1);
            QVERIFY(doc.pages.first().imagePage);
            const QImage page = doc.images->image(0, QSize(100, 100));
            QVERIFY(!page.isNull());
            QCOMPARE(page.pixelColor(page.width() / 2, page.height() / 2), QColor(Qt::green));
        }
    }

    void cancellation()
    {
        ImportService service{QString()};  // memory-only cache
        QSignalSpy finished(&service, &ImportService::importFinished);
        const QString path = m_folder.write(QStringLiteral("long.pdf"), bigPdf(400));
        const quint64 id = service.import(path);
        service.cancel(id);
        QElapsedTimer timer;
        timer.start();
        const ImportedDocument doc = waitForResult(finished, id);
        QCOMPARE(doc.errorCode, ImportErrorCode::Cancelled);
        QCOMPARE(doc.status(), ImportStatus::Cancelled);
        QVERIFY(doc.pages.isEmpty());
        QVERIFY(timer.elapsed() < 5000);

        // Cancelling mid-way stops between pages: the flag is raised from the progress callback at page 10,
        // which makes the moment deterministic.
        std::atomic_bool cancel{false};
        int reports = 0;
        ImportContext context;
        context.cancelFlag = &cancel;
        context.progress = [&](double fraction, const QString&) {
            ++reports;
            if (fraction >= 10.0 / 400.0)
                cancel.store(true);
        };
        const ImportedDocument stopped = Importer::importFile(path, ImportOptions(), context);
        QCOMPARE(stopped.errorCode, ImportErrorCode::Cancelled);
        QVERIFY2(reports < 20, qPrintable(QString::number(reports)));  // not all 400 pages were read

        // Nothing cancelled was cached: a fresh import works.
        const ImportedDocument fresh = waitForResult(finished, service.import(path));
        QVERIFY2(fresh.ok(), qPrintable(fresh.errorMessage));
        QCOMPARE(fresh.pages.size(), 400);
    }

    void timeLimit()
    {
        ImportService service{QString()};
        QSignalSpy finished(&service, &ImportService::importFinished);
        ImportOptions options;
        options.limits.timeLimitMs = 1;
        const QString path = m_folder.write(QStringLiteral("slow.pdf"), bigPdf(300));
        const ImportedDocument doc = waitForResult(finished, service.import(path, options));
        QCOMPARE(doc.errorCode, ImportErrorCode::TimedOut);
        QVERIFY(doc.errorMessage.contains(QStringLiteral("longer than")));
    }

    void manyAtOnce()
    {
        ImportService service{QString()};
        QSignalSpy finished(&service, &ImportService::importFinished);
        QList<quint64> ids;
        for (int i = 0; i < 8; ++i) {
            const QString path = m_folder.write(QStringLiteral("note-%1.txt").arg(i), QByteArray("note number ") + QByteArray::number(i));
            ids.append(service.import(path));
        }
        QCOMPARE(QSet<quint64>(ids.begin(), ids.end()).size(), 8);
        for (int i = 0; i < 8; ++i) {
            const ImportedDocument doc = waitForResult(finished, ids.at(i));
            QVERIFY2(doc.ok(), qPrintable(doc.errorMessage));
            QCOMPARE(doc.text(), QStringLiteral("note number %1").arg(i));
        }
        QVERIFY(service.waitForDone(5000));
        QCOMPARE(finished.size(), 8);
    }

    void destroyingTheServiceCancelsAndWaits()
    {
        const QString path = m_folder.write(QStringLiteral("bye.pdf"), bigPdf(400));
        QElapsedTimer timer;
        timer.start();
        {
            ImportService service{QString()};
            service.import(path);
            service.import(path);
        }  // must not crash or hang, and must not deliver signals to a dead object
        QVERIFY(timer.elapsed() < 10000);
    }
};

QTEST_MAIN(TestImportService)
#include "test_import_service.moc"
