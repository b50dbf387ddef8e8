// extraction_job_model.h: the extraction queue as the Extract view lists it: one row per file (queued in SQLite, or
// added and waiting for Start) with its state, progress, record count and error.
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include "app/storage/extraction_job_repository.h"

namespace lectern::ui {

class ExtractionJobModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the queue comes from ExtractionController.jobs")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,  // 0 for a file added but not queued yet
        PathRole,
        FileNameRole,
        StateRole,        // "added", "queued", "running", "done", "failed", "cancelled"
        UnitsDoneRole,
        UnitsTotalRole,   // 0 while unknown
        ProgressRole,     // 0..1
        RecordCountRole,
        ErrorRole,
    };

    struct Row {
        qint64 jobId = 0;
        QString path;
        QString state;
        int unitsDone = 0;
        int unitsTotal = 0;
        int recordCount = 0;
        QString error;
    };

    explicit ExtractionJobModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The queue as stored, followed by the files added since (state "added").
    void setJobs(const QList<storage::ExtractionJob>& jobs, const QStringList& added);
    void setState(qint64 jobId, const QString& state, const QString& error = {}, int recordCount = -1);
    void setProgress(qint64 jobId, int unitsDone, int unitsTotal);
    const QList<Row>& rows() const { return m_rows; }
    // Row of a job, -1 if it is not listed.
    int rowOf(qint64 jobId) const;

signals:
    void countChanged();

private:
    QList<Row> m_rows;
};

}  // namespace lectern::ui
