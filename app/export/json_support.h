// json_support.h: helpers for writing export JSON with nlohmann::ordered_json (keys keep insertion order,
// which QJsonObject cannot do: it sorts them).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace lectern::exporting::json {

using Json = nlohmann::ordered_json;

inline Json text(const QString& value)
{
    return Json(value.toStdString());
}

// ISO 8601 UTC with milliseconds: "2025-03-01T09:30:00.000Z".
inline Json time(const QDateTime& value)
{
    return text(value.toUTC().toString(Qt::ISODateWithMs));
}

template <typename T>
Json optional(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

inline Json optionalText(const std::optional<QString>& value)
{
    return value ? text(*value) : Json(nullptr);
}

// Parses UTF-8 JSON keeping key order; nullopt (and `error` set) when it is not JSON.
inline std::optional<Json> parse(const QByteArray& utf8, QString* error)
{
    try {
        return Json::parse(utf8.constBegin(), utf8.constEnd());
    } catch (const Json::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

// Indented by 2 spaces, non-ASCII written as UTF-8, ending in "\n" when `indent` >= 0. Never throws:
// invalid UTF-8 (impossible for text that went through QString) would become U+FFFD.
inline QByteArray dump(const Json& value, int indent)
{
    std::string out = value.dump(indent, ' ', false, Json::error_handler_t::replace);
    if (indent >= 0)
        out += '\n';
    return QByteArray::fromStdString(out);
}

inline QString dumpCompact(const Json& value)
{
    return QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace lectern::exporting::json
