// extraction_controller.h: the Extract view's controller (QML singleton ExtractionController): the schema (a built-in
// template or the user's JSON, checked as it is typed), files to extract, the batch queue with progress, start /
// pause / cancel, the results table (sortable, editable cells saved to SQLite, a row's file re-run) and CSV / JSON
// export. Inference runs on ExtractionService's worker thread; nothing here waits for it.
#pragma once

#include <QObject>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>

#include "app/chat/chat_types.h"
#include "app/extract/extraction_worker.h"
#include "app/storage/database.h"
#include "ui/extraction_job_model.h"
#include "ui/extraction_record_model.h"

class QQmlEngine;
class QJSEngine;

namespace lectern::extract {
class ExtractionService;
}

namespace lectern::ui {

class StorageWorker;

class ExtractionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // Maps {name, title, description} of the built-in templates.
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)
    // The template the schema came from; "" once the user has changed it (a custom schema).
    Q_PROPERTY(QString templateName READ templateName NOTIFY schemaChanged)
    Q_PROPERTY(QString schemaText READ schemaText WRITE setSchemaText NOTIFY schemaChanged)
    // Empty when the schema can be used; otherwise what to fix.
    Q_PROPERTY(QString schemaProblem READ schemaProblem NOTIFY schemaChanged)
    Q_PROPERTY(bool schemaValid READ schemaValid NOTIFY schemaChanged)
    Q_PROPERTY(lectern::ui::ExtractionJobModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(lectern::ui::ExtractionRecordModel* records READ records CONSTANT)
    // records, sorted as the header asks (a QSortFilterProxyModel; QObject for QML tooling).
    Q_PROPERTY(QObject* sortedRecords READ sortedRecordsModel CONSTANT)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool modelReady READ modelReady NOTIFY stateChanged)
    Q_PROPERTY(bool modelLoading READ modelLoading NOTIFY stateChanged)
    Q_PROPERTY(bool storageReady READ storageReady CONSTANT)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    // Without a database nothing can be queued or kept; the view says so.
    explicit ExtractionController(std::optional<storage::Database> database, QObject* parent = nullptr);
    ~ExtractionController() override;

    // The instance QML gets as the ExtractionController singleton (not owned); without one each engine gets its own
    // controller with no database.
    static void setInstance(ExtractionController* controller);
    static ExtractionController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QVariantList templates() const;
    QString templateName() const { return m_templateName; }
    QString schemaText() const { return m_schemaText; }
    void setSchemaText(const QString& text);
    QString schemaProblem() const { return m_schemaProblem; }
    bool schemaValid() const { return m_schemaProblem.isEmpty(); }
    ExtractionJobModel* jobs() const { return m_jobs; }
    ExtractionRecordModel* records() const { return m_records; }
    QSortFilterProxyModel* sortedRecords() const { return m_sorted; }
    QObject* sortedRecordsModel() const { return m_sorted; }
    bool running() const;
    bool busy() const;
    bool modelReady() const { return m_modelReady; }
    bool modelLoading() const { return m_modelLoading; }
    bool storageReady() const { return m_service != nullptr; }
    int pendingCount() const { return int(m_pending.size()); }
    QString lastError() const { return m_lastError; }

    // Tests: fewer tokens per record, fixed seed.
    void setOptions(const extract::ExtractionOptions& options);
    void loadModel(const chat::ModelOptions& options);
    extract::ExtractionService* service() const { return m_service.get(); }

    // device: "auto", "cpu" or "vulkan"; contextLength 0: the default.
    Q_INVOKABLE void loadModel(const QString& path, const QString& device = QStringLiteral("auto"),
                               qint64 contextLength = 0);
    Q_INVOKABLE void useTemplate(const QString& name);
    // Local files (URLs or paths) to extract at the next Start.
    Q_INVOKABLE void addFiles(const QVariantList& files);
    Q_INVOKABLE void clearAdded();
    // Queues the added files with the schema and runs the queue (loading the model first if it is loading). False,
    // with lastError, when the schema is invalid, there is nothing to run or no model.
    Q_INVOKABLE bool start();
    Q_INVOKABLE void pause();
    Q_INVOKABLE void cancel();
    // Extracts the file of this row of sortedRecords again (its records are replaced). False when there is no such
    // row; a job that cannot be re-run is reported in lastError once the queue was read.
    Q_INVOKABLE bool rerunRow(int row);
    Q_INVOKABLE void sortBy(int column, bool ascending);
    // The records of the table (the current schema's) as CSV (with source file and page) or JSON, written on the
    // storage thread: -> exported(path), or lastError. False when there is no database.
    Q_INVOKABLE bool exportCsv(const QUrl& file);
    Q_INVOKABLE bool exportJson(const QUrl& file);
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void refresh();

signals:
    void schemaChanged();
    void stateChanged();
    void lastErrorChanged();
    void jobFinished(qint64 jobId, const QString& state);
    void idle();
    void exported(const QString& path);

private:
    using ExportFormat =
        std::function<storage::StorageResult<QByteArray>(const QList<storage::ExtractionWithSource>& records)>;

    void setLastError(const QString& message);
    // Reads the queue on the storage thread, then shows it (and runs `after`, on this thread).
    void refreshJobs(std::function<void()> after = {});
    void showJobs();  // the queue as last read, followed by the files added since
    void refreshRecords(std::function<void()> after = {});
    void showSchema(qint64 schemaId);
    void showRecords(const QList<storage::ExtractionWithSource>& records, const QSet<qint64>& edited);
    void enqueuePending();
    void launchIfReady();  // starts the service once the queue is stored and the model loaded
    bool writeExport(const QUrl& file, ExportFormat format);

    // Every read and write of the view runs here (the service keeps its own connection for its queue).
    std::unique_ptr<StorageWorker> m_storage;
    std::optional<storage::Database> m_database;
    std::unique_ptr<extract::ExtractionService> m_service;
    ExtractionJobModel* m_jobs = nullptr;
    ExtractionRecordModel* m_records = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QString m_templateName;
    QString m_schemaText;
    QString m_schemaProblem;
    QString m_registeredText;   // the schema text m_schemaId was stored for
    qint64 m_schemaId = 0;
    qint64 m_viewSchemaId = 0;  // the schema whose records the table shows
    QStringList m_pending;
    QList<storage::ExtractionJob> m_storedJobs;  // the queue as last read
    int m_enqueuesInFlight = 0;
    quint64 m_recordsSerial = 0;   // drops table reads that a newer one overtook
    bool m_modelReady = false;
    bool m_modelLoading = false;
    bool m_startWhenLoaded = false;
    QString m_lastError;
};

}  // namespace lectern::ui
