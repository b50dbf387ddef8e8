// extraction_job_model.cpp: the Extract view's queue list (see extraction_job_model.h).
#include "ui/extraction_job_model.h"

#include <QFileInfo>

namespace lectern::ui {

int ExtractionJobModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ExtractionJobModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case JobIdRole: return double(row.jobId);
    case Qt::DisplayRole:
    case FileNameRole: return QFileInfo(row.path).fileName();
    case PathRole: return row.path;
    case StateRole: return row.state;
    case UnitsDoneRole: return row.unitsDone;
    case UnitsTotalRole: return row.unitsTotal;
    case ProgressRole:
        if (row.state == QLatin1String("done"))
            return 1.0;
        return row.unitsTotal > 0 ? double(row.unitsDone) / row.unitsTotal : 0.0;
    case RecordCountRole: return row.recordCount;
    case ErrorRole: return row.error;
    default: return {};
    }
}

QHash<int, QByteArray> ExtractionJobModel::roleNames() const
{
    return {{JobIdRole, "jobId"},         {PathRole, "path"},           {FileNameRole, "fileName"},
            {StateRole, "state"},         {UnitsDoneRole, "unitsDone"}, {UnitsTotalRole, "unitsTotal"},
            {ProgressRole, "progress"},   {RecordCountRole, "recordCount"}, {ErrorRole, "error"}};
}

void ExtractionJobModel::setJobs(const QList<storage::ExtractionJob>& jobs, const QStringList& added)
{
    beginResetModel();
    QList<Row> rows;
    for (const storage::ExtractionJob& job : jobs) {
        Row row;
        row.jobId = job.id;
        row.path = job.sourcePath;
        row.state = storage::jobStateName(job.state);
        row.recordCount = job.recordCount;
        row.error = job.error;
        // Progress of a running job survives a refresh.
        if (const int old = rowOf(job.id); old >= 0 && m_rows[old].state == row.state) {
            row.unitsDone = m_rows[old].unitsDone;
            row.unitsTotal = m_rows[old].unitsTotal;
        }
        rows << row;
    }
    for (const QString& path : added) {
        Row row;
        row.path = path;
        row.state = QStringLiteral("added");
        rows << row;
    }
    const bool countChanges = rows.size() != m_rows.size();
    m_rows = rows;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

int ExtractionJobModel::rowOf(qint64 jobId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].jobId == jobId)
            return i;
    return -1;
}

void ExtractionJobModel::setState(qint64 jobId, const QString& state, const QString& error, int recordCount)
{
    const int i = rowOf(jobId);
    if (i < 0)
        return;
    Row& row = m_rows[i];
    row.state = state;
    row.error = error;
    if (recordCount >= 0)
        row.recordCount = recordCount;
    if (state == QLatin1String("running")) {
        row.unitsDone = 0;
        row.unitsTotal = 0;
    }
    emit dataChanged(index(i), index(i));
}

void ExtractionJobModel::setProgress(qint64 jobId, int unitsDone, int unitsTotal)
{
    const int i = rowOf(jobId);
    if (i < 0)
        return;
    m_rows[i].unitsDone = unitsDone;
    m_rows[i].unitsTotal = unitsTotal;
    emit dataChanged(index(i), index(i), {UnitsDoneRole, UnitsTotalRole, ProgressRole});
}

}  // namespace lectern::ui
