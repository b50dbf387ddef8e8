// extraction_record_model.cpp: the results table of the Extract view (see extraction_record_model.h).
#include "ui/extraction_record_model.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace lectern::ui {

namespace {

using Json = nlohmann::ordered_json;

std::optional<Json> parse(const QByteArray& text)
{
    try {
        return Json::parse(text.constBegin(), text.constEnd());
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

QString tr(const char* text)
{
    return QCoreApplication::translate("ExtractionRecordModel", text);
}

QString cellText(const Json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

QVariant sortKey(const Json& value)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_boolean())
        return value.get<bool>() ? 1.0 : 0.0;
    return cellText(value).toLower();
}

// The JSON types a property schema allows, in its order ("type" as a string or a list, or each anyOf branch).
QStringList typesOf(const Json& schema)
{
    QStringList types;
    if (!schema.is_object())
        return types;
    if (auto it = schema.find("type"); it != schema.end()) {
        if (it->is_string())
            types << QString::fromStdString(it->get<std::string>());
        else if (it->is_array())
            for (const Json& t : *it)
                if (t.is_string())
                    types << QString::fromStdString(t.get<std::string>());
    }
    if (auto it = schema.find("anyOf"); it != schema.end() && it->is_array())
        for (const Json& branch : *it)
            types << typesOf(branch);
    return types;
}

}  // namespace

std::pair<std::optional<QByteArray>, QString> cellToJson(const QByteArray& propertySchema, const QString& text)
{
    const Json schema = parse(propertySchema).value_or(Json::object());
    QStringList types = typesOf(schema);
    if (types.isEmpty())
        types << QStringLiteral("string");
    const QString trimmed = text.trimmed();
    std::optional<Json> value;
    if (trimmed.isEmpty() && types.contains(QStringLiteral("null")))
        value = Json(nullptr);
    for (const QString& type : types) {
        if (value)
            break;
        if (type == QLatin1String("string")) {
            value = Json(text.toStdString());
        } else if (type == QLatin1String("integer")) {
            bool ok = false;
            const qlonglong n = trimmed.toLongLong(&ok);
            if (ok)
                value = Json(n);
        } else if (type == QLatin1String("number")) {
            bool ok = false;
            const double n = trimmed.toDouble(&ok);
            if (ok)
                value = Json(n);
        } else if (type == QLatin1String("boolean")) {
            if (trimmed.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                value = Json(true);
            else if (trimmed.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                value = Json(false);
        } else if (type == QLatin1String("object") || type == QLatin1String("array")) {
            std::optional<Json> parsed = parse(trimmed.toUtf8());
            if (parsed && (type == QLatin1String("object") ? parsed->is_object() : parsed->is_array()))
                value = std::move(parsed);
        }
    }
    if (!value)
        return {std::nullopt, tr("'%1' is not a value of type %2.").arg(text, types.join(QStringLiteral(" or ")))};
    if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
        bool listed = false;
        QStringList allowed;
        for (const Json& option : *it) {
            listed = listed || option == *value;
            allowed << cellText(option);
        }
        if (!listed)
            return {std::nullopt, tr("'%1' is not one of: %2.").arg(text, allowed.join(QStringLiteral(", ")))};
    }
    return {QByteArray::fromStdString(value->dump()), {}};
}

int ExtractionRecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExtractionRecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_properties.size()) + 2;
}

QStringList ExtractionRecordModel::columnNames() const
{
    QStringList names;
    for (int i = 0; i < columnCount(); ++i)
        names << headerData(i, Qt::Horizontal, Qt::DisplayRole).toString();
    return names;
}

QVariant ExtractionRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section >= 0 && section < m_properties.size())
        return m_properties.at(section).name;
    if (section == m_properties.size())
        return tr("Source file");
    if (section == m_properties.size() + 1)
        return tr("Page");
    return {};
}

Qt::ItemFlags ExtractionRecordModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < m_properties.size())
        f |= Qt::ItemIsEditable;
    return f;
}

QHash<int, QByteArray> ExtractionRecordModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortKey");
    names.insert(EditedRole, "edited");
    names.insert(EditableRole, "editable");
    names.insert(RecordIdRole, "recordId");
    return names;
}

QVariant ExtractionRecordModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= columnCount())
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    const int nProperties = int(m_properties.size());
    switch (role) {
    case EditedRole: return row.edited;
    case EditableRole: return column < nProperties;
    case RecordIdRole: return double(row.record.extraction.id);
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
    case SortRole:
        break;
    default: return {};
    }
    if (column < nProperties)
        return role == SortRole ? row.sortKeys.at(column) : QVariant(row.cells.at(column));
    if (column == nProperties) {
        const QString path = row.record.sourcePath.value_or(QString());
        if (role == Qt::ToolTipRole)
            return path;
        return role == SortRole ? QVariant(path.toLower()) : QVariant(QFileInfo(path).fileName());
    }
    const std::optional<int> page = row.record.extraction.page;
    if (role == SortRole)
        return page ? double(*page) : 0.0;
    return page ? QString::number(*page) : QString();
}

bool ExtractionRecordModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if ((role != Qt::EditRole && role != Qt::DisplayRole) || !index.isValid() || index.row() >= m_rows.size()
        || index.column() >= m_properties.size())
        return false;
    Row& row = m_rows[index.row()];
    const Property& property = m_properties.at(index.column());
    const auto [cell, problem] = cellToJson(property.schemaJson, value.toString());
    if (!cell) {
        emit editFailed(tr("%1: %2").arg(property.name, problem));
        return false;
    }
    Json record = parse(row.record.extraction.recordJson).value_or(Json::object());
    if (!record.is_object())
        record = Json::object();
    record[property.name.toStdString()] = *parse(*cell);
    const QByteArray json = QByteArray::fromStdString(record.dump());
    if (m_save) {
        const QString error = m_save(row.record.extraction.id, json);
        if (!error.isEmpty()) {
            emit editFailed(error);
            return false;
        }
    }
    row.record.extraction.recordJson = json;
    row = makeRow(row.record, true);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    return true;
}

void ExtractionRecordModel::setSchema(const QByteArray& schemaJson)
{
    QList<Property> properties;
    if (std::optional<Json> schema = parse(schemaJson)) {
        const Json* object = &*schema;
        if (object->is_object() && object->value("type", Json()) == "array" && object->contains("items"))
            object = &(*object)["items"];
        if (object->is_object())
            if (auto it = object->find("properties"); it != object->end() && it->is_object())
                for (auto& [name, sub] : it->items())
                    properties << Property{QString::fromStdString(name), QByteArray::fromStdString(sub.dump())};
    }
    beginResetModel();
    m_properties = properties;
    for (Row& row : m_rows)
        row = makeRow(row.record, row.edited);
    endResetModel();
    emit shapeChanged();
}

void ExtractionRecordModel::setRecords(const QList<storage::ExtractionWithSource>& records, const QSet<qint64>& edited)
{
    beginResetModel();
    m_rows.clear();
    for (const storage::ExtractionWithSource& record : records)
        m_rows << makeRow(record, edited.contains(record.extraction.id));
    endResetModel();
    emit shapeChanged();
}

const storage::ExtractionWithSource* ExtractionRecordModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).record : nullptr;
}

ExtractionRecordModel::Row ExtractionRecordModel::makeRow(const storage::ExtractionWithSource& record,
                                                          bool edited) const
{
    Row row;
    row.record = record;
    row.edited = edited;
    const Json value = parse(record.extraction.recordJson).value_or(Json::object());
    for (const Property& property : m_properties) {
        const std::string key = property.name.toStdString();
        const Json cell = value.is_object() && value.contains(key) ? value.at(key) : Json(nullptr);
        row.cells << cellText(cell);
        row.sortKeys << sortKey(cell);
    }
    return row;
}

}  // namespace lectern::ui
