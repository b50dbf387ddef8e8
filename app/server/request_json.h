// request_json.h: shared pieces of reading OpenAI request bodies (openai_request.cpp, openai_messages.cpp): ordered
// JSON, member access where null counts as absent, and errors worded as OpenAI words them.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "app/server/openai_protocol.h"

namespace lectern::server::wire {

// ordered_json: tool definitions and JSON schemas keep the client's key order, which the prompt (tools) and the
// generated JSON (schema property order) depend on.
using Json = nlohmann::ordered_json;
// A check's outcome: nullopt when the part is fine, else the error to answer with.
using Check = std::optional<ApiError>;

// The translation context of every wire-format message.
class OpenAiProtocol {
    Q_DECLARE_TR_FUNCTIONS(OpenAiProtocol)
};

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

inline QString qs(const char* s)
{
    return QString::fromUtf8(s);
}

inline ApiError invalid(const QString& message, const QString& param = {}, const QString& code = {})
{
    ApiError error;
    error.message = message;
    error.param = param;
    error.code = code;
    return error;
}

inline QString typeName(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null: return OpenAiProtocol::tr("null");
    case Json::value_t::object: return OpenAiProtocol::tr("an object");
    case Json::value_t::array: return OpenAiProtocol::tr("an array");
    case Json::value_t::string: return OpenAiProtocol::tr("a string");
    case Json::value_t::boolean: return OpenAiProtocol::tr("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return OpenAiProtocol::tr("an integer");
    case Json::value_t::number_float: return OpenAiProtocol::tr("a number");
    default: return OpenAiProtocol::tr("an unknown value");
    }
}

inline ApiError wrongType(const QString& param, const QString& expected, const Json& got)
{
    return invalid(OpenAiProtocol::tr("Invalid type for '%1': expected %2, but got %3 instead.")
                       .arg(param, expected, typeName(got)),
                   param);
}

inline ApiError missing(const QString& param)
{
    return invalid(OpenAiProtocol::tr("Missing required parameter: '%1'.").arg(param), param);
}

// The member, or null when it is absent or JSON null (OpenAI treats both alike).
inline const Json* member(const Json& object, const char* key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// The "function" object of a tool definition or a tool call at `param`, which must hold a non-empty "name".
inline Check readFunction(const Json& parent, const QString& param, const Json*& function)
{
    function = member(parent, "function");
    if (!function)
        return missing(param + QStringLiteral(".function"));
    if (!function->is_object())
        return wrongType(param + QStringLiteral(".function"), OpenAiProtocol::tr("an object"), *function);
    const Json* name = member(*function, "name");
    if (!name)
        return missing(param + QStringLiteral(".function.name"));
    if (!name->is_string() || name->get<std::string>().empty())
        return invalid(OpenAiProtocol::tr("Invalid '%1.function.name': expected a non-empty string.").arg(param),
                       param + QStringLiteral(".function.name"));
    return std::nullopt;
}

inline std::string dumpCompact(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace lectern::server::wire
