// extraction_record_model.h: the Extract view's results table: one row per extracted record, one column per top-level
// property of the schema, then the source file and page. Cells can be edited: the text is turned into the JSON type
// the schema gives the property and the record is saved through a callback (the controller writes it to SQLite).
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

#include "app/storage/records.h"
#include "app/storage/storage_result.h"

namespace lectern::ui {

class ExtractionRecordModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("records come from ExtractionController.records")
    Q_PROPERTY(int rowCount READ rowCount NOTIFY shapeChanged)
    Q_PROPERTY(QStringList columnNames READ columnNames NOTIFY shapeChanged)

public:
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers as numbers, the rest as text
        EditedRole,                   // the user changed this row's record
        EditableRole,                 // a schema property (not source file or page)
        RecordIdRole,
    };

    // Saves an edited record (JSON object text); an error message, or empty when it was saved.
    using SaveRecord = std::function<QString(qint64 recordId, const QByteArray& recordJson)>;

    explicit ExtractionRecordModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // The text is converted to the property's JSON type (string, integer, number, boolean, null; JSON text for
    // objects and arrays) and saved; false, with editFailed, when it does not fit or cannot be saved.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    // Columns from the schema (its properties, or its items' properties for an array schema).
    void setSchema(const QByteArray& schemaJson);
    void setRecords(const QList<storage::ExtractionWithSource>& records, const QSet<qint64>& edited);
    void setSaveRecord(SaveRecord save) { m_save = std::move(save); }

    QStringList columnNames() const;
    int propertyCount() const { return int(m_properties.size()); }
    const storage::ExtractionWithSource* recordAt(int row) const;

signals:
    void shapeChanged();
    void editFailed(const QString& message);

private:
    struct Property {
        QString name;
        QByteArray schemaJson;  // the property's own schema
    };
    struct Row {
        storage::ExtractionWithSource record;
        QStringList cells;       // per property, as shown
        QVariantList sortKeys;   // per property
        bool edited = false;
    };
    Row makeRow(const storage::ExtractionWithSource& record, bool edited) const;

    QList<Property> m_properties;
    QList<Row> m_rows;
    SaveRecord m_save;
};

// The JSON text a cell's text becomes for a property with this schema, or an error message (second).
std::pair<std::optional<QByteArray>, QString> cellToJson(const QByteArray& propertySchema, const QString& text);

}  // namespace lectern::ui
